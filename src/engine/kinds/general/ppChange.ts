/**
 * G001-PP-CHANGE: the change of a rate between periods is a difference in percentage points (rate now − rate
 * before), never a relative %; the change of an amount or a count is the plain difference. Any two of current,
 * previous and change give the third (the seed states "93.64 %, up 5.77 pp", so the previous month was 87.87 %).
 * With a period, the compared period is named: 环比 (mom) = the preceding period of the same kind, 同比 (yoy) = the
 * same period a year earlier.
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { plain } from "../../format";
import { isUnavailable, reason, unavailable } from "../../outcome";
import type { ToolKind } from "../types";
import { AnyPeriod, checkSettingRefs, DecInput, PercentParams, percentSpec, percentValue, ppText } from "./common";
import { previousPeriod } from "./periodMath";

const Params = z.object({ percent: PercentParams.optional() }).strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    measure: z.enum(["rate", "amount", "count"]).default("rate"),
    current: DecInput.optional(),
    previous: DecInput.optional(),
    change: DecInput.optional(),
    period: AnyPeriod.optional(),
    basis: z.enum(["mom", "yoy"]).default("mom"),
  })
  .strict()
  .refine((i) => [i.current, i.previous, i.change].filter((v) => v !== undefined).length === 2, {
    message: "give exactly two of current, previous and change",
  });
type Input = z.infer<typeof Input>;

export interface PpChangeValue {
  current: Dec;
  previous: Dec;
  /** A fraction for rates (0.0577 = 5.77 pp), the plain difference otherwise. */
  change: Dec;
  /** "+5.77 个百分点" / "+53". */
  text: string;
  comparedWith?: string;
}

export const ppChange: ToolKind<Params, Input> = {
  kind: "ppChange",
  stage: "tool",
  params: Params,
  input: Input,
  check: checkSettingRefs,
  run(rule, input, book, settings) {
    const spec = percentSpec(rule.params.percent, book, settings, rule.id);
    if (isUnavailable(spec)) return spec;
    const current = input.current ?? input.previous!.plus(input.change!);
    const previous = input.previous ?? current.minus(input.change!);
    const change = input.change ?? current.minus(previous);
    if (input.measure === "count" && ![current, previous, change].every((v) => v.isInteger())) {
      return unavailable("value", rule.id, "户数、笔数等计数必须是整数", "counts must be whole numbers");
    }
    const comparedWith = input.period ? previousPeriod(input.period, input.basis) : undefined;
    const vs = comparedWith
      ? { zh: `${input.basis === "mom" ? "环比" : "同比"} ${comparedWith}`, en: `vs ${comparedWith} (${input.basis === "mom" ? "period on period" : "year on year"})` }
      : { zh: "较上期", en: "vs the previous period" };
    let value: PpChangeValue;
    let zh: string;
    let en: string;
    if (input.measure === "rate") {
      const pp = ppText(change, spec);
      const now = percentValue(current, spec).text;
      const before = percentValue(previous, spec).text;
      value = { current, previous, change, text: `${pp} 个百分点`, comparedWith };
      zh = `${now} ${vs.zh} ${before}:${pp} 个百分点(比率之差,不是相对增长率)`;
      en = `${now} ${vs.en} ${before}: ${pp} pp (a difference of rates, not a relative change)`;
    } else {
      const diff = `${change.isNegative() ? "" : "+"}${plain(change)}`;
      value = { current, previous, change, text: diff, comparedWith };
      zh = `${plain(current)} ${vs.zh} ${plain(previous)}:${diff}`;
      en = `${plain(current)} ${vs.en} ${plain(previous)}: ${diff}`;
    }
    return { value, reasons: [reason(rule.id, zh, en)] };
  },
};
