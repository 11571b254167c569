import { failure, outcome, value, G } from "./run";

const R = "G001-NET-INCREASE-YTD";

describe(`${R}: net increase = balance now − balance at the start of the year`, () => {
  it("reproduces the seed: 17 000万 now, +9 000万 → 8 000万 at the start of the year (agrees with line 116)", () => {
    const r = outcome(G, R, { balanceNow: "17000万", netIncrease: "9000万" });
    expect((r.value as { balanceYearStart: string }).balanceYearStart).toBe("80000000.00");
    expect(r.reasons[0].zh).toBe("余额 ¥170,000,000.00 − 年初余额 ¥80,000,000.00 = 比年初净增 ¥90,000,000.00");
  });

  it("may be negative", () => {
    expect(value(G, R, { balanceNow: "100", balanceYearStart: "150" }).netIncrease).toBe("-50.00");
  });

  it.each([
    ["90000000", true, undefined],
    ["90000000.004", true, undefined], // below half a fen: equal to the fen
    ["90000000.005", false, "0.01"], // rounds to the next fen
    ["89999999.99", false, "-0.01"],
  ])("checks the identity to the fen when all three are given: net %s → consistent %s", (netIncrease, consistent, diff) => {
    const v = value(G, R, { balanceNow: "17000万", balanceYearStart: "8000万", netIncrease });
    expect(v.consistent).toBe(consistent);
    expect(v.difference).toBe(diff);
  });

  it("names the row and the columns on a mismatch", () => {
    const r = outcome(G, R, {
      balanceNow: "17000万",
      balanceYearStart: "8000万",
      netIncrease: "8999万",
      where: "存款!第 7 行",
      balanceNowColumn: "余额(D)",
      balanceYearStartColumn: "年初余额(E)",
      netIncreaseColumn: "比年初净增(F)",
    });
    expect(r.reasons).toEqual([
      {
        rule: R,
        zh: "存款!第 7 行:比年初净增(F) ¥89,990,000.00 ≠ 余额(D) ¥170,000,000.00 − 年初余额(E) ¥80,000,000.00 = ¥90,000,000.00,相差 -¥10,000.00",
        en: "存款!第 7 行: 比年初净增(F) ¥89,990,000.00 ≠ 余额(D) ¥170,000,000.00 − 年初余额(E) ¥80,000,000.00 = ¥90,000,000.00, off by -¥10,000.00",
      },
    ]);
  });

  it("needs at least two of the three figures", () => {
    expect(failure(G, R, { balanceNow: "1" }).en).toBe("input: give at least two of balanceNow, balanceYearStart and netIncrease");
  });
});
