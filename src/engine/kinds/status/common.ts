/**
 * Choices made by a setting (read by the B002 tenure kinds) and the rate-precision rounding of computed rates (the
 * C000 task month). Once shared by the status kinds, which format-2 rulebooks replaced.
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import type { CompiledRulebook } from "../../rulebook/compile";
import { firstRuleOfKind } from "../../rulebook/lookups";
import { roundTo, type RoundingSpec } from "../../rounding";
import type { Settings } from "../../settings";

/** A fixed choice, or the value of a setting (checked against the kind's vocabulary when the rulebook loads). */
export function choice<T extends string>(values: readonly [T, ...T[]]) {
  return z.union([z.enum(values), z.object({ setting: z.string() }).strict()]);
}
export type Choice<T extends string> = T | { setting: string };

export function readChoice<T extends string>(c: Choice<T>, settings: Settings): T {
  return typeof c === "string" ? c : settings.choice<T>(c.setting);
}

/** Load-time check: the setting is declared and every value it may take is one the kind understands. */
export function checkChoice(c: Choice<string> | undefined, allowed: readonly string[], book: CompiledRulebook): string[] {
  if (c === undefined || typeof c === "string") return [];
  const def = book.doc.settings[c.setting];
  if (!def) return [`setting ${c.setting} is not declared`];
  const values = def.type === "enum" ? (def.values ?? []) : [def.default];
  return values.filter((v) => typeof v !== "string" || !allowed.includes(v)).map((v) => `setting ${c.setting} value ${JSON.stringify(v)} is not one of ${allowed.join(", ")}`);
}

/**
 * Rates computed by a kind (completion = actual ÷ plan) are exact, unless the rulebook's rate-precision convention
 * rounds them first (C000-CONV-COMPLETION, c000.rate.roundBeforeCompare = pct2).
 */
export function roundRate(value: Dec, book: CompiledRulebook, settings: Settings): Dec {
  const convention = firstRuleOfKind(book, "ratePrecision");
  if (!convention) return value;
  const p = convention.params as { setting: string; modes: Record<string, RoundingSpec | null> };
  const spec = p.modes[String(settings.get(p.setting))];
  return spec ? roundTo(value, spec) : value;
}
