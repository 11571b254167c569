/** Shared pieces of the scoring kinds: item bounds, rounding, and the wording of a step. */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { FIELDS, isFieldName, type FieldUnit } from "../../fields";
import { byUnit, plain } from "../../format";
import type { CompiledRulebook } from "../../rulebook/compile";

/** "每 0.1 个百分点" / "per 0.1 pp" for rates, "每 10,000.00 元" for money, "每 2 个" for counts. */
export function stepWords(step: Dec, unit: FieldUnit, book: CompiledRulebook): { zh: string; en: string } {
  if (unit === "rate") {
    const pp = plain(step.times(100));
    return { zh: `每 ${pp} 个百分点`, en: `per ${pp} pp` };
  }
  const text = byUnit(step, unit, book.doc.rounding);
  return { zh: `每 ${text}`, en: `per ${text}` };
}

export function show(value: Dec, unit: FieldUnit, book: CompiledRulebook): string {
  return byUnit(value, unit, book.doc.rounding);
}

export function signed(points: Dec): string {
  return points.isNegative() ? plain(points) : `+${plain(points)}`;
}

/** When the quantity an item measures does not exist (no loans, nothing due), a setting decides. */
export const WhenNone = z
  .object({
    field: z.string().refine(isFieldName, { message: "not a field" }),
    setting: z.string(),
    label: z.object({ zh: z.string(), en: z.string() }).strict(),
  })
  .strict();
export type WhenNone = z.infer<typeof WhenNone>;

export function fieldUnit(name: string): FieldUnit {
  return isFieldName(name) ? FIELDS[name].unit : "count";
}
