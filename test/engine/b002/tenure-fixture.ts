/** Test helper (not a test) for the B002 tenure tests: appraise one manager of b002-bank-grades and read its lines. */
import { Dec } from "../../../src/engine/decimal";
import type { Reason } from "../../../src/engine/model";
import type { ManagerResultJson } from "../../../src/engine/results";
import { appraiseOne } from "../../helpers/appraise";

export const BOOK = "b002-bank-grades";

/** 万元 → 元 text, exactly ("49.99" → "499900.00"). */
export function wan(w: string | number): string {
  return new Dec(w).times(10000).toFixed(2);
}

export interface Manager {
  role?: string;
  grade?: string;
  history: Array<Record<string, unknown>>;
}

export function run(m: Manager, period: string, settings: Record<string, unknown> = {}): ManagerResultJson {
  return appraiseOne(BOOK, { role: m.role ?? "cm", grade: m.grade ?? "grade1", history: m.history }, period, settings);
}

/** The explanation lines of one rule. */
export function lines(r: ManagerResultJson, rule: string): Reason[] {
  return r.explanation.filter((x) => x.rule === rule);
}

export function zhLines(r: ManagerResultJson, rule: string): string[] {
  return lines(r, rule).map((x) => x.zh);
}

/** The unavailable entry of one rule, if any. */
export function missing(r: ManagerResultJson, rule: string) {
  return r.unavailable?.find((u) => u.rule === rule);
}

/** Quarterly records with a given main-indicator completion (fractions as text: "0.7999"). */
export function quarters(values: Array<[string, string]>, extra: Record<string, unknown> = {}): Array<Record<string, unknown>> {
  return values.map(([period, c]) => ({ period, mainCompletion: c, ...extra }));
}
