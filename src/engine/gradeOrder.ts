/**
 * G004-GRADED-TIERS for the validator: grades are a totally ordered list (highest first) and a rulebook whose
 * grade-indexed setting is not monotone in the grade order gets a warning, e.g. a junior cap above the senior cap.
 * Equal neighbours are monotone. The same rule as a tool, on explicit parameters, is the g-general rulebook's
 * G004-GRADED-TIERS. `gradeMonotonicityWarnings` is the pure check; `gradeIndexedSettings` collects a rulebook's
 * per-grade settings (format 2: map settings keyed by grades, like h003.riskDeposit.caps; format 1: objects keyed
 * by grade id) so the validator can run it on any rulebook.
 */
import type { Dec } from "./decimal";
import { parseQuantity } from "./quantity";
import type { CompiledRulebook } from "./rulebook/compile";
import type { Book2 } from "./rulebook2/book";
import { settingValue } from "./rulebook2/settings";
import { isNumber, isTable } from "./lang/values";
import type { Settings } from "./settings";

/** notLower: a higher grade's value is ≥ the next lower grade's (caps, authority); notHigher: the reverse. */
type Direction = "notLower" | "notHigher";

export interface GradeParameter {
  values: Record<string, Dec>;
  higherGrade: Direction;
}

export interface TierWarning {
  parameter: string;
  higher: string;
  lower: string;
  higherValue: Dec;
  lowerValue: Dec;
}

/** Compares each pair of neighbouring grades that both define the parameter. */
export function gradeMonotonicityWarnings(gradeIds: readonly string[], parameters: Record<string, GradeParameter>): TierWarning[] {
  const warnings: TierWarning[] = [];
  for (const [name, p] of Object.entries(parameters)) {
    const defined = gradeIds.filter((g) => p.values[g] !== undefined);
    for (let i = 1; i < defined.length; i++) {
      const higher = defined[i - 1]; // int: list index
      const lower = defined[i];
      const hv = p.values[higher];
      const lv = p.values[lower];
      const wrong = p.higherGrade === "notLower" ? hv.lt(lv) : hv.gt(lv);
      if (wrong) warnings.push({ parameter: name, higher, lower, higherValue: hv, lowerValue: lv });
    }
  }
  return warnings;
}

/**
 * A rulebook's per-grade settings in force, read as quantities (caps, limits). Format 2 declares them: a `map`
 * setting with `keys: "grades"` and a numeric unit. Format 1 has no such declaration: an `object` setting whose
 * keys are all grade ids is taken as one.
 */
export function gradeIndexedSettings(book: CompiledRulebook, settings: Settings): Record<string, GradeParameter> {
  return book.v2 ? gradeMapSettings(book.v2, settings) : gradeObjectSettings(book, settings);
}

/** Units of a map's values that are amounts on a scale (a text, date or flag value has no order to check). */
const ORDERED_UNITS = new Set(["money", "usd", "rate", "count", "points", "days", "number"]);

/** Format 2: each map setting keyed by grades with a numeric unit, its values as the formulas see them (exact decimals). */
function gradeMapSettings(book: Book2, settings: Settings): Record<string, GradeParameter> {
  const out: Record<string, GradeParameter> = {};
  book.settingKeys.forEach((key, i) => {
    const decl = book.settingDecls[i];
    if (decl.type !== "map" || decl.keys !== "grades" || decl.unit === undefined || !ORDERED_UNITS.has(decl.unit)) return;
    const raw = settings.get(key);
    // A required setting nobody set (or set to null) has no values to compare.
    if (raw === undefined || raw === null) return;
    const table = settingValue(key, decl, raw);
    if (!isTable(table)) return;
    const values: Record<string, Dec> = {};
    for (const [grade, v] of table.rows) {
      // A value that is not a number was refused when the setting was checked; it is left out here, not guessed.
      if (typeof grade === "string" && isNumber(v)) values[grade] = v;
    }
    if (Object.keys(values).length > 0) out[key] = { values, higherGrade: "notLower" };
  });
  return out;
}

/** Format 1: object settings keyed by the rulebook's grade ids. */
function gradeObjectSettings(book: CompiledRulebook, settings: Settings): Record<string, GradeParameter> {
  const out: Record<string, GradeParameter> = {};
  for (const [key, def] of Object.entries(book.doc.settings)) {
    if (def.type !== "object") continue;
    const v = settings.get<Record<string, unknown>>(key);
    if (!v || typeof v !== "object") continue;
    const keys = Object.keys(v);
    if (keys.length === 0 || !keys.every((k) => book.gradeIds.includes(k))) continue;
    try {
      const values: Record<string, Dec> = {};
      for (const k of keys) values[k] = parseQuantity(v[k] as string | number);
      out[key] = { values, higherGrade: "notLower" };
    } catch {
      // not a table of quantities (e.g. quotas written as objects): not a tier parameter
    }
  }
  return out;
}
