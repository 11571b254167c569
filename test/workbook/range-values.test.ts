/**
 * The taskpane and the custom functions read Excel's `range.values` through the same workbook layer as the command
 * line, so the holes the file reader has closed are closed there too: a period typed 2026.05 or held as a date serial
 * (what `range.values` gives for every date cell), a year mistyped 0226, an absurd amount, an id with a zero-width
 * space, a cell too long to quote. (A formula without its value cannot arise there: Excel computes it.)
 */
import { mapWorkbook, validateWorkbook } from "../../src/workbook";
import { cm, h003, roster } from "./helpers";

const values = () => ({
  花名册: roster(cm("0103001"), cm("0103002", "李四")),
  月度指标: [
    ["工号", "期间", "日均存款(万元)", "月收入"],
    ["0103001", 2026.05, 1200, "壹".repeat(32_767)],
    ["0103001", 46173, 1200, 5000], // a date cell: 2026-05-31 → May again, a duplicate of the row above
    ["0103002\u200b", 46142, 1e308, 5000],
    ["0103002", "0226-05", 1200, 5000],
  ],
});

describe("range.values through the workbook layer (taskpane, functions)", () => {
  it("reads each hostile cell as meant or reports it at its cell", () => {
    const mapped = mapWorkbook(values(), { book: h003(), period: "2026", latestYear: 2027 });
    expect(mapped.problems.map((p) => `${p.address} ${p.severity} ${p.code}`)).toEqual([
      "月度指标!B2 warning periodNumber",
      "月度指标!D2 error notNumber",
      "月度指标!B3 error duplicateRecord",
      "月度指标!B3 info periodSerial",
      "月度指标!A4 warning idInvisible",
      "月度指标!C4 error implausible",
      "月度指标!B5 error badPeriod",
    ]);
    const byId = new Map(mapped.input.managers.map((m) => [m.id, m.history.map((h) => h.period)]));
    expect(byId.get("0103001")).toEqual(["2026-05"]);
    expect(byId.get("0103002")).toEqual(["2026-04"]);
    for (const p of mapped.problems) expect(p.zh.length + p.en.length).toBeLessThan(2000);
  });

  it("the validator (the pane's 校验工作簿) reports the same, and a year after next as an error by its today", () => {
    const wb = values();
    wb.月度指标.push(["0103001", "2028-01", 1200, 5000]);
    const result = validateWorkbook(wb, { book: h003(), period: "2026", today: "2026-12-07" });
    expect(result.findings.filter((f) => f.code === "badPeriod").map((f) => f.address)).toEqual(["月度指标!B5", "月度指标!B6"]);
    expect(result.managers).toBe(2);
  });
});
