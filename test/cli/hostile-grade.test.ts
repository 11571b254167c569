/**
 * `appraise grade` under hostile workbooks, in two layers:
 * 1. the workbook layer (src/workbook mapWorkbook), fed 10 000+ generated sheets as plain 2-D cell arrays — what a
 *    file reader or Excel's range.values gives: text numbers ("1,234.50", "¥", "１２３", "12万"), blanks, booleans,
 *    "#N/A", Date objects, "NaN"/"Infinity" text, huge and tiny numbers, 16+ digit ids, junk headers and title rows.
 *    It must never throw, never change the arrays it reads, put every cell problem at a `Sheet!A1` address, never
 *    show NaN/Infinity, and map to input that `appraise evaluate` accepts and appraises with finite results;
 * 2. the real commands on hostile files (a smaller number: .xlsx files are slow to write): truncated workbooks, bytes
 *    that are not a workbook, an empty file, a zip that is not a workbook, a zip bomb, encrypted and OLE files, cells
 *    holding huge numbers, error values, formulas without values, mistyped periods and hidden characters. grade
 *    exits 0 or 2 and validate 0, 1 or 2, every problem located (the file, or `Sheet!A1`), no NaN/Infinity on the
 *    terminal or in the results workbook, and the input file byte for byte unchanged.
 */
import fc from "fast-check";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { appraiseAll, resolveSettings } from "../../src/engine/api";
import { parseAppraisalInput } from "../../src/engine/input";
import { loadPreset } from "../../src/engine/rulebooks";
import { appraisalInputJson, mapWorkbook, UNCALCULATED, type CellValue, type WorkbookValues } from "../../src/workbook";
import { compoundFile, deflateBomb, zipOf } from "./hostile-files";
import { assertFinite, HOSTILE_NUMBERS, hostileText, LONG_TEXT, scaled, TIME_LIMIT } from "./hostile-values";
import { runCli } from "./run";

const SAMPLE = path.resolve(__dirname, "../../assets/sample-city-bank.xlsx");
const BOOKS = ["h003-city-bank", "b002-bank-grades", "c000-credit-coop"];

/** `月度指标!C7`, `'my sheet'!AA10`. */
const CELL = /^('(?:[^']|'')+'|[^!'\s]+)!\$?[A-Z]{1,3}\$?\d+$/;
/** Problems about a whole sheet (no table in it, a sheet skipped) or the workbook: the only ones without a cell. */
const SHEET_LEVEL = new Set(["noSheet", "ignoredSheet", "missingColumn"]);

// ---- cells ----

const goodId = fc.constantFrom("0103001", "0103002", "0103003", "1020030000000017");
const goodPeriod = fc.constantFrom("2026-01", "2026-02", "2026-03", "2026-12", "2026", "2025");
const goodNumber = fc.oneof(fc.integer({ min: 0, max: 2e8 }), fc.constantFrom(0.35, 0.998, 0, 12402.27, 5000));

const hostileCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: hostileText, weight: 6 },
  { arbitrary: fc.constantFrom<CellValue>(...HOSTILE_NUMBERS), weight: 3 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
  { arbitrary: fc.constantFrom<CellValue>(true, false, null, undefined, "", new Date(Date.UTC(2026, 0, 31)), new Date(Number.NaN), new Date(Date.UTC(1899, 11, 30))), weight: 2 },
  // Dates within Excel's calendar (1900-01-01 … 9999-12-31): a workbook cannot hold others.
  { arbitrary: fc.date({ noInvalidDate: true, min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)) }), weight: 1 },
  { arbitrary: fc.bigInt({ min: 10n ** 15n, max: 10n ** 18n }).map((b) => Number(b)), weight: 1 },
  // A formula saved without its value (the file reader's marker), and a cell longer than any message may quote.
  { arbitrary: fc.constantFrom<CellValue>(UNCALCULATED, LONG_TEXT), weight: 1 },
);

/** Mostly good cells of the column's kind, some hostile. */
const cellFor = (good: fc.Arbitrary<CellValue>) => fc.oneof({ arbitrary: good, weight: 2 }, { arbitrary: hostileCell, weight: 1 });

const RECORD_HEADERS = [
  "日均存款", "日均存款(万元)", "日均存款(亿元)", "月收入", "月收入(元)", "收贷收息率", "收贷收息率(%)", "不良贷款率", "新开基本账户", "存款余额",
  "基数存款", "存款日均增长率", "中间业务收入增长率", "违规扣分", "国际结算量(万美元)", "应收利息", "日均贷款", "等级", "角色", "事件", "欠息",
  "avgDeposits", "income", "nplRatio", "月收入(千万)", "籍贯", "日均存款", "任务完成率(全部任务)", "风险金期初余额",
];

/**
 * Staff ids are printed as written (results, summaries): an id typed as the text "NaN" is the user's own id, so the
 * id column (first in every table here) never holds those words.
 */
function textIdFirst(row: CellValue[]): CellValue[] {
  return typeof row[0] === "string" && /NaN|Infinity/.test(row[0]) ? ["0103009", ...row.slice(1)] : row;
}

function table(header: fc.Arbitrary<CellValue[]>, cell: (h: CellValue) => fc.Arbitrary<CellValue>, maxRows = 8): fc.Arbitrary<CellValue[][]> {
  return header.chain((h) =>
    fc.record({
      titles: fc.array(fc.array(hostileCell, { maxLength: 3 }), { maxLength: 2 }),
      rows: fc.array(fc.oneof({ arbitrary: fc.tuple(...h.map(cell)), weight: 6 }, { arbitrary: fc.array(hostileCell, { maxLength: h.length + 2 }), weight: 1 }, { arbitrary: fc.constant<CellValue[]>([]), weight: 1 }), { maxLength: maxRows }),
    }).map(({ titles, rows }) => [...titles, h, ...rows.map(textIdFirst)]),
  );
}

const columnCell = (h: CellValue): fc.Arbitrary<CellValue> => {
  switch (h) {
    case "工号": return cellFor(goodId);
    case "期间": return cellFor(goodPeriod);
    case "角色": return cellFor(fc.constantFrom("客户经理", "cm", "支行行长", "president", "业务代办员", "director"));
    case "等级": return cellFor(fc.constantFrom("中级客户经理", "junior", "senior", "grade2", "level1", "初级客户经理"));
    case "姓名": case "机构": return cellFor(fc.constantFrom("张三", "城东支行", ""));
    case "项目": return cellFor(fc.constantFrom("deposits", "存款", "loanRecovery", "收息", "shareCapital"));
    case "事件": return cellFor(fc.constantFrom("欠息", "interestArrears", "npl", ""));
    case "客户编号": return cellFor(fc.constantFrom("C001", "C002", "C003"));
    default: return cellFor(goodNumber);
  }
};

const workbookArb: fc.Arbitrary<WorkbookValues> = fc.record({
  roster: fc.option(table(fc.subarray(["姓名", "机构", "角色", "等级", "风险金期初余额"]).map((h) => ["工号", ...h]), columnCell, 6), { freq: 6 }),
  records: fc.option(table(fc.subarray(RECORD_HEADERS, { maxLength: 8 }).map((h) => ["工号", "期间", ...h]), columnCell), { freq: 8 }),
  clients: fc.option(table(fc.constant(["工号", "期间", "客户编号", "日均存款", "日均贷款", "欠息"]), columnCell, 5), { freq: 2 }),
  tasks: fc.option(table(fc.constant(["工号", "期间", "项目", "计划", "完成"]), columnCell, 5), { freq: 2 }),
  settings: fc.option(fc.array(fc.tuple(fc.constantFrom<CellValue>("规则集", "考核期", "h003.score.partialStep", "b002.boundary.yishang", "h003.offPost.date", "h003.riskDeposit.rate", "h003.payData.deadlineDay", "未知设置", ""), hostileCell), { maxLength: 3 }).map((rows) => rows.map((r) => [...r])), { freq: 3 }),
  extra: fc.option(fc.tuple(fc.constantFrom("Sheet1", "2026-01", "2026年3月", "说明", "考核结果 2026", "my sheet (2)"), fc.array(fc.array(hostileCell, { maxLength: 4 }), { maxLength: 4 })), { freq: 3 }),
}).map((w) => {
  const out: WorkbookValues = {};
  if (w.roster) out["花名册"] = w.roster;
  if (w.records) out["月度指标"] = w.records;
  if (w.clients) out["客户"] = w.clients;
  if (w.tasks) out["任务"] = w.tasks;
  if (w.settings) out["设置"] = w.settings;
  if (w.extra) out[w.extra[0]] = w.extra[1];
  return out;
});

/** The arrays as text, Dates by their time (an invalid Date is never equal to itself under toEqual). */
const snapshot = (wb: WorkbookValues) =>
  JSON.stringify(wb, function (this: Record<string, unknown>, k, v) {
    const raw = this[k];
    if (raw instanceof Date) return `Date:${raw.getTime()}`;
    return v === undefined ? "undefined" : v;
  });

describe("the workbook layer under hostile cells (mapWorkbook)", () => {
  it(`${scaled(10000)} generated workbooks: no throw, arrays untouched, problems at cells, input evaluate accepts, finite results`, () => {
    const seen = { problems: 0, appraised: 0 };
    fc.assert(
      fc.property(workbookArb, fc.constantFrom(...BOOKS), fc.constantFrom("2026", "2026-01", "2026-12"), (wb, id, period) => {
        const book = loadPreset(id);
        const before = snapshot(wb);
        const mapped = mapWorkbook(wb, { book, period });
        expect(snapshot(wb)).toBe(before);
        for (const p of mapped.problems) {
          seen.problems++;
          const sheetLevel = SHEET_LEVEL.has(p.code) && (p.address === "" ? p.code === "noSheet" : p.address === p.sheet || p.address === `'${p.sheet}'`);
          if (!sheetLevel && !CELL.test(p.address)) throw new Error(`${p.code} without a cell: "${p.address}" ${p.zh}`);
          assertFinite(`${p.zh}\n${p.en}\n${p.suggested ?? ""}`, `problem ${p.code} at ${p.address}`);
        }
        const json = appraisalInputJson(mapped.input);
        const text = JSON.stringify(json);
        assertFinite(text, "mapped input");
        // What the workbook layer maps is input `appraise evaluate` accepts as it is.
        const parsed = parseAppraisalInput(JSON.parse(text));
        if (!parsed.ok) throw new Error(`mapped input rejected by the JSON reader: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
        const settings = resolveSettings(book, mapped.input.settings ?? {});
        if (settings.ok && mapped.input.managers.length > 0) {
          seen.appraised++;
          assertFinite(JSON.stringify(appraiseAll(book, settings.value, mapped.input).output), "results");
        }
      }),
      { numRuns: scaled(10000) },
    );
    expect(seen.problems).toBeGreaterThan(0);
    expect(seen.appraised).toBeGreaterThan(0);
  }, TIME_LIMIT);
});

// ---- files ----

/** A workbook written by exceljs from cell arrays (hostile values included; the marker as a formula without its value). */
async function xlsxOf(sheets: Record<string, CellValue[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r.map((v) => (v === undefined ? null : v === UNCALCULATED ? { formula: "1+1" } : v)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** Every text and number in a results workbook, to look for NaN and Infinity. */
async function outputText(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const parts: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
    const v = c.value;
    if (typeof v === "number" && !Number.isFinite(v)) parts.push(String(v));
    else parts.push(typeof v === "object" && v !== null && !(v instanceof Date) ? JSON.stringify(v) : String(v));
  })));
  return parts.join("\n");
}

describe("appraise grade on hostile files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-grade-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`${scaled(50, 4)} hostile files: exit 0 or 2, located problems, no NaN/Infinity, input unchanged`, async () => {
    const sample = fs.readFileSync(SAMPLE);
    const fixed: Array<[string, Buffer]> = [
      ["empty", Buffer.alloc(0)],
      ["text", Buffer.from("工号,期间,日均存款\n0103001,2026-01,1,234.50\n")],
      ["html", Buffer.from("<html><table><tr><td>1</td></tr></table></html>")],
      ["zip-not-xlsx", zipOf([{ name: "readme.txt", data: Buffer.from("not a workbook") }, { name: "data/1.csv", data: Buffer.from("a,b\n1,2") }])],
      ["zip-fake-content-types", zipOf([{ name: "[Content_Types].xml", data: Buffer.from("<Types/>") }, { name: "xl/workbook.xml", data: Buffer.from("<workbook>") }])],
      ["zip-empty", zipOf([])],
      ["zip-encrypted-part", zipOf([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>"), flags: 1 }])],
      ["zip-bomb", zipOf([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }, { name: "xl/worksheets/sheet1.xml", deflated: deflateBomb(Buffer.alloc(1 << 20, 0x20), 300), size: 300 << 20 }])],
      ["ole-encrypted", compoundFile({ EncryptionInfo: Buffer.from([4, 0, 4, 0]), EncryptedPackage: Buffer.alloc(5000, 1) })],
      ["ole-xls", compoundFile({ Workbook: Buffer.alloc(5000, 9) })],
      ["pdf", Buffer.from("%PDF-1.4\n")],
      ["sample-first-byte-only", sample.subarray(0, 1)],
      ["sample-half", sample.subarray(0, Math.floor(sample.length / 2))],
      ["sample-last-byte-cut", sample.subarray(0, sample.length - 1)],
      ["sample-flipped", Buffer.from(sample.map((b, i) => (i % 997 === 500 ? b ^ 0xff : b)))],
    ];
    const generated = fc.sample(
      fc.oneof(
        // Truncated or corrupted copies of a real workbook.
        fc.tuple(fc.nat({ max: sample.length - 1 }), fc.boolean()).map(([n, flip]) => ["cut", flip ? Buffer.from(sample.map((b, i) => (i >= n && i < n + 64 ? (b + 1) & 0xff : b))) : sample.subarray(0, n)] as const),
        // Random bytes, sometimes behind a zip signature.
        fc.uint8Array({ maxLength: 2048 }).map((a) => ["bytes", Buffer.concat([Buffer.from(a.length % 2 ? "PK\u0003\u0004" : ""), Buffer.from(a)])] as const),
        // Real workbooks full of hostile cells (huge numbers, error values, dates, 16+ digit ids …).
        workbookArb.map((wb) => ["cells", wb] as const),
      ),
      { numRuns: scaled(50, 4) - fixed.length, seed: 7 },
    );
    const files: Array<[string, Buffer]> = [...fixed];
    for (const [kind, content] of generated) files.push([kind, Buffer.isBuffer(content) ? content : await xlsxOf(content as Record<string, CellValue[][]>)]);
    // One workbook that is valid but extreme: numbers at the edge of a double, errors, a 16-digit id as a number.
    files.push(["extreme", await xlsxOf({
      花名册: [["工号", "姓名", "机构", "角色", "等级"], ["0103001", "张三", "城东支行", "客户经理", "中级客户经理"], [1020030000000016, "李四", "城东支行", "客户经理", "初级客户经理"]],
      月度指标: [["工号", "期间", "日均存款", "月收入", "收贷收息率"], ["0103001", "2026-01", 1.7976931348623157e308, 5e-324, "#N/A"], ["0103001", "2026", 1e21, "1,234.50", 99.6], [1020030000000016, "2026-02", "１２３", "12万", "NaN"]],
    })]);
    // One as scripts and clerks make them: formulas without values, periods typed 2026.05 and 0226-05, hidden characters.
    files.push(["script-made", await xlsxOf({
      花名册: [["工号", "姓名", "机构", "角色", "等级"], ["0103001\u200b", "张三", "城东支行", UNCALCULATED, "中级客户经理"], ["0103002", LONG_TEXT, "城东支行", "客户经理", ""]],
      月度指标: [["工号", "期间", "日均存款(万元)", "违规扣分"], ["0103001", 2026.05, UNCALCULATED, 0], ["0103002", "0226-05", 1e308, UNCALCULATED], ["0103002", 2026.1, 1, 1], [UNCALCULATED, 46022.67, 1, 1]],
    })]);

    const codes: Record<number, number> = {};
    /** Every stderr line names its place: `file: message` for a file that cannot be read; `Sheet!A1: 错误 …`, `花名册: 警告 …` or `工作簿: …` for the data. */
    const located = (what: string, file: string, text: string) => {
      for (const line of text.split("\n").filter((l) => l !== "")) {
        const where = line.startsWith(file) ? file : line.slice(0, line.indexOf(": "));
        if (!(where === file || where === "工作簿" || CELL.test(where) || /^[^!:]+$/.test(where))) throw new Error(`${what}: a problem without a location: ${line}`);
      }
    };
    for (const [i, [kind, bytes]] of files.entries()) {
      const file = path.join(dir, `in-${i}.xlsx`);
      fs.writeFileSync(file, bytes);
      const before = sha(fs.readFileSync(file));
      const out = path.join(dir, `out-${i}.xlsx`);
      const run = await runCli(["grade", file, "--period", "2026", "--rulebook", "h003-city-bank", "-o", out, "--quiet"]);
      const what = `${kind} #${i}`;
      codes[run.code] = (codes[run.code] ?? 0) + 1;
      if (run.code !== 0 && run.code !== 2) throw new Error(`${what}: exit ${run.code}\n${run.stderr.slice(0, 1500)}`);
      assertFinite(run.stdout, `${what} stdout`);
      assertFinite(run.stderr, `${what} stderr`);
      located(what, file, run.stderr);
      if (run.code === 2) expect(run.stdout).toBe("");
      if (run.code === 0) assertFinite(await outputText(out), `${what} results workbook`);
      // validate reads the same file the same way: 0 or 1 with every finding at its place, or 2 with the reason.
      const checked = await runCli(["validate", file, "--period", "2026", "--rulebook", "h003-city-bank", "--quiet"]);
      if (![0, 1, 2].includes(checked.code)) throw new Error(`${what}: validate exit ${checked.code}\n${checked.stderr.slice(0, 1500)}`);
      if (checked.code === 2) expect([what, checked.stdout]).toEqual([what, ""]);
      else located(what, file, checked.stdout.split("\n").slice(0, -3).join("\n"));
      located(what, file, checked.stderr);
      assertFinite(checked.stdout + checked.stderr, `${what} validate`);
      // A file grade cannot use is one validate cannot check, or finds errors in; one grade reads, validate reads too.
      expect([what, run.code === 2 ? [1, 2].includes(checked.code) : [0, 1].includes(checked.code)]).toEqual([what, true]);
      expect(sha(fs.readFileSync(file))).toBe(before);
    }
    expect(codes[2]).toBeGreaterThan(0);
    expect(codes[0]).toBeGreaterThan(0);
  }, TIME_LIMIT);
});
