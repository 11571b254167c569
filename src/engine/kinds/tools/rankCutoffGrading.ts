/**
 * Rank-and-cutoff grading (H003-QUALIFY-GRADE): a pass mark qualifies; the qualified are sorted by score, highest
 * first, and graded by cut-off scores or by quotas (counts per grade); whoever is left is the lowest grade. The seed
 * gives no numbers, so pass mark, cut-offs and quotas are required settings: without them the result is #N/A
 * "grade cut-offs not configured", never a guess. Equal scores straddling a quota boundary cannot be split without a
 * tie-break the seed does not give, so that is reported too.
 */
import { z } from "zod";
import { holds, OpSchema, SYMBOL } from "../../compare";
import { Dec } from "../../decimal";
import { plain } from "../../format";
import type { Reason } from "../../model";
import { reason, unavailable, type Unavailable } from "../../outcome";
import { parseQuantity } from "../../quantity";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";
import type { ToolKind } from "../types";
import { checkNumberRef, NumberRefSchema, readNumber } from "./settingChoice";
import { decimalInput, textInput } from "./toolInput";

const Params = z
  .object({
    passMark: NumberRefSchema,
    /** 及格以上: a score equal to the pass mark passes. */
    passOp: OpSchema.default("ge"),
    /** Grades given by cut-off or quota, highest first. */
    grades: z.array(z.string()).min(1),
    /** Grade of every qualified person below the last cut-off or quota. */
    lowestGrade: z.string(),
    cutoffs: z.object({ setting: z.string() }).strict(),
    quotas: z.object({ setting: z.string() }).strict(),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    candidates: z
      .array(z.object({ id: textInput("candidates[].id"), score: decimalInput("candidates[].score", { nonNegative: true }) }).strict(), {
        error: "candidates must be a list of {id, score}",
      })
      .min(1, { error: "candidates must not be empty" })
      .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, { error: "candidates[].id must be unique" }),
  })
  .strict();
type Input = z.infer<typeof Input>;

function gradeZh(book: CompiledRulebook, id: string): string {
  return book.doc.grades.find((g) => g.id === id)?.zh ?? id;
}

type Plan = { mode: "cutoffs"; cut: Dec[] } | { mode: "quotas"; quota: number[] };

/** Reads the cut-offs or quotas setting; anything missing or malformed is a configuration problem (#N/A). */
function planOf(rule: { id: string; params: Params }, settings: Settings): Plan | Unavailable {
  const p = rule.params;
  const cut = settings.get<Record<string, unknown>>(p.cutoffs.setting);
  const quota = settings.get<Record<string, unknown>>(p.quotas.setting);
  const keys = `${p.cutoffs.setting} / ${p.quotas.setting}`;
  if (cut === undefined && quota === undefined) {
    return unavailable("na", rule.id, `等级分数线未配置(请设置 ${keys})`, `grade cut-offs not configured (set ${keys})`);
  }
  if (cut !== undefined && quota !== undefined) {
    return unavailable("na", rule.id, `分数线与名额只能设置一种(${keys})`, `set either cut-offs or quotas, not both (${keys})`);
  }
  const given = (cut ?? quota) as Record<string, unknown>;
  const key = cut !== undefined ? p.cutoffs.setting : p.quotas.setting;
  const extra = Object.keys(given).filter((k) => !p.grades.includes(k));
  const missing = p.grades.filter((g) => given[g] === undefined);
  if (extra.length > 0 || missing.length > 0) {
    return unavailable("na", rule.id, `${key} 须恰好给出 ${p.grades.join("、")}`, `${key} must give exactly ${p.grades.join(", ")}`);
  }
  if (cut !== undefined) {
    const values: Dec[] = [];
    for (const g of p.grades) {
      try {
        values.push(parseQuantity(given[g] as string | number));
      } catch {
        return unavailable("na", rule.id, `${key}.${g} 不是分数`, `${key}.${g} is not a score`);
      }
    }
    if (values.some((v, i) => i > 0 && v.gte(values[i - 1]))) { // int: index of the previous grade
      return unavailable("na", rule.id, `${key}:较高等级的分数线须更高`, `${key}: a higher grade needs a higher cut-off`);
    }
    return { mode: "cutoffs", cut: values };
  }
  const counts: number[] = [];
  for (const g of p.grades) {
    const n = given[g];
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) return unavailable("na", rule.id, `${key}.${g} 须为非负整数`, `${key}.${g} must be a whole number ≥ 0`);
    counts.push(n);
  }
  return { mode: "quotas", quota: counts };
}

export const rankCutoffGrading: ToolKind<Params, Input> = {
  kind: "rankCutoffGrading",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book: CompiledRulebook) {
    const p = rule.params;
    const problems = [...checkNumberRef(p.passMark, book)];
    for (const g of [...p.grades, p.lowestGrade]) if (!book.gradeIds.includes(g)) problems.push(`unknown grade ${g}`);
    for (const s of [p.cutoffs.setting, p.quotas.setting]) if (!book.doc.settings[s]) problems.push(`setting ${s} is not declared`);
    return problems;
  },
  run(rule, input, book: CompiledRulebook, settings) {
    const p = rule.params;
    const pass = readNumber(p.passMark, settings);
    if (pass === undefined) {
      const key = typeof p.passMark === "object" && "setting" in p.passMark ? p.passMark.setting : "passMark";
      return unavailable("na", rule.id, `及格分未配置(请设置 ${key})`, `pass mark not configured (set ${key})`);
    }
    const plan = planOf(rule, settings);
    if ("unavailable" in plan) return plan;
    const reasons: Reason[] = [];
    const sorted = [...input.candidates].sort((a, b) => b.score.comparedTo(a.score));
    const rankOf = (s: Dec) => sorted.filter((c) => c.score.gt(s)).length + 1; // int: competition rank (1, 2, 2, 4)
    const qualified = sorted.filter((c) => holds(c.score, p.passOp, pass));
    const grade = new Map<string, string>();

    if (plan.mode === "cutoffs") {
      for (const c of qualified) {
        const i = plan.cut.findIndex((cut) => c.score.gte(cut));
        grade.set(c.id, i < 0 ? p.lowestGrade : p.grades[i]);
      }
      const zh = p.grades.map((g, i) => `${gradeZh(book, g)} ≥ ${plain(plan.cut[i])}`).join("、");
      const en = p.grades.map((g, i) => `${g} ≥ ${plain(plan.cut[i])}`).join(", ");
      reasons.push(reason(rule.id, `及格分 ${plain(pass)}(${SYMBOL[p.passOp]});分数线 ${zh};其余及格者为${gradeZh(book, p.lowestGrade)}(${p.cutoffs.setting})`, `pass mark ${plain(pass)} (${SYMBOL[p.passOp]}); cut-offs ${en}; other qualified: ${p.lowestGrade} (${p.cutoffs.setting})`));
    } else {
      let start = 0;
      for (let gi = 0; gi < p.grades.length; gi++) { // int: grade index
        const end = Math.min(start + plan.quota[gi], qualified.length); // int: quota positions
        if (end > 0 && end < qualified.length && qualified[end - 1].score.eq(qualified[end].score)) { // int: neighbours at the boundary
          const tied = qualified.filter((c) => c.score.eq(qualified[end].score)).map((c) => c.id);
          return unavailable("value", rule.id, `${gradeZh(book, p.grades[gi])}名额边界上分数相同(${tied.join("、")}:${plain(qualified[end].score)} 分),须人工决定`, `equal scores at the ${p.grades[gi]} quota boundary (${tied.join(", ")}: ${plain(qualified[end].score)}); needs a manual tie-break`);
        }
        for (let k = start; k < end; k++) grade.set(qualified[k].id, p.grades[gi]); // int: positions
        start = end;
      }
      for (const c of qualified) if (!grade.has(c.id)) grade.set(c.id, p.lowestGrade);
      const zh = p.grades.map((g, i) => `${gradeZh(book, g)} ${plan.quota[i]} 名`).join("、");
      const en = p.grades.map((g, i) => `${g} ${plan.quota[i]}`).join(", ");
      reasons.push(reason(rule.id, `及格分 ${plain(pass)}(${SYMBOL[p.passOp]});按分数从高到低分配名额 ${zh};其余及格者为${gradeZh(book, p.lowestGrade)}(${p.quotas.setting})`, `pass mark ${plain(pass)} (${SYMBOL[p.passOp]}); quotas from the top ${en}; other qualified: ${p.lowestGrade} (${p.quotas.setting})`));
    }

    const results = input.candidates.map((c) => {
      const g = grade.get(c.id) ?? null;
      reasons.push(
        g
          ? reason(rule.id, `${c.id}:${plain(c.score)} 分,第 ${rankOf(c.score)} 名 → ${gradeZh(book, g)}`, `${c.id}: ${plain(c.score)}, rank ${rankOf(c.score)} → ${g}`)
          : reason(rule.id, `${c.id}:${plain(c.score)} 分未及格 → 不取得任职资格`, `${c.id}: ${plain(c.score)} is below the pass mark → not qualified`),
      );
      return { id: c.id, score: plain(c.score), rank: rankOf(c.score), qualified: g !== null, grade: g };
    });
    return { value: { candidates: results }, reasons };
  },
};
