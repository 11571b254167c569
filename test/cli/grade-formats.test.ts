/**
 * Every format a branch has gives the same appraisal as its .xlsx: the sample workbook saved by LibreOffice Calc as
 * Excel 97-2003 (.xls) and OpenDocument (.ods), and a records table exported as CSV in UTF-8 and in GBK (as Chinese
 * Excel saves "CSV (逗号分隔)"). Each file is graded with `appraise grade`; the appraisal input it was read into
 * (`--input-json`) and the results sheet equal those of the .xlsx. LibreOffice runs with a throw-away profile and HOME.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { readXlsx } from "../../src/cli/xlsx/read";
import { decodeText, typedText } from "../../src/cli/xlsx/otherFormats";
import { runCli } from "./run";
import { tempDir, writeWorkbook } from "./grade-helpers";

const SAMPLE = path.resolve(__dirname, "../../assets/sample-city-bank.xlsx");
const H003 = ["--period", "2026", "--rulebook", "h003-city-bank", "--today", "2026-12-07"];

/** LibreOffice converts `file` with the given filter into `dir`; returns the new file. */
function convert(file: string, dir: string, filter: string, ext: string): string {
  const out = path.join(dir, `out-${ext}`);
  execFileSync(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(dir, "profile")}`, "--convert-to", `${ext}:${filter}`, "--outdir", out, file],
    { env: { ...process.env, HOME: dir }, stdio: "pipe", timeout: 110_000 },
  );
  const made = path.join(out, `${path.basename(file, path.extname(file))}.${ext}`);
  expect(fs.existsSync(made)).toBe(true);
  return made;
}

/** Grades `file`; returns the appraisal input it was read into and the results sheet's rows. */
async function grade(file: string, dir: string, name: string): Promise<{ input: { managers: unknown[] }; results: unknown[][]; stderr: string }> {
  const json = path.join(dir, `${name}.json`);
  const out = path.join(dir, `${name}-results.xlsx`);
  const run = await runCli(["grade", file, ...H003, "--input-json", json, "-o", out]);
  if (run.code !== 0) throw new Error(`${name}: exit ${run.code}\n${run.stderr}`);
  const input = JSON.parse(fs.readFileSync(json, "utf8")) as { managers: unknown[] };
  const results = (await readXlsx(out))["考核结果 2026"];
  return { input, results, stderr: run.stderr };
}

describe("the sample workbook saved as .xls and .ods", () => {
  it.each([
    ["xls", "MS Excel 97"],
    ["ods", "calc8"],
  ])("%s: read into the same appraisal input, graded to the same results", async (ext, filter) => {
    const dir = tempDir(`formats-${ext}-`);
    const other = convert(SAMPLE, dir, filter, ext);
    // The .xlsx it came from, and the other format under its own name and under an .xlsx name (as clerks rename).
    const base = await grade(SAMPLE, dir, "xlsx");
    const read = await grade(other, dir, ext);
    const renamed = path.join(dir, `renamed-${ext}.xlsx`);
    fs.copyFileSync(other, renamed);
    const misnamed = await grade(renamed, dir, `${ext}-as-xlsx`);
    expect(base.input.managers.length).toBeGreaterThan(10);
    expect(read.input.managers).toEqual(base.input.managers);
    expect(read.results).toEqual(base.results);
    expect(misnamed.results).toEqual(base.results);
  }, 240_000);
});

const HEADER = ["工号", "姓名", "机构", "角色", "等级", "期间", "存款日均增长率", "日均存款(万元)", "基数存款(万元)", "新增日均存款(万元)", "不良贷款率", "日均贷款(万元)", "应收利息(元)", "收贷收息率", "中间业务收入增长率", "新开基本账户"];
const ROWS: unknown[][] = [
  ["0101001", "张三", "城东支行", "客户经理", "中级客户经理", "2026", 0.2901, 3269, 2581, 688, 0, 4325, 287670.5, 0.9998, 0.12, 11],
  ["0101002", "李四", "城东支行", "客户经理", "初级客户经理", "2026", 0.085, 1210.5, 1100, 110.5, 0.012, 900, 45000, 0.97, -0.05, 3],
  ["0101003", "王五", "城西支行", "客户经理", "高级客户经理", "2026", 0.4, 8800, 6000, 2800, 0.004, 12000, 610000, 0.995, 0.3, 25],
];

describe("a records table exported as CSV", () => {
  it("UTF-8 and GBK CSV give the .xlsx's input and results; ids keep their leading zeros", async () => {
    const dir = tempDir("formats-csv-");
    const xlsx = await writeWorkbook(path.join(dir, "月度指标.xlsx"), { 月度指标: [HEADER, ...ROWS] as never });
    const utf8 = convert(xlsx, dir, "Text - txt - csv (StarCalc):44,34,76", "csv");
    const gbkDir = tempDir("formats-gbk-");
    const gbk = convert(xlsx, gbkDir, "Text - txt - csv (StarCalc):44,34,85", "csv");
    // The GBK file is not UTF-8: 工号 is B9 A4 BA C5 in GBK.
    expect(fs.readFileSync(gbk).subarray(0, 4)).toEqual(Buffer.from([0xb9, 0xa4, 0xba, 0xc5]));
    const base = await grade(xlsx, dir, "xlsx");
    expect(base.input.managers.length).toBe(3);
    for (const csv of [utf8, gbk]) {
      const read = await grade(csv, dir, path.basename(path.dirname(path.dirname(csv))) + "-csv");
      expect(read.input.managers).toEqual(base.input.managers);
      expect(read.results).toEqual(base.results);
    }
    expect((base.results[1] as unknown[])[0]).toBe("0101001");
  }, 240_000);
});

describe("a records table exported as a web page under an .xls name", () => {
  it("is read as the .xlsx is: same input, same results", async () => {
    const dir = tempDir("formats-html-");
    const xlsx = await writeWorkbook(path.join(dir, "月度指标.xlsx"), { 月度指标: [HEADER, ...ROWS] as never });
    const cell = (v: unknown) => `<td>${String(v)}</td>`;
    const html = `<html><head><meta charset="utf-8"></head><body><table><tr>${HEADER.map(cell).join("")}</tr>${ROWS.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("")}</table></body></html>`;
    const file = path.join(dir, "核心系统导出.xls");
    fs.writeFileSync(file, html);
    const base = await grade(xlsx, dir, "xlsx");
    const read = await grade(file, dir, "html");
    expect(read.input.managers).toEqual(base.input.managers);
    expect(read.results).toEqual(base.results);
  }, 120_000);
});

describe("text cells of a CSV or HTML table", () => {
  it.each([
    ["1234.50", 1234.5],
    ["-0.05", -0.05],
    ["35%", 0.35],
    ["35.5%", 0.355],
    ["5%", 0.05],
    ["150%", 1.5],
    ["0101", "0101"],
    ["6217000012345678901", "6217000012345678901"],
    ["2026-05", "2026-05"],
    ["1,234.50", "1,234.50"],
    ["1.2O0", "1.2O0"],
    ["", ""],
  ])("%s → %p", (text, expected) => {
    expect(typedText(text)).toEqual(expected);
  });

  it("decodes UTF-8 with and without BOM, UTF-16 with BOM, and GBK", () => {
    expect(decodeText(Buffer.from("\uFEFF工号,1", "utf8"))).toBe("工号,1");
    expect(decodeText(Buffer.from("工号,1", "utf8"))).toBe("工号,1");
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("工号\t1", "utf16le")]))).toBe("工号\t1");
    expect(decodeText(Buffer.from([0xb9, 0xa4, 0xba, 0xc5, 0x2c, 0x31]))).toBe("工号,1");
  });
});
