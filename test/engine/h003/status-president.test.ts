/**
 * H003-DEMOTE-PRESIDENT: a branch president with an annual score of 90 or below, an NPL ratio above 10 %, or a key
 * indicator completed 90 % or below → demoted appointment (grade unchanged, status demoteAppointment).
 *
 * `base` scores 100: growth 30 % (40) + NPL 0 (30) + collection 99.5 % (20) + fee growth 20 % (10); deposit
 * completion 13 000万 ÷ (base 10 000万 × 130 %) = 100 %, collection completion 100 %.
 * `strong` scores 105 whatever the NPL ratio (growth 40 % → 60, collection 100 % → 30, fee 30 % → 15, NPL ≥ 5 % → 0),
 * so only the clause under test fires.
 */
import { resolveSettings } from "../../../src/engine/api";
import { loadPreset } from "../../../src/engine/rulebooks";
import { appraiseOne } from "../../helpers/appraise";

const RULE = "H003-DEMOTE-PRESIDENT";

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
const strong = { ...base, avgDeposits: "140000000", collectionRate: "1", feeIncomeGrowth: "0.3" };

const president = (fields: Record<string, unknown>) => ({ role: "president", grade: "intermediate", history: [{ period: "2026", ...fields }] });
const fired = (r: ReturnType<typeof appraiseOne>) => r.explanation.filter((e) => e.rule === RULE);

describe(`${RULE}: score 90 or below`, () => {
  it(`${RULE}: score 90.00 → demoted appointment, grade unchanged`, () => {
    const r = appraiseOne("h003-city-bank", president({ ...base, feeIncomeGrowth: "0" }), "2026");
    expect(r.score).toBe("90.00");
    expect(r.status).toBe("demoteAppointment");
    expect(r.grade).toBe("intermediate");
    expect(fired(r)).toEqual([{ rule: RULE, zh: "综合考核得分 90 ≤ 90 → 降级", en: "appraisal score 90 ≤ 90 → demotion" }]);
  });

  it.each([
    ["89.99", { feeIncomeGrowth: "0", avgDeposits: "129995000" }, "demoteAppointment"],
    ["90.01", { feeIncomeGrowth: "0.0002" }, "normal"],
  ])(`${RULE}: score %s (pro-rata steps give hundredths)`, (score, fields, status) => {
    const r = appraiseOne("h003-city-bank", president({ ...base, ...fields }), "2026", { "h003.score.partialStep": "proRata" });
    expect(r.score).toBe(score);
    expect(r.status).toBe(status);
  });

  it(`${RULE}: score 91 → normal`, () => {
    const r = appraiseOne("h003-city-bank", president({ ...base, feeIncomeGrowth: "0.02" }), "2026");
    expect(r.score).toBe("91.00");
    expect(r.status).toBe("normal");
    expect(fired(r)).toEqual([]);
  });

  it(`${RULE}: h003.boundary.yishangYixia = exclusive: 90.00 is not below 90 → normal`, () => {
    const r = appraiseOne("h003-city-bank", president({ ...base, feeIncomeGrowth: "0" }), "2026", { "h003.boundary.yishangYixia": "exclusive" });
    expect(r.status).toBe("normal");
  });
});

describe(`${RULE}: NPL ratio above 10 % (超过, strict)`, () => {
  it.each([
    ["9.99 %", "0.0999", "normal"],
    ["10.00 %", "0.10", "normal"],
    ["10.01 %", "0.1001", "demoteAppointment"],
  ])(`${RULE}: NPL %s`, (_label, npl, status) => {
    const r = appraiseOne("h003-city-bank", president({ ...strong, nplRatio: npl }), "2026");
    expect(r.score).toBe("105.00");
    expect(r.status).toBe(status);
  });

  it(`${RULE}: the reason names the NPL clause`, () => {
    const r = appraiseOne("h003-city-bank", president({ ...strong, nplRatio: "0.1001" }), "2026");
    expect(fired(r)).toEqual([{ rule: RULE, zh: "不良贷款率 10.01% > 10.00% → 降级", en: "NPL ratio 10.01% > 10.00% → demotion" }]);
  });
});

describe(`${RULE}: key indicators (h003.president.keyCompletion)`, () => {
  const example = (avgDeposits: string) => ({ ...strong, avgDeposits, depositPlan: "130000000" });

  it(`${RULE}: rule file example: base 10 000万, plan 13 000万, actual 11 700万 → completion 90.00 % → demote`, () => {
    const r = appraiseOne("h003-city-bank", president(example("117000000")), "2026");
    expect(r.status).toBe("demoteAppointment");
    expect(fired(r).map((e) => e.zh)).toContain("存款完成率 90.00%(实际 ¥117,000,000.00 ÷ 计划 ¥130,000,000.00)≤ 90.00% → 降级");
  });

  it(`${RULE}: rule file example: actual 11 710万 → 90.08 % → no trigger (default)`, () => {
    const r = appraiseOne("h003-city-bank", president(example("117100000")), "2026");
    expect(r.score).toBe("91.00");
    expect(fired(r)).toEqual([]);
    expect(r.status).toBe("normal");
  });

  it(`${RULE}: h003.president.keyCompletion = growthOverTarget: rule file example 17 ÷ 30 = 56.67 % → demote`, () => {
    const s = { "h003.president.keyCompletion": "growthOverTarget" };
    const r = appraiseOne("h003-city-bank", president(example("117000000")), "2026", s);
    expect(fired(r).map((e) => e.zh)).toContain("存款完成率 56.67%(存款日均增长率 17.00% ÷ 目标 30.00%)≤ 90.00% → 降级");
    // 11 710万, which passes under actualOverPlan, is 17.1 ÷ 30 = 57.00 % here.
    expect(appraiseOne("h003-city-bank", president(example("117100000")), "2026", s).status).toBe("demoteAppointment");
  });

  // Plan 15 000万: growth 35 % keeps the score at 125, so only the completion clause can fire.
  it.each([
    ["89.99 %", "134985000", "demoteAppointment"],
    ["90.00 %", "135000000", "demoteAppointment"],
    ["90.01 %", "135015000", "normal"],
  ])(`${RULE}: deposit completion %s`, (_label, actual, status) => {
    const r = appraiseOne("h003-city-bank", president({ ...strong, avgDeposits: actual, depositPlan: "150000000" }), "2026");
    expect(r.status).toBe(status);
  });

  it(`${RULE}: h003.boundary.yishangYixia = exclusive: completion 90.00 % is not below 90 % → normal`, () => {
    const r = appraiseOne("h003-city-bank", president({ ...strong, avgDeposits: "135000000", depositPlan: "150000000" }), "2026", { "h003.boundary.yishangYixia": "exclusive" });
    expect(r.status).toBe("normal");
  });

  it(`${RULE}: h003.rate.roundBeforeCompare = pct2: 90.004 % rounds to 90.00 % before the comparison → demote`, () => {
    const fields = { ...strong, avgDeposits: "135006000", depositPlan: "150000000" };
    expect(appraiseOne("h003-city-bank", president(fields), "2026").status).toBe("normal");
    expect(appraiseOne("h003-city-bank", president(fields), "2026", { "h003.rate.roundBeforeCompare": "pct2" }).status).toBe("demoteAppointment");
  });

  it(`${RULE}: without a deposit plan the plan is base × 130 %`, () => {
    const r = appraiseOne("h003-city-bank", president({ ...strong, avgDeposits: "117000000" }), "2026");
    expect(fired(r).map((e) => e.zh)).toContain(
      "存款完成率 90.00%(实际 ¥117,000,000.00 ÷ 计划 ¥130,000,000.00(基数存款 ¥100,000,000.00 × 130.00%))≤ 90.00% → 降级",
    );
  });

  it(`${RULE}: a deposits task (plan and actual) is used when the record has one`, () => {
    const r = appraiseOne("h003-city-bank", president({ ...strong, tasks: [{ item: "deposits", plan: "15000", actual: "13500" }] }), "2026");
    expect(fired(r)).toEqual([{ rule: RULE, zh: "存款完成率 90.00%(实际 ¥13,500.00 ÷ 计划 ¥15,000.00)≤ 90.00% → 降级", en: "deposit completion 90.00% (actual ¥13,500.00 / plan ¥15,000.00) ≤ 90.00% → demotion" }]);
  });

  it(`${RULE}: collection completion = collection rate ÷ 99.5 %: 89.55 % → 90.00 % → demote`, () => {
    const r = appraiseOne("h003-city-bank", president({ ...strong, collectionRate: "0.8955" }), "2026");
    expect(r.score).toBe("105.00");
    expect(r.status).toBe("demoteAppointment");
    expect(fired(r).map((e) => e.zh)).toEqual(["收贷收息率完成率 90.00%(收贷收息率 89.55% ÷ 目标 99.50%)≤ 90.00% → 降级"]);
  });
});

describe(`${RULE}: h003.president.keyIndicators`, () => {
  // Collection 89.55 % (completion 90.00 %) is the only miss: the score stays 105 and deposits are complete.
  const fields = { ...strong, collectionRate: "0.8955" };
  it(`${RULE}: default [deposit, collection]: the collection completion demotes`, () => {
    expect(appraiseOne("h003-city-bank", president(fields), "2026").status).toBe("demoteAppointment");
  });

  it(`${RULE}: h003.president.keyIndicators = ["deposit"] ignores collection completion (only the off-post flag remains)`, () => {
    const r = appraiseOne("h003-city-bank", president(fields), "2026", { "h003.president.keyIndicators": ["deposit"] });
    expect(fired(r)).toEqual([]);
    expect(r.status).toBe("offPostCollection");
  });

  it(`${RULE}: an unknown key indicator in h003.president.keyIndicators is refused with the setting's path, not ignored`, () => {
    const book = loadPreset("h003-city-bank");
    const s = resolveSettings(book, { "h003.president.keyIndicators": ["deposit", "feeIncome"] });
    expect(s.ok).toBe(false);
    expect(!s.ok && s.problems[0]).toMatchObject({ path: "settings.h003.president.keyIndicators" });
    expect(!s.ok && s.problems[0].message).toContain('["deposit","collection"]');
  });

  it(`${RULE}: missing inputs are reported when nothing else fires`, () => {
    const { nplRatio: _n, ...noNpl } = strong;
    const r = appraiseOne("h003-city-bank", president({ ...noNpl, avgLoans: "0" }), "2026");
    expect(r.unavailable?.find((u) => u.rule === RULE)?.zh).toBe("缺少不良贷款率(nplRatio)");
  });

  it(`${RULE}: does not apply to CMs`, () => {
    const r = appraiseOne("h003-city-bank", { role: "cm", grade: "senior", history: [{ period: "2026", ...strong, nplRatio: "0.2", newBasicAccounts: "10" }] }, "2026");
    expect(fired(r)).toEqual([]);
  });
});
