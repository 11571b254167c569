/**
 * Files that are not a readable workbook, named .xlsx all the same: each is refused with exit 2 and what the file is
 * and what to do, in grade and validate alike — never jszip's "Can't find end of central directory". (An .xls, .ods,
 * CSV or HTML table under an .xlsx name is read as what it is: test/cli/grade-formats.test.ts.) A workbook
 * too large to read (by its size on disk, the size its parts unpack to, its rows or cells) is refused before ExcelJS
 * loads it, whatever sizes its zip directory claims. A workbook in which no table is found is exit 2 as well.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { WORKBOOK_LIMITS } from "../../src/cli/xlsx/limits";
import { readWorkbookFile } from "../../src/cli/xlsx/read";
import { runCli } from "./run";
import { cmRow, ROSTER_HEADER, tempDir, writeWorkbook } from "./grade-helpers";
import { compoundFile, deflateBomb, sheetXml, workbookWith, zipOf } from "./hostile-files";

const H003 = ["--period", "2026", "--rulebook", "h003-city-bank", "--today", "2026-12-07"];
const SAMPLE = path.resolve(__dirname, "../../assets/sample-credit-coop.xlsx");

/** Runs grade and validate on `file`: both must refuse it with exit 2, the message at the file, nothing written. */
async function refused(file: string, message: RegExp): Promise<void> {
  const dir = path.dirname(file);
  const before = fs.readdirSync(dir).sort();
  for (const command of ["grade", "validate"]) {
    const run = await runCli([command, file, ...H003]);
    expect([command, run.code, run.stdout]).toEqual([command, 2, ""]);
    expect(run.stderr.startsWith(`${file}: `)).toBe(true);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/central directory|jszip|internal error|at .*\.js:\d+/i);
  }
  expect(fs.readdirSync(dir).sort()).toEqual(before);
}

describe("files that are not a readable workbook", () => {
  const dir = tempDir("kinds-");
  const file = (name: string, bytes: Buffer) => {
    const p = path.join(fs.mkdtempSync(path.join(dir, "k-")), name);
    fs.writeFileSync(p, bytes);
    return p;
  };

  it("an empty file", () => refused(file("空.xlsx", Buffer.alloc(0)), /文件是空的\(0 字节\).*the file is empty/));

  it("a password-protected workbook (an OLE file with EncryptionInfo and EncryptedPackage): remove the password", async () => {
    const encrypted = compoundFile({ EncryptionInfo: Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: Buffer.alloc(6000, 7) });
    await refused(file("加密.xlsx", encrypted), /工作簿设置了打开密码\(已加密\).*清除密码.*the workbook is protected with a password/);
  });

  it.each<[string, Buffer, RegExp]>([
    ["an XML file that is no spreadsheet", Buffer.from('<?xml version="1.0"?><config><a>1</a></config>'), /这是 XML 文件,但不是可读取的表格/],
    ["a PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"), /PDF 文件/],
    ["a zip that is not a workbook", zipOf([{ name: "readme.txt", data: Buffer.from("hello") }]), /zip 压缩包,但不是 Excel 工作簿/],
    ["a Word document", zipOf([{ name: "[Content_Types].xml", data: Buffer.from("<Types/>") }, { name: "word/document.xml", data: Buffer.from("<w:document/>") }]), /Word 文档/],
    ["a damaged .xlsb", zipOf([{ name: "xl/workbook.bin", data: Buffer.from([1, 2, 3]) }]), /无法读取这个Excel 二进制工作簿\(\.xlsb\)|二进制工作簿\(\.xlsb\)/],
    ["a zip with encrypted parts", zipOf([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>"), flags: 1 }]), /zip 密码/],
    ["a workbook cut short (no zip directory)", fs.readFileSync(SAMPLE).subarray(0, 4000), /文件不完整或已损坏/],
  ])("%s", (_name, bytes, message) => refused(file("book.xlsx", bytes), message));

  it("a folder named .xlsx", async () => {
    const folder = path.join(dir, "folder.xlsx");
    fs.mkdirSync(folder);
    for (const command of ["grade", "validate"]) {
      const run = await runCli([command, folder, ...H003]);
      expect([run.code, run.stderr]).toEqual([2, `${folder}: 这是一个文件夹,不是工作簿 / this is a folder, not a workbook\n`]);
    }
  });
});

describe("workbooks too large to read, refused before ExcelJS loads them", () => {
  const dir = tempDir("limits-");
  let source: string;
  beforeAll(async () => {
    source = await writeWorkbook(path.join(dir, "source.xlsx"), { 花名册: [ROSTER_HEADER, cmRow("0103001")] });
  });

  it("a 1 MB file whose sheet unpacks to over 256 MB, with its true size declared", async () => {
    const chunk = Buffer.from(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`.repeat(25_000));
    const times = Math.ceil((WORKBOOK_LIMITS.inflatedBytes + 1) / chunk.length);
    const bomb = await workbookWith(source, path.join(dir, "bomb-honest.xlsx"), { "xl/worksheets/sheet1.xml": { deflated: deflateBomb(chunk, times), size: chunk.length * times } });
    expect(fs.statSync(bomb).size).toBeLessThan(2_000_000);
    await refused(bomb, /工作簿解压后超过 256\.0 MB.*above the limit/);
  });

  it("the same bomb with a forged small size in its directory: the unpacked bytes are counted", async () => {
    const chunk = Buffer.from(`<c r="A1"/>`.repeat(100_000));
    const times = Math.ceil((WORKBOOK_LIMITS.inflatedBytes + 1) / chunk.length);
    const bomb = await workbookWith(source, path.join(dir, "bomb-forged.xlsx"), { "xl/worksheets/sheet1.xml": { deflated: deflateBomb(chunk, times), size: 1000 } });
    const read = await readWorkbookFile(bomb);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.en).toMatch(/unpacks to more than 256\.0 MB|more than 5,000,000 cells/);
  }, 60_000);

  it(`more than ${WORKBOOK_LIMITS.rows.toLocaleString("en-US")} rows`, async () => {
    const rows = Array.from({ length: WORKBOOK_LIMITS.rows + 1 }, (_, i) => `<row r="${i + 1}"/>`).join("");
    const many = await workbookWith(source, path.join(dir, "rows.xlsx"), { "xl/worksheets/sheet1.xml": { data: Buffer.from(sheetXml(rows)) } });
    await refused(many, /工作簿超过 300,000 行\(所有工作表合计\).*more than 300,000 rows/);
  });

  it(`more than ${WORKBOOK_LIMITS.cells.toLocaleString("en-US")} cells`, async () => {
    const chunk = Buffer.from(`<c r="B2"><v>1</v></c>`.repeat(10_000));
    const times = Math.ceil((WORKBOOK_LIMITS.cells + 1) / 10_000);
    const head = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2">`;
    const xml = Buffer.concat([Buffer.from(head), chunk]);
    const many = await workbookWith(source, path.join(dir, "cells.xlsx"), { "xl/worksheets/sheet1.xml": { deflated: Buffer.concat([deflateBomb(xml, 1).subarray(0, -2), deflateBomb(chunk, times - 1)]), size: xml.length + chunk.length * (times - 1) } });
    await refused(many, /工作簿超过 5,000,000 个单元格/);
  }, 60_000);

  it("a file above 64 MB on disk", async () => {
    const big = path.join(fs.mkdtempSync(path.join(dir, "b-")), "big.xlsx");
    fs.writeFileSync(big, zipOf([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }]));
    fs.truncateSync(big, WORKBOOK_LIMITS.fileBytes + 1);
    await refused(big, /文件有 64\.0 MB,超过可读取的上限 64\.0 MB/);
  });
});

describe("a workbook in which no table is read", () => {
  it("headers renamed (no staff-id column): exit 2 with the reason, nothing written", async () => {
    const dir = tempDir();
    const file = await writeWorkbook(path.join(dir, "renamed.xlsx"), {
      人员: [["编号", "名字", "部门"], ["0103001", "张三", "城东支行"]],
      指标: [["编号", "月份", "存款"], ["0103001", "2026-01", 1200]],
    });
    const run = await runCli(["grade", file, ...H003]);
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toContain("工作簿: 错误 工作簿中没有可读取的花名册或月度指标表");
    expect(run.stderr.trim().split("\n").pop()).toBe(`${file}: 工作簿中没有读到任何客户经理(需要含「工号」列的花名册或月度指标表,原因见上),未写出结果 / no manager was read from the workbook (a roster or records table with a staff-id column is needed; see above); no output written`);
    expect(fs.readdirSync(dir)).toEqual(["renamed.xlsx"]);
    const validate = await runCli(["validate", file, ...H003]);
    expect([validate.code, validate.stdout]).toEqual([2, ""]);
    expect(validate.stderr).toContain("no manager was read from the workbook");
  });

  it("every manager unusable (a role the rulebook does not know): exit 2, nothing written", async () => {
    const dir = tempDir();
    const file = await writeWorkbook(path.join(dir, "roles.xlsx"), { 花名册: [ROSTER_HEADER, ["0103001", "张三", "城东支行", "柜员", ""]], 月度指标: [["工号", "期间", "月收入"], ["0103001", "2026-01", 5000]] });
    const run = await runCli(["grade", file, ...H003]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n").pop()).toMatch(/工作簿中的 1 名客户经理均无法考核\(原因见上\),未写出结果/);
    expect(fs.readdirSync(dir)).toEqual(["roles.xlsx"]);
  });
});
