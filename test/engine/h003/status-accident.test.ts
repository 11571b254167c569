/**
 * H003-DISMISS-PRESIDENT-ACCIDENT: a major safety or liability accident → at least a demoted appointment; a loss of
 * h003.president.accidentDismissLossYuan (default 10 000 元, "萬元以上", 以上 per the boundary setting) or more →
 * dismissal. The president otherwise scores 105 and meets every key indicator.
 */
import { appraiseOne } from "../../helpers/appraise";

const RULE = "H003-DISMISS-PRESIDENT-ACCIDENT";

const strong = {
  avgDeposits: "140000000",
  baseDeposits: "100000000",
  nplRatio: "0",
  avgLoans: "50000000",
  collectionRate: "1",
  interestDue: "100000",
  feeIncomeGrowth: "0.3",
  newLoanCollectionRate: "1",
};
const president = (fields: Record<string, unknown>) => ({ role: "president", grade: "junior", history: [{ period: "2026", ...strong, ...fields }] });
const accident = (loss?: string) => president({ flags: ["majorAccident"], ...(loss !== undefined ? { lossYuan: loss } : {}) });
const fired = (r: ReturnType<typeof appraiseOne>) => r.explanation.filter((e) => e.rule === RULE);

describe(`${RULE}`, () => {
  it(`${RULE}: rule file example: loss 9 999.99 元 → demote`, () => {
    const r = appraiseOne("h003-city-bank", accident("9999.99"), "2026");
    expect(r.status).toBe("demoteAppointment");
    expect(r.grade).toBe("junior");
    expect(fired(r)).toEqual([
      { rule: RULE, zh: "考核年度(2026-01–2026-12)出现重大安全责任事故 → 降级", en: "major accident in the assessment year (2026-01–2026-12) → demotion" },
    ]);
  });

  it(`${RULE}: rule file example: loss 10 000.00 元 → dismiss`, () => {
    const r = appraiseOne("h003-city-bank", accident("10000"), "2026");
    expect(r.status).toBe("dismiss");
    expect(fired(r)).toEqual([
      {
        rule: RULE,
        zh: "考核年度(2026-01–2026-12)重大安全责任事故造成的损失金额合计 ¥10,000.00 ≥ ¥10,000.00 → 解除劳动合同",
        en: "loss amount caused by major accident in the assessment year (2026-01–2026-12): ¥10,000.00 ≥ ¥10,000.00 → dismissal",
      },
    ]);
  });

  it(`${RULE}: loss 10 000.01 元 (just above) → dismiss`, () => {
    expect(appraiseOne("h003-city-bank", accident("10000.01"), "2026").status).toBe("dismiss");
  });

  it(`${RULE}: h003.president.accidentDismissLossYuan = 50000: a 10 000 元 loss only demotes; 50 000 dismisses`, () => {
    const s = { "h003.president.accidentDismissLossYuan": "50000" };
    expect(appraiseOne("h003-city-bank", accident("10000"), "2026", s).status).toBe("demoteAppointment");
    expect(appraiseOne("h003-city-bank", accident("50000"), "2026", s).status).toBe("dismiss");
  });

  it(`${RULE}: h003.boundary.yishangYixia = exclusive: 萬元以上 means > 10 000, so exactly 10 000 demotes`, () => {
    const s = { "h003.boundary.yishangYixia": "exclusive" };
    expect(appraiseOne("h003-city-bank", accident("10000"), "2026", s).status).toBe("demoteAppointment");
    expect(appraiseOne("h003-city-bank", accident("10000.01"), "2026", s).status).toBe("dismiss");
  });

  it(`${RULE}: an accident with no loss figure demotes and says the dismissal could not be judged`, () => {
    const r = appraiseOne("h003-city-bank", accident(), "2026");
    expect(r.status).toBe("demoteAppointment");
    expect(fired(r).map((e) => e.zh)).toEqual(["考核年度(2026-01–2026-12)出现重大安全责任事故 → 降级", "无法判断:2026:考核年度缺少重大安全责任事故造成的损失金额(lossYuan)"]);
  });

  it(`${RULE}: a loss without an accident flag is not an accident loss`, () => {
    const r = appraiseOne("h003-city-bank", president({ lossYuan: "20000" }), "2026");
    expect(r.status).toBe("normal");
  });

  it(`${RULE}: losses of several accident months add up over the assessment year`, () => {
    const history = [
      { period: "2026-03", ...strong, flags: ["majorAccident"], lossYuan: "6000" },
      { period: "2026-09", ...strong, flags: ["majorAccident"], lossYuan: "4000" },
      { period: "2026", ...strong },
    ];
    const r = appraiseOne("h003-city-bank", { role: "president", grade: "junior", history }, "2026");
    expect(r.status).toBe("dismiss");
  });

  it(`${RULE}: does not apply to CMs`, () => {
    const r = appraiseOne("h003-city-bank", { ...accident("20000"), role: "cm" }, "2026");
    expect(fired(r)).toEqual([]);
  });
});
