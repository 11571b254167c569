/**
 * Pay amounts the seed does not give (B002-PAY-EXTERNAL): position pay by grade (a per-grade setting with no
 * default) and the quarterly performance bonus (an input per manager and quarter, from a separate assessment
 * guidance). This rulebook only applies its own rules to them — the grade pay follows (b002.payGrade.basis) and
 * 「同时职位工资及其他福利按有关规定发放」: 诫勉 does not reduce them. Each line belongs to one period kind (position
 * pay is monthly, the bonus quarterly); a line whose amount is not configured or not supplied makes the rule
 * unavailable with the setting or field named — never 0.
 */
import { z } from "zod";
import { Dec, ZERO } from "../../decimal";
import { FIELDS, type FieldName } from "../../fields";
import type { Reason } from "../../model";
import { isUnavailable, reason, unavailable } from "../../outcome";
import { periodKind } from "../../periods";
import { roundTo } from "../../rounding";
import { Bilingual } from "../../rulebook/schema";
import type { PayKind } from "../types";
import { IntegerOrSetting, isSettingRef, resolveQuantityTable, SettingRef } from "../ledger/common";
import { checkChoice, choice, readChoice } from "../status/common";
import { admonitionsOf, monthShare } from "./admonition";
import { admonitionMonths, GRADE_BASES } from "./allowance";
import { FieldRef, gradeText, show } from "./common";

const Line = z
  .object({
    period: z.enum(["month", "quarter", "halfYear", "year"]),
    label: Bilingual,
    byGrade: SettingRef.optional(),
    field: FieldRef.optional(),
  })
  .strict()
  .refine((l) => (l.byGrade === undefined) !== (l.field === undefined), { message: "give exactly one of byGrade or field" });

const Params = z
  .object({
    lines: z.array(Line).min(1),
    gradeBasis: choice(GRADE_BASES).optional(),
    /** Roles outside the scheme get no grade-based pay (B002-SCOPE). */
    zeroRoles: z.array(z.string()).default([]),
    /** To say in the explanation that a month on 诫勉 keeps its position pay. */
    admonitionMonths: IntegerOrSetting.optional(),
    whenUnset: Bilingual,
  })
  .strict();
type Params = z.infer<typeof Params>;

export const externalPay: PayKind<Params> = {
  kind: "externalPay",
  stage: "pay",
  params: Params,
  check(rule, book) {
    const p = rule.params;
    const problems = checkChoice(p.gradeBasis, GRADE_BASES, book);
    for (const l of p.lines) if (l.byGrade && !book.doc.settings[l.byGrade.setting]) problems.push(`setting ${l.byGrade.setting} is not declared`);
    if (isSettingRef(p.admonitionMonths) && !book.doc.settings[p.admonitionMonths.setting]) problems.push(`setting ${p.admonitionMonths.setting} is not declared`);
    for (const r of p.zeroRoles) if (!book.roleIds.includes(r)) problems.push(`unknown role ${r}`);
    return problems;
  },
  pay(rule, ctx) {
    const p = rule.params;
    const kind = periodKind(ctx.period);
    const lines = p.lines.filter((l) => l.period === kind);
    if (lines.length === 0) return undefined;
    const money = (d: Dec) => show(d, "money", ctx.book);
    const spec = ctx.book.doc.rounding.money;
    const attained = p.gradeBasis !== undefined && readChoice(p.gradeBasis, ctx.settings) === "quarterlyAttainedGrade";
    const grade = attained ? ctx.attainedGrade : ctx.grade;
    const g = gradeText(ctx.book, grade);
    const reasons: Reason[] = [];
    const missing: Array<{ zh: string; en: string }> = [];
    let total = ZERO;
    for (const l of lines) {
      if (l.field) {
        const f = FIELDS[l.field as FieldName];
        const v = ctx.record?.values[l.field as FieldName];
        if (v === undefined) {
          missing.push({ zh: `${ctx.period} 缺少${f.zh}(${l.field})`, en: `${ctx.period}: ${f.en} (${l.field}) not supplied` });
          continue;
        }
        const amount = roundTo(v, spec);
        total = total.plus(amount);
        reasons.push(reason(rule.id, `${ctx.period} ${l.label.zh}按输入 ${money(amount)},本办法不调整`, `${ctx.period}: ${l.label.en} as input ${money(amount)}, not changed by this rulebook`));
        continue;
      }
      if (p.zeroRoles.includes(ctx.role)) {
        reasons.push(reason(rule.id, `${ctx.period} 非客户经理岗位不享受${l.label.zh}(B002-SCOPE)→ ¥0.00`, `${ctx.period}: not a CM, no ${l.label.en} (B002-SCOPE) → ¥0.00`));
        continue;
      }
      const table = resolveQuantityTable(l.byGrade!, ctx.settings);
      if (!table.ok) {
        if (table.missing) missing.push({ zh: `未设置${l.label.zh}标准 ${table.missing}`, en: `${l.label.en} table ${table.missing} is not set` });
        else return unavailable("value", rule.id, `设置有误:${table.bad}`, `bad setting: ${table.bad}`);
        continue;
      }
      if (grade === undefined) {
        missing.push({ zh: `等级未知,无法确定${l.label.zh}`, en: `the grade is unknown, no ${l.label.en}` });
        continue;
      }
      const v = table.value[grade];
      if (v === undefined) {
        missing.push({ zh: `${l.byGrade!.setting} 未给出${g.zh}的${l.label.zh}`, en: `${l.byGrade!.setting} gives no ${l.label.en} for ${g.en}` });
        continue;
      }
      const amount = roundTo(v, spec);
      total = total.plus(amount);
      reasons.push(reason(rule.id, `${ctx.period} ${g.zh}${l.label.zh} ${money(amount)}`, `${ctx.period}: ${g.en} ${l.label.en} ${money(amount)}`));
      if (p.admonitionMonths !== undefined && kind === "month") {
        const months = admonitionMonths(p.admonitionMonths, ctx.settings, rule.id);
        const list = isUnavailable(months) ? [] : admonitionsOf(ctx.history, months, rule.id);
        if (!isUnavailable(list) && !monthShare(ctx.period, list, "prorateByDays").share.isZero()) {
          reasons.push(reason(rule.id, `诫勉期间${l.label.zh}照常发放(职位工资及其他福利按有关规定发放)`, `the ${l.label.en} is not reduced during 诫勉 (position pay and benefits per the relevant rules)`));
        }
      }
    }
    if (missing.length > 0) {
      return unavailable("na", rule.id, `${missing.map((m) => m.zh).join(";")}(${p.whenUnset.zh})`, `${missing.map((m) => m.en).join("; ")} (${p.whenUnset.en})`);
    }
    return { amount: total, reasons };
  },
};
