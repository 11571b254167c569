import { dec } from "../../../src/engine/decimal";
import { failure, outcome, value, G } from "./run";

type Settlement = { settledIn: string; complete: boolean; periodEnd: string; base: string | null; pay: string | null; monthsGiven: string; monthsNeeded: string };

const R = "G001-QUARTERLY-SETTLEMENT";
const Q2 = [
  { period: "2025-04", value: "300000" },
  { period: "2025-05", value: "350000" },
  { period: "2025-06", value: "250000" },
];

describe(`${R}: pay assessed and settled per quarter`, () => {
  it("g001.settlement.period = quarter: Q2 2025 fee income 900 000 at 1 % → 9 000.00 settled once", () => {
    const r = outcome(G, R, { months: Q2, rate: "0.01" }, { "g001.settlement.period": "quarter" });
    const v = r.value as { settlements: Settlement[] };
    expect(v.settlements).toHaveLength(1);
    expect(v.settlements[0]).toMatchObject({ settledIn: "2025-Q2", complete: true, periodEnd: "2025-06-30" });
    expect(dec(v.settlements[0].base!).toFixed(2)).toBe("900000.00");
    expect(dec(v.settlements[0].pay!).toFixed(2)).toBe("9000.00");
    expect(r.reasons[0].zh).toBe("按季结算 2025-Q2:基数 ¥900,000.00,× 1% = 绩效工资 ¥9,000.00,2025-06-30 期末后一次兑现");
  });

  it("g001.settlement.period = month: 3 000 / 3 500 / 2 500, one settlement per month", () => {
    const v = value(G, R, { months: Q2, rate: "0.01" }, { "g001.settlement.period": "month" });
    expect(v.settlements.map((s: Settlement) => [s.settledIn, dec(s.pay!).toFixed(2)])).toEqual([
      ["2025-04", "3000.00"],
      ["2025-05", "3500.00"],
      ["2025-06", "2500.00"],
    ]);
  });

  it("the general rulebook has no default: unset → #N/A naming the setting", () => {
    const u = failure(G, R, { months: Q2, rate: "0.01" });
    expect(u.code).toBe("na");
    expect(u.en).toContain("g001.settlement.period is not set");
  });

  it("a quarter with a month missing is not settled (no pay, never a partial amount)", () => {
    const v = value(G, R, { months: Q2.slice(0, 2), rate: "0.01" }, { "g001.settlement.period": "quarter" });
    expect(v.settlements).toHaveLength(1);
    expect(v.settlements[0]).toMatchObject({ settledIn: "2025-Q2", monthsNeeded: "3", monthsGiven: "2", complete: false, periodEnd: "2025-06-30", base: null, pay: null });
  });

  it("without a rate only the settled base is computed", () => {
    const v = value(G, R, { months: Q2 }, { "g001.settlement.period": "quarter" });
    expect(v.settlements[0].base).toBe("900000");
    expect(v.settlements[0].pay).toBeNull();
  });

  it("aggregates a quarter's balance at the period end (G004-AGGREGATION)", () => {
    const v = value(G, R, { measure: "balance", months: Q2 }, { "g001.settlement.period": "quarter" });
    expect(v.settlements[0].base).toBe("250000");
  });
});
