import { appraiseOne, itemPoints } from "../../helpers/appraise";

const president = (fields: Record<string, unknown>) => ({
  role: "president",
  grade: "intermediate",
  history: [{ period: "2026", avgLoans: "50000000", interestDue: "100000", ...fields }],
});

describe("H003-SCORE-TOTAL", () => {
  it("scores the worked example at exactly 118.00 (binary floats give 116)", () => {
    const r = appraiseOne("h003-city-bank", president({ depositGrowth: "0.35", nplRatio: "0", collectionRate: "0.998", feeIncomeGrowth: "0.24" }), "2026");
    expect(r.score).toBe("118.00");
    expect(r.scoreItems).toEqual([
      { rule: "H003-SCORE-DEPOSIT-GROWTH", points: "50.00" },
      { rule: "H003-SCORE-NPL", points: "30.00" },
      { rule: "H003-SCORE-COLLECTION", points: "26.00" },
      { rule: "H003-SCORE-FEE-INCOME", points: "12.00" },
    ]);
    // The same figures through binary floating point lose a step on the collection item.
    expect(Math.trunc((99.8 - 99.5) / 0.1)).toBe(2);
    const collection = r.explanation.find((e) => e.rule === "H003-SCORE-COLLECTION");
    expect(collection?.zh).toBe("收贷收息率 99.80% ≥ 99.50%,每 0.1 个百分点 +2 分,3 步 → 26 分");
  });

  it("gives 118 in every partial-step mode because every step count is whole", () => {
    for (const mode of ["completedSteps", "proRata", "startedStepsBelowTarget"]) {
      const r = appraiseOne("h003-city-bank", president({ depositGrowth: "0.35", nplRatio: "0", collectionRate: "0.998", feeIncomeGrowth: "0.24" }), "2026", { "h003.score.partialStep": mode });
      expect(r.score).toBe("118.00");
    }
  });

  it("derives growth from avgDeposits and baseDeposits when no growth is given", () => {
    const r = appraiseOne("h003-city-bank", president({ avgDeposits: "135000000", baseDeposits: "100000000", nplRatio: "0", collectionRate: "0.998", feeIncomeGrowth: "0.24" }), "2026");
    expect(itemPoints(r, "H003-SCORE-DEPOSIT-GROWTH")).toBe("50.00");
    expect(r.score).toBe("118.00");
  });
});
