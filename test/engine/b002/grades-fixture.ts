/** Test helper (not a test): b002 appraisal records built from client rows written in 万元, as the rule file's examples are. */
import { Dec } from "../../../src/engine/decimal";
import type { Reason } from "../../../src/engine/model";
import type { ManagerResultJson } from "../../../src/engine/results";
import { loadPreset } from "../../../src/engine/rulebooks";
import { appraiseOne } from "../../helpers/appraise";

export const B = "b002-bank-grades";

/** 万元 → 元 text, exactly ("49.99" → "499900.00"). */
export function W(wan: string | number): string {
  return new Dec(wan).times(10000).toFixed(2);
}

export interface ClientSpec {
  id: string;
  /** All amounts in 万 (USD in 万美元). */
  dep?: string | number;
  agr?: string | number;
  prev?: string | number;
  loans?: string | number;
  usd?: string | number;
  cny?: string | number;
  /** Five-class year-end balances; default: all loans normal. */
  normal?: string | number;
  total?: string | number;
  flags?: string[];
}

export function client(c: ClientSpec): Record<string, unknown> {
  const row: Record<string, unknown> = { id: c.id };
  if (c.dep !== undefined) row.avgDeposits = W(c.dep);
  if (c.agr !== undefined) row.agreementAvgDeposits = W(c.agr);
  if (c.prev !== undefined) row.prevAvgDeposits = W(c.prev);
  if (c.loans !== undefined) row.avgLoans = W(c.loans);
  if (c.usd !== undefined) row.intlSettlementUsd = W(c.usd);
  if (c.cny !== undefined) row.intlSettlementCny = W(c.cny);
  const total = c.total ?? c.loans;
  if (total !== undefined && new Dec(total).gt(0)) {
    row.totalLoans = W(total);
    row.normalLoans = W(c.normal ?? total);
  }
  if (c.flags) row.flags = c.flags;
  return row;
}

export interface Opts {
  grade?: string;
  role?: string;
  period?: string;
  /** Manager-level values of the record (usdCnyRate, normalSharePrev, marketingYears …), as JSON. */
  values?: Record<string, unknown>;
  flags?: string[];
  settings?: Record<string, unknown>;
}

export function appraise(clients: ClientSpec[], o: Opts = {}): ManagerResultJson {
  const period = o.period ?? "2024";
  const record: Record<string, unknown> = { period, clients: clients.map(client), ...(o.values ?? {}) };
  if (o.flags) record.flags = o.flags;
  return appraiseOne(B, { role: o.role ?? "cm", grade: o.grade ?? "grade4", history: [record] }, period, o.settings ?? {});
}

/** The explanation lines of a rule. */
export function lines(r: ManagerResultJson, rule: string): Reason[] {
  return r.explanation.filter((x) => x.rule === rule);
}

/** The zh text of the first line of `rule` starting with `prefix`; fails the test if there is none. */
export function zh(r: ManagerResultJson, rule: string, prefix: string): string {
  const hit = lines(r, rule).find((x) => x.zh.startsWith(prefix));
  if (!hit) throw new Error(`no ${rule} line starting with "${prefix}" in:\n${r.explanation.map((x) => `${x.rule}: ${x.zh}`).join("\n")}`);
  return hit.zh;
}

/**
 * The attained grade id, or "none", read from B002-GRADE-RESULT's last line (the result's `grade` field may be
 * replaced by a status rule, or fall back to the appointed grade when nothing is attained). Fails if the grade
 * stage was unavailable or did not run.
 */
export function gradeOf(r: ManagerResultJson): string {
  const u = r.unavailable?.find((x) => x.output === "grade");
  if (u) throw new Error(`grade unavailable: ${u.zh}`);
  const last = lines(r, "B002-GRADE-RESULT").find((x) => x.zh.startsWith("符合条件的最高等级:") || x.zh.startsWith("各等级条件均未全部满足"));
  if (!last) throw new Error("the grade stage did not grade this record");
  if (last.zh.startsWith("各等级")) return "none";
  const name = last.zh.slice("符合条件的最高等级:".length);
  const g = loadPreset(B).doc.grades.find((x) => x.zh === name);
  if (!g) throw new Error(`unknown grade name ${name}`);
  return g.id;
}

/** The grade stage's unavailable message (zh), or undefined. */
export function gradeUnavailable(r: ManagerResultJson): { code: string; zh: string; en: string } | undefined {
  return r.unavailable?.find((x) => x.output === "grade");
}
