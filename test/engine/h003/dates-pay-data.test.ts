import { loadPreset } from "../../../src/engine/rulebooks";
import { failure, outcome, value, H } from "../general/run";

const R = "H003-PAY-DATA-DEADLINE";
const MAY_DAY = ["2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05"];

describe(`${R}: pay data for month M due by the 3rd of M+1`, () => {
  it("is a rule of the h003 rulebook citing 003 line 700", () => {
    expect(loadPreset("h003-city-bank").byId.get(R)!.doc.cite).toEqual(["003_e1d2c136c4cf7124.txt:700"]);
  });

  it("reproduces the rule file: April 2025 pay data due 2025-05-03 (Saturday in the May Day break), not rolled by default", () => {
    const r = outcome(H, R, { period: "2025-04", holidays: MAY_DAY });
    expect(r.value).toMatchObject({ nominal: "2025-05-03", due: "2025-05-03", rolled: false });
    expect(r.reasons).toEqual([
      { rule: R, zh: "2025-04 工资收入数据应于次月 3 日(含当日)报送:2025-05-03(星期六)", en: "pay data for 2025-04 is due by day 3 of the next month (inclusive): 2025-05-03 (Saturday)" },
      { rule: R, zh: "2025-05-03(星期六)为非工作日,但不顺延", en: "2025-05-03 (Saturday) is not a working day, but deadlines do not roll forward" },
    ]);
  });

  it("h003.payData.rollForward = true: with holidays 2025-05-01…05 → 2025-05-06 (Tuesday)", () => {
    const v = value(H, R, { period: "2025-04", holidays: MAY_DAY }, { "h003.payData.rollForward": true });
    expect(v).toMatchObject({ due: "2025-05-06", rolled: true, skipped: ["2025-05-03", "2025-05-04", "2025-05-05"] });
  });

  it("h003.payData.rollForward = true without a holiday calendar rolls over the weekend only: 2025-05-03 → 2025-05-05", () => {
    expect(value(H, R, { period: "2025-04" }, { "h003.payData.rollForward": true }).due).toBe("2025-05-05");
  });

  it("a working 3rd stays: May 2025 → 2025-06-03 (Tuesday)", () => {
    expect(value(H, R, { period: "2025-05" }, { "h003.payData.rollForward": true })).toMatchObject({ due: "2025-06-03", rolled: false });
  });

  it("the 3rd itself is on time, the 4th is late (inclusive)", () => {
    expect(value(H, R, { period: "2025-05", submittedOn: "2025-06-03" }).onTime).toBe(true);
    expect(value(H, R, { period: "2025-05", submittedOn: "2025-06-04" })).toMatchObject({ onTime: false, daysLate: 1 });
  });

  it("h003.payData.deadlineDay = 5: May 2025 → 2025-06-05; 29 is refused", () => {
    expect(value(H, R, { period: "2025-05" }, { "h003.payData.deadlineDay": 5 }).due).toBe("2025-06-05");
    expect(failure(H, R, { period: "2025-05" }, { "h003.payData.deadlineDay": 29 }).code).toBe("value");
  });
});
