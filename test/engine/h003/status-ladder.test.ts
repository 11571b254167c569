/**
 * H003-DEMOTE-LADDER: dismissal wins; otherwise exactly one grade down (senior → intermediate → junior), however
 * many demotion triggers fire; below junior per h003.demotion.belowJunior; presidents are demoted in appointment
 * with their grade unchanged. Every outcome cites the triggers that decided it.
 */
import { dec } from "../../../src/engine/decimal";
import { loadPreset } from "../../../src/engine/rulebooks";
import { appraiseOne } from "../../helpers/appraise";

const LADDER = "H003-DEMOTE-LADDER";
const ladder = (r: ReturnType<typeof appraiseOne>) => r.explanation.filter((e) => e.rule === LADDER);

/** Base deposits of 1000万; the monthly daily averages below are worked out from it. */
const BASE = "10000000";

/**
 * The twelve monthly records of 2026 a real workbook carries next to the annual one: without them
 * H003-DEMOTE-CM-DEPOSIT-3M cannot be judged and the ladder would say "undetermined". Each month's daily average
 * matches the annual record (base × (1 + growth), or base + a junior's increase), so no month is short.
 */
function months2026(annual: Record<string, unknown>, grade: string) {
  const avg = grade === "junior" ? dec(BASE).plus(String(annual.newAvgDeposits ?? "0")) : dec(BASE).times(dec(1).plus(String(annual.depositGrowth)));
  return Array.from({ length: 12 }, (_, i) => ({ period: `2026-${String(i + 1).padStart(2, "0")}`, avgDeposits: avg.toString(), baseDeposits: BASE }));
}

/** A CM's annual record and its months; the defaults score 40 + 30 + 20 + accounts and pass every status rule. */
function cm(grade: string, fields: Record<string, unknown>) {
  const annual = { period: "2026", depositGrowth: "0.40", nplRatio: "0", avgLoans: "1000000", collectionRate: "1", interestDue: "1000", newBasicAccounts: "10", newLoanCollectionRate: "1", ...fields };
  return { role: "cm", grade, history: [...months2026(annual, grade), annual] };
}

describe(`${LADDER}: the status rules of the rule file's section 4`, () => {
  it.each([
    "H003-DEMOTE-CM-DEPOSIT-3M",
    "H003-DEMOTE-CM-COLLECTION",
    "H003-DEMOTE-CM-SCORE",
    "H003-DISMISS-CM-SCORE",
    "H003-DISMISS-CM-CONDUCT",
    "H003-DEMOTE-PRESIDENT",
    "H003-DISMISS-PRESIDENT-REPEAT",
    "H003-DISMISS-PRESIDENT-ACCIDENT",
    "H003-DEMOTE-LADDER",
    "H003-RISK-OFFPOST-COLLECTION",
  ])("%s has an entry in h003-city-bank (which loads only when valid)", (id) => {
    expect(loadPreset("h003-city-bank").byId.get(id)).toBeDefined();
  });
});

describe(`${LADDER}: rule file examples`, () => {
  it(`${LADDER}: an intermediate CM with score 80 and collection 98.9 % → one demotion to junior, citing H003-DEMOTE-CM-SCORE and H003-DEMOTE-CM-COLLECTION`, () => {
    // growth 31 % (42) + NPL 0 (30) + collection 98.9 % (8) + 0 of 7 accounts (0) = 80
    const r = appraiseOne("h003-city-bank", cm("intermediate", { depositGrowth: "0.31", collectionRate: "0.989", newBasicAccounts: "0" }), "2026");
    expect(r.score).toBe("80.00");
    expect(r.status).toBe("demote");
    expect(r.grade).toBe("junior");
    expect(ladder(r)[0]).toEqual({
      rule: LADDER,
      zh: "降级一级:中级客户经理 → 初级客户经理(触发 2 项,只降一级),依据 H003-DEMOTE-CM-COLLECTION、H003-DEMOTE-CM-SCORE",
      en: "demotion by one grade: intermediate CM → junior CM (2 triggers, one grade only), per H003-DEMOTE-CM-COLLECTION, H003-DEMOTE-CM-SCORE",
    });
  });

  it(`${LADDER}: a junior with score 84 → demoteToAgentOrRelease (default h003.demotion.belowJunior = agentIfConsent)`, () => {
    // junior: 40 × 60万 ÷ 100万 = 24 + NPL 30 + collection 20 (99.5 %) + 5 of 5 accounts 10 = 84
    const r = appraiseOne("h003-city-bank", cm("junior", { newAvgDeposits: "600000", collectionRate: "0.995", newBasicAccounts: "5" }), "2026");
    expect(r.score).toBe("84.00");
    expect(r.status).toBe("demoteToAgentOrRelease");
    expect(r.grade).toBe("junior");
    expect(ladder(r)).toEqual([
      {
        rule: LADDER,
        zh: "初级客户经理再降级 → 本人自愿且本行同意可聘为业务代办员,否则解聘(h003.demotion.belowJunior = agentIfConsent),依据 H003-DEMOTE-CM-SCORE",
        en: "junior CM demoted below the lowest grade → engaged as an agent if both agree, otherwise released (h003.demotion.belowJunior = agentIfConsent), per H003-DEMOTE-CM-SCORE",
      },
    ]);
  });

  it(`${LADDER}: h003.demotion.belowJunior = terminate: the same junior → terminate`, () => {
    const r = appraiseOne("h003-city-bank", cm("junior", { newAvgDeposits: "600000", collectionRate: "0.995", newBasicAccounts: "5" }), "2026", {
      "h003.demotion.belowJunior": "terminate",
    });
    expect(r.status).toBe("terminate");
    expect(ladder(r)[0].zh).toBe("初级客户经理再降级 → 解除劳动合同(h003.demotion.belowJunior = terminate),依据 H003-DEMOTE-CM-SCORE");
  });
});

describe(`${LADDER}: precedence and grades`, () => {
  it(`${LADDER}: senior → intermediate (one grade)`, () => {
    const r = appraiseOne("h003-city-bank", cm("senior", { collectionRate: "0.9899" }), "2026");
    expect(r.status).toBe("demote");
    expect(r.grade).toBe("intermediate");
  });

  it(`${LADDER}: dismissal wins over any number of demotions`, () => {
    const r = appraiseOne("h003-city-bank", cm("senior", { collectionRate: "0.989", conductDeductions: "15" }), "2026");
    expect(r.status).toBe("dismiss");
    expect(r.grade).toBe("senior");
    expect(ladder(r)[0].zh).toBe("解除劳动合同(解聘优先于降级),依据 H003-DISMISS-CM-CONDUCT;同时触发的降级(H003-DEMOTE-CM-COLLECTION)不再执行");
  });

  it(`${LADDER}: nothing fired → normal, with the reason`, () => {
    const r = appraiseOne("h003-city-bank", cm("senior", {}), "2026");
    expect((r.unavailable ?? []).filter((u) => u.output === "status")).toEqual([]);
    expect(r.status).toBe("normal");
    expect(r.grade).toBe("senior");
    expect(ladder(r)).toEqual([{ rule: LADDER, zh: "未触发降级或解聘条件 → 正常", en: "no demotion or dismissal trigger → normal" }]);
  });

  it(`${LADDER}: nothing fired but a trigger could not be judged → undetermined, naming the rule`, () => {
    // The same senior CM without monthly records: H003-DEMOTE-CM-DEPOSIT-3M has nothing to judge, so "normal" would be a guess.
    const { history, ...rest } = cm("senior", {});
    const r = appraiseOne("h003-city-bank", { ...rest, history: history.filter((h) => h.period === "2026") }, "2026");
    expect(r.status).toBe("undetermined");
    expect(r.grade).toBe("senior");
    expect(r.unavailable?.filter((u) => u.output === "status").map((u) => u.rule)).toEqual(["H003-DEMOTE-CM-DEPOSIT-3M"]);
    expect(ladder(r)).toEqual([
      {
        rule: LADDER,
        zh: "未触发降级或解聘条件,但 H003-DEMOTE-CM-DEPOSIT-3M 缺数据无法判断 → 待定",
        en: "no trigger fired, but H003-DEMOTE-CM-DEPOSIT-3M could not be judged for lack of data → undetermined",
      },
    ]);
  });

  it(`${LADDER}: a president is demoted in appointment; the grade is unchanged`, () => {
    const r = appraiseOne(
      "h003-city-bank",
      {
        role: "president",
        grade: "senior",
        history: [{ period: "2026", avgDeposits: "130000000", baseDeposits: "100000000", nplRatio: "0", avgLoans: "1", collectionRate: "0.995", interestDue: "1", feeIncomeGrowth: "0", newLoanCollectionRate: "1" }],
      },
      "2026",
    );
    expect(r.status).toBe("demoteAppointment");
    expect(r.grade).toBe("senior");
    expect(ladder(r)[0].zh).toBe("降级聘用(原文未规定降至何级,等级不变),依据 H003-DEMOTE-PRESIDENT");
  });

  it(`${LADDER}: an agent is never demoted by these rules`, () => {
    const r = appraiseOne("h003-city-bank", { role: "agent", history: [{ period: "2026", avgDeposits: "1", conductDeductions: "20" }] }, "2026");
    expect(r.status).toBe("normal");
  });
});
