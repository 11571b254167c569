/**
 * The roster (花名册): one row per manager — id, name, branch, role, grade, an opening risk-deposit balance.
 * A manager whose id repeats, or whose role or grade the rulebook does not know, is reported and not appraised
 * (the engine would otherwise judge someone under the wrong rules).
 */
import type { Dec } from "../engine/decimal";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import { address, clip, quote } from "./cells";
import type { IdResolver } from "./identity";
import type { Where } from "./problems";
import { RowReader, type ReadContext } from "./rowReader";
import type { Table } from "./tables";
import { readGrade, readRole } from "./vocabulary";

export interface RosterEntry {
  id: string;
  name?: string;
  branch?: string;
  role?: string;
  grade?: string;
  openingRiskDeposit?: Dec;
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
      roster.set(rid.id, entry);
    }
  }
  return roster;
}
