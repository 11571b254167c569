/**
 * H003-MGMT-LOSS-DEDUCT (tool rule): deduction = round2(loss × share), capped at the period's income, the rest
 * reported as unrecovered; settings h003.mgmtLoss.share and h003.mgmtLoss.appliesToCMs.
 */
import { resolveSettings } from "../../../src/engine/api";
import { isUnavailable } from "../../../src/engine/outcome";
import { loadPreset } from "../../../src/engine/rulebooks";
import { runTool } from "../../../src/engine/tools";

const book = loadPreset("h003-city-bank");
const RULE = "H003-MGMT-LOSS-DEDUCT";
function tool(input: unknown, overrides: Record<string, unknown> = {}) {
  const s = resolveSettings(book, overrides);
  if (!s.ok) throw new Error(JSON.stringify(s.problems));
  return runTool(book, s.value, RULE, input);
}
function ok(input: unknown, overrides: Record<string, unknown> = {}) {
  const r = tool(input, overrides);
  if (isUnavailable(r)) throw new Error(`${r.zh} / ${r.en}`);
  // Tool answers give money as decimal strings with the rulebook's two decimals.
  const v = r.value as { deduction: string; incomeAfter: string; unrecovered: string; applies: boolean };
  return { deduction: v.deduction, incomeAfter: v.incomeAfter, unrecovered: v.unrecovered, applies: v.applies, reasons: r.reasons };
}

describe("H003-MGMT-LOSS-DEDUCT the rule file's examples", () => {
  it("H003-MGMT-LOSS-DEDUCT a fine of 3 000 with share 0.5 → 1 500.00 from 9 000 → 7 500.00", () => {
    const r = ok({ income: "9000", cases: [{ amount: "3000", share: "0.5" }] });
    expect([r.deduction, r.incomeAfter, r.unrecovered]).toEqual(["1500.00", "7500.00", "0.00"]);
    expect(r.reasons).toEqual([
      {
        rule: RULE,
        zh: "损失或罚款 ¥3,000.00 × 50% = ¥1,500.00,从本期收入 ¥9,000.00 中扣减 → ¥7,500.00",
        en: "loss or fine ¥3,000.00 × 50% = ¥1,500.00, deducted from this period's income ¥9,000.00 → ¥7,500.00",
      },
    ]);
  });

  it("H003-MGMT-LOSS-DEDUCT a loss of 12 000 with share 1 on 9 000 → 9 000 deducted, income 0, 3 000 unrecovered", () => {
    const r = ok({ income: "9000", cases: [{ amount: "12000" }] });
    expect([r.deduction, r.incomeAfter, r.unrecovered]).toEqual(["9000.00", "0.00", "3000.00"]);
    expect(r.reasons[0].zh).toBe(
      "损失或罚款 ¥12,000.00 × 100% = ¥12,000.00,以本期收入 ¥9,000.00 为限只扣 ¥9,000.00,收入为 ¥0.00,未扣回 ¥3,000.00 单独列报(不结转)",
    );
  });
});

describe("H003-MGMT-LOSS-DEDUCT boundaries", () => {
  it.each([
    ["9000", "9000", "1", "9000.00", "0.00", "0.00"],
    ["9000", "9000.01", "1", "9000.00", "0.00", "0.01"],
    ["9000", "8999.99", "1", "8999.99", "0.01", "0.00"],
    ["9000", "0.01", "0.5", "0.01", "8999.99", "0.00"],
    ["9000", "0.01", "0.4", "0.00", "9000.00", "0.00"],
    ["9000", "3000", "0", "0.00", "9000.00", "0.00"],
    ["0", "100", "1", "0.00", "0.00", "100.00"],
    ["-500", "100", "1", "0.00", "-500.00", "100.00"],
  ])("H003-MGMT-LOSS-DEDUCT income %s, loss %s × %s → deduction %s, income %s, unrecovered %s", (income, amount, share, deduction, after, unrecovered) => {
    const r = ok({ income, cases: [{ amount, share }] });
    expect([r.deduction, r.incomeAfter, r.unrecovered]).toEqual([deduction, after, unrecovered]);
  });

  it("H003-MGMT-LOSS-DEDUCT several cases are each rounded, then capped together", () => {
    const r = ok({ income: "1000", cases: [{ amount: "0.01", share: "0.5" }, { amount: "0.01", share: "0.5" }, { amount: "2000" }] });
    expect([r.deduction, r.unrecovered]).toEqual(["1000.00", "1000.02"]);
  });

  it.each([
    [{ income: "9000", cases: [{ amount: "3000", share: "1.5" }] }],
    [{ income: "9000", cases: [{ amount: "3000", share: "-0.1" }] }],
    [{ income: "9000", cases: [{ amount: "-3000" }] }],
    [{ income: "9000", cases: [] }],
  ])("H003-MGMT-LOSS-DEDUCT bad input %j is #VALUE!", (input) => {
    const r = tool(input);
    expect(isUnavailable(r) && r.code).toBe("value");
  });
});

describe("H003-MGMT-LOSS-DEDUCT settings", () => {
  it("H003-MGMT-LOSS-DEDUCT h003.mgmtLoss.share default 1: the whole amount", () => {
    expect(ok({ income: "9000", cases: [{ amount: "3000" }] }).deduction).toBe("3000.00");
  });

  it("H003-MGMT-LOSS-DEDUCT h003.mgmtLoss.share = 50%: cases without their own share take half", () => {
    expect(ok({ income: "9000", cases: [{ amount: "3000" }] }, { "h003.mgmtLoss.share": "50%" }).deduction).toBe("1500.00");
    expect(ok({ income: "9000", cases: [{ amount: "3000", share: "0.2" }] }, { "h003.mgmtLoss.share": "50%" }).deduction).toBe("600.00");
  });

  it("H003-MGMT-LOSS-DEDUCT h003.mgmtLoss.share outside 0…1 is #VALUE!", () => {
    const r = tool({ income: "9000", cases: [{ amount: "3000" }] }, { "h003.mgmtLoss.share": "150%" });
    expect(isUnavailable(r) && r.code).toBe("value");
  });

  it("H003-MGMT-LOSS-DEDUCT h003.mgmtLoss.appliesToCMs = true (default): a CM's income is reduced", () => {
    expect(ok({ income: "9000", cases: [{ amount: "3000" }], role: "cm" }).deduction).toBe("3000.00");
  });

  it("H003-MGMT-LOSS-DEDUCT h003.mgmtLoss.appliesToCMs = false: presidents only; a CM is not deducted, explained", () => {
    const s = { "h003.mgmtLoss.appliesToCMs": false };
    const cmR = ok({ income: "9000", cases: [{ amount: "3000" }], role: "cm" }, s);
    expect([cmR.deduction, cmR.incomeAfter, cmR.applies]).toEqual(["0.00", "9000.00", false]);
    expect(cmR.reasons[0].zh).toBe("损失、罚款扣减收入不适用于客户经理(h003.mgmtLoss.appliesToCMs = false),不扣减");
    expect(ok({ income: "9000", cases: [{ amount: "3000" }], role: "president" }, s).deduction).toBe("3000.00");
  });

  it("H003-MGMT-LOSS-DEDUCT h003.mgmtLoss.appliesToCMs = false without a role: #VALUE! asking for it", () => {
    const r = tool({ income: "9000", cases: [{ amount: "3000" }] }, { "h003.mgmtLoss.appliesToCMs": false });
    expect(isUnavailable(r) && r.code).toBe("value");
  });

  it("H003-MGMT-LOSS-DEDUCT an agent is never deducted under this rule (not on the appraisal tables)", () => {
    expect(ok({ income: "9000", cases: [{ amount: "3000" }], role: "agent" }).applies).toBe(false);
  });
});
