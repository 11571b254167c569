#!/usr/bin/env node
/**
 * Writes the sample branch workbooks in assets/ (what `appraise grade` reads), byte for byte the same on every run:
 *   assets/sample-city-bank.xlsx — a city commercial bank (h003-city-bank), 40 managers in four branches, 12 months
 *   of 2026 plus the annual record (and 2025 for presidents). The people are made up; together they cover every
 *   H003 outcome: every role and grade, normal, demotion (score, collection, three short months), demoted
 *   appointment, junior below 85, dismissal (score, conduct points, major violation, a president's second bad year),
 *   off post to collect, a mid-year promotion, a risk deposit reaching its cap (one with an opening balance).
 *   It also holds exactly four deliberate data problems, the kind branch files really have:
 *     - a deposit amount typed as text with a letter O: "1,2O0"            (月度指标, 孙十七 2026-03)
 *     - a duplicate staff id in the roster (a second 孙八 row)              (花名册)
 *     - a 16-digit staff id stored as a number, last digit lost by Excel    (花名册, 秦二十)
 *     - a deposit growth rate typed as 35 instead of 35%                   (月度指标, 韩二十一 2026)
 *   assets/sample-bank-grades.xlsx — a bank's six-grade scheme (b002-bank-grades), 12 managers graded for 2026 from
 *   their clients: renewal, promotion, lower appointment, floor missed (exit), review, demote-or-exit, a trainee.
 *   assets/sample-credit-coop.xlsx — a rural credit cooperative (c000-credit-coop), the 18 staff of two coops with
 *   monthly tasks in 2026, appraised for 2026-12: three missed months, an item below 30%, reinstatement, roles outside
 *   the cycle; each coop's service staff complete and its customer managers within half of its staff.
 * Each sample is one function returning sheets; a sample for another rulebook is one more function in SAMPLES.
 * Rebuild with `node scripts/make-sample-workbooks.js` (`--out DIR` writes elsewhere, for the test that checks
 * the committed files are what this script writes).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const ExcelJS = require("exceljs");
const JSZip = require("jszip");

// ---------------------------------------------------------------------------------------------------------------
// Exact decimal text helpers: amounts are written as decimal strings and shifted by powers of ten as text, so the
// sample never passes an amount through binary arithmetic; only the final cell value becomes a number.

/** "52000000" shifted by -4 → "5200"; "-300000" → "-30"; "9500.55" by 0 → "9500.55". */
function shift(text, places) {
  const negative = text.startsWith("-");
  let [int, frac = ""] = (negative ? text.slice(1) : text).split(".");
  if (places < 0) {
    int = int.padStart(-places + 1, "0");
    frac = int.slice(int.length + places) + frac;
    int = int.slice(0, int.length + places);
  } else if (places > 0) {
    frac = frac.padEnd(places, "0");
    int += frac.slice(0, places);
    frac = frac.slice(places);
  }
  int = int.replace(/^0+(?=\d)/, "");
  frac = frac.replace(/0+$/, "");
  return `${negative ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

const num = (text) => (text === undefined ? null : Number(text));
const wan = (yuan) => (yuan === undefined ? null : Number(shift(String(yuan), -4)));

// A small deterministic generator so the extra managers differ from each other but never between runs.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing: each sheet is {name, title?, columns: [{header, width, numFmt}], rows: [[...]]}.

async function writeWorkbook(file, sheets) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "scripts/make-sample-workbooks.js";
  const fixed = new Date(Date.UTC(2027, 0, 5, 9, 0, 0));
  wb.created = fixed;
  wb.modified = fixed;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: sheet.title ? 2 : 1 }] });
    if (sheet.title) {
      ws.addRow([sheet.title]);
      ws.mergeCells(1, 1, 1, Math.max(2, sheet.columns.length));
      ws.getRow(1).font = { bold: true, size: 14 };
    }
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    sheet.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width ?? 12;
      if (c.numFmt) col.numFmt = c.numFmt;
    });
    header.eachCell((cell) => {
      cell.numFmt = "General";
    });
    if (sheet.title) ws.getRow(1).getCell(1).numFmt = "General";
  }
  const buffer = await wb.xlsx.writeBuffer();
  // exceljs stamps every zip entry with the current time; re-pack with a fixed date so reruns are byte-identical.
  const zip = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("nodebuffer"), { date: fixed, createFolders: false });
  }
  const bytes = await out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "UNIX" });
  fs.writeFileSync(file, bytes);
}

// ---------------------------------------------------------------------------------------------------------------
// Sample 1: h003-city-bank.

// The 2026 months and the monthly/annual record builders are those of the JSON sample, so both agree.
const { months: MONTHS, monthly, annual } = require("./make-sample-branch.js");

/** The twelve managers of assets/sample-city-branch.json, unchanged, so both samples agree on them. */
function baseManagers() {
  return [
    {
      id: "0102003", name: "张三", branch: "城东支行", role: "支行行长", grade: "中级客户经理",
      history: [
        { period: "2025", avgDeposits: "100000000", baseDeposits: "80000000", depositPlan: "104000000", avgLoans: "30000000", interestDue: "1100000", nplRatio: "0", collectionRate: "0.997", feeIncomeGrowth: "0.21", newLoanCollectionRate: "1" },
        ...monthly({ income: "9800.00" }),
        annual({ avgDeposits: "135000000", baseDeposits: "100000000", nplRatio: "0", collectionRate: "0.998", feeIncomeGrowth: "0.24" }),
      ],
    },
    {
      id: "0102017", name: "李四", branch: "城西支行", role: "支行行长", grade: "高级客户经理",
      history: [
        { period: "2025", avgDeposits: "162000000", baseDeposits: "120000000", depositPlan: "156000000", avgLoans: "40000000", interestDue: "1500000", nplRatio: "0", collectionRate: "0.998", feeIncomeGrowth: "0.24", newLoanCollectionRate: "1" },
        ...monthly({ income: "11200.00" }),
        annual({ avgDeposits: "196020000", baseDeposits: "162000000", nplRatio: "0.008", collectionRate: "0.996", feeIncomeGrowth: "0.18" }),
      ],
    },
    { id: "0103001", name: "王五", branch: "城东支行", role: "客户经理", grade: "高级客户经理", history: [...monthly({ income: "15000.00", deposits: "52000000", base: "40000000" }), annual({ depositGrowth: "0.36", nplRatio: "0", collectionRate: "0.999", newBasicAccounts: "12" })] },
    { id: "0103002", name: "赵六", branch: "城东支行", role: "客户经理", grade: "中级客户经理", history: [...monthly({ income: "8600.00", deposits: "26200000", base: "20000000" }), annual({ depositGrowth: "0.31", nplRatio: "0.005", collectionRate: "0.997", newBasicAccounts: "5" })] },
    { id: "0103003", name: "钱七", branch: "城西支行", role: "客户经理", grade: "中级客户经理", history: [...monthly({ income: "7200.00", deposits: "19800000", base: "18000000" }), annual({ depositGrowth: "0.30", nplRatio: "0.005", collectionRate: "0.989", newBasicAccounts: "7" })] },
    { id: "0103004", name: "孙八", branch: "城西支行", role: "客户经理", grade: "初级客户经理", history: [...monthly({ income: "5200.00", deposits: "6600000", base: "6000000" }), annual({ newAvgDeposits: "600000", nplRatio: "0", collectionRate: "0.995", newBasicAccounts: "4" })] },
    {
      id: "0103005", name: "周九", branch: "城东支行", role: "客户经理", grade: "高级客户经理",
      history: [
        ...monthly({ income: "13800.00", deposits: "47000000", base: "36000000" }).map((r) => (r.period === "2026-05" ? { ...r, conductDeductions: "9" } : r.period === "2026-09" ? { ...r, conductDeductions: "6" } : r)),
        annual({ depositGrowth: "0.33", nplRatio: "0", collectionRate: "0.998", newBasicAccounts: "11" }),
      ],
    },
    {
      id: "0103006", name: "吴十", branch: "城西支行", role: "客户经理", grade: "中级客户经理",
      history: [
        ...monthly({ income: "4800.00", deposits: ["9200000", "9150000", "9300000", "9100000", "9050000", "8950000", "8800000", "8700000", "9250000", "9400000", "9500000", "9600000"], base: "10000000" }),
        annual({ depositGrowth: "0.32", nplRatio: "0", collectionRate: "0.996", newBasicAccounts: "7" }),
      ],
    },
    { id: "0103007", name: "郑十一", branch: "城东支行", role: "客户经理", grade: "初级客户经理", history: [...monthly({ income: "4100.00", deposits: "4300000", base: "5000000" }), annual({ newAvgDeposits: "-300000", nplRatio: "0.02", collectionRate: "0.991", newBasicAccounts: "2" })] },
    { id: "0104001", name: "冯十二", branch: "城东支行", role: "业务代办员", history: [...monthly({ income: "3600.00" }), { period: "2026", avgDeposits: "8300000" }] },
    {
      id: "0103008", name: "陈十三", branch: "城西支行", role: "客户经理", grade: "中级客户经理",
      history: [
        ...monthly({ income: ["8000.00", "12000.00", "9500.55", "-500.00", "15000.00", "20000.00", "18000.00", "9000.00", "9000.00", "9000.00", "9000.00", "9000.00"], deposits: "23500000", base: "18000000" }),
        annual({ depositGrowth: "0.30", nplRatio: "0", collectionRate: "0.995", newBasicAccounts: "7" }),
      ],
    },
    { id: "0103009", name: "褚十四", branch: "城西支行", role: "客户经理", grade: "高级客户经理", history: [...monthly({ income: "14200.00", deposits: "44000000", base: "34000000" }), annual({ depositGrowth: "0.29", nplRatio: "0.0045", collectionRate: "0.9965", newBasicAccounts: "10" })] },
  ];
}

const GRADE_ZH = { senior: "高级客户经理", intermediate: "中级客户经理", junior: "初级客户经理" };

/** A CM in good standing: deposits above base every month, growth, NPL, collection and accounts on target. */
function steadyCm(rand, { id, name, branch, grade, base, growth, npl = "0", collection = "0.997", accounts, income }) {
  const wiggle = MONTHS.map(() => String(Math.floor(rand() * 40) * 10000));
  const deposits = wiggle.map((w) => String(BigInt(base) + BigInt(base) / 5n + BigInt(w)));
  const annualRec = grade === "junior"
    ? annual({ newAvgDeposits: String(BigInt(base) / 5n), nplRatio: npl, collectionRate: collection, newBasicAccounts: accounts })
    : annual({ depositGrowth: growth, nplRatio: npl, collectionRate: collection, newBasicAccounts: accounts });
  return { id, name, branch, role: "客户经理", grade: GRADE_ZH[grade], history: [...monthly({ income, deposits, base }), annualRec] };
}

function extraManagers() {
  const rand = rng(2026);
  const list = [
    // Presidents of the two other branches.
    {
      id: "0102025", name: "卫十五", branch: "城南支行", role: "支行行长", grade: "中级客户经理",
      history: [
        // 2025 already below 90 points: a second bad year dismisses (H003-DISMISS-PRESIDENT-REPEAT).
        { period: "2025", avgDeposits: "90000000", baseDeposits: "80000000", depositPlan: "104000000", avgLoans: "30000000", interestDue: "1100000", nplRatio: "0.012", collectionRate: "0.993", feeIncomeGrowth: "0.08", newLoanCollectionRate: "1" },
        ...monthly({ income: "10200.00" }),
        annual({ avgDeposits: "99000000", baseDeposits: "90000000", depositPlan: "117000000", nplRatio: "0.011", collectionRate: "0.994", feeIncomeGrowth: "0.10" }),
      ],
    },
    {
      id: "0102031", name: "蒋十六", branch: "营业部", role: "营业部总经理", grade: "高级客户经理", openingRiskDeposit: "12000.00",
      history: [
        { period: "2025", avgDeposits: "210000000", baseDeposits: "170000000", depositPlan: "215000000", avgLoans: "60000000", interestDue: "2400000", nplRatio: "0", collectionRate: "0.998", feeIncomeGrowth: "0.22", newLoanCollectionRate: "1" },
        ...monthly({ income: "16800.00" }),
        annual({ avgDeposits: "280000000", baseDeposits: "210000000", nplRatio: "0.002", collectionRate: "0.999", feeIncomeGrowth: "0.26", tasks: [{ item: "存款", plan: "27300", actual: "28000" }] }),
      ],
    },
    // Deliberate problem: the text amount "1,2O0" in March (otherwise a steady junior).
    { ...steadyCm(rand, { id: "0103015", name: "孙十七", branch: "城南支行", grade: "junior", base: "10000000", accounts: "5", income: "5600.00" }), textAmountIn: "2026-03" },
    // Senior CM demoted one grade: 70 < score ≤ 85 (H003-DEMOTE-CM-SCORE).
    { id: "0103010", name: "沈十八", branch: "城南支行", role: "客户经理", grade: "高级客户经理", history: [...monthly({ income: "12600.00", deposits: "38000000", base: "34000000" }), annual({ depositGrowth: "0.25", nplRatio: "0.006", collectionRate: "0.995", newBasicAccounts: "8" })] },
    // Off post to collect: collection 99.2% (not below 99%, so no demotion; below 99.5%) (H003-RISK-OFFPOST-COLLECTION).
    { id: "0103011", name: "韩十九", branch: "城南支行", role: "客户经理", grade: "中级客户经理", history: [...monthly({ income: "8200.00", deposits: "27000000", base: "20000000" }), annual({ depositGrowth: "0.35", nplRatio: "0", collectionRate: "0.999", newLoanCollectionRate: "0.98", newBasicAccounts: "7" })] },
    // Deliberate problem: a 16-digit staff id, a number cell in the roster (Excel kept 15 digits).
    { ...steadyCm(rand, { id: "1020030000000017", name: "秦二十", branch: "营业部", grade: "intermediate", base: "20000000", growth: "0.34", accounts: "7", income: "8800.00" }), numberIdInRoster: "1020030000000010" },
    // Deliberate problem: deposit growth typed as 35 (meant 35%).
    { ...steadyCm(rand, { id: "0103016", name: "韩二十一", branch: "营业部", grade: "intermediate", base: "22000000", growth: "0.35", accounts: "6", income: "8400.00" }), percentTypoIn: "2026" },
    // Dismissal by a major violation flagged in August (H003-DISMISS-CM-CONDUCT).
    {
      ...steadyCm(rand, { id: "0103012", name: "杨二十二", branch: "城南支行", grade: "junior", base: "7000000", accounts: "5", income: "5100.00" }),
      flagsIn: { "2026-08": "重大违规违纪" },
    },
    // Promoted from junior to intermediate in July: the month's grade sets the risk-deposit cap (H003-RISKDEP-GRADE-CHANGE).
    {
      ...steadyCm(rand, { id: "0103013", name: "朱二十三", branch: "营业部", grade: "intermediate", base: "21000000", growth: "0.33", accounts: "6", income: "9600.00" }),
      monthGrades: { before: "2026-07", grade: "初级客户经理" },
    },
    // A senior who brings 16 000 元 of risk deposit from 2025 and reaches the 20 000 cap in March.
    { ...steadyCm(rand, { id: "0103014", name: "秦二十四", branch: "城东支行", grade: "senior", base: "40000000", growth: "0.37", accounts: "11", income: "14500.00" }), openingRiskDeposit: "16000.00" },
  ];
  // Steady CMs of every grade in every branch, and two more agents.
  const names = ["尤二十五", "许二十六", "何二十七", "吕二十八", "施二十九", "张三十", "孔三十一", "曹三十二", "严三十三", "华三十四", "金三十五", "魏三十六", "陶三十七", "姜三十八", "邹三十九", "喻四十", "戚四十一", "谢四十二"];
  const branches = ["城东支行", "城西支行", "城南支行", "营业部"];
  const grades = ["senior", "intermediate", "junior", "intermediate"];
  const bases = { senior: "36000000", intermediate: "18000000", junior: "6000000" };
  const incomes = { senior: "13200.00", intermediate: "8100.00", junior: "5000.00" };
  names.slice(0, 16).forEach((name, i) => {
    const grade = grades[i % 4];
    const growth = `0.3${1 + (i % 8)}`;
    list.push(steadyCm(rand, { id: `01030${String(30 + i)}`, name, branch: branches[i % 4], grade, base: bases[grade], growth, accounts: grade === "junior" ? "4" : String(6 + (i % 5)), income: incomes[grade] }));
  });
  list.push({ id: "0104002", name: names[16], branch: "城西支行", role: "业务代办员", history: [...monthly({ income: "3300.00" }), { period: "2026", avgDeposits: "6100000" }] });
  list.push({ id: "0104003", name: names[17], branch: "城南支行", role: "业务代办员", history: [...monthly({ income: "3450.00" }), { period: "2026", avgDeposits: "9100000" }] });
  return list;
}

const MONEY = "#,##0.00";
const RATE = "0.00%";

/** The record columns of 月度指标: header, how a value is written, cell format. */
const RECORD_COLUMNS = [
  { header: "月收入(元)", field: "income", write: num, numFmt: MONEY, width: 12 },
  { header: "日均存款(万元)", field: "avgDeposits", write: wan, numFmt: MONEY, width: 14 },
  { header: "基数存款(万元)", field: "baseDeposits", write: wan, numFmt: MONEY, width: 14 },
  { header: "存款计划(万元)", field: "depositPlan", write: wan, numFmt: MONEY, width: 14 },
  { header: "新增日均存款(万元)", field: "newAvgDeposits", write: wan, numFmt: MONEY, width: 16 },
  { header: "日均贷款(万元)", field: "avgLoans", write: wan, numFmt: MONEY, width: 14 },
  { header: "应收利息(元)", field: "interestDue", write: num, numFmt: MONEY, width: 14 },
  { header: "存款日均增长率", field: "depositGrowth", write: num, numFmt: RATE, width: 14 },
  { header: "不良贷款率", field: "nplRatio", write: num, numFmt: RATE, width: 11 },
  { header: "收贷收息率", field: "collectionRate", write: num, numFmt: RATE, width: 11 },
  { header: "当年新发放贷款收息率", field: "newLoanCollectionRate", write: num, numFmt: RATE, width: 18 },
  { header: "中间业务收入增长率", field: "feeIncomeGrowth", write: num, numFmt: RATE, width: 16 },
  { header: "新开基本账户", field: "newBasicAccounts", write: num, numFmt: "0", width: 12 },
  { header: "违规扣分", field: "conductDeductions", write: num, numFmt: "0", width: 9 },
];

function cityBank() {
  const managers = [...baseManagers(), ...extraManagers()];
  // Roster rows, with the duplicate 孙八 inserted near the end (a row copied when the roster was merged).
  const roster = managers.map((m) => [m.numberIdInRoster ? Number(m.numberIdInRoster) : m.id, m.name, m.branch, m.role, m.grade ?? "", m.openingRiskDeposit ? Number(m.openingRiskDeposit) : null]);
  roster.splice(roster.length - 2, 0, ["0103004", "孙捌", "城西支行", "客户经理", "初级客户经理", null]);

  const records = [];
  const tasks = [];
  for (const m of managers) {
    for (const rec of m.history) {
      const row = [m.id, m.name, rec.period];
      for (const c of RECORD_COLUMNS) {
        let v = c.write(rec[c.field]);
        if (c.field === "avgDeposits" && m.textAmountIn === rec.period) v = "1,2O0";
        if (c.field === "depositGrowth" && m.percentTypoIn === rec.period && v !== null) v = Number(shift(rec.depositGrowth, 2));
        row.push(v);
      }
      row.push(m.monthGrades && rec.period.length === 7 && rec.period < m.monthGrades.before ? m.monthGrades.grade : null);
      row.push(m.flagsIn?.[rec.period] ?? null);
      records.push(row);
      for (const t of rec.tasks ?? []) tasks.push([m.id, rec.period, t.item, Number(t.plan), Number(t.actual)]);
    }
  }

  // A few clients of the 营业部 and 城东 CMs (H003 does not score clients; the sheet shows the layout). Each is in
  // the band of its manager's grade (H003-CLIENT-BAND): senior CMs above 800万, the intermediate ones 500–800万.
  const clients = [
    ["0103001", "2026", "C0001", "华中机械有限公司", 1800, 0, null],
    ["0103001", "2026", "C0002", "江南纺织集团", 2600, 1200, null],
    ["0103014", "2026", "C0107", "东湖物流有限公司", 3100, 0, null],
    ["0103013", "2026", "C0203", "新港建材有限公司", 600, 450, "是"],
    ["1020030000000017", "2026", "C0311", "长江电子科技", 700, 0, null],
  ];

  return [
    {
      name: "说明",
      columns: [{ header: "城市商业银行客户经理考核样例工作簿(h003-city-bank)", width: 100 }],
      rows: [
        ["各表:花名册(人员)、月度指标(每人每期一行,含 2026 年各月与全年记录)、客户、任务、设置。"],
        ["金额按表头单位填写(万元、元),比率为百分比格式单元格(35% 即 0.35)。工号为文本。"],
        ["本工作簿故意保留 4 处数据问题,供「appraise grade」演示:文本金额 1,2O0、重复工号、16 位数字工号、增长率误填 35。"],
        ["考核:npx appraise grade assets/sample-city-bank.xlsx --period 2026"],
      ],
    },
    {
      name: "花名册",
      title: "客户经理花名册(2026 年)",
      columns: [
        { header: "工号", numFmt: "@", width: 18 }, { header: "姓名", width: 10 }, { header: "机构", width: 10 },
        { header: "角色", width: 14 }, { header: "等级", width: 14 }, { header: "风险金期初余额(元)", numFmt: MONEY, width: 18 },
      ],
      rows: roster,
    },
    {
      name: "月度指标",
      columns: [
        { header: "工号", numFmt: "@", width: 18 }, { header: "姓名", width: 10 }, { header: "期间", numFmt: "@", width: 9 },
        ...RECORD_COLUMNS.map((c) => ({ header: c.header, numFmt: c.numFmt, width: c.width })),
        { header: "等级", width: 14 }, { header: "事件", width: 14 },
      ],
      rows: records,
    },
    {
      name: "客户",
      columns: [
        { header: "工号", numFmt: "@", width: 18 }, { header: "期间", numFmt: "@", width: 8 }, { header: "客户编号", numFmt: "@", width: 10 },
        { header: "客户名称", width: 20 }, { header: "日均存款(万元)", numFmt: MONEY, width: 14 }, { header: "日均贷款(万元)", numFmt: MONEY, width: 14 },
        { header: "欠息", width: 6 },
      ],
      rows: clients,
    },
    {
      name: "任务",
      columns: [
        { header: "工号", numFmt: "@", width: 18 }, { header: "期间", numFmt: "@", width: 8 }, { header: "项目", width: 8 },
        { header: "计划(万元)", numFmt: MONEY, width: 12 }, { header: "完成(万元)", numFmt: MONEY, width: 12 },
      ],
      rows: tasks,
    },
    {
      name: "设置",
      columns: [{ header: "设置", width: 34 }, { header: "值", width: 18 }, { header: "说明", width: 60 }],
      rows: [
        ["规则集", "h003-city-bank", "内置规则集 id(appraise rulebooks 列出全部)"],
        ["考核期", "2026", "命令行 --period 优先"],
        ["h003.score.partialStep", "completedSteps", "规则集设置,可用 --set 覆盖(此处为默认值)"],
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Sample 2: b002-bank-grades. Grades are decided once a year from each manager's clients (客户 sheet, amounts in
// 万元 / 万美元), the year's main-indicator completion and appraisal result (事件), and the quarters of the year.

/** A client row: [id, name, deposits, previous-year deposits, loans, USD settlement, flag] in 万元 / 万美元; loans all normal. */
function b002Clients(id, period, list) {
  return list.map(([cid, name, dep, prev, loans, usd, npl]) => [
    id, period, cid, name, dep, prev, loans || null, loans || null, loans || null, usd || null, npl ? "是" : null,
  ]);
}

function bankGrades() {
  const quarters = ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
  // id, name, unit, role, grade, year values, events, clients, quarterly main-indicator completion (default 100%+)
  const people = [
    // Renewed: results support 二级, 称职, all indicators completed (B002-ANNUAL-DECISION row 4).
    { id: "0201001", name: "欧阳一", unit: "营业部", role: "客户经理", grade: "二级客户经理", main: "1.05", events: "年度考核称职",
      clients: [["C101", "华星电子", 2800, 2800, 9000, 500], ["C102", "江城建设", 2800, 2800, 6000], ["C103", "东风汽配", 2800, 2800, 6000], ["C104", "汉口商贸", 2800, 2800], ["C105", "长江物流", 2800, 2800], ["C106", "光谷软件", 2000, 0]] },
    // Promoted one grade: results support 高级, exam passed (B002-PROMOTE).
    { id: "0201002", name: "司马二", unit: "营业部", role: "客户经理", grade: "二级客户经理", main: "1.12", events: "年度考核称职、升等考试合格",
      clients: [["C201", "楚天集团", 12000, 9000], ["C202", "武钢配套", 8000, 6000, 16000, 1500], ["C203", "中南医药", 6000, 5500, 10000, 800], ["C204", "鄂东化工", 450, 300, 12000, 900]] },
    // Results support 一级 (the rule file's example) and the next grade needs 新增日均存款 500万 more.
    { id: "0201003", name: "上官三", unit: "营业部", role: "客户经理", grade: "一级客户经理", main: "1.02", events: "年度考核称职",
      clients: [["C301", "武汉港务", 12000, 10000], ["C302", "江汉石化", 8000, 6000, 16000, 1500], ["C303", "黄鹤楼酒业", 6000, 5500, 10000, 800], ["C304", "青山钢构", 450, 300, 12000, 900]] },
    // 三级 with deposits 7120万: 二级 needs 日均存款 380万 more (nextGrade).
    { id: "0201004", name: "诸葛四", unit: "城北支行", role: "客户经理", grade: "三级客户经理", main: "1.00", events: "年度考核称职",
      clients: [["C401", "北湖纸业", 3000, 3000], ["C402", "沌口电器", 2500, 2500], ["C403", "蔡甸农业", 1620, 1620]] },
    // Demoted: appointed 高级, results support only 三级 (B002-DEMOTE-TARGET).
    { id: "0201005", name: "东方五", unit: "城北支行", role: "客户经理", grade: "高级客户经理", main: "1.01", events: "年度考核称职",
      clients: [["C501", "盘龙城置业", 4000, 3000, 3000]] },
    // Floor missed (clients ≥ 50万 below 1500万): leaves the CM sequence (B002-FLOOR-FAIL-EXIT).
    { id: "0201006", name: "皇甫六", unit: "城北支行", role: "客户经理", grade: "三级客户经理", main: "1.00", events: "年度考核称职",
      clients: [["C601", "阳逻码头", 700, 700], ["C602", "新洲粮油", 500, 500], ["C603", "黄陂茶业", 250, 250], ["C604", "汉南渔业", 49.99, 49.99]] },
    // 基本称职: the seed gives no outcome → review (row 6).
    { id: "0201007", name: "尉迟七", unit: "营业部", role: "客户经理", grade: "三级客户经理", main: "1.00", events: "年度考核基本称职",
      clients: [["C701", "江夏水泥", 4000, 3000, 3000]] },
    // Main indicators 96% (< 100%): demote or exit, one grade down (row 2).
    { id: "0201008", name: "公孙八", unit: "城北支行", role: "客户经理", grade: "二级客户经理", main: "0.96", events: "年度考核称职",
      clients: [["C801", "汉阳机电", 2800, 2800, 9000, 500], ["C802", "武昌印务", 2800, 2800, 6000], ["C803", "洪山建材", 2800, 2800, 6000], ["C804", "硚口纺织", 2800, 2800], ["C805", "江岸食品", 2800, 2800], ["C806", "东西湖乳业", 2000, 0]] },
    // A deputy section chief who manages clients directly, graded like a CM.
    { id: "0201009", name: "慕容九", unit: "营业部", role: "直接管户的公司科副科长", grade: "三级客户经理", main: "1.03", events: "年度考核称职",
      clients: [["C901", "东湖高新", 4000, 3000, 3000]] },
    // A trainee graded on results for the next year like everyone else.
    { id: "0201010", name: "令狐十", unit: "城北支行", role: "客户经理", grade: "见习客户经理", main: "1.00", events: "年度考核称职",
      clients: [["C111", "后湖超市", 2000, 1500], ["C112", "常青花园物业", 2000, 1500]] },
    // An NPL at a client fails asset quality for every grade: current 二级 → down to 四级.
    { id: "0201011", name: "长孙十一", unit: "营业部", role: "客户经理", grade: "二级客户经理", main: "1.00", events: "年度考核称职",
      clients: [["C121", "古田机械", 2800, 2800, 9000, 500, "npl"], ["C122", "宗关水务", 2800, 2800, 6000], ["C123", "易家墩仓储", 2800, 2800, 6000], ["C124", "舵落口市场", 2800, 2800], ["C125", "额头湾物流", 2800, 2800], ["C126", "汉西建材", 2000, 0]] },
    // 优秀, results support 四级 only: the grade follows the results.
    { id: "0201012", name: "宇文十二", unit: "城北支行", role: "客户经理", grade: "四级客户经理", main: "1.10", events: "年度考核优秀",
      clients: [["C131", "光谷生物", 1500, 1000], ["C132", "庙山电子", 600, 600]] },
  ];
  const records = [];
  const clients = [];
  for (const p of people) {
    for (const q of quarters) records.push([p.id, p.name, q, null, Number(p.quarterly ?? "1.02"), null]);
    records.push([p.id, p.name, "2026", Number(p.main), Number(p.main), p.events]);
    clients.push(...b002Clients(p.id, "2026", p.clients));
  }
  return [
    {
      name: "说明",
      columns: [{ header: "银行客户经理等级评定样例工作簿(b002-bank-grades)", width: 100 }],
      rows: [
        ["等级按年度评定:客户表列出每位客户经理 2026 年的客户(万元、万美元),月度指标表给出各季度及全年主要业务指标完成率和年度考核结果(事件)。"],
        ["考核:npx appraise grade assets/sample-bank-grades.xlsx --period 2026"],
      ],
    },
    {
      name: "花名册",
      columns: [{ header: "工号", numFmt: "@", width: 12 }, { header: "姓名", width: 10 }, { header: "机构", width: 10 }, { header: "角色", width: 24 }, { header: "等级", width: 14 }],
      rows: people.map((p) => [p.id, p.name, p.unit, p.role, p.grade]),
    },
    {
      name: "月度指标",
      columns: [
        { header: "工号", numFmt: "@", width: 12 }, { header: "姓名", width: 10 }, { header: "期间", numFmt: "@", width: 9 },
        { header: "任务完成率", numFmt: RATE, width: 12 }, { header: "主要业务指标完成率", numFmt: RATE, width: 18 }, { header: "事件", width: 26 },
      ],
      rows: records,
    },
    {
      name: "客户",
      columns: [
        { header: "工号", numFmt: "@", width: 12 }, { header: "期间", numFmt: "@", width: 8 }, { header: "客户编号", numFmt: "@", width: 10 },
        { header: "客户名称", width: 14 }, { header: "日均存款(万元)", numFmt: MONEY, width: 14 }, { header: "上年日均存款(万元)", numFmt: MONEY, width: 18 },
        { header: "日均贷款(万元)", numFmt: MONEY, width: 14 }, { header: "五级分类贷款余额合计(万元)", numFmt: MONEY, width: 24 },
        { header: "正常类贷款余额(万元)", numFmt: MONEY, width: 18 }, { header: "国际结算量(万美元)", numFmt: MONEY, width: 18 },
        { header: "后三类贷款", width: 10 },
      ],
      rows: clients,
    },
    {
      name: "设置",
      columns: [{ header: "设置", width: 20 }, { header: "值", width: 20 }],
      rows: [["规则集", "b002-bank-grades"], ["考核期", "2026"]],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Sample 3: c000-credit-coop. A rural credit cooperative appraises every month on task completion (任务 sheet:
// plan and actual per item, in 万元); one letter a month describes each person's year: c = every item completed,
// m = deposits missed (95%), f = deposits below 30% (25%), - = no task that month.

const COOP_ITEMS = [["存款", 500], ["收回贷款", 300], ["收息", 40], ["股金", 60]];

function coopTasks(id, pattern) {
  const rows = [];
  [...pattern].forEach((ch, i) => {
    if (ch === "-") return;
    for (const [item, plan] of COOP_ITEMS) {
      let actual = String(plan + plan / 10);
      if (item === "存款" && ch === "m") actual = shift(String(plan * 95), -2);
      if (item === "存款" && ch === "f") actual = shift(String(plan * 25), -2);
      rows.push([id, MONTHS[i], item, plan, Number(actual)]);
    }
  });
  return rows;
}

function creditCoop() {
  // id, name, outlet, role, level, twelve months of 2026, per-month role changes
  const people = [
    { id: "0301001", name: "田大", unit: "城关信用社", role: "客户经理", grade: "二级客户经理", year: "cccccccccccc" },
    // Three missed months in a row (Oct–Dec) → demoted to general marketer (C000-DEMOTE-3M).
    { id: "0301002", name: "田二", unit: "城关信用社", role: "客户经理", grade: "三级客户经理", year: "cccccccccmmm" },
    // December deposits at 25% of plan (< 30%) → demoted at once (C000-DEMOTE-30PCT).
    { id: "0301003", name: "田三", unit: "城关信用社", role: "客户经理", grade: "三级客户经理", year: "cccccccccccf" },
    // Demoted after Jan–Mar, a general marketer from April; April–June completed → may apply to return (C000-REINSTATE).
    { id: "0301004", name: "田四", unit: "城关信用社", role: "客户经理", grade: "四级客户经理", year: "mmmcccmcmccc", roleFrom: ["2026-04", "一般营销员"] },
    // Missed months that never run to three: normal.
    { id: "0301005", name: "田五", unit: "东郊信用社", role: "客户经理", grade: "一级客户经理", year: "cmcmmcmmcmcc" },
    { id: "0301006", name: "田六", unit: "东郊信用社", role: "客户经理", grade: "五级客户经理", year: "cccccccccccc" },
    // A general marketer all year: already demoted, completing every month.
    { id: "0301007", name: "田七", unit: "东郊信用社", role: "一般营销员", grade: "", year: "cccccccccccc" },
    { id: "0301008", name: "田八", unit: "东郊信用社", role: "客户经理", grade: "二级客户经理", year: "ccccccccccmm" },
    // Roles outside the monthly cycle: the director and the counter staff.
    { id: "0301009", name: "田九", unit: "城关信用社", role: "信用社主任", grade: "一级客户经理", year: "cccccccccccc" },
    { id: "0301010", name: "田十", unit: "城关信用社", role: "一线临柜人员", grade: "", year: "------------" },
    { id: "0301011", name: "田十一", unit: "东郊信用社", role: "专项营销员", grade: "", year: "cccccccccccc" },
    { id: "0301012", name: "田十二", unit: "东郊信用社", role: "客户经理", grade: "四级客户经理", year: "ccmcmcmmcccc" },
    // Each coop's general service staff, one each (C000-SERVICE-STAFF-3), and a second counter in 城关: customer
    // managers stay within half of each coop's staff (C000-CM-SHARE-50: 4 of 9 in both).
    { id: "0301013", name: "田十三", unit: "城关信用社", role: "副主任", grade: "", year: "------------" },
    { id: "0301014", name: "田十四", unit: "城关信用社", role: "内部主任", grade: "", year: "------------" },
    { id: "0301015", name: "田十五", unit: "城关信用社", role: "一线临柜人员", grade: "", year: "------------" },
    { id: "0301016", name: "田十六", unit: "东郊信用社", role: "信用社主任", grade: "", year: "------------" },
    { id: "0301017", name: "田十七", unit: "东郊信用社", role: "副主任", grade: "", year: "------------" },
    { id: "0301018", name: "田十八", unit: "东郊信用社", role: "内部主任", grade: "", year: "------------" },
  ];
  const records = [];
  const tasks = [];
  for (const p of people) {
    MONTHS.forEach((m) => records.push([p.id, p.name, m, p.roleFrom && m >= p.roleFrom[0] ? p.roleFrom[1] : null]));
    tasks.push(...coopTasks(p.id, p.year));
  }
  return [
    {
      name: "说明",
      columns: [{ header: "农村信用社客户经理考核样例工作簿(c000-credit-coop)", width: 100 }],
      rows: [
        ["按月考核:任务表列出每人每月各项任务的计划与完成(万元);月度指标表每人每月一行,角色列记录当月角色的变化(降为一般营销员)。"],
        ["考核:npx appraise grade assets/sample-credit-coop.xlsx --period 2026-12"],
      ],
    },
    {
      name: "花名册",
      columns: [{ header: "工号", numFmt: "@", width: 12 }, { header: "姓名", width: 10 }, { header: "机构", width: 12 }, { header: "角色", width: 16 }, { header: "等级", width: 14 }],
      rows: people.map((p) => [p.id, p.name, p.unit, p.role, p.grade || null]),
    },
    {
      name: "月度指标",
      columns: [{ header: "工号", numFmt: "@", width: 12 }, { header: "姓名", width: 10 }, { header: "期间", numFmt: "@", width: 9 }, { header: "角色", width: 14 }],
      rows: records,
    },
    {
      name: "任务",
      columns: [
        { header: "工号", numFmt: "@", width: 12 }, { header: "期间", numFmt: "@", width: 9 }, { header: "项目", width: 10 },
        { header: "计划(万元)", numFmt: MONEY, width: 12 }, { header: "完成(万元)", numFmt: MONEY, width: 12 },
      ],
      rows: tasks,
    },
    {
      name: "设置",
      columns: [{ header: "设置", width: 20 }, { header: "值", width: 20 }],
      rows: [["规则集", "c000-credit-coop"], ["考核期", "2026-12"]],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------

const SAMPLES = [
  { file: "sample-city-bank.xlsx", build: cityBank },
  { file: "sample-bank-grades.xlsx", build: bankGrades },
  { file: "sample-credit-coop.xlsx", build: creditCoop },
];

async function main() {
  const at = process.argv.indexOf("--out");
  const dir = at > 0 ? path.resolve(process.argv[at + 1]) : path.resolve(__dirname, "../assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const s of SAMPLES) {
    const target = path.join(dir, s.file);
    await writeWorkbook(target, s.build());
    process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
  }
}

module.exports = { shift, SAMPLES };

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e.stack ?? e}\n`);
    process.exit(1);
  });
}
