/**
 * H003-DEMOTE-CM-SCORE (85分以下 → demote) and H003-DISMISS-CM-SCORE (70分以下 → dismiss), through a full
 * appraisal. A junior CM's score is 60 + 40 × (deposit increase ÷ 100万), with NPL 0 (30), collection 99.5 % (20)
 * and 5 new accounts (10): an increase of 62.5万 scores exactly 85.00, 25万 exactly 70.00.
 * Higher grades are used where the ladder must show the grade after demotion.
 */
import { resolveRulebook } from "../../../src/engine/api";
import { dec } from "../../../src/engine/decimal";
import { presetDocument } from "../../../src/engine/rulebooks";
import { appraiseOne } from "../../helpers/appraise";
import { appraiseWith } from "../../helpers/rulebookFile";

const DEMOTE = "H003-DEMOTE-CM-SCORE";
const DISMISS = "H003-DISMISS-CM-SCORE";
const LADDER = "H003-DEMOTE-LADDER";

/** Base deposits of 1000万. */
const BASE = "10000000";

/**
 * The twelve monthly records of 2026 a real workbook carries next to the annual one (daily average `avg` 元 against
 * the base): without them H003-DEMOTE-CM-DEPOSIT-3M cannot be judged and the ladder would say "undetermined".
 * Every average here is at or above the base, so that rule never fires.
 */
const months2026 = (avg: string) =>
  Array.from({ length: 12 }, (_, i) => ({ period: `2026-${String(i + 1).padStart(2, "0")}`, avgDeposits: avg, baseDeposits: BASE }));

function junior(increase: string) {
  return {
    role: "cm",
    grade: "junior",
    history: [
      // Monthly daily averages = base + the year's increase.
      ...months2026(dec(BASE).plus(increase).toString()),
      { period: "2026", newAvgDeposits: increase, nplRatio: "0", avgLoans: "1000000", collectionRate: "0.995", interestDue: "1000", newBasicAccounts: "5", newLoanCollectionRate: "1" },
    ],
  };
}

/** Intermediate CM: growth 25 % (30) + NPL 0.5 % (20) + collection 99.5 % (20) + 0 of 7 accounts (0) = 70. Months at 1250万 (base + 25 %). */
const intermediate70 = {
  role: "cm",
  grade: "intermediate",
  history: [
    ...months2026("12500000"),
    { period: "2026", depositGrowth: "0.25", nplRatio: "0.005", avgLoans: "1000000", collectionRate: "0.995", interestDue: "1000", newBasicAccounts: "0", newLoanCollectionRate: "1" },
  ],
};

/** Senior CM: growth 30 % (40) + NPL 0.5 % (20) + collection 99.5 % (20) + 5 of 10 accounts (5) = 85. Months at 1300万 (base + 30 %). */
const senior85 = {
  role: "cm",
  grade: "senior",
  history: [
    ...months2026("13000000"),
    { period: "2026", depositGrowth: "0.30", nplRatio: "0.005", avgLoans: "1000000", collectionRate: "0.995", interestDue: "1000", newBasicAccounts: "5", newLoanCollectionRate: "1" },
  ],
};

/** The ladder's line when no trigger fired and every trigger could be judged. */
const NORMAL = [{ rule: LADDER, zh: "未触发降级或解聘条件 → 正常", en: "no demotion or dismissal trigger → normal" }];
const ladder = (r: ReturnType<typeof appraiseOne>) => r.explanation.filter((e) => e.rule === LADDER);

const rules = (r: ReturnType<typeof appraiseOne>) => r.explanation.map((e) => e.rule).filter((id) => id === DEMOTE || id === DISMISS);

describe(`${DEMOTE}`, () => {
  it(`${DEMOTE}: rule file example 85.00 → demote (default inclusive 以下)`, () => {
    const r = appraiseOne("h003-city-bank", senior85, "2026");
    expect(r.score).toBe("85.00");
    expect(r.status).toBe("demote");
    expect(r.grade).toBe("intermediate");
    expect(r.explanation.find((e) => e.rule === DEMOTE)).toEqual({ rule: DEMOTE, zh: "综合考核得分 85 ≤ 85 → 降级", en: "appraisal score 85 ≤ 85 → demotion" });
  });

  it(`${DEMOTE}: rule file example 85.01 → no trigger`, () => {
    const r = appraiseOne("h003-city-bank", junior("625250"), "2026");
    expect(r.score).toBe("85.01");
    expect(rules(r)).toEqual([]);
    expect(r.status).toBe("normal");
    expect(ladder(r)).toEqual(NORMAL);
  });

  it.each([
    ["84.99", "624750", "demoteToAgentOrRelease"],
    ["85.00", "625000", "demoteToAgentOrRelease"],
    ["85.01", "625250", "normal"],
  ])(`${DEMOTE}: junior at %s`, (score, increase, status) => {
    const r = appraiseOne("h003-city-bank", junior(increase), "2026");
    expect(r.score).toBe(score);
    expect(r.status).toBe(status);
  });

  it(`${DEMOTE}: h003.boundary.yishangYixia = exclusive: 85.00 is not below 85 → no demotion; 84.99 still demotes`, () => {
    const s = { "h003.boundary.yishangYixia": "exclusive" };
    const at = appraiseOne("h003-city-bank", senior85, "2026", s);
    expect(at.status).toBe("normal");
    expect(at.grade).toBe("senior");
    expect(ladder(at)).toEqual(NORMAL);
    expect(appraiseOne("h003-city-bank", junior("624750"), "2026", s).status).toBe("demoteToAgentOrRelease");
  });

  it(`${DEMOTE}: a missing score is reported as unavailable, never read as "no demotion"`, () => {
    const r = appraiseOne("h003-city-bank", { role: "cm", grade: "senior", history: [{ period: "2026", depositGrowth: "0.3" }] }, "2026");
    expect(r.unavailable?.find((u) => u.rule === DEMOTE)).toMatchObject({ output: "status", code: "na", zh: "综合考核得分不可用,无法判断" });
  });

  it(`${DEMOTE}: presidents are not judged by the CM line (their line is 90, H003-DEMOTE-PRESIDENT)`, () => {
    const r = appraiseOne("h003-city-bank", { ...senior85, role: "president" }, "2026");
    expect(rules(r)).toEqual([]);
  });
});

describe(`${DISMISS}`, () => {
  it(`${DISMISS}: rule file example 70.00 → dismiss (default); the demotion that also fires is moot`, () => {
    const r = appraiseOne("h003-city-bank", intermediate70, "2026");
    expect(r.score).toBe("70.00");
    expect(r.status).toBe("dismiss");
    expect(r.grade).toBe("intermediate");
    expect(r.explanation.find((e) => e.rule === DISMISS)).toEqual({ rule: DISMISS, zh: "综合考核得分 70 ≤ 70 → 解除劳动合同", en: "appraisal score 70 ≤ 70 → dismissal" });
    expect(r.explanation.find((e) => e.rule === "H003-DEMOTE-LADDER")?.zh).toBe(
      "解除劳动合同(解聘优先于降级),依据 H003-DISMISS-CM-SCORE;同时触发的降级(H003-DEMOTE-CM-SCORE)不再执行",
    );
  });

  it(`${DISMISS}: rule file example: under h003.boundary.yishangYixia = exclusive, 70.00 is a demotion instead (70 < 85)`, () => {
    const r = appraiseOne("h003-city-bank", intermediate70, "2026", { "h003.boundary.yishangYixia": "exclusive" });
    expect(r.status).toBe("demote");
    expect(r.grade).toBe("junior");
    expect(rules(r)).toEqual([DEMOTE]);
  });

  it(`${DISMISS}: rule file example 69.99 → dismiss (both settings)`, () => {
    expect(appraiseOne("h003-city-bank", junior("249750"), "2026").status).toBe("dismiss");
    expect(appraiseOne("h003-city-bank", junior("249750"), "2026", { "h003.boundary.yishangYixia": "exclusive" }).status).toBe("dismiss");
  });

  it.each([
    ["69.99", "249750", "dismiss"],
    ["70.00", "250000", "dismiss"],
    ["70.01", "250250", "demoteToAgentOrRelease"],
  ])(`${DISMISS}: junior at %s`, (score, increase, status) => {
    const r = appraiseOne("h003-city-bank", junior(increase), "2026");
    expect(r.score).toBe(score);
    expect(r.status).toBe(status);
  });
});

describe(`${DEMOTE}: the line is rulebook data`, () => {
  it(`${DEMOTE}: a bank that moves the line from 85 to 80 edits the rulebook only; a junior scoring 84 then stays normal`, () => {
    const doc = presetDocument("h003-city-bank") as { rules: Array<{ id: string; trigger?: unknown }> };
    const rule = doc.rules.find((r) => r.id === DEMOTE)!;
    rule.trigger = JSON.parse(JSON.stringify(rule.trigger).replace(/\b85\b/g, "80"));
    const book = resolveRulebook(doc);
    if (!book.ok) throw new Error(JSON.stringify(book.problems));
    // 40 × 60万 ÷ 100万 = 24 + NPL 0 (30) + collection 99.5 % (20) + 5 of 5 accounts (10) = 84; months at base + 60万.
    const r = appraiseWith(book.value, junior("600000"), "2026");
    expect(r.score).toBe("84.00");
    expect(rules(r)).toEqual([]);
    expect(r.status).toBe("normal");
    // The built-in line of 85 demotes the same junior.
    expect(appraiseOne("h003-city-bank", junior("600000"), "2026").status).toBe("demoteToAgentOrRelease");
  });
});
