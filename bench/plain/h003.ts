/**
 * h003-city-bank written directly with JavaScript numbers, for the benchmark only: the floor a decimal engine is
 * compared with. Same rules and the rulebook's default settings (src/engine/rulebooks/h003-city-bank/*.json,
 * ../shared/rules/seed-003-city-bank-scoring.md), same outputs: score, grade, risk deposit, status (H003 pay is
 * monthly, 按月考核兑现, so the annual appraisal has none, as in the engine).
 *
 * To be exact without a decimal library it works in whole units, the way a careful programmer would: money in fen,
 * rates in millionths, points in hundredths. Whole numbers below 2^53 are exact in a double, and every threshold is
 * compared by cross-multiplying, so (99.8% − 99.5%) / 0.1% is 3 steps here too, not 2.9999999999999716.
 * No explanations are produced: that is part of what the engine does and this floor does not.
 */
import type { RawInput, RawManager } from "../gen/h003";
import { divRound, fixed, toUnits } from "../lib/scaled";

type Grade = "senior" | "intermediate" | "junior";
const GRADES: Grade[] = ["senior", "intermediate", "junior"];
const CAP_FEN: Record<string, number> = { senior: 2000000, intermediate: 1000000, junior: 500000 };
const RATE_PPM = 200000; // h003.riskDeposit.rate = 20%
const ACCOUNT_TARGET: Record<string, number> = { senior: 10, intermediate: 7, junior: 5 };

/** One record with its figures in whole units (fen, millionths, hundredths of a point), undefined when absent. */
export interface PlainRecord {
  period: string;
  /** Month index (year × 12 + month − 1) for months; -1 for other periods. */
  month: number;
  /** First and last month index the record covers. */
  first: number;
  last: number;
  grade?: string;
  role?: string;
  income?: number;
  avgDeposits?: number;
  baseDeposits?: number;
  newAvgDeposits?: number;
  depositPlan?: number;
  avgLoans?: number;
  interestDue?: number;
  lossYuan?: number;
  depositGrowth?: number;
  nplRatio?: number;
  collectionRate?: number;
  newLoanCollectionRate?: number;
  feeIncomeGrowth?: number;
  newBasicAccounts?: number;
  conductDeductions?: number;
  flags: string[];
}

export interface PlainManager {
  id: string;
  role: string;
  grade?: string;
  history: PlainRecord[];
  openingFen?: number;
}

export interface PlainResult {
  id: string;
  grade?: string;
  /** Hundredths of a point. */
  score?: number;
  riskDeposit?: { withheld: number; balance: number; refundable: number };
  status: string;
}

const MONEY = ["income", "avgDeposits", "baseDeposits", "newAvgDeposits", "depositPlan", "avgLoans", "interestDue", "lossYuan"] as const;
const RATES = ["depositGrowth", "nplRatio", "collectionRate", "newLoanCollectionRate", "feeIncomeGrowth"] as const;

function span(period: string): { month: number; first: number; last: number } {
  const y = Number(period.slice(0, 4));
  if (period.length === 7) {
    const m = y * 12 + Number(period.slice(5, 7)) - 1;
    return { month: m, first: m, last: m };
  }
  return { month: -1, first: y * 12, last: y * 12 + 11 };
}

/** JSON input → whole units (not timed: the engine's JSON reading is not timed either). */
export function preparePlain(input: RawInput): PlainManager[] {
  return input.managers.map((m: RawManager) => ({
    id: m.id,
    role: m.role,
    grade: m.grade,
    openingFen: m.riskDeposit ? toUnits(m.riskDeposit.balance, 2) : undefined,
    history: m.history.map((raw) => {
      const rec: PlainRecord = { period: raw.period, ...span(raw.period), grade: raw.grade as string | undefined, role: raw.role as string | undefined, flags: (raw.flags as string[] | undefined) ?? [] };
      const r = rec as unknown as Record<string, number | undefined>;
      for (const f of MONEY) if (raw[f] !== undefined) r[f] = toUnits(String(raw[f]), 2);
      for (const f of RATES) if (raw[f] !== undefined) r[f] = toUnits(String(raw[f]), 6);
      if (raw.newBasicAccounts !== undefined) rec.newBasicAccounts = toUnits(String(raw.newBasicAccounts), 0);
      if (raw.conductDeductions !== undefined) rec.conductDeductions = toUnits(String(raw.conductDeductions), 2);
      return rec;
    }),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Score (H003-SCORE-*), in hundredths of a point; undefined = the item or score cannot be computed.

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

function depositGrowthPoints(r: PlainRecord): number | undefined {
  let steps: number;
  if (r.depositGrowth !== undefined) steps = Math.trunc((r.depositGrowth - 300000) / 10000);
  else if (r.avgDeposits !== undefined && r.baseDeposits !== undefined && r.baseDeposits > 0) {
    steps = Math.trunc((100 * (r.avgDeposits - r.baseDeposits) - 30 * r.baseDeposits) / r.baseDeposits);
  } else return undefined;
  return clamp(40 + 2 * steps, 0, 60) * 100;
}

function nplPoints(r: PlainRecord): number | undefined {
  if (r.avgLoans === 0) return 3000; // no loans → base points
  const v = r.nplRatio;
  if (v === undefined) return undefined;
  return v === 0 ? 3000 : v <= 10000 ? 2000 : v < 50000 ? 1000 : 0;
}

function collectionPoints(r: PlainRecord): number | undefined {
  if (r.interestDue === 0) return 2000; // nothing due → base points
  if (r.collectionRate === undefined) return undefined;
  return clamp(20 + 2 * Math.trunc((r.collectionRate - 995000) / 1000), 0, 30) * 100;
}

function feePoints(r: PlainRecord): number | undefined {
  if (r.feeIncomeGrowth === undefined) return undefined;
  return clamp(10 + Math.trunc((r.feeIncomeGrowth - 200000) / 20000), 0, 15) * 100;
}

function juniorDepositPoints(r: PlainRecord): number | undefined {
  let x: number;
  if (r.newAvgDeposits !== undefined) x = r.newAvgDeposits;
  else if (r.avgDeposits !== undefined && r.baseDeposits !== undefined) x = r.avgDeposits - r.baseDeposits;
  else return undefined;
  if (x >= 100000000) return 4000; // 100万 in fen
  return divRound(4000 * Math.max(0, x), 100000000);
}

function accountPoints(r: PlainRecord, grade: string | undefined): number | undefined {
  const target = grade !== undefined ? ACCOUNT_TARGET[grade] : undefined;
  if (r.newBasicAccounts === undefined || target === undefined) return undefined;
  if (r.newBasicAccounts >= target) return 1000;
  return divRound(1000 * Math.max(0, r.newBasicAccounts), target);
}

function scoreOf(role: string, grade: string | undefined, r: PlainRecord | undefined): number | undefined {
  if (!r || role === "agent") return undefined;
  let items: Array<number | undefined>;
  if (role === "president") items = [depositGrowthPoints(r), nplPoints(r), collectionPoints(r), feePoints(r)];
  else if (role === "cm" && (grade === "senior" || grade === "intermediate")) items = [depositGrowthPoints(r), nplPoints(r), collectionPoints(r), accountPoints(r, grade)];
  else if (role === "cm" && grade === "junior") items = [juniorDepositPoints(r), nplPoints(r), collectionPoints(r), accountPoints(r, grade)];
  else return undefined;
  let total = 0;
  for (const p of items) {
    if (p === undefined) return undefined;
    total += p;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------------------
// Triggers (H003-DEMOTE-*, H003-DISMISS-*, H003-RISK-OFFPOST-COLLECTION). Each returns the action, null when it
// does not fire, or "unknown" when it cannot be judged for lack of data.

type Fired = "demote" | "dismiss" | "offPostCollection" | null | "unknown";

/** Three calendar months in a row with deposits below 90 % of base (eachMonth, reset after a trigger, gaps break runs). */
function depositShortfall(months: PlainRecord[], first: number, last: number): Fired {
  let start = Infinity;
  let end = -Infinity;
  const byMonth = new Map<number, PlainRecord>();
  for (const r of months) {
    byMonth.set(r.month, r);
    if (r.month < start) start = r.month;
    if (r.month >= first && r.month <= last && r.month > end) end = r.month;
  }
  if (end === -Infinity) return "unknown";
  let run = 0;
  let lastBase: number | undefined;
  let fired = false;
  for (let i = start; i <= end; i++) {
    const r = byMonth.get(i);
    const base = r?.baseDeposits ?? lastBase;
    if (!r || r.avgDeposits === undefined || base === undefined) {
      if (i === end) return "unknown";
      run = 0;
      continue;
    }
    lastBase = base;
    if (10 * r.avgDeposits < 9 * base) run++;
    else run = 0;
    if (run >= 3) {
      if (i >= first) fired = true;
      run = 0;
    }
  }
  return fired ? "demote" : null;
}

/** Alternatives (「有下列情况之一」): fires if any holds; cannot be judged if none holds and one is unknown. */
function anyOf(...clauses: Array<boolean | undefined>): boolean | undefined {
  let unknown = false;
  for (const c of clauses) {
    if (c === true) return true;
    if (c === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

const fire = (held: boolean | undefined, action: Fired): Fired => (held === undefined ? "unknown" : held ? action : null);

/** H003-DISMISS-CM-CONDUCT over the assessment year: major violation, major loss, or ≥ 15 conduct points. */
function conduct(records: PlainRecord[], first: number, last: number): Fired {
  let points = 0;
  let flagged = false;
  // Months first; a coarser record (the year) counts only when no finer record already covers its months.
  let finer = false;
  for (const r of records) {
    if (r.first < first || r.last > last) continue;
    if (r.flags.length > 0 && (r.flags.includes("majorViolation") || r.flags.includes("majorLoss"))) flagged = true;
    if (r.conductDeductions !== undefined && r.first === r.last) {
      points += r.conductDeductions;
      finer = true;
    }
  }
  if (!finer) for (const r of records) if (r.first >= first && r.last <= last && r.first !== r.last && r.conductDeductions !== undefined) points += r.conductDeductions;
  return flagged || points >= 1500 ? "dismiss" : null;
}

/** H003-DEMOTE-PRESIDENT on one year's record: score ≤ 90, NPL > 10 %, or a key indicator completed ≤ 90 %. */
function presidentDemotion(r: PlainRecord | undefined, score: number | undefined): boolean | undefined {
  if (!r) return undefined;
  const byScore = score === undefined ? undefined : score <= 9000;
  const byNpl = r.nplRatio === undefined ? undefined : r.nplRatio > 100000;
  // Deposits: actual ÷ plan (the plan, else base × 130 %); collection: rate ÷ 99.5 %.
  let deposit: boolean | undefined;
  if (r.avgDeposits !== undefined) {
    if (r.depositPlan !== undefined) deposit = r.depositPlan > 0 ? 10 * r.avgDeposits <= 9 * r.depositPlan : undefined;
    else if (r.baseDeposits !== undefined) deposit = r.baseDeposits > 0 ? 100 * r.avgDeposits <= 117 * r.baseDeposits : undefined;
  }
  const collection = r.collectionRate === undefined ? undefined : r.collectionRate <= 895500;
  const key = deposit === true || collection === true ? true : deposit === undefined || collection === undefined ? undefined : false;
  return anyOf(byScore, byNpl, key);
}

/** H003-DISMISS-PRESIDENT-ACCIDENT: a major accident demotes; its loss of 1万 or more dismisses. */
function accident(records: PlainRecord[], first: number, last: number): Fired {
  let any = false;
  let loss = 0;
  let lossKnown = false;
  for (const r of records) {
    if (r.first < first || r.last > last || !r.flags.includes("majorAccident")) continue;
    any = true;
    if (r.lossYuan !== undefined) {
      loss += r.lossYuan;
      lossKnown = true;
    }
  }
  if (!any) return null;
  return lossKnown && loss >= 1000000 ? "dismiss" : "demote";
}

// ---------------------------------------------------------------------------------------------------------------
// Risk deposit (H003-RISKDEP-*): 20 % of monthly income until the cap of the month's grade; excess held.

function riskDeposit(m: PlainManager, months: PlainRecord[], first: number, grade: string | undefined, period: string): PlainResult["riskDeposit"] | "unavailable" | undefined {
  if (!months.some((r) => r.income !== undefined)) return undefined;
  const records = m.openingFen !== undefined ? months.filter((r) => r.month >= first) : months;
  if (!records.some((r) => r.month >= first)) return "unavailable";
  for (let i = 1; i < records.length; i++) if (records[i].month !== records[i - 1].month + 1) return "unavailable";
  let balance = m.openingFen ?? 0;
  let withheld = 0;
  for (const r of records) {
    const role = r.role ?? m.role;
    const g = r.period === period ? grade : (r.grade ?? m.grade);
    if (r.income === undefined) return "unavailable";
    if (role !== "cm" && role !== "president") continue;
    const cap = g !== undefined ? CAP_FEN[g] : undefined;
    if (cap === undefined) return "unavailable";
    const due = divRound(Math.max(0, r.income) * RATE_PPM, 1000000);
    const room = Math.max(0, cap - balance);
    const w = due < room ? due : room;
    balance += w;
    if (r.month >= first) withheld += w;
  }
  return { withheld, balance, refundable: 0 };
}

// ---------------------------------------------------------------------------------------------------------------

/** The annual appraisal of one manager for `year` (a YYYY period). */
export function appraisePlain(m: PlainManager, year: number): PlainResult {
  const period = String(year);
  const first = year * 12;
  const last = first + 11;
  const history = m.history.filter((r) => r.last <= last);
  const record = history.find((r) => r.period === period);
  const role = record?.role ?? m.role;
  const grade = record?.grade ?? m.grade;
  const score = scoreOf(role, grade, record);
  const months = history.filter((r) => r.month >= 0);

  const fired: Fired[] = [];
  if (role === "cm") {
    fired.push(depositShortfall(months, first, last));
    fired.push(fire(record?.collectionRate === undefined ? undefined : record.collectionRate < 990000, "demote"));
    fired.push(fire(score === undefined ? undefined : score <= 8500, "demote"));
    fired.push(fire(score === undefined ? undefined : score <= 7000, "dismiss"));
  }
  if (role === "cm" || role === "president") fired.push(conduct(history, first, last));
  if (role === "president") {
    const now = presidentDemotion(record, score);
    fired.push(fire(now, "demote"));
    if (now === true) {
      const prev = history.find((r) => r.period === String(year - 1));
      if (!prev) fired.push("unknown");
      else {
        const prevScore = scoreOf(prev.role ?? m.role, prev.grade ?? m.grade, prev);
        fired.push(fire(presidentDemotion(prev, prevScore), "dismiss"));
      }
    }
    fired.push(accident(history, first, last));
  }
  if (role === "cm" || role === "president") {
    const c = record?.collectionRate;
    const n = record?.newLoanCollectionRate;
    fired.push(fire(anyOf(c === undefined ? undefined : c < 995000, n === undefined ? undefined : n < 1000000), "offPostCollection"));
  }

  // H003-DEMOTE-LADDER: dismissal > demotion (one grade) > off-post flag > normal.
  let status: string;
  let outGrade = grade;
  if (fired.includes("dismiss")) status = "dismiss";
  else if (fired.includes("demote")) {
    const gi = grade !== undefined ? GRADES.indexOf(grade as Grade) : -1;
    if (role === "president") status = "demoteAppointment";
    else if (gi < 0) status = "demote";
    else if (gi === GRADES.length - 1) status = "demoteToAgentOrRelease";
    else {
      status = "demote";
      outGrade = GRADES[gi + 1];
    }
  } else if (fired.includes("offPostCollection")) status = "offPostCollection";
  else if (fired.includes("unknown")) status = "undetermined";
  else status = "normal";

  const out: PlainResult = { id: m.id, status };
  if (outGrade !== undefined) out.grade = outGrade;
  if (score !== undefined) out.score = score;
  if (role === "cm" || role === "president") {
    const rd = riskDeposit(m, months, first, grade, period);
    if (rd !== undefined && rd !== "unavailable") out.riskDeposit = rd;
  }
  return out;
}

export function appraiseAllPlain(managers: PlainManager[], year: number): PlainResult[] {
  const out = new Array<PlainResult>(managers.length);
  for (let i = 0; i < managers.length; i++) out[i] = appraisePlain(managers[i], year);
  return out;
}

/** The fields compared with the engine's JSON result, as the engine writes them (money and points with 2 decimals). */
export function plainAsText(r: PlainResult): Record<string, string | undefined> {
  return {
    grade: r.grade,
    score: r.score === undefined ? undefined : fixed(r.score, 2),
    withheld: r.riskDeposit ? fixed(r.riskDeposit.withheld, 2) : undefined,
    balance: r.riskDeposit ? fixed(r.riskDeposit.balance, 2) : undefined,
    refundable: r.riskDeposit ? fixed(r.riskDeposit.refundable, 2) : undefined,
    status: r.status,
  };
}
