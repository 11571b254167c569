/**
 * B002-ADMON-NOT-APPLIED (validation): HR proposes 诫勉 for a CM who did not complete the quarter's main indicators;
 * 「未予以诫勉的,应书面说明原因」. Judged at the end of the following quarter: a candidate quarter (completion below
 * the bar) with no admonition running at any time in the following quarter and no written reason (a flag on a record
 * of either quarter) → a warning. A candidate quarter that cannot be judged (no quarterly record) is left to
 * B002-ADMON-TRIGGERS, which reports the missing data.
 */
import { z } from "zod";
import { Condition, holds, opOf, SYMBOL } from "../../compare";
import type { Reason } from "../../model";
import { isUnavailable, reason } from "../../outcome";
import { periodKind } from "../../periods";
import type { TriggerKind } from "../types";
import { IntegerOrSetting, isSettingRef } from "../ledger/common";
import { admonitionsOf } from "./admonition";
import { admonitionMonths } from "./allowance";
import { Code, FlagRef, lastDay, previousQuarter, quarterEndsIn, recordsWithin, show } from "./common";
import { checkMeasure, completionOf, Measure } from "./completion";

const Params = z
  .object({
    action: Code,
    completion: Measure,
    below: Condition,
    months: IntegerOrSetting,
    waiverFlag: FlagRef,
    judgeIn: z.array(z.enum(["month", "quarter", "halfYear", "year"])).min(1),
  })
  .strict();
type Params = z.infer<typeof Params>;

export const admonitionNotApplied: TriggerKind<Params> = {
  kind: "admonitionNotApplied",
  stage: "trigger",
  params: Params,
  check(rule, book) {
    const p = rule.params;
    const problems = checkMeasure(p.completion, book);
    if (isSettingRef(p.months) && !book.doc.settings[p.months.setting]) problems.push(`setting ${p.months.setting} is not declared`);
    return problems;
  },
  trigger(rule, ctx) {
    const p = rule.params;
    const kind = periodKind(ctx.period);
    if (!kind || !p.judgeIn.includes(kind)) return undefined;
    const months = admonitionMonths(p.months, ctx.settings, rule.id);
    if (isUnavailable(months)) return months;
    const list = admonitionsOf(ctx.history, months, rule.id);
    if (isUnavailable(list)) return list;
    const op = opOf(ctx.book, ctx.settings, p.below);
    const bar = show(p.below.value, "rate", ctx.book);
    const reasons: Reason[] = [];
    for (const next of quarterEndsIn(ctx.period)) {
      const q = previousQuarter(next);
      const c = completionOf(p.completion, ctx.history.find((r) => r.period === q), ctx.book, ctx.settings, rule.id, q);
      if (isUnavailable(c) || !holds(c.value, op, p.below.value)) continue;
      const after = lastDay(q);
      const until = lastDay(next);
      if (list.some((a) => a.start <= until && a.end > after)) continue;
      const waived = [...recordsWithin(ctx.history, q), ...recordsWithin(ctx.history, next)].some((r) => r.flags.includes(p.waiverFlag));
      if (waived) continue;
      reasons.push(
        reason(
          rule.id,
          `${q} ${c.zh} ${SYMBOL[op]} ${bar},为诫勉候选;至 ${until} 未予诫勉,也无书面说明原因(标志 ${p.waiverFlag})→ 提示`,
          `${q}: ${c.en} ${SYMBOL[op]} ${bar}, an admonition candidate; no admonition by ${until} and no written reason (flag ${p.waiverFlag}) → warning`,
        ),
      );
    }
    return reasons.length > 0 ? { rule: rule.id, action: p.action, reasons } : undefined;
  },
};
