/**
 * Choices made by a setting (read by the B002 tenure kinds). Once shared by the status kinds, which format-2
 * rulebooks replaced.
 */
import { z } from "zod";
import type { CompiledRulebook } from "../../rulebook/compile";
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
