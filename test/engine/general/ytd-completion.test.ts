import { loadPreset } from "../../../src/engine/rulebooks";
import { failure, outcome, value, G } from "./run";

const R = "G001-YTD-COMPLETION";
const Q1 = [
  { period: "2025-01", value: "100万" },
  { period: "2025-02", value: "120万" },
  { period: "2025-03", value: "130万" },
];

describe(`${R}: cumulative actual ÷ annual target`, () => {
  it("reproduces the rule file: task 1 000万, January–March 350万 → 35.00 %", () => {
    const r = outcome(G, R, { month: "2025-03", annualTarget: "1000万", monthly: Q1 });
    expect(r.value).toMatchObject({ text: "35.00%", monthsElapsed: "3" });
    expect(r.reasons[0]).toEqual({
      rule: R,
      zh: "截至 2025-03 累计 3,500,000 ÷ 年度目标 10,000,000 = 35.00%",
      en: "to 2025-03, cumulative 3,500,000 / annual target 10,000,000 = 35.00%",
    });
    expect(value(G, R, { month: "2025-03", annualTarget: "1000万", cumulativeActual: "350万" }).text).toBe("35.00%");
  });

  it("g001.ytd.basis = proRatedTarget: 350 / (1 000 × 3/12 = 250) → 140.00 %", () => {
    const v = value(G, R, { month: "2025-03", annualTarget: "1000万", monthly: Q1 }, { "g001.ytd.basis": "proRatedTarget" });
    expect(v.text).toBe("140.00%");
    expect(v.target).toBe("2500000");
  });

  it("proRatedTarget in December is the annual target itself (boundary)", () => {
    expect(value(G, R, { month: "2025-12", annualTarget: "1000万", cumulativeActual: "350万" }, { "g001.ytd.basis": "proRatedTarget" }).text).toBe("35.00%");
  });

  it("a missing month is #N/A, never counted as 0", () => {
    const u = failure(G, R, { month: "2025-03", annualTarget: "1000万", monthly: [Q1[0], Q1[2]] });
    expect(u).toMatchObject({ code: "na", en: "actuals missing for 2025-02 (not counted as 0)" });
  });

  it("a month after M or in another year is #VALUE!", () => {
    expect(failure(G, R, { month: "2025-02", annualTarget: "1000万", monthly: Q1 }).en).toBe("2025-03 is outside 2025-01…2025-02");
    expect(failure(G, R, { month: "2025-01", annualTarget: "1000万", monthly: [{ period: "2024-12", value: "1" }] }).code).toBe("value");
  });

  it("annual target 0 → #VALUE! (no Infinity)", () => {
    expect(failure(G, R, { month: "2025-03", annualTarget: "0", cumulativeActual: "350万" })).toMatchObject({ code: "value", en: "annual target is 0" });
  });

  it("g004.yearStartMonth = 4: June is month 3 of the year, so January is outside it", () => {
    const s = { "g004.yearStartMonth": 4, "g001.ytd.basis": "proRatedTarget" };
    const v = value(G, R, { month: "2025-06", annualTarget: "1200", monthly: [{ period: "2025-04", value: "100" }, { period: "2025-05", value: "100" }, { period: "2025-06", value: "100" }] }, s);
    expect(v.monthsElapsed).toBe("3");
    expect(v.text).toBe("100.00%");
    expect(failure(G, R, { month: "2025-06", annualTarget: "1200", monthly: [{ period: "2025-01", value: "1" }] }, s).code).toBe("value");
  });
});

describe("G004-TARGET-ANNUAL: targets are set per year", () => {
  it("is recorded as a convention carried out by the YTD completion rule", () => {
    const rule = loadPreset("g-general").byId.get("G004-TARGET-ANNUAL")!;
    expect(rule.doc.kind).toBe("record");
    expect(rule.doc.note?.en).toContain("divides by the annual target");
    expect(loadPreset("g-general").byId.get(R)!.doc.implements).toContain("G004-TARGET-ANNUAL");
  });

  it("uses the annual deposit target of 5 000万 for the March YTD completion (no March target)", () => {
    expect(value(G, R, { month: "2025-03", annualTarget: "5000万", cumulativeActual: "1250万" }).text).toBe("25.00%");
  });
});
