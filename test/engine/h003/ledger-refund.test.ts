/**
 * H003-RISKDEP-REFUND (tool rule): refund date addMonths(leaveDate, N) with clamping, refund = max(0, balance −
 * compensation), still owed = the shortfall; and the ledger tool H003-RISKDEP-LEDGER over explicit months.
 */
import { resolveSettings } from "../../../src/engine/api";
import { Dec } from "../../../src/engine/decimal";
import { isUnavailable } from "../../../src/engine/outcome";
import { loadPreset } from "../../../src/engine/rulebooks";
import { runTool } from "../../../src/engine/tools";
import { appraiseOne } from "../../helpers/appraise";

const book = loadPreset("h003-city-bank");
function tool(rule: string, input: unknown, overrides: Record<string, unknown> = {}) {
  const s = resolveSettings(book, overrides);
  if (!s.ok) throw new Error(JSON.stringify(s.problems));
  return runTool(book, s.value, rule, input);
}
/** Tool values with every Dec written as a 2-decimal string, for literal comparison. */
function plainValue(x: unknown): unknown {
  if (x instanceof Dec) return x.toFixed(2);
  if (Array.isArray(x)) return x.map(plainValue);
  if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plainValue(v)]));
  return x;
}
function ok(rule: string, input: unknown, overrides: Record<string, unknown> = {}) {
  const r = tool(rule, input, overrides);
  if (isUnavailable(r)) throw new Error(`${r.zh} / ${r.en}`);
  return { value: plainValue(r.value) as Record<string, unknown>, reasons: r.reasons };
}

describe("H003-RISKDEP-REFUND the rule file's examples (balance 7 350.40, left 2025-08-31)", () => {
  it.each([
    ["0", "7350.40", "0.00", "0.00"],
    ["1200", "6150.40", "1200.00", "0.00"],
    ["9000", "0.00", "7350.40", "1649.60"],
  ])("H003-RISKDEP-REFUND losses %s → refund %s (applied %s, still owed %s) from 2026-02-28", (comp, refund, applied, owed) => {
    const r = ok("H003-RISKDEP-REFUND", { balance: "7350.40", leaveDate: "2025-08-31", compensationYuan: comp });
    expect(r.value).toEqual({ refundDate: "2026-02-28", applied, refund, stillOwed: owed, closing: "0.00" });
  });

  it("H003-RISKDEP-REFUND explains the date, the losses and the shortfall in both languages", () => {
    const r = ok("H003-RISKDEP-REFUND", { balance: "7350.40", leaveDate: "2025-08-31", compensationYuan: "9000" });
    expect(r.reasons).toEqual([
      {
        rule: "H003-RISKDEP-REFUND",
        zh: "转岗、离岗日 2025-08-31 后 6 个月(h003.riskDeposit.refundDelayMonths) → 2026-02-28 起经查实后退还(该月无此日,取月末)",
        en: "left the post on 2025-08-31; 6 months later (h003.riskDeposit.refundDelayMonths) → refund from 2026-02-28 once verified (clamped to the month's last day)",
      },
      {
        rule: "H003-RISKDEP-REFUND",
        zh: "查实损失 ¥9,000.00 超过余额 ¥7,350.40:余额全部抵扣,退还 ¥0.00,尚欠 ¥1,649.60",
        en: "verified losses ¥9,000.00 exceed the balance ¥7,350.40: all of it is applied, refund ¥0.00, still owed ¥1,649.60",
      },
      {
        rule: "H003-RISKDEP-LEDGER",
        zh: "余额 ¥7,350.40 − 抵扣损失 ¥7,350.40 − 退还 ¥0.00 = ¥0.00",
        en: "balance ¥7,350.40 − applied to losses ¥7,350.40 − refunded ¥0.00 = ¥0.00",
      },
    ]);
  });

  it("H003-RISKDEP-REFUND no losses: the whole balance, explained", () => {
    const r = ok("H003-RISKDEP-REFUND", { balance: "7350.40", leaveDate: "2025-08-31", compensationYuan: "0" });
    expect(r.reasons[1].zh).toBe("查实无违规、无损失,余额 ¥7,350.40 全部退还");
  });
});

describe("H003-RISKDEP-REFUND boundaries", () => {
  it.each([
    ["7350.40", "7350.40", "0.00", "0.00"],
    ["7350.40", "7350.39", "0.01", "0.00"],
    ["7350.40", "7350.41", "0.00", "0.01"],
    ["0", "0", "0.00", "0.00"],
    ["0", "100", "0.00", "100.00"],
  ])("H003-RISKDEP-REFUND balance %s, losses %s → refund %s, still owed %s", (balance, comp, refund, owed) => {
    const r = ok("H003-RISKDEP-REFUND", { balance, leaveDate: "2025-01-15", compensationYuan: comp });
    expect([r.value.refund, r.value.stillOwed, r.value.closing]).toEqual([refund, owed, "0.00"]);
  });

  it.each([
    ["2025-08-31", "2026-02-28"],
    ["2025-08-30", "2026-02-28"],
    ["2025-08-28", "2026-02-28"],
    ["2025-08-27", "2026-02-27"],
    ["2023-08-31", "2024-02-29"],
    ["2025-03-31", "2025-09-30"],
    ["2025-07-31", "2026-01-31"],
    ["2025-12-15", "2026-06-15"],
  ])("H003-RISKDEP-REFUND left %s → refundable from %s (addMonths clamps to the month's end)", (left, date) => {
    expect(ok("H003-RISKDEP-REFUND", { balance: "1", leaveDate: left, compensationYuan: "0" }).value.refundDate).toBe(date);
  });

  it.each([
    ["2026-02-27", false],
    ["2026-02-28", true],
    ["2026-03-01", true],
  ])("H003-RISKDEP-REFUND settled on %s → due %s", (asOf, due) => {
    const r = ok("H003-RISKDEP-REFUND", { balance: "7350.40", leaveDate: "2025-08-31", compensationYuan: "0", asOf });
    expect(r.value.due).toBe(due);
    if (!due) expect(r.reasons.some((x) => x.zh === "截至 2026-02-27 未满 6 个月,暂不退还")).toBe(true);
  });

  it("H003-RISKDEP-REFUND h003.riskDeposit.refundDelayMonths = 12: refundable a year after leaving", () => {
    const r = ok("H003-RISKDEP-REFUND", { balance: "1", leaveDate: "2025-08-31", compensationYuan: "0" }, { "h003.riskDeposit.refundDelayMonths": 12 });
    expect(r.value.refundDate).toBe("2026-08-31");
  });

  it.each([
    [{ balance: "7350.40", leaveDate: "2025-08-31" }, "compensationYuan"],
    [{ balance: "-1", leaveDate: "2025-08-31", compensationYuan: "0" }, "balance"],
    [{ balance: "1,2O0", leaveDate: "2025-08-31", compensationYuan: "0" }, "balance"],
    [{ balance: "1", leaveDate: "2025-02-30", compensationYuan: "0" }, "leaveDate"],
  ])("H003-RISKDEP-REFUND bad input %j is #VALUE! at %s, never a guess", (input, where) => {
    const r = tool("H003-RISKDEP-REFUND", input);
    expect(isUnavailable(r) && r.code).toBe("value");
    expect(isUnavailable(r) && r.en.startsWith(where)).toBe(true);
  });
});

/**
 * H003-RISKDEP-LEDGER is the ledger the appraisal keeps over a manager's months (rulebook format 2 has no separate
 * "ledger tool"): the same figures, from monthly records.
 */
describe("H003-RISKDEP-LEDGER over a manager's months", () => {
  const months = (incomes: string[], extra: (i: number) => Record<string, unknown> = () => ({})) =>
    incomes.map((income, i) => ({ period: `2026-${String(i + 1).padStart(2, "0")}`, income, ...extra(i) }));
  const appraise = (grade: string | undefined, history: Array<Record<string, unknown>>, period: string, settings: Record<string, unknown> = {}, more: Record<string, unknown> = {}) =>
    appraiseOne("h003-city-bank", { role: "cm", ...(grade ? { grade } : {}), history, ...more }, period, settings);

  it("H003-RISKDEP-LEDGER reproduces the seven-month example with every month's movements", () => {
    const history = months(["8000", "12000", "9500.55", "-500", "15000", "20000", "18000"]);
    // 1 600.00 + 2 400.00 + 1 900.11 + 0 + 3 000.00 + 1 099.89 (only the remainder to the 10 000 cap) + 0 = 10 000.00
    const byMonth = history.map((h) => appraise("intermediate", history, h.period as string).riskDeposit?.withheld);
    expect(byMonth).toEqual(["1600.00", "2400.00", "1900.11", "0.00", "3000.00", "1099.89", "0.00"]);
    const year = appraise("intermediate", history, "2026");
    expect(year.riskDeposit).toEqual({ withheld: "10000.00", balance: "10000.00", refundable: "0.00" });
    expect(year.explanation.find((x) => x.rule === "H003-RISKDEP-CAP")?.zh).toBe("2026-06:中级客户经理上限 ¥10,000.00,已存 ¥8,900.11,本月只提 ¥1,099.89");
    expect(year.explanation.filter((x) => x.rule === "H003-RISKDEP-LEDGER").pop()).toEqual({
      rule: "H003-RISKDEP-LEDGER",
      zh: "期初 ¥0.00(未提供结转余额,从 ¥0.00 开始)+ 本期提取 ¥10,000.00 − 退还 ¥0.00 = 期末 ¥10,000.00",
      en: "opening ¥0.00 (no balance carried in, starting from ¥0.00) + withheld ¥10,000.00 − refunded ¥0.00 = closing ¥10,000.00",
    });
  });

  it("H003-RISKDEP-LEDGER with the rule file's conservation example: 0 + 10 000 − 1 200 (losses) − 8 800 (refund) = 0", () => {
    const run = appraise("intermediate", months(["50000", "50000"]), "2026-02");
    expect(run.riskDeposit?.balance).toBe("10000.00");
    const settle = ok("H003-RISKDEP-REFUND", { balance: run.riskDeposit!.balance, leaveDate: "2026-03-31", compensationYuan: "1200" });
    expect([settle.value.applied, settle.value.refund, settle.value.closing]).toEqual(["1200.00", "8800.00", "0.00"]);
  });

  it("H003-RISKDEP-LEDGER h003.riskDeposit.excessOnDemotion = refundExcess over the months", () => {
    const r = appraise("intermediate", [{ period: "2026-04", income: "15000" }], "2026-04", { "h003.riskDeposit.excessOnDemotion": "refundExcess" }, { riskDeposit: { balance: "20000" } });
    expect([r.riskDeposit?.refundable, r.riskDeposit?.balance]).toEqual(["10000.00", "10000.00"]);
  });

  it("H003-RISKDEP-LEDGER an agent month (role given) withholds nothing", () => {
    const history = [{ period: "2026-01", income: "9000", role: "agent" }, { period: "2026-02", income: "9000" }];
    expect(appraise("junior", history, "2026-01").riskDeposit).toBeUndefined();
    // February as a junior CM: 20 % of 9 000 = 1 800.00; January as an agent withheld nothing.
    expect(appraise("junior", history, "2026-02").riskDeposit).toEqual({ withheld: "1800.00", balance: "1800.00", refundable: "0.00" });
  });

  it("H003-RISKDEP-LEDGER a month without a grade is #N/A", () => {
    const r = appraise(undefined, [{ period: "2026-01", income: "9000" }], "2026-01");
    expect(r.unavailable?.find((u) => u.output === "riskDeposit")?.code).toBe("na");
  });
});
