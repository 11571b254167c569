/**
 * Shared pieces of the grading kinds (seed 002): tri-state conditions ("cannot tell" is never "not met"), grade
 * names, rules that read another rule's data (the grade ladder reads each grade's indicator table), and client
 * amounts. A client row lists what the client has, so an amount a row leaves out is 0 for that client (a loan-only
 * client has no deposits column); whole-record inputs that are missing are reported, never taken as 0.
 */
import { Dec, ZERO } from "../../decimal";
import type { FieldName } from "../../fields";
import type { Client } from "../../model";
import type { CompiledRule, CompiledRulebook } from "../../rulebook/compile";
import { variantFor } from "../../rulebook/variants";
import type { Settings } from "../../settings";

/** true = holds, false = does not hold, undefined = cannot tell from the data. */
export type Tri = boolean | undefined;

/** All must hold: any false decides; otherwise any unknown makes the whole unknown. */
export function allOf(values: Tri[]): Tri {
  if (values.some((v) => v === false)) return false;
  if (values.some((v) => v === undefined)) return undefined;
  return true;
}

export function gradeName(book: CompiledRulebook, id: string | undefined): { zh: string; en: string } {
  if (id === undefined) return { zh: "无", en: "none" };
  const g = book.doc.grades.find((x) => x.id === id);
  return g ? { zh: g.zh, en: g.en } : { zh: id, en: id };
}

/** Load-time check that a referenced rule exists and is of the expected kind. */
export function checkRef(book: CompiledRulebook, id: string, kind: string): string[] {
  const r = book.byId.get(id);
  if (!r) return [`refers to rule ${id}, which is missing or did not load`];
  return r.kind.kind === kind ? [] : [`refers to rule ${id}, which is of kind ${r.kind.kind}, not ${kind}`];
}

/** The variant in force of a referenced rule (its own overrides by setting, role or grade apply). */
export function referenced<P>(book: CompiledRulebook, settings: Settings, id: string, role = "", grade?: string): CompiledRule<P> {
  const r = book.byId.get(id);
  // checkRef at load time guarantees the rule exists; reaching this is a rulebook bug.
  if (!r) throw new Error(`rule ${id} is not in rulebook ${book.doc.id}`);
  return variantFor(r as CompiledRule<P>, (k) => settings.get(k), role, grade);
}

export function amount(c: Client, field: FieldName): Dec {
  return c.values[field] ?? ZERO;
}

/** The smallest money step of the rulebook (0.01 元): what "more than X" needs beyond X. */
export function moneyStep(book: CompiledRulebook): Dec {
  return new Dec(1).div(new Dec(10).pow(book.doc.rounding.money.decimals));
}

/** Reasons without repeats (a condition shared by every grade is stated once). */
export function dedupe<T extends { rule: string; zh: string }>(reasons: T[]): T[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.rule}|${r.zh}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
