/**
 * B002-APPROVAL-AUTHORITY (kind `gradeApproval`, tool): who proposes, approves and appoints each grade, as data for
 * the taskpane's workflow. Given the grade an appointment is to (and optionally the current one), the route.
 */
import { z } from "zod";
import { reason, unavailable } from "../../outcome";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { gradeName } from "./common";

const Route = z
  .object({
    grades: z.array(z.string()).min(1),
    proposes: Bilingual.optional(),
    approves: Bilingual,
    appoints: Bilingual,
    filedWith: Bilingual.optional(),
  })
  .strict();

const Params = z.object({ routes: z.array(Route).min(1) }).strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    grade: z.string({ error: "grade must be a grade id" }),
    from: z.string({ error: "from must be a grade id" }).optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

export const gradeApproval: ToolKind<Params, Input> = {
  kind: "gradeApproval",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book) {
    const problems: string[] = [];
    const seen = rule.params.routes.flatMap((r) => r.grades);
    for (const g of seen) if (!book.gradeIds.includes(g)) problems.push(`unknown grade ${g}`);
    for (const g of book.gradeIds) {
      const n = seen.filter((x) => x === g).length;
      if (n !== 1) problems.push(`grade ${g} must have exactly one route (has ${n})`);
    }
    return problems;
  },
  run(rule, input, book) {
    for (const g of [input.grade, input.from]) {
      if (g !== undefined && !book.gradeIds.includes(g)) return unavailable("value", rule.id, `"${g}" 不是等级(${book.gradeIds.join("、")})`, `"${g}" is not a grade (${book.gradeIds.join(", ")})`);
    }
    const route = rule.params.routes.find((r) => r.grades.includes(input.grade))!;
    const to = gradeName(book, input.grade);
    const move = input.from ? { zh: `${gradeName(book, input.from).zh} → ${to.zh}`, en: `${gradeName(book, input.from).en} → ${to.en}` } : { zh: to.zh, en: to.en };
    const prop = route.proposes ? { zh: `${route.proposes.zh}推荐;`, en: `proposed by ${route.proposes.en}; ` } : { zh: "", en: "" };
    const filed = route.filedWith ? { zh: `;${route.filedWith.zh}`, en: `; ${route.filedWith.en}` } : { zh: "", en: "" };
    return {
      value: { grade: input.grade, proposes: route.proposes ?? null, approves: route.approves, appoints: route.appoints, filedWith: route.filedWith ?? null },
      reasons: [reason(rule.id, `聘任${move.zh}:${prop.zh}${route.approves.zh};${route.appoints.zh}${filed.zh}`, `appointment ${move.en}: ${prop.en}${route.approves.en}; ${route.appoints.en}${filed.en}`)],
    };
  },
};
