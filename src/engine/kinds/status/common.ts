/**
 * Shared pieces of the status kinds (demotion, dismissal, off-post flags): the actions a trigger may fire, thresholds
 * given as data or by a setting, choices made by a setting, and clause results that may be "cannot tell".
 * A clause that cannot be evaluated (missing data) is never read as "not fired": it is reported unavailable.
 */
import { z } from "zod";
import { OpSchema, Quantity, opOf, type Op } from "../../compare";
import type { Dec } from "../../decimal";
import type { Reason } from "../../model";
import { unavailable, type Unavailable } from "../../outcome";
import { parseQuantity } from "../../quantity";
import type { CompiledRulebook } from "../../rulebook/compile";
import { firstRuleOfKind } from "../../rulebook/lookups";
import { roundTo, type RoundingSpec } from "../../rounding";
import type { Settings } from "../../settings";

/** What a trigger asks the status stage to do; labels are used in the trigger's own explanation. */
export const ACTIONS = {
  demote: { zh: "降级", en: "demotion" },
  dismiss: { zh: "解除劳动合同", en: "dismissal" },
  offPostCollection: { zh: "下岗清收", en: "off post to collect" },
} as const;
export type ActionName = keyof typeof ACTIONS;
export const Action = z.enum(Object.keys(ACTIONS) as [ActionName, ...ActionName[]]);

/**
 * A threshold: the seed's word (resolved through the rulebook's boundary convention, so 以下 follows
 * `h003.boundary.yishangYixia`) or an explicit op, and a value written in the rulebook or read from a setting
 * (the garbled accident threshold `h003.president.accidentDismissLossYuan`).
 */
export const Threshold = z
  .object({ word: z.string().optional(), op: OpSchema.optional(), value: Quantity.optional(), setting: z.string().optional() })
  .strict()
  .refine((t) => (t.word === undefined) !== (t.op === undefined), { message: "give exactly one of word or op" })
  .refine((t) => (t.value === undefined) !== (t.setting === undefined), { message: "give exactly one of value or setting" });
export type Threshold = z.infer<typeof Threshold>;

export function resolveThreshold(
  t: Threshold,
  book: CompiledRulebook,
  settings: Settings,
  rule: string,
): { op: Op; value: Dec } | Unavailable {
  const op = opOf(book, settings, t);
  if (t.value !== undefined) return { op, value: t.value };
  const raw = settings.get(t.setting!);
  if (raw === undefined) {
    return unavailable("na", rule, `未设置 ${t.setting},无法判断`, `setting ${t.setting} is not set, cannot judge`);
  }
  return { op, value: parseQuantity(raw as string | number) };
}

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

export function checkSetting(key: string | undefined, book: CompiledRulebook): string[] {
  return key !== undefined && !book.doc.settings[key] ? [`setting ${key} is not declared`] : [];
}

/**
 * A clause that could be evaluated: whether it holds, and why (both ways, for the explanation). The why is worded
 * only when asked: most clauses do not hold, and a clause that does not hold is not shown.
 */
export interface ClauseOutcome {
  id: string;
  held: boolean;
  action?: ActionName;
  why: () => Reason[];
}
export type ClauseResult = ClauseOutcome | (Unavailable & { id: string; action?: ActionName });

/**
 * Rates computed here (completion = actual ÷ plan) get the same treatment as rates computed by indicators:
 * exact, unless the rulebook's rate-precision convention rounds them first (H003-CONV-RATE-PRECISION `pct2`).
 */
export function roundRate(value: Dec, book: CompiledRulebook, settings: Settings): Dec {
  const convention = firstRuleOfKind(book, "ratePrecision");
  if (!convention) return value;
  const p = convention.params as { setting: string; modes: Record<string, RoundingSpec | null> };
  const spec = p.modes[String(settings.get(p.setting))];
  return spec ? roundTo(value, spec) : value;
}
