/**
 * H003-PAY-NO-BASE-SALARY: pay = Σ volume × rate per line, no fixed part; the seed gives no rates, so without
 * h003.pay.stockRate / h003.pay.incrementRate the commission is #N/A naming them, never 0.
 */
import { appraiseOne } from "../../helpers/appraise";

const RB = "h003-city-bank";
const RULE = "H003-PAY-NO-BASE-SALARY";
const RATES = { "h003.pay.stockRate": "0.5", "h003.pay.incrementRate": "2" };
const cm = (avgDeposits: string, baseDeposits: string, period = "2026-10") => ({
  role: "cm",
  grade: "junior",
  history: [{ period, avgDeposits, baseDeposits }],
});

describe("H003-PAY-NO-BASE-SALARY", () => {
  it("H003-PAY-NO-BASE-SALARY the rule file's example: 2 900万 × 0.5 + 750万 × 2 = 2 950.00 元", () => {
    const r = appraiseOne(RB, cm("36500000", "29000000"), "2026-10", RATES);
    expect(r.commission).toBe("2950.00");
    // Stock 2 900万 ÷ 1万 × 0.5 = 1 450.00; increment 750万 ÷ 1万 × 2 = 1 500.00; total 2 950.00.
    expect(r.explanation.filter((e) => e.rule === RULE)).toEqual([
      {
        rule: RULE,
        zh: "存量存款 ¥29,000,000.00 每万元 0.5 元 + 增量存款 ¥7,500,000.00 每万元 2 元 = ¥2,950.00(无基本工资、固定工资和等级工资)",
        en: "stock deposits ¥29,000,000.00 at 0.5 per 10,000 + increment ¥7,500,000.00 at 2 per 10,000 = ¥2,950.00 (no base, fixed or grade salary)",
      },
    ]);
  });

  it.each([
    ["25000000", "29000000", "1250.00"],
    ["29000000", "29000000", "1450.00"],
    ["29000001", "29000000", "1450.00"],
    ["29000100", "29000000", "1450.02"],
    ["0", "29000000", "0.00"],
  ])("H003-PAY-NO-BASE-SALARY own %s against base %s → %s (no increment below the base)", (own, base, pay) => {
    expect(appraiseOne(RB, cm(own, base), "2026-10", RATES).commission).toBe(pay);
  });

  it("H003-PAY-NO-BASE-SALARY a bank's own rates: 100万 stock × 10 元/万 + 50万 increment × 3 元/万 = 1 150.00", () => {
    // Stock min(150万, 100万) = 100万 → 100 × 10 = 1 000.00; increment 150万 − 100万 = 50万 → 50 × 3 = 150.00.
    const r = appraiseOne(RB, cm("1500000", "1000000", "2026-01"), "2026-01", { "h003.pay.stockRate": "10", "h003.pay.incrementRate": "3" });
    expect(r.commission).toBe("1150.00");
  });

  it("H003-PAY-NO-BASE-SALARY h003.pay.stockRate and h003.pay.incrementRate unset (no default): #N/A naming both, never 0", () => {
    const r = appraiseOne(RB, cm("36500000", "29000000"), "2026-10");
    expect(r.commission).toBeUndefined();
    expect(r.unavailable?.find((u) => u.output === "commission")).toEqual({
      output: "commission",
      code: "na",
      rule: RULE,
      zh: "未设置收入含量:h003.pay.stockRate、h003.pay.incrementRate(H003 原文未给出含量标准,须按《黄石市商业银行收入考核办法》设置)",
      en: "pay rates not configured: h003.pay.stockRate, h003.pay.incrementRate (H003 gives none; set them from the bank's income assessment measures)",
    });
  });

  it("H003-PAY-NO-BASE-SALARY only h003.pay.stockRate set: still #N/A, naming h003.pay.incrementRate only", () => {
    const r = appraiseOne(RB, cm("36500000", "29000000"), "2026-10", { "h003.pay.stockRate": "0.5" });
    expect(r.commission).toBeUndefined();
    const u = r.unavailable?.find((x) => x.output === "commission");
    expect(u?.en.startsWith("pay rates not configured: h003.pay.incrementRate (")).toBe(true);
  });

  it("H003-PAY-NO-BASE-SALARY only h003.pay.incrementRate set: #N/A naming h003.pay.stockRate", () => {
    const r = appraiseOne(RB, cm("36500000", "29000000"), "2026-10", { "h003.pay.incrementRate": "2" });
    expect(r.unavailable?.find((x) => x.output === "commission")?.en.startsWith("pay rates not configured: h003.pay.stockRate (")).toBe(true);
  });

  it("H003-PAY-NO-BASE-SALARY rates set but the month lacks base deposits: #N/A for the missing field", () => {
    const r = appraiseOne(RB, { role: "cm", grade: "junior", history: [{ period: "2026-10", avgDeposits: "1000" }] }, "2026-10", RATES);
    expect(r.commission).toBeUndefined();
    expect(r.unavailable?.find((x) => x.output === "commission")).toMatchObject({ code: "na", en: "missing base deposits (baseDeposits)" });
  });

  it("H003-PAY-NO-BASE-SALARY is paid monthly: an annual appraisal has no commission and no #N/A for it", () => {
    const r = appraiseOne(RB, cm("36500000", "29000000", "2026"), "2026", RATES);
    expect(r.commission).toBeUndefined();
    expect(r.unavailable?.some((x) => x.output === "commission")).toBeFalsy();
  });

  it("H003-PAY-NO-BASE-SALARY does not apply to agents", () => {
    const r = appraiseOne(RB, { role: "agent", history: [{ period: "2026-10", avgDeposits: "36500000", baseDeposits: "29000000" }] }, "2026-10", RATES);
    expect(r.commission).toBeUndefined();
  });

  it("H003-PAY-NO-BASE-SALARY rates may be written with units (h003.pay.stockRate = \"0.5元\")", () => {
    expect(appraiseOne(RB, cm("36500000", "29000000"), "2026-10", { "h003.pay.stockRate": "0.5元", "h003.pay.incrementRate": "2元" }).commission).toBe("2950.00");
  });
});
