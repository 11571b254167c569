/**
 * H003-DISMISS-PRESIDENT-REPEAT: a H003-DEMOTE-PRESIDENT trigger in year Y and in Y−1 → dismissal in Y.
 * The previous year is re-judged from its own record in the history (its own score included), never assumed.
 */
import { appraiseOne } from "../../helpers/appraise";

const RULE = "H003-DISMISS-PRESIDENT-REPEAT";

const base = {
  avgDeposits: "130000000",
  baseDeposits: "100000000",
  nplRatio: "0",
  avgLoans: "50000000",
  collectionRate: "0.995",
  interestDue: "100000",
  feeIncomeGrowth: "0.2",
  newLoanCollectionRate: "1",
};
/** Score 90 (fee growth 0 → 0 points): demoted on the score clause only. */
const score90 = { ...base, feeIncomeGrowth: "0" };
/** Score 100: clean. */
const clean = base;
/** Score 105 with NPL 10.01 %: demoted on the NPL clause only. */
const npl1001 = { ...base, avgDeposits: "140000000", collectionRate: "1", feeIncomeGrowth: "0.3", nplRatio: "0.1001" };

const president = (years: Array<[string, Record<string, unknown>]>) => ({
  role: "president",
  grade: "senior",
  history: years.map(([period, f]) => ({ period, ...f })),
});
const fired = (r: ReturnType<typeof appraiseOne>) => r.explanation.filter((e) => e.rule === RULE);

describe(`${RULE}`, () => {
  it(`${RULE}: rule file example: 2024 score 90 (demoted), 2025 NPL 10.01 % → dismissal in 2025`, () => {
    const r = appraiseOne("h003-city-bank", president([["2024", score90], ["2025", npl1001]]), "2025");
    expect(r.status).toBe("dismiss");
    expect(r.grade).toBe("senior");
    expect(fired(r)).toEqual([
      // 2025: NPL 10.01% > 10%; 2024: score 90 ≤ 90 — H003-DEMOTE-PRESIDENT both years.
      {
        rule: RULE,
        zh: "2025、2024 年连续 2 年触发 H003-DEMOTE-PRESIDENT → 解除劳动合同",
        en: "H003-DEMOTE-PRESIDENT held 2 years in a row (2025, 2024) → dismissal",
      },
    ]);
    expect(r.explanation.find((e) => e.rule === "H003-DEMOTE-LADDER")?.zh).toBe(
      "解除劳动合同(解聘优先于降级),依据 H003-DISMISS-PRESIDENT-REPEAT;同时触发的降级(H003-DEMOTE-PRESIDENT)不再执行",
    );
  });

  it(`${RULE}: rule file example: 2024 demoted, 2025 clean, 2026 demoted → demotion only`, () => {
    const r = appraiseOne("h003-city-bank", president([["2024", score90], ["2025", clean], ["2026", score90]]), "2026");
    expect(r.status).toBe("demoteAppointment");
    expect(fired(r)).toEqual([]);
    expect(r.unavailable?.find((u) => u.rule === RULE)).toBeUndefined();
  });

  it(`${RULE}: a clean appraised year never dismisses, whatever the year before`, () => {
    const r = appraiseOne("h003-city-bank", president([["2025", score90], ["2026", clean]]), "2026");
    expect(r.status).toBe("normal");
  });

  it(`${RULE}: h003.president.repeatRule = sameCondition: score in 2024, NPL in 2025 are different conditions → demotion only`, () => {
    const r = appraiseOne("h003-city-bank", president([["2024", score90], ["2025", npl1001]]), "2025", { "h003.president.repeatRule": "sameCondition" });
    expect(r.status).toBe("demoteAppointment");
    expect(fired(r)).toEqual([]);
  });

  it(`${RULE}: h003.president.repeatRule = sameCondition: the score clause in both years → dismissal`, () => {
    const r = appraiseOne("h003-city-bank", president([["2024", score90], ["2025", { ...score90, collectionRate: "0.994" }]]), "2025", {
      "h003.president.repeatRule": "sameCondition",
    });
    expect(r.status).toBe("dismiss");
    // 2025: score 88 ≤ 90; 2024: score 90 ≤ 90 — the same clause both years.
    expect(fired(r)[0].zh).toBe("2025、2024 年连续 2 年同一条件触发 H003-DEMOTE-PRESIDENT → 解除劳动合同");
  });

  it(`${RULE}: the previous year's score is computed from its own record (2024 at 91 is not a demotion)`, () => {
    const r = appraiseOne("h003-city-bank", president([["2024", { ...base, feeIncomeGrowth: "0.02" }], ["2025", score90]]), "2025");
    expect(r.status).toBe("demoteAppointment");
  });

  it(`${RULE}: no record for the previous year → the possible dismissal is reported as unavailable, status stays a demotion`, () => {
    const r = appraiseOne("h003-city-bank", president([["2026", score90]]), "2026");
    expect(r.status).toBe("demoteAppointment");
    expect(r.unavailable?.find((u) => u.rule === RULE)).toMatchObject({
      code: "na",
      zh: "2026 年触发 H003-DEMOTE-PRESIDENT,但缺少 2025 年度记录,无法判断是否连续 2 年",
    });
  });

  it(`${RULE}: a year as a CM does not count (the president rule did not apply then)`, () => {
    const m = president([["2025", score90], ["2026", score90]]);
    m.history[0] = { ...m.history[0], role: "cm", newBasicAccounts: "0" } as (typeof m.history)[0];
    const r = appraiseOne("h003-city-bank", m, "2026");
    expect(r.status).toBe("demoteAppointment");
    expect(r.unavailable?.find((u) => u.rule === RULE)).toBeUndefined();
  });

  it(`${RULE}: president rules are annual: a year-to-date appraisal (2025-10) judges neither the demotion nor the repeat`, () => {
    const r = appraiseOne("h003-city-bank", president([["2024", score90], ["2025-10", npl1001]]), "2025-10");
    expect(r.status).not.toBe("dismiss");
    expect(r.explanation.map((e) => e.rule)).not.toContain(RULE);
    expect(r.explanation.map((e) => e.rule)).not.toContain("H003-DEMOTE-PRESIDENT");
  });

  it(`${RULE}: the same figures in the annual appraisal (2025) look back to 2024 and dismiss`, () => {
    const r = appraiseOne("h003-city-bank", president([["2024", score90], ["2025", npl1001]]), "2025");
    expect(r.status).toBe("dismiss");
  });
});
