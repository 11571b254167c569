/**
 * B002-LOSS-ACCOUNTABILITY: 「经诫勉期仍未清收转化的,并最终造成贷款损失的…对经认定承担主要责任的客户经理将降低和取消其
 * 任职资格」. Flags accountability when an admonition that a credit event led to (a cause flag on the admonition's
 * start record or its clients: NPL, arrears, advance, overdue) has ended, and a record of the appraised period after
 * the end says the item is still unresolved with a loss amount above 0. The outcome (lower or cancel the
 * qualification, plus penalties) is a human decision: the engine reports the flag only.
 */
import { z } from "zod";
import type { FieldName } from "../../fields";
import type { Reason } from "../../model";
import { isUnavailable, reason } from "../../outcome";
import type { TriggerKind } from "../types";
import { IntegerOrSetting, isSettingRef } from "../ledger/common";
import { admonitionsOf } from "./admonition";
import { admonitionMonths } from "./allowance";
import { Code, FieldRef, flagText, FlagRef, lastDay, recordsWithin, show } from "./common";

const Params = z
  .object({
    action: Code,
    months: IntegerOrSetting,
    causeFlags: z.array(FlagRef).min(1),
    unresolvedFlag: FlagRef,
    lossField: FieldRef,
  })
  .strict();
type Params = z.infer<typeof Params>;

export const lossAccountability: TriggerKind<Params> = {
  kind: "lossAccountability",
  stage: "trigger",
  params: Params,
  check(rule, book) {
    const m = rule.params.months;
    return isSettingRef(m) && !book.doc.settings[m.setting] ? [`setting ${m.setting} is not declared`] : [];
  },
  trigger(rule, ctx) {
    const p = rule.params;
    const months = admonitionMonths(p.months, ctx.settings, rule.id);
    if (isUnavailable(months)) return months;
    const list = admonitionsOf(ctx.history, months, rule.id);
    if (isUnavailable(list)) return list;
    const reasons: Reason[] = [];
    for (const a of list) {
      const s = a.startRecord;
      const causes = p.causeFlags.filter((f) => s.flags.includes(f) || s.clients.some((c) => c.flags.includes(f)));
      if (causes.length === 0) continue;
      const later = recordsWithin(ctx.history, ctx.period).filter((r) => lastDay(r.period) > a.end && r.flags.includes(p.unresolvedFlag));
      for (const r of later) {
        const loss = r.values[p.lossField as FieldName];
        if (loss === undefined || !loss.gt(0)) continue;
        const cz = causes.map((f) => flagText(f).zh).join("、");
        const ce = causes.map((f) => flagText(f).en).join(", ");
        const m = show(loss, "money", ctx.book);
        reasons.push(
          reason(
            rule.id,
            `${s.period} ${cz}导致诫勉(${a.start} 至 ${a.end});${r.period} 仍未清收转化,损失 ${m} → 追究责任,降低或取消任职资格(由分行认定)`,
            `${ce} in ${s.period} led to an admonition (${a.start} to ${a.end}); ${r.period}: still unresolved, loss ${m} → accountability: qualification lowered or cancelled (decided by the branch)`,
          ),
        );
      }
    }
    return reasons.length > 0 ? { rule: rule.id, action: p.action, reasons } : undefined;
  },
};
