/**
 * C000-KTV-BASE: a venue marketing manager's month pay = base + commission + bonus − fines (底薪<任务>+提成+奖金), with
 * - base: a fixed amount premised on the month's booking target; below the target a setting keeps it in full or
 *   pays it pro rata to the revenue, capped at the base (c000.ktv.base.ifTargetMissed);
 * - commission (C000-KTV-COMMISSION): a rate on the revenue above the target, paid on a day of the next month;
 * - absence and leave (C000-KTV-ABSENCE): a fine per day; absence days at the limit or more, or leave days past
 *   the limit (c000.ktv.leave.forfeitAt), forfeit the month's commission. Lateness beyond the limit counts as
 *   absence days (C000-KTV-LATE, whose numbers this reads);
 * - lateness, off post, improper gifts and poaching fines, and dismissal (C000-KTV-LATE, C000-KTV-OTHER).
 * Incident counts left empty are none. The pay is exact here and rounded once, to the fen, in the results.
 */
import { z } from "zod";
import { Condition, holds, NEGATED_SYMBOL, opOf, Quantity, SYMBOL } from "../../compare";
import { Dec, sum } from "../../decimal";
import type { Reason } from "../../model";
import { isUnavailable, reason, unavailable } from "../../outcome";
import { periodKind } from "../../periods";
import type { CompiledRule } from "../../rulebook/compile";
import { RULE_ID } from "../../rulebook/schema";
import type { PayKind } from "../types";
import { checkSettingRefs } from "../general/common";
import { checkPicked, count, need, note, orZero, pctText, pick, picked, yuan } from "./common";
import { payDateOf } from "./payDate";
import { lateOutcome, type LatenessParams, type VenueOtherParams } from "./venueRules";

const Params = z
  .object({
    ids: z.object({ commission: z.string().regex(RULE_ID), absence: z.string().regex(RULE_ID) }).strict(),
    lateRule: z.string().regex(RULE_ID),
    otherRule: z.string().regex(RULE_ID),
    base: Quantity,
    target: Quantity,
    ifTargetMissed: picked(z.enum(["full", "proRata"])),
    commission: z.object({ rate: Quantity, payday: z.object({ dayOfMonth: z.number().int().min(1).max(28), monthsAfter: z.number().int().min(0) }).strict() }).strict(),
    absence: z.object({ perDay: Quantity, forfeitAt: Condition }).strict(),
    leave: z.object({ perDay: Quantity, forfeitAt: picked(Condition) }).strict(),
  })
  .strict();
type Params = z.infer<typeof Params>;

export const venuePay: PayKind<Params> = {
  kind: "venuePay",
  stage: "pay",
  params: Params,
  check(rule, book) {
    const p = rule.params;
    const problems = [...checkSettingRefs(rule, book), ...checkPicked(p.ifTargetMissed, rule, book), ...checkPicked(p.leave.forfeitAt, rule, book)];
    if (book.byId.get(p.lateRule)?.kind.kind !== "coopLateness") problems.push(`lateRule ${p.lateRule} must be a coopLateness rule`);
    if (book.byId.get(p.otherRule)?.kind.kind !== "coopVenueOther") problems.push(`otherRule ${p.otherRule} must be a coopVenueOther rule`);
    for (const id of Object.values(p.ids)) if (!rule.doc.implements.includes(id)) problems.push(`${id} must be listed in "implements"`);
    return problems;
  },
  pay(rule, ctx) {
    if (periodKind(ctx.period) !== "month") return undefined;
    const p = rule.params;
    const b = ctx.book;
    const y = (d: Dec) => yuan(d, b);
    const rec = ctx.record;
    if (!rec) return unavailable("na", rule.id, `缺少 ${ctx.period} 的记录`, `no record for ${ctx.period}`);
    const late = b.byId.get(p.lateRule) as CompiledRule<LatenessParams>;
    const other = (b.byId.get(p.otherRule) as CompiledRule<VenueOtherParams>).params;
    const reasons: Reason[] = [];
    const revenue = need(rec, "bookedRevenue", rule.id);
    if (isUnavailable(revenue)) return revenue;

    // Base (C000-KTV-BASE)
    const met = revenue.gte(p.target);
    const missed = pick(p.ifTargetMissed, ctx.settings);
    const base = met || missed.value === "full" ? p.base : Dec.min(p.base, p.base.times(revenue).div(p.target));
    const mn = note(missed);
    reasons.push(
      reason(
        rule.id,
        met
          ? `定台业绩 ${y(revenue)} ≥ 任务 ${y(p.target)},底薪 ${y(base)}`
          : missed.value === "full"
            ? `定台业绩 ${y(revenue)} < 任务 ${y(p.target)},底薪仍为 ${y(base)}${mn.zh}`
            : `定台业绩 ${y(revenue)} < 任务 ${y(p.target)},底薪按比例 ${y(p.base)} × ${y(revenue)} ÷ ${y(p.target)} = ${y(base)}${mn.zh}`,
        met
          ? `bookings ${y(revenue)} ≥ target ${y(p.target)}: base ${y(base)}`
          : missed.value === "full"
            ? `bookings ${y(revenue)} < target ${y(p.target)}: base still ${y(base)}${mn.en}`
            : `bookings ${y(revenue)} < target ${y(p.target)}: base pro rata ${y(p.base)} × ${y(revenue)} / ${y(p.target)} = ${y(base)}${mn.en}`,
      ),
    );

    // Lateness → fines and absence days (C000-KTV-LATE)
    const within = orZero(rec, "lateWithinLimit");
    const atLimit = orZero(rec, "lateAtLimit");
    const beyond = orZero(rec, "lateBeyondLimit");
    const offPost = orZero(rec, "offPostCount");
    const atOutcome = lateOutcome(late.params, late.params.within.value, b, ctx.settings).outcome;
    const fineTimes = within.plus(atOutcome === "fine" ? atLimit : new Dec(0));
    const asAbsence = beyond.plus(atOutcome === "absence" ? atLimit : new Dec(0)).times(late.params.absenceDays);
    const lateFine = fineTimes.times(late.params.fine);
    const offFine = offPost.times(late.params.offPost.fine);
    const an = note(pick(late.params.atBoth, ctx.settings));
    const limit = count(late.params.within.value);
    reasons.push(
      reason(
        late.id,
        `迟到早退 ${limit} 分钟以内 ${count(within)} 次、恰好 ${limit} 分钟 ${count(atLimit)} 次${an.zh}、超过 ${limit} 分钟 ${count(beyond)} 次:罚款 ${count(fineTimes)} 次 × ${y(late.params.fine)} = ${y(lateFine)},按旷工 ${count(asAbsence)} 天;脱岗 ${count(offPost)} 次 × ${y(late.params.offPost.fine)} = ${y(offFine)}`,
        `late/early within ${limit} min ${count(within)}, exactly ${limit} min ${count(atLimit)}${an.en}, beyond ${count(beyond)}: ${count(fineTimes)} fine(s) × ${y(late.params.fine)} = ${y(lateFine)}, ${count(asAbsence)} day(s) of absence; off post ${count(offPost)} × ${y(late.params.offPost.fine)} = ${y(offFine)}`,
      ),
    );

    // Absence and leave (C000-KTV-ABSENCE)
    const absence = orZero(rec, "absenceDays").plus(asAbsence);
    const leave = orZero(rec, "leaveDays");
    const absenceFine = absence.times(p.absence.perDay);
    const leaveFine = leave.times(p.leave.perDay);
    const aOp = opOf(b, ctx.settings, p.absence.forfeitAt);
    const leaveAt = pick(p.leave.forfeitAt, ctx.settings);
    const lOp = opOf(b, ctx.settings, leaveAt.value);
    const absenceForfeit = holds(absence, aOp, p.absence.forfeitAt.value);
    const leaveForfeit = holds(leave, lOp, leaveAt.value.value);
    const forfeit = absenceForfeit || leaveForfeit;
    const ln = note(leaveAt);
    reasons.push(
      reason(
        p.ids.absence,
        `旷工 ${count(absence)} 天 × ${y(p.absence.perDay)} = ${y(absenceFine)}(${absenceForfeit ? SYMBOL[aOp] : NEGATED_SYMBOL[aOp]} ${count(p.absence.forfeitAt.value)} 天);事假 ${count(leave)} 天 × ${y(p.leave.perDay)} = ${y(leaveFine)}(${leaveForfeit ? SYMBOL[lOp] : NEGATED_SYMBOL[lOp]} ${count(leaveAt.value.value)} 天)${ln.zh}→ ${forfeit ? "扣发当月业绩提成" : "提成照发"}`,
        `absence ${count(absence)} day(s) × ${y(p.absence.perDay)} = ${y(absenceFine)} (${absenceForfeit ? SYMBOL[aOp] : NEGATED_SYMBOL[aOp]} ${count(p.absence.forfeitAt.value)}); leave ${count(leave)} day(s) × ${y(p.leave.perDay)} = ${y(leaveFine)} (${leaveForfeit ? SYMBOL[lOp] : NEGATED_SYMBOL[lOp]} ${count(leaveAt.value.value)})${ln.en} → ${forfeit ? "the month's commission is forfeited" : "commission kept"}`,
      ),
    );

    // Commission (C000-KTV-COMMISSION)
    const excess = Dec.max(revenue.minus(p.target), 0);
    const earned = excess.times(p.commission.rate);
    const commission = forfeit ? new Dec(0) : earned;
    const payday = payDateOf(p.commission.payday, ctx.period);
    reasons.push(
      reason(
        p.ids.commission,
        `超出任务业绩 ${y(excess)} × ${pctText(p.commission.rate)} = ${y(earned)}${forfeit ? ",已扣发 → ¥0.00" : ""};${payday} 发放`,
        `revenue above target ${y(excess)} × ${pctText(p.commission.rate)} = ${y(earned)}${forfeit ? ", forfeited → ¥0.00" : ""}; paid on ${payday}`,
      ),
    );

    // Gifts, poaching, dismissal (C000-KTV-OTHER)
    const gift = orZero(rec, "improperGiftYuan");
    const poached = orZero(rec, "poachedTableRevenue");
    const giftFine = gift.times(other.gift.fineMultiple);
    const poachFine = poached.times(other.poaching.fineMultiple);
    if (!gift.isZero() || !poached.isZero()) {
      reasons.push(
        reason(
          p.otherRule,
          `违规签送 ${y(gift)} × ${count(other.gift.fineMultiple)} = ${y(giftFine)};抢客当桌业绩 ${y(poached)} × ${count(other.poaching.fineMultiple)} = ${y(poachFine)}`,
          `improper gifts ${y(gift)} × ${count(other.gift.fineMultiple)} = ${y(giftFine)}; poached table ${y(poached)} × ${count(other.poaching.fineMultiple)} = ${y(poachFine)}`,
        ),
      );
    }
    const bonus = orZero(rec, "bonus");
    const fines = sum([absenceFine, leaveFine, lateFine, offFine, giftFine, poachFine]);
    if (rec.flags.includes("dismissed") && other.dismissal.forfeitsPay) {
      reasons.push(reason(p.otherRule, "开除:只退押金,不发当月工资和提成 → ¥0.00", "dismissed: only the deposit is returned; no pay or commission → ¥0.00"));
      return { amount: new Dec(0), reasons };
    }
    const total = sum([base, commission, bonus]).minus(fines);
    reasons.push(
      reason(
        rule.id,
        `工资 = 底薪 ${y(base)} + 提成 ${y(commission)} + 奖金 ${y(bonus)} − 扣罚 ${y(fines)} = ${y(total)}`,
        `pay = base ${y(base)} + commission ${y(commission)} + bonus ${y(bonus)} − fines ${y(fines)} = ${y(total)}`,
      ),
    );
    return { amount: total, reasons };
  },
};
