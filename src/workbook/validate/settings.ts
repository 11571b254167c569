/**
 * tierNotMonotone (G004-GRADED-TIERS): grades are ordered highest first, and a parameter set per grade (a
 * risk-deposit cap, an authority limit) should not rise as the grade falls. The settings in force (the rulebook's,
 * with the 设置 sheet and --set on top) are checked with the engine's own comparison; a finding points at the 设置
 * cell that set the parameter, or at the workbook when the rulebook itself holds it.
 */
import { gradeIndexedSettings, gradeMonotonicityWarnings } from "../../engine/gradeOrder";
import { plain } from "../../engine/format";
import { gradeLabel, report, type ValidationContext } from "./context";

export function checkTiers(ctx: ValidationContext): void {
  const warnings = gradeMonotonicityWarnings(ctx.book.gradeIds, gradeIndexedSettings(ctx.book, ctx.settings));
  for (const w of warnings) {
    const entry = ctx.detail.sheetSettings.entries.find((e) => e.key === w.parameter);
    const hi = gradeLabel(ctx.book, w.higher);
    const lo = gradeLabel(ctx.book, w.lower);
    report(ctx, "warning", "tierNotMonotone", entry?.at ?? { sheet: "" }, {
      zh: `设置 ${w.parameter} 不随等级单调:${lo.zh} ${plain(w.lowerValue)} 高于 ${hi.zh} ${plain(w.higherValue)}(G004-GRADED-TIERS)`,
      en: `setting ${w.parameter} is not monotone in the grades: ${lo.en} ${plain(w.lowerValue)} is above ${hi.en} ${plain(w.higherValue)} (G004-GRADED-TIERS)`,
    }, { field: w.parameter, rule: "G004-GRADED-TIERS" });
  }
}
