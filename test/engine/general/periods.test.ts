import { failure, outcome, value, G } from "./run";

const R = "G004-PERIODS";

describe(`${R}: month, quarter, half-year, year of the calendar`, () => {
  it("reproduces the rule file: 2025-08 → Q3 2025, H2 2025, year 2025; 2025-03 → Q1, H1", () => {
    const r = outcome(G, R, { period: "2025-08" });
    expect(r.value).toMatchObject({ kind: "month", quarter: "2025-Q3", halfYear: "2025-H2", year: "2025" });
    expect(r.reasons[0]).toEqual({ rule: R, zh: "2025-08 属于 2025-Q3、2025-H2、2025 年度(自然年)", en: "2025-08 is in 2025-Q3, 2025-H2, year 2025 (calendar year)" });
    expect(value(G, R, { period: "2025-03" })).toMatchObject({ quarter: "2025-Q1", halfYear: "2025-H1" });
  });

  it.each([
    ["2025-01", "2025-Q1", "2025-H1"],
    ["2025-04", "2025-Q2", "2025-H1"],
    ["2025-06", "2025-Q2", "2025-H1"],
    ["2025-07", "2025-Q3", "2025-H2"],
    ["2025-09", "2025-Q3", "2025-H2"],
    ["2025-10", "2025-Q4", "2025-H2"],
    ["2025-12", "2025-Q4", "2025-H2"],
  ])("%s → %s, %s (quarter and half edges)", (month, q, h) => {
    expect(value(G, R, { period: month })).toMatchObject({ quarter: q, halfYear: h });
  });

  it.each([
    ["2025-Q1", ["2025-01", "2025-02", "2025-03"]],
    ["2025-Q2", ["2025-04", "2025-05", "2025-06"]],
    ["2025-Q4", ["2025-10", "2025-11", "2025-12"]],
    ["2025-H2", ["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"]],
  ])("%s covers %j", (period, months) => {
    expect(value(G, R, { period }).months.map((m: { month: string }) => m.month)).toEqual(months);
  });

  it("a year covers 12 months, January to December", () => {
    const m = value(G, R, { period: "2025" }).months.map((x: { month: string }) => x.month);
    expect([m.length, m[0], m[11]]).toEqual([12, "2025-01", "2025-12"]);
  });

  it.each([
    ["2025-01", "2024-12", "2024-01"],
    ["2025-Q1", "2024-Q4", "2024-Q1"],
    ["2025-Q3", "2025-Q2", "2024-Q3"],
    ["2025-H1", "2024-H2", "2024-H1"],
    ["2025", "2024", "2024"],
  ])("%s: 环比 compares with %s, 同比 with %s", (period, mom, yoy) => {
    const v = value(G, R, { period });
    expect({ mom: v.mom, yoy: v.yoy }).toEqual({ mom, yoy });
  });

  it("g004.yearStartMonth = 4: 2025-08 is in 2025-Q2 and 2025-H1; 2025-03 in 2024-Q4 of the year 2024", () => {
    const s = { "g004.yearStartMonth": 4 };
    expect(value(G, R, { period: "2025-08" }, s)).toMatchObject({ quarter: "2025-Q2", halfYear: "2025-H1", year: "2025" });
    expect(value(G, R, { period: "2025-03" }, s)).toMatchObject({ quarter: "2024-Q4", halfYear: "2024-H2", year: "2024" });
    expect(value(G, R, { period: "2025-04" }, s)).toMatchObject({ quarter: "2025-Q1" });
    expect(value(G, R, { period: "2025-Q1" }, s).months.map((x: { month: string }) => x.month)).toEqual(["2025-04", "2025-05", "2025-06"]);
    expect(outcome(G, R, { period: "2025-08" }, s).reasons[0].zh).toBe("2025-08 属于 2025-Q2、2025-H1、2025 年度(年度自 4 月起)");
  });

  it("g004.yearStartMonth outside 1–12 is reported", () => {
    expect(failure(G, R, { period: "2025-08" }, { "g004.yearStartMonth": 13 }).code).toBe("value");
  });

  it("rejects text that is not a period", () => {
    expect(failure(G, R, { period: "2025-13" }).en).toBe("period: not a period (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY)");
  });
});
