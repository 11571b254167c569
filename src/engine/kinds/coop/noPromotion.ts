/**
 * C000-OPT-NO-PROMOTION-2Y (optional, off by default): annual task completion below a threshold in N consecutive
 * years → no promotion at the next appointment; the grade is kept, never lowered. Judged on year periods from the
 * yearly records' completion field; a missing year is reported (it could block a promotion), never assumed.
 */
import { z } from "zod";
import { holds, opOf, OpSchema, SYMBOL } from "../../compare";
import type { Dec } from "../../decimal";
import { FIELDS, isFieldName, type FieldName } from "../../fields";
import { reason, unavailable } from "../../outcome";
import { periodKind, yearOf } from "../../periods";
import type { TriggerKind } from "../types";
import { checkSettingRefs } from "../general/common";
import { QuantityOrSetting, resolveQuantity } from "../ledger/common";
import { pctText } from "./common";

const Params = z
  .object({
    action: z.string().min(1),
    enabled: z.union([z.boolean(), z.object({ setting: z.string() }).strict()]),
    field: z.string().refine(isFieldName, { message: "not a field of the data model" }),
    /** 不理想: completion compared with the threshold (the word or op of the rule, the value a setting). */
    below: z.object({ word: z.string().optional(), op: OpSchema.optional() }).strict(),
    threshold: QuantityOrSetting,
    years: z.number().int().min(2),
  })
  .strict();
type Params = z.infer<typeof Params>;

export const coopNoPromotion: TriggerKind<Params> = {
  kind: "coopNoPromotion",
  stage: "trigger",
  params: Params,
  check: checkSettingRefs,
  trigger(rule, ctx) {
    const p = rule.params;
    const enabled = typeof p.enabled === "boolean" ? p.enabled : ctx.settings.get<boolean>(p.enabled.setting) === true;
    if (!enabled || periodKind(ctx.period) !== "year") return undefined;
    const t = resolveQuantity(p.threshold, ctx.settings);
    if (!t.ok) {
      return unavailable("na", rule.id, `未设置或设置有误:${t.missing ?? t.bad}`, `not set or invalid: ${t.missing ?? t.bad}`);
    }
    // Rates are fractions: a threshold of 95 (percent units) would make every year "poor".
    if (t.value.gt(10)) {
      return unavailable("value", rule.id, `阈值 ${t.value.toFixed()} 像是百分数单位,请写成 "95%"`, `threshold ${t.value.toFixed()} looks like percent units; write "95%"`);
    }
    const op = opOf(ctx.book, ctx.settings, p.below);
    const field = p.field as FieldName;
    const f = FIELDS[field];
    const year = yearOf(ctx.period);
    const seen: Array<{ year: number; value: Dec }> = [];
    for (let k = p.years - 1; k >= 0; k--) { // int: count of years back
      const y = year - k; // int: calendar year
      const value = ctx.history.find((r) => r.period === String(y))?.values[field];
      if (value === undefined) {
        return unavailable("na", rule.id, `缺少 ${y} 年度${f.zh}(${field}),无法判断是否连续 ${p.years} 年不理想`, `missing ${f.en} (${field}) for ${y}: cannot tell whether ${p.years} years in a row were poor`);
      }
      seen.push({ year: y, value });
    }
    const th = pctText(t.value);
    if (!seen.every((s) => holds(s.value, op, t.value))) return undefined;
    const list = seen.map((s) => `${s.year} 年 ${pctText(s.value)} ${SYMBOL[op]} ${th}`).join(",");
    const listEn = seen.map((s) => `${s.year} ${pctText(s.value)} ${SYMBOL[op]} ${th}`).join(", ");
    return {
      rule: rule.id,
      action: p.action,
      reasons: [
        reason(
          rule.id,
          `${f.zh}:${list},连续 ${p.years} 年完成核定任务不理想 → ${year + 1} 年只能平级、不晋升(等级保持,不降级)`, // int: next calendar year
          `${f.en}: ${listEn}; poor ${p.years} years running → no promotion for ${year + 1}; the grade is kept, not lowered`, // int: next calendar year
        ),
      ],
    };
  },
};
