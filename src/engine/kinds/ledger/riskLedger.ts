/**
 * The risk-deposit ledger as pure functions over plain values (H003-RISKDEP-WITHHOLD, -CAP, -GRADE-CHANGE,
 * -REFUND, -LEDGER), so the appraisal pipeline, the custom functions and the taskpane all run the same arithmetic.
 *
 * Month m: w = min( round(rate × max(0, income)), max(0, cap(grade) − balance) ). Every movement is rounded to the
 * fen when it is made, so the ledger identity
 *     opening + Σ withheld − Σ refunded − Σ applied to losses = closing
 * holds exactly, in every month and overall. The balance is never negative.
 */
import { Dec, max2, min2, minusMoved, plusMoved, ZERO } from "../../decimal";
import { roundTo, type RoundingSpec } from "../../rounding";

export const EXCESS_ON_DEMOTION = ["hold", "refundExcess"] as const;
export type ExcessOnDemotion = (typeof EXCESS_ON_DEMOTION)[number];

export interface RiskLedgerMonth {
  period: string;
  /** The income the rate applies to (gross, or after loss deductions when the rulebook says so). */
  income: Dec;
  grade?: string;
  /** false for a month in which the person was not in a withholding role (an agent): nothing moves. */
  covered?: boolean;
}

export interface RiskLedgerOptions {
  rate: Dec;
  /** Cap by grade, in 元. */
  caps: Readonly<Record<string, Dec>>;
  /** A balance above the cap of the month's grade (after a demotion): kept, or the excess refunded that month. */
  excessOnDemotion: ExcessOnDemotion;
  /** Rounding of each month's rate × income; 0.01 元 half-up unless the rulebook says otherwise. */
  rounding?: RoundingSpec;
}

/**
 * What decided a month: `withheld` (full rate), `capped` (only the remainder to the cap), `atCap` (cap reached),
 * `aboveCapHeld` (balance above a lower cap, kept), `noIncome` (income ≤ 0), `notCovered` (role not withheld).
 */
export type RiskLedgerOutcome = "withheld" | "capped" | "atCap" | "aboveCapHeld" | "noIncome" | "notCovered";

export interface RiskLedgerStep {
  period: string;
  grade?: string;
  cap?: Dec;
  income: Dec;
  opening: Dec;
  /** round(rate × max(0, income)): what the rate alone would withhold. */
  due: Dec;
  withheld: Dec;
  /** Excess over a lower cap refunded this month (`refundExcess`). */
  refunded: Dec;
  /** Losses paid from the balance this month (only at settlement, see settleRiskDeposit). */
  applied: Dec;
  closing: Dec;
  outcome: RiskLedgerOutcome;
}

export interface RiskLedgerRun {
  opening: Dec;
  closing: Dec;
  withheld: Dec;
  refunded: Dec;
  applied: Dec;
  steps: RiskLedgerStep[];
}

const FEN: RoundingSpec = { decimals: 2, mode: "halfUp" };

/** Runs the ledger over months, oldest first, from an opening balance (0 for a new account). */
export function runRiskLedger(opening: Dec, months: readonly RiskLedgerMonth[], options: RiskLedgerOptions): RiskLedgerRun {
  if (opening.lt(ZERO)) throw new RangeError(`opening balance ${opening.toString()} is negative`);
  if (options.rate.lt(ZERO)) throw new RangeError(`rate ${options.rate.toString()} is negative`);
  const rounding = options.rounding ?? FEN;
  const steps: RiskLedgerStep[] = [];
  let balance = opening;
  let withheld = ZERO;
  let refunded = ZERO;
  for (const m of months) {
    const step = stepMonth(balance, m, options, rounding);
    steps.push(step);
    balance = step.closing;
    withheld = plusMoved(withheld, step.withheld);
    refunded = plusMoved(refunded, step.refunded);
  }
  return { opening, closing: balance, withheld, refunded, applied: ZERO, steps };
}

function stepMonth(opening: Dec, m: RiskLedgerMonth, o: RiskLedgerOptions, rounding: RoundingSpec): RiskLedgerStep {
  // Steps are written out field by field (same key order as before) rather than spread from a shared base:
  // a ledger runs once per month per manager.
  if (m.covered === false) {
    return { period: m.period, grade: m.grade, income: m.income, opening, applied: ZERO, due: ZERO, withheld: ZERO, refunded: ZERO, closing: opening, outcome: "notCovered" };
  }
  const cap = m.grade !== undefined ? o.caps[m.grade] : undefined;
  if (cap === undefined) throw new RangeError(`no risk-deposit cap for grade ${m.grade ?? "(none)"} in ${m.period}`);
  if (cap.lt(ZERO)) throw new RangeError(`cap for grade ${m.grade} is negative`);
  // A demotion can leave the balance above the new cap: keep it (no withholding) or refund the excess now.
  const refunded = o.excessOnDemotion === "refundExcess" && opening.gt(cap) ? opening.minus(cap) : ZERO;
  const afterRefund = minusMoved(opening, refunded);
  const due = roundTo(o.rate.times(max2(ZERO, m.income)), rounding);
  const room = max2(ZERO, cap.minus(afterRefund));
  const withheld = min2(due, room);
  const closing = plusMoved(afterRefund, withheld);
  let outcome: RiskLedgerOutcome;
  if (afterRefund.gt(cap)) outcome = "aboveCapHeld";
  else if (!m.income.gt(ZERO)) outcome = "noIncome";
  else if (room.isZero()) outcome = "atCap";
  else if (due.gt(room)) outcome = "capped";
  else outcome = "withheld";
  return { period: m.period, grade: m.grade, income: m.income, opening, applied: ZERO, cap, due, withheld, refunded, closing, outcome };
}

export interface RiskSettlement {
  balance: Dec;
  compensation: Dec;
  /** Paid from the balance towards the verified losses and fines. */
  applied: Dec;
  /** Returned to the person: max(0, balance − compensation). */
  refund: Dec;
  /** Losses the balance does not cover: max(0, compensation − balance), still owed by the person. */
  stillOwed: Dec;
  /** Always 0: the account is settled (balance − applied − refund). */
  closing: Dec;
}

/** Settlement after leaving the post (H003-RISKDEP-REFUND): losses first, the rest refunded, no interest. */
export function settleRiskDeposit(balance: Dec, compensation: Dec): RiskSettlement {
  if (balance.lt(0)) throw new RangeError(`balance ${balance.toString()} is negative`);
  if (compensation.lt(0)) throw new RangeError(`compensation ${compensation.toString()} is negative`);
  const applied = Dec.min(balance, compensation);
  const refund = balance.minus(applied);
  const stillOwed = compensation.minus(applied);
  return { balance, compensation, applied, refund, stillOwed, closing: balance.minus(applied).minus(refund) };
}
