/**
 * B002-STAFF-RANK-MAP (kind `gradeRankMap`, tool): each grade's staff rank (行员等级, 5–9 等; a lower number is a
 * higher rank). Given a grade, its rank; given a list of grades, the list sorted by seniority (the rulebook's grade
 * order, highest first — B002-GRADES). `bySeniority` is the pure core of the sort.
 */
import { z } from "zod";
import { reason, unavailable } from "../../outcome";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { ToolKind } from "../types";
import { gradeName } from "./common";

const Params = z
  .object({
    ranks: z.record(z.string(), z.number().int().min(1)),
    /** 5 等 is above 9 等. */
    lowerIsHigher: z.boolean(),
  })
  .strict();
export type RankMapParams = z.infer<typeof Params>;

const Input = z.union([
  z.object({ grade: z.string({ error: "grade must be a grade id" }) }).strict(),
  z.object({ sort: z.array(z.string(), { error: "sort must be a list of grade ids" }) }).strict(),
]);
type Input = z.infer<typeof Input>;

/** Grades sorted highest first by the rulebook's order; unknown ids are returned separately. */
export function bySeniority(book: CompiledRulebook, ids: string[]): { sorted: string[]; unknown: string[] } {
  const known = ids.filter((g) => book.gradeIds.includes(g));
  const unknown = ids.filter((g) => !book.gradeIds.includes(g));
  const sorted = [...known].sort((a, b) => book.gradeIds.indexOf(a) - book.gradeIds.indexOf(b)); // int: sort comparator on positions
  return { sorted, unknown };
}

export const gradeRankMap: ToolKind<RankMapParams, Input> = {
  kind: "gradeRankMap",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book) {
    const problems: string[] = [];
    for (const g of Object.keys(rule.params.ranks)) if (!book.gradeIds.includes(g)) problems.push(`unknown grade ${g}`);
    for (const g of book.gradeIds) if (rule.params.ranks[g] === undefined) problems.push(`grade ${g} has no staff rank`);
    return problems;
  },
  run(rule, input, book) {
    if ("sort" in input) {
      const { sorted, unknown } = bySeniority(book, input.sort);
      if (unknown.length > 0) return unavailable("value", rule.id, `sort:不是等级:${unknown.join("、")}`, `sort: not grades: ${unknown.join(", ")}`);
      const zh = sorted.map((g) => gradeName(book, g).zh).join("、");
      const en = sorted.map((g) => gradeName(book, g).en).join(", ");
      return { value: { sorted }, reasons: [reason("B002-GRADES", `按等级由高到低:${zh}`, `by seniority, highest first: ${en}`)] };
    }
    const rank = rule.params.ranks[input.grade];
    if (rank === undefined) return unavailable("value", rule.id, `grade:"${input.grade}" 不是等级(${book.gradeIds.join("、")})`, `grade: "${input.grade}" is not a grade (${book.gradeIds.join(", ")})`);
    const g = gradeName(book, input.grade);
    return { value: { rank }, reasons: [reason(rule.id, `${g.zh} → 行员 ${rank} 等`, `${g.en} → staff rank ${rank}`)] };
  },
};
