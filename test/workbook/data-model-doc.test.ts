/** docs/data-model.md documents every field and event flag of src/engine/fields.ts (DATA-MODEL: "document each addition"). */
import * as fs from "node:fs";
import * as path from "node:path";
import { WORKBOOK_LIMITS } from "../../src/cli/xlsx/limits";
import { FIELDS, FLAGS } from "../../src/engine/fields";
import { FIRST_YEAR } from "../../src/engine/periods";
import { ALL_CHECK_CODES } from "../../src/workbook";
import { PLAUSIBLE } from "../../src/workbook/bounds";
import { ID_MAX_CHARS } from "../../src/workbook/ids";

const DOC = fs.readFileSync(path.resolve(__dirname, "../../docs/data-model.md"), "utf8");

describe("docs/data-model.md", () => {
  it.each(Object.keys(FIELDS))("has a row for field %s with its Chinese label", (name) => {
    expect(DOC).toContain(`| \`${name}\` | ${FIELDS[name as keyof typeof FIELDS].zh} |`);
  });

  it.each(Object.keys(FLAGS))("has a row for event flag %s", (name) => {
    expect(DOC).toContain(`| \`${name}\` | ${FLAGS[name as keyof typeof FLAGS].zh} |`);
  });

  it.each([...ALL_CHECK_CODES])("lists the check %s", (code) => {
    expect(DOC).toMatch(new RegExp(`\`${code}\``));
  });

  it("states the file limits, the plausible bound of every unit, the first period year and the longest id", () => {
    const mb = (n: number) => `${n / 1024 / 1024} MB`;
    const n = (v: number) => v.toLocaleString("en-US").replace(/,/g, " ");
    expect(DOC).toContain(`| the file on disk | ${mb(WORKBOOK_LIMITS.fileBytes)} |`);
    expect(DOC).toContain(`| all parts unpacked (sheet XML, shared strings, styles) | ${mb(WORKBOOK_LIMITS.inflatedBytes)} |`);
    expect(DOC).toContain(`| rows, all sheets together | ${n(WORKBOOK_LIMITS.rows)} |`);
    expect(DOC).toContain(`| cells, all sheets together | ${n(WORKBOOK_LIMITS.cells)} |`);
    expect(DOC).toContain(`| parts in the zip | ${n(WORKBOOK_LIMITS.entries)} |`);
    expect(PLAUSIBLE.money.max.toString()).toBe("10000000000000");
    expect(DOC).toContain("| 10 万亿元 (1e13) |");
    for (const [unit, text] of [["usd", "(1e12)"], ["rate", "10 000 (1 000 000 %)"], ["count", "(1e9)"], ["points", "100 000"], ["days", "100 000"]] as const) {
      expect([unit, DOC.includes(text)]).toEqual([unit, true]);
    }
    expect([PLAUSIBLE.usd.max.toNumber(), PLAUSIBLE.rate.max.toNumber(), PLAUSIBLE.count.max.toNumber(), PLAUSIBLE.points.max.toNumber(), PLAUSIBLE.days.max.toNumber()]).toEqual([1e12, 1e4, 1e9, 1e5, 1e5]);
    expect(DOC).toContain(`A year before ${FIRST_YEAR} is refused`);
    expect(DOC).toContain(`longer than ${ID_MAX_CHARS} characters`);
  });

  it("describes every sheet of the workbook layout", () => {
    for (const sheet of ["### 花名册", "### 月度指标", "### 客户", "### 任务", "### 设置"]) expect(DOC).toContain(sheet);
  });
});
