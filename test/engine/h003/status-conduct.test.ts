/**
 * H003-DISMISS-CM-CONDUCT: major violation, major economic loss, or conduct deductions of 15 points (含) or more
 * → dismissal. Deductions are summed over h003.conduct.window.
 * The CM otherwise scores well (growth 40 %, NPL 0, collection 100 %, all accounts) so only this rule decides.
 */
import { appraiseOne } from "../../helpers/appraise";

const RULE = "H003-DISMISS-CM-CONDUCT";

const good = {
  depositGrowth: "0.40",
  avgDeposits: "14000000",
  baseDeposits: "10000000",
  nplRatio: "0",
  avgLoans: "1000000",
  collectionRate: "1",
  interestDue: "1000",
  newBasicAccounts: "10",
  newLoanCollectionRate: "1",
};

/**
 * The twelve monthly records of 2026 a real workbook carries next to the annual one (daily average 1400万 against the
 * 1000万 base, as in `good`): without them H003-DEMOTE-CM-DEPOSIT-3M cannot be judged and the ladder would say
 * "undetermined". They carry no deductions or flags, so the sums below are unchanged.
 */
const months2026 = Array.from({ length: 12 }, (_, i) => ({ period: `2026-${String(i + 1).padStart(2, "0")}`, avgDeposits: good.avgDeposits, baseDeposits: good.baseDeposits }));

const annual = (extra: Record<string, unknown>) => ({ role: "cm", grade: "senior", history: [...months2026, { period: "2026", ...good, ...extra }] });
const fired = (r: ReturnType<typeof appraiseOne>) => r.explanation.filter((e) => e.rule === RULE);
const LADDER = "H003-DEMOTE-LADDER";
/** The ladder's line when no trigger fired and every trigger could be judged. */
const NORMAL = [{ rule: LADDER, zh: "未触发降级或解聘条件 → 正常", en: "no demotion or dismissal trigger → normal" }];
const ladder = (r: ReturnType<typeof appraiseOne>) => r.explanation.filter((e) => e.rule === LADDER);

describe(`${RULE}: conduct deduction points`, () => {
  const DISMISSED = "解除劳动合同(解聘优先于降级),依据 H003-DISMISS-CM-CONDUCT";
  it.each([
    ["15 (rule file example) → dismiss", "15", "dismiss", DISMISSED],
    ["15.01 (just above) → dismiss", "15.01", "dismiss", DISMISSED],
    ["14.5 (rule file example, half points) → none", "14.5", "normal", NORMAL[0].zh],
    ["14.99 (just below) → none", "14.99", "normal", NORMAL[0].zh],
    ["14 (rule file example) → none", "14", "normal", NORMAL[0].zh],
  ])(`${RULE}: %s`, (_label, points, status, ladderZh) => {
    const r = appraiseOne("h003-city-bank", annual({ conductDeductions: points }), "2026");
    expect(r.status).toBe(status);
    expect(ladder(r).map((e) => e.zh)).toEqual([ladderZh]);
  });

  it(`${RULE}: the explanation gives the window and the sum`, () => {
    const r = appraiseOne("h003-city-bank", annual({ conductDeductions: "15" }), "2026");
    expect(fired(r)).toEqual([
      {
        rule: RULE,
        zh: "考核年度(2026-01–2026-12)违规扣分合计 15 ≥ 15 → 解除劳动合同",
        en: "conduct deduction points in the assessment year (2026-01–2026-12): 15 ≥ 15 → dismissal",
      },
    ]);
  });

  it(`${RULE}: (含)以上 is ≥ whatever h003.boundary.yishangYixia says (exclusive: 15 still dismisses)`, () => {
    expect(appraiseOne("h003-city-bank", annual({ conductDeductions: "15" }), "2026", { "h003.boundary.yishangYixia": "exclusive" }).status).toBe("dismiss");
  });

  it(`${RULE}: no deductions recorded counts as none (deductions are entered per violation)`, () => {
    const r = appraiseOne("h003-city-bank", annual({}), "2026");
    expect(fired(r)).toEqual([]);
    expect(r.unavailable?.find((u) => u.rule === RULE)).toBeUndefined();
    expect(r.status).toBe("normal");
    expect(ladder(r)).toEqual(NORMAL);
  });

  it(`${RULE}: monthly deductions add up over the assessment year, and a month is never counted twice`, () => {
    const history = [
      { period: "2026-03", ...good, conductDeductions: "6" },
      { period: "2026-05", ...good, conductDeductions: "9" },
      // The year record repeats March's 6 points; the months are finer and win, so the sum is 15, not 21.
      { period: "2026", ...good, conductDeductions: "6" },
    ];
    const r = appraiseOne("h003-city-bank", { role: "cm", grade: "senior", history }, "2026");
    expect(r.status).toBe("dismiss");
    expect(fired(r)[0].zh).toBe("考核年度(2026-01–2026-12)违规扣分合计 15 ≥ 15 → 解除劳动合同"); // 6 (2026-03) + 9 (2026-05); the year row's 6 is not added again
  });
});

describe(`${RULE}: h003.conduct.window`, () => {
  // 10 points in November 2025 and 5 in February 2026, appraised in June 2026.
  const history = (novemberPeriod = "2025-11") => [
    { period: novemberPeriod, ...good, conductDeductions: "10" },
    { period: "2026-02", ...good, conductDeductions: "5" },
    { period: "2026-06", ...good },
  ];
  const mgr = (p?: string) => ({ role: "cm", grade: "senior", history: history(p) });

  it(`${RULE}: assessmentYear (default): only 2026's 5 points count → none`, () => {
    const r = appraiseOne("h003-city-bank", mgr(), "2026-06");
    expect(fired(r)).toEqual([]);
    expect(r.status).toBe("normal");
    expect(ladder(r)).toEqual(NORMAL);
  });

  it(`${RULE}: h003.conduct.window = rolling12Months: 2025-07…2026-06 holds 10 + 5 = 15 → dismiss`, () => {
    const r = appraiseOne("h003-city-bank", mgr(), "2026-06", { "h003.conduct.window": "rolling12Months" });
    expect(r.status).toBe("dismiss");
    expect(fired(r)[0].zh).toBe("近 12 个月(2025-07–2026-06)违规扣分合计 15 ≥ 15 → 解除劳动合同"); // 10 (2025-11) + 5 (2026-02)
  });

  it(`${RULE}: h003.conduct.window = rolling12Months: 2025-07 is the first month inside, 2025-06 is outside`, () => {
    const s = { "h003.conduct.window": "rolling12Months" };
    expect(appraiseOne("h003-city-bank", mgr("2025-07"), "2026-06", s).status).toBe("dismiss");
    expect(appraiseOne("h003-city-bank", mgr("2025-06"), "2026-06", s).status).toBe("normal");
  });
});

describe(`${RULE}: the window's months`, () => {
  const inJune = (period: string) => ({ role: "cm", grade: "senior", history: [{ period, ...good, conductDeductions: "15" }, { period: "2026-06", ...good }] });

  it(`${RULE}: assessmentYear of 2026-06 is 2026-01…2026-06: 15 points in 2026-01 count, 15 in 2025-12 do not`, () => {
    const r = appraiseOne("h003-city-bank", inJune("2026-01"), "2026-06");
    expect(r.status).toBe("dismiss");
    expect(fired(r)[0].zh).toBe("考核年度(2026-01–2026-06)违规扣分合计 15 ≥ 15 → 解除劳动合同");
    expect(appraiseOne("h003-city-bank", inJune("2025-12"), "2026-06").status).toBe("normal");
  });

  it(`${RULE}: months win over the quarter and the year that hold them, and a month without the field adds nothing`, () => {
    // The year's 9 and the first quarter's 5 repeat months already entered; 2026-05 carries no deductions.
    // 3 (2026-02) + 4 (2026-04) + 8 (2026-07) = 15; counting the quarter or the year too would give 20 or 29.
    const history = [
      { period: "2026", ...good, conductDeductions: "9" },
      { period: "2026-Q1", ...good, conductDeductions: "5" },
      { period: "2026-02", ...good, conductDeductions: "3" },
      { period: "2026-04", ...good, conductDeductions: "4" },
      { period: "2026-05", ...good },
      { period: "2026-07", ...good, conductDeductions: "8" },
    ];
    const r = appraiseOne("h003-city-bank", { role: "cm", grade: "senior", history }, "2026");
    expect(fired(r)[0].zh).toBe("考核年度(2026-01–2026-12)违规扣分合计 15 ≥ 15 → 解除劳动合同");
  });
});

describe(`${RULE}: major violation and major loss`, () => {
  it(`${RULE}: a major violation alone dismisses`, () => {
    const r = appraiseOne("h003-city-bank", annual({ flags: ["majorViolation"] }), "2026");
    expect(r.status).toBe("dismiss");
    expect(fired(r)).toEqual([{ rule: RULE, zh: "考核年度(2026-01–2026-12)出现重大违规违纪 → 解除劳动合同", en: "major violation in the assessment year (2026-01–2026-12) → dismissal" }]);
  });

  it(`${RULE}: a major economic loss alone dismisses`, () => {
    expect(appraiseOne("h003-city-bank", annual({ flags: ["majorLoss"] }), "2026").status).toBe("dismiss");
  });

  it(`${RULE}: an ordinary violation flag does not`, () => {
    const r = appraiseOne("h003-city-bank", annual({ flags: ["violation"] }), "2026");
    expect(r.status).toBe("normal");
    expect(ladder(r)).toEqual(NORMAL);
  });

  it(`${RULE}: several clauses are all cited`, () => {
    const r = appraiseOne("h003-city-bank", annual({ flags: ["majorViolation", "majorLoss"], conductDeductions: "20" }), "2026");
    expect(fired(r)).toHaveLength(3);
  });

  it(`${RULE}: applies to branch presidents too (CMs include presidents, line 488)`, () => {
    const r = appraiseOne("h003-city-bank", { ...annual({ flags: ["majorViolation"] }), role: "president" }, "2026");
    expect(r.status).toBe("dismiss");
  });
});
