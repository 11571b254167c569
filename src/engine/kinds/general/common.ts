/**
 * Pieces the format-1 kinds still share (the credit cooperative's): parameters that may name a rulebook setting,
 * decimal inputs from cells or JSON, and exact values shown in explanations. The general conventions themselves
 * (seeds 001 and 004) are the g-general rulebook, written in format 2.
 */
import { z } from "zod";
import { Dec } from "../../decimal";
import { readDecimal } from "../../input";
import { parseQuantity } from "../../quantity";
import type { CompiledRule, CompiledRulebook } from "../../rulebook/compile";

/** `{ "setting": "c000.x" }`: the value in force comes from the rulebook's settings. */
export interface SettingRef {
  setting: string;
}

function isSettingRef(v: unknown): v is SettingRef {
  return typeof v === "object" && v !== null && !(v instanceof Dec) && typeof (v as SettingRef).setting === "string";
}

/** Every `{setting}` reference inside a rule's params, so `check` can insist each one is declared and listed. */
export function settingRefs(params: unknown): string[] {
  if (isSettingRef(params)) return [params.setting];
  if (Array.isArray(params)) return params.flatMap(settingRefs);
  if (typeof params === "object" && params !== null && !(params instanceof Dec)) return Object.values(params).flatMap(settingRefs);
  return [];
}

/** The common `check` of kinds with setting references: each is declared and named in the rule's `settings`. */
export function checkSettingRefs(rule: CompiledRule, book: CompiledRulebook): string[] {
  const problems: string[] = [];
  for (const key of settingRefs(rule.params)) {
    if (!book.doc.settings[key]) problems.push(`setting ${key} is not declared`);
    else if (!rule.doc.settings.includes(key)) problems.push(`setting ${key} is read but not listed in "settings"`);
  }
  return problems;
}

/**
 * A decimal from a cell or JSON: a Dec, a JSON number (through its shortest text, so 0.998 stays 0.998), a decimal
 * string, or a quantity as the seeds write it ("800万", "93.64%").
 */
export const DecInput = z
  .union([z.custom<Dec>((v) => v instanceof Dec, { message: "not a decimal" }), z.string(), z.number()])
  .transform((v, ctx) => {
    if (v instanceof Dec) return v;
    const d = readDecimal(v);
    if (typeof d !== "string") return d;
    if (typeof v === "string") {
      try {
        return parseQuantity(v);
      } catch {
        // fall through to the reader's message, which names the bad text
      }
    }
    ctx.addIssue({ code: "custom", message: d });
    return z.NEVER;
  });

/** An exact value for an explanation, cut after `places` decimals with "…" when longer: 102.498099…. */
export function approx(value: Dec, places = 6): string {
  if (value.decimalPlaces() <= places) return value.toFixed();
  return `${value.toDecimalPlaces(places, Dec.ROUND_DOWN).toFixed(places)}…`;
}
