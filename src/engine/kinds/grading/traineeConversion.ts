/**
 * B002-TRAINEE-CONVERSION (kind `traineeConversion`, tool): after the trainee period, a transfer who passes the exam
 * takes, for the rest of that year, the CM grade of their former staff rank (the reverse of the rank map, trainee
 * excluded, so rank 9 → grade 4); one who fails returns to the former post. Graduates are graded the next year on
 * results. Ranks outside the map are clamped to the nearest grade or reported, by a setting.
 */
import { z } from "zod";
import { reason, unavailable } from "../../outcome";
import type { ToolKind } from "../types";
import { checkChoice, choose, ChoiceSchema, settingNote } from "../tools/settingChoice";
import { countInput, flagInput } from "../tools/toolInput";
import { checkRef, gradeName, referenced } from "./common";
import type { RankMapParams } from "./rankMap";

const Params = z
  .object({
    rankMap: z.string(),
    /** Grades no one converts into (trainee: after passing, the person is no longer a trainee). */
    exclude: z.array(z.string()).default([]),
    outOfRange: ChoiceSchema(["clamp", "error"] as const),
    /** The rule that grades people from the next year on. */
    gradedBy: z.string(),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    entry: z.enum(["transfer", "graduate"], { error: "entry must be transfer or graduate" }),
    staffRank: countInput("staffRank", { min: 1 }).optional(),
    examPassed: flagInput("examPassed"),
  })
  .strict();
type Input = z.infer<typeof Input>;

export const traineeConversion: ToolKind<Params, Input> = {
  kind: "traineeConversion",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book) {
    const p = rule.params;
    return [...checkRef(book, p.rankMap, "gradeRankMap"), ...checkChoice(p.outOfRange, book), ...(book.byId.has(p.gradedBy) ? [] : [`unknown rule ${p.gradedBy}`])];
  },
  run(rule, input, book, settings) {
    const p = rule.params;
    if (input.entry === "graduate") {
      return { value: { outcome: "gradedNextYear", gradedBy: p.gradedBy }, reasons: [reason(rule.id, `应届毕业生:见习期满后,次年按实际业绩对照各级标准定级(${p.gradedBy})`, `graduate: graded the next year on actual results (${p.gradedBy})`)] };
    }
    if (!input.examPassed) {
      return { value: { outcome: "returnToFormerPost" }, reasons: [reason(rule.id, `调入人员考试未达到客户经理要求 → 退回原岗位`, `transfer failed the exam → returns to the former post`)] };
    }
    if (input.staffRank === undefined) return unavailable("value", rule.id, `staffRank:调入人员须给出原行员等级`, `staffRank: is missing for a transfer`);
    const ranks = referenced<RankMapParams>(book, settings, p.rankMap).params.ranks;
    const targets = book.gradeIds.filter((g) => !p.exclude.includes(g) && ranks[g] !== undefined);
    const exact = targets.find((g) => ranks[g] === input.staffRank);
    let grade = exact;
    const reasons = [];
    if (!grade) {
      const choice = choose(p.outOfRange, settings);
      const s = settingNote(choice);
      const top = targets[0];
      const bottom = targets[targets.length - 1]; // int: last index
      const lowerIsHigher = referenced<RankMapParams>(book, settings, p.rankMap).params.lowerIsHigher;
      const above = lowerIsHigher ? input.staffRank < ranks[top] : input.staffRank > ranks[top];
      const below = lowerIsHigher ? input.staffRank > ranks[bottom] : input.staffRank < ranks[bottom];
      if (choice.value === "error" || (!above && !below)) {
        return unavailable("value", rule.id, `staffRank:行员 ${input.staffRank} 等不在套改表内${s.zh}`, `staffRank: rank ${input.staffRank} is not in the conversion table${s.en}`);
      }
      grade = above ? top : bottom;
      reasons.push(reason(rule.id, `行员 ${input.staffRank} 等超出套改表,就近套改${s.zh}`, `rank ${input.staffRank} is outside the table, clamped${s.en}`));
    }
    const g = gradeName(book, grade);
    reasons.push(reason(rule.id, `调入人员考试合格:原行员 ${input.staffRank} 等 → ${g.zh}(当年),次年按 ${p.gradedBy} 重新定级`, `transfer passed: staff rank ${input.staffRank} → ${g.en} for the rest of the year, re-graded by ${p.gradedBy} next year`));
    return { value: { outcome: "convert", grade, gradedBy: p.gradedBy }, reasons };
  },
};
