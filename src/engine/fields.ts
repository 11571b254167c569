/**
 * The field vocabulary of ../shared/DATA-MODEL.md: one name per input, its unit kind and its Chinese and English
 * labels. The JSON reader, the workbook header mapper and every explanation use this table, so a field is named
 * the same way on every face of the product.
 */
export type FieldUnit = "money" | "usd" | "rate" | "count" | "points" | "days";

export interface FieldDef {
  unit: FieldUnit;
  zh: string;
  en: string;
  /** May be negative (growth rates, increases); everything else must be ≥ 0. */
  signed?: boolean;
  /** Integers only (counts, days). */
  integer?: boolean;
  /** A share of a whole (0–100%): a value above 1.5 is almost surely typed in percent units (35 for 35%). */
  share?: boolean;
}

export const FIELDS = {
  avgDeposits: { unit: "money", zh: "日均存款", en: "daily-average deposits" },
  avgLoans: { unit: "money", zh: "日均贷款", en: "daily-average loans" },
  newAvgDeposits: { unit: "money", zh: "新增日均存款", en: "new daily-average deposits", signed: true },
  prevAvgDeposits: { unit: "money", zh: "上年日均存款", en: "previous-year daily-average deposits" },
  agreementAvgDeposits: { unit: "money", zh: "协议存款日均", en: "agreement deposits (daily average)" },
  baseDeposits: { unit: "money", zh: "基数存款", en: "base deposits" },
  balanceDeposits: { unit: "money", zh: "存款余额", en: "deposit balance" },
  depositPlan: { unit: "money", zh: "存款计划", en: "deposit plan" },
  intlSettlementUsd: { unit: "usd", zh: "国际结算量", en: "international settlement (USD)" },
  nplRatio: { unit: "rate", zh: "不良贷款率", en: "NPL ratio", share: true },
  collectionRate: { unit: "rate", zh: "收贷收息率", en: "collection rate", share: true },
  loanCollectionRate: { unit: "rate", zh: "收贷率", en: "loan collection rate", share: true },
  interestCollectionRate: { unit: "rate", zh: "收息率", en: "interest collection rate", share: true },
  newLoanCollectionRate: { unit: "rate", zh: "当年新发放贷款收息率", en: "new-loan collection rate", share: true },
  depositGrowth: { unit: "rate", zh: "存款日均增长率", en: "deposit growth", signed: true },
  feeIncomeGrowth: { unit: "rate", zh: "中间业务收入增长率", en: "fee-income growth", signed: true },
  newBasicAccounts: { unit: "count", zh: "新开基本账户", en: "new basic accounts", integer: true },
  interestDue: { unit: "money", zh: "应收利息", en: "interest due" },
  income: { unit: "money", zh: "月收入", en: "monthly income", signed: true },
  conductDeductions: { unit: "points", zh: "违规扣分", en: "conduct deduction points" },
  lossYuan: { unit: "money", zh: "损失金额", en: "loss amount" },
  fineYuan: { unit: "money", zh: "罚款金额", en: "fine amount" },
  lossShare: { unit: "rate", zh: "损失扣减比例", en: "share of a loss or fine deducted", share: true },
  compensationYuan: { unit: "money", zh: "查实应赔偿金额", en: "verified compensation due" },
} as const satisfies Record<string, FieldDef>;

export type FieldName = keyof typeof FIELDS;

export function isFieldName(name: string): name is FieldName {
  return Object.prototype.hasOwnProperty.call(FIELDS, name);
}

/** Event flags a period record may carry (DATA-MODEL `flags[]`). */
export const FLAGS = {
  npl: { zh: "后三类贷款", en: "non-performing loan" },
  interestArrears: { zh: "欠息", en: "interest arrears" },
  advance: { zh: "垫款", en: "advance" },
  overdue: { zh: "逾期", en: "overdue" },
  violation: { zh: "违规", en: "violation" },
  majorViolation: { zh: "重大违规违纪", en: "major violation" },
  majorLoss: { zh: "重大经济损失", en: "major economic loss" },
  majorAccident: { zh: "重大安全责任事故", en: "major accident" },
} as const;

export type FlagName = keyof typeof FLAGS;
