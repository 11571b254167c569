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
  // B002-CLIENT-DATA: five-class year-end loan balances (per client or per manager) for B002-ASSET-QUALITY.
  normalLoans: { unit: "money", zh: "正常类贷款余额", en: "normal-class loans" },
  totalLoans: { unit: "money", zh: "五级分类贷款余额合计", en: "loans under the five-class classification" },
  normalSharePrev: { unit: "rate", zh: "上年正常类贷款占比", en: "previous-year normal-loan share", share: true },
  // B002-GRADE-4 item c is in 元: settlement given in 元, or USD × the year's USD/CNY rate (not a share: 7.10).
  intlSettlementCny: { unit: "money", zh: "国际结算量(人民币)", en: "international settlement (CNY)" },
  usdCnyRate: { unit: "count", zh: "美元兑人民币汇率", en: "USD/CNY rate" },
  // B002-QUALIFY-NONPERF: years may be fractional (2.5); yes/no inputs are 1 (yes) or 0 (no).
  marketingYears: { unit: "count", zh: "在本行连续从事营销工作年限", en: "years of continuous marketing at the bank" },
  educationOk: { unit: "count", zh: "学历或专业技术资格符合(1 是/0 否)", en: "education or professional title met (1 yes / 0 no)", integer: true },
  simExamPassed: { unit: "count", zh: "模拟银行考试合格(1 是/0 否)", en: "simulated-bank exam passed (1 yes / 0 no)", integer: true },
  thematicReport: { unit: "count", zh: "已提交年度专题报告(1 是/0 否)", en: "annual thematic report submitted (1 yes / 0 no)", integer: true },
  // B002 tenure (sections 6–9): quarterly completion, allowances, admonition dates, overdue durations, ranking.
  mainCompletion: { unit: "rate", zh: "主要业务指标完成率", en: "main-indicator completion" },
  taskCompletion: { unit: "rate", zh: "任务完成率(全部任务)", en: "task completion (all tasks)" },
  admonitionCompletion: { unit: "rate", zh: "诫勉期累计主要业务指标完成率", en: "main-indicator completion over the admonition period" },
  commFeeClaimed: { unit: "money", zh: "通讯费报销额", en: "communication fee claimed" },
  originalCommFee: { unit: "money", zh: "原职位通讯费标准", en: "communication fee of the former post" },
  branchCommFee: { unit: "money", zh: "非管户客户经理通讯费(分行标准)", en: "communication fee of a CM managing no clients (branch rule)" },
  quarterlyBonus: { unit: "money", zh: "季度业绩奖金", en: "quarterly performance bonus" },
  // A date inside a monthly record: the record's month plus this day of the month.
  admonitionStartDay: { unit: "days", zh: "诫勉起始日(当月几日)", en: "admonition start (day of this month)", integer: true },
  admonitionEndDay: { unit: "days", zh: "诫勉截止日(当月几日)", en: "admonition end (day of this month)", integer: true },
  yellowCardDay: { unit: "days", zh: "黄牌警告日(当月几日)", en: "yellow card (day of the month)", integer: true },
  overdueDays: { unit: "days", zh: "逾期天数(至期末)", en: "days overdue at period end", integer: true },
  arrearsDays: { unit: "days", zh: "欠息天数(至期末)", en: "days in interest arrears at period end", integer: true },
  balanceLoans: { unit: "money", zh: "贷款余额", en: "loan balance" },
  bankShare: { unit: "rate", zh: "我行份额", en: "our bank's share of the client", share: true },
  rankInUnit: { unit: "count", zh: "年度考核排名(1 为最好)", en: "annual rank in the unit (1 = best)", integer: true },
  unitSize: { unit: "count", zh: "参加排名人数", en: "number ranked in the unit", integer: true },
  // C000 snippet pay schemes (seed 000, brokerage C000-FUT-* and venue C000-KTV-*). Days may be half days.
  attendedDays: { unit: "days", zh: "实际出勤天数", en: "days attended" },
  requiredDays: { unit: "days", zh: "应出勤工作日", en: "required working days" },
  depositsIn: { unit: "money", zh: "当月客户入金", en: "client deposits entered in the month (入金)" },
  effectiveAccounts: { unit: "count", zh: "当月新出有效户数", en: "new effective accounts in the month", integer: true },
  accountsOpened: { unit: "count", zh: "当月开户数", en: "accounts opened in the month", integer: true },
  lots15t: { unit: "count", zh: "15吨合约交易手数", en: "lots traded in 15 t contracts", integer: true },
  lots50t: { unit: "count", zh: "50吨合约交易手数", en: "lots traded in 50 t contracts", integer: true },
  lots150t: { unit: "count", zh: "150吨合约交易手数", en: "lots traded in 150 t contracts", integer: true },
  netRevenue: { unit: "money", zh: "净创收", en: "net revenue generated" },
  disciplineBreaches: { unit: "count", zh: "违反考勤纪律次数", en: "discipline breaches found", integer: true },
  otherAwards: { unit: "money", zh: "其他奖项", en: "other awards" },
  bookedRevenue: { unit: "money", zh: "定台业绩", en: "table-booking revenue" },
  bonus: { unit: "money", zh: "奖金", en: "bonus" },
  absenceDays: { unit: "days", zh: "旷工天数", en: "days of absence" },
  leaveDays: { unit: "days", zh: "事假天数", en: "days of personal leave" },
  lateWithinLimit: { unit: "count", zh: "迟到早退不足半小时次数", en: "late or early by less than half an hour", integer: true },
  lateAtLimit: { unit: "count", zh: "迟到早退恰好半小时次数", en: "late or early by exactly half an hour", integer: true },
  lateBeyondLimit: { unit: "count", zh: "迟到早退超过半小时次数", en: "late or early by more than half an hour", integer: true },
  offPostCount: { unit: "count", zh: "脱岗次数(离开20分钟以上)", en: "times off post (away 20 minutes or more)", integer: true },
  improperGiftYuan: { unit: "money", zh: "违规签送金额", en: "amount of improper gifts" },
  poachedTableRevenue: { unit: "money", zh: "抢客当日当桌业绩", en: "that day's revenue of a poached table" },
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
  // B002 tenure (sections 6–9)
  mainClient: { zh: "主要客户", en: "main client" },
  mainClientDecline: { zh: "主要客户存贷款、结算量连续下降且份额缩小", en: "main client declining with a shrinking share" },
  otherMisconduct: { zh: "其它工作失误造成不良影响", en: "other work error with bad effects" },
  neglectMajorLoss: { zh: "玩忽职守造成重大风险或损失", en: "neglect causing major risk or loss" },
  creditFaultMajor: { zh: "授信业务逾期欠息垫付属重大过失", en: "credit default from a major fault" },
  insubordination: { zh: "不服从组织管理", en: "insubordination" },
  yellowCard: { zh: "黄牌警告", en: "yellow card" },
  admonitionWaived: { zh: "未予诫勉已书面说明原因", en: "admonition not applied, reason given in writing" },
  creditUnresolved: { zh: "不良授信仍未清收转化", en: "bad credit still unresolved" },
  appraisalExcellent: { zh: "年度考核优秀", en: "annual appraisal: excellent" },
  appraisalCompetent: { zh: "年度考核称职", en: "annual appraisal: competent" },
  appraisalBasic: { zh: "年度考核基本称职", en: "annual appraisal: basically competent" },
  appraisalIncompetent: { zh: "年度考核不称职", en: "annual appraisal: incompetent" },
  promotionExamPassed: { zh: "升等考试合格", en: "promotion exam passed" },
  exceptionalPromotion: { zh: "业绩特别突出破格晋升", en: "exceptional promotion" },
  bottom3TwoYears: { zh: "连续两个年度考核在后3名之内", en: "bottom three two years running" },
  noClientsManaged: { zh: "非管户客户经理", en: "CM managing no clients" },
  // C000 snippets: first month of employment (no previous month to judge), dismissal (开除).
  newHire: { zh: "入职首月", en: "first month of employment" },
  dismissed: { zh: "开除", en: "dismissed" },
} as const;

export type FlagName = keyof typeof FLAGS;
