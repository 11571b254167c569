/**
 * Writing results in the command line's JSON shape (../shared/DATA-MODEL.md): money and points as decimal strings
 * with the rulebook's declared decimals, rounded here and only here.
 */
import { deferredProperty } from "./deferred";
import type { ManagerOutcome } from "./evaluate";
import type { Reason } from "./model";
import type { CompiledRulebook } from "./rulebook/compile";
import { fixed } from "./rounding";
import { Dec } from "./decimal";
import { DateValue, type Value } from "./lang/values";

export interface ManagerResultJson {
  id: string;
  grade?: string;
  attainedGrade?: string | null;
  score?: string;
  scoreItems?: Array<{ rule: string; points: string }>;
  commission?: string;
  riskDeposit?: { withheld: string; balance: string; refundable: string };
  status?: string;
  nextGrade?: { grade: string; missing: Array<{ field: string; amount: string }> };
  provisional?: boolean;
  /** Further figures a format-2 rulebook reports by name: money and points with the rulebook's decimals. */
  values?: Record<string, string | boolean>;
  /** The triggers that fired (format 2): rule id, the status it fires, its reason code, the period it fired in. */
  outcomes?: Array<{ rule: string; fires: string; code?: string; period: string }>;
  /** Reason codes (format 2): of the triggers that fired, and of those that could not be judged for lack of data. */
  reasonCodes?: { fired: string[]; undetermined: string[] };
  explanation: Reason[];
  unavailable?: Array<{ output: string; code: "value" | "na"; rule: string; zh: string; en: string }>;
}

/** Named values as JSON: numbers as decimal strings (money and points rounded as the rulebook says), dates ISO. */
function namedValues(book: CompiledRulebook, values: Record<string, Value>): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  const r = book.doc.rounding;
  for (const [name, v] of Object.entries(values)) {
    const rule = book.v2!.byName.get(name) ?? book.v2!.byId.get(name);
    // A ledger named as a value is its closing balance, in money.
    const unit = rule?.construct === "ledger" ? "money" : rule?.type.k === "num" ? rule.type.unit : undefined;
    if (v instanceof Dec) out[name] = unit === "money" ? fixed(v, r.money) : unit === "points" ? fixed(v, r.points) : v.toFixed();
    else if (typeof v === "boolean" || typeof v === "string") out[name] = v;
    else if (v instanceof DateValue) out[name] = v.iso;
  }
  return out;
}

export function resultJson(book: CompiledRulebook, o: ManagerOutcome): ManagerResultJson {
  const r = book.doc.rounding;
  const out = { id: o.id } as ManagerResultJson;
  if (o.grade !== undefined) out.grade = o.grade;
  if (o.attainedGrade !== undefined) out.attainedGrade = o.attainedGrade;
  if (o.score !== undefined) out.score = fixed(o.score, r.points);
  if (o.scoreItems) out.scoreItems = o.scoreItems.map((i) => ({ rule: i.rule, points: fixed(i.points, r.points) }));
  if (o.commission !== undefined) out.commission = fixed(o.commission, r.money);
  if (o.riskDeposit) {
    out.riskDeposit = {
      withheld: fixed(o.riskDeposit.withheld, r.money),
      balance: fixed(o.riskDeposit.balance, r.money),
      refundable: fixed(o.riskDeposit.refundable, r.money),
    };
  }
  if (o.status !== undefined) out.status = o.status;
  if (o.nextGrade) {
    out.nextGrade = { grade: o.nextGrade.grade, missing: o.nextGrade.missing.map((m) => ({ field: m.field, amount: fixed(m.amount, r.money) })) };
  }
  if (o.provisional) out.provisional = true;
  if (o.values && book.v2) out.values = namedValues(book, o.values);
  if (o.outcomes) out.outcomes = o.outcomes.map((x) => ({ ...x }));
  if (o.reasonCodes) out.reasonCodes = { fired: [...o.reasonCodes.fired], undetermined: [...o.reasonCodes.undetermined] };
  // The same list as the outcome's, read (and worded) only when someone reads it.
  deferredProperty(out, "explanation", () => o.explanation);
  if (o.unavailable.length > 0) out.unavailable = o.unavailable;
  return out;
}
