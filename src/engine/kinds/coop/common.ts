/**
 * Shared pieces of the seed-000 kinds (credit cooperative, brokerage and venue pay): a value fixed in the rule or
 * picked by a setting, field reads that report what is missing, money and percentage text for explanations.
 * A value a setting does not map, or an input that is absent, is reported — never replaced by a guess.
 */
import { z } from "zod";
import { Dec } from "../../decimal";
import { FIELDS, type FieldName } from "../../fields";
import { money } from "../../format";
import type { PeriodRecord } from "../../model";
import { unavailable, type Unavailable } from "../../outcome";
import type { CompiledRule, CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";
import { approx } from "../general/common";

/** A value written in the rule, or chosen by a setting: `{"setting": "c000.x", "values": {"a": …, "b": …}}`. */
export type Picked<T> = T | { setting: string; values: Record<string, T> };

export function picked<S extends z.ZodTypeAny>(schema: S) {
  // The setting form is tried first: a value schema may itself accept objects (conditions).
  return z.union([z.object({ setting: z.string().min(1), values: z.record(z.string(), schema) }).strict(), schema]);
}

export function isPick(x: unknown): x is { setting: string; values: Record<string, unknown> } {
  return typeof x === "object" && x !== null && !(x instanceof Dec) && typeof (x as { setting?: unknown }).setting === "string" && typeof (x as { values?: unknown }).values === "object";
}

export interface Chosen<T> {
  value: T;
  setting?: string;
  settingValue?: string;
}

export function pick<T>(p: Picked<T>, settings: Settings): Chosen<T> {
  if (!isPick(p)) return { value: p as T };
  const raw = settings.get(p.setting);
  const v = p.values[String(raw)] as T | undefined;
  // checkPicked guarantees every value of the setting is mapped; reaching this is a rulebook bug.
  if (v === undefined) throw new Error(`setting ${p.setting} = ${String(raw)} has no case`);
  return { value: v, setting: p.setting, settingValue: String(raw) };
}

/** Load-time check of a picked value: the setting is declared, listed on the rule, and each of its values mapped. */
export function checkPicked(p: unknown, rule: CompiledRule, book: CompiledRulebook): string[] {
  if (!isPick(p)) return [];
  const def = book.doc.settings[p.setting];
  if (!def) return [`setting ${p.setting} is not declared`];
  const problems: string[] = [];
  if (!rule.doc.settings.includes(p.setting)) problems.push(`setting ${p.setting} is read but not listed in "settings"`);
  const values = def.type === "boolean" ? ["true", "false"] : (def.values ?? []).map(String);
  for (const v of values) if (!(v in p.values)) problems.push(`setting ${p.setting}: no case for ${v}`);
  return problems;
}

/** "(设置 c000.x = y)" for explanations; empty for a value fixed in the rule. */
export function note(c: { setting?: string; settingValue?: string }): { zh: string; en: string } {
  if (!c.setting) return { zh: "", en: "" };
  return { zh: `(设置 ${c.setting} = ${c.settingValue})`, en: ` (setting ${c.setting} = ${c.settingValue})` };
}

/** A field of a record, or #N/A naming it (and the month, when given). */
export function need(record: PeriodRecord | undefined, field: FieldName, rule: string, period?: string): Dec | Unavailable {
  const v = record?.values[field];
  if (v !== undefined) return v;
  const f = FIELDS[field];
  const at = period ? { zh: `${period} `, en: `${period}: ` } : { zh: "", en: "" };
  return unavailable("na", rule, `${at.zh}缺少${f.zh}(${field})`, `${at.en}missing ${f.en} (${field})`);
}

/** An incident count or amount (fines, bonuses, breaches): an empty cell means none. */
export function orZero(record: PeriodRecord | undefined, field: FieldName): Dec {
  return record?.values[field] ?? new Dec(0);
}

export function yuan(value: Dec, book: CompiledRulebook): string {
  return money(value, book.doc.rounding.money);
}

/**
 * A fraction as a percentage for explanations: two decimals when that is exact (95.00%), otherwise the exact
 * value (29.995%, 33.3333…%), so a line never shows "30.00% < 30.00%".
 */
export function pctText(fraction: Dec): string {
  const p = fraction.times(100);
  return p.decimalPlaces() <= 2 ? `${p.toFixed(2)}%` : `${approx(p, 4)}%`;
}

/** A count or number of days, exact ("10", "0.5"). */
export function count(value: Dec): string {
  return value.toFixed();
}

/** "… → " in Chinese text: no space after a full-width parenthesis (Chinese typography). */
export function arrowZh(text: string): string {
  return text.endsWith(")") ? `${text}→ ` : `${text} → `;
}

/** The first of several results that is unavailable, if any. */
export function firstUnavailable(values: Array<unknown>): Unavailable | undefined {
  return values.find((v): v is Unavailable => typeof v === "object" && v !== null && (v as Unavailable).unavailable === true);
}
