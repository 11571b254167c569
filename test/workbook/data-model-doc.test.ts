/** docs/data-model.md documents every field and event flag of src/engine/fields.ts (DATA-MODEL: "document each addition"). */
import * as fs from "node:fs";
import * as path from "node:path";
import { FIELDS, FLAGS } from "../../src/engine/fields";

const DOC = fs.readFileSync(path.resolve(__dirname, "../../docs/data-model.md"), "utf8");

describe("docs/data-model.md", () => {
  it.each(Object.keys(FIELDS))("has a row for field %s with its Chinese label", (name) => {
    expect(DOC).toContain(`| \`${name}\` | ${FIELDS[name as keyof typeof FIELDS].zh} |`);
  });

  it.each(Object.keys(FLAGS))("has a row for event flag %s", (name) => {
    expect(DOC).toContain(`| \`${name}\` | ${FLAGS[name as keyof typeof FLAGS].zh} |`);
  });

  it("describes every sheet of the workbook layout", () => {
    for (const sheet of ["### 花名册", "### 月度指标", "### 客户", "### 任务", "### 设置"]) expect(DOC).toContain(sheet);
  });
});
