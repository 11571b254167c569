/**
 * B002-QUALIFY-NONPERF (kind `nonPerfQualifications`): per grade, inputs that must reach a threshold — years of
 * continuous marketing (3 年以上 …), education, the simulated-bank exam, the senior's annual report (yes/no inputs
 * are 1 or 0). Workbooks often lack them: a setting says whether a missing input counts as met (and the
 * explanation says it was not checked) or as not met.
 */
import { z } from "zod";
import { Condition, holds, NEGATED_SYMBOL, opOf, SYMBOL } from "../../compare";
import { FIELDS, isFieldName, type FieldName } from "../../fields";
import type { PeriodRecord, Reason } from "../../model";
import { reason } from "../../outcome";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";
import { Bilingual } from "../../rulebook/schema";
import type { ConventionKind } from "../types";
import { checkChoice, choose, ChoiceSchema, settingNote } from "../tools/settingChoice";
import { gradeName, type Tri } from "./common";

const FieldRef = z.string().refine(isFieldName, { message: "not a field of the data model" }) as unknown as z.ZodType<FieldName>;

const Requirement = z
  .object({
    field: FieldRef,
    /** Shorter wording for explanations than the field's column label. */
    label: Bilingual.optional(),
    when: Condition,
    /** A 1/0 input shown as yes/no. */
    yesNo: z.boolean().default(false),
  })
  .strict();

const Params = z
  .object({
    missing: ChoiceSchema(["assumeMet", "notMet"] as const),
    /** Grade id → its requirements (a grade not listed has none). */
    byGrade: z.record(z.string(), z.array(Requirement)),
  })
  .strict();
export type NonPerfParams = z.infer<typeof Params>;

export const nonPerfQualifications: ConventionKind<NonPerfParams> = {
  kind: "nonPerfQualifications",
  stage: "convention",
  params: Params,
  check(rule, book) {
    const problems = checkChoice(rule.params.missing, book);
    for (const g of Object.keys(rule.params.byGrade)) if (!book.gradeIds.includes(g)) problems.push(`unknown grade ${g}`);
    return problems;
  },
};

export function testNonPerf(rule: string, p: NonPerfParams, book: CompiledRulebook, settings: Settings, record: PeriodRecord, grade: string): { held: Tri; reasons: Reason[] } {
  const reqs = p.byGrade[grade] ?? [];
  const g = gradeName(book, grade);
  if (reqs.length === 0) return { held: true, reasons: [reason(rule, `${g.zh}无非业绩任职条件`, `${g.en}: no non-performance qualification`)] };
  const missing = choose(p.missing, settings);
  const s = settingNote(missing);
  const parts: Array<{ ok: boolean; zh: string; en: string }> = [];
  const absent: Array<{ zh: string; en: string }> = [];
  for (const r of reqs) {
    const f = r.label ?? FIELDS[r.field];
    const v = record.values[r.field];
    if (v === undefined) {
      absent.push({ zh: `${f.zh}(${r.field})`, en: `${f.en} (${r.field})` });
      continue;
    }
    const op = opOf(book, settings, r.when);
    const ok = holds(v, op, r.when.value);
    if (r.yesNo) parts.push({ ok, zh: `${f.zh}:${ok ? "是" : "否"}`, en: `${f.en}: ${ok ? "yes" : "no"}` });
    else {
      const sym = ok ? SYMBOL[op] : NEGATED_SYMBOL[op];
      parts.push({ ok, zh: `${f.zh} ${v.toFixed()} ${sym} ${r.when.value.toFixed()}`, en: `${f.en} ${v.toFixed()} ${sym} ${r.when.value.toFixed()}` });
    }
  }
  if (absent.length > 0) {
    const ok = missing.value === "assumeMet";
    const zh = absent.map((a) => a.zh).join("、");
    const en = absent.map((a) => a.en).join(", ");
    parts.push(ok ? { ok, zh: `未提供${zh},视为满足(未核查)${s.zh}`, en: `not given: ${en}; treated as met (not checked)${s.en}` } : { ok, zh: `未提供${zh},视为不满足${s.zh}`, en: `not given: ${en}; treated as not met${s.en}` });
  }
  const held = parts.every((x) => x.ok);
  const text = parts.map((x) => x.zh).join(";");
  return {
    held,
    reasons: [reason(rule, `${g.zh}任职条件:${text}${text.endsWith(")") ? "" : " "}→ ${held ? "满足" : "不满足"}`, `${g.en} qualifications: ${parts.map((x) => x.en).join("; ")} → ${held ? "met" : "not met"}`)],
  };
}
