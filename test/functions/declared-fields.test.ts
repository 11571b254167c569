/**
 * The cell functions with a rulebook the user imported in format 2: its own fields are columns of the range, read
 * by their headers with the header's unit, exactly as a workbook is read (src/workbook).
 */
import { useDocumentStore } from "../../src/functions/books";
import * as impl from "../../src/functions/impl";
import { clearMemo } from "../../src/functions/memo";

const OWN = {
  format: "khjl-rulebook/2",
  id: "broker-share",
  version: "1.0.0",
  name: { zh: "经纪人分成", en: "broker share" },
  fields: [{ id: "佣金收入", zh: "佣金收入", en: "commission income", unit: "money", headers: ["佣金"] }],
  roles: [{ id: "broker", zh: "经纪人", en: "broker" }],
  rules: [{ id: "SHARE", name: "分成", unit: "money", formula: "佣金收入 * 40%" }],
  outputs: { pay: "分成" },
};

beforeEach(() => {
  clearMemo();
  useDocumentStore({ "khjl.rulebook": { id: "broker-share" }, "khjl.userRulebooks": { "broker-share": OWN } });
});

describe("a format-2 rulebook's own fields in KHJL functions", () => {
  it("佣金(万元) 1.5 is 15 000 元 of commission income: 40 % share = 6000.00", () => {
    // The only role is taken when the range has no 角色 column; 1.5 万元 = 15 000 元 × 40 % = 6 000.
    const out = impl.commissionOf([["工号", "期间", "佣金(万元)"], ["A1", "2026-06", 1.5]], null, null, null);
    expect(out).toEqual([["提成(元)"], [6000]]);
  });

  it("a text in the declared money column is #VALUE! naming the column, never 0", () => {
    const out = impl.commissionOf([["工号", "期间", "佣金(万元)"], ["A1", "2026-06", "一万五"]], null, null, null);
    expect(JSON.stringify(out)).toContain("佣金");
    expect(out).not.toEqual([[0]]);
  });
});
