/**
 * B002-TRAINEE-PERIOD (kind `traineePeriod`, tool): a graduate's trainee period is one year (end = start + 12
 * months); a transfer's is not less than 6 months (earliest end = start + 6 months, the actual end is an input).
 * A transfer ending earlier is an error; a graduate's period of another length is a warning.
 */
import { z } from "zod";
import { Condition, opOf } from "../../compare";
import { reason } from "../../outcome";
import { addMonths } from "../../periods";
import type { ToolKind } from "../types";
import { finding, type Finding } from "../tools/findings";
import { dateInput } from "../tools/toolInput";

const Params = z
  .object({
    graduateMonths: z.number().int().min(1),
    /** 不少于 6 个月: the months from start to end must meet this. */
    transferMonths: Condition,
  })
  .strict()
  .refine((p) => p.transferMonths.value.isInteger(), { message: "transferMonths must be whole months" });
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    entry: z.enum(["transfer", "graduate"], { error: "entry must be transfer or graduate" }),
    start: dateInput("start"),
    end: dateInput("end").optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

export const traineePeriod: ToolKind<Params, Input> = {
  kind: "traineePeriod",
  stage: "tool",
  params: Params,
  input: Input,
  run(rule, input, book, settings) {
    const p = rule.params;
    const findings: Finding[] = [];
    if (input.entry === "graduate") {
      const standardEnd = addMonths(input.start, p.graduateMonths);
      const reasons = [reason(rule.id, `应届毕业生见习期 ${p.graduateMonths} 个月:${input.start} 至 ${standardEnd}`, `graduate trainee period ${p.graduateMonths} months: ${input.start} to ${standardEnd}`)];
      if (input.end !== undefined && input.end !== standardEnd) {
        findings.push(finding("warning", rule.id, `应届毕业生见习期应为一年(至 ${standardEnd}),实际至 ${input.end}`, `a graduate's trainee period is one year (to ${standardEnd}); given end ${input.end}`));
      }
      return { value: { entry: input.entry, standardEnd, findings }, reasons: [...reasons, ...findings.map((f) => reason(rule.id, f.message.zh, f.message.en))] };
    }
    const months = p.transferMonths.value.toNumber();
    const earliestEnd = addMonths(input.start, months);
    const op = opOf(book, settings, p.transferMonths);
    const reasons = [reason(rule.id, `调入人员见习期不少于 ${months} 个月:最早 ${earliestEnd} 结束`, `transfer trainee period at least ${months} months: ends ${earliestEnd} at the earliest`)];
    if (input.end !== undefined) {
      // Whole months reached by the end date: the end is compared with start + n months, so day-of-month counts.
      const ok = op === "gt" ? input.end > earliestEnd : input.end >= earliestEnd;
      if (!ok) findings.push(finding("error", rule.id, `调入人员见习期不足 ${months} 个月(${input.start} 至 ${input.end},最早 ${earliestEnd})`, `transfer trainee period shorter than ${months} months (${input.start} to ${input.end}; earliest ${earliestEnd})`));
      else reasons.push(reason(rule.id, `见习期至 ${input.end},符合`, `trainee period to ${input.end}: compliant`));
    }
    return { value: { entry: input.entry, earliestEnd, findings }, reasons: [...reasons, ...findings.map((f) => reason(rule.id, f.message.zh, f.message.en))] };
  },
};
