/**
 * G004-GRADED-TIERS: grades are a totally ordered list (highest first) and each grade may carry parameters (client
 * tier, authority limit, pay and risk-deposit caps). A rulebook whose grade-indexed parameter is not monotone in
 * the grade order gets a warning, e.g. a junior cap above the senior cap. Equal neighbours are monotone.
 * `gradeMonotonicityWarnings` is the pure check; `gradeIndexedSettings` collects a rulebook's per-grade settings
 * (format 2: map settings keyed by grades, like h003.riskDeposit.caps; format 1: objects keyed by grade id) so a
 * validator can run it on any rulebook.
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { plain } from "../../format";
import type { Reason } from "../../model";
import { reason, unavailable } from "../../outcome";
import { parseQuantity } from "../../quantity";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { Book2 } from "../../rulebook2/book";
import { settingValue } from "../../rulebook2/settings";
import { isNumber, isTable } from "../../lang/values";
import type { Settings } from "../../settings";
import type { ToolKind } from "../types";
import { DecInput } from "./common";

/** notLower: a higher grade's value is ≥ the next lower grade's (caps, authority); notHigher: the reverse. */
const Direction = z.enum(["notLower", "notHigher"]);
type Direction = z.infer<typeof Direction>;

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

const Params = z.object({}).strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    /** Highest grade first; the rulebook's own grades when omitted. */
    grades: z.array(z.string().min(1)).min(2).optional(),
    parameters: z.record(z.string(), z.object({ values: z.record(z.string(), DecInput), higherGrade: Direction.default("notLower") }).strict()),
  })
  .strict();
type Input = z.infer<typeof Input>;

export function tierReasons(rule: string, warnings: TierWarning[], gradeIds: readonly string[]): Reason[] {
  if (warnings.length === 0) return [reason(rule, `按等级 ${gradeIds.join(" > ")} 各参数单调,有效`, `parameters are monotone in the grade order ${gradeIds.join(" > ")}: valid`)];
  return warnings.map((w) =>
    reason(
      rule,
      `警告:${w.parameter} 不随等级单调,${w.lower} 的 ${plain(w.lowerValue)} 与 ${w.higher} 的 ${plain(w.higherValue)} 顺序颠倒`,
      `warning: ${w.parameter} is not monotone in the grade order: ${w.lower} ${plain(w.lowerValue)} vs ${w.higher} ${plain(w.higherValue)}`,
    ),
  );
}

export const gradeMonotonicity: ToolKind<Params, Input> = {
  kind: "gradeMonotonicity",
  stage: "tool",
  params: Params,
  input: Input,
  run(rule, input, book) {
    const grades = input.grades ?? book.gradeIds;
    if (grades.length < 2) return unavailable("value", rule.id, "至少需要两个等级(由高到低)", "at least two grades are needed (highest first)");
    if (new Set(grades).size !== grades.length) return unavailable("value", rule.id, "等级重复", "a grade is listed twice");
    for (const [name, p] of Object.entries(input.parameters)) {
      const unknown = Object.keys(p.values).filter((g) => !grades.includes(g));
      if (unknown.length > 0) return unavailable("value", rule.id, `${name}:未知等级 ${unknown.join("、")}`, `${name}: unknown grade ${unknown.join(", ")}`);
    }
    const warnings = gradeMonotonicityWarnings(grades, input.parameters);
    return { value: { monotone: warnings.length === 0, warnings }, reasons: tierReasons(rule.id, warnings, grades) };
  },
};
