/**
 * The venue snippet's discipline rules as tools (their numbers are also read by the venue pay, ./venuePay.ts):
 * - coopLateness (C000-KTV-LATE): late or early within the limit → a fine per time; beyond it → one absence day;
 *   exactly at the limit is both 以内 and 以上, so a setting decides (c000.ktv.late.exactly30); off post for the
 *   off-post minutes or more → a fine per time.
 * - coopVenueOther (C000-KTV-OTHER): a gift above the allowed share of the guest's spend, or any drink, is a breach
 *   fined a multiple of the gift; poaching is fined a multiple of that table's revenue of the day; dismissal forfeits
 *   the month's pay and commission (the deposit is returned; its amount is not in the seed).
 */
import { z } from "zod";
import { Condition, holds, opOf, Quantity } from "../../compare";
import { Dec } from "../../decimal";
import type { Reason } from "../../model";
import { reason } from "../../outcome";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";
import type { ToolKind } from "../types";
import { checkSettingRefs } from "../general/common";
import { decimalInput } from "../tools/toolInput";
import { arrowZh, checkPicked, count, note, pctText, pick, picked, yuan } from "./common";

export const LatenessParams = z
  .object({
    fine: Quantity,
    within: Condition,
    beyond: Condition,
    atBoth: picked(z.enum(["fine", "absence"])),
    absenceDays: Quantity,
    offPost: z.object({ atLeast: Condition, fine: Quantity }).strict(),
  })
  .strict();
export type LatenessParams = z.infer<typeof LatenessParams>;

export type LateOutcome = "fine" | "absence";

/** What a late arrival or early leave of `minutes` costs. */
export function lateOutcome(p: LatenessParams, minutes: Dec, book: CompiledRulebook, settings: Settings): { outcome: LateOutcome | "none"; both: boolean } {
  const w = holds(minutes, opOf(book, settings, p.within), p.within.value);
  const b = holds(minutes, opOf(book, settings, p.beyond), p.beyond.value);
  if (w && b) return { outcome: pick(p.atBoth, settings).value, both: true };
  if (b) return { outcome: "absence", both: false };
  if (w && minutes.gt(0)) return { outcome: "fine", both: false };
  return { outcome: "none", both: false };
}

const LateInput = z
  .object({
    events: z.array(z.object({ type: z.enum(["late", "early", "offPost"], { error: "type must be late, early or offPost" }), minutes: decimalInput("events[].minutes", { nonNegative: true }) }).strict(), {
      error: "events must be a list of {type, minutes}",
    }),
  })
  .strict();
type LateInput = z.infer<typeof LateInput>;

export const coopLateness: ToolKind<LatenessParams, LateInput> = {
  kind: "coopLateness",
  stage: "tool",
  params: LatenessParams,
  input: LateInput,
  check: (rule, book) => [...checkSettingRefs(rule, book), ...checkPicked(rule.params.atBoth, rule, book)],
  run(rule, input, book, settings) {
    const p = rule.params;
    let fines = new Dec(0);
    let absence = new Dec(0);
    const reasons: Reason[] = [];
    const events: Array<{ type: string; minutes: string; outcome: string }> = [];
    const kind = { late: { zh: "迟到", en: "late" }, early: { zh: "早退", en: "early leave" }, offPost: { zh: "离开营业场所", en: "off the premises" } };
    for (const e of input.events) {
      let outcome: string;
      let line: { zh: string; en: string };
      if (e.type === "offPost") {
        const off = holds(e.minutes, opOf(book, settings, p.offPost.atLeast), p.offPost.atLeast.value);
        outcome = off ? "fine" : "none";
        if (off) fines = fines.plus(p.offPost.fine);
        line = off
          ? { zh: `脱岗,罚 ${yuan(p.offPost.fine, book)}`, en: `off post: fined ${yuan(p.offPost.fine, book)}` }
          : { zh: `不足 ${count(p.offPost.atLeast.value)} 分钟,不算脱岗`, en: `under ${count(p.offPost.atLeast.value)} minutes: not off post` };
      } else {
        const o = lateOutcome(p, e.minutes, book, settings);
        outcome = o.outcome;
        const n = o.both ? note(pick(p.atBoth, settings)) : { zh: "", en: "" };
        if (o.outcome === "fine") {
          fines = fines.plus(p.fine);
          line = { zh: `${count(p.within.value)} 分钟以内,罚 ${yuan(p.fine, book)}${n.zh}`, en: `within ${count(p.within.value)} minutes: fined ${yuan(p.fine, book)}${n.en}` };
        } else if (o.outcome === "absence") {
          absence = absence.plus(p.absenceDays);
          line = { zh: `按旷工 ${count(p.absenceDays)} 天处理${n.zh}`, en: `counted as ${count(p.absenceDays)} day of absence${n.en}` };
        } else line = { zh: "无处罚", en: "no penalty" };
      }
      events.push({ type: e.type, minutes: e.minutes.toFixed(), outcome });
      reasons.push(reason(rule.id, `${kind[e.type].zh} ${e.minutes.toFixed()} 分钟:${line.zh}`, `${kind[e.type].en} ${e.minutes.toFixed()} min: ${line.en}`));
    }
    return { value: { fines: fines.toFixed(2), absenceDays: absence.toFixed(), events }, reasons };
  },
};

export const VenueOtherParams = z
  .object({
    gift: z.object({ maxShare: Quantity, fineMultiple: Quantity, drinksAllowed: z.boolean() }).strict(),
    poaching: z.object({ fineMultiple: Quantity }).strict(),
    dismissal: z.object({ forfeitsPay: z.boolean() }).strict(),
  })
  .strict();
export type VenueOtherParams = z.infer<typeof VenueOtherParams>;

const OtherInput = z
  .object({
    guestSpend: decimalInput("guestSpend", { nonNegative: true }).optional(),
    giftValue: decimalInput("giftValue", { nonNegative: true }).optional(),
    drinks: z.boolean({ error: "drinks must be true or false" }).optional(),
    poachedTableRevenue: decimalInput("poachedTableRevenue", { nonNegative: true }).optional(),
    dismissed: z.boolean({ error: "dismissed must be true or false" }).optional(),
  })
  .strict()
  .refine((i) => (i.giftValue === undefined) === (i.guestSpend === undefined), { message: "give giftValue with guestSpend" });
type OtherInput = z.infer<typeof OtherInput>;

export const coopVenueOther: ToolKind<VenueOtherParams, OtherInput> = {
  kind: "coopVenueOther",
  stage: "tool",
  params: VenueOtherParams,
  input: OtherInput,
  run(rule, input, book) {
    const p = rule.params;
    const reasons: Reason[] = [];
    const value: Record<string, unknown> = {};
    let fines = new Dec(0);
    if (input.giftValue !== undefined && input.guestSpend !== undefined) {
      const limit = input.guestSpend.times(p.gift.maxShare);
      const drinkBreach = input.drinks === true && !p.gift.drinksAllowed;
      const breach = drinkBreach || input.giftValue.gt(limit);
      const fine = breach ? input.giftValue.times(p.gift.fineMultiple) : new Dec(0);
      fines = fines.plus(fine);
      value.giftBreach = breach;
      value.giftFine = fine.toFixed(2);
      const why = drinkBreach
        ? { zh: "签送酒水", en: "drinks given" }
        : { zh: `签送 ${yuan(input.giftValue, book)} ${breach ? ">" : "≤"} 消费 ${yuan(input.guestSpend, book)} 的 ${pctText(p.gift.maxShare)}(${yuan(limit, book)})`, en: `gift ${yuan(input.giftValue, book)} ${breach ? ">" : "≤"} ${pctText(p.gift.maxShare)} of spend ${yuan(input.guestSpend, book)} (${yuan(limit, book)})` };
      reasons.push(
        reason(
          rule.id,
          breach ? `${arrowZh(why.zh)}违规,罚签送金额 ${count(p.gift.fineMultiple)} 倍 ${yuan(fine, book)}` : `${arrowZh(why.zh)}符合`,
          breach ? `${why.en} → breach, fined ${count(p.gift.fineMultiple)} × the gift = ${yuan(fine, book)}` : `${why.en} → allowed`,
        ),
      );
    }
    if (input.poachedTableRevenue !== undefined) {
      const fine = input.poachedTableRevenue.times(p.poaching.fineMultiple);
      fines = fines.plus(fine);
      value.poachingFine = fine.toFixed(2);
      reasons.push(reason(rule.id, `抢客:罚当日当桌业绩 ${yuan(input.poachedTableRevenue, book)} 的 ${count(p.poaching.fineMultiple)} 倍 = ${yuan(fine, book)}`, `poaching: fined ${count(p.poaching.fineMultiple)} × that table's revenue ${yuan(input.poachedTableRevenue, book)} = ${yuan(fine, book)}`));
    }
    if (input.dismissed === true) {
      value.forfeitsPay = p.dismissal.forfeitsPay;
      reasons.push(reason(rule.id, "开除:只退押金,不发当月工资和提成", "dismissed: only the deposit is returned; no pay or commission for the month"));
    }
    return { value: { ...value, fines: fines.toFixed(2) }, reasons };
  },
};
