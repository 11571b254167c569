/**
 * The roster (花名册): one row per manager — id, name, branch, role, grade, an opening risk-deposit balance.
 * A manager whose id repeats, or whose role or grade the rulebook does not know, is reported and not appraised
 * (the engine would otherwise judge someone under the wrong rules).
 */
import type { Dec } from "../engine/decimal";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import type { FieldSpec } from "../engine/rulebook2/fields";
import { address, clip, quote } from "./cells";
import type { IdResolver } from "./identity";
import type { Where } from "./problems";
import { RowReader, type FieldValue, type ManagerFieldRead, type ReadContext } from "./rowReader";
import type { Table } from "./tables";
import { readGrade, readRole } from "./vocabulary";

export interface RosterEntry {
  id: string;
  name?: string;
  branch?: string;
  role?: string;
  grade?: string;
  openingRiskDeposit?: Dec;
  /** Values of the fields a format-2 rulebook declares one per person (`per: "manager"`), each with its cell. */
  fields?: Map<string, { value: FieldValue; at: Where }>;
  /** Where the id was read (for problems about the manager as a whole). */
  at: Where;
  /** False when the entry cannot be appraised (a problem says why). */
  usable: boolean;
}

/** Role and grade cells of a row, reported when unknown to the rulebook. */
export function readRoleGrade(r: RowReader, book: CompiledRulebook): { role?: string; grade?: string; bad: boolean } {
  let bad = false;
  const out: { role?: string; grade?: string; bad: boolean } = { bad };
  // A role or grade formula without its value is reported by readable(), and the manager is not appraised.
  if ((r.column("role") && !r.readable("role")) || (r.column("grade") && !r.readable("grade"))) return { bad: true };
  const role = r.column("role") ? readRole(r.cell("role"), book) : undefined;
  if (role && role.ok) out.role = role.id;
  else if (role) {
    r.report("error", "role", { code: "unknownRole", zh: `角色「${clip(String(r.cell("role")).trim())}」不是规则集 ${book.doc.id} 的角色(可用:${role.known})`, en: `role ${quote(String(r.cell("role")).trim())} is not a role of ${book.doc.id}` });
    bad = true;
  }
  const grade = r.column("grade") ? readGrade(r.cell("grade"), book) : undefined;
  if (grade && grade.ok) out.grade = grade.id;
  else if (grade) {
    r.report("error", "grade", { code: "unknownGrade", zh: `等级「${clip(String(r.cell("grade")).trim())}」不是规则集 ${book.doc.id} 的等级(可用:${grade.known})`, en: `grade ${quote(String(r.cell("grade")).trim())} is not a grade of ${book.doc.id}` });
    bad = true;
  }
  out.bad = bad;
  return out;
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (typeof a === "string" || typeof a === "boolean" || typeof b === "string" || typeof b === "boolean") return a === b;
  return a.eq(b);
}

/** A value as a message shows it, in the engine's unit (the cells may be in 万元 and 元). */
function shown(spec: FieldSpec, v: FieldValue): { zh: string; en: string } {
  if (typeof v === "boolean") return v ? { zh: "是", en: "yes" } : { zh: "否", en: "no" };
  if (typeof v === "string") return { zh: quote(v), en: quote(v) };
  const unit = spec.unit === "money" ? { zh: " 元", en: " yuan" } : spec.unit === "usd" ? { zh: " 美元", en: " USD" } : { zh: "", en: "" };
  return { zh: `${v.toFixed()}${unit.zh}`, en: `${v.toFixed()}${unit.en}` };
}

/**
 * A per-person value into the manager's entry. The roster is read first; the same value again on a records row is
 * fine (a hire date repeated on every month's row), a different one is an error at that cell, and the value read
 * first stays (as with a repeated staff id): two cells that disagree about one person cannot both be right.
 */
export function mergeManagerField(entry: RosterEntry, f: ManagerFieldRead, r: RowReader): void {
  const fields = (entry.fields ??= new Map());
  const had = fields.get(f.spec.id);
  if (!had) {
    fields.set(f.spec.id, { value: f.value, at: f.at });
    return;
  }
  if (sameValue(had.value, f.value)) return;
  const first = address(had.at.sheet, had.at.row!, had.at.col!);
  const [was, now] = [shown(f.spec, had.value), shown(f.spec, f.value)];
  r.report("error", f.key, {
    code: "duplicateRecord",
    zh: `${f.spec.zh}是每人一个的值,此处为 ${now.zh},而 ${first} 为 ${was.zh},两处不一致;按 ${first} 读取,此格未读取,请核对`,
    en: `${f.spec.id} is one value per person: ${now.en} here but ${was.en} at ${first}; ${first} is used and this cell is not read, please check`,
  });
}

export function readRoster(ctx: ReadContext, tables: Table[], ids: IdResolver, book: CompiledRulebook): Map<string, RosterEntry> {
  const roster = new Map<string, RosterEntry>();
  for (const t of tables) {
    const idCol = t.mapping.byKey.get("id")!.col;
    for (const row of t.rows) {
      const rid = ids.read(t.sheet, row.row, idCol, row.cells[idCol], ctx.problems);
      if (rid.skip || rid.id === undefined) continue;
      const r = new RowReader(ctx, t, row, rid.id);
      const first = roster.get(rid.id);
      if (first) {
        r.report("error", "id", {
          code: "duplicateId",
          zh: `工号 ${rid.id} 重复(首次出现在 ${address(first.at.sheet, first.at.row!, first.at.col!)}),此行未读取`,
          en: `staff id ${rid.id} repeats (first at ${address(first.at.sheet, first.at.row!, first.at.col!)}); this row is not read`,
        });
        continue;
      }
      const { role, grade, bad } = readRoleGrade(r, book);
      const entry: RosterEntry = { id: rid.id, at: r.at("id"), usable: !bad };
      if (!r.column("role") || !r.has("role")) {
        r.report("error", "role", { code: "blankRequired", zh: "角色为空,无法考核", en: "the role is blank; the manager cannot be appraised" });
        entry.usable = false;
      }
      const name = r.text("name");
      const branch = r.text("branch");
      if (name !== undefined) entry.name = name;
      if (branch !== undefined) entry.branch = branch;
      if (role !== undefined) entry.role = role;
      if (grade !== undefined) entry.grade = grade;
      const opening = r.number("openingRiskDeposit");
      // H003-RISKDEP-LEDGER: the balance belongs to the manager and is never negative.
      if (opening !== undefined && opening.isNegative() && !opening.isZero()) {
        r.report("error", "openingRiskDeposit", { code: "negative", zh: `风险金期初余额为负数 ${opening.toFixed()} 元,余额不能为负(H003-RISKDEP-LEDGER),未读取`, en: `the opening risk deposit is negative (${opening.toFixed()} 元); a balance is never negative (H003-RISKDEP-LEDGER); not read` });
      } else if (opening !== undefined) entry.openingRiskDeposit = opening;
      for (const f of r.managerFields()) mergeManagerField(entry, f, r);
      roster.set(rid.id, entry);
    }
  }
  return roster;
}
