/**
 * The streaming reader (src/cli/xlsx/streamRead.ts) gives, cell for cell, what ExcelJS's in-memory readFile gives
 * (test/cli/xlsx/excelReference.ts): on the sample workbooks, on a workbook ExcelJS writes with every kind of cell,
 * on the same workbook saved again by LibreOffice Calc, and on parts written by hand the way other programs write
 * them (no cell addresses, prefixed tags, rich inline text, phonetic runs, the 1904 date system).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readWorkbookFile } from "../../../src/cli/xlsx/read";
import { UNCALCULATED } from "../../../src/workbook";
import { tempDir } from "../grade-helpers";
import { readWithExcelJS } from "./excelReference";

const ROOT = path.resolve(__dirname, "../../..");

async function streamed(file: string) {
  const read = await readWorkbookFile(file);
  if (!read.ok) throw new Error(`${read.zh} / ${read.en}`);
  return { values: read.values, khjlFormulas: read.khjlFormulas };
}

/** A workbook with each kind of cell a branch file holds, written by ExcelJS. */
async function everyKindOfCell(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("月度指标");
  ws.addRow(["工号", "姓名", "日均存款(万元)", "入职日期", "是否", "考核得分", "等级"]);
  ws.addRow(["0101", "张三", 1234.5, new Date(Date.UTC(2024, 2, 15)), true, { formula: "KHJL.SCORE(A1:E1,A2:E2)", result: 88 }, { formula: "_xldudf_KHJL_GRADE(A1:E1,A2:E2)", result: "中级客户经理" }]);
  ws.addRow(["0102", { richText: [{ text: "李" }, { text: "四", font: { bold: true } }] }, { formula: "1/0", result: { error: "#DIV/0!" } }, { formula: "DATE(2025,1,2)", result: new Date(Date.UTC(2025, 0, 2)) }, { formula: "1=1", result: true }, { formula: "SUM(C2:C3)" } as ExcelJS.CellFormulaValue, { error: "#N/A" }]);
  ws.getCell("D2").numFmt = "yyyy-mm-dd";
  ws.getCell("D3").numFmt = "yyyy\"年\"m\"月\"d\"日\"";
  ws.getCell("A5").value = { text: "说明", hyperlink: "https://example.com" };
  ws.getCell("J5").value = 0.035;
  ws.getCell("J5").numFmt = "0.00%";
  ws.getCell("C6").value = "";
  ws.getCell("B7").value = -0;
  ws.mergeCells("A9:C10");
  ws.getCell("A9").value = "存款(万元)";
  for (let r = 12; r <= 14; r++) ws.getCell(`B${r}`).value = r * 1.1; // int: row number
  ws.getCell("C12").value = { formula: "KHJL.GRADE(B12)", result: "初级客户经理", shareType: "shared", ref: "C12:C14" } as unknown as ExcelJS.CellValue;
  ws.getCell("C13").value = { sharedFormula: "C12", result: "中级客户经理" } as unknown as ExcelJS.CellValue;
  ws.getCell("C14").value = { sharedFormula: "C12", result: "高级客户经理" } as unknown as ExcelJS.CellValue;
  const roster = wb.addWorksheet("花名册");
  roster.addRow(["工号", "角色"]);
  roster.addRow([101, "客户经理"]);
  wb.addWorksheet("空表");
  await wb.xlsx.writeFile(file);
}

describe("the streaming reader reads what ExcelJS's readFile reads", () => {
  it.each(["sample-city-bank.xlsx", "sample-bank-grades.xlsx", "sample-credit-coop.xlsx"])("assets/%s", async (name) => {
    const file = path.join(ROOT, "assets", name);
    const [s, r] = [await streamed(file), await readWithExcelJS(file)];
    expect(Object.keys(s.values)).toEqual(Object.keys(r.values));
    expect(s.values).toEqual(r.values);
    expect(s.khjlFormulas).toBe(r.khjlFormulas);
  });

  it("a workbook with every kind of cell, as ExcelJS writes it", async () => {
    const file = path.join(tempDir("stream-"), "every.xlsx");
    await everyKindOfCell(file);
    const [s, r] = [await streamed(file), await readWithExcelJS(file)];
    expect(s.values).toEqual(r.values);
    expect(s.khjlFormulas).toBe(r.khjlFormulas);
    // The figures themselves, not only the agreement.
    const sheet = s.values["月度指标"];
    expect(sheet[1].slice(0, 7)).toEqual(["0101", "张三", 1234.5, new Date(Date.UTC(2024, 2, 15)), true, 88, "中级客户经理"]);
    expect(sheet[2]).toEqual(["0102", "李四", "#DIV/0!", new Date(Date.UTC(2025, 0, 2)), true, UNCALCULATED, "#N/A"]);
    expect(sheet[8]).toEqual(["存款(万元)", "", ""]);
    expect(sheet[9]).toEqual(["", "", ""]);
    expect(sheet[13]).toEqual(["", 14 * 1.1, "高级客户经理"]);
    expect(s.khjlFormulas).toBe(5);
    expect(s.values["花名册"]).toEqual([["工号", "角色"], [101, "客户经理"]]);
    expect(s.values["空表"]).toEqual([]);
  });

  it("the same workbook saved again by LibreOffice Calc", async () => {
    const dir = tempDir("stream-lo-");
    const source = path.join(dir, "every.xlsx");
    await everyKindOfCell(source);
    const out = path.join(dir, "out");
    execFileSync(
      "soffice",
      ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(dir, "profile")}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, source],
      { env: { ...process.env, HOME: dir }, stdio: "pipe", timeout: 110_000 },
    );
    const file = path.join(out, "every.xlsx");
    const [s, r] = [await streamed(file), await readWithExcelJS(file)];
    expect(s.values).toEqual(r.values);
    expect(s.values["月度指标"][1].slice(0, 3)).toEqual(["0101", "张三", 1234.5]);
  }, 120_000);
});

/** An .xlsx assembled from hand-written parts: what other programs (report scripts, WPS, Japanese Excel) write. */
async function handWritten(file: string, sheetXml: string, opts: { sharedStrings?: string; styles?: string; date1904?: boolean } = {}): Promise<void> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr${opts.date1904 ? ' date1904="1"' : ""}/><x:sheets><x:sheet name="数据" sheetId="1" rel:id="rId7"/></x:sheets></x:workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>${opts.sharedStrings ? '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ""}${opts.styles ? '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : ""}</Relationships>`);
  zip.file("xl/worksheets/sheet1.xml", `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheetXml}</x:sheetData></x:worksheet>`);
  if (opts.sharedStrings) zip.file("xl/sharedStrings.xml", `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.sharedStrings}</sst>`);
  if (opts.styles) zip.file("xl/styles.xml", `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.styles}</styleSheet>`);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

describe("parts as other programs write them", () => {
  it("rows and cells without addresses, prefixed tags, rich inline text and phonetic runs", async () => {
    const file = path.join(tempDir("stream-hand-"), "hand.xlsx");
    await handWritten(
      file,
      `<x:row><x:c t="inlineStr"><x:is><x:r><x:t>日均</x:t></x:r><x:r><x:t>存款</x:t></x:r></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>12.50</x:v></x:c></x:row>` +
        `<x:row r="3"><x:c r="B3" t="str"><x:v>文本</x:v></x:c><x:c r="D3" t="b"><x:v>0</x:v></x:c><x:c r="E3"><x:f>A1</x:f><x:v></x:v></x:c></x:row>`,
      { sharedStrings: `<si><t>王</t><rPh sb="0" eb="1"><t>ワン</t></rPh></si>` },
    );
    const s = await streamed(file);
    expect(s.values["数据"]).toEqual([["日均存款", "王", 12.5], [], ["", "文本", "", false, UNCALCULATED]]);
  });

  it("a formula's error and TRUE/FALSE results keep their kind (never a number)", async () => {
    const file = path.join(tempDir("stream-hand-"), "results.xlsx");
    await handWritten(file, `<x:row r="1"><x:c r="A1" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="B1" t="b"><x:f>1=1</x:f><x:v>1</x:v></x:c><x:c r="C1" t="str"><x:f>"a"</x:f><x:v>a</x:v></x:c><x:c r="D1"><x:f>SUM(1)</x:f></x:c></x:row>`);
    const s = await streamed(file);
    expect(s.values["数据"]).toEqual([["#DIV/0!", true, "a", UNCALCULATED]]);
  });

  it("dates in the 1904 system, custom date formats and the built-in Chinese date format (id 31)", async () => {
    const file = path.join(tempDir("stream-hand-"), "dates.xlsx");
    await handWritten(file, `<x:row r="1"><x:c r="A1" s="1"><x:v>45000</x:v></x:c><x:c r="B1" s="2"><x:v>45000</x:v></x:c><x:c r="C1" s="3"><x:v>45000</x:v></x:c><x:c r="D1"><x:v>45000</x:v></x:c></x:row>`, {
      date1904: true,
      styles: `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;mm&quot;月&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="31"/></cellXfs>`,
    });
    const s = await streamed(file);
    const day = new Date(Math.round((45000 - 25569 + 1462) * 86400000)); // int: a serial day in the 1904 system
    expect(s.values["数据"]).toEqual([[day, day, day, 45000]]);
  });

  it("a damaged sheet is a message, not a crash", async () => {
    const file = path.join(tempDir("stream-hand-"), "damaged.xlsx");
    await handWritten(file, `<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c>`);
    const read = await readWorkbookFile(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.zh).toMatch(/无法读取工作簿/);
  });
});
