/**
 * Business agents: H003-AGENT-PROMOTION, H003-AGENT-BASE-DEPOSIT and H003-AGENT-NO-LOANS as tool rules, with the rule
 * file's examples, boundaries and each setting alternative. Amounts are in 元 (800万 = "8000000"). H003-AGENT-NO-LOANS
 * also checks an agent's own records.
 */
import { checkManager, fieldVocabulary, resolveSettings } from "../../../src/engine/api";
import { parseAppraisalInput } from "../../../src/engine/input";
import { isUnavailable } from "../../../src/engine/outcome";
import { loadPreset } from "../../../src/engine/rulebooks";
import { toolRunner } from "../../helpers/tools";

const book = loadPreset("h003-city-bank");

const { run, value } = toolRunner(book);

/**
 * H003-AGENT-PROMOTION's answer in the shape of the rule file's examples: the verdict and its figures (window and
 * month as whole numbers, the role and grade promoted to), without the month-by-month workings (逐月, 累计).
 */
function verdict(answer: unknown): Record<string, unknown> {
  const v = answer as Record<string, any>;
  const out: Record<string, unknown> = { status: v.status };
  for (const k of ["by", "at", "average"]) if (k in v) out[k] = v[k];
  for (const k of ["window", "month"]) if (k in v) out[k] = Number(v[k]);
  if ("promoteRole" in v) out.promoteTo = { role: v.promoteRole, grade: v.promoteGrade };
  out.merit = v.merit;
  return out;
}

/** Monthly daily averages in 元 from January 2025 on. */
const months = (values: string[], from = 1, year = 2025) =>
  values.map((v, i) => {
    const idx = from - 1 + i; // calendar index from the first month
    return { period: `${year + Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`, value: v };
  });

// The rule file's example: hired January 2025, 700, 750, 800, 850, 900, 820 (万).
const EXAMPLE = months(["7000000", "7500000", "8000000", "8500000", "9000000", "8200000"]);
const promo = (input: Record<string, unknown>, settings: Record<string, unknown> = {}) => verdict(value("H003-AGENT-PROMOTION", { startDate: "2025-01-01", ...input }, settings));

describe("H003-AGENT-PROMOTION", () => {
  it("H003-AGENT-PROMOTION: the example — day-weighted 6-month average 145 500 / 181 = 803.87万 ≥ 800万 → promotable end of June 2025 (periodAverage)", () => {
    const out = run("H003-AGENT-PROMOTION", { startDate: "2025-01-01", months: EXAMPLE });
    if (isUnavailable(out)) throw new Error(out.en);
    expect(verdict(out.value)).toEqual({
      status: "promotable", by: "measure", at: "2025-06", window: 6, month: 6,
      average: "8038674.03", promoteTo: { role: "cm", grade: "junior" }, merit: false,
    });
    // 145 500万·days = ¥1,455,000,000.00·days over 181 days; 803.87万 = ¥8,038,674.03 rounded.
    expect(out.reasons[1].zh).toBe(
      "第 1–6 个月日均存款按天加权平均 ¥1,455,000,000.00·天 / 181 天 = ¥8,038,674.03 ≥ ¥8,000,000.00(6 个月期限;设置 h003.agentPromotion.measure = periodAverage;设置 h003.agentPromotion.average = dayWeighted)→ 2025-06 末可晋升为初级客户经理",
    );
  });

  it("H003-AGENT-PROMOTION h003.agentPromotion.measure = cumulativeToDate: the example → May (800.66万)", () => {
    const v = promo({ months: EXAMPLE }, { "h003.agentPromotion.measure": "cumulativeToDate" });
    expect(v).toMatchObject({ status: "promotable", at: "2025-05", month: 5, window: 6, average: "8006622.52" });
  });

  it("H003-AGENT-PROMOTION h003.agentPromotion.measure = anyMonth: the example → March (800 is not below 800)", () => {
    const v = promo({ months: EXAMPLE }, { "h003.agentPromotion.measure": "anyMonth" });
    expect(v).toMatchObject({ status: "promotable", at: "2025-03", month: 3, window: 6, average: "8000000.00" });
  });

  // Feb (28 days) low, the 31- and 30-day months high: day-weighted 145 274 / 181 = 802.62万, simple mean 4 790 / 6 = 798.33万.
  const FEB_LOW = months(["8580000", "5000000", "8580000", "8580000", "8580000", "8580000"]);

  it("H003-AGENT-PROMOTION h003.agentPromotion.average = dayWeighted (default): 802.62万 → promotable", () => {
    expect(promo({ months: FEB_LOW })).toMatchObject({ status: "promotable", at: "2025-06", average: "8026187.85" });
  });

  it("H003-AGENT-PROMOTION h003.agentPromotion.average = simpleMean: 798.33万 → not after 6 months, the 12-month window is still open", () => {
    const out = run("H003-AGENT-PROMOTION", { startDate: "2025-01-01", months: FEB_LOW }, { "h003.agentPromotion.average": "simpleMean" });
    if (isUnavailable(out)) throw new Error(out.en);
    expect(verdict(out.value)).toEqual({ status: "pending", merit: false });
    expect(out.reasons[1].en).toBe("daily-average deposits over months 1–6: ¥7,983,333.33, not ≥ ¥8,000,000.00");
  });

  // Hired mid-December 2024 with a small first month, then the example months.
  const MID_MONTH = [{ period: "2024-12", value: "1000000" }, ...EXAMPLE];

  it("H003-AGENT-PROMOTION h003.agentPromotion.firstMonth = hireMonth (default): the partial hire month is month 1", () => {
    // (100×31 + 120 900) / 182 = 681.32万 < 800万 over Dec–May; the one-year window is not complete yet.
    expect(promo({ startDate: "2024-12-16", months: MID_MONTH })).toEqual({ status: "pending", merit: false });
  });

  it("H003-AGENT-PROMOTION h003.agentPromotion.firstMonth = firstFullMonth: hired 2024-12-16, month 1 is January → promotable end of June", () => {
    const v = promo({ startDate: "2024-12-16", months: MID_MONTH }, { "h003.agentPromotion.firstMonth": "firstFullMonth" });
    expect(v).toMatchObject({ status: "promotable", at: "2025-06", average: "8038674.03" });
    // Hired on the 1st, the hire month is already a full month.
    expect(promo({ months: EXAMPLE }, { "h003.agentPromotion.firstMonth": "firstFullMonth" })).toMatchObject({ at: "2025-06" });
  });

  it.each([
    ["at 800万 → promotable", "8000000", "promotable"],
    ["just above 800万 → promotable", "8000000.01", "promotable"],
    ["just below 800万 → pending (one-year window open)", "7999999.99", "pending"],
  ])("H003-AGENT-PROMOTION six-month boundary (不低于 800万): %s", (_name, v, status) => {
    expect(promo({ months: months(Array(6).fill(v)) }).status).toBe(status);
  });

  it.each([
    ["at 600万 → promotable at the end of month 12", "6000000", { status: "promotable", at: "2025-12", window: 12, average: "6000000.00" }],
    ["just above 600万 → promotable", "6000000.01", { status: "promotable", at: "2025-12" }],
    ["just below 600万 → not promotable", "5999999.99", { status: "notPromotable" }],
  ])("H003-AGENT-PROMOTION twelve-month boundary (600万以上): %s", (_name, v, expected) => {
    expect(promo({ months: months(Array(12).fill(v)) })).toMatchObject(expected);
  });

  it("H003-AGENT-PROMOTION: under cumulativeToDate the 600万 window is judged from month 7, so the 800万 half-year rule still decides first", () => {
    const v = promo({ months: months(Array(12).fill("6000000")) }, { "h003.agentPromotion.measure": "cumulativeToDate" });
    expect(v).toMatchObject({ status: "promotable", at: "2025-07", window: 12, month: 7 });
  });

  it("H003-AGENT-PROMOTION with h003.boundary.yishangYixia = exclusive: exactly 600万 over 12 months is no longer 600万以上", () => {
    expect(promo({ months: months(Array(12).fill("6000000")) }, { "h003.boundary.yishangYixia": "exclusive" }).status).toBe("notPromotable");
    // 不低于 800万 is not affected by the setting.
    expect(promo({ months: months(Array(6).fill("8000000")) }, { "h003.boundary.yishangYixia": "exclusive" }).status).toBe("promotable");
  });

  it("H003-AGENT-PROMOTION: outstanding achievements (merit) promote on their own", () => {
    expect(promo({ months: months(["100"]), merit: true })).toEqual({ status: "promotable", by: "merit", promoteTo: { role: "cm", grade: "junior" }, merit: true });
  });

  it("H003-AGENT-PROMOTION: a missing month → #VALUE! naming it", () => {
    const out = run("H003-AGENT-PROMOTION", { startDate: "2025-01-01", months: [EXAMPLE[0], EXAMPLE[2]] });
    expect(isUnavailable(out) && out.code).toBe("value");
    expect(isUnavailable(out) && out.en).toBe("months[1].period: expected 2025-02, got 2025-03 (months must be consecutive from month 1)");
  });

  it("H003-AGENT-PROMOTION: bad input names the field", () => {
    const out = run("H003-AGENT-PROMOTION", { startDate: "2025-13-01", months: [] });
    expect(isUnavailable(out) && out.en).toBe('startDate: "2025-13-01" is not a date (YYYY-MM-DD)');
  });
});

/** The junior CMs' deposits as the tool takes them: one row each. */
const group = (amounts: string[]) => amounts.map((deposits) => ({ deposits }));
const base = (input: { group: string[]; own: string }, settings: Record<string, unknown> = {}) => value("H003-AGENT-BASE-DEPOSIT", { ...input, group: group(input.group) }, settings);
const JUNIORS = ["24000000", "31000000", "27500000", "33500000"];

describe("H003-AGENT-BASE-DEPOSIT", () => {
  it("H003-AGENT-BASE-DEPOSIT: the example — junior CMs 2 400, 3 100, 2 750, 3 350万 → base 2 900万; own 3 650万 → stock 2 900万, increment 750万", () => {
    expect(base({ group: JUNIORS, own: "36500000" })).toEqual({ base: "29000000.00", stock: "29000000.00", increment: "7500000.00" });
  });

  it("H003-AGENT-BASE-DEPOSIT: the example — own 2 500万 → stock 2 500万, increment 0", () => {
    expect(base({ group: JUNIORS, own: "25000000" })).toEqual({ base: "29000000.00", stock: "25000000.00", increment: "0.00" });
  });

  it.each([
    ["at the base", "29000000", "29000000.00", "0.00"],
    ["just above the base", "29000000.01", "29000000.00", "0.01"],
    ["just below the base", "28999999.99", "28999999.99", "0.00"],
  ])("H003-AGENT-BASE-DEPOSIT boundary: own %s", (_name, own, stock, increment) => {
    expect(base({ group: JUNIORS, own })).toMatchObject({ stock, increment });
  });

  it("H003-AGENT-BASE-DEPOSIT: the base is rounded half-up to the fen (1.00, 2.00, 2.00 → 1.67)", () => {
    expect(base({ group: ["1.00", "2.00", "2.00"], own: "2" })).toEqual({ base: "1.67", stock: "1.67", increment: "0.33" });
  });

  it("H003-AGENT-BASE-DEPOSIT: without h003.pay.stockRate and h003.pay.incrementRate the income is left out, never 0", () => {
    const out = run("H003-AGENT-BASE-DEPOSIT", { group: group(JUNIORS), own: "36500000" });
    if (isUnavailable(out)) throw new Error(out.en);
    expect(out.value).not.toHaveProperty("income");
    expect(out.reasons.some((r) => r.rule === "H003-PAY-NO-BASE-SALARY" && r.en.includes("not configured"))).toBe(true);
  });

  it("H003-AGENT-BASE-DEPOSIT h003.pay.stockRate = 0.5 and h003.pay.incrementRate = 2 (元 per 万元): 1 450.00 + 1 500.00 = 2 950.00", () => {
    const v = base({ group: JUNIORS, own: "36500000" }, { "h003.pay.stockRate": "0.5", "h003.pay.incrementRate": "2" });
    expect(v.income).toBe("2950.00");
  });

  it("H003-AGENT-BASE-DEPOSIT: one rate alone (h003.pay.stockRate only) is not enough for an income", () => {
    expect(base({ group: JUNIORS, own: "36500000" }, { "h003.pay.stockRate": "0.5" })).not.toHaveProperty("income");
  });

  it("H003-AGENT-BASE-DEPOSIT: an empty group → #VALUE!", () => {
    const out = run("H003-AGENT-BASE-DEPOSIT", { group: [], own: "1" });
    expect(isUnavailable(out) && out.en).toBe("group: group must not be empty");
  });
});

/** A finding row as the validator reports it: its severity, rule, row and message. */
const finding = (f: any) => ({ severity: f.severity, rule: f.rule, ref: f.ref, message: { zh: f.zh, en: f.en } });

/** The findings of H003-AGENT-NO-LOANS's checks on one person's records. */
function checked(manager: Record<string, unknown>) {
  const parsed = parseAppraisalInput({ period: "2026-01", managers: [{ id: "T1", ...manager }] }, fieldVocabulary(book));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  const s = resolveSettings(book);
  if (!s.ok) throw new Error("settings");
  return checkManager(book, s.value, parsed.value.managers[0], "2026-01").filter((f) => f.rule === "H003-AGENT-NO-LOANS");
}

describe("H003-AGENT-NO-LOANS", () => {
  it("H003-AGENT-NO-LOANS: the example — an agent listed as manager of a 50万 loan → error \"业务代办员不承办贷款 (H003-AGENT-NO-LOANS)\"", () => {
    const v = value("H003-AGENT-NO-LOANS", { role: "agent", rows: [{ ref: "Loans!A7", client: "华强五金", loanAmount: "500000" }] });
    expect(v.applies).toBe(true);
    expect(v.findings.map(finding)).toEqual([
      {
        severity: "error",
        rule: "H003-AGENT-NO-LOANS",
        ref: "Loans!A7",
        message: { zh: "业务代办员不承办贷款 (H003-AGENT-NO-LOANS):贷款金额 ¥500,000.00", en: "business agents do not handle loans (H003-AGENT-NO-LOANS): loan amount ¥500,000.00" },
      },
    ]);
  });

  it.each([
    ["a loan client with 0.01 元 of loans → error", { avgLoans: "0.01" }, ["error"]],
    ["a client with 0 loans → nothing", { avgLoans: "0", avgDeposits: "300000" }, []],
    ["a deposit-only row → nothing", { avgDeposits: "300000" }, []],
    ["an NPL ratio given for an agent → warning (not appraised)", { nplRatio: "0.02" }, ["warning"]],
  ])("H003-AGENT-NO-LOANS: %s", (_name, row, severities) => {
    const v = value("H003-AGENT-NO-LOANS", { role: "agent", rows: [row] });
    expect(v.findings.map((f: any) => f.severity)).toEqual(severities);
  });

  it("H003-AGENT-NO-LOANS: a CM's loans are not checked", () => {
    expect(value("H003-AGENT-NO-LOANS", { role: "cm", rows: [{ loanAmount: "500000" }] })).toEqual({ applies: false, findings: [] });
  });

  it("H003-AGENT-NO-LOANS: an unknown role or a bad amount → #VALUE!", () => {
    const a = run("H003-AGENT-NO-LOANS", { role: "teller", rows: [] });
    expect(isUnavailable(a) && a.en).toBe('role: "teller" is not a role of this rulebook (president, cm, agent)');
    const b = run("H003-AGENT-NO-LOANS", { role: "agent", rows: [{ loanAmount: "5O0" }] });
    expect(isUnavailable(b) && b.en).toBe('rows[0].loanAmount: text "5O0" is not a number');
  });

  it("H003-AGENT-NO-LOANS on an agent's own records: loans in the month or on a client are errors, an NPL ratio a warning", () => {
    const history = [{ period: "2026-01", avgDeposits: "3000000", avgLoans: "500000", nplRatio: "0.02", clients: [{ id: "C1", avgDeposits: "300000", avgLoans: "0.01" }, { id: "C2", avgDeposits: "300000" }] }];
    const f = checked({ role: "agent", history });
    expect(f.map((x) => [x.severity, x.field, x.client ?? null])).toEqual([["error", "avgLoans", null], ["error", "avgLoans", 0], ["warning", "nplRatio", null]]);
    expect(f[0].zh).toBe("业务代办员不承办贷款:日均贷款 ¥500,000.00");
    expect(f[1].en).toBe("business agents do not handle loans: daily-average loans ¥0.01");
    expect(f.map((x) => x.code)).toEqual(["roleRowCheck", "roleRowCheck", "roleRowCheck"]);
    // A CM's loans are not checked; an agent's month with 0 loans is not a finding.
    expect(checked({ role: "cm", grade: "junior", history })).toEqual([]);
    expect(checked({ role: "agent", history: [{ period: "2026-01", avgDeposits: "3000000", avgLoans: "0" }] })).toEqual([]);
  });
});
