/**
 * C000-FUT-PAYDAY: pay for month m is issued on a fixed day of month m + k (每个月15号发放; m + 1 assumed, since the
 * month's lots are known only after month-end). Informational: the engine computes the amount, this the date.
 * `payDateOf` is shared with the pay kinds' explanations.
 */
import { z } from "zod";
import { reason } from "../../outcome";
import { monthIndex, monthOfIndex } from "../../periods";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { monthInput } from "../tools/toolInput";

export const PayDateParams = z.object({ dayOfMonth: z.number().int().min(1).max(28), monthsAfter: z.number().int().min(0), payer: Bilingual }).strict();
export type PayDateParams = z.infer<typeof PayDateParams>;

export function payDateOf(p: { dayOfMonth: number; monthsAfter: number }, month: string): string {
  return `${monthOfIndex(monthIndex(month) + p.monthsAfter)}-${String(p.dayOfMonth).padStart(2, "0")}`; // int: calendar month index
}

const Input = z.object({ month: monthInput("month") }).strict();
type Input = z.infer<typeof Input>;

export const coopPayDate: ToolKind<PayDateParams, Input> = {
  kind: "coopPayDate",
  stage: "tool",
  params: PayDateParams,
  input: Input,
  run(rule, input) {
    const date = payDateOf(rule.params, input.month);
    const by = rule.params.payer;
    return { value: { payDate: date }, reasons: [reason(rule.id, `${input.month} 工资于 ${date} 由${by.zh}发放`, `pay for ${input.month} is issued by the ${by.en} on ${date}`)] };
  },
};
