import { dec } from "../../../src/engine/decimal";
import { failure, outcome, value, G } from "./run";

const R = "G001-COMPLETION-RATE";

describe(`${R}: completion = actual ÷ plan, no cap`, () => {
  it("reproduces the seed: 12 402.27 of a plan of 12 100 → 102.50%", () => {
    const r = outcome(G, R, { actual: "12402.27", plan: "12100" });
    expect((r.value as { text: string }).text).toBe("102.50%");
    expect(r.reasons[0]).toEqual({
      rule: R,
      zh: "完成率 = 实际 12402.27 ÷ 计划 12100 = 102.50%(超额完成,不封顶)",
      en: "completion = actual 12402.27 / plan 12100 = 102.50% (over plan, no cap)",
    });
  });

  it.each([
    ["4574.26", "4146", "110.33%"],
    ["12100", "12100", "100.00%"], // exactly the plan
    ["12099.99", "12100", "100.00%"], // just below: 99.99991…% rounds to 100.00
    ["12098.79", "12100", "99.99%"],
    ["300", "200", "150.00%"], // over-completion is shown, no cap at 100 %
    ["0", "200", "0.00%"],
    ["-50", "200", "-25.00%"], // a net decrease gives a negative completion
    ["1", "0.01", "10000.00%"], // smallest positive plan of a cent
  ])("actual %s, plan %s → %s", (actual, plan, text) => {
    expect(value(G, R, { actual, plan }).text).toBe(text);
  });

  it("accepts JSON numbers and quantities as the seeds write them", () => {
    expect(value(G, R, { actual: 12402.27, plan: 12100 }).text).toBe("102.50%");
    expect(value(G, R, { actual: "350万", plan: "1000万" }).text).toBe("35.00%");
  });

  it("plan 0 → #VALUE! 'plan is 0', never 0 and never Infinity", () => {
    expect(failure(G, R, { actual: "5", plan: "0" })).toMatchObject({ code: "value", rule: R, zh: "计划为 0,无法计算完成率", en: "plan is 0" });
  });

  it("plan < 0 → #VALUE! 'plan must be > 0'", () => {
    expect(failure(G, R, { actual: "5", plan: "-1" })).toMatchObject({ code: "value", rule: R, en: "plan must be > 0 (got -1)" });
  });

  it("text that is not a number is #VALUE! with the field's path", () => {
    const u = failure(G, R, { actual: "1,2O0", plan: "100" });
    expect(u.code).toBe("value");
    expect(u.en).toMatch(/^actual: /);
  });

  it("g001.rate.rounding = halfEven: 200.01/200 → 100.00% (halfUp 100.01%)", () => {
    expect(value(G, R, { actual: "200.01", plan: "200" }).text).toBe("100.01%");
    expect(value(G, R, { actual: "200.01", plan: "200" }, { "g001.rate.rounding": "halfEven" }).text).toBe("100.00%");
  });

  it("g001.rate.decimals = 3: 12 402.27 / 12 100 → 102.498%", () => {
    expect(value(G, R, { actual: "12402.27", plan: "12100" }, { "g001.rate.decimals": 3 }).text).toBe("102.498%");
  });

  it("keeps the exact fraction (1.0249809917…) beside the reported one (1.0250)", () => {
    const v = value(G, R, { actual: "12402.27", plan: "12100" });
    expect(dec(v.exact).toDecimalPlaces(10).toFixed()).toBe("1.0249809917");
    expect(dec(v.reported).toFixed(4)).toBe("1.0250");
    expect(failure(G, R, { actual: "1", plan: "0" })).toMatchObject({ code: "value", rule: R, en: "plan is 0" });
    expect(failure(G, R, { actual: "1", plan: "-3" })).toMatchObject({ code: "value" });
  });
});
