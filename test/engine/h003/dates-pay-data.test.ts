import { loadPreset } from "../../../src/engine/rulebooks";
import { ruleRunner } from "../../helpers/tools";

const R = "H003-PAY-DATA-DEADLINE";
/** The May Day holidays as the tool takes a calendar: one row per date. */
const MAY_DAY = ["2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05"].map((date) => ({ date }));

const { outcome, value, failure } = ruleRunner(loadPreset("h003-city-bank"), R);

describe(`${R}: pay data for month M due by the 3rd of M+1`, () => {
  it("is a rule of the h003 rulebook citing 003 line 700", () => {
    expect(loadPreset("h003-city-bank").byId.get(R)!.doc.cite).toEqual(["003_e1d2c136c4cf7124.txt:700"]);
  });

  it("reproduces the rule file: April 2025 pay data due 2025-05-03 (Saturday in the May Day break), not rolled by default", () => {
    const r = outcome({ period: "2025-04", holidays: MAY_DAY });
    expect(r.value).toMatchObject({ nominal: "2025-05-03", due: "2025-05-03", rolled: false });
    expect(r.reasons).toEqual([
      { rule: R, zh: "2025-04 工资收入数据应于次月 3 日(含当日)报送:2025-05-03(星期六)", en: "pay data for 2025-04 is due by day 3 of the next month (inclusive): 2025-05-03 (Saturday)" },
      { rule: R, zh: "2025-05-03(星期六)为非工作日,但不顺延", en: "2025-05-03 (Saturday) is not a working day, but deadlines do not roll forward" },
    ]);
  });

  it("h003.payData.rollForward = true: with holidays 2025-05-01…05 → 2025-05-06 (Tuesday)", () => {
    const v = value({ period: "2025-04", holidays: MAY_DAY }, { "h003.payData.rollForward": true });
    expect(v).toMatchObject({ due: "2025-05-06", rolled: true });
    expect(v.skipped.map((d: { value: string }) => d.value)).toEqual(["2025-05-03", "2025-05-04", "2025-05-05"]);
  });

  it("h003.payData.rollForward = true without a holiday calendar rolls over the weekend only: 2025-05-03 → 2025-05-05", () => {
    const r = outcome({ period: "2025-04" }, { "h003.payData.rollForward": true });
    expect(r.value).toMatchObject({ due: "2025-05-05", rolled: true });
    expect(r.reasons.map((x) => x.zh)).toEqual([
      "2025-04 工资收入数据应于次月 3 日(含当日)报送:2025-05-03(星期六)",
      "2025-05-03(星期六)为非工作日,节假日顺延至 2025-05-05(星期一)",
      "节假日日历未列出 2025 年的节假日或调休上班日,只按周末判断",
    ]);
  });

  it("an adjusted working day (调休上班日) on the due date stays: day 11 of October 2025 is a working Saturday", () => {
    const s = { "h003.payData.rollForward": true, "h003.payData.deadlineDay": 11 };
    expect(value({ period: "2025-09", adjustedWorkdays: [{ date: "2025-10-11" }] }, s)).toMatchObject({ due: "2025-10-11", rolled: false });
    expect(value({ period: "2025-09" }, s)).toMatchObject({ due: "2025-10-13", rolled: true });
  });

  it("a working 3rd stays: May 2025 → 2025-06-03 (Tuesday)", () => {
    expect(value({ period: "2025-05" }, { "h003.payData.rollForward": true })).toMatchObject({ due: "2025-06-03", rolled: false });
  });

  it("the 3rd itself is on time, the 4th is late (inclusive)", () => {
    expect(value({ period: "2025-05", submittedOn: "2025-06-03" }).onTime).toBe(true);
    const late = value({ period: "2025-05", submittedOn: "2025-06-04" });
    expect([late.onTime, Number(late.daysLate)]).toEqual([false, 1]);
  });

  it("h003.payData.deadlineDay = 5: May 2025 → 2025-06-05; 29 is refused", () => {
    expect(value({ period: "2025-05" }, { "h003.payData.deadlineDay": 5 }).due).toBe("2025-06-05");
    expect(failure({ period: "2025-05" }, { "h003.payData.deadlineDay": 29 }).code).toBe("value");
  });
});
