/**
 * B002-ADMON-ALLOWANCE and B002-ADMON-DURATION: the rule file's examples (一级, 诫勉 from 2024-03-16), each month rule,
 * the halving of payout or cap, the flat-yuan reading of 「按50发放」, the admonition length, and the tool forms.
 */
import { Dec } from "../../../src/engine/decimal";
import { isUnavailable } from "../../../src/engine/outcome";
import { loadPreset } from "../../../src/engine/rulebooks";
import { Settings } from "../../../src/engine/settings";
import { runTool } from "../../../src/engine/tools";
import { missing, run, zhLines } from "./tenure-fixture";

/** 一级 with 诫勉 from 2024-03-16 (the rule file's example); `extra` adds monthly records. */
function admonished(extra: Array<Record<string, unknown>> = [], start: Record<string, unknown> = { period: "2024-03", admonitionStartDay: 16 }) {
  return { grade: "grade1", history: [start, ...extra] };
}
const fee = (period: string, settings: Record<string, unknown> = {}, extra: Array<Record<string, unknown>> = []) =>
  run(admonished(extra), period, settings).commission;

const book = loadPreset("b002-bank-grades");
const tool = (rule: string, input: unknown, settings: Record<string, unknown> = {}) => runTool(book, Settings.resolve(book.doc, settings).settings, rule, input);

describe("B002-ADMON-ALLOWANCE: the rule file's example (一级, cap 260, no claims, 诫勉 2024-03-16 → 2024-09-15)", () => {
  it("B002-ADMON-ALLOWANCE: March — 16 of 31 days covered → 260 × (1 − 8/31) = 192.90", () => {
    const r = run(admonished(), "2024-03");
    expect(r.commission).toBe("192.90");
    expect(zhLines(r, "B002-COMMFEE")).toEqual([
      "2024-03 一级客户经理通讯费标准 ¥260.00/月(未报销额,按上限);诫勉覆盖 16/31 天,按 50.00% 发放:¥260.00 × (1 − 50.00% × 16/31) → ¥192.90",
    ]);
    expect(r.status).toBe("admonished");
  });
  it.each(["2024-04", "2024-05", "2024-06", "2024-07", "2024-08"])("B002-ADMON-ALLOWANCE: %s → 130.00", (m) => {
    expect(fee(m)).toBe("130.00");
  });
  it("B002-ADMON-ALLOWANCE: September — 15 of 30 days covered → 260 × 0.75 = 195.00", () => {
    expect(fee("2024-09")).toBe("195.00");
  });
  it("B002-ADMON-ALLOWANCE: October — after the end → 260.00, status normal", () => {
    const r = run(admonished(), "2024-10");
    expect(r.commission).toBe("260.00");
    expect(r.status).toBe("normal");
  });
  it("B002-ADMON-ALLOWANCE: February, before the start → 260.00", () => {
    expect(fee("2024-02")).toBe("260.00");
  });
});

describe("B002-ADMON-ALLOWANCE: b002.admonition.monthRule", () => {
  it.each([
    ["2024-02", "260.00"],
    ["2024-03", "130.00"],
    ["2024-06", "130.00"],
    ["2024-09", "130.00"],
    ["2024-10", "260.00"],
  ])("B002-ADMON-ALLOWANCE: b002.admonition.monthRule = wholeMonthsTouched: %s → %s", (m, amount) => {
    expect(fee(m, { "b002.admonition.monthRule": "wholeMonthsTouched" })).toBe(amount);
  });
  it.each([
    ["2024-03", "260.00"],
    ["2024-04", "130.00"],
    ["2024-09", "130.00"],
    ["2024-10", "260.00"],
  ])("B002-ADMON-ALLOWANCE: b002.admonition.monthRule = fullMonthsFromNext (6 whole months from April): %s → %s", (m, amount) => {
    expect(fee(m, { "b002.admonition.monthRule": "fullMonthsFromNext" })).toBe(amount);
  });
});

describe("B002-ADMON-ALLOWANCE: b002.admonition.halve (with a claim)", () => {
  it.each([
    ["200", "payout", "100.00"],
    ["200", "cap", "130.00"],
    ["100", "payout", "50.00"],
    ["100", "cap", "100.00"],
    ["129.99", "cap", "129.99"],
    ["130.01", "cap", "130.00"],
  ])("B002-ADMON-ALLOWANCE: April, claimed %s, b002.admonition.halve = %s → %s", (claim, halve, amount) => {
    expect(fee("2024-04", { "b002.admonition.halve": halve }, [{ period: "2024-04", commFeeClaimed: claim }])).toBe(amount);
  });
  it("B002-ADMON-ALLOWANCE: b002.admonition.halve = cap in March (partial): min(200, 260 × 23/31) = 192.90", () => {
    const r = run(admonished([{ period: "2024-03", admonitionStartDay: 16, commFeeClaimed: "200" }], { period: "2024-02" }), "2024-03", { "b002.admonition.halve": "cap" });
    expect(r.commission).toBe("192.90");
    expect(zhLines(r, "B002-COMMFEE")[0]).toBe(
      "2024-03 一级客户经理通讯费标准 ¥260.00/月,报销 ¥200.00;诫勉覆盖 16/31 天,按 50.00% 发放:上限减半:min(报销 ¥200.00,¥260.00 × (1 − 50.00% × 16/31)) → ¥192.90",
    );
  });
  it("B002-ADMON-ALLOWANCE: b002.admonition.halve = payout in March with claim 200: 200 × 23/31 = 148.39", () => {
    const r = run(admonished([{ period: "2024-03", admonitionStartDay: 16, commFeeClaimed: "200" }], { period: "2024-02" }), "2024-03");
    expect(r.commission).toBe("148.39");
  });
});

describe("B002-ADMON-ALLOWANCE: b002.admonition.allowanceMode (B002-CONV-PERCENT)", () => {
  it("B002-ADMON-ALLOWANCE: b002.admonition.allowanceMode = fixedYuan — a whole month on 诫勉 pays 50 元 for both fees together", () => {
    const s = { "b002.admonition.allowanceMode": "fixedYuan", "b002.transportFee": { senior: "500", grade1: "400", grade2: "350", grade3: "300", grade4: "300", trainee: "300" } };
    const r = run(admonished(), "2024-04", s);
    expect(r.commission).toBe("50.00");
    expect(zhLines(r, "B002-COMMFEE")).toEqual(["2024-04 一级客户经理通讯费标准 ¥260.00/月(未报销额,按上限);诫勉期覆盖全月,诫勉期内两费合计按 ¥50.00/月 → ¥50.00"]);
    expect(zhLines(r, "B002-TWO-FEES")).toEqual(["2024-04 一级客户经理交通费标准 ¥400.00/月;诫勉期覆盖全月,诫勉期内两费合计定额由 B002-COMMFEE 发放,本项不另发 → ¥0.00"]);
  });
  it("B002-ADMON-ALLOWANCE: b002.admonition.allowanceMode = fixedYuan in March: 260 × 15/31 + 50 × 16/31 = 151.61", () => {
    expect(fee("2024-03", { "b002.admonition.allowanceMode": "fixedYuan" })).toBe("151.61");
  });
});

describe("B002-ADMON-DURATION", () => {
  it("B002-ADMON-DURATION: the rule file's example — start 2024-03-16 → end 2024-09-15", () => {
    const r = tool("B002-ADMON-DURATION", { start: "2024-03-16" });
    expect(isUnavailable(r)).toBe(false);
    if (!isUnavailable(r)) {
      expect(r.value).toEqual({ start: "2024-03-16", end: "2024-09-15", explicitEnd: false });
      expect(r.reasons[0].zh).toBe("诫勉期一般为 6 个月:2024-03-16 起,EDATE = 2024-09-16,截止 2024-09-15(含)");
    }
  });
  it("B002-ADMON-DURATION: the rule file's example — start 2024-08-31 → EDATE 2025-02-28 → end 2025-02-27", () => {
    const r = tool("B002-ADMON-DURATION", { start: "2024-08-31" });
    expect(!isUnavailable(r) && r.value).toEqual({ start: "2024-08-31", end: "2025-02-27", explicitEnd: false });
  });
  it("B002-ADMON-DURATION: b002.admonition.months = 3 → 2024-03-16 to 2024-06-15", () => {
    const r = tool("B002-ADMON-DURATION", { start: "2024-03-16" }, { "b002.admonition.months": 3 });
    expect(!isUnavailable(r) && r.value).toEqual({ start: "2024-03-16", end: "2024-06-15", explicitEnd: false });
  });
  it("B002-ADMON-DURATION: b002.admonition.months = 3 in the pipeline — May halved, June 15/30 days (195.00), July full", () => {
    expect(fee("2024-05", { "b002.admonition.months": 3 })).toBe("130.00");
    expect(fee("2024-06", { "b002.admonition.months": 3 })).toBe("195.00");
    expect(fee("2024-07", { "b002.admonition.months": 3 })).toBe("260.00");
  });
  it("B002-ADMON-DURATION: 「一般」 — an explicit end overrides (tool, and admonitionEndDay in the pipeline)", () => {
    const r = tool("B002-ADMON-DURATION", { start: "2024-03-16", end: "2024-07-31" });
    expect(!isUnavailable(r) && r.value).toEqual({ start: "2024-03-16", end: "2024-07-31", explicitEnd: true });
    const extra = [{ period: "2024-07", admonitionEndDay: 31 }];
    expect(fee("2024-07", {}, extra)).toBe("130.00");
    expect(fee("2024-08", {}, extra)).toBe("260.00");
  });
  it("B002-ADMON-DURATION: the last day is inside (start on the 1st: 2024-04-01 → 2024-09-30, September halved, October full)", () => {
    const m = { grade: "grade1", history: [{ period: "2024-04", admonitionStartDay: 1 }] };
    expect(run(m, "2024-09").commission).toBe("130.00");
    expect(run(m, "2024-10").commission).toBe("260.00");
  });
  it("B002-ADMON-DURATION: a start day the month does not have is a located input error", () => {
    const r = run({ grade: "grade1", history: [{ period: "2024-04", admonitionStartDay: 31 }] }, "2024-04");
    expect(missing(r, "B002-COMMFEE")).toMatchObject({ code: "value", zh: "2024-04: admonitionStartDay = 31 不是该月的日期 / is not a day of the month" });
  });
  it("B002-ADMON-DURATION: an end before the start is refused by the tool", () => {
    expect(tool("B002-ADMON-DURATION", { start: "2024-03-16", end: "2024-03-01" })).toMatchObject({ code: "value" });
  });
});

describe("B002-ADMON-ALLOWANCE: the tool form (one month's communication fee)", () => {
  it.each([
    ["2024-03", "192.9"],
    ["2024-06", "130"],
    ["2024-09", "195"],
    ["2024-10", "260"],
  ])("B002-ADMON-ALLOWANCE: tool, 一级, 诫勉 from 2024-03-16, %s → %s", (month, amount) => {
    const r = tool("B002-ADMON-ALLOWANCE", { grade: "grade1", month, admonitionStart: "2024-03-16" });
    expect(!isUnavailable(r) && (r.value as Dec).toString()).toBe(amount);
  });
  it("B002-ADMON-ALLOWANCE: tool with a claim and no admonition: 二级 claiming 120 → 120", () => {
    const r = tool("B002-ADMON-ALLOWANCE", { grade: "grade2", month: "2024-05", claimed: "120" });
    expect(!isUnavailable(r) && (r.value as Dec).toString()).toBe("120");
  });
  it("B002-ADMON-ALLOWANCE: tool refuses an unknown grade and a bad date (#VALUE!)", () => {
    expect(tool("B002-ADMON-ALLOWANCE", { grade: "g9", month: "2024-05" })).toMatchObject({ code: "value" });
    expect(tool("B002-ADMON-ALLOWANCE", { grade: "grade1", month: "2024-05", admonitionStart: "2024-02-30" })).toMatchObject({ code: "value" });
  });
});
