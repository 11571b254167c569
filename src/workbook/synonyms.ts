/**
 * Column headers users write, in Chinese and English, for every column the workbook layer reads. Each field of
 * src/engine/fields.ts is also recognized by its own name (`avgDeposits`) and its zh/en labels, so a field appended
 * there is readable at once; the lists below add the other ways branch staff head their columns. A format-2
 * rulebook reads the fields it declares instead (declaredHeaders.ts builds its index from these lists and its own).
 */
import { FIELDS, FLAGS, type FieldName } from "../engine/fields";
import type { FieldSpec } from "../engine/rulebook2/fields";

/**
 * Columns that are not engine fields: identity, period, per-sheet keys, and columns only the validator reads (the
 * risk-deposit ledger, loans for the authority limits, the year-start balance of G001-NET-INCREASE-YTD).
 */
export type KeyColumn =
  | "id" | "name" | "branch" | "role" | "grade" | "period"
  | "clientId" | "clientName" | "item" | "plan" | "actual" | "flags" | "openingRiskDeposit"
  | "riskDepositWithheld" | "riskDepositRefunded" | "riskDepositForfeited" | "riskDepositClosing"
  | "loanAmount" | "householdOutstanding" | "trustCard"
  | "balanceYearStart" | "netIncreaseYtd";

/**
 * `field:` a standard field (by its id in src/engine/fields.ts); `decl:` a field of a format-2 rulebook's own (or a
 * standard one it renames), read by its declaration; `flag:` an event flag's yes/no column.
 */
export type ColumnKey = KeyColumn | `field:${FieldName}` | `decl:${string}` | `flag:${string}`;

export const KEY_SYNONYMS: Record<KeyColumn, string[]> = {
  id: ["工号", "员工编号", "员工号", "职工号", "职工编号", "人员编号", "人员代码", "客户经理编号", "客户经理工号", "柜员号", "staff id", "staff no", "staff number", "employee id", "employee no", "id"],
  name: ["姓名", "员工姓名", "客户经理", "客户经理姓名", "name", "staff name", "manager"],
  branch: ["机构", "所属机构", "机构名称", "支行", "所属支行", "网点", "部门", "营业部", "branch", "unit", "office"],
  role: ["角色", "岗位", "职务", "岗位类别", "role", "position", "post"],
  grade: ["等级", "级别", "客户经理等级", "岗位等级", "职级", "grade", "level"],
  period: ["期间", "月份", "考核期", "考核期间", "统计期间", "年月", "年度", "period", "month", "year"],
  clientId: ["客户编号", "客户号", "客户代码", "客户id", "client id", "client no", "customer id", "client", "客户"],
  clientName: ["客户名称", "客户姓名", "client name", "customer name"],
  item: ["项目", "任务项目", "考核项目", "指标", "指标名称", "item", "task", "indicator"],
  plan: ["计划", "计划数", "任务数", "目标", "目标值", "plan", "target"],
  actual: ["完成", "完成数", "实际", "实际完成", "实绩", "actual", "achieved"],
  flags: ["事件", "标志", "事件标志", "风险事件", "违规事件", "flags", "events"],
  openingRiskDeposit: ["风险金期初余额", "期初风险金", "期初风险金余额", "风险金结转余额", "上期风险金余额", "风险抵押金期初余额", "opening risk deposit", "risk deposit brought forward"],
  // H003-RISKDEP-LEDGER: opening + withheld − refunded − applied to losses = closing, checked row by row.
  riskDepositWithheld: ["风险金提取", "本期提取风险金", "风险金本期提取", "提取风险金", "风险抵押金提取", "本期提取", "risk deposit withheld", "withheld"],
  riskDepositRefunded: ["风险金退还", "退还风险金", "风险金本期退还", "风险抵押金退还", "本期退还", "risk deposit refunded", "refunded"],
  riskDepositForfeited: ["风险金抵扣", "风险金抵扣损失", "抵扣损失", "风险金没收", "罚没风险金", "风险抵押金抵扣", "risk deposit forfeited", "applied to losses", "forfeited"],
  riskDepositClosing: ["风险金期末余额", "期末风险金", "期末风险金余额", "风险金余额", "风险抵押金余额", "风险抵押金期末余额", "closing risk deposit", "risk deposit balance"],
  // H003-LOAN-AUTHORITY, C000-AUTH-LIMITS: one loan per row (客户 or 月度指标).
  loanAmount: ["贷款金额", "单笔贷款金额", "发放金额", "贷款发放金额", "授信金额", "本笔贷款金额", "loan amount", "credit amount"],
  householdOutstanding: ["单户累欠", "单户累欠余额", "累欠余额", "农户累欠", "发放前累欠", "household outstanding", "household debt"],
  trustCard: ["守信卡", "农户守信卡", "凭守信卡", "trust card"],
  // G001-NET-INCREASE-YTD: balance − balance at the start of the year = net increase, to the fen.
  balanceYearStart: ["年初余额", "年初存款余额", "年初时点余额", "balance at start of year", "year-start balance"],
  netIncreaseYtd: ["比年初净增", "比年初净增额", "比年初增减", "较年初净增", "比年初增加", "net increase ytd", "net increase since start of year"],
};

/** More headers per field, beyond its name and its zh/en labels in fields.ts. */
export const FIELD_SYNONYMS: Partial<Record<FieldName, string[]>> = {
  avgDeposits: ["存款日均", "日均存款余额", "存款日均余额", "各项存款日均", "avg deposits", "average deposits", "daily average deposits"],
  avgLoans: ["贷款日均", "日均贷款余额", "贷款日均余额", "avg loans", "average loans", "daily average loans"],
  newAvgDeposits: ["日均存款新增", "新增存款日均", "年新增日均存款", "日均存款增量", "new avg deposits", "deposit increase"],
  prevAvgDeposits: ["上年存款日均", "去年日均存款", "上年同期日均存款", "prev avg deposits", "previous year avg deposits", "last year avg deposits"],
  agreementAvgDeposits: ["协议存款", "日均协议存款", "协议存款日均余额", "agreement deposits", "agreement avg deposits"],
  baseDeposits: ["存款基数", "基数", "基数存款日均", "base", "deposit base"],
  balanceDeposits: ["余额", "月末存款余额", "期末存款余额", "存款时点", "时点余额", "存款时点余额", "balance", "deposit balance", "month-end balance"],
  depositPlan: ["存款任务", "存款计划数", "计划存款", "存款目标", "deposit plan", "deposit target"],
  intlSettlementUsd: ["国际结算", "国际业务结算量", "intl settlement", "international settlement"],
  nplRatio: ["不良率", "不良贷款比率", "npl ratio", "non-performing loan ratio"],
  collectionRate: ["收息收贷率", "收贷收息", "collection rate", "collection"],
  loanCollectionRate: ["贷款收回率", "到期贷款收回率", "loan collection"],
  interestCollectionRate: ["利息收回率", "利息收息率", "interest collection"],
  newLoanCollectionRate: ["新发放贷款收息率", "新贷收息率", "当年新增贷款收息率", "new loan collection rate"],
  depositGrowth: ["存款增长率", "日均存款增长率", "存款增幅", "存款日均增幅", "deposit growth rate", "growth"],
  feeIncomeGrowth: ["中间业务增长率", "中收增长率", "中间业务收入增幅", "fee income growth"],
  newBasicAccounts: ["新开基本账户数", "新开基本户", "新开对公基本账户", "基本账户", "new accounts"],
  interestDue: ["应收利息额", "应收息", "interest receivable"],
  income: ["收入", "应发工资", "月应发", "绩效收入", "月度收入", "工资收入", "gross pay", "pay"],
  conductDeductions: ["行为规范扣分", "扣分", "违规积分", "conduct points", "conduct deductions", "deduction points"],
  lossYuan: ["经济损失", "损失", "loss", "loss amount"],
  fineYuan: ["罚款", "罚金", "fine"],
  lossShare: ["扣减比例", "损失扣减比例", "loss share"],
  compensationYuan: ["应赔偿金额", "赔偿金额", "赔偿", "compensation"],
};

/** Extra headers per event flag, beyond its name and zh/en labels. */
export const FLAG_SYNONYMS: Record<string, string[]> = {
  npl: ["不良贷款", "后三类"],
  interestArrears: ["欠息"],
  advance: ["垫款"],
  overdue: ["逾期贷款"],
  violation: ["违规行为"],
  majorViolation: ["重大违规"],
  majorLoss: ["重大损失"],
  majorAccident: ["重大事故", "安全责任事故"],
};

/** Columns branch files often carry that no rule reads: skipped without a note. */
export const IGNORED_HEADERS = ["序号", "行号", "备注", "说明", "性别", "入职日期", "出生日期", "联系电话", "电话", "no", "no.", "#", "remark", "remarks", "note", "notes"];

/** Header text → comparable key: full-width forms folded (NFKC), case, spaces, underscores and dashes dropped. */
export function normalizeHeader(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s_\-·・:]/g, "");
}

export interface SynonymIndex {
  map: Map<string, ColumnKey>;
  /** Normalized headers claimed by two different columns (a test keeps this empty). */
  collisions: string[];
}

/**
 * What a header row is read against: the standard index, or a format-2 rulebook's (declaredHeaders.ts), which also
 * holds the declaration of each field column and the headers of standard fields the rulebook does not declare
 * (known, so such a column is named as not part of the scheme, and never read).
 */
export interface HeaderIndex extends SynonymIndex {
  /** The declaration behind each `field:`/`decl:` key of a format-2 rulebook. */
  declared?: ReadonlyMap<ColumnKey, FieldSpec>;
  /** Normalized header → the standard field it names, for standard fields the rulebook does not declare. */
  undeclared?: ReadonlyMap<string, FieldName>;
  /** The rulebook the index belongs to, for messages. */
  rulebook?: string;
}

/** A label without a trailing remark in brackets (`学历或专业技术资格符合(1 是/0 否)` → `学历或专业技术资格符合`), or undefined. */
export function withoutRemark(label: string): string | undefined {
  const text = label.normalize("NFKC");
  const bare = text.replace(/\s*\([^()]*\)\s*$/, "");
  return bare !== text && bare !== "" ? bare : undefined;
}

export function buildSynonymIndex(): SynonymIndex {
  const map = new Map<string, ColumnKey>();
  const collisions: string[] = [];
  const add = (text: string, key: ColumnKey) => {
    const k = normalizeHeader(text);
    const had = map.get(k);
    if (had !== undefined && had !== key) collisions.push(`${text}: ${had} / ${key}`);
    else map.set(k, key);
  };
  for (const [key, list] of Object.entries(KEY_SYNONYMS) as Array<[KeyColumn, string[]]>) for (const s of list) add(s, key);
  for (const [name, def] of Object.entries(FIELDS) as Array<[FieldName, { zh: string; en: string }]>) {
    const key: ColumnKey = `field:${name}`;
    for (const s of [name, def.zh, def.en, ...(FIELD_SYNONYMS[name] ?? [])]) add(s, key);
  }
  for (const [name, def] of Object.entries(FLAGS) as Array<[string, { zh: string; en: string }]>) {
    const key: ColumnKey = `flag:${name}`;
    for (const s of [name, def.zh, def.en, ...(FLAG_SYNONYMS[name] ?? [])]) add(s, key);
  }
  // A label with a trailing remark (`学历或专业技术资格符合(1 是/0 否)`) is also known without it, unless that
  // shorter text already names another column (`国际结算量(人民币)` vs 国际结算量).
  for (const [name, def] of Object.entries(FIELDS) as Array<[FieldName, { zh: string; en: string }]>) {
    for (const label of [def.zh, def.en]) {
      const bare = withoutRemark(label);
      if (bare !== undefined && !map.has(normalizeHeader(bare))) map.set(normalizeHeader(bare), `field:${name}`);
    }
  }
  return { map, collisions };
}

let cached: SynonymIndex | undefined;
export function synonymIndex(): SynonymIndex {
  cached ??= buildSynonymIndex();
  return cached;
}

export function isFieldKey(key: ColumnKey): key is `field:${FieldName}` {
  return key.startsWith("field:");
}

export function isFlagKey(key: ColumnKey): key is `flag:${string}` {
  return key.startsWith("flag:");
}

export function isDeclKey(key: ColumnKey): key is `decl:${string}` {
  return key.startsWith("decl:");
}

/**
 * Chinese name of a column key, for messages. A declared field's label is in its declaration (MappedColumn.spec);
 * its key alone gives only the id.
 */
export function columnZh(key: ColumnKey): string {
  if (isFieldKey(key)) return FIELDS[key.slice(6) as FieldName]?.zh ?? key.slice(6);
  if (isDeclKey(key)) return key.slice(5);
  if (isFlagKey(key)) return (FLAGS as Record<string, { zh: string }>)[key.slice(5)]?.zh ?? key.slice(5);
  return KEY_SYNONYMS[key][0];
}

/** The name a problem's `field` carries: the engine field name (standard or declared), the flag name or the key column. */
export function columnField(key: ColumnKey): string {
  if (isFieldKey(key) || isDeclKey(key)) return key.slice(key.indexOf(":") + 1); // int: string index
  if (isFlagKey(key)) return key.slice(5);
  return key;
}
