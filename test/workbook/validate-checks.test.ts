/**
 * validateWorkbook, one check at a time: for every code the validator can report, a tiny workbook that triggers
 * exactly that finding (and nothing else), with its address, severity and both messages. The messages are written
 * out here from what each check promises (the cell, the value as typed, the rule id), not copied from a run.
 */
import { FLAGS } from "../../src/engine/fields";
import { compileRulebook } from "../../src/engine/rulebook/compile";
import { loadPreset } from "../../src/engine/rulebooks";
import type { CellValue, WorkbookValues } from "../../src/workbook";
import { ALL_CHECK_CODES, KHJL_FORMULA_LIMIT, UNCALCULATED, validateWorkbook, type ValidateOptions } from "../../src/workbook";

const TODAY = "2027-01-05";
/**
 * A scheme of its own, written as data: a check the validator has no code for (a month's income above 20 000 needs a
 * second signature) is reported as ruleCheck, in the rulebook's words, with its own code kept.
 */
const OWN = compileRulebook({
  format: "khjl-rulebook/2",
  id: "own-checks",
  version: "1.0.0",
  name: { zh: "自定检查", en: "own checks" },
  fields: ["income"],
  roles: [{ id: "cm", zh: "客户经理", en: "customer manager" }],
  grades: [{ id: "intermediate", zh: "中级客户经理", en: "intermediate CM" }],
  rules: [
    { id: "OWN-PAY", name: "月薪", unit: "money", formula: "income" },
    {
      id: "OWN-SIGN-20K", label: { zh: "高额收入复核", en: "high pay countersigned" }, record: { zh: "月收入 2 万元以上须复核签字", en: "a month's pay of 2万 or more is countersigned" },
      check: { code: "countersign", field: "income", severity: "info", if: "income >= 2万", message: { zh: "月收入 {income} ≥ ¥20,000.00,须复核签字", en: "income {income} ≥ ¥20,000.00: needs a second signature" } },
    },
  ],
  outputs: { pay: "月薪" },
});
if (!OWN.ok) throw new Error(OWN.problems.join("\n"));
const BOOKS = { h003: loadPreset("h003-city-bank"), c000: loadPreset("c000-credit-coop"), b002: loadPreset("b002-bank-grades"), own: OWN.book };

const ROSTER: CellValue[] = ["工号", "姓名", "机构", "角色", "等级"];
const CM: CellValue[] = ["0103001", "张三", "城东支行", "客户经理", "中级客户经理"];
const OK: CellValue[] = ["0103001", "2026", 5000];
const REC: CellValue[] = ["工号", "期间", "月收入"];

/** A roster (the one CM unless given) and a 月度指标 sheet, plus any other sheets. */
function book(records: CellValue[][], header: CellValue[] = REC, more: WorkbookValues = {}, roster: CellValue[][] = [CM]): WorkbookValues {
  return { 花名册: [ROSTER, ...roster], 月度指标: [header, ...records], ...more };
}

interface Expected {
  severity: "error" | "warning" | "info";
  address: string;
  zh: string;
  en: string;
}

interface Case {
  code: string;
  name: string;
  workbook: WorkbookValues;
  rulebook?: keyof typeof BOOKS;
  period?: string;
  options?: Partial<ValidateOptions>;
  expected: Expected;
}

function validate(c: Pick<Case, "workbook" | "rulebook" | "period" | "options">) {
  return validateWorkbook(c.workbook, { book: BOOKS[c.rulebook ?? "h003"], period: c.period ?? "2026", today: TODAY, ...c.options });
}

const knownFlags = Object.entries(FLAGS).map(([id, f]) => `${f.zh}(${id})`).join("、");

/** A c000 coop roster: one row per role given, all in 城关信用社, with a 2026-12 record each. */
function coop(roles: string[]): WorkbookValues {
  const ids = roles.map((_, i) => `03010${String(10 + i)}`);
  return {
    花名册: [ROSTER, ...roles.map((r, i) => [ids[i], `田${i}`, "城关信用社", r, r === "客户经理" ? "三级客户经理" : ""])],
    月度指标: [["工号", "期间"], ...ids.map((id) => [id, "2026-12"])],
  };
}

const CASES: Case[] = [
  // ---- found while reading (the mapping) ----
  {
    code: "textNumber", name: "an amount typed as text with thousands separators",
    workbook: book([["0103001", "2026", "5,000.00"]]),
    expected: { severity: "error", address: "月度指标!C2", zh: "月收入为文本 \"5,000.00\"(含千位分隔符),不是数字单元格,未读取;建议改为数字 5000", en: "income is text \"5,000.00\" (with thousands separators), not a number cell, and is not read; suggested value 5000" },
  },
  {
    code: "notNumber", name: "text with a letter O in an amount",
    workbook: book([["0103001", "2026", "1,2O0"]]),
    expected: { severity: "error", address: "月度指标!C2", zh: "月收入为文本 \"1,2O0\",不是数字(字母 O/l 可能应为数字 0/1,即 1200),未读取", en: "income is text \"1,2O0\", not a number (the letters O/l may be the digits 0/1: 1200); not read" },
  },
  {
    code: "excelError", name: "#N/A in an amount",
    workbook: book([["0103001", "2026", "#N/A"]]),
    expected: { severity: "error", address: "月度指标!C2", zh: "月收入为错误值 #N/A,未读取", en: "income holds the error value #N/A and is not read" },
  },
  {
    code: "percentUnits", name: "a rate typed as 99.6 for 99.6%",
    workbook: book([["0103001", "2026", 99.6]], ["工号", "期间", "收贷收息率"]),
    expected: { severity: "error", address: "月度指标!C2", zh: "收贷收息率为 99.6,看似按百分数填写(比率应为小数:35% 即 0.35,或设为百分比格式),未读取;建议改为 0.996", en: "collectionRate is 99.6, which looks like percent units (rates are fractions: 35% is 0.35, or format the cell as %); not read; suggested value 0.996" },
  },
  {
    code: "percentUnitsColumn", name: "a whole rate column in percent units",
    workbook: book([["0103001", "2024", 99.6], ["0103001", "2025", 99.1], ["0103001", "2026", 98.8]], ["工号", "期间", "收贷收息率"]),
    expected: { severity: "error", address: "月度指标!C1", zh: "「收贷收息率」列有 3 个值看似按百分数填写(如 C2、C3、C4):比率应为小数或百分比格式,或把表头写成「收贷收息率(%)」;这些值未读取", en: "column \"收贷收息率\": 3 values look like percent units (e.g. C2, C3, C4); enter fractions or % cells, or head the column \"collectionRate (%)\"; these values are not read" },
  },
  {
    code: "negative", name: "a negative deposit balance",
    workbook: book([["0103001", "2026", -5]], ["工号", "期间", "存款余额"]),
    expected: { severity: "error", address: "月度指标!C2", zh: "存款余额为负数 -5,该项不能为负,未读取", en: "balanceDeposits is negative (-5) and must not be; not read" },
  },
  {
    code: "notInteger", name: "a count with a fraction",
    workbook: book([["0103001", "2026", 2.5]], ["工号", "期间", "新开基本账户"]),
    expected: { severity: "error", address: "月度指标!C2", zh: "新开基本账户应为整数,却是 2.5,未读取", en: "newBasicAccounts must be a whole number, not 2.5; not read" },
  },
  {
    code: "implausible", name: "a share above 150% in a (%) column",
    workbook: book([["0103001", "2026", 160]], ["工号", "期间", "收贷收息率(%)"]),
    expected: { severity: "error", address: "月度指标!C2", zh: "收贷收息率为 160%,超过 150%,不合理,未读取", en: "collectionRate is 160%, above 150%, which is not plausible; not read" },
  },
  {
    code: "idNumber", name: "a staff id stored as a number, matched to the roster's text id",
    workbook: book([[103001, "2026", 5000]]),
    expected: { severity: "warning", address: "月度指标!A2", zh: "工号 103001 是数字单元格,前导零会丢失;请把工号列设为文本;工作簿中 花名册!A2 有文本工号 0103001,按它匹配", en: "staff id 103001 is a number cell, which drops leading zeros; format the column as text; the workbook has the text id 0103001 at 花名册!A2, used to match" },
  },
  {
    code: "idDigitsLost", name: "a 16-digit staff id stored as a number",
    workbook: book([[1020030000000010, "2026", 5000]], REC, {}, [["1020030000000017", "秦二十", "营业部", "客户经理", "中级客户经理"]]),
    expected: { severity: "error", address: "月度指标!A2", zh: "工号 1020030000000010 是 16 位的数字单元格:Excel 只保留 15 位有效数字,末位已丢失;请把工号列设为文本后重新录入;工作簿中 花名册!A2 有文本工号 1020030000000017,按它匹配", en: "staff id 1020030000000010 is a number cell with 16 digits: Excel keeps only 15 significant digits, so the last ones are lost; format the column as text and re-enter it; the workbook has the text id 1020030000000017 at 花名册!A2, used to match" },
  },
  {
    code: "idInvisible", name: "a staff id with a zero-width space pasted in",
    workbook: book([["0103001\u200b", "2026", 5000]]),
    expected: { severity: "warning", address: "月度指标!A2", zh: "工号 \"0103001\\u200b\" 含不可见字符(U+200B),按 0103001 读取;请删除这些字符", en: "staff id \"0103001\\u200b\" holds invisible characters (U+200B); read as 0103001; delete them" },
  },
  {
    code: "idInvalid", name: "a staff id in full-width digits",
    workbook: book([["０１０３００１", "2026", 5000]]),
    expected: { severity: "warning", address: "月度指标!A2", zh: "工号 \"０１０３００１\" 含全角字符或空格,按 0103001 读取", en: "staff id \"０１０３００１\" has full-width characters or spaces; read as 0103001" },
  },
  {
    code: "duplicateId", name: "a staff id twice in the roster",
    workbook: book([OK], REC, {}, [CM, ["0103001", "张叁", "城东支行", "客户经理", "中级客户经理"]]),
    expected: { severity: "error", address: "花名册!A3", zh: "工号 0103001 重复(首次出现在 花名册!A2),此行未读取", en: "staff id 0103001 repeats (first at 花名册!A2); this row is not read" },
  },
  {
    code: "duplicateRecord", name: "a second row for the same manager and period",
    workbook: book([OK, ["0103001", "2026", 5100]]),
    expected: { severity: "error", address: "月度指标!B3", zh: "工号 0103001 在 2026 已有一行(月度指标!B2),此行未读取", en: "staff id 0103001 already has a row for 2026 (月度指标!B2); this row is not read" },
  },
  {
    code: "blankRequired", name: "a blank role in the roster",
    workbook: book([OK], REC, {}, [["0103001", "张三", "城东支行", "", "中级客户经理"]]),
    expected: { severity: "error", address: "花名册!D2", zh: "角色为空,无法考核", en: "the role is blank; the manager cannot be appraised" },
  },
  {
    code: "unknownRole", name: "a role the rulebook does not have",
    workbook: book([OK], REC, {}, [["0103001", "张三", "城东支行", "柜员", ""]]),
    expected: { severity: "error", address: "花名册!D2", zh: "角色「柜员」不是规则集 h003-city-bank 的角色(可用:支行行长/营业部总经理(president)、客户经理(cm)、业务代办员(agent))", en: "role \"柜员\" is not a role of h003-city-bank" },
  },
  {
    code: "unknownGrade", name: "a grade not in the active rulebook",
    workbook: book([OK], REC, {}, [["0103001", "张三", "城东支行", "客户经理", "一级"]]),
    expected: { severity: "error", address: "花名册!E2", zh: "等级「一级」不是规则集 h003-city-bank 的等级(可用:高级客户经理(senior)、中级客户经理(intermediate)、初级客户经理(junior))", en: "grade \"一级\" is not a grade of h003-city-bank" },
  },
  {
    code: "unknownFlag", name: "an event the vocabulary does not have",
    workbook: book([["0103001", "2026", 5000, "迟到"]], ["工号", "期间", "月收入", "事件"]),
    expected: { severity: "error", address: "月度指标!D2", zh: `未知事件「迟到」(可用:${knownFlags}),未读取`, en: "unknown event \"迟到\"; not read" },
  },
  {
    code: "badFlagValue", name: "a yes/no column holding neither",
    workbook: book([["0103001", "2026", 5000, "也许"]], ["工号", "期间", "月收入", "欠息"]),
    expected: { severity: "error", address: "月度指标!D2", zh: "欠息应为 是/否,却是 \"也许\",未读取", en: "interestArrears must be yes/no, not \"也许\"; not read" },
  },
  {
    code: "badPeriod", name: "a month 13",
    workbook: book([OK, ["0103001", "2026-13", 5000]]),
    expected: { severity: "error", address: "月度指标!B3", zh: "期间 \"2026-13\" 无法识别(应为 2026-01、2026 或 2026-Q1 等),此行未读取", en: "period \"2026-13\" is not understood (write 2026-01, 2026 or 2026-Q1); the row is not read" },
  },
  {
    code: "dateAsText", name: "a whole date typed as text in the period column",
    workbook: book([OK, ["0103001", "2026-03-15", 5000]]),
    expected: { severity: "warning", address: "月度指标!B3", zh: "期间是以文本录入的日期 \"2026-03-15\",按其所在月份 2026-03 读取;期间应填 2026-03 这样的月份(或设为日期格式)", en: "the period is a date typed as text (\"2026-03-15\"), read as its month 2026-03; write the month, 2026-03 (or make the cell a date)" },
  },
  {
    code: "formulaNoValue", name: "a formula a script saved without its calculated value (the file reader marks it)",
    workbook: book([["0103001", "2026", UNCALCULATED]]),
    expected: { severity: "error", address: "月度指标!C2", zh: "月收入是没有计算结果的公式(请先用 Excel 或 WPS 打开并保存此文件),未读取", en: "income is a formula without a calculated value (open and save the file in Excel or WPS first); not read" },
  },
  {
    code: "periodNumber", name: "a period typed as the number 2026.05",
    workbook: book([OK, ["0103001", 2026.05, 5000]]),
    expected: { severity: "warning", address: "月度指标!B3", zh: "期间是数字 2026.05,按 2026-05 读取;请把期间列设为文本并填写 2026-05(数字 2026.10 会被存为 2026.1,无法区分 1 月与 10 月)", en: "the period is the number 2026.05, read as 2026-05; format the period column as text and type 2026-05 (the number 2026.10 is stored as 2026.1, the same as January)" },
  },
  {
    code: "periodSerial", name: "a date serial in a period cell without a date format, noted once per column",
    workbook: book([OK, ["0103001", 46142, 5000], ["0103001", 46173, 5000]]),
    expected: { severity: "info", address: "月度指标!B3", zh: "期间是数字 46142,按日期序列号读作 2026-04-30,即 2026-04;若不是此月,请填写期间(如 2026-04)", en: "the period is the number 46142, read as the date serial of 2026-04-30, i.e. 2026-04; if that is not the month meant, type the period (e.g. 2026-04)" },
  },
  {
    code: "periodMixed", name: "a February row under a March title",
    workbook: { 花名册: [ROSTER, CM], 月度指标: [["2026年3月客户经理考核表"], REC, ["0103001", "2026-02", 5000]] },
    expected: { severity: "warning", address: "月度指标!B3", zh: "期间 2026-02 不属于本表的期间 2026-03(见标题「2026年3月客户经理考核表」(月度指标!A1)):一张表混有不同月份的数据;此行按 2026-02 读取,请核对", en: "period 2026-02 is outside this sheet's period 2026-03 (from the title \"2026年3月客户经理考核表\" (月度指标!A1)): the sheet mixes periods; the row is read as 2026-02, please check" },
  },
  {
    code: "unknownManager", name: "a manager in the records but not in the roster",
    workbook: book([OK, ["0109999", "2026", 5000]]),
    expected: { severity: "error", address: "月度指标!A3", zh: "工号 0109999 不在花名册中,此行未读取", en: "staff id 0109999 is not in the roster; the row is not read" },
  },
  {
    code: "noRecords", name: "a roster manager without any record",
    workbook: book([OK], REC, {}, [CM, ["0103002", "李四", "城东支行", "客户经理", "初级客户经理"]]),
    expected: { severity: "warning", address: "花名册!A3", zh: "工号 0103002 没有任何期间的记录", en: "staff id 0103002 has no records" },
  },
  {
    code: "monthGap", name: "a missing month inside a run (H003-DEMOTE-CM-DEPOSIT-3M counts consecutive months)",
    workbook: book([["0103001", "2026-01", 5000], ["0103001", "2026-02", 5000], ["0103001", "2026-04", 5000]]),
    expected: { severity: "warning", address: "月度指标!B4", zh: "工号 0103001 缺少 2026-03 的月度记录(在 2026-02 与 2026-04 之间),连续月份的规则会把它当作缺月", en: "staff id 0103001 has no record for 2026-03 (between 2026-02 and 2026-04); rules over consecutive months see a gap" },
  },
  {
    code: "dailyAvgAboveBalance", name: "G001-DAILY-AVG-VS-BALANCE: a daily average above the balance is a note, not an error",
    workbook: book([["0103001", "2026", 48780000, 18190000]], ["工号", "期间", "日均存款", "存款余额"]),
    expected: { severity: "info", address: "月度指标!C2", zh: "2026 日均存款高于月末存款余额:日均与余额是不同口径,这不是错误(G001-DAILY-AVG-VS-BALANCE)", en: "2026: daily-average deposits above the month-end balance: they are different measures, this is not an error (G001-DAILY-AVG-VS-BALANCE)" },
  },
  {
    code: "unknownUnit", name: "a unit nobody knows",
    workbook: book([OK], ["工号", "期间", "月收入(千万)"]),
    expected: { severity: "error", address: "月度指标!C1", zh: "表头「月收入(千万)」的单位「千万」无法识别(可用:元、万元、亿元、美元、万美元、%),该列未读取", en: "header \"月收入(千万)\": unit \"千万\" is not known (use 元, 万元, 亿元, 美元, 万美元 or %); the column is not read" },
  },
  {
    code: "unitMismatch", name: "a % on an amount",
    workbook: book([OK], ["工号", "期间", "月收入(%)"]),
    expected: { severity: "error", address: "月度指标!C1", zh: "表头「月收入(%)」的单位「%」是比率,而月收入是人民币金额(元);该列未读取", en: "header \"月收入(%)\": unit \"%\" does not fit income (money); the column is not read" },
  },
  {
    code: "duplicateColumn", name: "the same field twice",
    workbook: book([[...OK, 5000]], ["工号", "期间", "月收入", "收入"]),
    expected: { severity: "warning", address: "月度指标!D1", zh: "「收入」与「月收入」是同一列(月收入),只读取第一列", en: "\"收入\" repeats \"月收入\" (income); only the first is read" },
  },
  {
    code: "unknownColumn", name: "a column nobody reads",
    workbook: book([[...OK, "湖北"]], ["工号", "期间", "月收入", "籍贯"]),
    expected: { severity: "info", address: "月度指标!D1", zh: "未识别的列「籍贯」,已忽略", en: "column \"籍贯\" is not known; ignored" },
  },
  {
    code: "missingColumn", name: "a tasks sheet without a plan column",
    workbook: book([OK], REC, { 任务: [["工号", "期间", "项目", "完成"], ["0103001", "2026", "存款", 100]] }),
    expected: { severity: "error", address: "任务!A1", zh: "工作表「任务」(任务)缺少列:计划;未读取", en: "sheet \"任务\" (tasks) lacks the column(s) plan; not read" },
  },
  {
    code: "noSheet", name: "an empty workbook",
    workbook: {},
    expected: { severity: "error", address: "", zh: "工作簿中没有可读取的花名册或月度指标表(需要含「工号」列的表)", en: "the workbook has no roster or records table (a table with a staff-id column)" },
  },
  {
    code: "ignoredSheet", name: "the results sheet of an earlier run",
    workbook: book([OK], REC, { "考核结果 2026": [["工号", "得分"], ["0103001", 100]] }),
    expected: { severity: "info", address: "考核结果 2026", zh: "工作表「考核结果 2026」是考核结果,不作为输入读取", en: "sheet \"考核结果 2026\" holds results of a grading run and is not read as input" },
  },
  {
    code: "badSetting", name: "a setting value the rulebook does not accept",
    workbook: book([OK], REC, { 设置: [["h003.score.partialStep", "nope"]] }),
    expected: { severity: "error", address: "设置!B1", zh: "设置 h003.score.partialStep 的值无效:\"nope\" is not one of [\"completedSteps\",\"proRata\",\"startedStepsBelowTarget\"]", en: "setting h003.score.partialStep: \"nope\" is not one of [\"completedSteps\",\"proRata\",\"startedStepsBelowTarget\"]" },
  },
  {
    code: "unknownSetting", name: "a setting the rulebook does not have",
    workbook: book([OK], REC, { 设置: [["h003.nope", "1"]] }),
    expected: { severity: "error", address: "设置!B1", zh: "「h003.nope」不是规则集 h003-city-bank 的设置(用 appraise rulebook h003-city-bank 查看 settings)", en: "\"h003.nope\" is not a setting of rulebook h003-city-bank (see settings in appraise rulebook h003-city-bank)" },
  },
  // ---- found after reading (validateWorkbook) ----
  {
    code: "futurePeriod", name: "a month of next year, not begun (a year after next is an error: badPeriod)",
    workbook: book([OK, ["0103001", "2028-03", 5000]]),
    expected: { severity: "warning", address: "月度指标!B3", zh: "期间 2028-03 尚未开始(今天是 2027-01-05):「月度指标」有 1 行该期间的数据(首行 月度指标!B3),年份或月份可能录错", en: "period 2028-03 has not begun (today is 2027-01-05): 1 row of \"月度指标\" holds it (first at 月度指标!B3); the year or month may be mistyped" },
  },
  {
    code: "periodAfterGraded", name: "July's rows when June is appraised",
    period: "2026-06",
    workbook: book([["0103001", "2026-06", 5000], ["0103001", "2026-07", 5000]]),
    expected: { severity: "warning", address: "月度指标!B3", zh: "期间 2026-07 晚于考核期 2026-06:「月度指标」有 1 行该期间的数据(首行 月度指标!B3),考核 2026-06 时不使用;请确认考核期", en: "period 2026-07 is after the appraised period 2026-06: 1 row of \"月度指标\" holds it (first at 月度指标!B3) and is not used for 2026-06; check the appraised period" },
  },
  {
    code: "noRecordForPeriod", name: "records for 2025 only when 2026 is appraised",
    workbook: book([["0103001", "2025", 5000]]),
    expected: { severity: "warning", address: "花名册!A2", zh: "工号 0103001 有 1 期记录,但没有考核期 2026 内的记录(最近一期为 2025),本期考核缺少其数据", en: "staff id 0103001 has 1 period record(s) but none within the appraised period 2026 (the latest is 2025); the appraisal lacks their data" },
  },
  {
    code: "moneyDecimals", name: "an amount in 万元 finer than the fen",
    workbook: book([["0103001", "2026", 1234.5678912]], ["工号", "期间", "日均存款(万元)"]),
    expected: { severity: "warning", address: "月度指标!C2", zh: "日均存款为 1234.5678912 万元,即 12345678.912 元,超过 2 位小数(金额精确到分);建议改为 1234.567891", en: "avgDeposits is 1234.5678912 万元 = 12345678.912 元, more than 2 decimals (money is kept to the fen); suggested value 1234.567891" },
  },
  {
    code: "planNotPositive", name: "G001-COMPLETION-RATE: a task plan of 0",
    workbook: book([OK], REC, { 任务: [["工号", "期间", "项目", "计划", "完成"], ["0103001", "2026", "存款", 0, 100]] }),
    expected: { severity: "warning", address: "任务!D2", zh: "任务「存款」2026 的计划为 0,无法计算完成率(G001-COMPLETION-RATE)", en: "task \"存款\" 2026: the plan is 0, so there is no completion rate (G001-COMPLETION-RATE)" },
  },
  {
    code: "netIncreaseMismatch", name: "G001-NET-INCREASE-YTD: balance − year-start balance ≠ net increase",
    workbook: book([["0103001", "2026", 17000, 8000, 9001]], ["工号", "期间", "存款余额", "年初余额", "比年初净增"]),
    expected: { severity: "error", address: "月度指标!E2", zh: "比年初净增 ¥9,001.00 ≠ 存款余额 ¥17,000.00 − 年初余额 ¥8,000.00 = ¥9,000.00,差 ¥1.00(C、D、E 列;G001-NET-INCREASE-YTD)", en: "net increase since the start of the year ¥9,001.00 ≠ balanceDeposits ¥17,000.00 − year-start balance ¥8,000.00 = ¥9,000.00, off by ¥1.00 (columns C, D, E; G001-NET-INCREASE-YTD)" },
  },
  {
    code: "ledgerMismatch", name: "H003-RISKDEP-LEDGER: opening + withheld − refunded − forfeited ≠ closing",
    workbook: book([OK], REC, { 风险金台账: [["工号", "期间", "风险金期初余额", "风险金提取", "风险金退还", "风险金抵扣", "风险金期末余额"], ["0103001", "2026-01", 1000, 200, 0, 0, 1300]] }),
    expected: { severity: "error", address: "风险金台账!G2", zh: "风险金台账不平:工号 0103001 2026-01 期初 ¥1,000.00 + 提取 ¥200.00 − 退还 ¥0.00 − 抵扣 ¥0.00 = ¥1,200.00,而期末为 ¥1,300.00,差 ¥100.00(H003-RISKDEP-LEDGER)", en: "the risk-deposit ledger does not balance: staff id 0103001 2026-01 opening ¥1,000.00 + withheld ¥200.00 − refunded ¥0.00 − applied to losses ¥0.00 = ¥1,200.00, but the closing balance is ¥1,300.00; off by ¥100.00 (H003-RISKDEP-LEDGER)" },
  },
  {
    code: "ledgerContinuity", name: "H003-RISKDEP-LEDGER: February opens with other than January's closing",
    workbook: book([OK], REC, { 风险金台账: [["工号", "期间", "风险金期初余额", "风险金提取", "风险金期末余额"], ["0103001", "2026-01", 1000, 200, 1200], ["0103001", "2026-02", 1250, 200, 1450]] }),
    expected: { severity: "warning", address: "风险金台账!C3", zh: "工号 0103001 2026-02 风险金期初 ¥1,250.00 与上月 2026-01 期末 ¥1,200.00(风险金台账!E2)不符(H003-RISKDEP-LEDGER)", en: "staff id 0103001 2026-02: the risk-deposit opening ¥1,250.00 differs from the closing balance ¥1,200.00 of 2026-01 (风险金台账!E2) (H003-RISKDEP-LEDGER)" },
  },
  {
    code: "nameMismatch", name: "a records row whose name is not the roster's",
    workbook: book([["0103001", "张叁", "2026", 5000]], ["工号", "姓名", "期间", "月收入"]),
    expected: { severity: "warning", address: "月度指标!B2", zh: "工号 0103001 在此为「张叁」,花名册(花名册!B2)为「张三」:姓名不符,请核对工号是否填错", en: "staff id 0103001 is \"张叁\" here but \"张三\" in the roster (花名册!B2): check that the id is right" },
  },
  {
    code: "roleGrade", name: "H003-ROLE-GRADES: a customer manager without a grade",
    workbook: book([OK], REC, {}, [["0103001", "张三", "城东支行", "客户经理", ""]]),
    expected: { severity: "error", address: "花名册!E2", zh: "工号 0103001:客户经理须有等级(高级客户经理、中级客户经理、初级客户经理),等级为空(H003-ROLE-GRADES)", en: "staff id 0103001: customer manager needs a grade (senior CM, intermediate CM, junior CM); the grade is blank (H003-ROLE-GRADES)" },
  },
  {
    code: "roleRowCheck", name: "H003-AGENT-NO-LOANS: an agent with loans",
    workbook: book([["0104001", "2026", 500000]], ["工号", "期间", "日均贷款"], {}, [["0104001", "冯十二", "城东支行", "业务代办员", ""]]),
    expected: { severity: "error", address: "月度指标!C2", zh: "工号 0104001(业务代办员)2026:业务代办员不承办贷款:日均贷款 ¥500,000.00(H003-AGENT-NO-LOANS)", en: "staff id 0104001 (business agent) 2026: business agents do not handle loans: daily-average loans ¥500,000.00 (H003-AGENT-NO-LOANS)" },
  },
  {
    code: "clientRowCheck", name: "B002-CLIENT-ASSIGN-50W: a client below 50万 in loans and deposits",
    rulebook: "b002",
    workbook: {
      花名册: [ROSTER, ["0201001", "欧阳一", "营业部", "客户经理", "三级客户经理"]],
      月度指标: [["工号", "期间", "主要业务指标完成率"], ["0201001", "2026", 1]],
      客户: [["工号", "期间", "客户编号", "日均存款(万元)"], ["0201001", "2026", "C1", 30]],
    },
    expected: { severity: "warning", address: "客户!C2", zh: "客户 C1(工号 0201001,2026):客户贷款和日均存款均未达 50 万元(原则上不配备):日均贷款 ¥0.00 < ¥500,000.00;日均存款 ¥300,000.00 < ¥500,000.00(B002-CLIENT-ASSIGN-50W)", en: "client C1 (staff id 0201001, 2026): client below 50万 in both loans and daily-average deposits (not assigned in principle): daily-average loans ¥0.00 < ¥500,000.00; daily-average deposits ¥300,000.00 < ¥500,000.00 (B002-CLIENT-ASSIGN-50W)" },
  },
  {
    code: "clientBand", name: "H003-CLIENT-BAND: a 900万 client managed by an intermediate CM",
    workbook: book([OK], REC, { 客户: [["工号", "期间", "客户编号", "日均存款(万元)"], ["0103001", "2026", "C1", 900]] }),
    expected: { severity: "warning", address: "客户!D2", zh: "客户 C1(工号 0103001,2026):客户需由高级客户经理管理,中级客户经理不可(设置 h003.clientBand.match = atOrBelow)(H003-CLIENT-BAND)", en: "client C1 (staff id 0103001, 2026): client requires senior CM; not intermediate CM (setting h003.clientBand.match = atOrBelow) (H003-CLIENT-BAND)" },
  },
  {
    code: "creditLimit", name: "H003-LOAN-AUTHORITY: a 350万 loan by an intermediate CM (limit 300万)",
    workbook: book([OK], REC, { 客户: [["工号", "期间", "客户编号", "日均存款(万元)", "贷款金额(万元)"], ["0103001", "2026", "C1", 600, 350]] }),
    // 350万 > the intermediate limit of 300万 and ≤ the senior limit of 500万: a senior CM must approve it.
    expected: { severity: "warning", address: "客户!E2", zh: "客户 C1(工号 0103001,2026):贷款 ¥3,500,000.00:中级客户经理权限 ≤ ¥3,000,000.00,超出权限 → 须由高级客户经理审批(H003-LOAN-AUTHORITY)", en: "client C1 (staff id 0103001, 2026): loan ¥3,500,000.00: intermediate CM limit ≤ ¥3,000,000.00; exceeds authority → approved by senior CM (H003-LOAN-AUTHORITY)" },
  },
  {
    code: "staffHeadcount", name: "C000-SERVICE-STAFF-3: a coop with a director but no deputy or internal director",
    rulebook: "c000", period: "2026-12",
    workbook: coop(["信用社主任", "客户经理", "一线临柜人员", "一线临柜人员"]),
    expected: { severity: "warning", address: "花名册!C2", zh: "城关信用社(花名册 4 人):综合服务人员应为主任、副主任、内部主任三人:副主任 0、内部主任 0(C000-SERVICE-STAFF-3)", en: "城关信用社 (4 on the roster): general service staff must be 3 (主任, 副主任, 内部主任): deputy director 0, internal director 0 (C000-SERVICE-STAFF-3)" },
  },
  {
    code: "staffShare", name: "C000-CM-SHARE-50: 5 customer managers among 8 staff",
    rulebook: "c000", period: "2026-12",
    workbook: coop(["信用社主任", "副主任", "内部主任", "客户经理", "客户经理", "客户经理", "客户经理", "客户经理"]),
    expected: { severity: "error", address: "花名册!C2", zh: "城关信用社(花名册 8 人):客户经理 5 人 ÷ 职工 8 人 = 62.50% > 50.00%:客户经理应占社职工人员的50%以下(C000-CM-SHARE-50)", en: "城关信用社 (8 on the roster): customer manager 5 / staff 8 = 62.50% > 50.00%: CMs must be 50 % or less of the coop's staff (C000-CM-SHARE-50)" },
  },
  {
    code: "ruleCheck", name: "a rulebook's own check (OWN-SIGN-20K: 25 000 ≥ 20 000)",
    rulebook: "own",
    workbook: book([["0103001", "2026", 25000]]),
    expected: { severity: "info", address: "月度指标!C2", zh: "工号 0103001(客户经理)2026:月收入 ¥25,000.00 ≥ ¥20,000.00,须复核签字(OWN-SIGN-20K)", en: "staff id 0103001 (customer manager) 2026: income ¥25,000.00 ≥ ¥20,000.00: needs a second signature (OWN-SIGN-20K)" },
  },
  {
    code: "tierNotMonotone", name: "G004-GRADED-TIERS: a senior cap below the intermediate cap",
    workbook: book([OK], REC, { 设置: [["h003.riskDeposit.caps", "{\"senior\":\"5000\",\"intermediate\":\"10000\",\"junior\":\"5000\"}"]] }),
    expected: { severity: "warning", address: "设置!B1", zh: "设置 h003.riskDeposit.caps 不随等级单调:中级客户经理 10000 高于 高级客户经理 5000(G004-GRADED-TIERS)", en: "setting h003.riskDeposit.caps is not monotone in the grades: intermediate CM 10000 is above senior CM 5000 (G004-GRADED-TIERS)" },
  },
  {
    code: "formulaCount", name: "more KHJL formulas than Excel recalculates comfortably",
    workbook: book([OK]),
    options: { formulaCells: KHJL_FORMULA_LIMIT + 1 },
    expected: { severity: "warning", address: "", zh: "工作簿中有 10001 个 KHJL 自定义函数公式,超过 10000 个,Excel 重算会明显变慢;已定稿的考核结果建议复制后「粘贴为数值」冻结", en: "the workbook holds 10001 KHJL custom-function formulas, more than 10000; Excel recalculates slowly: freeze finished results by pasting them as values" },
  },
];

describe("validateWorkbook: one case per check", () => {
  it.each(CASES.map((c) => [c.code, c.name, c] as const))("%s: %s", (code, _name, c) => {
    const result = validate(c);
    expect(result.findings.map((f) => ({ code: f.code, severity: f.severity, address: f.address, zh: f.zh, en: f.en }))).toEqual([{ code, ...c.expected }]);
    expect(result.checks.map((k) => k.code)).toContain(code);
  });

  it("has a case for every check the validator can run, and at least 30 checks", () => {
    expect(new Set(ALL_CHECK_CODES).size).toBe(ALL_CHECK_CODES.length);
    expect(ALL_CHECK_CODES.length).toBeGreaterThanOrEqual(30);
    expect(CASES.map((c) => c.code).sort()).toEqual([...ALL_CHECK_CODES].sort());
  });

  it("a clean workbook has no findings", () => {
    expect(validate({ workbook: book([OK]) }).findings).toEqual([]);
  });
});
