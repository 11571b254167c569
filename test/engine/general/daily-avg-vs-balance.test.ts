import { failure, outcome, value, G } from "./run";

const R = "G001-DAILY-AVG-VS-BALANCE";

describe(`${R}: a daily average above the balance is not an error`, () => {
  it("reproduces the seed: balance 1 819万, daily average 4 878万 → no error, an information note", () => {
    const r = outcome(G, R, { dailyAverage: "4878万", balance: "1819万", where: "managers[0].history[11]" });
    expect(r.value).toEqual({ error: false, aboveBalance: true, level: "info" });
    expect(r.reasons).toEqual([
      {
        rule: R,
        zh: "managers[0].history[11]:日均 ¥48,780,000.00 > 余额 ¥18,190,000.00(正常:资金在期末前流出),不是错误",
        en: "managers[0].history[11]: daily average ¥48,780,000.00 > balance ¥18,190,000.00 (normal: funds left before the period end), not an error",
      },
    ]);
  });

  it.each([
    ["1819万", "1819万", false], // equal: nothing to note
    ["18190000.01", "1819万", true], // just above
    ["18189999.99", "1819万", false], // just below
  ])("daily average %s vs balance %s → above = %s, never an error", (dailyAverage, balance, above) => {
    const v = value(G, R, { dailyAverage, balance });
    expect(v).toEqual({ error: false, aboveBalance: above, level: above ? "info" : "none" });
  });

  it("g001.validation.dailyAvgAboveBalance = off: no note at all", () => {
    const r = outcome(G, R, { dailyAverage: "4878万", balance: "1819万" }, { "g001.validation.dailyAvgAboveBalance": "off" });
    expect(r.value).toEqual({ error: false, aboveBalance: true, level: "none" });
    expect(r.reasons).toEqual([]);
  });

  it("a missing figure is an input error, not a comparison", () => {
    expect(failure(G, R, { dailyAverage: "4878万" }).code).toBe("value");
  });
});
