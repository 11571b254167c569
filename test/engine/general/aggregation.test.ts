import { dec } from "../../../src/engine/decimal";
import { failure, outcome, value, G } from "./run";

const R = "G004-AGGREGATION";
const Q1_AVG = [
  { period: "2025-01", value: "600" },
  { period: "2025-02", value: "900" },
  { period: "2025-03", value: "600" },
];
const Q1_COLLECTION = [
  { period: "2025-01", numerator: "95", denominator: "100" },
  { period: "2025-02", numerator: "300", denominator: "300" },
];

describe(`${R}: monthly values roll up by measure type`, () => {
  it("daily averages, day-weighted: (18 600 + 25 200 + 18 600) / 90 = 693.33", () => {
    const r = outcome(G, R, { measure: "dailyAverage", period: "2025-Q1", months: Q1_AVG });
    const v = r.value as { value: string; text: string };
    expect(v.text).toBe("693.33");
    expect(dec(v.value).toDecimalPlaces(6).toFixed()).toBe("693.333333");
    expect(r.reasons[0].zh).toBe("2025-Q1 日均按天数加权:(600×31 + 900×28 + 600×31) ÷ 90 天 = 693.3333…");
  });

  it("g004.aggregate.dailyAverage = simpleMean: (600 + 900 + 600) / 3 = 700.00", () => {
    expect(value(G, R, { measure: "dailyAverage", period: "2025-Q1", months: Q1_AVG }, { "g004.aggregate.dailyAverage": "simpleMean" }).text).toBe("700.00");
  });

  it("a leap February weighs 29 days: 2024 Q1 → 63 300 / 91 = 695.60", () => {
    const months = Q1_AVG.map((m) => ({ ...m, period: m.period.replace("2025", "2024") }));
    expect(value(G, R, { measure: "dailyAverage", period: "2024-Q1", months }).text).toBe("695.60");
  });

  it("a partial month weighs its own days: Jan 600 over 10 days, Feb 900 over 28 → 821.05", () => {
    const months = [{ period: "2025-01", value: "600", days: 10 }, { period: "2025-02", value: "900" }];
    expect(value(G, R, { measure: "dailyAverage", months }).text).toBe("821.05");
  });

  it("rates are recomputed from sums: collection 95/100 and 300/300 → 395/400 = 98.75 % (not the 97.5 % mean of rates)", () => {
    const v = value(G, R, { measure: "rate", months: Q1_COLLECTION });
    expect(v.text).toBe("98.75%");
    expect([v.numerator, v.denominator]).toEqual(["395", "400"]);
    expect(v.text).not.toBe("97.50%");
  });

  it("g001.rate.rounding = halfEven applies to an aggregated rate's report", () => {
    const months = [{ period: "2025-01", numerator: "200.01", denominator: "200" }];
    expect(value(G, R, { measure: "rate", months }).text).toBe("100.01%");
    expect(value(G, R, { measure: "rate", months }, { "g001.rate.rounding": "halfEven" }).text).toBe("100.00%");
  });

  it("flows sum: 300 000 + 350 000 + 250 000 = 900 000.00", () => {
    const months = [{ period: "2025-04", value: "300000" }, { period: "2025-05", value: "350000" }, { period: "2025-06", value: "250000" }];
    expect(value(G, R, { measure: "flow", period: "2025-Q2", months }).text).toBe("900000.00");
  });

  it("balances take the period end, whatever the order given", () => {
    const months = [{ period: "2025-03", value: "1819万" }, { period: "2025-01", value: "1000万" }, { period: "2025-02", value: "5000万" }];
    expect(value(G, R, { measure: "balance", period: "2025-Q1", months }).value).toBe("18190000");
  });

  it("a missing month of the period is #N/A, never 0", () => {
    expect(failure(G, R, { measure: "flow", period: "2025-Q1", months: Q1_AVG.slice(0, 2) })).toMatchObject({ code: "na", en: "2025-Q1 lacks 2025-03 (not counted as 0)" });
  });

  it("a month outside the period, a duplicate month, or a rate without numerator and denominator is #VALUE!", () => {
    expect(failure(G, R, { measure: "flow", period: "2025-Q2", months: Q1_AVG }).code).toBe("value");
    expect(failure(G, R, { measure: "flow", months: [Q1_AVG[0], Q1_AVG[0]] }).en).toBe("2025-01 is given twice");
    expect(failure(G, R, { measure: "rate", months: [{ period: "2025-01", value: "0.95" }] }).en).toContain("rates are never averaged");
  });

  it("denominators summing to 0 → #VALUE!", () => {
    expect(failure(G, R, { measure: "rate", months: [{ period: "2025-01", numerator: "0", denominator: "0" }] }).code).toBe("value");
  });

  it("g004.yearStartMonth = 4: 2025-Q1 is April–June", () => {
    const months = [{ period: "2025-04", value: "1" }, { period: "2025-05", value: "2" }, { period: "2025-06", value: "3" }];
    expect(value(G, R, { measure: "flow", period: "2025-Q1", months }, { "g004.yearStartMonth": 4 }).text).toBe("6.00");
    expect(failure(G, R, { measure: "flow", period: "2025-Q1", months }).code).toBe("value");
  });

  it("the same roll-up serves the settlement rule: Q1 daily averages by simple mean → 700", () => {
    const months = Q1_AVG.map((m) => ({ ...m }));
    const v = value(G, "G001-QUARTERLY-SETTLEMENT", { measure: "dailyAverage", months }, { "g001.settlement.period": "quarter", "g004.aggregate.dailyAverage": "simpleMean" });
    expect(v.settlements[0].base).toBe("700");
  });
});
