/**
 * One month of a grade allowance (B002-COMMFEE, B002-TWO-FEES, B002-ADMON-ALLOWANCE), shared by the pay kind and
 * the tool kind:
 * - the amount of the grade comes from a table (data or an object setting, `b002.commFee.caps`); a grade the table
 *   does not give, or a table nobody set (the transport fee), is reported unavailable naming the setting — never 0;
 * - `reimbursementCap`: payable = min(claimed, cap), claimed defaulting to the cap; `flat`: the cap;
 * - roles outside the scheme (back-office staff, B002-SCOPE) get 0 with the reason;
 * - a transferred trainee uses the fee of the former post, a CM managing no clients the branch amount (inputs);
 * - during 诫勉 the month is paid at `paidShare` (50 %) for the covered share of the month, the share coming from
 *   the month rule (b002.admonition.monthRule); `halve` says whether the payout or the cap is halved; in
 *   `fixedYuan` mode the admonished share is paid a flat amount instead (50 元 for both fees, carried by one rule).
 * Each month is rounded half-up to the rulebook's money decimals.
 */
import { z } from "zod";
import { Quantity } from "../../compare";
import { Dec, ONE } from "../../decimal";
import { FIELDS, type FieldName } from "../../fields";
import type { PeriodRecord, Reason } from "../../model";
import { reason, unavailable, type Unavailable } from "../../outcome";
import { roundTo } from "../../rounding";
import type { CompiledRulebook } from "../../rulebook/compile";
import { Bilingual, RULE_ID } from "../../rulebook/schema";
import type { Settings } from "../../settings";
import { IntegerOrSetting, QuantityTableOrSetting, isSettingRef, resolveInteger, resolveQuantityTable } from "../ledger/common";
import { checkChoice, choice, readChoice } from "../status/common";
import { MONTH_RULES, type MonthShare } from "./admonition";
import { FieldRef, FlagRef, flagText, gradeText, show } from "./common";

const PAY_MODES = ["reimbursementCap", "flat"] as const;
const ALLOWANCE_MODES = ["percent", "fixedYuan"] as const;
const HALVE = ["payout", "cap"] as const;
export const GRADE_BASES = ["appointedGrade", "quarterlyAttainedGrade"] as const;

export const AdmonitionTerms = z
  .object({
    months: IntegerOrSetting,
    monthRule: choice(MONTH_RULES),
    mode: choice(ALLOWANCE_MODES),
    /** 「两费补贴按50发放」 read as a percentage: the share paid during 诫勉. */
    paidShare: Quantity,
    /** 「按50发放」 read as 元: the flat monthly amount this rule pays during 诫勉 (both fees together on one rule). */
    fixedYuan: Quantity,
    /** The rule that carries the flat amount for both fees when this one pays 0 in `fixedYuan` mode. */
    fixedCarriedBy: z.string().regex(RULE_ID).optional(),
    halve: choice(HALVE).optional(),
  })
  .strict();
export type AdmonitionTerms = z.infer<typeof AdmonitionTerms>;

export const AllowanceParams = z
  .object({
    label: Bilingual,
    /** Monthly amount (or reimbursement cap) by grade id. */
    amounts: QuantityTableOrSetting,
    mode: choice(PAY_MODES).optional(),
    claimField: FieldRef.optional(),
    transfer: z.object({ grade: z.string(), field: FieldRef }).strict().optional(),
    noClients: z.object({ flag: FlagRef, field: FieldRef }).strict().optional(),
    zeroRoles: z.array(z.string()).default([]),
    gradeBasis: choice(GRADE_BASES).optional(),
    admonition: AdmonitionTerms.optional(),
    /** Why the table may be unset (the seed gives no amount), shown with the missing setting. */
    whenUnset: Bilingual.optional(),
  })
  .strict();
export type AllowanceParams = z.infer<typeof AllowanceParams>;

export function checkAllowance(p: AllowanceParams, book: CompiledRulebook): string[] {
  const problems: string[] = [];
  const a = p.admonition;
  problems.push(...checkChoice(p.mode, PAY_MODES, book), ...checkChoice(p.gradeBasis, GRADE_BASES, book));
  if (a) problems.push(...checkChoice(a.monthRule, MONTH_RULES, book), ...checkChoice(a.mode, ALLOWANCE_MODES, book), ...checkChoice(a.halve, HALVE, book));
  for (const ref of [p.amounts, a?.months]) if (isSettingRef(ref) && !book.doc.settings[ref.setting]) problems.push(`setting ${ref.setting} is not declared`);
  if (!isSettingRef(p.amounts)) for (const g of Object.keys(p.amounts)) if (!book.gradeIds.includes(g)) problems.push(`amount for unknown grade ${g}`);
  if (isSettingRef(p.amounts)) {
    const def = book.doc.settings[p.amounts.setting];
    const d = def?.default as Record<string, unknown> | undefined;
    for (const g of Object.keys(d ?? {})) if (!book.gradeIds.includes(g)) problems.push(`setting ${p.amounts.setting}: unknown grade ${g}`);
  }
  for (const r of p.zeroRoles) if (!book.roleIds.includes(r)) problems.push(`unknown role ${r}`);
  if (p.transfer && !book.gradeIds.includes(p.transfer.grade)) problems.push(`unknown grade ${p.transfer.grade}`);
  if (a?.fixedCarriedBy && !book.byId.has(a.fixedCarriedBy)) problems.push(`unknown rule ${a.fixedCarriedBy}`);
  return problems;
}

/** The admonition length in months, for the tools and kinds that derive the default end. */
export function admonitionMonths(months: IntegerOrSetting, settings: Settings, rule: string): number | Unavailable {
  const r = resolveInteger(months, settings);
  if (r.ok) return r.value;
  return r.missing
    ? unavailable("na", rule, `未设置诫勉期长度 ${r.missing}`, `the admonition length ${r.missing} is not set`)
    : unavailable("value", rule, `设置有误:${r.bad}`, `bad setting: ${r.bad}`);
}

export interface MonthCase {
  month: string;
  grade: string | undefined;
  role: string;
  /** The monthly record (claims, transfer fee, flags), if any. */
  record: PeriodRecord | undefined;
  share: MonthShare;
}

/** One month's amount, rounded, with its explanation. */
export function allowanceMonth(rule: string, p: AllowanceParams, c: MonthCase, book: CompiledRulebook, settings: Settings): { amount: Dec; reasons: Reason[] } | Unavailable {
  const money = (d: Dec) => show(d, "money", book);
  const spec = book.doc.rounding.money;
  const l = p.label;
  if (p.zeroRoles.includes(c.role)) {
    const r = book.doc.roles.find((x) => x.id === c.role);
    return { amount: new Dec(0), reasons: [reason(rule, `${c.month} ${r?.zh ?? c.role}不是客户经理,不享受${l.zh}(B002-SCOPE)→ ¥0.00`, `${c.month}: ${r?.en ?? c.role} is not a CM and gets no ${l.en} (B002-SCOPE) → ¥0.00`)] };
  }
  const g = gradeText(book, c.grade);
  let base: { cap: Dec; zh: string; en: string };
  const field = (f: FieldName) => c.record?.values[f];
  if (p.transfer && c.grade === p.transfer.grade && field(p.transfer.field as FieldName) !== undefined) {
    const v = field(p.transfer.field as FieldName)!;
    const f = FIELDS[p.transfer.field as FieldName];
    base = { cap: v, zh: `${g.zh}(调入见习)按${f.zh} ${money(v)}`, en: `${g.en} (transferred trainee): ${f.en} ${money(v)}` };
  } else if (p.noClients && c.record?.flags.includes(p.noClients.flag)) {
    const f = FIELDS[p.noClients.field as FieldName];
    const v = field(p.noClients.field as FieldName);
    const who = flagText(p.noClients.flag);
    if (v === undefined) return unavailable("na", rule, `${c.month} ${who.zh}的${l.zh}按分行现行办法执行,缺少${f.zh}(${p.noClients.field})`, `${c.month}: ${who.en}: the ${l.en} follows the branch rules; ${f.en} (${p.noClients.field}) is missing`);
    base = { cap: v, zh: `${who.zh}按分行标准 ${money(v)}`, en: `${who.en}: branch amount ${money(v)}` };
  } else {
    if (c.grade === undefined) return unavailable("na", rule, `${c.month} 等级未知,无法确定${l.zh}`, `${c.month}: the grade is unknown, no ${l.en}`);
    const table = resolveQuantityTable(p.amounts, settings);
    if (!table.ok) {
      const why = p.whenUnset ? { zh: `(${p.whenUnset.zh})`, en: ` (${p.whenUnset.en})` } : { zh: "", en: "" };
      return table.missing
        ? unavailable("na", rule, `未设置${l.zh}标准 ${table.missing}${why.zh}`, `the ${l.en} table ${table.missing} is not set${why.en}`)
        : unavailable("value", rule, `设置有误:${table.bad}`, `bad setting: ${table.bad}`);
    }
    const v = table.value[c.grade];
    const where = isSettingRef(p.amounts) ? p.amounts.setting : "rulebook";
    if (v === undefined) return unavailable("na", rule, `${where} 未给出${g.zh}的${l.zh}`, `${where} gives no ${l.en} for ${g.en}`);
    base = { cap: v, zh: `${g.zh}${l.zh}标准 ${money(v)}/月`, en: `${g.en} ${l.en} ${money(v)} a month` };
  }
  const mode = p.mode ? readChoice(p.mode, settings) : "flat";
  const claimed = p.claimField ? field(p.claimField as FieldName) : undefined;
  let claimText: { zh: string; en: string };
  if (mode === "flat") claimText = p.claimField ? { zh: "(定额发放,不看报销)", en: " (flat, claims ignored)" } : { zh: "", en: "" };
  else if (claimed === undefined) claimText = { zh: "(未报销额,按上限)", en: " (no claim given: the cap)" };
  else claimText = { zh: `,报销 ${money(claimed)}`, en: `, claimed ${money(claimed)}` };
  const payable = mode === "flat" || claimed === undefined ? base.cap : Dec.min(claimed, base.cap);
  const head = { zh: `${c.month} ${base.zh}${claimText.zh}`, en: `${c.month}: ${base.en}${claimText.en}` };
  const s = c.share;
  const a = p.admonition;
  if (!a || s.share.isZero()) {
    const amount = roundTo(payable, spec);
    // No space after a full-width parenthesis (Chinese typography).
    return { amount, reasons: [reason(rule, `${head.zh}${head.zh.endsWith(")") ? "" : " "}→ ${money(amount)}`, `${head.en} → ${money(amount)}`)] };
  }
  const cover = s.share.eq(ONE) && s.covered === s.days ? { zh: "诫勉期覆盖全月", en: "admonition covers the whole month" } : shareText(s, readChoice(a.monthRule, settings));
  if (readChoice(a.mode, settings) === "fixedYuan") {
    const amount = roundTo(payable.times(ONE.minus(s.share)).plus(a.fixedYuan.times(s.share)), spec);
    const frac = s.share.eq(ONE) ? { zh: "", en: "" } : { zh: `(按诫勉天数折算 ${s.covered}/${s.days})`, en: ` (prorated ${s.covered}/${s.days})` };
    const by = a.fixedCarriedBy ?? "";
    const fixedText = a.fixedYuan.isZero()
      ? { zh: `诫勉期内两费合计定额由 ${by} 发放,本项不另发`, en: `during 诫勉 the flat amount for both fees is paid under ${by}; nothing more here` }
      : { zh: `诫勉期内两费合计按 ${money(a.fixedYuan)}/月`, en: `during 诫勉 both fees together are paid ${money(a.fixedYuan)} a month` };
    return { amount, reasons: [reason(rule, `${head.zh};${cover.zh},${fixedText.zh}${frac.zh}${frac.zh ? "" : " "}→ ${money(amount)}`, `${head.en}; ${cover.en}, ${fixedText.en}${frac.en} → ${money(amount)}`)] };
  }
  const cut = ONE.minus(a.paidShare);
  const factor = ONE.minus(cut.times(s.share));
  const halve = a.halve ? readChoice(a.halve, settings) : "payout";
  const pct = (d: Dec) => show(d, "rate", book);
  const ftext = s.share.eq(ONE) ? pct(a.paidShare) : `(1 − ${pct(cut)} × ${s.covered}/${s.days})`;
  let amount: Dec;
  let calc: { zh: string; en: string };
  if (halve === "cap" && mode !== "flat" && claimed !== undefined) {
    const cap = base.cap.times(factor);
    amount = roundTo(Dec.min(claimed, cap), spec);
    calc = { zh: `上限减半:min(报销 ${money(claimed)},${money(base.cap)} × ${ftext})`, en: `cap halved: min(claimed ${money(claimed)}, ${money(base.cap)} × ${ftext})` };
  } else {
    amount = roundTo(payable.times(factor), spec);
    calc = { zh: `${money(payable)} × ${ftext}`, en: `${money(payable)} × ${ftext}` };
  }
  return {
    amount,
    reasons: [reason(rule, `${head.zh};${cover.zh},按 ${pct(a.paidShare)} 发放:${calc.zh} → ${money(amount)}`, `${head.en}; ${cover.en}, paid at ${pct(a.paidShare)}: ${calc.en} → ${money(amount)}`)],
  };
}

function shareText(s: MonthShare, rule: string): { zh: string; en: string } {
  if (rule === "prorateByDays") return { zh: `诫勉覆盖 ${s.covered}/${s.days} 天`, en: `admonition covers ${s.covered}/${s.days} days` };
  if (rule === "wholeMonthsTouched") return { zh: `本月与诫勉期重叠(${s.covered}/${s.days} 天),整月计`, en: `the month overlaps the admonition (${s.covered}/${s.days} days) and counts whole` };
  return { zh: "诫勉期整月(自起始次月起)", en: "a whole admonition month (from the month after the start)" };
}
