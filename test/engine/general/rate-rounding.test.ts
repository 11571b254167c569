import { dec } from "../../../src/engine/decimal";
import { failure, outcome, value, G } from "./run";

const R = "G001-RATE-ROUNDING";

describe(`${R}: reported percentages, 2 decimals of the percent, half-up`, () => {
  it.each([
    // The seed's own figures (001 line 240): rounding, not truncation.
    ["12402.27", "12100", "102.50%"],
    ["4574.26", "4146", "110.33%"],
    ["2279.01", "4385.82", "51.96%"],
    // The rule file's tie examples under the default halfUp.
    ["200.01", "200", "100.01%"],
    ["-4.69", "200", "-2.35%"],
  ])("%s / %s → %s", (n, d, text) => {
    expect(value(G, R, { numerator: n, denominator: d }).text).toBe(text);
  });

  it.each([
    ["1.02494999", "102.49%"], // just below the tie
    ["1.02495", "102.50%"], // at the tie: away from zero
    ["1.02495001", "102.50%"], // just above
    ["-0.0234499", "-2.34%"],
    ["-0.02345", "-2.35%"],
    ["-0.00004", "0.00%"], // never "-0.00%"
  ])("fraction %s → %s (boundaries)", (fraction, text) => {
    expect(value(G, R, { fraction }).text).toBe(text);
  });

  it("keeps the exact value and reports the rounded fraction (1.0250) separately", () => {
    const v = value(G, R, { numerator: "12402.27", denominator: "12100" });
    expect(dec(v.exact).toDecimalPlaces(8).toFixed()).toBe("1.02498099");
    expect(dec(v.reported).toFixed(4)).toBe("1.0250");
  });

  it("explains the rounding in Chinese first", () => {
    const r = outcome(G, R, { numerator: "12402.27", denominator: "12100" });
    expect(r.reasons).toEqual([
      {
        rule: R,
        zh: "12402.27 ÷ 12100 = 102.498099…%,保留 2 位小数(四舍五入)→ 102.50%",
        en: "12402.27 ÷ 12100 = 102.498099…%, 2 decimals (halfUp) → 102.50%",
      },
    ]);
  });

  it("g001.rate.rounding = halfEven: 200.01/200 → 100.00%, −4.69/200 → −2.34%", () => {
    const s = { "g001.rate.rounding": "halfEven" };
    expect(value(G, R, { numerator: "200.01", denominator: "200" }, s).text).toBe("100.00%");
    expect(value(G, R, { numerator: "-4.69", denominator: "200" }, s).text).toBe("-2.34%");
    expect(value(G, R, { fraction: "1.00015" }, s).text).toBe("100.02%"); // odd digit before the tie rounds up
  });

  it("g001.rate.decimals = 3 (and 0): 12402.27/12100 → 102.498% (102%)", () => {
    expect(value(G, R, { numerator: "12402.27", denominator: "12100" }, { "g001.rate.decimals": 3 }).text).toBe("102.498%");
    expect(value(G, R, { numerator: "12402.27", denominator: "12100" }, { "g001.rate.decimals": 0 }).text).toBe("102%");
  });

  it("g001.rate.decimals out of range is reported, not guessed", () => {
    const u = failure(G, R, { fraction: "0.5" }, { "g001.rate.decimals": 11 });
    expect(u.code).toBe("value");
    expect(u.en).toContain("g001.rate.decimals");
  });

  it("bad input is #VALUE! naming the figure", () => {
    expect(failure(G, R, { fraction: "abc" }).en).toBe('fraction: text "abc" is not a number');
    expect(failure(G, R, { numerator: "1" }).en).toBe("input: give fraction, or numerator and denominator");
  });

  it("denominator 0 is #VALUE!, never 0 or Infinity", () => {
    const u = failure(G, R, { numerator: "1", denominator: "0" });
    expect(u).toMatchObject({ code: "value", rule: R, en: "denominator is 0" });
  });
});
