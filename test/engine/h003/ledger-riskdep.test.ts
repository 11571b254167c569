/**
 * H003 risk deposit through the appraisal (the riskDeposit stage of the pipeline): H003-RISKDEP-WITHHOLD,
 * H003-RISKDEP-CAP, H003-RISKDEP-GRADE-CHANGE, H003-RISKDEP-LEDGER, with every setting alternative.
 */
import { appraiseOne } from "../../helpers/appraise";

const RB = "h003-city-bank";
const INCOMES = ["8000", "12000", "9500.55", "-500", "15000", "20000", "18000"];
const periodOf = (i: number) => `2026-${String(i + 1).padStart(2, "0")}`;
const history = (incomes: string[], extra: Record<string, unknown> = {}) => incomes.map((income, i) => ({ period: periodOf(i), income, ...extra }));
const cm = (grade: string, records: Array<Record<string, unknown>>, more: Record<string, unknown> = {}) => ({ role: "cm", grade, history: records, ...more });
const said = (r: { explanation: Array<{ rule: string; zh: string; en: string }> }, rule: string) => r.explanation.filter((e) => e.rule === rule);

describe("H003-RISKDEP-CAP the rule file's seven-month example, month by month from a zero balance", () => {
  const expected: Array<[string, string, string]> = [
    ["2026-01", "1600.00", "1600.00"],
    ["2026-02", "2400.00", "4000.00"],
    ["2026-03", "1900.11", "5900.11"],
    ["2026-04", "0.00", "5900.11"],
    ["2026-05", "3000.00", "8900.11"],
    ["2026-06", "1099.89", "10000.00"],
    ["2026-07", "0.00", "10000.00"],
  ];
  it.each(expected)("H003-RISKDEP-CAP %s: withheld %s, balance %s", (period, withheld, balance) => {
    const r = appraiseOne(RB, cm("intermediate", history(INCOMES)), period);
    expect(r.riskDeposit).toEqual({ withheld, balance, refundable: "0.00" });
  });

  it("H003-RISKDEP-CAP explains the month that reaches the cap", () => {
    const r = appraiseOne(RB, cm("intermediate", history(INCOMES)), "2026-06");
    expect(said(r, "H003-RISKDEP-CAP")).toEqual([
      {
        rule: "H003-RISKDEP-CAP",
        zh: "中级客户经理上限 ¥10,000.00,已存 ¥8,900.11,本月只提 ¥1,099.89",
        en: "intermediate CM cap ¥10,000.00, ¥8,900.11 held, only ¥1,099.89 withheld this month (20% would be ¥4,000.00)",
      },
    ]);
    expect(said(r, "H003-RISKDEP-LEDGER")[0].zh).toBe(
      "期初 ¥8,900.11(未提供结转余额,由 2026-01 至 2026-05 共 5 期从 ¥0.00 推算)+ 本期提取 ¥1,099.89 − 退还 ¥0.00 = 期末 ¥10,000.00",
    );
  });

  it("H003-RISKDEP-CAP explains a month at the cap", () => {
    const r = appraiseOne(RB, cm("intermediate", history(INCOMES)), "2026-07");
    expect(said(r, "H003-RISKDEP-CAP")[0].zh).toBe("中级客户经理上限 ¥10,000.00,已存 ¥10,000.00,已达上限,本月不提取");
  });

  it("H003-RISKDEP-WITHHOLD explains an ordinary month and a negative income", () => {
    const march = appraiseOne(RB, cm("intermediate", history(INCOMES)), "2026-03");
    expect(said(march, "H003-RISKDEP-WITHHOLD")[0]).toEqual({
      rule: "H003-RISKDEP-WITHHOLD",
      zh: "月收入 ¥9,500.55 × 20% = ¥1,900.11,提取风险金,余额 ¥5,900.11",
      en: "income ¥9,500.55 × 20% = ¥1,900.11 withheld, balance ¥5,900.11",
    });
    const april = appraiseOne(RB, cm("intermediate", history(INCOMES)), "2026-04");
    expect(said(april, "H003-RISKDEP-WITHHOLD")[0].zh).toBe("月收入 -¥500.00 ≤ 0,本月不提取风险金,余额 ¥5,900.11");
  });
});

describe("H003-RISKDEP-LEDGER carried-in balance (riskDeposit.balance)", () => {
  it("H003-RISKDEP-LEDGER withholds only the appraised month from the carried balance; earlier months are not re-run", () => {
    // The earlier months would reach 10 000 on their own; with a carried balance of 8 900.11 only June counts.
    const r = appraiseOne(RB, cm("intermediate", history(INCOMES.slice(0, 6)), { riskDeposit: { balance: "8900.11" } }), "2026-06");
    expect(r.riskDeposit).toEqual({ withheld: "1099.89", balance: "10000.00", refundable: "0.00" });
    expect(said(r, "H003-RISKDEP-LEDGER")[0].zh).toBe("期初 ¥8,900.11(结转余额)+ 本期提取 ¥1,099.89 − 退还 ¥0.00 = 期末 ¥10,000.00");
  });

  it("H003-RISKDEP-LEDGER carried balance with only the appraised month in the history", () => {
    const r = appraiseOne(RB, cm("junior", [{ period: "2026-10", income: "8500.00" }], { riskDeposit: { balance: "4000.00" } }), "2026-10");
    expect(r.riskDeposit).toEqual({ withheld: "1000.00", balance: "5000.00", refundable: "0.00" });
  });

  it("H003-RISKDEP-LEDGER a year's appraisal sums the withholding of its months", () => {
    const r = appraiseOne(RB, cm("intermediate", history(INCOMES)), "2026");
    expect(r.riskDeposit).toEqual({ withheld: "10000.00", balance: "10000.00", refundable: "0.00" });
    expect(said(r, "H003-RISKDEP-CAP")[0].zh).toBe("2026-06:中级客户经理上限 ¥10,000.00,已存 ¥8,900.11,本月只提 ¥1,099.89");
  });

  it("H003-RISKDEP-LEDGER no monthly income anywhere (an annual scoring input): the risk deposit is absent, not 0", () => {
    const r = appraiseOne(RB, cm("intermediate", [{ period: "2026", avgDeposits: "1000" }]), "2026");
    expect(r.riskDeposit).toBeUndefined();
    expect(r.unavailable?.some((u) => u.output === "riskDeposit")).toBeFalsy();
  });

  it("H003-RISKDEP-LEDGER a missing month in the history makes the balance unknown (#N/A), naming the month", () => {
    const records = history(INCOMES).filter((h) => h.period !== "2026-03");
    const r = appraiseOne(RB, cm("intermediate", records), "2026-05");
    expect(r.riskDeposit).toBeUndefined();
    const u = r.unavailable?.find((x) => x.output === "riskDeposit");
    expect(u).toMatchObject({ code: "na", rule: "H003-RISKDEP-WITHHOLD" });
    expect(u?.zh).toBe("2026-03:缺少 2026-03 的记录");
  });

  it("H003-RISKDEP-LEDGER the appraised month without income is #N/A, never 0", () => {
    const r = appraiseOne(RB, cm("intermediate", [{ period: "2026-01", income: "8000" }, { period: "2026-02", avgDeposits: "1" }]), "2026-02");
    expect(r.riskDeposit).toBeUndefined();
    expect(r.unavailable?.find((x) => x.output === "riskDeposit")).toMatchObject({ code: "na", rule: "H003-RISKDEP-WITHHOLD", en: "2026-02: missing monthly income (income)" });
  });

  it("H003-RISKDEP-LEDGER no record for the appraised month is #N/A", () => {
    const r = appraiseOne(RB, cm("intermediate", history(["8000"])), "2026-02");
    expect(r.unavailable?.find((x) => x.output === "riskDeposit")?.code).toBe("na");
  });

  it("H003-RISKDEP-LEDGER a month listed twice is bad input (#VALUE!)", () => {
    const r = appraiseOne(RB, cm("intermediate", [{ period: "2026-01", income: "8000" }, { period: "2026-01", income: "8000" }]), "2026-01");
    expect(r.unavailable?.find((x) => x.output === "riskDeposit")?.code).toBe("value");
  });
});

describe("H003-RISKDEP-WITHHOLD who is withheld from", () => {
  it("H003-RISKDEP-WITHHOLD a branch president is withheld from at the grade's cap", () => {
    const r = appraiseOne(RB, { role: "president", grade: "senior", history: [{ period: "2026-01", income: "30000" }], riskDeposit: { balance: "19000" } }, "2026-01");
    expect(r.riskDeposit).toEqual({ withheld: "1000.00", balance: "20000.00", refundable: "0.00" });
  });

  it("H003-RISKDEP-WITHHOLD an agent has no risk deposit", () => {
    const r = appraiseOne(RB, { role: "agent", history: [{ period: "2026-01", income: "30000" }] }, "2026-01");
    expect(r.riskDeposit).toBeUndefined();
  });

  it("H003-RISKDEP-WITHHOLD months as an agent before promotion withhold nothing", () => {
    const records = [
      { period: "2026-01", income: "9000", role: "agent" },
      { period: "2026-02", income: "9000", grade: "junior" },
    ];
    const r = appraiseOne(RB, cm("junior", records), "2026-02");
    expect(r.riskDeposit).toEqual({ withheld: "1800.00", balance: "1800.00", refundable: "0.00" });
  });

  it("H003-RISKDEP-CAP a CM without a grade is #N/A (no cap)", () => {
    const r = appraiseOne(RB, { role: "cm", history: [{ period: "2026-01", income: "9000" }] }, "2026-01");
    expect(r.unavailable?.find((x) => x.output === "riskDeposit")).toMatchObject({ code: "na", zh: "2026-01:没有等级,无法确定风险金上限" });
  });
});

describe("H003-RISKDEP-GRADE-CHANGE", () => {
  it("H003-RISKDEP-GRADE-CHANGE a junior at 5 000 promoted to intermediate: 2 400.00, then the remainder 2 600.00", () => {
    const records = [
      { period: "2026-01", income: "25000", grade: "junior" },
      { period: "2026-02", income: "12000", grade: "intermediate" },
      { period: "2026-03", income: "15000", grade: "intermediate" },
    ];
    expect(appraiseOne(RB, cm("intermediate", records), "2026-01").riskDeposit).toEqual({ withheld: "5000.00", balance: "5000.00", refundable: "0.00" });
    expect(appraiseOne(RB, cm("intermediate", records), "2026-02").riskDeposit).toEqual({ withheld: "2400.00", balance: "7400.00", refundable: "0.00" });
    expect(appraiseOne(RB, cm("intermediate", records), "2026-03").riskDeposit).toEqual({ withheld: "2600.00", balance: "10000.00", refundable: "0.00" });
  });

  const demoted = [
    { period: "2026-01", income: "100000", grade: "senior" },
    { period: "2026-02", income: "15000", grade: "intermediate" },
  ];

  it("H003-RISKDEP-GRADE-CHANGE h003.riskDeposit.excessOnDemotion = hold (default): a senior at 20 000 demoted keeps 20 000, 0 withheld", () => {
    const r = appraiseOne(RB, cm("intermediate", demoted), "2026-02");
    expect(r.riskDeposit).toEqual({ withheld: "0.00", balance: "20000.00", refundable: "0.00" });
    expect(said(r, "H003-RISKDEP-GRADE-CHANGE")[0].zh).toBe(
      "余额 ¥20,000.00 已超过中级客户经理上限 ¥10,000.00,超出部分保留至离岗后退还(h003.riskDeposit.excessOnDemotion = hold),本月不提取",
    );
  });

  it("H003-RISKDEP-GRADE-CHANGE h003.riskDeposit.excessOnDemotion = refundExcess: 10 000.00 refunded in the month of the demotion", () => {
    const r = appraiseOne(RB, cm("intermediate", demoted), "2026-02", { "h003.riskDeposit.excessOnDemotion": "refundExcess" });
    expect(r.riskDeposit).toEqual({ withheld: "0.00", balance: "10000.00", refundable: "10000.00" });
    expect(said(r, "H003-RISKDEP-GRADE-CHANGE")[0].zh).toBe(
      "余额 ¥20,000.00 超过中级客户经理上限 ¥10,000.00,当月退还超出部分 ¥10,000.00(h003.riskDeposit.excessOnDemotion = refundExcess),余额 ¥10,000.00",
    );
    expect(said(r, "H003-RISKDEP-LEDGER")[0].zh).toContain("+ 本期提取 ¥0.00 − 退还 ¥10,000.00 = 期末 ¥10,000.00");
  });

  it("H003-RISKDEP-GRADE-CHANGE refundExcess: the month after the demotion refunds nothing more", () => {
    const records = [...demoted, { period: "2026-03", income: "15000", grade: "intermediate" }];
    const r = appraiseOne(RB, cm("intermediate", records), "2026-03", { "h003.riskDeposit.excessOnDemotion": "refundExcess" });
    expect(r.riskDeposit).toEqual({ withheld: "0.00", balance: "10000.00", refundable: "0.00" });
  });

  it("H003-RISKDEP-GRADE-CHANGE the appraised month uses the manager's grade when the record has none", () => {
    const r = appraiseOne(RB, cm("junior", [{ period: "2026-05", income: "20000" }], { riskDeposit: { balance: "4500" } }), "2026-05");
    expect(r.riskDeposit).toEqual({ withheld: "500.00", balance: "5000.00", refundable: "0.00" });
  });
});

describe("H003-RISKDEP-WITHHOLD settings", () => {
  const withLoss = [{ period: "2026-01", income: "9000", lossYuan: "3000", lossShare: "0.5" }];

  it("H003-RISKDEP-WITHHOLD h003.riskDeposit.incomeBase = grossMonthlyIncome (default): 20% of 9 000 gross", () => {
    const r = appraiseOne(RB, cm("intermediate", withLoss), "2026-01");
    expect(r.riskDeposit?.withheld).toBe("1800.00");
  });

  it("H003-RISKDEP-WITHHOLD h003.riskDeposit.incomeBase = afterLossDeductions: 20% of 9 000 − 1 500 = 1 500.00", () => {
    const r = appraiseOne(RB, cm("intermediate", withLoss), "2026-01", { "h003.riskDeposit.incomeBase": "afterLossDeductions" });
    expect(r.riskDeposit).toEqual({ withheld: "1500.00", balance: "1500.00", refundable: "0.00" });
    // 3 000 × 50% = 1 500 deducted (H003-MGMT-LOSS-DEDUCT); (9 000 − 1 500) × 20% = 1 500 withheld.
    expect(said(r, "H003-RISKDEP-WITHHOLD")[0].zh).toBe("月收入 ¥9,000.00 扣减损失 ¥1,500.00(H003-MGMT-LOSS-DEDUCT)后 ¥7,500.00 × 20% = ¥1,500.00,提取风险金,余额 ¥1,500.00");
  });

  it("H003-RISKDEP-WITHHOLD afterLossDeductions: a loss above the income leaves nothing to withhold from", () => {
    const r = appraiseOne(RB, cm("intermediate", [{ period: "2026-01", income: "9000", lossYuan: "12000" }]), "2026-01", {
      "h003.riskDeposit.incomeBase": "afterLossDeductions",
    });
    expect(r.riskDeposit?.withheld).toBe("0.00");
  });

  it("H003-RISKDEP-WITHHOLD afterLossDeductions with h003.mgmtLoss.appliesToCMs = false: a CM's income is not reduced", () => {
    const r = appraiseOne(RB, cm("intermediate", withLoss), "2026-01", { "h003.riskDeposit.incomeBase": "afterLossDeductions", "h003.mgmtLoss.appliesToCMs": false });
    expect(r.riskDeposit?.withheld).toBe("1800.00");
  });

  it("H003-RISKDEP-WITHHOLD h003.riskDeposit.rate = 10%: 9 500.55 → 950.06 (950.055 rounded half-up)", () => {
    const r = appraiseOne(RB, cm("intermediate", [{ period: "2026-01", income: "9500.55" }]), "2026-01", { "h003.riskDeposit.rate": "10%" });
    expect(r.riskDeposit?.withheld).toBe("950.06");
  });

  it("H003-RISKDEP-CAP h003.riskDeposit.caps: a bank's own caps replace 20 000 / 10 000 / 5 000", () => {
    const caps = { senior: "30000", intermediate: "15000", junior: "8000" };
    const r = appraiseOne(RB, cm("intermediate", [{ period: "2026-01", income: "20000" }], { riskDeposit: { balance: "12000" } }), "2026-01", { "h003.riskDeposit.caps": caps });
    expect(r.riskDeposit).toEqual({ withheld: "3000.00", balance: "15000.00", refundable: "0.00" });
  });

  it("H003-RISKDEP-CAP h003.riskDeposit.caps without the manager's grade is #N/A", () => {
    const r = appraiseOne(RB, cm("junior", [{ period: "2026-01", income: "20000" }]), "2026-01", { "h003.riskDeposit.caps": { senior: "20000" } });
    expect(r.unavailable?.find((x) => x.output === "riskDeposit")).toMatchObject({ code: "na", zh: "2026-01:初级客户经理没有设置风险金上限" });
  });
});

describe("H003-MGMT-LOSS-DEDUCT shares read from records", () => {
  it("H003-MGMT-LOSS-DEDUCT a record's lossShare above 1 is #VALUE!, not a larger deduction than the loss", () => {
    // "50" (percent units) is already refused by the input reader; a share just above 1 reaches the rule.
    const r = appraiseOne(RB, cm("intermediate", [{ period: "2026-01", income: "9000", lossYuan: "3000", lossShare: "1.2" }]), "2026-01", {
      "h003.riskDeposit.incomeBase": "afterLossDeductions",
    });
    expect(r.riskDeposit).toBeUndefined();
    expect(r.unavailable?.find((x) => x.output === "riskDeposit")).toMatchObject({ code: "value", rule: "H003-MGMT-LOSS-DEDUCT" });
  });
});

describe("H003-RISKDEP-WITHHOLD one month from a zero balance: 20 % of the income, rounded half-up to the fen once", () => {
  const month = (income: string) => appraiseOne(RB, cm("intermediate", [{ period: "2026-01", income }]), "2026-01");
  it.each([
    ["0", "0.00"],
    ["-0.01", "0.00"],
  ])("H003-RISKDEP-WITHHOLD income %s ≤ 0 → nothing withheld (%s)", (income, withheld) => {
    const r = month(income);
    expect(r.riskDeposit).toEqual({ withheld, balance: "0.00", refundable: "0.00" });
    expect(said(r, "H003-RISKDEP-WITHHOLD")[0].zh).toMatch(/≤ 0,本月不提取风险金,余额 ¥0\.00$/);
  });

  it.each([
    ["0.01", "0.00", "¥0.00"], // 0.002 rounds down
    ["0.025", "0.01", "¥0.01"], // 0.005 rounds half-up
    ["0.024", "0.00", "¥0.00"], // 0.0048 rounds down
    ["9500.55", "1900.11", "¥1,900.11"], // 1 900.11 exactly
  ])("H003-RISKDEP-WITHHOLD income %s → %s withheld", (income, withheld, shown) => {
    const r = month(income);
    expect(r.riskDeposit).toEqual({ withheld, balance: withheld, refundable: "0.00" });
    expect(said(r, "H003-RISKDEP-WITHHOLD")[0].zh).toContain(`= ${shown},提取风险金`);
  });
});

describe("H003-RISKDEP-CAP boundaries from a carried-in balance", () => {
  /** Which line explains the month: the ordinary 20 % line, only the remainder to the cap, or nothing at the cap. */
  const lineOf = (r: ReturnType<typeof appraiseOne>) =>
    said(r, "H003-RISKDEP-CAP")[0]?.zh.includes("已达上限") ? "atCap" : said(r, "H003-RISKDEP-CAP").length > 0 ? "capped" : "withheld";
  it.each([
    ["intermediate", "8000", "10000", "2000.00", "10000.00", "withheld"], // 20 % lands exactly on the cap
    ["intermediate", "8000", "10000.05", "2000.00", "10000.00", "capped"], // 2 000.01 due, 2 000.00 of room
    ["intermediate", "8000", "9999.95", "1999.99", "9999.99", "withheld"],
    ["intermediate", "9999.99", "1000", "0.01", "10000.00", "capped"],
    ["intermediate", "10000", "1000", "0.00", "10000.00", "atCap"],
    ["senior", "19999.99", "50000", "0.01", "20000.00", "capped"],
    ["junior", "4999", "10000", "1.00", "5000.00", "capped"],
  ])("H003-RISKDEP-CAP %s with %s carried in, income %s → withheld %s, balance %s (%s)", (grade, opening, income, withheld, balance, line) => {
    const r = appraiseOne(RB, cm(grade, [{ period: "2026-01", income }], { riskDeposit: { balance: opening } }), "2026-01");
    expect(r.riskDeposit).toEqual({ withheld, balance, refundable: "0.00" });
    expect(lineOf(r)).toBe(line);
  });

  it("H003-RISKDEP-CAP the seven-month example: the cap line speaks only in June (the remainder) and July (at the cap); April's loss withholds nothing", () => {
    const lines = INCOMES.map((_, i) => {
      const r = appraiseOne(RB, cm("intermediate", history(INCOMES)), periodOf(i));
      return said(r, "H003-RISKDEP-WITHHOLD")[0]?.zh.includes("≤ 0") ? "noIncome" : lineOf(r);
    });
    expect(lines).toEqual(["withheld", "withheld", "withheld", "noIncome", "withheld", "capped", "atCap"]);
  });

  it("H003-RISKDEP-GRADE-CHANGE refundExcess refunds nothing when the balance is exactly at the cap", () => {
    const r = appraiseOne(RB, cm("intermediate", [{ period: "2026-01", income: "15000" }], { riskDeposit: { balance: "10000" } }), "2026-01", {
      "h003.riskDeposit.excessOnDemotion": "refundExcess",
    });
    expect(r.riskDeposit).toEqual({ withheld: "0.00", balance: "10000.00", refundable: "0.00" });
  });

  it("H003-RISKDEP-GRADE-CHANGE a carried balance of 6 000 above the junior cap of 5 000 is held (default hold), nothing withheld", () => {
    const r = appraiseOne(RB, cm("junior", [{ period: "2026-01", income: "9000" }], { riskDeposit: { balance: "6000" } }), "2026-01");
    expect(r.riskDeposit).toEqual({ withheld: "0.00", balance: "6000.00", refundable: "0.00" });
    expect(said(r, "H003-RISKDEP-GRADE-CHANGE")[0].zh).toBe(
      "余额 ¥6,000.00 已超过初级客户经理上限 ¥5,000.00,超出部分保留至离岗后退还(h003.riskDeposit.excessOnDemotion = hold),本月不提取",
    );
  });

  it("H003-RISKDEP-LEDGER a negative carried-in balance is refused with the input, never run", () => {
    expect(() => appraiseOne(RB, cm("intermediate", [{ period: "2026-01", income: "9000" }], { riskDeposit: { balance: "-0.01" } }), "2026-01")).toThrow(
      "managers[0].riskDeposit.balance: a risk-deposit balance is never negative",
    );
  });

  it("H003-RISKDEP-CAP a bank's own rate and caps (10 %, junior 1 000): 900.00, then only the remainder 100.00", () => {
    const settings = { "h003.riskDeposit.rate": "10%", "h003.riskDeposit.caps": { senior: "3000", intermediate: "2000", junior: "1000" } };
    const r = appraiseOne(RB, cm("junior", history(["9000", "9000"])), "2026-02", settings);
    expect(r.riskDeposit).toEqual({ withheld: "100.00", balance: "1000.00", refundable: "0.00" });
    expect(said(r, "H003-RISKDEP-CAP")[0].zh).toBe("初级客户经理上限 ¥1,000.00,已存 ¥900.00,本月只提 ¥100.00");
  });
});
