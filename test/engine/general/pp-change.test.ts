import { failure, outcome, value, G } from "./run";

const R = "G001-PP-CHANGE";

describe(`${R}: a change of a rate is in percentage points`, () => {
  it("reproduces the seed: 93.64 %, up 5.77 pp → the previous month was 87.87 %", () => {
    const v = value(G, R, { current: "0.9364", change: "0.0577" });
    expect(v.previous).toBe("0.8787");
    const r = outcome(G, R, { current: "0.9364", previous: "0.8787", period: "2025-07" });
    expect((r.value as { change: string }).change).toBe("0.0577");
    expect(r.reasons[0]).toEqual({
      rule: R,
      zh: "93.64% 环比 2025-06 87.87%:+5.77 个百分点(比率之差,不是相对增长率)",
      en: "93.64% vs 2025-06 (period on period) 87.87%: +5.77 pp (a difference of rates, not a relative change)",
    });
  });

  it("reproduces the seed's count: 26 809 outlets, up 53 → 26 756 the month before", () => {
    const v = value(G, R, { measure: "count", current: "26809", change: "53" });
    expect(v.previous).toBe("26756");
    expect(value(G, R, { measure: "count", current: "26809", previous: "26756" }).text).toBe("+53");
  });

  it("is a difference in pp, never a relative %: 5 % → 10 % is +5.00 pp, not +100 %", () => {
    expect(value(G, R, { current: "0.10", previous: "0.05" }).text).toBe("+5.00 个百分点");
  });

  it.each([
    ["0.85", "0.87", "-2.00 个百分点"],
    ["0.87", "0.87", "0.00 个百分点"],
    ["0.870049", "0.87", "0.00 个百分点"], // just below half a hundredth of a pp
    ["0.87005", "0.87", "+0.01 个百分点"], // the tie rounds away from zero
    ["0.86995", "0.87", "-0.01 个百分点"],
  ])("current %s, previous %s → %s", (current, previous, text) => {
    expect(value(G, R, { current, previous }).text).toBe(text);
  });

  it("an amount's change is the plain difference", () => {
    expect(value(G, R, { measure: "amount", current: "1819万", previous: "2000万" }).text).toBe("-1810000");
  });

  it("names the compared period: 环比 = the preceding period, 同比 = a year earlier", () => {
    expect(value(G, R, { current: "0.5", previous: "0.4", period: "2025-01" }).comparedWith).toBe("2024-12");
    expect(value(G, R, { current: "0.5", previous: "0.4", period: "2025-07", basis: "yoy" }).comparedWith).toBe("2024-07");
    expect(value(G, R, { current: "0.5", previous: "0.4", period: "2025-Q1" }).comparedWith).toBe("2024-Q4");
  });

  it("needs exactly two of current, previous and change", () => {
    expect(failure(G, R, { current: "0.5" }).code).toBe("value");
    expect(failure(G, R, { current: "0.5", previous: "0.4", change: "0.1" }).en).toContain("exactly two");
  });

  it("rejects a fractional count", () => {
    expect(failure(G, R, { measure: "count", current: "10.5", previous: "3" }).en).toBe("counts must be whole numbers");
  });

  it("g001.rate.rounding = halfEven: a change of 0.005 pp → 0.00 (halfUp +0.01)", () => {
    expect(value(G, R, { current: "0.50005", previous: "0.5" }).text).toBe("+0.01 个百分点");
    expect(value(G, R, { current: "0.50005", previous: "0.5" }, { "g001.rate.rounding": "halfEven" }).text).toBe("0.00 个百分点");
  });

  it("g001.rate.decimals = 1: 93.64 % vs 87.87 % → +5.8 pp", () => {
    expect(value(G, R, { current: "0.9364", previous: "0.8787" }, { "g001.rate.decimals": 1 }).text).toBe("+5.8 个百分点");
  });
});
