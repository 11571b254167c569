/**
 * The brokerage CM pay snippet end to end with appraiseOne("c000-snip-brokerage", …): C000-FUT-PAY and its parts
 * C000-FUT-BASE, C000-FUT-LOTS, C000-FUT-COMMISSION, C000-FUT-ATTENDANCE, C000-FUT-BONUS, C000-FUT-FINE, and the
 * tools C000-FUT-LOTS, C000-FUT-REGULARIZE and C000-FUT-PAYDAY, with every c000.fut.* setting. The commission
 * table is lost in the seed: "10 % from 20 standard lots" is the rule file's illustrative configuration.
 */
import { isUnavailable } from "../../../src/engine/outcome";
import { loadPreset } from "../../../src/engine/rulebooks";
import { Settings } from "../../../src/engine/settings";
import { runTool } from "../../../src/engine/tools";
import { appraiseOne } from "../../helpers/appraise";

const BOOK = "c000-snip-brokerage";
const TIERS = { "c000.fut.commission.tiers": [{ atLeast: "20", rate: "10%" }] };

/** A regular CM's May (no effective account) and June records; June gets `june`. */
function cm(june: Record<string, unknown>, may: Record<string, unknown> | null = { effectiveAccounts: 0 }, grade = "regular") {
  const history = [...(may ? [{ period: "2024-05", ...may }] : []), { period: "2024-06", ...june }];
  return { role: "cm", grade, history };
}
/** June with full attendance, no lots, no account: pay = base + 200 full-attendance bonus. */
const FULL = { attendedDays: 22, requiredDays: 22, lots15t: 0, effectiveAccounts: 0 };
const pay = (m: Record<string, unknown>, s: Record<string, unknown> = {}) => appraiseOne(BOOK, m, "2024-06", s);
const lines = (r: ReturnType<typeof appraiseOne>, rule: string) => r.explanation.filter((e) => e.rule === rule);

const book = loadPreset(BOOK);
function tool(id: string, input: unknown, s: Record<string, unknown> = {}): any {
  const r = Settings.resolve(book.doc, s);
  expect(r.problems).toEqual([]);
  const out = runTool(book, r.settings, id, input);
  if (isUnavailable(out)) return out;
  expect(out.reasons.length).toBeGreaterThan(0);
  return { ...(out.value as object), reasons: out.reasons };
}

describe("C000-FUT-ATTENDANCE and C000-FUT-PAY: the rule file's example", () => {
  const june = { attendedDays: 10, requiredDays: 22, lots150t: 2, lots50t: 3, lots15t: 4, netRevenue: "20000", disciplineBreaches: 2, effectiveAccounts: 0 };

  it("C000-FUT-ATTENDANCE: regular CM, June, 10 of 22 days, no account in May or June, 34 lots, revenue 20 000 at 10 %, 2 breaches → 1480.00", () => {
    const r = pay(cm(june), TIERS);
    expect(r.commission).toBe("1480.00");
    expect(lines(r, "C000-FUT-PAY")).toEqual([
      {
        rule: "C000-FUT-PAY",
        zh: "实际工资 = 底薪 ¥500.00 + 奖金 ¥0.00 + 提成 ¥1,000.00 + 满勤奖 ¥0.00 − 扣款 ¥20.00 = ¥1,480.00(满勤奖只计一次)",
        en: "pay = base ¥500.00 + bonuses ¥0.00 + commission ¥1,000.00 + full attendance ¥0.00 − fines ¥20.00 = ¥1,480.00 (the full-attendance bonus counted once)",
      },
    ]);
    expect(lines(r, "C000-FUT-ATTENDANCE").map((l) => l.zh)).toEqual([
      "出勤 10 天,应出勤 22 天的 50.00% 为 11 天:10 < 11 → 底薪和提成各 × 50.00%",
      "底薪减半:¥1,000.00 × 50.00% = ¥500.00",
      "提成减半:¥2,000.00 × 50.00% = ¥1,000.00",
    ]);
  });

  it("C000-FUT-ATTENDANCE: with 11 attended days (exactly half) there is no halving → 2980.00", () => {
    expect(pay(cm({ ...june, attendedDays: 11 }), TIERS).commission).toBe("2980.00");
  });

  it("C000-FUT-ATTENDANCE: 10.5 days (just below half) halves → base 500, commission 1000, pay 1480.00", () => {
    expect(pay(cm({ ...june, attendedDays: "10.5" }), TIERS).commission).toBe("1480.00");
  });

  it("C000-FUT-ATTENDANCE: bonuses and fines are not halved (3 accounts opened add 60 in full)", () => {
    expect(pay(cm({ ...june, accountsOpened: 3 }), TIERS).commission).toBe("1540.00");
  });

  it("C000-FUT-PAY / C000-FUT-PAYDAY: the explanation gives the payday", () => {
    expect(lines(pay(cm(june), TIERS), "C000-FUT-PAYDAY")).toEqual([
      { rule: "C000-FUT-PAYDAY", zh: "2024-06 工资于 2024-07-15 由部门经理发放", en: "pay for 2024-06 is issued by the department manager on 2024-07-15" },
    ]);
  });

  it("C000-FUT-PAY: missing attendance → #N/A naming the field, never a partial pay", () => {
    const { attendedDays: _a, ...rest } = june;
    const r = pay(cm(rest), TIERS);
    expect(r.commission).toBeUndefined();
    expect(r.unavailable?.[0]).toMatchObject({ output: "commission", code: "na", rule: "C000-FUT-ATTENDANCE", en: "missing days attended (attendedDays)" });
  });
});

describe("C000-FUT-BASE", () => {
  it("C000-FUT-BASE: the rule file's example — regular CM, no effective account in May or June → June base 1000 (pay 1200.00 with full attendance)", () => {
    const r = pay(cm(FULL));
    expect(r.commission).toBe("1200.00");
    expect(lines(r, "C000-FUT-BASE")).toEqual([
      {
        rule: "C000-FUT-BASE",
        zh: "2024-05 至 2024-06 连续 2 个月未出有效户 → 底薪降为 ¥1,000.00(设置 c000.fut.baseCut.from = secondMonth)",
        en: "2024-05 to 2024-06: no effective account 2 months running → base cut to ¥1,000.00 (setting c000.fut.baseCut.from = secondMonth)",
      },
    ]);
  });

  it("C000-FUT-BASE: the rule file's example — the same CM with one effective account in June → 2500 (pay 2700.00)", () => {
    expect(pay(cm({ ...FULL, effectiveAccounts: 1 })).commission).toBe("2700.00");
  });

  it("C000-FUT-BASE: an account in May only → June is the first empty month → 2500", () => {
    expect(pay(cm(FULL, { effectiveAccounts: 1 })).commission).toBe("2700.00");
  });

  it("C000-FUT-BASE: c000.fut.baseCut.from = followingMonth — two empty months are not cut yet, the third is", () => {
    const s = { "c000.fut.baseCut.from": "followingMonth" };
    const two = { role: "cm", grade: "regular", history: [{ period: "2024-04", effectiveAccounts: 1 }, { period: "2024-05", effectiveAccounts: 0 }, { period: "2024-06", ...FULL }] };
    expect(pay(two, s).commission).toBe("2700.00");
    // April is needed to tell: without it the base cannot be judged.
    expect(pay(cm(FULL), s).unavailable?.[0]).toMatchObject({ code: "na", rule: "C000-FUT-BASE" });
    const three = { role: "cm", grade: "regular", history: [{ period: "2024-04", effectiveAccounts: 0 }, { period: "2024-05", effectiveAccounts: 0 }, { period: "2024-06", ...FULL }] };
    expect(pay(three, s).commission).toBe("1200.00");
  });

  it("C000-FUT-BASE: c000.fut.base.depositOverridesCut = false (default) — 入金 50 000 does not escape the cut", () => {
    expect(pay(cm({ ...FULL, depositsIn: "50000" })).commission).toBe("1200.00");
  });

  it.each([
    ["50 000 (at 五万以上)", "50000", "2700.00"],
    ["49 999.99 (just below)", "49999.99", "1200.00"],
    ["50 000.01 (just above)", "50000.01", "2700.00"],
  ])("C000-FUT-BASE: c000.fut.base.depositOverridesCut = true — 入金 %s → pay %s", (_l, depositsIn, total) => {
    expect(pay(cm({ ...FULL, depositsIn }), { "c000.fut.base.depositOverridesCut": true }).commission).toBe(total);
  });

  it("C000-FUT-BASE: the first month of employment (flag newHire) has no earlier month → no cut", () => {
    expect(pay(cm({ ...FULL, flags: ["newHire"] }, null)).commission).toBe("2700.00");
  });

  it("C000-FUT-BASE: without May's record (and no newHire flag) the cut cannot be judged → #N/A", () => {
    const r = pay(cm(FULL, null));
    expect(r.commission).toBeUndefined();
    expect(r.unavailable?.[0]).toMatchObject({ code: "na", rule: "C000-FUT-BASE" });
    expect(r.unavailable?.[0].zh).toContain("请在该月标记 newHire");
  });

  it.each([
    ["50 000", "50000", "2700.00"],
    ["50 000.01", "50000.01", "2700.00"],
  ])("C000-FUT-BASE: a CM on probation with an account and 入金 %s → normal base 2500 (pay %s)", (_l, depositsIn, total) => {
    expect(pay(cm({ ...FULL, effectiveAccounts: 1, depositsIn }, { effectiveAccounts: 0 }, "probation")).commission).toBe(total);
  });

  it("C000-FUT-BASE: on probation with 入金 49 999.99 the base is in the lost table → #N/A naming c000.fut.base.otherwise", () => {
    const r = pay(cm({ ...FULL, effectiveAccounts: 1, depositsIn: "49999.99" }, { effectiveAccounts: 0 }, "probation"));
    expect(r.commission).toBeUndefined();
    expect(r.unavailable?.[0]).toMatchObject({ code: "na", rule: "C000-FUT-BASE" });
    expect(r.unavailable?.[0].en).toContain("c000.fut.base.otherwise is not set");
  });

  it("C000-FUT-BASE: c000.fut.base.otherwise set — one amount, or tiers by standard lots (13.33 lots → the tier from 10)", () => {
    const june = { ...FULL, effectiveAccounts: 1, depositsIn: "1000" };
    const flat = { "c000.fut.base.otherwise": [{ atLeast: "0", base: "1500" }] };
    expect(pay(cm(june, { effectiveAccounts: 0 }, "probation"), flat).commission).toBe("1700.00");
    const tiers = { "c000.fut.base.otherwise": [{ atLeast: "0", base: "1200" }, { atLeast: "10", base: "1800" }] };
    expect(pay(cm({ ...june, lots15t: 0, lots150t: 1, lots50t: 1 }, { effectiveAccounts: 0 }, "probation"), tiers).commission).toBe("2000.00");
  });
});

describe("C000-FUT-LOTS", () => {
  const lotRows = (rows: Array<[number, number]>) => rows.map(([tonnes, lots]) => ({ tonnes, lots }));
  it.each([
    ["2 × 150 t + 3 × 50 t + 4 × 15 t", [[150, 2], [50, 3], [15, 4]], "510", "34.00"],
    ["1 × 150 t + 1 × 50 t", [[150, 1], [50, 1]], "200", "13.33"],
    ["6 × 50 t", [[50, 6]], "300", "20.00"],
  ])("C000-FUT-LOTS: the rule file's example — %s", (_l, rows, tonnes, standardLots) => {
    // 510 ÷ 15 = 34; 200 ÷ 15 = 13.33…; 300 ÷ 15 = 20 exactly (the 20-lot gate must hold at 6 × 50 t).
    expect(tool("C000-FUT-LOTS", { lots: lotRows(rows as Array<[number, number]>) })).toMatchObject({ tonnes, standardLots });
  });

  it("C000-FUT-LOTS: the explanation shows the conversion", () => {
    expect(tool("C000-FUT-LOTS", { lots: lotRows([[150, 1], [50, 1]]) }).reasons[0].zh).toBe(
      "客户交易手数:150吨 1 手 + 50吨 1 手 = 13.33… 标准手(合计 200 吨,15 吨为 1 标准手)",
    );
  });

  it("C000-FUT-LOTS: c000.fut.lots.factors set to a custom table — 6 × 50 t at 3 lots each = 18", () => {
    expect(tool("C000-FUT-LOTS", { lots: lotRows([[50, 6]]) }, { "c000.fut.lots.factors": { "15": "1", "50": "3", "150": "10" } }).standardLots).toBe("18.00");
  });

  it("C000-FUT-LOTS: a contract size without a factor is an input error", () => {
    expect(tool("C000-FUT-LOTS", { lots: lotRows([[25, 1]]) })).toMatchObject({ unavailable: true, code: "value", en: "no conversion factor for 25 t contracts" });
  });
});

describe("C000-FUT-COMMISSION", () => {
  const june = (lots: Record<string, unknown>, revenue = "20000") => cm({ ...FULL, effectiveAccounts: 1, lots15t: 0, ...lots, netRevenue: revenue });

  it("C000-FUT-COMMISSION: the rule file's example — 13.33 lots → 0 whatever the revenue, even with the table unset", () => {
    const r = pay(june({ lots150t: 1, lots50t: 1 }, "999999"));
    expect(r.commission).toBe("2700.00");
    expect(lines(r, "C000-FUT-COMMISSION")[0].zh).toBe("当月客户交易 13.33… 标准手 < 20 标准手,净创收提成比例为 0 → 提成 ¥0.00");
  });

  it("C000-FUT-COMMISSION: the rule file's example — 34 lots, net revenue 20 000, configured 10 % → 2000 (pay 4700.00)", () => {
    expect(pay(june({ lots150t: 2, lots50t: 3, lots15t: 4 }), TIERS).commission).toBe("4700.00");
  });

  it.each([
    ["19 lots (just below 20)", { lots15t: 19 }, "2700.00"],
    ["6 × 50 t = exactly 20 lots (at)", { lots50t: 6 }, "4700.00"],
    ["21 lots (just above)", { lots15t: 21 }, "4700.00"],
  ])("C000-FUT-COMMISSION: %s → pay %s with the 10 % table", (_l, lots, total) => {
    expect(pay(june(lots), TIERS).commission).toBe(total);
  });

  it("C000-FUT-COMMISSION: c000.fut.commission.tiers unset at 20 lots or more → #N/A naming the setting, never a guessed rate", () => {
    const r = pay(june({ lots50t: 6 }));
    expect(r.commission).toBeUndefined();
    expect(r.unavailable).toHaveLength(1);
    expect(r.unavailable?.[0]).toMatchObject({ output: "commission", code: "na", rule: "C000-FUT-COMMISSION" });
    expect(r.unavailable?.[0].en).toContain("c000.fut.commission.tiers is not set");
    expect(r.unavailable?.[0].zh).toContain("未设置 c000.fut.commission.tiers");
  });

  it("C000-FUT-COMMISSION: c000.fut.commission.tiers with two tiers — 34 lots take the tier from 30 (12 %)", () => {
    const s = { "c000.fut.commission.tiers": [{ atLeast: "20", rate: "10%" }, { atLeast: "30", rate: "12%" }] };
    expect(pay(june({ lots150t: 2, lots50t: 3, lots15t: 4 }), s).commission).toBe("5100.00");
  });

  it("C000-FUT-COMMISSION: a table that starts above 20 lots leaves 20–24 uncovered → #N/A", () => {
    const r = pay(june({ lots15t: 21 }), { "c000.fut.commission.tiers": [{ atLeast: "25", rate: "10%" }] });
    expect(r.unavailable?.[0].en).toBe("c000.fut.commission.tiers has no tier for 21 standard lots");
  });

  it("C000-FUT-COMMISSION: the pay is rounded once, to the fen (revenue 333.35 × 10 % halved = 16.6675 → pay 516.67 + …)", () => {
    const r = pay(cm({ attendedDays: 10, requiredDays: 22, lots15t: 20, netRevenue: "333.35", effectiveAccounts: 1 }), TIERS);
    // base 2500 × 50 % = 1250; commission 33.335 × 50 % = 16.6675; total 1266.6675 → 1266.67
    expect(r.commission).toBe("1266.67");
  });
});

describe("C000-FUT-BONUS and C000-FUT-FINE", () => {
  it("C000-FUT-BONUS: the rule file's example — full attendance and 3 accounts opened → 200 + 60 = 260 (pay 2760.00)", () => {
    const r = pay(cm({ ...FULL, effectiveAccounts: 1, accountsOpened: 3 }));
    expect(r.commission).toBe("2760.00");
    expect(lines(r, "C000-FUT-BONUS")[0].zh).toBe("满勤奖:出勤 22 天 ≥ 应出勤 22 天 → ¥200.00;开户奖 3 户 × ¥20.00 = ¥60.00(设置 c000.fut.openingBonus.per = account);其他奖项 ¥0.00");
  });

  it("C000-FUT-BONUS: c000.fut.openingBonus.per = monthIfAny — 3 accounts → 20 once (pay 2720.00)", () => {
    expect(pay(cm({ ...FULL, effectiveAccounts: 1, accountsOpened: 3 }), { "c000.fut.openingBonus.per": "monthIfAny" }).commission).toBe("2720.00");
  });

  it.each([
    ["21 of 22 days (just below)", 21, "2500.00"],
    ["22 of 22 (at)", 22, "2700.00"],
    ["23 of 22 (above)", 23, "2700.00"],
  ])("C000-FUT-BONUS: full-attendance bonus with %s → pay %s", (_l, attendedDays, total) => {
    expect(pay(cm({ ...FULL, effectiveAccounts: 1, attendedDays })).commission).toBe(total);
  });

  it("C000-FUT-BONUS: other awards (micro-trading) are an input added in full", () => {
    expect(pay(cm({ ...FULL, effectiveAccounts: 1, otherAwards: "88.8" })).commission).toBe("2788.80");
  });

  it("C000-FUT-FINE: the rule file's example — 2 breaches → 20 (pay 2680.00)", () => {
    const r = pay(cm({ ...FULL, effectiveAccounts: 1, disciplineBreaches: 2 }));
    expect(r.commission).toBe("2680.00");
    expect(lines(r, "C000-FUT-FINE")).toEqual([{ rule: "C000-FUT-FINE", zh: "违反考勤与工作纪律 2 次 × ¥10.00 = 扣 ¥20.00", en: "2 breach(es) × ¥10.00 = ¥20.00 fined" }]);
  });
});

describe("C000-FUT-REGULARIZE", () => {
  it("C000-FUT-REGULARIZE: the rule file's example — hired 2024-03-01, a client deposits 50 000 on 2024-04-20 → regular from 2024-05-01", () => {
    const v = tool("C000-FUT-REGULARIZE", { hireDate: "2024-03-01", clients: [{ id: "K1", date: "2024-04-20", amount: "50000" }] });
    expect(v).toMatchObject({ regular: true, regularFrom: "2024-05-01", grade: "regular" });
    expect(v.reasons[0].zh).toBe("2024-03-01 入职,试用期 2 个月内 2024-04-20 客户 K1 资金 ¥50,000.00 ≥ ¥50,000.00 → 自 2024-05-01 起转正");
  });

  it.each([
    ["49 999.99 (just below 5W)", "2024-04-20", "49999.99", false],
    ["50 000.01 (just above)", "2024-04-20", "50000.01", true],
    ["on 2024-04-30 (last day of probation)", "2024-04-30", "60000", true],
    ["on 2024-05-01 (after probation)", "2024-05-01", "60000", false],
    ["on 2024-02-29 (before hire)", "2024-02-29", "60000", false],
  ])("C000-FUT-REGULARIZE: a client %s → regular %s", (_l, date, amount, regular) => {
    expect(tool("C000-FUT-REGULARIZE", { hireDate: "2024-03-01", clients: [{ date, amount }] }).regular).toBe(regular);
  });

  it("C000-FUT-REGULARIZE: no qualifying client → notRegularized (no consequence computed)", () => {
    expect(tool("C000-FUT-REGULARIZE", { hireDate: "2024-03-01", clients: [] })).toMatchObject({ regular: false, status: "notRegularized", decidedOn: "2024-05-01" });
  });
});

describe("C000-FUT-PAYDAY", () => {
  it.each([
    ["2024-06", "2024-07-15"],
    ["2024-12", "2025-01-15"],
  ])("C000-FUT-PAYDAY: the rule file's example — pay for %s is issued on %s", (month, payDate) => {
    expect(tool("C000-FUT-PAYDAY", { month }).payDate).toBe(payDate);
  });
});
