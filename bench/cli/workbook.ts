/**
 * The branch workbook of measurement 3: the synthetic city-bank managers of bench/gen/h003.ts written in the layout
 * of assets/sample-city-bank.xlsx (scripts/make-sample-workbooks.js, docs/data-model.md): 花名册 with a title row,
 * 月度指标 with one row per manager and period (12 months and the year, 2025 for presidents), amounts in the
 * header's unit (万元 or 元), rates as %-formatted fractions, 客户, 任务 and 设置 sheets. No deliberate data problems.
 */
import ExcelJS from "exceljs";
import { generateH003, type RawManager } from "../gen/h003";
import { scaled } from "../lib/rng";
import { toUnits } from "../lib/scaled";

const MONEY = "#,##0.00";
const RATE = "0.00%";
const ROLE_ZH: Record<string, string> = { president: "支行行长", cm: "客户经理", agent: "业务代办员" };
const GRADE_ZH: Record<string, string> = { senior: "高级客户经理", intermediate: "中级客户经理", junior: "初级客户经理" };
const FLAG_ZH: Record<string, string> = { majorViolation: "重大违规违纪" };

/** 元 text → a number of 万元, shifted as text so no binary fraction is involved before the cell value. */
const wan = (yuan: unknown) => (yuan === undefined ? null : Number(scaled(toUnits(String(yuan), 2), 6)));
const num = (text: unknown) => (text === undefined ? null : Number(text));

const RECORD_COLUMNS: Array<{ header: string; field: string; write: (v: unknown) => number | null; numFmt: string }> = [
  { header: "月收入(元)", field: "income", write: num, numFmt: MONEY },
  { header: "日均存款(万元)", field: "avgDeposits", write: wan, numFmt: MONEY },
  { header: "基数存款(万元)", field: "baseDeposits", write: wan, numFmt: MONEY },
  { header: "存款计划(万元)", field: "depositPlan", write: wan, numFmt: MONEY },
  { header: "新增日均存款(万元)", field: "newAvgDeposits", write: wan, numFmt: MONEY },
  { header: "日均贷款(万元)", field: "avgLoans", write: wan, numFmt: MONEY },
  { header: "应收利息(元)", field: "interestDue", write: num, numFmt: MONEY },
  { header: "存款日均增长率", field: "depositGrowth", write: num, numFmt: RATE },
  { header: "不良贷款率", field: "nplRatio", write: num, numFmt: RATE },
  { header: "收贷收息率", field: "collectionRate", write: num, numFmt: RATE },
  { header: "当年新发放贷款收息率", field: "newLoanCollectionRate", write: num, numFmt: RATE },
  { header: "中间业务收入增长率", field: "feeIncomeGrowth", write: num, numFmt: RATE },
  { header: "新开基本账户", field: "newBasicAccounts", write: num, numFmt: "0" },
  { header: "违规扣分", field: "conductDeductions", write: num, numFmt: "0" },
];

type Cell = string | number | null;

function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, title: string | undefined, columns: Array<{ header: string; numFmt?: string; width?: number }>, rows: Iterable<Cell[]>): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: title ? 2 : 1 }] });
  ws.columns = columns.map((c, i) => ({ key: String(i), width: c.width ?? 12, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  if (title) {
    const t = ws.addRow([title]);
    t.font = { bold: true, size: 14 };
    t.commit();
  }
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.numFmt = "General";
  });
  header.commit();
  for (const row of rows) ws.addRow(row).commit();
  ws.commit();
}

function* recordRows(managers: RawManager[]): Iterable<Cell[]> {
  for (const m of managers) {
    for (const rec of m.history) {
      const row: Cell[] = [m.id, m.name, rec.period];
      for (const c of RECORD_COLUMNS) row.push(c.write(rec[c.field]));
      row.push(typeof rec.grade === "string" ? GRADE_ZH[rec.grade] : null);
      const flags = (rec.flags as string[] | undefined) ?? [];
      row.push(flags.length > 0 ? flags.map((f) => FLAG_ZH[f] ?? f).join("、") : null);
      yield row;
    }
  }
}

/** Writes `count` managers to `file`; returns the number of 月度指标 rows. */
export async function writeBranchWorkbook(file: string, count: number, seed = 2026): Promise<{ managers: number; records: number }> {
  const managers = generateH003(count, seed).managers;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  wb.creator = "bench/cli/workbook.ts";
  addSheet(wb, "说明", undefined, [{ header: "城市商业银行客户经理考核工作簿(基准测试,h003-city-bank)", width: 100 }], [["由 npm run bench 生成:合成数据,格式同 assets/sample-city-bank.xlsx。"]]);
  addSheet(
    wb,
    "花名册",
    "客户经理花名册(2026 年)",
    [{ header: "工号", numFmt: "@", width: 18 }, { header: "姓名", width: 10 }, { header: "机构", width: 10 }, { header: "角色", width: 14 }, { header: "等级", width: 14 }, { header: "风险金期初余额(元)", numFmt: MONEY, width: 18 }],
    managers.map((m) => [m.id, m.name, m.branch, ROLE_ZH[m.role], m.grade ? GRADE_ZH[m.grade] : "", m.riskDeposit ? Number(m.riskDeposit.balance) : null]),
  );
  addSheet(
    wb,
    "月度指标",
    undefined,
    [{ header: "工号", numFmt: "@", width: 18 }, { header: "姓名", width: 10 }, { header: "期间", numFmt: "@", width: 9 }, ...RECORD_COLUMNS.map((c) => ({ header: c.header, numFmt: c.numFmt, width: 14 })), { header: "等级", width: 14 }, { header: "事件", width: 14 }],
    recordRows(managers),
  );
  addSheet(
    wb,
    "客户",
    undefined,
    [{ header: "工号", numFmt: "@", width: 18 }, { header: "期间", numFmt: "@", width: 8 }, { header: "客户编号", numFmt: "@", width: 10 }, { header: "客户名称", width: 20 }, { header: "日均存款(万元)", numFmt: MONEY, width: 14 }, { header: "日均贷款(万元)", numFmt: MONEY, width: 14 }, { header: "欠息", width: 6 }],
    managers.slice(0, 50).map((m, i): Cell[] => [m.id, "2026", `C${String(i + 1).padStart(4, "0")}`, `客户${i + 1}`, 1000 + i * 10, 0, null]),
  );
  addSheet(wb, "任务", undefined, [{ header: "工号", numFmt: "@", width: 18 }, { header: "期间", numFmt: "@", width: 8 }, { header: "项目", width: 8 }, { header: "计划(万元)", numFmt: MONEY, width: 12 }, { header: "完成(万元)", numFmt: MONEY, width: 12 }], []);
  addSheet(wb, "设置", undefined, [{ header: "设置", width: 34 }, { header: "值", width: 18 }, { header: "说明", width: 60 }], [["规则集", "h003-city-bank", "内置规则集 id"], ["考核期", "2026", "命令行 --period 优先"]]);
  await wb.commit();
  return { managers: managers.length, records: managers.reduce((n, m) => n + m.history.length, 0) };
}
