/**
 * examples/securities-broker-commission.json — a securities branch's client-manager commission scheme
 * (證券公司客戶經紀人業績提成及激勵管理制度, http://www.szcn-led.com/baogao/1132479.html), written as data.
 * Every expected figure is worked by hand from the document in the comment beside it; the cases follow
 * examples/research/securities-broker-commission.md ("case N"). Run through `appraise evaluate --rulebook-file`.
 *
 * Formulas from the source: 月提成 = (佣金收入 − B − 客户月成本) × r with (B, r) = 金牌 (2000, 80%), 高级 (800, 70%),
 * 客户经理 (400, 60%), 客户投资助理 (200, 50%); 客户经纪 (0, 40%). Paid = max(0, computed). Reward = 资金市值 × 0.02%.
 */
import { exampleRulebook } from "./evaluateExample";

const FILE = "examples/securities-broker-commission.json";
const { evaluate, cited, says } = exampleRulebook(FILE);

/** A month of records: 佣金收入 Y, 客户月成本 C, 新开发客户资金市值 V (元), and the grade in force when given. */
const month = (period: string, Y: string, C: string, V: string, grade?: string) => ({
  period,
  ...(grade ? { grade } : {}),
  佣金收入: Y,
  客户月成本: C,
  新开发客户资金市值: V,
});

const cm = (id: string, grade: string, history: unknown[]) => ({ id, role: "cm", grade, history });

describe("securities-broker-commission (证券营业部客户经理业绩提成)", () => {
  it("case 1 — 客户经理, normal month, development target met", async () => {
    const [r] = await evaluate("2026-01", [cm("S01", "客户经理", [month("2026-01", "5000.00", "600.00", "120000.00")])]);
    // (5,000.00 − 400 − 600.00) × 60% = 4,000.00 × 0.6 = 2,400.00; 120,000.00 ≥ 100,000.00: no deduction
    // reward 120,000.00 × 0.02% = 24.00; paid 2,400.00 + 24.00 = 2,424.00; with 底薪 400.00: 2,824.00
    expect(r.commission).toBe("2424.00");
    expect(r.values).toMatchObject({ 提成计算值: "2400.00", 提成: "2400.00", 扣发: "0.00", 实发提成: "2400.00", 奖励金: "24.00", 底薪: "400.00", 含底薪合计: "2824.00", 连续负数月: "0" });
    expect(r.status).toBe("normal");
    expect(r.grade).toBe("客户经理");
    expect(cited(r)).toEqual(expect.arrayContaining(["SEC-RATE-CM", "SEC-COMPUTED", "SEC-TARGET-MISSED", "SEC-REWARD", "SEC-PAY", "SEC-STATUS"]));
    expect(says(r, "SEC-COMPUTED")).toContain("= 2,400.00");
    expect(r.unavailable).toBeUndefined();
  });

  it("cases 2 and 3 — 客户投资助理 with development exactly 100,000.00 (met) and one fen below (20% deducted)", async () => {
    const [atTarget, below] = await evaluate("2026-01", [
      cm("S02", "客户投资助理", [month("2026-01", "1000.00", "150.00", "100000.00")]),
      cm("S03", "客户投资助理", [month("2026-01", "1000.00", "150.00", "99999.99")]),
    ]);
    // case 2: (1,000.00 − 200 − 150.00) × 50% = 650.00 × 0.5 = 325.00; 100,000.00 ≥ 100,000.00 → met
    // reward 100,000.00 × 0.0002 = 20.00; total 325.00 + 20.00 = 345.00
    expect(atTarget.commission).toBe("345.00");
    expect(atTarget.values).toMatchObject({ 提成: "325.00", 扣发: "0.00", 奖励金: "20.00" });
    // case 3: 99,999.99 < 100,000.00 → missed; 扣发 325.00 × 20% = 65.00; 实发 325.00 − 65.00 = 260.00
    // reward 99,999.99 × 0.0002 = 19.999998 → 20.00 (half-up to the fen); total 260.00 + 20.00 = 280.00
    expect(below.commission).toBe("280.00");
    expect(below.values).toMatchObject({ 提成: "325.00", 扣发: "65.00", 实发提成: "260.00", 奖励金: "20.00" });
    expect(says(below, "SEC-TARGET-MISSED")).toContain("未完成");
    expect(says(below, "SEC-DEDUCT")).toContain("扣发 ¥65.00");
  });

  it("case 4 — 高级客户经理, fractional cost rounded at the end, no development target for this grade", async () => {
    const [r] = await evaluate("2026-01", [cm("S04", "高级客户经理", [month("2026-01", "10000.00", "1234.56", "0")])]);
    // (10,000.00 − 800 − 1,234.56) × 70% = 7,965.44 × 0.7 = 5,575.808 → 5,575.81; V = 0 but 高级 has no target: no deduction
    // reward 0 × 0.0002 = 0.00; total 5,575.81
    expect(r.commission).toBe("5575.81");
    expect(r.values).toMatchObject({ 提成: "5575.81", 扣发: "0.00", 奖励金: "0.00" });
    expect(says(r, "SEC-COMPUTED")).toContain("= 5,575.808");
    expect(says(r, "SEC-TARGET-SCOPE")).toContain("不承担");
  });

  it("cases 5 and 6 — 金牌客户经理 computed exactly 0 (not negative) and one fen below (negative month)", async () => {
    const [zero, negative] = await evaluate("2026-01", [
      cm("S05", "金牌客户经理", [month("2026-01", "2000.00", "0.00", "0")]),
      cm("S06", "金牌客户经理", [month("2026-01", "1999.99", "0.00", "0")]),
    ]);
    // case 5: (2,000.00 − 2,000 − 0.00) × 80% = 0.00, not < 0: streak stays 0
    expect(zero.commission).toBe("0.00");
    expect(zero.status).toBe("normal");
    expect(zero.values).toMatchObject({ 连续负数月: "0" });
    // case 6: (1,999.99 − 2,000 − 0.00) × 80% = −0.01 × 0.8 = −0.008 < 0: paid max(0, −0.008) = 0.00, streak 1
    expect(negative.commission).toBe("0.00");
    expect(negative.status).toBe("negativeMonth");
    expect(negative.values).toMatchObject({ 提成: "0.00", 连续负数月: "1" });
    expect(says(negative, "SEC-COMPUTED")).toContain("= -0.008");
    expect(cited(negative)).toContain("SEC-NEGATIVE-MONTH");
  });

  it("case 7 — 客户经纪: no base deduction, 40%, no target, no reward, no grade", async () => {
    const [r] = await evaluate("2026-01", [{ id: "S07", role: "broker", history: [{ period: "2026-01", 佣金收入: "3000.00", 客户月成本: "500.50" }] }]);
    // (3,000.00 − 500.50) × 40% = 2,499.50 × 0.4 = 999.80
    expect(r.commission).toBe("999.80");
    expect(r.grade).toBeUndefined();
    expect(r.status).toBe("normal");
    expect(r.values).toMatchObject({ 提成: "999.80", 扣发: "0.00", 实发提成: "999.80", 含底薪合计: "999.80" });
    expect(r.values).not.toHaveProperty("奖励金");
    expect(r.values).not.toHaveProperty("底薪");
    expect(cited(r)).toContain("SEC-RATE-BROKER");
  });

  it("case 8 — 客户投资助理 misses the target: half-up rounding of commission and deduction", async () => {
    const [r] = await evaluate("2026-01", [cm("S08", "客户投资助理", [month("2026-01", "1234.57", "0.00", "0")])]);
    // (1,234.57 − 200 − 0.00) × 50% = 1,034.57 × 0.5 = 517.285 → 提成 517.29
    // 扣发 517.285 × 20% = 103.457 → 103.46; 实发 517.29 − 103.46 = 413.83; reward 0.00
    expect(r.commission).toBe("413.83");
    expect(r.values).toMatchObject({ 提成: "517.29", 扣发: "103.46", 实发提成: "413.83", 奖励金: "0.00" });
  });

  it("case 9 — three negative months demote 高级 → 客户经理; April is computed as 客户经理 with the 10万 target", async () => {
    const history = [
      month("2026-01", "700.00", "0", "0", "高级客户经理"),
      month("2026-02", "800.00", "0.01", "0", "高级客户经理"),
      month("2026-03", "0.00", "0.00", "0", "高级客户经理"),
      month("2026-04", "1000.00", "100.00", "80000.00", "客户经理"),
    ];
    // Jan (700.00 − 800) × 0.7 = −70.00; Feb (800.00 − 800 − 0.01) × 0.7 = −0.007; Mar (0 − 800) × 0.7 = −560.00
    // three in a row → one grade down from April: 高级客户经理 → 客户经理; paid 0.00 in each of the three months
    const [mar] = await evaluate("2026-03", [cm("S09", "客户经理", history)]);
    expect(mar.status).toBe("demoted");
    expect(mar.grade).toBe("客户经理");
    expect(mar.commission).toBe("0.00");
    expect(mar.values).toMatchObject({ 提成计算值: "-560.00", 连续负数月: "3" });
    expect(cited(mar)).toEqual(expect.arrayContaining(["SEC-STREAK", "SEC-DEMOTE", "SEC-STATUS"]));
    expect(says(mar, "SEC-STATUS")).toContain("高级客户经理 → 客户经理");
    // Apr (客户经理): (1,000.00 − 400 − 100.00) × 0.6 = 300.00; 80,000.00 < 100,000.00 → 扣发 300.00 × 0.2 = 60.00
    // 实发 240.00; reward 80,000.00 × 0.0002 = 16.00; total 256.00; with 底薪 400.00: 656.00; streak restarts at 0
    const [apr] = await evaluate("2026-04", [cm("S09", "客户经理", history)]);
    expect(apr.commission).toBe("256.00");
    expect(apr.grade).toBe("客户经理");
    expect(apr.status).toBe("normal");
    expect(apr.values).toMatchObject({ 提成: "300.00", 扣发: "60.00", 实发提成: "240.00", 奖励金: "16.00", 底薪: "400.00", 含底薪合计: "656.00", 连续负数月: "0" });
    expect(cited(apr)).toContain("SEC-RATE-CM");
  });

  it("case 10 — a month computed exactly 0.00 breaks the run: no demotion after five months", async () => {
    const history = [
      month("2026-01", "300.00", "0", "100000"),
      month("2026-02", "350.00", "0", "100000"),
      month("2026-03", "400.00", "0", "100000"),
      month("2026-04", "0", "0", "100000"),
      month("2026-05", "100.00", "0", "100000"),
    ];
    // Jan (300 − 400) × 0.6 = −60.00 (1); Feb (350 − 400) × 0.6 = −30.00 (2); Mar (400 − 400) × 0.6 = 0.00 → reset (0)
    // Apr (0 − 400) × 0.6 = −240.00 (1); May (100 − 400) × 0.6 = −180.00 (2): still 客户经理, run 2
    const [mar] = await evaluate("2026-03", [cm("S10", "客户经理", history)]);
    expect(mar.status).toBe("normal");
    expect(mar.values).toMatchObject({ 提成计算值: "0.00", 连续负数月: "0" });
    const [may] = await evaluate("2026-05", [cm("S10", "客户经理", history)]);
    expect(may.status).toBe("negativeMonth");
    expect(may.grade).toBe("客户经理");
    expect(may.values).toMatchObject({ 提成计算值: "-180.00", 连续负数月: "2" });
    // paid commission 0.00; V = 100,000.00 meets the target; reward 100,000.00 × 0.0002 = 20.00
    expect(may.commission).toBe("20.00");
  });

  it("case 11 — the lowest grade demoted means dismissal (解聘)", async () => {
    const history = [month("2026-01", "150.00", "0", "100000.00"), month("2026-02", "0", "0", "100000.00"), month("2026-03", "199.99", "0", "100000.00")];
    // Jan (150 − 200) × 0.5 = −25.00; Feb (0 − 200) × 0.5 = −100.00; Mar (199.99 − 200) × 0.5 = −0.005 < 0: three in a row
    // 客户投资助理 has no lower grade → 解聘; paid commission 0.00, reward still 100,000.00 × 0.0002 = 20.00
    const [r] = await evaluate("2026-03", [cm("S11", "客户投资助理", history)]);
    expect(r.status).toBe("dismissed");
    expect(r.grade).toBe("客户投资助理");
    expect(r.commission).toBe("20.00");
    expect(r.values).toMatchObject({ 提成: "0.00", 奖励金: "20.00", 连续负数月: "3" });
    expect(cited(r)).toEqual(expect.arrayContaining(["SEC-DEMOTE", "SEC-DISMISS"]));
  });

  it("case 12 — a missed target in a month without commission is carried and deducted the next month", async () => {
    const history = [month("2026-01", "300.00", "0.00", "50000.00"), month("2026-02", "2400.00", "200.00", "150000.00")];
    // M1: (300 − 400) × 0.6 = −60.00 → paid 0.00; 50,000.00 < 100,000.00 missed, 20% × 0 = 0 → carried (pending 1)
    // reward 50,000.00 × 0.0002 = 10.00; total 10.00; also the first negative month (run 1)
    const [m1] = await evaluate("2026-01", [cm("S12", "客户经理", history)]);
    expect(m1.commission).toBe("10.00");
    expect(m1.values).toMatchObject({ 提成: "0.00", 扣发: "0.00", 月末待扣发次数: "1", 连续负数月: "1" });
    expect(m1.status).toBe("negativeMonth");
    expect(cited(m1)).toContain("SEC-DEDUCTION-CARRIED");
    // M2: (2,400.00 − 400 − 200.00) × 0.6 = 1,080.00; target met, carried deduction 20% × 1,080.00 = 216.00
    // 实发 1,080.00 − 216.00 = 864.00; reward 150,000.00 × 0.0002 = 30.00; total 894.00; pending 0
    const [m2] = await evaluate("2026-02", [cm("S12", "客户经理", history)]);
    expect(m2.commission).toBe("894.00");
    expect(m2.values).toMatchObject({ 提成: "1080.00", 扣发: "216.00", 实发提成: "864.00", 奖励金: "30.00", 月末待扣发次数: "0" });
    expect(m2.status).toBe("normal");
    expect(says(m2, "SEC-DEDUCT")).toContain("上月顺延 1 次");
  });

  it("case 13 — carried deduction plus the month's own miss (40%); 扣发.处理 = hold keeps 432.00 on account instead", async () => {
    const history = [month("2026-01", "300.00", "0.00", "50000.00"), month("2026-02", "2400.00", "200.00", "60000.00")];
    // M2: P = 1,080.00; own 20% + carried 20% = 40% × 1,080.00 = 432.00; 实发 648.00
    // reward 60,000.00 × 0.0002 = 12.00; total 648.00 + 12.00 = 660.00
    const [forfeit] = await evaluate("2026-02", [cm("S13", "客户经理", history)]);
    expect(forfeit.commission).toBe("660.00");
    expect(forfeit.values).toMatchObject({ 扣发: "432.00", 实发提成: "648.00", 奖励金: "12.00", 月末待扣发次数: "0" });
    expect(forfeit.values).not.toHaveProperty("暂扣余额");
    expect(says(forfeit, "SEC-DEDUCT")).toContain("不再发放");
    // Alternative reading of 扣发 (ambiguity 8): held, not forfeited. The month's pay is the same 660.00;
    // the balance withheld is 0.00 (M1 deducted nothing) + 432.00 = 432.00 and nothing is released (no clause for it).
    const [hold] = await evaluate("2026-02", [cm("S13", "客户经理", history)], ["扣发.处理=hold"]);
    expect(hold.commission).toBe("660.00");
    expect(hold.values).toMatchObject({ 扣发: "432.00", 暂扣余额: "432.00" });
    expect(cited(hold)).toEqual(expect.arrayContaining(["SEC-HOLD", "SEC-HOLD-BALANCE"]));
  });

  it("case 14 — 金牌客户经理 has no 10万 target by default; setting it for all grades deducts 20%", async () => {
    const gold = cm("S14", "金牌客户经理", [month("2026-01", "12000.00", "1000.00", "0")]);
    // (12,000.00 − 2,000 − 1,000.00) × 80% = 9,000.00 × 0.8 = 7,200.00; target covers only the two lowest grades: no deduction
    const [r] = await evaluate("2026-01", [gold]);
    expect(r.commission).toBe("7200.00");
    expect(r.values).toMatchObject({ 扣发: "0.00" });
    // Alternative (ambiguity 6): 开发任务.适用等级 = all four grades → V = 0 < 100,000.00 missed
    // 扣发 7,200.00 × 20% = 1,440.00; 实发 7,200.00 − 1,440.00 = 5,760.00; reward 0.00
    const [all] = await evaluate("2026-01", [gold], ['开发任务.适用等级=["金牌客户经理","高级客户经理","客户经理","客户投资助理"]']);
    expect(all.commission).toBe("5760.00");
    expect(all.values).toMatchObject({ 扣发: "1440.00", 实发提成: "5760.00" });
  });

  it("carried deductions add up to at most 100% of the commission (ambiguity 9)", async () => {
    // 客户投资助理, Jan–May: Y = 200.00, C = 0 → (200 − 200) × 50% = 0.00 (no commission, not negative), V = 0 missed
    // → one more pending deduction each month: 5 pending at the end of May
    // Jun: Y = 1,200.00 → (1,200.00 − 200) × 50% = 500.00, missed again: 20% × (5 + 1) = 120% → capped at 100%
    // 扣发 500.00 × 100% = 500.00; 实发 0.00; reward 0.00; pending cleared
    const history = ["01", "02", "03", "04", "05"].map((m) => month(`2026-${m}`, "200.00", "0", "0")).concat([month("2026-06", "1200.00", "0", "0")]);
    const [may] = await evaluate("2026-05", [cm("S15", "客户投资助理", history)]);
    expect(may.status).toBe("deductionCarried");
    expect(may.values).toMatchObject({ 提成计算值: "0.00", 连续负数月: "0", 月末待扣发次数: "5" });
    const [jun] = await evaluate("2026-06", [cm("S15", "客户投资助理", history)]);
    expect(jun.commission).toBe("0.00");
    expect(jun.values).toMatchObject({ 提成: "500.00", 扣发: "500.00", 实发提成: "0.00", 月末待扣发次数: "0" });
    expect(says(jun, "SEC-DEDUCT-RATE")).toContain("以 100% 为限");
  });

  it("a demotion not carried into the next month's record is flagged 等级待核对", async () => {
    // As case 9, but April's record still says 高级客户经理: computed at the recorded grade,
    // (1,000.00 − 800 − 100.00) × 70% = 70.00; 高级 has no target; reward 80,000.00 × 0.0002 = 16.00; total 86.00
    const history = [
      month("2026-01", "700.00", "0", "0", "高级客户经理"),
      month("2026-02", "800.00", "0.01", "0", "高级客户经理"),
      month("2026-03", "0.00", "0.00", "0", "高级客户经理"),
      month("2026-04", "1000.00", "100.00", "80000.00", "高级客户经理"),
    ];
    const [r] = await evaluate("2026-04", [cm("S16", "高级客户经理", history)]);
    expect(r.status).toBe("gradeToCheck");
    expect(r.commission).toBe("86.00");
    expect(cited(r)).toContain("SEC-GRADE-CHECK");
  });

  it("never guesses: a missing cost, a gap in the run, or a quarter make the figures unavailable with the reason", async () => {
    // no 客户月成本 for the month: the commission cannot be computed
    const noCost = cm("S17", "客户经理", [{ period: "2026-03", 佣金收入: "5000.00", 新开发客户资金市值: "120000.00" }]);
    // February missing: what was carried from it into March cannot be known
    const gap = cm("S18", "客户经理", [month("2026-01", "0", "0", "0"), month("2026-03", "1000.00", "0", "0")]);
    const [a, b] = await evaluate("2026-03", [noCost, gap]);
    expect(a.commission).toBeUndefined();
    expect(a.unavailable).toEqual(expect.arrayContaining([expect.objectContaining({ output: "commission", code: "na", rule: "SEC-COMPUTED" })]));
    expect(a.unavailable!.find((u) => u.output === "commission")!.zh).toContain("客户月成本");
    // Mar alone: (1,000.00 − 400 − 0) × 0.6 = 360.00 > 0, but the deductions carried from February are unknown
    expect(b.commission).toBeUndefined();
    expect(b.values).toMatchObject({ 提成: "360.00" });
    expect(b.unavailable).toEqual(expect.arrayContaining([expect.objectContaining({ output: "commission", code: "na" })]));
    expect(b.unavailable!.find((u) => u.output === "commission")!.zh).toContain("2026-02");
    // a quarter: the scheme is monthly
    const [q] = await evaluate("2026-Q1", [cm("S19", "客户经理", [month("2026-01", "5000.00", "600.00", "120000.00")])]);
    expect(q.commission).toBeUndefined();
    expect(q.unavailable).toEqual(expect.arrayContaining([expect.objectContaining({ output: "commission", code: "na", rule: "SEC-COMPUTED" })]));
  });
});
