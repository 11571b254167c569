import { compileRulebook } from "../../../src/engine/rulebook/compile";
import { presetDocument } from "../../../src/engine/rulebooks";
import { Settings } from "../../../src/engine/settings";
import { runTool } from "../../../src/engine/tools";
import { failure, outcome, value, G } from "./run";

const R = "G001-REPORT-DEADLINE";
/** Skipped days as the tool lists them: one row per date. */
const days = (...dates: string[]) => dates.map((value) => ({ value }));
const OCT_HOLIDAYS = ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08"];

describe(`${R}: due by the 5th of the next month, holidays roll forward`, () => {
  it("September 2025: due 2025-10-05 (Sunday, National Day holidays 10-01…10-08) → 2025-10-09 (Thursday)", () => {
    const r = outcome(G, R, { period: "2025-09", holidays: OCT_HOLIDAYS });
    expect(r.value).toEqual({ nominal: "2025-10-05", due: "2025-10-09", rolled: true, skipped: days("2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08") });
    expect(r.reasons).toEqual([
      {
        rule: R,
        zh: "2025-09 客户月度销售情况分析报告应于次月 5 日(含当日)报送:2025-10-05(星期日)",
        en: "monthly client sales analysis report for 2025-09 is due by day 5 of the next month (inclusive): 2025-10-05 (Sunday)",
      },
      { rule: R, zh: "2025-10-05(星期日)为非工作日,节假日顺延至 2025-10-09(星期四)", en: "2025-10-05 (Sunday) is not a working day; rolled forward to 2025-10-09 (Thursday)" },
    ]);
  });

  it("June 2025: due 2025-07-05 (Saturday) → 2025-07-07 (Monday)", () => {
    expect(value(G, R, { period: "2025-06" })).toMatchObject({ nominal: "2025-07-05", due: "2025-07-07", skipped: days("2025-07-05", "2025-07-06") });
  });

  it("May 2025: due 2025-06-05 (Thursday) and stays", () => {
    const v = value(G, R, { period: "2025-05" });
    expect(v).toMatchObject({ due: "2025-06-05", rolled: false });
    expect(v).not.toHaveProperty("skipped"); // nothing rolled over
  });

  it("an adjusted working day (调休上班) stays: 2025-07-05 listed → due 2025-07-05", () => {
    expect(value(G, R, { period: "2025-06", adjustedWorkdays: ["2025-07-05"] }).due).toBe("2025-07-05");
  });

  it("an adjusted working day also overrides a listed holiday", () => {
    expect(value(G, R, { period: "2025-09", holidays: OCT_HOLIDAYS, adjustedWorkdays: ["2025-10-05"] }).due).toBe("2025-10-05");
  });

  it("crosses the year: December 2025 → 2026-01-05 (Monday); November → 2025-12-05 (Friday)", () => {
    expect(value(G, R, { period: "2025-12" }).due).toBe("2026-01-05");
    expect(value(G, R, { period: "2025-11" }).due).toBe("2025-12-05");
  });

  it("uses a holiday calendar kept in the rulebook's data (its function 节假日), together with the input's", () => {
    const doc = presetDocument("g-general") as { functions: Record<string, { formula: string }> };
    // The rulebook keeps 2025-10-01…10-05; the input adds 10-06…10-08.
    doc.functions["节假日"] = { ...doc.functions["节假日"], formula: "SEQUENCE(5, 1, DATE(2025, 10, 1))" };
    const res = compileRulebook(doc);
    if (!res.ok) throw new Error(res.problems.join("\n"));
    const settings = Settings.resolve(res.book.doc).settings;
    expect(runTool(res.book, settings, R, { period: "2025-09", holidays: OCT_HOLIDAYS.slice(5) })).toMatchObject({ value: { due: "2025-10-09" } });
    // The rulebook's days alone: Monday 2025-10-06 is a working day.
    expect(runTool(res.book, settings, R, { period: "2025-09" })).toMatchObject({ value: { due: "2025-10-06" } });
  });

  it("says when the calendar lists nothing for the year (only weekends decide)", () => {
    const r = outcome(G, R, { period: "2025-06" });
    expect(r.reasons[2]).toEqual({
      rule: R,
      zh: "节假日日历未列出 2025 年的节假日或调休上班日,只按周末判断",
      en: "the holiday calendar lists no holiday or adjusted working day in 2025; only weekends are non-working",
    });
  });

  it("tells whether a submission was on time (the due day is inclusive)", () => {
    expect(value(G, R, { period: "2025-09", holidays: OCT_HOLIDAYS, submittedOn: "2025-10-09" })).toMatchObject({ onTime: true, daysLate: "0" });
    expect(value(G, R, { period: "2025-09", holidays: OCT_HOLIDAYS, submittedOn: "2025-10-10" })).toMatchObject({ onTime: false, daysLate: "1" });
    expect(value(G, R, { period: "2025-09", holidays: OCT_HOLIDAYS, submittedOn: "2025-09-30" })).toMatchObject({ onTime: true, daysLate: "-9" });
  });

  it("g001.deadline.rollForward = false: June 2025 stays 2025-07-05 (Saturday)", () => {
    const r = outcome(G, R, { period: "2025-06" }, { "g001.deadline.rollForward": false });
    expect(r.value).toMatchObject({ due: "2025-07-05", rolled: false });
    expect(r.reasons[1].zh).toBe("2025-07-05(星期六)为非工作日,但不顺延");
  });

  it("g001.deadline.weekendsAreHolidays = false: June 2025 stays 2025-07-05; listed holidays still roll", () => {
    const s = { "g001.deadline.weekendsAreHolidays": false };
    expect(value(G, R, { period: "2025-06" }, s).due).toBe("2025-07-05");
    expect(value(G, R, { period: "2025-09", holidays: OCT_HOLIDAYS }, s).due).toBe("2025-10-09");
  });

  it("g001.deadline.inclusive = false: due the day before the 5th (June 2025 → 2025-07-04, Friday)", () => {
    const s = { "g001.deadline.inclusive": false };
    expect(value(G, R, { period: "2025-06" }, s)).toMatchObject({ nominal: "2025-07-04", due: "2025-07-04" });
    expect(value(G, R, { period: "2025-09", holidays: OCT_HOLIDAYS }, s)).toMatchObject({ nominal: "2025-10-04", due: "2025-10-09" });
  });

  it.each([
    [3, "2025-07-03"],
    [1, "2025-07-01"],
    [28, "2025-07-28"],
  ])("g001.deadline.dayOfMonth = %s: June 2025 → %s", (day, due) => {
    expect(value(G, R, { period: "2025-06" }, { "g001.deadline.dayOfMonth": day }).due).toBe(due);
  });

  it.each([0, 29])("g001.deadline.dayOfMonth = %s is outside 1–28 → #VALUE!", (day) => {
    const u = failure(G, R, { period: "2025-06" }, { "g001.deadline.dayOfMonth": day });
    expect(u.code).toBe("value");
    expect(u.en).toContain("g001.deadline.dayOfMonth");
  });

  it("a calendar with no working day within a year is reported, not looped over", () => {
    const all: string[] = [];
    for (let d = new Date(Date.UTC(2025, 9, 1)); d.getUTCFullYear() < 2027; d.setUTCDate(d.getUTCDate() + 1)) all.push(d.toISOString().slice(0, 10));
    expect(failure(G, R, { period: "2025-09", holidays: all }).en).toBe("the holiday calendar has no working day within 366 days of 2025-10-05");
  });

  it("rejects a malformed holiday date and a period that is not a month", () => {
    expect(failure(G, R, { period: "2025-09", holidays: ["2025-10-32"] }).en).toBe('holidays[0].date: "2025-10-32" is not a date (YYYY-MM-DD)');
    expect(failure(G, R, { period: "2025-Q3" }).en).toBe("period: not a month (YYYY-MM)");
  });
});
