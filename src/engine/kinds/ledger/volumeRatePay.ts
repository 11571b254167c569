/**
 * Pay as Σ volume × rate per business line (含量收入, H003-PAY-NO-BASE-SALARY): no base or fixed component. Each
 * line's rate comes from the rule or a setting; a scheme whose seed gives no rates declares required settings with
 * no default, and until they are set the pay is unavailable (#N/A) with a message naming every missing setting —
 * never 0. Each line is rounded to the rulebook's money decimals, so printed lines add up to the printed total.
 */
import { z } from "zod";
import { Quantity } from "../../compare";
import { ZERO, Dec } from "../../decimal";
import { money, plain } from "../../format";
import { evaluateIndicator, IndicatorSchema } from "../../indicator";
import type { Reason } from "../../model";
import { isUnavailable, reason, unavailable } from "../../outcome";
import { periodKind } from "../../periods";
import { roundTo } from "../../rounding";
import { Bilingual } from "../../rulebook/schema";
import type { PayKind } from "../types";
import { QuantityOrSetting, resolveQuantity, undeclared } from "./common";

const Line = z
  .object({
    label: Bilingual,
    volume: IndicatorSchema,
    /** Lower bound of the volume (an increment over a base is never negative). */
    atLeast: Quantity.optional(),
    /** The rate: 元 per `per` of volume, per period. */
    rate: QuantityOrSetting,
    /** Volume unit the rate is quoted in ("1万" = per 10 000 元); 1 when absent. */
    per: Quantity.optional(),
  })
  .strict();

const Params = z
  .object({
    lines: z.array(Line).min(1),
    /** Why no rates may be configured (H003: the seed gives none), shown with the missing settings. */
    whenUnset: Bilingual.optional(),
  })
  .strict();
type Params = z.infer<typeof Params>;

export const volumeRatePay: PayKind<Params> = {
  kind: "volumeRatePay",
  stage: "pay",
  params: Params,
  check(rule, book) {
    const problems = undeclared(book, rule.params.lines.map((l) => l.rate));
    for (const l of rule.params.lines) if (l.per !== undefined && !l.per.gt(0)) problems.push(`${l.label.en}: per must be > 0`);
    return problems;
  },
  pay(rule, ctx) {
    const p = rule.params;
    const id = rule.id;
    // A rule paid per month (按月考核兑现) computes nothing for a quarter or a year.
    if (rule.doc.period && rule.doc.period !== "event" && periodKind(ctx.period) !== rule.doc.period) return undefined;
    const rates: Dec[] = [];
    const missing: string[] = [];
    for (const l of p.lines) {
      const r = resolveQuantity(l.rate, ctx.settings);
      if (r.ok) rates.push(r.value);
      else if (r.missing) missing.push(r.missing);
      else return unavailable("value", id, `设置有误:${r.bad}`, `bad setting: ${r.bad}`);
    }
    if (missing.length > 0) {
      const why = p.whenUnset ? { zh: `(${p.whenUnset.zh})`, en: ` (${p.whenUnset.en})` } : { zh: "", en: "" };
      return unavailable("na", id, `未设置收入含量:${missing.join("、")}${why.zh}`, `pay rates not configured: ${missing.join(", ")}${why.en}`);
    }
    const spec = ctx.book.doc.rounding.money;
    const m = (d: Dec) => money(d, spec);
    const reasons: Reason[] = [];
    let total = ZERO;
    for (let i = 0; i < p.lines.length; i++) { // int: list index
      const l = p.lines[i];
      const v = evaluateIndicator(l.volume, ctx.record, ctx.book, ctx.settings, id);
      if (isUnavailable(v)) return v;
      const volume = l.atLeast !== undefined ? Dec.max(l.atLeast, v.value) : v.value;
      const per = l.per ?? new Dec(1);
      const amount = roundTo(volume.div(per).times(rates[i]), spec);
      total = total.plus(amount);
      const perText = per.eq(1) ? { zh: "元", en: "¥1" } : { zh: ` ${m(per)} `, en: m(per) };
      reasons.push(
        reason(
          id,
          `${l.label.zh} ${m(volume)},每${perText.zh}计 ${plain(rates[i])} 元 → ${m(amount)}`,
          `${l.label.en} ${m(volume)} at ¥${plain(rates[i])} per ${perText.en} → ${m(amount)}`,
        ),
      );
    }
    reasons.push(
      reason(id, `无基本工资、固定工资和等级工资,收入 = 各项含量收入之和 ${m(total)}`, `no base, fixed or grade salary: pay = sum of volume × rate lines ${m(total)}`),
    );
    return { amount: total, reasons };
  },
};
