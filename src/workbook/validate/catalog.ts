/**
 * Every check the validator runs, by problem code, with a Chinese and an English title (the taskpane shows "N 项
 * 检查"). Checks the mapping makes while reading come first, then those of validateWorkbook. A check that runs a
 * rulebook's rules is listed only when the rulebook has such a rule, with their ids.
 */
import type { CompiledRulebook } from "../../engine/rulebook/compile";
import type { ProblemCode } from "../problems";
import { rulesOfKind } from "./context";

export interface CheckInfo {
  code: ProblemCode;
  zh: string;
  en: string;
  /** The rules of ../shared/rules this check applies, when it applies rules. */
  rules?: string[];
}

interface CheckDef {
  code: ProblemCode;
  zh: string;
  en: string;
  /** Rule ids the check always cites. */
  rules?: string[];
  /** Rule kinds the check runs: listed only when the rulebook has a rule of one of them. */
  kinds?: string[];
}

const CHECKS: readonly CheckDef[] = [
  // While reading (src/workbook/map.ts and the readers it calls).
  { code: "textNumber", zh: "以文本存储的数字", en: "numbers stored as text" },
  { code: "notNumber", zh: "应为数字处的非数字内容", en: "non-numbers where a number belongs" },
  { code: "excelError", zh: "Excel 错误值", en: "Excel error values" },
  { code: "formulaNoValue", zh: "没有计算结果的公式", en: "formulas without a calculated value" },
  { code: "percentUnits", zh: "比率按百分数填写(35 应为 35%)", en: "rates typed in percent units (35 for 35%)" },
  { code: "percentUnitsColumn", zh: "整列比率按百分数填写", en: "a whole rate column in percent units" },
  { code: "negative", zh: "不能为负的金额或余额为负", en: "negative amounts or balances" },
  { code: "notInteger", zh: "个数带小数", en: "fractions in counts" },
  { code: "implausible", zh: "超出合理范围的金额、比率或数量", en: "amounts, rates or counts beyond a plausible range" },
  { code: "idNumber", zh: "工号存为数字", en: "staff ids stored as numbers" },
  { code: "idDigitsLost", zh: "16 位以上数字工号末位丢失", en: "16+ digit staff ids that lost digits" },
  { code: "idInvalid", zh: "无效工号", en: "invalid staff ids" },
  { code: "idInvisible", zh: "含不可见字符的工号", en: "staff ids holding invisible characters" },
  { code: "duplicateId", zh: "花名册工号重复", en: "duplicate staff ids in the roster" },
  { code: "duplicateRecord", zh: "同一人同一期间重复的行", en: "duplicate rows for a manager and period" },
  { code: "blankRequired", zh: "必填列为空", en: "blanks in required columns" },
  { code: "unknownRole", zh: "规则集中没有的角色", en: "roles not in the rulebook" },
  { code: "unknownGrade", zh: "规则集中没有的等级", en: "grades not in the rulebook" },
  { code: "unknownFlag", zh: "未知事件", en: "unknown events" },
  { code: "badFlagValue", zh: "是/否列的无效值", en: "invalid yes/no values" },
  { code: "badPeriod", zh: "无法识别的期间", en: "unreadable periods" },
  { code: "dateAsText", zh: "以文本录入的日期", en: "dates typed as text" },
  { code: "periodNumber", zh: "以小数录入的期间(2026.05)", en: "periods typed as decimal numbers (2026.05)" },
  { code: "periodSerial", zh: "以日期序列号存储的期间", en: "periods stored as date serials" },
  { code: "periodMixed", zh: "单期表中混有其他月份", en: "months mixed in a one-period sheet" },
  { code: "unknownManager", zh: "不在花名册中的工号", en: "staff ids not in the roster" },
  { code: "noRecords", zh: "没有任何记录的人员", en: "managers without records" },
  { code: "monthGap", zh: "月份缺失,连续月份规则会断开", en: "missing months that break consecutive-month rules" },
  { code: "dailyAvgAboveBalance", zh: "日均高于余额(正常,仅提示)", en: "daily average above the balance (normal; a note only)", rules: ["G001-DAILY-AVG-VS-BALANCE"] },
  { code: "unknownUnit", zh: "无法识别的表头单位", en: "unknown header units" },
  { code: "unitMismatch", zh: "表头单位与字段不符", en: "header units that do not fit the field" },
  { code: "duplicateColumn", zh: "重复的列", en: "duplicate columns" },
  { code: "unknownColumn", zh: "未识别的列", en: "unknown columns" },
  { code: "missingColumn", zh: "缺少必需的列", en: "missing required columns" },
  { code: "noSheet", zh: "缺少花名册或月度指标表", en: "no roster or records sheet" },
  { code: "ignoredSheet", zh: "未读取的工作表", en: "sheets not read" },
  { code: "badSetting", zh: "无效的设置值", en: "invalid setting values" },
  { code: "unknownSetting", zh: "规则集中没有的设置", en: "settings the rulebook does not have" },
  // After reading (src/workbook/validate).
  { code: "futurePeriod", zh: "尚未开始的期间", en: "periods that have not begun" },
  { code: "periodAfterGraded", zh: "晚于考核期的记录", en: "records after the appraised period" },
  { code: "noRecordForPeriod", zh: "缺少考核期的记录", en: "no record for the appraised period" },
  { code: "moneyDecimals", zh: "金额超过 2 位小数", en: "money with more than 2 decimals" },
  { code: "planNotPositive", zh: "任务计划为 0 或负数", en: "task plans of 0 or below", rules: ["G001-COMPLETION-RATE"] },
  { code: "netIncreaseMismatch", zh: "比年初净增与余额不符", en: "net increase since the start of the year does not reconcile", rules: ["G001-NET-INCREASE-YTD"] },
  { code: "ledgerMismatch", zh: "风险金台账不平(期初 + 提取 − 退还 − 抵扣 ≠ 期末)", en: "risk-deposit ledger out of balance (opening + withheld − refunded − forfeited ≠ closing)" },
  { code: "ledgerContinuity", zh: "风险金期初与上月期末不符", en: "risk-deposit opening differs from last month's closing" },
  { code: "nameMismatch", zh: "姓名与花名册不符", en: "names that differ from the roster" },
  { code: "roleGrade", zh: "角色与等级不符", en: "roles and grades that do not match", kinds: ["roleGrades"] },
  { code: "roleRowCheck", zh: "角色不应办理的业务", en: "business a role must not handle", kinds: [] },
  { code: "clientRowCheck", zh: "客户行检查", en: "client row checks", kinds: ["clientRowChecks"] },
  { code: "clientBand", zh: "客户档次高于客户经理等级", en: "clients above the manager's grade band", kinds: ["gradeBands"] },
  { code: "creditLimit", zh: "贷款超出授信权限", en: "loans above credit authority", kinds: ["authorityLimit"] },
  { code: "staffHeadcount", zh: "综合服务人员定员", en: "service-staff headcount", kinds: [] },
  { code: "staffShare", zh: "客户经理占职工比例", en: "customer managers' share of staff", kinds: [] },
  { code: "ruleCheck", zh: "规则集自定的检查", en: "the rulebook's own checks", kinds: [] },
  { code: "tierNotMonotone", zh: "按等级设定的参数不单调", en: "grade parameters that are not monotone", rules: ["G004-GRADED-TIERS"] },
  { code: "formulaCount", zh: "KHJL 自定义函数公式过多", en: "too many KHJL custom-function formulas" },
];

/**
 * A format-2 rulebook's check rules reported under this code: those whose checks carry it, and for ruleCheck those
 * whose code the catalog does not know (or who give none).
 */
function checkRulesFor(book: CompiledRulebook, code: ProblemCode): string[] {
  const known = new Set<string>(CHECKS.filter((c) => c.kinds && c.code !== "ruleCheck").map((c) => c.code));
  return (book.v2?.checks ?? [])
    .filter((r) => (r.checks ?? []).some((c) => (code === "ruleCheck" ? c.code === undefined || !known.has(c.code) : c.code === code)))
    .map((r) => r.id);
}

/** Every code the validator can report, whatever the rulebook (tests check each has a case). */
export const ALL_CHECK_CODES: readonly ProblemCode[] = CHECKS.map((c) => c.code);

/** The checks run for this rulebook; `dailyAvgNote` false when G001's note is switched off. */
export function checksFor(book: CompiledRulebook, options: { dailyAvgNote: boolean; ledgerRule?: string }): CheckInfo[] {
  const out: CheckInfo[] = [];
  for (const def of CHECKS) {
    if (def.code === "dailyAvgAboveBalance" && !options.dailyAvgNote) continue;
    let rules = def.rules;
    if (def.kinds) {
      rules = [...rulesOfKind(book, ...def.kinds).map((r) => r.id), ...checkRulesFor(book, def.code)];
      if (rules.length === 0) continue;
    }
    if ((def.code === "ledgerMismatch" || def.code === "ledgerContinuity") && options.ledgerRule) rules = [options.ledgerRule];
    const info: CheckInfo = { code: def.code, zh: def.zh, en: def.en };
    if (rules && rules.length > 0) info.rules = [...rules];
    out.push(info);
  }
  return out;
}
