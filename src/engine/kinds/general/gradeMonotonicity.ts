/**
 * G004-GRADED-TIERS: grades are a totally ordered list (highest first) and each grade may carry parameters (client
 * tier, authority limit, pay and risk-deposit caps). A rulebook whose grade-indexed parameter is not monotone in
 * the grade order gets a warning, e.g. a junior cap above the senior cap. Equal neighbours are monotone.
 * `gradeMonotonicityWarnings` is the pure check; `gradeIndexedSettings` collects a rulebook's per-grade settings
 * (objects keyed by grade id, like h003.riskDeposit.caps) so a validator can run it on any rulebook.
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { plain } from "../../format";
import type { Reason } from "../../model";
import { reason, unavailable } from "../../outcome";
import { parseQuantity } from "../../quantity";
import type { CompiledRulebook } from "../../rulebook/compile";
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

/** A rulebook's object settings keyed by its grade ids, read as quantities (caps, limits). */
export function gradeIndexedSettings(book: CompiledRulebook, settings: Settings): Record<string, GradeParameter> {
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
