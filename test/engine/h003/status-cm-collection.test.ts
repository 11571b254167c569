/**
 * H003-DEMOTE-CM-COLLECTION: collection rate below 99 % (低于, strict) → demotion; setting
 * h003.cm.collectionDemotion.period decides whether monthly (year-to-date) records are judged.
 * The CM otherwise scores well: growth 40 % (60) + NPL 0 (30) + 7 of 7 accounts (10) + the collection item.
 */
import { appraiseOne } from "../../helpers/appraise";

const RULE = "H003-DEMOTE-CM-COLLECTION";

function cm(period: string, collectionRate: string) {
  return {
    role: "cm",
    grade: "intermediate",
    history: [
      {
        period,
        depositGrowth: "0.40",
        avgDeposits: "14000000",
        baseDeposits: "10000000",
        nplRatio: "0",
        avgLoans: "1000000",
        collectionRate,
        interestDue: "1000",
        newBasicAccounts: "7",
        newLoanCollectionRate: "1",
      },
    ],
  };
}

const fired = (r: ReturnType<typeof appraiseOne>) => r.explanation.filter((e) => e.rule === RULE);

describe(`${RULE}`, () => {
  it(`${RULE}: rule file example 98.99 % → demote (intermediate → junior)`, () => {
    const r = appraiseOne("h003-city-bank", cm("2026", "0.9899"), "2026");
    expect(r.status).toBe("demote");
    expect(r.grade).toBe("junior");
    expect(fired(r)).toEqual([{ rule: RULE, zh: "收贷收息率 98.99% < 99.00% → 降级", en: "collection rate 98.99% < 99.00% → demotion" }]);
  });

  it(`${RULE}: rule file example 99.00 % → no trigger (it is still below 99.5 %, so off-post collection is flagged instead)`, () => {
    const r = appraiseOne("h003-city-bank", cm("2026", "0.99"), "2026");
    expect(fired(r)).toEqual([]);
    expect(r.status).toBe("offPostCollection");
    expect(r.grade).toBe("intermediate");
  });

  it(`${RULE}: 99.01 % (just above 99 %) → no trigger`, () => {
    const r = appraiseOne("h003-city-bank", cm("2026", "0.9901"), "2026");
    expect(fired(r)).toEqual([]);
  });

  it(`${RULE}: 低于 is strict whatever h003.boundary.yishangYixia says`, () => {
    const r = appraiseOne("h003-city-bank", cm("2026", "0.99"), "2026", { "h003.boundary.yishangYixia": "exclusive" });
    expect(fired(r)).toEqual([]);
  });

  it(`${RULE}: h003.cm.collectionDemotion.period = annual (default): a monthly record is not judged`, () => {
    const r = appraiseOne("h003-city-bank", cm("2026-06", "0.9899"), "2026-06");
    expect(fired(r)).toEqual([]);
    expect(r.status).toBe("normal");
  });

  it(`${RULE}: h003.cm.collectionDemotion.period = monthlyYtd: the June year-to-date rate 98.99 % demotes`, () => {
    const r = appraiseOne("h003-city-bank", cm("2026-06", "0.9899"), "2026-06", { "h003.cm.collectionDemotion.period": "monthlyYtd" });
    expect(r.status).toBe("demote");
    expect(fired(r)).toHaveLength(1);
  });

  it(`${RULE}: h003.collection.source = minOfLoanAndInterest: the lower of the two rates is judged`, () => {
    const m = cm("2026", "0.999");
    const rec = { ...m.history[0], loanCollectionRate: "0.999", interestCollectionRate: "0.9899" };
    const r = appraiseOne("h003-city-bank", { ...m, history: [rec] }, "2026", { "h003.collection.source": "minOfLoanAndInterest" });
    expect(fired(r).map((e) => e.zh)).toEqual(["收贷率、收息率孰低 98.99% < 99.00% → 降级"]);
  });

  it(`${RULE}: a missing collection rate is reported, not read as "no demotion"`, () => {
    const m = cm("2026", "0.999");
    const { collectionRate: _omit, ...rec } = m.history[0];
    const r = appraiseOne("h003-city-bank", { ...m, history: [rec] }, "2026");
    expect(r.unavailable?.find((u) => u.rule === RULE)).toMatchObject({ code: "na", zh: "缺少收贷收息率(collectionRate)" });
  });
});
