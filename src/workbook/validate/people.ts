/**
 * The people of the workbook against the roster and the rulebook:
 * - nameMismatch: a row whose name is not the roster's name for its staff id (a wrong id on a row is the usual
 *   cause); counted per sheet, id and name;
 * - roleGrade (H003-ROLE-GRADES, B002-GRADES): a role that carries a grade without one, or a grade on a role that
 *   has none, judged by the rulebook's role semantics (roleGradeFindings);
 * - staffHeadcount, staffShare and any other check on each branch (forEach: branches; C000-SERVICE-STAFF-3,
 *   C000-CM-SHARE-50): each 机构's staff from the roster, judged by the rulebook's own checks. A rulebook whose
 *   staffing rules read a whole coop says in its check when a 机构 is one (e.g. its roster rows name a service role).
 */
import { roleGradeFindings, type RoleGradesParams } from "../../engine/kinds/tools/roleGrades";
import { checkBranch } from "../../engine/api";
import { ALL_CHECK_CODES } from "./catalog";
import type { ProblemCode } from "../problems";
import { clip, isBlank, isExcelError, quote } from "../cells";
import type { Where } from "../problems";
import type { RosterEntry } from "../roster";
import { entryCell, gradeLabel, report, roleLabel, rulesOfKind, whereText, type ValidationContext } from "./context";

const norm = (s: string) => s.normalize("NFKC").replace(/\s/g, "");


export function checkNames(ctx: ValidationContext): void {
  const roster = ctx.detail.roster;
  if (!roster) return;
  const groups = new Map<string, { at: Where; id: string; name: string; rows: number; entry: RosterEntry }>();
  for (const t of ctx.detail.found.tables) {
    if (t.kind === "roster") continue;
    const nameCol = t.mapping.byKey.get("name")?.col;
    if (nameCol === undefined) continue;
    const idCol = t.mapping.byKey.get("id")!.col;
    for (const r of t.rows) {
      const v = r.cells[nameCol];
      // An error value (or a formula saved without its value) names nobody: it is not a different name.
      if (isBlank(v) || isExcelError(v)) continue;
      const rid = ctx.detail.ids.read(t.sheet, r.row, idCol, r.cells[idCol], []);
      const entry = rid.id === undefined ? undefined : roster.get(rid.id);
      if (!entry || entry.name === undefined || norm(String(v)) === norm(entry.name)) continue;
      const name = String(v).trim();
      const key = `${t.sheet}\u0000${entry.id}\u0000${norm(name)}`;
      const g = groups.get(key);
      if (g) g.rows += 1; // int: count
      else groups.set(key, { at: { sheet: t.sheet, row: r.row, col: nameCol }, id: entry.id, name, rows: 1, entry });
    }
  }
  for (const g of groups.values()) {
    const rosterAt = entryCell(ctx, g.entry, "name") ?? g.entry.at;
    const more = g.rows > 1 ? { zh: `(共 ${g.rows} 行)`, en: ` (${g.rows} rows)` } : { zh: "", en: "" };
    report(ctx, "warning", "nameMismatch", g.at, {
      zh: `工号 ${g.id} 在此为「${clip(g.name)}」,花名册(${whereText(rosterAt)})为「${clip(g.entry.name ?? "")}」:姓名不符,请核对工号是否填错${more.zh}`,
      en: `staff id ${g.id} is ${quote(g.name)} here but ${quote(g.entry.name ?? "")} in the roster (${whereText(rosterAt)}): check that the id is right${more.en}`,
    }, { field: "name", managerId: g.id });
  }
}

export function checkRoleGrades(ctx: ValidationContext): void {
  for (const rule of rulesOfKind(ctx.book, "roleGrades")) {
    const p = rule.params as RoleGradesParams;
    for (const entry of ctx.detail.entries.values()) {
      if (!entry.usable || entry.role === undefined) continue; // an unknown role or grade is reported already
      const findings = roleGradeFindings(rule.id, p, entry.role, entry.grade);
      if (findings.length === 0) continue;
      const f = findings[0];
      const role = roleLabel(ctx.book, entry.role);
      const at = entryCell(ctx, entry, "grade") ?? entryCell(ctx, entry, "role") ?? entry.at;
      const text = entry.grade === undefined
        ? {
            zh: `工号 ${entry.id}:${role.zh}须有等级(${p.gradeOrder.map((g) => gradeLabel(ctx.book, g).zh).join("、")}),等级为空(${rule.id})`,
            en: `staff id ${entry.id}: ${role.en} needs a grade (${p.gradeOrder.map((g) => gradeLabel(ctx.book, g).en).join(", ")}); the grade is blank (${rule.id})`,
          }
        : {
            zh: `工号 ${entry.id}:${role.zh}没有等级,等级「${gradeLabel(ctx.book, entry.grade).zh}」不予采用(${rule.id})`,
            en: `staff id ${entry.id}: ${role.en} has no grade; grade "${gradeLabel(ctx.book, entry.grade).en}" is ignored (${rule.id})`,
          };
      report(ctx, f.severity, "roleGrade", at, text, { field: "grade", managerId: entry.id, rule: rule.id });
    }
  }
}

/** A format-2 rulebook's checks on each branch: each 机构 of the roster with its staff, at the branch cell. */
function checkBranches(ctx: ValidationContext): void {
  const book = ctx.book.v2;
  if (!book || !book.checks.some((r) => (r.checks ?? []).some((c) => c.forEach === "branches"))) return;
  for (const [branch, people] of branchesOf(ctx)) {
    const staff = people.map((e) => ({ id: e.id, role: e.role! }));
    const first = people[0];
    const at = entryCell(ctx, first, "branch") ?? first.at;
    const name = branch === "" ? { zh: "未填机构的人员", en: "staff with no branch" } : { zh: branch, en: branch };
    for (const f of checkBranch(ctx.book, ctx.settings, branch, staff, ctx.period)) {
      const code: ProblemCode = f.code !== undefined && (ALL_CHECK_CODES as readonly string[]).includes(f.code) ? (f.code as ProblemCode) : "ruleCheck";
      report(ctx, f.severity, code, at, {
        zh: `${name.zh}(花名册 ${staff.length} 人):${f.zh}(${f.rule})`,
        en: `${name.en} (${staff.length} on the roster): ${f.en} (${f.rule})`,
      }, { field: f.field ?? "branch", rule: f.rule, ...(code === "ruleCheck" && f.code !== undefined ? { check: f.code } : {}) });
    }
  }
}

/** The roster's people with a role, by 机构 (blank: "") in roster order. */
function branchesOf(ctx: ValidationContext): Map<string, RosterEntry[]> {
  const branches = new Map<string, RosterEntry[]>();
  for (const e of ctx.detail.roster?.values() ?? []) {
    if (e.role === undefined) continue;
    const b = e.branch ?? "";
    branches.set(b, [...(branches.get(b) ?? []), e]);
  }
  return branches;
}

export function checkStaffing(ctx: ValidationContext): void {
  checkBranches(ctx);
}
