/**
 * Shared pieces of the seed-000 credit cooperative kinds: a value fixed in the rule or picked by a setting, money and
 * percentage text for explanations. A value a setting does not map is reported, never replaced by a guess.
 */
import { z } from "zod";
import { Dec } from "../../decimal";
import { money } from "../../format";
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

