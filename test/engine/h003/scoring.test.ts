/**
 * The H003 100-point tables (seed-003-city-bank-scoring.md §1 and §3), driven through the full appraisal.
 * Expected points are the rule file's own examples and hand-worked boundaries.
 */
import { dec } from "../../../src/engine/decimal";
import { parseQuantity } from "../../../src/engine/quantity";
import { appraiseOne, itemPoints } from "../../helpers/appraise";

const RB = "h003-city-bank";
type Fields = Record<string, unknown>;

/** A president's annual record with every item at its base unless overridden. */
function president(fields: Fields, settings: Fields = {}) {
  const record = { period: "2026", depositGrowth: "0.30", nplRatio: "0", collectionRate: "0.995", feeIncomeGrowth: "0.20", avgLoans: "1000000", interestDue: "1000", ...fields };
  return appraiseOne(RB, { role: "president", grade: "intermediate", history: [record] }, "2026", settings);
}

/**
 * The twelve monthly records of 2026 a real workbook carries next to a CM's annual one: without them
 * H003-DEMOTE-CM-DEPOSIT-3M cannot be judged and the status would be "undetermined". Each month's daily average
 * matches the annual record: its own avgDeposits/baseDeposits when given, otherwise base 1000万 plus a junior's
 * increase, or base × (1 + growth). Score items read the annual record only, so no expected point changes.
 */
function months2026(grade: string, record: Fields) {
  const given = record.avgDeposits !== undefined && record.baseDeposits !== undefined;
  const base = given ? String(record.baseDeposits) : "10000000";
  const avg = given
    ? String(record.avgDeposits)
    : grade === "junior"
      ? dec(base).plus(String(record.newAvgDeposits)).toString()
      : dec(base).times(dec(1).plus(String(record.depositGrowth))).toString();
  return Array.from({ length: 12 }, (_, i) => ({ period: `2026-${String(i + 1).padStart(2, "0")}`, avgDeposits: avg, baseDeposits: base }));
}

function cm(grade: string, fields: Fields, settings: Fields = {}) {
  const record = { period: "2026", depositGrowth: "0.30", nplRatio: "0", collectionRate: "0.995", newBasicAccounts: 10, newAvgDeposits: "1000000", avgLoans: "1000000", interestDue: "1000", newLoanCollectionRate: "1", ...fields };
  return appraiseOne(RB, { role: "cm", grade, history: [...months2026(grade, record), record] }, "2026", settings);
}

const MODES = ["completedSteps", "proRata", "startedStepsBelowTarget"] as const;

describe("H003-CONV-UNITS", () => {
  it.each([
    ["800万", "8000000"],
    ["1000万", "10000000"],
    ["2.5亿", "250000000"],
    ["99.5%", "0.995"],
    ["0.1%", "0.001"],
    ["20000", "20000"],
  ])("H003-CONV-UNITS: %s is exactly %s in 元 / fractions", (text, value) => {
    expect(parseQuantity(text).toString()).toBe(value);
  });

  it("H003-CONV-UNITS: 12,345,678.90 元 is 1234.56789 万元, at least 800万", () => {
    const yuan = parseQuantity("12345678.90");
    expect(yuan.div(10000).toString()).toBe("1234.56789");
    expect(yuan.gte(parseQuantity("800万"))).toBe(true);
  });

  it("H003-CONV-UNITS: money and points are written with two decimals, rounded once at output", () => {
    const r = cm("intermediate", { newBasicAccounts: 5 });
    expect(itemPoints(r, "H003-SCORE-NEW-ACCOUNTS")).toBe("7.14");
    expect(r.score).toBe("97.14");
  });
});

describe("H003-CONV-BOUNDARY", () => {
  // 以下 is inclusive by default: a CM scoring exactly 85.00 is "85分以下" and is demoted.
  // 40 (growth 30%) + 20 (NPL 0.5%) + 20 (collection 99.5%) + 5 (5 of 10 accounts) = 85
  const at85 = (settings: Fields = {}) => cm("senior", { depositGrowth: "0.30", nplRatio: "0.005", collectionRate: "0.995", newBasicAccounts: 5 }, settings);
  it("H003-CONV-BOUNDARY: a CM at exactly 85.00 is demoted (以下 includes 85)", () => {
    const r = at85();
    expect(r.score).toBe("85.00");
    expect(r.status).toBe("demote");
  });
  it("H003-CONV-BOUNDARY: h003.boundary.yishangYixia = exclusive: 85.00 is not demoted", () => {
    const r = at85({ "h003.boundary.yishangYixia": "exclusive" });
    expect(r.score).toBe("85.00");
    expect(r.status).toBe("normal");
    expect(r.explanation.filter((e) => e.rule === "H003-DEMOTE-LADDER")).toEqual([
      { rule: "H003-DEMOTE-LADDER", zh: "未触发降级或解聘条件 → 正常", en: "no demotion or dismissal trigger → normal" },
    ]);
  });
  it("H003-CONV-BOUNDARY: (含)以上 stays ≥ under exclusive: 15 conduct points dismiss", () => {
    const r = cm("intermediate", { conductDeductions: "15" }, { "h003.boundary.yishangYixia": "exclusive" });
    expect(r.status).toBe("dismiss");
  });
});

describe("H003-CONV-RATE-PRECISION", () => {
  const growth31999 = { depositGrowth: undefined, avgDeposits: "13199900", baseDeposits: "10000000" };
  it("H003-CONV-RATE-PRECISION: 1319.99万 over a 1000万 base is 31.999%: exact → 1 completed step → 42", () => {
    expect(itemPoints(president(growth31999), "H003-SCORE-DEPOSIT-GROWTH")).toBe("42.00");
  });
  it("H003-CONV-RATE-PRECISION: h003.rate.roundBeforeCompare = pct2: 32.00% → 2 steps → 44", () => {
    expect(itemPoints(president(growth31999, { "h003.rate.roundBeforeCompare": "pct2" }), "H003-SCORE-DEPOSIT-GROWTH")).toBe("44.00");
  });
});

describe("H003-CONV-PARTIAL-STEP", () => {
  it.each([
    ["0.325", ["44.00", "45.00", "44.00"]],
    ["0.275", ["36.00", "35.00", "34.00"]],
    ["0.299", ["40.00", "39.80", "38.00"]],
  ])("H003-CONV-PARTIAL-STEP: deposit growth %s → completedSteps / proRata / startedStepsBelowTarget", (growth, expected) => {
    MODES.forEach((mode, i) => {
      const r = president({ depositGrowth: growth }, { "h003.score.partialStep": mode });
      expect([mode, itemPoints(r, "H003-SCORE-DEPOSIT-GROWTH")]).toEqual([mode, expected[i]]);
    });
  });
});

describe("H003-SCORE-DEPOSIT-GROWTH", () => {
  it.each([
    ["0.35", "50.00"],
    ["0.30", "40.00"],
    ["0.45", "60.00"],
    ["0.40", "60.00"],
    ["0.39", "58.00"],
    ["0.08", "0.00"],
    ["0.10", "0.00"],
    ["0.105", "2.00"],
    ["0.2999", "40.00"],
    ["0.3001", "40.00"],
    ["0.31", "42.00"],
  ])("H003-SCORE-DEPOSIT-GROWTH: growth %s → %s points (default completed steps)", (growth, points) => {
    expect(itemPoints(president({ depositGrowth: growth }), "H003-SCORE-DEPOSIT-GROWTH")).toBe(points);
  });

  it("H003-SCORE-DEPOSIT-GROWTH: under startedStepsBelowTarget growth 10.5% already scores 0", () => {
    expect(itemPoints(president({ depositGrowth: "0.105" }, { "h003.score.partialStep": "startedStepsBelowTarget" }), "H003-SCORE-DEPOSIT-GROWTH")).toBe("0.00");
  });

  it("H003-SCORE-DEPOSIT-GROWTH: base deposits of 0 → the score is #VALUE! 'base deposits must be > 0', not a number", () => {
    const r = president({ depositGrowth: undefined, avgDeposits: "5000000", baseDeposits: "0" });
    expect(r.score).toBeUndefined();
    expect(r.unavailable).toContainEqual(expect.objectContaining({ output: "score", code: "value", rule: "H003-SCORE-DEPOSIT-GROWTH", en: "base deposits must be > 0" }));
  });

  it("H003-SCORE-DEPOSIT-GROWTH: a missing indicator is #N/A naming the field", () => {
    const r = president({ depositGrowth: undefined });
    expect(r.score).toBeUndefined();
    expect(r.unavailable?.[0]).toMatchObject({ code: "na", en: "missing deposit growth (depositGrowth)" });
  });
});

describe("H003-SCORE-NPL", () => {
  it.each([
    ["0", "30.00", "30.00"],
    ["0.0001", "20.00", "20.00"],
    ["0.0099", "20.00", "20.00"],
    ["0.01", "20.00", "10.00"],
    ["0.0101", "10.00", "10.00"],
    ["0.0499", "10.00", "10.00"],
    ["0.05", "0.00", "10.00"],
    ["0.0501", "0.00", "0.00"],
    ["0.12", "0.00", "0.00"],
  ])("H003-SCORE-NPL: NPL %s → %s (lowerInclusive) / %s (h003.npl.edges = middleInclusive)", (npl, lower, middle) => {
    expect(itemPoints(president({ nplRatio: npl }), "H003-SCORE-NPL")).toBe(lower);
    expect(itemPoints(president({ nplRatio: npl }, { "h003.npl.edges": "middleInclusive" }), "H003-SCORE-NPL")).toBe(middle);
  });

  it("H003-SCORE-NPL: no loans → base 30 with the reason (h003.npl.noLoans = basePoints)", () => {
    const r = president({ avgLoans: "0", nplRatio: undefined });
    expect(itemPoints(r, "H003-SCORE-NPL")).toBe("30.00");
    expect(r.explanation).toContainEqual({ rule: "H003-SCORE-NPL", zh: "无贷款 → 基本分 30 分", en: "no loans → base 30 points" });
  });

  it("H003-SCORE-NPL: h003.npl.noLoans = error → the score is #VALUE!", () => {
    const r = president({ avgLoans: "0", nplRatio: undefined }, { "h003.npl.noLoans": "error" });
    expect(r.score).toBeUndefined();
    expect(r.unavailable?.[0]).toMatchObject({ rule: "H003-SCORE-NPL", code: "value" });
  });
});

describe("H003-SCORE-COLLECTION", () => {
  it.each([
    ["0.998", "26.00", "26.00"],
    ["1", "30.00", "30.00"],
    ["0.9955", "20.00", "21.00"],
    ["0.995", "20.00", "20.00"],
    ["0.9949", "20.00", "19.80"],
    ["0.994", "18.00", "18.00"],
    ["0.986", "2.00", "2.00"],
    ["0.985", "0.00", "0.00"],
    ["0.97", "0.00", "0.00"],
  ])("H003-SCORE-COLLECTION: collection %s → %s (completedSteps) / %s (proRata)", (rate, completed, proRata) => {
    expect(itemPoints(president({ collectionRate: rate }), "H003-SCORE-COLLECTION")).toBe(completed);
    expect(itemPoints(president({ collectionRate: rate }, { "h003.score.partialStep": "proRata" }), "H003-SCORE-COLLECTION")).toBe(proRata);
  });

  it("H003-SCORE-COLLECTION: 98.6% under startedStepsBelowTarget is already 0 (below 98.6 floors earlier)", () => {
    expect(itemPoints(president({ collectionRate: "0.9855" }, { "h003.score.partialStep": "startedStepsBelowTarget" }), "H003-SCORE-COLLECTION")).toBe("0.00");
  });

  it("H003-SCORE-COLLECTION: h003.collection.source = minOfLoanAndInterest scores the lower of the two rates", () => {
    const r = president({ collectionRate: undefined, loanCollectionRate: "0.999", interestCollectionRate: "0.997" }, { "h003.collection.source": "minOfLoanAndInterest" });
    expect(itemPoints(r, "H003-SCORE-COLLECTION")).toBe("24.00");
  });

  it("H003-SCORE-COLLECTION: nothing due → base 20, explained (h003.collection.noInterestDue = basePoints)", () => {
    const r = president({ interestDue: "0", collectionRate: undefined });
    expect(itemPoints(r, "H003-SCORE-COLLECTION")).toBe("20.00");
  });

  it("H003-SCORE-COLLECTION: h003.collection.noInterestDue = error → #VALUE!", () => {
    const r = president({ interestDue: "0", collectionRate: undefined }, { "h003.collection.noInterestDue": "error" });
    expect(r.unavailable?.[0]).toMatchObject({ rule: "H003-SCORE-COLLECTION", code: "value" });
  });
});

describe("H003-SCORE-FEE-INCOME", () => {
  it.each([
    ["0.24", "12.00", "12.00"],
    ["0.25", "12.00", "12.50"],
    ["0.21", "10.00", "10.50"],
    ["0.34", "15.00", "15.00"],
    ["0.30", "15.00", "15.00"],
    ["-0.03", "0.00", "0.00"],
    ["0", "0.00", "0.00"],
    ["0.01", "1.00", "0.50"],
    ["0.02", "1.00", "1.00"],
  ])("H003-SCORE-FEE-INCOME: fee growth %s → %s (completedSteps) / %s (proRata)", (growth, completed, proRata) => {
    expect(itemPoints(president({ feeIncomeGrowth: growth }), "H003-SCORE-FEE-INCOME")).toBe(completed);
    expect(itemPoints(president({ feeIncomeGrowth: growth }, { "h003.score.partialStep": "proRata" }), "H003-SCORE-FEE-INCOME")).toBe(proRata);
  });
});

describe("H003-SCORE-JUNIOR-DEPOSIT", () => {
  it.each([
    ["1200000", "40.00", "40.00"],
    ["1000000", "40.00", "40.00"],
    ["990000", "39.60", "0.00"],
    ["800000", "32.00", "0.00"],
    ["-100000", "0.00", "0.00"],
  ])("H003-SCORE-JUNIOR-DEPOSIT: increase %s 元 → %s (proportional) / %s (h003.cm.unsteppedItemMode = allOrNothing)", (increase, proportional, all) => {
    expect(itemPoints(cm("junior", { newAvgDeposits: increase }), "H003-SCORE-JUNIOR-DEPOSIT")).toBe(proportional);
    expect(itemPoints(cm("junior", { newAvgDeposits: increase }, { "h003.cm.unsteppedItemMode": "allOrNothing" }), "H003-SCORE-JUNIOR-DEPOSIT")).toBe(all);
  });

  it("H003-SCORE-JUNIOR-DEPOSIT: the increase is avgDeposits − baseDeposits when not given", () => {
    expect(itemPoints(cm("junior", { newAvgDeposits: undefined, avgDeposits: "30800000", baseDeposits: "30000000" }), "H003-SCORE-JUNIOR-DEPOSIT")).toBe("32.00");
  });
});

describe("H003-SCORE-NEW-ACCOUNTS", () => {
  it.each([
    ["intermediate", 5, "7.14", "0.00"],
    ["intermediate", 7, "10.00", "10.00"],
    ["junior", 6, "10.00", "10.00"],
    ["junior", 4, "8.00", "0.00"],
    ["senior", 10, "10.00", "10.00"],
    ["senior", 9, "9.00", "0.00"],
    ["senior", 0, "0.00", "0.00"],
  ])("H003-SCORE-NEW-ACCOUNTS: %s with %d accounts → %s (proportional) / %s (allOrNothing)", (grade, n, proportional, all) => {
    expect(itemPoints(cm(grade, { newBasicAccounts: n }), "H003-SCORE-NEW-ACCOUNTS")).toBe(proportional);
    expect(itemPoints(cm(grade, { newBasicAccounts: n }, { "h003.cm.unsteppedItemMode": "allOrNothing" }), "H003-SCORE-NEW-ACCOUNTS")).toBe(all);
  });
});

describe("H003-SCORE-CM-STEPS", () => {
  const example = { depositGrowth: "0.31", nplRatio: "0.005", collectionRate: "0.997", newBasicAccounts: 5 };
  it("H003-SCORE-CM-STEPS: the president step rules apply to CMs by default: 42 + 20 + 24 + 7.14 = 93.14", () => {
    const r = cm("intermediate", example);
    expect(r.scoreItems?.map((i) => i.points)).toEqual(["42.00", "20.00", "24.00", "7.14"]);
    expect(r.score).toBe("93.14");
  });

  it("H003-SCORE-CM-STEPS: h003.cm.applyStepRules = false: every CM item is target-based: 40 + 0 + 20 + 7.14 = 67.14", () => {
    const r = cm("intermediate", example, { "h003.cm.applyStepRules": false });
    expect(r.scoreItems?.map((i) => i.points)).toEqual(["40.00", "0.00", "20.00", "7.14"]);
    expect(r.score).toBe("67.14");
    // The target-based reading of the CM items is H003-SCORE-CM-STEPS's: its lines cite it.
    expect(r.explanation.filter((e) => e.rule === "H003-SCORE-CM-STEPS").map((e) => e.zh)).toEqual([
      "存款日均增长率 31.00%(目标 30.00% 以上,不适用加减分)→ 40 分",
      "收贷收息率 99.70%(目标 99.50% 以上,不适用加减分)→ 20 分",
    ]);
  });

  it("H003-SCORE-CM-STEPS: with applyStepRules = false CMs get no bonus: maximum 100", () => {
    const r = cm("senior", { depositGrowth: "0.50", collectionRate: "1" }, { "h003.cm.applyStepRules": false });
    expect(r.score).toBe("100.00");
  });

  it("H003-SCORE-CM-STEPS: presidents keep the step rules when the setting is off", () => {
    expect(president({ depositGrowth: "0.35" }, { "h003.cm.applyStepRules": false }).score).toBe("110.00");
  });
});

describe("H003-SCORE-SUBJECTS", () => {
  it("H003-SCORE-SUBJECTS: presidents are scored on growth, NPL, collection and fee income", () => {
    expect(president({}).scoreItems?.map((i) => i.rule)).toEqual(["H003-SCORE-DEPOSIT-GROWTH", "H003-SCORE-NPL", "H003-SCORE-COLLECTION", "H003-SCORE-FEE-INCOME"]);
  });
  it("H003-SCORE-SUBJECTS: senior and intermediate CMs on growth, NPL, collection and new accounts", () => {
    for (const g of ["senior", "intermediate"]) {
      expect(cm(g, {}).scoreItems?.map((i) => i.rule)).toEqual(["H003-SCORE-DEPOSIT-GROWTH", "H003-SCORE-NPL", "H003-SCORE-COLLECTION", "H003-SCORE-NEW-ACCOUNTS"]);
    }
  });
  it("H003-SCORE-SUBJECTS: junior CMs on the deposit increase instead of growth", () => {
    expect(cm("junior", { newAvgDeposits: "1000000" }).scoreItems?.map((i) => i.rule)).toEqual(["H003-SCORE-JUNIOR-DEPOSIT", "H003-SCORE-NPL", "H003-SCORE-COLLECTION", "H003-SCORE-NEW-ACCOUNTS"]);
  });
  it("H003-SCORE-SUBJECTS: agents are not scored: #N/A with the reason", () => {
    const r = appraiseOne(RB, { role: "agent", history: [{ period: "2026", avgDeposits: "9000000" }] }, "2026");
    expect(r.score).toBeUndefined();
    expect(r.unavailable).toContainEqual(expect.objectContaining({ output: "score", code: "na", en: "agents are not scored under H003" }));
  });
  it.each([
    ["president", "135.00"],
    ["senior", "130.00"],
    ["intermediate", "130.00"],
    ["junior", "110.00"],
  ])("H003-SCORE-SUBJECTS: the maximum total for %s is %s", (who, max) => {
    const best = { depositGrowth: "0.60", nplRatio: "0", collectionRate: "1", feeIncomeGrowth: "0.50", newBasicAccounts: 20, newAvgDeposits: "5000000" };
    const r = who === "president" ? president(best) : cm(who, best);
    expect(r.score).toBe(max);
  });
  it("H003-SCORE-SUBJECTS: the minimum total is 0", () => {
    const worst = { depositGrowth: "-0.5", nplRatio: "0.2", collectionRate: "0.5", feeIncomeGrowth: "-1" };
    expect(president(worst).score).toBe("0.00");
  });
});

describe("H003-SCORE-TOTAL settings", () => {
  it("H003-SCORE-TOTAL: conduct points are kept separate by default", () => {
    expect(cm("senior", { conductDeductions: "5" }).score).toBe("100.00");
  });
  it("H003-SCORE-TOTAL: h003.conduct.deductFromScore = true subtracts them, floored at 0", () => {
    expect(cm("senior", { conductDeductions: "5" }, { "h003.conduct.deductFromScore": true }).score).toBe("95.00");
    const low = cm("senior", { depositGrowth: "0", nplRatio: "0.2", collectionRate: "0.9", newBasicAccounts: 0, conductDeductions: "14" }, { "h003.conduct.deductFromScore": true });
    expect(low.score).toBe("0.00");
  });
  it("H003-SCORE-TOTAL: the printed items add up to the printed total", () => {
    const r = cm("intermediate", { depositGrowth: "0.317", nplRatio: "0.004", collectionRate: "0.9963", newBasicAccounts: 3 });
    const sum = (r.scoreItems ?? []).reduce((acc, i) => acc + Math.round(Number(i.points) * 100), 0);
    expect(Math.round(Number(r.score) * 100)).toBe(sum);
  });
});
