/**
 * B002-DEMOTE-TARGET: where a lower appointment (低聘) lands. 「未达到本职位等级客户经理任职条件的予以低聘」 does not say
 * how far, so `b002.demotion.target` decides:
 * - `qualifiedOrLowest`: the grade the results support if it is below the current one; no grade supported and the
 *   current grade above the lowest CM grade (四级) → the lowest CM grade; at the lowest grade with no grade
 *   supported → review (there is no lower CM grade: 见习 is an entry status, not a step down);
 * - `oneStep`: one grade down whatever the results; from the lowest CM grade → review.
 * Grades are the rulebook's `grades` order (highest first); the lowest CM grade is rulebook data.
 */
import type { CompiledRulebook } from "../../rulebook/compile";
import { gradeIndex, gradeText } from "./common";

export const DEMOTION_TARGETS = ["qualifiedOrLowest", "oneStep"] as const;
export type DemotionTarget = (typeof DEMOTION_TARGETS)[number];

export interface Target {
  /** undefined = review (no lower CM grade). */
  grade: string | undefined;
  zh: string;
  en: string;
}

/** One grade down, never below the lowest CM grade. */
export function oneStepDown(book: CompiledRulebook, current: string, lowest: string): Target {
  const gi = gradeIndex(book, current);
  const c = gradeText(book, current);
  if (gi >= gradeIndex(book, lowest)) return { grade: undefined, zh: `${c.zh}已是最低客户经理等级,无可低聘的等级 → 复核`, en: `${c.en} is the lowest CM grade; no lower grade → review` };
  const to = book.gradeIds[gi + 1]; // int: next grade down
  const t = gradeText(book, to);
  return { grade: to, zh: `低聘一级:${c.zh} → ${t.zh}`, en: `one grade down: ${c.en} → ${t.en}` };
}

/** The target of a demotion; `qualified` undefined = no grade supported. Undefined when qualified is not below current. */
export function demoteTarget(book: CompiledRulebook, current: string, qualified: string | undefined, mode: DemotionTarget, lowest: string): Target | undefined {
  const gi = gradeIndex(book, current);
  const qi = gradeIndex(book, qualified);
  if (qualified !== undefined && qi <= gi) return undefined;
  if (mode === "oneStep") return oneStepDown(book, current, lowest);
  const c = gradeText(book, current);
  if (qualified !== undefined) {
    const q = gradeText(book, qualified);
    return { grade: qualified, zh: `低聘至业绩达到的等级:${c.zh} → ${q.zh}`, en: `down to the grade the results support: ${c.en} → ${q.en}` };
  }
  const li = gradeIndex(book, lowest);
  const l = gradeText(book, lowest);
  if (gi < li) return { grade: lowest, zh: `未达到任何等级,低聘至最低客户经理等级:${c.zh} → ${l.zh}`, en: `no grade supported: down to the lowest CM grade: ${c.en} → ${l.en}` };
  return { grade: undefined, zh: `${c.zh}未达到任何等级且已是最低客户经理等级 → 复核`, en: `${c.en}: no grade supported and already the lowest CM grade → review` };
}
