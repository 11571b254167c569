/**
 * A value in its unit's text for explanations. Once shared by the scoring kinds; the B002 grading kinds read it now.
 */
import type { Dec } from "../../decimal";
import type { FieldUnit } from "../../fields";
import { byUnit } from "../../format";
import type { CompiledRulebook } from "../../rulebook/compile";

export function show(value: Dec, unit: FieldUnit, book: CompiledRulebook): string {
  return byUnit(value, unit, book.doc.rounding);
}
