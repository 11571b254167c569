/**
 * Threshold words → comparison operators (H003-CONV-BOUNDARY, B002-CONV-BOUNDARY, C000-CONV-BOUNDARY).
 * A rule writes the seed's word (`{"word": "以下", "value": "85"}`); the rulebook's `boundaryWords` convention
 * maps it to ≥ / ≤ / < / >, and a setting may switch 以上/以下 to exclusive. Explicit `op` is for the cases the
 * seed itself makes explicit, e.g. (含)以上.
 */
import { z } from "zod";
import type { Dec } from "./decimal";
import { parseQuantity } from "./quantity";
import type { CompiledRulebook } from "./rulebook/compile";
import { firstRuleOfKind } from "./rulebook/lookups";
import type { Settings } from "./settings";

export type Op = "ge" | "gt" | "le" | "lt" | "eq";
export const OpSchema = z.enum(["ge", "gt", "le", "lt", "eq"]);

export const SYMBOL: Record<Op, string> = { ge: "≥", gt: ">", le: "≤", lt: "<", eq: "=" };
export const NEGATED_SYMBOL: Record<Op, string> = { ge: "<", gt: "≤", le: ">", lt: "≥", eq: "≠" };

export const Quantity = z.union([z.string(), z.number()]).transform((v, ctx) => {
  try {
    return parseQuantity(v);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: (e as Error).message });
    return z.NEVER;
  }
});

export const Condition = z
  .object({ word: z.string().optional(), op: OpSchema.optional(), value: Quantity })
  .strict()
  .refine((c) => (c.word === undefined) !== (c.op === undefined), { message: "give exactly one of word or op" });
export type Condition = z.infer<typeof Condition>;

export function holds(value: Dec, op: Op, threshold: Dec): boolean {
  switch (op) {
    case "ge":
      return value.gte(threshold);
    case "gt":
      return value.gt(threshold);
    case "le":
      return value.lte(threshold);
    case "lt":
      return value.lt(threshold);
    case "eq":
      return value.eq(threshold);
  }
}

/** Resolves a threshold word with the rulebook's boundary convention and the settings in force. */
export function opOf(book: CompiledRulebook, settings: Settings, cond: { word?: string; op?: Op }): Op {
  if (cond.op) return cond.op;
  const word = cond.word ?? "";
  const convention = firstRuleOfKind(book, "boundaryWords");
  if (!convention) throw new Error(`rulebook ${book.doc.id} has no boundaryWords convention for "${word}"`);
  const p = convention.params as BoundaryParams;
  if (p.bySetting) {
    const value = settings.get(p.bySetting.setting);
    const table = p.bySetting.tables[String(value)];
    if (table && table[word]) return table[word];
  }
  const op = p.words[word];
  if (!op) throw new Error(`threshold word "${word}" is not in rulebook ${book.doc.id}'s boundary table`);
  return op;
}

export function test(book: CompiledRulebook, settings: Settings, value: Dec, cond: Condition): boolean {
  return holds(value, opOf(book, settings, cond), cond.value);
}

export const BoundaryParams = z
  .object({
    words: z.record(z.string(), OpSchema),
    bySetting: z
      .object({ setting: z.string(), tables: z.record(z.string(), z.record(z.string(), OpSchema)) })
      .strict()
      .optional(),
  })
  .strict();
export type BoundaryParams = z.infer<typeof BoundaryParams>;
