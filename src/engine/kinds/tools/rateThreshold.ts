/**
 * A success rate (successes ÷ attempts) meets a threshold (H003-OPT-MKT-SUCCESS-RATE: a marketing success rate of 50 %
 * or more, a KPI "some banks" use, outside the Huangshi scheme). A rule of this kind can be present but switched
 * off (`enabled: false`): it then answers #N/A saying it is optional and how to opt in, so nothing reads it by
 * default and a user rulebook turns it on by data alone.
 */
import { z } from "zod";
import { Condition, holds, opOf, SYMBOL } from "../../compare";
import { Dec } from "../../decimal";
import { pct } from "../../format";
import { reason, unavailable } from "../../outcome";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { countInput } from "./toolInput";

const Params = z
  .object({
    enabled: z.boolean(),
    rateLabel: Bilingual,
    threshold: Condition,
    /** Shown when the rule is off: why and how to opt in. */
    offMessage: Bilingual,
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({ successes: countInput("successes"), attempts: countInput("attempts", { min: 1 }) })
  .strict()
  .refine((x) => x.successes <= x.attempts, { error: "successes must not exceed attempts", path: ["successes"] });
type Input = z.infer<typeof Input>;

export const successRateThreshold: ToolKind<Params, Input> = {
  kind: "successRateThreshold",
  stage: "tool",
  params: Params,
  input: Input,
  run(rule, input, book, settings) {
    const p = rule.params;
    if (!p.enabled) return unavailable("na", rule.id, p.offMessage.zh, p.offMessage.en);
    const rate = new Dec(input.successes).div(input.attempts);
    const op = opOf(book, settings, p.threshold);
    const meets = holds(rate, op, p.threshold.value);
    const R = book.doc.rounding.ratePercent;
    const verdict = meets ? { zh: "达到", en: "meets" } : { zh: "未达到", en: "does not meet" };
    return {
      value: { rate: rate.toString(), meets },
      reasons: [
        reason(
          rule.id,
          `${p.rateLabel.zh} ${input.successes} / ${input.attempts} = ${pct(rate, R)},${verdict.zh} ${SYMBOL[op]} ${pct(p.threshold.value, R)}`,
          `${p.rateLabel.en} ${input.successes} / ${input.attempts} = ${pct(rate, R)}: ${verdict.en} ${SYMBOL[op]} ${pct(p.threshold.value, R)}`,
        ),
      ],
    };
  },
};
