/**
 * H003-RISK-OFFPOST-COLLECTION: at the evaluation date, collection rate below 99.5 % or new-loan collection below
 * 100 % → flagged off post to collect. A flag, not a demotion: the status is offPostCollection only when no
 * demotion or dismissal fired; otherwise the demotion stands and an extra ladder line carries the flag.
 * The CM otherwise scores well (growth 40 %, NPL 0, 10 of 10 accounts).
 */
import { appraiseOne } from "../../helpers/appraise";

const RULE = "H003-RISK-OFFPOST-COLLECTION";

const good = { depositGrowth: "0.40", avgDeposits: "14000000", baseDeposits: "10000000", nplRatio: "0", avgLoans: "1000000", interestDue: "1000", newBasicAccounts: "10" };
/**
 * An annual appraisal reads the year's twelve monthly records too, as a real workbook carries them (daily average
 * 1400万 against the 1000万 base, as in `good`): without them H003-DEMOTE-CM-DEPOSIT-3M cannot be judged and the
 * ladder would say "undetermined". A monthly appraisal's own record already carries both.
 */
const monthsOf = (period: string) =>
  /^\d{4}$/.test(period)
    ? Array.from({ length: 12 }, (_, i) => ({ period: `${period}-${String(i + 1).padStart(2, "0")}`, avgDeposits: good.avgDeposits, baseDeposits: good.baseDeposits }))
    : [];
const cm = (period: string, collectionRate: string, newLoanCollectionRate?: string) => ({
  role: "cm",
  grade: "senior",
  history: [...monthsOf(period), { period, ...good, collectionRate, ...(newLoanCollectionRate !== undefined ? { newLoanCollectionRate } : {}) }],
});
const fired = (r: ReturnType<typeof appraiseOne>) => r.explanation.filter((e) => e.rule === RULE);
const LADDER = "H003-DEMOTE-LADDER";
const ladder = (r: ReturnType<typeof appraiseOne>) => r.explanation.filter((e) => e.rule === LADDER);
/** The ladder's line when no trigger fired and every trigger could be judged. */
const NORMAL = [{ rule: LADDER, zh: "未触发降级或解聘条件 → 正常", en: "no demotion or dismissal trigger → normal" }];

describe(`${RULE}: at the assessment year's end (default h003.offPost.evaluationDate)`, () => {
  it(`${RULE}: rule file example: overall 99.6 %, new loans 99.9 % → flagged (new loans < 100)`, () => {
    const r = appraiseOne("h003-city-bank", cm("2026", "0.996", "0.999"), "2026");
    expect(r.status).toBe("offPostCollection");
    expect(r.grade).toBe("senior");
    expect(fired(r)).toEqual([{ rule: RULE, zh: "当年新发放贷款收息率 99.90% < 100.00% → 下岗清收", en: "new-loan collection rate 99.90% < 100.00% → off post to collect" }]);
    expect(r.explanation.find((e) => e.rule === "H003-DEMOTE-LADDER")).toEqual({
      rule: "H003-DEMOTE-LADDER",
      zh: "下岗清收(不是降级),依据 H003-RISK-OFFPOST-COLLECTION",
      en: "off post to collect (not a demotion), per H003-RISK-OFFPOST-COLLECTION",
    });
  });

  it(`${RULE}: rule file example: overall 99.5 %, new loans 100 % → not flagged`, () => {
    const r = appraiseOne("h003-city-bank", cm("2026", "0.995", "1"), "2026");
    expect(fired(r)).toEqual([]);
    expect(r.status).toBe("normal");
    expect(ladder(r)).toEqual(NORMAL);
  });

  it.each([
    ["99.49 % (just below)", "0.9949", "offPostCollection"],
    ["99.50 % (at)", "0.995", "normal"],
    ["99.51 % (just above)", "0.9951", "normal"],
  ])(`${RULE}: overall collection %s with new loans at 100 %`, (_label, rate, status) => {
    expect(appraiseOne("h003-city-bank", cm("2026", rate, "1"), "2026").status).toBe(status);
  });

  it(`${RULE}: a December record is the year's end too`, () => {
    expect(appraiseOne("h003-city-bank", cm("2026-12", "0.994", "1"), "2026-12").status).toBe("offPostCollection");
  });

  it(`${RULE}: before the year's end (June) the flag is not judged`, () => {
    const r = appraiseOne("h003-city-bank", cm("2026-06", "0.994", "1"), "2026-06");
    expect(fired(r)).toEqual([]);
    expect(r.status).toBe("normal");
    expect(ladder(r)).toEqual(NORMAL);
  });

  it(`${RULE}: a missing new-loan rate is reported when the overall rate passes (cannot tell) → undetermined, not normal`, () => {
    const r = appraiseOne("h003-city-bank", cm("2026", "0.996"), "2026");
    expect(r.unavailable?.find((u) => u.rule === RULE)).toMatchObject({ code: "na", zh: "缺少当年新发放贷款收息率(newLoanCollectionRate)" });
    // Every other trigger was judged and none fired; only this one could not be, so the ladder will not guess "normal".
    expect(r.status).toBe("undetermined");
    expect(ladder(r)).toEqual([
      {
        rule: LADDER,
        zh: "未触发降级或解聘条件,但 H003-RISK-OFFPOST-COLLECTION 缺数据无法判断 → 待定",
        en: "no trigger fired, but H003-RISK-OFFPOST-COLLECTION could not be judged for lack of data → undetermined",
      },
    ]);
  });

  it(`${RULE}: a demotion stands and the flag is reported in addition`, () => {
    // Collection 98.9 % also demotes (H003-DEMOTE-CM-COLLECTION): senior → intermediate.
    const r = appraiseOne("h003-city-bank", cm("2026", "0.989", "1"), "2026");
    expect(r.status).toBe("demote");
    expect(r.grade).toBe("intermediate");
    expect(r.explanation.filter((e) => e.rule === "H003-DEMOTE-LADDER").map((e) => e.zh)).toEqual([
      "降级一级:高级客户经理 → 中级客户经理,依据 H003-DEMOTE-CM-COLLECTION",
      "下岗清收(另行标记,不改变上述状态),依据 H003-RISK-OFFPOST-COLLECTION",
    ]);
  });
});

describe(`${RULE}: h003.offPost.evaluationDate = date`, () => {
  const s = { "h003.offPost.evaluationDate": "date", "h003.offPost.date": "2026-06-30" };

  it(`${RULE}: h003.offPost.evaluationDate = date (2026-06-30): the June record is judged`, () => {
    const r = appraiseOne("h003-city-bank", cm("2026-06", "0.994", "1"), "2026-06", s);
    expect(r.status).toBe("offPostCollection");
  });

  it(`${RULE}: h003.offPost.evaluationDate = date: an annual appraisal reads the record of the date's month`, () => {
    const m = cm("2026", "0.999", "1");
    // June's record is the full one the date reads (it replaces the plain June month of the builder).
    const history = [{ period: "2026-06", ...good, collectionRate: "0.994", newLoanCollectionRate: "1" }, ...m.history.filter((h) => h.period !== "2026-06")];
    const r = appraiseOne("h003-city-bank", { ...m, history }, "2026", s);
    expect(r.status).toBe("offPostCollection");
    expect(fired(r)).toEqual([{ rule: RULE, zh: "2026-06:收贷收息率 99.40% < 99.50% → 下岗清收", en: "2026-06: collection rate 99.40% < 99.50% → off post to collect" }]);
  });

  it(`${RULE}: h003.offPost.evaluationDate = date: the year's end is no longer judged`, () => {
    const r = appraiseOne("h003-city-bank", cm("2026-12", "0.994", "1"), "2026-12", s);
    expect(fired(r)).toEqual([]);
  });

  it(`${RULE}: h003.offPost.evaluationDate = date without h003.offPost.date → unavailable (#N/A), never a guessed date`, () => {
    const r = appraiseOne("h003-city-bank", cm("2026-06", "0.994", "1"), "2026-06", { "h003.offPost.evaluationDate": "date" });
    expect(r.unavailable?.find((u) => u.rule === RULE)).toMatchObject({ code: "na", zh: "未设置判定日 h003.offPost.date" });
  });
});
