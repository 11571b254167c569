/**
 * A provisional grade for someone who failed a qualifying exam but met a measure in a reference year, for a fixed
 * time; if they have not passed by then, they fall back to another role (H003-QUALIFY-PROVISIONAL: failed, but the
 * 2003 cumulative daily-average deposits ≥ 300万 → provisional junior CM for one year, then agent). The reference
 * year is a setting (the seed's 2003 is its own era); the measure is given per year and the tool picks that year.
 */
import { z } from "zod";
import { Condition, holds, opOf, SYMBOL } from "../../compare";
import { money } from "../../format";
import type { Reason } from "../../model";
import { reason, unavailable } from "../../outcome";
import { addMonths } from "../../periods";
import type { CompiledRulebook } from "../../rulebook/compile";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { checkNumberRef, NumberRefSchema, readNumber } from "./settingChoice";
import { dateInput, decimalInput, flagInput } from "./toolInput";

const Params = z
  .object({
    measureLabel: Bilingual,
    threshold: Condition,
    referenceYear: NumberRefSchema,
    grade: z.string(),
    durationMonths: z.number().int().min(1),
    /** Start of the provisional term when no appointment date is given: 1 January after the reference year. */
    defaultStart: z.literal("yearAfterReference"),
    fallbackRole: z.string(),
    /** What happens to someone who neither passed nor met the measure (recorded, not computed further). */
    notQualified: Bilingual,
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    examPassed: flagInput("examPassed"),
    /** The measure by calendar year, e.g. {"2003": "3000000"} (元). */
    valuesByYear: z.record(z.string().regex(/^\d{4}$/, { error: "valuesByYear keys must be years (YYYY)" }), decimalInput("valuesByYear[year]", { nonNegative: true })).default({}),
    appointmentDate: dateInput("appointmentDate").optional(),
    /** Date a later exam was passed, if any. */
    passedOn: dateInput("passedOn").optional(),
    /** Date the status is judged on; without it the term is reported, not judged. */
    asOf: dateInput("asOf").optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

function named(list: Array<{ id: string; zh: string; en: string }>, id: string): { zh: string; en: string } {
  const x = list.find((g) => g.id === id);
  return x ? { zh: x.zh, en: x.en } : { zh: id, en: id };
}

export const provisionalGrade: ToolKind<Params, Input> = {
  kind: "provisionalGrade",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book: CompiledRulebook) {
    const p = rule.params;
    const problems = checkNumberRef(p.referenceYear, book);
    if (!book.gradeIds.includes(p.grade)) problems.push(`unknown grade ${p.grade}`);
    if (!book.roleIds.includes(p.fallbackRole)) problems.push(`unknown role ${p.fallbackRole}`);
    return problems;
  },
  run(rule, input, book, settings) {
    const p = rule.params;
    if (input.examPassed) {
      return { value: { status: "passed" }, reasons: [reason(rule.id, "考试及格,不适用暂定资格(等级按考试名次确定)", "passed the exam: no provisional grade (the grade follows the exam ranking)")] };
    }
    const yearDec = readNumber(p.referenceYear, settings);
    const key = typeof p.referenceYear === "object" && "setting" in p.referenceYear ? p.referenceYear.setting : "referenceYear";
    if (yearDec === undefined) return unavailable("na", rule.id, `参照年度未配置(请设置 ${key})`, `reference year not configured (set ${key})`);
    const year = yearDec.toFixed(0);
    const v = input.valuesByYear[year];
    if (v === undefined) {
      return unavailable("value", rule.id, `valuesByYear.${year}:缺少参照年度 ${year} 的${p.measureLabel.zh}(${key})`, `valuesByYear.${year}: ${p.measureLabel.en} for reference year ${year} is missing (${key})`);
    }
    const op = opOf(book, settings, p.threshold);
    const cond = `${SYMBOL[op]} ${money(p.threshold.value, book.doc.rounding.money)}`;
    const shown = money(v, book.doc.rounding.money);
    const reasons: Reason[] = [];
    if (!holds(v, op, p.threshold.value)) {
      reasons.push(reason(rule.id, `考试未及格,${year} 年${p.measureLabel.zh} ${shown} 未达到 ${cond} → ${p.notQualified.zh}`, `failed the exam and ${year} ${p.measureLabel.en} ${shown} is not ${cond} → ${p.notQualified.en}`));
      return { value: { status: "notQualified" }, reasons };
    }
    const from = input.appointmentDate ?? `${yearDec.plus(1).toFixed(0)}-01-01`;
    const deadline = addMonths(from, p.durationMonths);
    const g = named(book.doc.grades, p.grade);
    reasons.push(
      reason(
        rule.id,
        `考试未及格,但 ${year} 年${p.measureLabel.zh} ${shown} ${cond} → 自 ${from} 起暂定为${g.zh},须于 ${deadline} 前考试合格`,
        `failed the exam but ${year} ${p.measureLabel.en} ${shown} ${cond} → provisional ${g.en} from ${from}; must pass by ${deadline}`,
      ),
    );
    const term = { grade: p.grade, provisional: true, from, deadline };
    const judged = input.asOf;
    const passedInTime = input.passedOn !== undefined && input.passedOn <= deadline && (judged === undefined || input.passedOn <= judged);
    if (passedInTime) {
      reasons.push(reason(rule.id, `${input.passedOn} 考试合格(期限内)→ 取消暂定,等级按考试名次确定`, `passed on ${input.passedOn} (in time) → no longer provisional; the grade follows the exam ranking`));
      return { value: { status: "passedInTime", ...term, provisional: false }, reasons };
    }
    if (judged !== undefined && judged >= deadline) {
      const r = named(book.doc.roles, p.fallbackRole);
      reasons.push(reason(rule.id, `截至 ${deadline} 仍未考试合格 → 降为${r.zh}`, `not passed by ${deadline} → ${r.en}`));
      return { value: { status: "fallback", role: p.fallbackRole, from, deadline }, reasons };
    }
    return { value: { status: "provisional", ...term }, reasons };
  },
};
