/** Header mapping: Chinese and English synonyms for every field, units from the header, any column order. */
import { FIELDS, FLAGS } from "../../src/engine/fields";
import { mapHeaderRow, parseHeader } from "../../src/workbook/headers";
import { buildSynonymIndex, FIELD_SYNONYMS, KEY_SYNONYMS } from "../../src/workbook/synonyms";
import { columnLetters, sheetRef, address } from "../../src/workbook/cells";

describe("synonyms", () => {
  it("no header text names two different columns", () => {
    expect(buildSynonymIndex().collisions).toEqual([]);
  });

  it.each(Object.keys(FIELDS))("field %s is recognized by its name and its zh/en labels", (name) => {
    const def = FIELDS[name as keyof typeof FIELDS];
    for (const header of [name, def.zh, def.en, `${def.zh}`.replace(/(.)/, "$1 ")]) {
      expect(parseHeader(header).key).toBe(`field:${name}`);
    }
  });

  it.each(Object.entries(FIELD_SYNONYMS))("field %s is recognized by every synonym", (name, list) => {
    for (const header of list ?? []) expect(parseHeader(header).key).toBe(`field:${name}`);
  });

  it.each(Object.entries(KEY_SYNONYMS))("column %s is recognized by every synonym", (key, list) => {
    for (const header of list) expect(parseHeader(header).key).toBe(key);
  });

  it.each(Object.keys(FLAGS))("event flag %s has a yes/no column by its zh label", (name) => {
    expect(parseHeader(FLAGS[name as keyof typeof FLAGS].zh).key).toBe(`flag:${name}`);
  });

  it.each<[string, string]>([
    ["日均存款", "field:avgDeposits"],
    ["日均存款(万元)", "field:avgDeposits"],
    ["日均存款(万元)", "field:avgDeposits"],
    ["日均存款【万元】", "field:avgDeposits"],
    ["Avg deposits", "field:avgDeposits"],
    ["AVG_DEPOSITS", "field:avgDeposits"],
    ["avgDeposits", "field:avgDeposits"],
    ["工号", "id"],
    ["员工编号", "id"],
    ["Staff ID", "id"],
    ["期间", "period"],
    ["月份", "period"],
    ["Period", "period"],
    ["姓名(中文)", "name"],
    ["收贷收息率%", "field:collectionRate"],
  ])("%s → %s", (header, key) => {
    expect(parseHeader(header).key).toBe(key);
  });

  it("序号, 备注 and the like are skipped without a note", () => {
    expect(parseHeader("序号")).toEqual({ ignored: true });
    expect(parseHeader("备注")).toEqual({ ignored: true });
  });
});

describe("a header row", () => {
  it("maps columns in any order with their units", () => {
    const m = mapHeaderRow("月度指标", 0, ["期间", "日均存款(亿元)", "序号", "工号", "收息率(%)", "", "籍贯"]);
    expect(m.columns.map((c) => [c.col, c.key, c.unit?.factor.toFixed() ?? null])).toEqual([
      [0, "period", null],
      [1, "field:avgDeposits", "100000000"],
      [3, "id", null],
      [4, "field:interestCollectionRate", "0.01"],
    ]);
    expect(m.unknown).toEqual([{ col: 6, header: "籍贯" }]);
    expect(m.problems).toEqual([]);
  });

  it.each<[string[], string, string, string]>([
    [["工号", "日均存款(千万)"], "月度指标!B1", "unknownUnit", "表头「日均存款(千万)」的单位「千万」无法识别(可用:元、万元、亿元、美元、万美元、%),该列未读取"],
    [["工号", "日均存款(%)"], "月度指标!B1", "unitMismatch", "表头「日均存款(%)」的单位「%」是比率,而日均存款是人民币金额(元);该列未读取"],
    [["工号", "国际结算量(万元)"], "月度指标!B1", "unitMismatch", "表头「国际结算量(万元)」的单位「万元」是人民币金额,而国际结算量是美元金额;该列未读取"],
    [["工号", "收息率(万元)"], "月度指标!B1", "unitMismatch", "表头「收息率(万元)」的单位「万元」是人民币金额,而收息率是比率;该列未读取"],
    [["工号", "日均存款", "存款日均"], "月度指标!C1", "duplicateColumn", "「存款日均」与「日均存款」是同一列(日均存款),只读取第一列"],
  ])("%j → %s %s", (row, addr, code, zh) => {
    const m = mapHeaderRow("月度指标", 0, row);
    expect(m.problems.map((p) => [p.address, p.code, p.zh])).toEqual([[addr, code, zh]]);
  });
});

describe("A1 addresses", () => {
  it.each<[number, string]>([[0, "A"], [25, "Z"], [26, "AA"], [51, "AZ"], [52, "BA"], [701, "ZZ"], [702, "AAA"]])("column %i is %s", (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
  });

  it("quotes sheet names that need it, as Excel does", () => {
    expect(address("月度指标", 6, 2)).toBe("月度指标!C7");
    expect(sheetRef("考核结果 2026")).toBe("'考核结果 2026'");
    expect(sheetRef("Tom's")).toBe("'Tom''s'");
    expect(sheetRef("2026")).toBe("'2026'");
  });
});

describe("labels with a trailing remark", () => {
  it.each<[string, string | undefined]>([
    ["学历或专业技术资格符合", "field:educationOk"],
    ["学历或专业技术资格符合(1 是/0 否)", "field:educationOk"],
    ["国际结算量", "field:intlSettlementUsd"],
    ["国际结算量(人民币)", "field:intlSettlementCny"],
  ])("%s → %s", (header, key) => {
    expect(parseHeader(header).key).toBe(key);
  });
});
