/**
 * The fields a rulebook reads. A rulebook declares them: either a standard field by id (docs/data-model.md lists
 * the standard set, with units and the headers a workbook may use), a standard field with changes (`{"use":
 * "baseDeposits", "blank": "carryForward"}`), or a field of its own (`{"id": "commission", "zh": "佣金收入",
 * "unit": "money", "headers": ["佣金"]}`). Nothing outside the declaration is read, so a misspelt field in a
 * formula is an error when the rulebook loads.
 */
import { FIELDS, FLAGS } from "../fields";
import type { FieldDecl, FieldType } from "./schema";

export type Combine = "sum" | "average" | "last" | "dayWeightedAverage" | "none";
export type Blank = "missing" | "zero" | "carryForward";

export interface FieldSpec {
  id: string;
  /** Another name formulas may use besides the id and the Chinese label. */
  name?: string;
  zh: string;
  en: string;
  unit: FieldType;
  per: "period" | "manager";
  combine: Combine;
  blank: Blank;
  signed: boolean;
  integer: boolean;
  /** A share of a whole (0–100 %): above 1.5 is almost surely typed in percent units. */
  share: boolean;
  headers: string[];
  /** A standard field (DATA-MODEL), read by the workbook layer's own header table. */
  standard: boolean;
}

/** How the months of each standard field combine into a quarter or year (G004-AGGREGATION). */
const STANDARD_COMBINE: Partial<Record<string, Combine>> = {
  avgDeposits: "dayWeightedAverage",
  avgLoans: "dayWeightedAverage",
  newAvgDeposits: "dayWeightedAverage",
  agreementAvgDeposits: "dayWeightedAverage",
  prevAvgDeposits: "last",
  baseDeposits: "last",
  balanceDeposits: "last",
  balanceLoans: "last",
  depositPlan: "last",
  normalLoans: "last",
  totalLoans: "last",
  income: "sum",
  conductDeductions: "sum",
  lossYuan: "sum",
  fineYuan: "sum",
  compensationYuan: "sum",
  newBasicAccounts: "sum",
  interestDue: "sum",
  attendedDays: "sum",
  requiredDays: "sum",
  depositsIn: "sum",
  effectiveAccounts: "sum",
  accountsOpened: "sum",
  netRevenue: "sum",
  disciplineBreaches: "sum",
  otherAwards: "sum",
  bookedRevenue: "sum",
  bonus: "sum",
  absenceDays: "sum",
  leaveDays: "sum",
};

/** Standard fields that are one value per person, not per period. */
export const STANDARD_MANAGER_FIELDS: Record<string, Omit<FieldSpec, "id" | "standard">> = {
  riskDepositBalance: { zh: "风险金结转余额", en: "risk-deposit balance carried in", unit: "money", per: "manager", combine: "none", blank: "missing", signed: false, integer: false, share: false, headers: [] },
};

function unitOfStandard(u: string): FieldType {
  return (u === "usd" ? "usd" : u) as FieldType;
}

export function standardField(id: string): FieldSpec | undefined {
  if (Object.prototype.hasOwnProperty.call(FIELDS, id)) {
    const d = FIELDS[id as keyof typeof FIELDS] as { unit: string; zh: string; en: string; signed?: boolean; integer?: boolean; share?: boolean };
    const unit = unitOfStandard(d.unit);
    return {
      id,
      zh: d.zh,
      en: d.en,
      unit,
      per: "period",
      combine: STANDARD_COMBINE[id] ?? (unit === "count" || unit === "days" || unit === "points" ? "sum" : "none"),
      blank: "missing",
      signed: d.signed === true,
      integer: d.integer === true,
      share: d.share === true,
      headers: [],
      standard: true,
    };
  }
  const m = Object.prototype.hasOwnProperty.call(STANDARD_MANAGER_FIELDS, id) ? STANDARD_MANAGER_FIELDS[id] : undefined;
  return m ? { id, ...m, standard: true } : undefined;
}

export function standardFieldIds(): string[] {
  return [...Object.keys(FIELDS), ...Object.keys(STANDARD_MANAGER_FIELDS)];
}

export function standardFlag(id: string): { zh: string; en: string } | undefined {
  return Object.prototype.hasOwnProperty.call(FLAGS, id) ? FLAGS[id as keyof typeof FLAGS] : undefined;
}

/** A declaration as the field it declares, or the problem with it. */
export function fieldOf(decl: string | FieldDecl): FieldSpec | string {
  if (typeof decl === "string") {
    return standardField(decl) ?? `"${decl}" 不是标准字段;自定义字段请写成 {"id": "${decl}", "zh": "…", "unit": "money"} / "${decl}" is not a standard field; declare your own as {"id": "${decl}", "zh": "…", "unit": "money"}`;
  }
  const base = decl.use !== undefined ? standardField(decl.use) : undefined;
  if (decl.use !== undefined && !base) return `"${decl.use}" 不是标准字段 / "${decl.use}" is not a standard field`;
  if (!base && (decl.zh === undefined || decl.unit === undefined)) {
    return `自定义字段须有 zh(中文名)和 unit(money、rate、count、days、points、number、date、text、flag 之一) / a field of your own needs zh and unit (one of money, rate, count, days, points, number, date, text, flag)`;
  }
  const unit = decl.unit ?? base!.unit;
  const id = decl.id ?? decl.use;
  if (id === undefined) return `字段须有 id,或以 use 引用标准字段 / a field needs an id, or "use" naming a standard field`;
  return {
    id,
    ...(decl.name !== undefined ? { name: decl.name } : {}),
    zh: decl.zh ?? base!.zh,
    en: decl.en ?? base?.en ?? decl.zh!,
    unit,
    per: decl.per ?? base?.per ?? "period",
    combine: decl.combine ?? base?.combine ?? (unit === "money" || unit === "count" || unit === "days" || unit === "points" ? "sum" : "none"),
    blank: decl.blank ?? base?.blank ?? "missing",
    signed: decl.signed ?? base?.signed ?? false,
    integer: decl.integer ?? base?.integer ?? false,
    share: base?.share ?? false,
    headers: [...(decl.headers ?? []), ...(base?.headers ?? [])],
    standard: base !== undefined && id === decl.use,
  };
}
