/**
 * C000-FUT-PAY: a brokerage CM's month pay = base + bonuses + commission − fines (实际工资 = 底薪 + 奖金 + 提成 + 满勤奖;
 * the full-attendance bonus is counted once), with its parts:
 * - base (C000-FUT-BASE): the normal base for regular staff or a month with deposits at the gate (入金五万以上);
 *   otherwise the lost base table (a required setting, #N/A until set). Cut to a lower amount after N months in a
 *   row without an effective account (from the N-th month, or the month after: c000.fut.baseCut.from); a month
 *   with an effective account always gets the normal base, and a month with deposits at the gate may too
 *   (c000.fut.base.depositOverridesCut). A month flagged `newHire` has no earlier month to count.
 * - commission (C000-FUT-COMMISSION): net revenue × rate; the rate is 0 below the lots gate (低于20标准手), else
 *   from the lost tier table (a required setting: #N/A above the gate until set, never a guessed rate).
 * - halving (C000-FUT-ATTENDANCE): attendance below half of the required days halves base and commission only.
 * - bonuses (C000-FUT-BONUS): full attendance, account opening (per account or once a month), other awards.
 * - fines (C000-FUT-FINE): per breach found.
 * Amounts stay exact here; the pay is rounded once, to the fen, when results are written.
 */
import { z } from "zod";
import { Condition, holds, NEGATED_SYMBOL, opOf, OpSchema, Quantity, SYMBOL } from "../../compare";
import { Dec, sum } from "../../decimal";
import type { PeriodRecord, Reason } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import { monthIndex, monthOfIndex, periodKind } from "../../periods";
import type { CompiledRule } from "../../rulebook/compile";
import { RULE_ID } from "../../rulebook/schema";
import type { Settings } from "../../settings";
import type { EvalContext, PayKind } from "../types";
import { checkSettingRefs } from "../general/common";
import { checkPicked, count, need, note, orZero, pctText, pick, picked, yuan } from "./common";
import { fractionText, recordLots, standardLots, type Fraction, type LotsParams } from "./lots";
import { payDateOf, type PayDateParams } from "./payDate";
import { PairCache } from "../../memo";

const SettingRef = z.object({ setting: z.string() }).strict();

const Params = z
  .object({
    ids: z.object({ base: z.string().regex(RULE_ID), commission: z.string().regex(RULE_ID), attendance: z.string().regex(RULE_ID), bonus: z.string().regex(RULE_ID), fine: z.string().regex(RULE_ID) }).strict(),
    lotsRule: z.string().regex(RULE_ID),
    paydayRule: z.string().regex(RULE_ID).optional(),
    regularGrades: z.array(z.string()).min(1),
    base: z
      .object({
        normal: Quantity,
        deposits: Condition,
        otherwise: SettingRef,
        cut: z.object({ amount: Quantity, emptyMonths: z.number().int().min(1), from: picked(z.enum(["inRun", "afterRun"])), depositOverrides: picked(z.boolean()) }).strict(),
      })
      .strict(),
    commission: z.object({ below: Condition, tiers: SettingRef }).strict(),
    attendance: z.object({ below: z.object({ word: z.string().optional(), op: OpSchema.optional(), share: Quantity }).strict(), factor: Quantity }).strict(),
    fullAttendance: z.object({ amount: Quantity, share: Quantity }).strict(),
    opening: z.object({ amount: Quantity, per: picked(z.enum(["account", "monthIfAny"])) }).strict(),
    fine: z.object({ perBreach: Quantity }).strict(),
  })
  .strict();
type Params = z.infer<typeof Params>;

const RateTiers = z.array(z.object({ atLeast: Quantity, rate: Quantity }).strict()).min(1);
const BaseTiers = z.array(z.object({ atLeast: Quantity, base: Quantity }).strict()).min(1);

/** lots ≥ x, on the exact fraction. */
const lotsAtLeast = (lots: Fraction, x: Dec) => lots.num.gte(x.times(lots.den));

// A tier setting is validated (zod) once per settings object and key, not once per person and month.
const parsedTiers = new PairCache<Settings, string, z.ZodSafeParseResult<unknown>>();

function parseTiers<T>(schema: z.ZodType<T[]>, key: string, raw: unknown, settings: Settings): z.ZodSafeParseResult<T[]> {
  return parsedTiers.get(settings, key, () => schema.safeParse(raw)) as z.ZodSafeParseResult<T[]>;
}

/** The highest tier whose lower bound the lots reach, from a list setting; #N/A if unset or none covers. */
function tierOf<T extends { atLeast: Dec }>(schema: z.ZodType<T[]>, key: string, lots: Fraction, ctx: EvalContext, rule: string, why: { zh: string; en: string }): T | Unavailable {
  const raw = ctx.settings.get(key);
  if (raw === undefined) return unavailable("na", rule, `${why.zh}:未设置 ${key}(原文表格缺失,不作推测)`, `${why.en}: ${key} is not set (the seed's table is lost; no rate is guessed)`);
  const parsed = parseTiers(schema, key, raw, ctx.settings);
  if (!parsed.success) return unavailable("value", rule, `设置 ${key} 无效:${parsed.error.issues[0]?.message ?? ""}`, `setting ${key} is invalid: ${parsed.error.issues[0]?.message ?? ""}`);
  const hit = [...parsed.data].sort((a, b) => a.atLeast.cmp(b.atLeast)).filter((t) => lotsAtLeast(lots, t.atLeast)).pop();
  if (!hit) return unavailable("na", rule, `${key} 没有覆盖 ${fractionText(lots)} 标准手的档次`, `${key} has no tier for ${fractionText(lots)} standard lots`);
  return hit;
}

/** Months without an effective account in a row, ending with this month (at most `needed`), or what is missing. */
function emptyRun(ctx: EvalContext, needed: number, rule: string): number[] | Unavailable {
  const byPeriod = new Map<string, PeriodRecord>(ctx.history.map((r) => [r.period, r]));
  const m = monthIndex(ctx.period);
  const run: number[] = [];
  for (let k = 0; k < needed; k++) { // int: months back
    const period = monthOfIndex(m - k); // int: calendar month index
    const rec = byPeriod.get(period);
    if (!rec) {
      const next = monthOfIndex(m - k + 1); // int: calendar month index
      return unavailable(
        "na",
        rule,
        `缺少 ${period} 的新出有效户数(effectiveAccounts),无法判断是否连续未出有效户;若 ${next} 为入职首月,请在该月标记 newHire`,
        `no record of new effective accounts (effectiveAccounts) for ${period}: cannot tell whether months in a row had none; if ${next} was the first month of employment, flag it newHire`,
      );
    }
    const v = need(rec, "effectiveAccounts", rule, period);
    if (isUnavailable(v)) return v;
    if (v.gt(0)) break;
    run.push(m - k); // int: calendar month index
    if (rec.flags.includes("newHire")) break;
  }
  return run;
}

export const brokeragePay: PayKind<Params> = {
  kind: "brokeragePay",
  stage: "pay",
  params: Params,
  check(rule, book) {
    const p = rule.params;
    const problems = [...checkSettingRefs(rule, book), ...checkPicked(p.base.cut.from, rule, book), ...checkPicked(p.base.cut.depositOverrides, rule, book), ...checkPicked(p.opening.per, rule, book)];
    const lots = book.byId.get(p.lotsRule);
    if (!lots || lots.kind.kind !== "coopStandardLots") problems.push(`lotsRule ${p.lotsRule} must be a coopStandardLots rule`);
    const payday = p.paydayRule ? book.byId.get(p.paydayRule) : undefined;
    if (p.paydayRule && (!payday || payday.kind.kind !== "coopPayDate")) problems.push(`paydayRule ${p.paydayRule} must be a coopPayDate rule`);
    for (const g of p.regularGrades) if (!book.gradeIds.includes(g)) problems.push(`unknown grade ${g}`);
    for (const id of Object.values(p.ids)) if (id !== rule.id && !rule.doc.implements.includes(id)) problems.push(`${id} must be listed in "implements"`);
    return problems;
  },
  pay(rule, ctx) {
    if (periodKind(ctx.period) !== "month") return undefined;
    const p = rule.params;
    const id = p.ids;
    const b = ctx.book;
    const rec = ctx.record;
    if (!rec) return unavailable("na", rule.id, `缺少 ${ctx.period} 的记录`, `no record for ${ctx.period}`);
    const reasons: Reason[] = [];
    const y = (d: Dec) => yuan(d, b);

    // Attendance (C000-FUT-ATTENDANCE)
    const attended = need(rec, "attendedDays", id.attendance);
    if (isUnavailable(attended)) return attended;
    const required = need(rec, "requiredDays", id.attendance);
    if (isUnavailable(required)) return required;
    const halfOp = opOf(b, ctx.settings, p.attendance.below);
    const half = required.times(p.attendance.below.share);
    const halve = holds(attended, halfOp, half);
    reasons.push(
      reason(
        id.attendance,
        `出勤 ${count(attended)} 天,应出勤 ${count(required)} 天的 ${pctText(p.attendance.below.share)} 为 ${count(half)} 天:${count(attended)} ${halve ? SYMBOL[halfOp] : NEGATED_SYMBOL[halfOp]} ${count(half)} → ${halve ? `底薪和提成各 × ${pctText(p.attendance.factor)}` : "不减半"}`,
        `attended ${count(attended)} of ${count(required)} required days; ${pctText(p.attendance.below.share)} is ${count(half)}: ${count(attended)} ${halve ? SYMBOL[halfOp] : NEGATED_SYMBOL[halfOp]} ${count(half)} → ${halve ? `base and commission × ${pctText(p.attendance.factor)}` : "no halving"}`,
      ),
    );
    const factor = halve ? p.attendance.factor : new Dec(1);

    // Standard lots (C000-FUT-LOTS)
    const lotsRule = b.byId.get(p.lotsRule) as CompiledRule<LotsParams>;
    const counts = recordLots(lotsRule.params, rec, lotsRule.id);
    if (isUnavailable(counts)) return counts;
    const lots = standardLots(lotsRule.params, counts, ctx.settings, lotsRule.id);
    if (isUnavailable(lots)) return lots;
    reasons.push(...lots.reasons);

    // Base (C000-FUT-BASE)
    const cut = p.base.cut;
    const from = pick(cut.from, ctx.settings);
    const needed = cut.emptyMonths + (from.value === "afterRun" ? 1 : 0); // int: months in a row
    const run = emptyRun(ctx, needed, id.base);
    if (isUnavailable(run)) return run;
    const grade = ctx.grade;
    const regular = grade !== undefined && p.regularGrades.includes(grade);
    const depOp = opOf(b, ctx.settings, p.base.deposits);
    let deposits: Dec | undefined;
    const readDeposits = (): Dec | Unavailable => {
      const d = need(rec, "depositsIn", id.base);
      if (!isUnavailable(d)) deposits = d;
      return d;
    };
    let base: Dec;
    const fromNote = note(from);
    if (run.length >= needed) {
      const over = pick(cut.depositOverrides, ctx.settings);
      let overridden = false;
      if (over.value) {
        const d = readDeposits();
        if (isUnavailable(d)) return d;
        overridden = holds(d, depOp, p.base.deposits.value);
      }
      const months = run.map(monthOfIndex).reverse().join("、");
      const monthsEn = run.map(monthOfIndex).reverse().join(", ");
      if (overridden) {
        base = p.base.normal;
        const n = note(over);
        reasons.push(
          reason(
            id.base,
            `${months} 连续 ${run.length} 个月未出有效户,但当月入金 ${y(deposits!)} ${SYMBOL[depOp]} ${y(p.base.deposits.value)} → 底薪 ${y(base)}${n.zh}`,
            `${monthsEn}: no effective account ${run.length} months running, but deposits ${y(deposits!)} ${SYMBOL[depOp]} ${y(p.base.deposits.value)} → base ${y(base)}${n.en}`,
          ),
        );
      } else {
        base = cut.amount;
        reasons.push(
          reason(
            id.base,
            `${months} 连续 ${run.length} 个月未出有效户 → 底薪降为 ${y(base)}${fromNote.zh}`,
            `${monthsEn}: no effective account ${run.length} months running → base cut to ${y(base)}${fromNote.en}`,
          ),
        );
      }
    } else {
      const why = run.length === 0
        ? { zh: "当月出有效户,按正常底薪计算", en: "an effective account this month: normal base" }
        : { zh: `连续未出有效户 ${run.length} 个月,未满降底薪条件${fromNote.zh}`, en: `${run.length} month(s) in a row without an effective account: no cut yet${fromNote.en}` };
      if (regular) {
        base = p.base.normal;
        reasons.push(reason(id.base, `转正职工,底薪 ${y(base)};${why.zh}`, `regular staff: base ${y(base)}; ${why.en}`));
      } else {
        const d = readDeposits();
        if (isUnavailable(d)) return d;
        if (holds(d, depOp, p.base.deposits.value)) {
          base = p.base.normal;
          reasons.push(reason(id.base, `当月入金 ${y(d)} ${SYMBOL[depOp]} ${y(p.base.deposits.value)},底薪 ${y(base)};${why.zh}`, `deposits ${y(d)} ${SYMBOL[depOp]} ${y(p.base.deposits.value)}: base ${y(base)}; ${why.en}`));
        } else {
          const status = grade === undefined ? { zh: "未给出是否转正(grade)", en: "regular or probation not given (grade)" } : { zh: "未转正", en: "not regular" };
          const t = tierOf(BaseTiers, p.base.otherwise.setting, lots.standard, ctx, id.base, {
            zh: `${status.zh}且当月入金 ${y(d)} ${NEGATED_SYMBOL[depOp]} ${y(p.base.deposits.value)},底薪按原文缺失的底薪表`,
            en: `${status.en} and deposits ${y(d)} ${NEGATED_SYMBOL[depOp]} ${y(p.base.deposits.value)}: the base comes from the lost base table`,
          });
          if (isUnavailable(t)) return t;
          base = t.base;
          reasons.push(
            reason(
              id.base,
              `${status.zh},当月入金 ${y(d)} ${NEGATED_SYMBOL[depOp]} ${y(p.base.deposits.value)}:${fractionText(lots.standard)} 标准手 → 底薪 ${y(base)}(设置 ${p.base.otherwise.setting});${why.zh}`,
              `${status.en}, deposits ${y(d)} ${NEGATED_SYMBOL[depOp]} ${y(p.base.deposits.value)}: ${fractionText(lots.standard)} standard lots → base ${y(base)} (setting ${p.base.otherwise.setting}); ${why.en}`,
            ),
          );
        }
      }
    }
    const basePaid = base.times(factor);
    if (halve) reasons.push(reason(id.attendance, `底薪减半:${y(base)} × ${pctText(factor)} = ${y(basePaid)}`, `base halved: ${y(base)} × ${pctText(factor)} = ${y(basePaid)}`));

    // Commission (C000-FUT-COMMISSION)
    const gateOp = opOf(b, ctx.settings, p.commission.below);
    const belowGate = holds(lots.standard.num, gateOp, p.commission.below.value.times(lots.standard.den));
    const lotsText = fractionText(lots.standard);
    const gate = count(p.commission.below.value);
    let commission: Dec;
    if (belowGate) {
      commission = new Dec(0);
      reasons.push(
        reason(
          id.commission,
          `当月客户交易 ${lotsText} 标准手 ${SYMBOL[gateOp]} ${gate} 标准手,净创收提成比例为 0 → 提成 ${y(commission)}`,
          `${lotsText} standard lots ${SYMBOL[gateOp]} ${gate}: the commission rate on net revenue is 0 → commission ${y(commission)}`,
        ),
      );
    } else {
      const key = p.commission.tiers.setting;
      const t = tierOf(RateTiers, key, lots.standard, ctx, id.commission, {
        zh: `当月客户交易 ${lotsText} 标准手 ${NEGATED_SYMBOL[gateOp]} ${gate} 标准手,提成比例须按原文缺失的提成表`,
        en: `${lotsText} standard lots ${NEGATED_SYMBOL[gateOp]} ${gate}: the rate comes from the lost commission table`,
      });
      if (isUnavailable(t)) return t;
      const revenue = need(rec, "netRevenue", id.commission);
      if (isUnavailable(revenue)) return revenue;
      commission = revenue.times(t.rate);
      reasons.push(
        reason(
          id.commission,
          `${lotsText} 标准手 ≥ ${count(t.atLeast)} 标准手档,提成比例 ${pctText(t.rate)}(设置 ${key}):净创收 ${y(revenue)} × ${pctText(t.rate)} = ${y(commission)}`,
          `${lotsText} standard lots, tier from ${count(t.atLeast)}: rate ${pctText(t.rate)} (setting ${key}): net revenue ${y(revenue)} × ${pctText(t.rate)} = ${y(commission)}`,
        ),
      );
    }
    const commissionPaid = commission.times(factor);
    if (halve) reasons.push(reason(id.attendance, `提成减半:${y(commission)} × ${pctText(factor)} = ${y(commissionPaid)}`, `commission halved: ${y(commission)} × ${pctText(factor)} = ${y(commissionPaid)}`));

    // Bonuses (C000-FUT-BONUS)
    const fullOk = attended.gte(required.times(p.fullAttendance.share));
    const full = fullOk ? p.fullAttendance.amount : new Dec(0);
    const opened = orZero(rec, "accountsOpened");
    const per = pick(p.opening.per, ctx.settings);
    const opening = per.value === "account" ? p.opening.amount.times(opened) : opened.gt(0) ? p.opening.amount : new Dec(0);
    const other = orZero(rec, "otherAwards");
    const perNote = note(per);
    const openingText = per.value === "account"
      ? { zh: `开户奖 ${count(opened)} 户 × ${y(p.opening.amount)} = ${y(opening)}`, en: `opening bonus ${count(opened)} × ${y(p.opening.amount)} = ${y(opening)}` }
      : { zh: `开户奖(当月有开户即计一次,开户 ${count(opened)} 户)${y(opening)}`, en: `opening bonus (once in a month with any opening; ${count(opened)} opened) ${y(opening)}` };
    reasons.push(
      reason(
        id.bonus,
        `满勤奖:出勤 ${count(attended)} 天 ${fullOk ? "≥" : "<"} 应出勤 ${count(required)} 天 → ${y(full)};${openingText.zh}${perNote.zh};其他奖项 ${y(other)}`,
        `full-attendance bonus: ${count(attended)} ${fullOk ? "≥" : "<"} ${count(required)} required days → ${y(full)}; ${openingText.en}${perNote.en}; other awards ${y(other)}`,
      ),
    );

    // Fines (C000-FUT-FINE)
    const breaches = orZero(rec, "disciplineBreaches");
    const fines = p.fine.perBreach.times(breaches);
    reasons.push(reason(id.fine, `违反考勤与工作纪律 ${count(breaches)} 次 × ${y(p.fine.perBreach)} = 扣 ${y(fines)}`, `${count(breaches)} breach(es) × ${y(p.fine.perBreach)} = ${y(fines)} fined`));

    // Pay (C000-FUT-PAY)
    const total = sum([basePaid, opening, other, commissionPaid, full]).minus(fines);
    reasons.push(
      reason(
        rule.id,
        `实际工资 = 底薪 ${y(basePaid)} + 奖金 ${y(opening.plus(other))} + 提成 ${y(commissionPaid)} + 满勤奖 ${y(full)} − 扣款 ${y(fines)} = ${y(total)}(满勤奖只计一次)`,
        `pay = base ${y(basePaid)} + bonuses ${y(opening.plus(other))} + commission ${y(commissionPaid)} + full attendance ${y(full)} − fines ${y(fines)} = ${y(total)} (the full-attendance bonus counted once)`,
      ),
    );
    if (p.paydayRule) {
      const pd = b.byId.get(p.paydayRule) as CompiledRule<PayDateParams>;
      const date = payDateOf(pd.params, ctx.period);
      reasons.push(reason(pd.id, `${ctx.period} 工资于 ${date} 由${pd.params.payer.zh}发放`, `pay for ${ctx.period} is issued by the ${pd.params.payer.en} on ${date}`));
    }
    return { amount: total, reasons };
  },
};
