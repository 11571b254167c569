/**
 * Roles and grades as data (H003-ROLE-GRADES): which roles carry a grade, which scoring table each role is
 * appraised on, and which roles also count as another (a branch president is also a CM). Loading a rulebook checks
 * that this vocabulary names exactly the rulebook's roles and grades; `roleGradeFindings` lets the workbook
 * validator check a person's role and grade against it.
 */
import { z } from "zod";
import type { CompiledRulebook } from "../../rulebook/compile";
import { Bilingual } from "../../rulebook/schema";
import type { ConventionKind } from "../types";
import { finding, type Finding } from "./findings";

const RoleSemantics = z
  .object({
    /** Every person of this role has a grade (true) or none (false). */
    graded: z.boolean(),
    /** The scoring table the role is appraised on, or null when the role is not scored. */
    scoringTable: z.string().nullable(),
    /** Roles this role also counts as (a president is also a CM). */
    alsoCounts: z.array(z.string()).default([]),
    note: Bilingual.optional(),
  })
  .strict();

const Params = z
  .object({
    roles: z.record(z.string(), RoleSemantics),
    /** Highest first, as the rulebook's `grades`. */
    gradeOrder: z.array(z.string()).min(1),
  })
  .strict();
export type RoleGradesParams = z.infer<typeof Params>;

export const roleGrades: ConventionKind<RoleGradesParams> = {
  kind: "roleGrades",
  stage: "convention",
  params: Params,
  check(rule, book: CompiledRulebook) {
    const p = rule.params;
    const problems: string[] = [];
    const named = Object.keys(p.roles);
    for (const r of book.roleIds) if (!named.includes(r)) problems.push(`role ${r} of the rulebook has no semantics`);
    for (const r of named) if (!book.roleIds.includes(r)) problems.push(`unknown role ${r}`);
    for (const s of Object.values(p.roles)) for (const r of s.alsoCounts) if (!book.roleIds.includes(r)) problems.push(`unknown role ${r}`);
    if (p.gradeOrder.join(",") !== book.gradeIds.join(",")) problems.push(`gradeOrder ${p.gradeOrder.join(",")} differs from the rulebook's grades ${book.gradeIds.join(",")}`);
    return problems;
  },
};

/** Findings for one person's role and grade against the convention (missing grade, a grade where none belongs). */
export function roleGradeFindings(ruleId: string, p: RoleGradesParams, role: string, grade: string | undefined, ref?: string): Finding[] {
  const s = p.roles[role];
  if (!s) return [finding("error", ruleId, `角色 "${role}" 不在本规则集中`, `role "${role}" is not in this rulebook`, ref)];
  if (grade !== undefined && !p.gradeOrder.includes(grade)) return [finding("error", ruleId, `等级 "${grade}" 不在本规则集中`, `grade "${grade}" is not in this rulebook`, ref)];
  if (s.graded && grade === undefined) return [finding("error", ruleId, `角色 ${role} 须有等级(${p.gradeOrder.join("、")})`, `role ${role} needs a grade (${p.gradeOrder.join(", ")})`, ref)];
  if (!s.graded && grade !== undefined) return [finding("warning", ruleId, `角色 ${role} 没有等级,等级 ${grade} 不予采用`, `role ${role} has no grade; grade ${grade} is ignored`, ref)];
  return [];
}
