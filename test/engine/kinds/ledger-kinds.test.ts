/**
 * The ledger and pay kinds are general interpreters: a bank changing a number edits rulebook data, and a rulebook
 * that misuses a kind is rejected at load time with a located problem.
 */
import { appraiseAll, resolveSettings } from "../../../src/engine/api";
import { parseAppraisalInput } from "../../../src/engine/input";
import { compileRulebook, type CompiledRulebook } from "../../../src/engine/rulebook/compile";
import { presetDocument } from "../../../src/engine/rulebooks";

type Doc = { rules: Array<{ id: string; kind: string; params: Record<string, unknown> }>; settings: Record<string, unknown> };
const base = () => JSON.parse(JSON.stringify(presetDocument("h003-city-bank"))) as Doc;
const ruleOf = (doc: Doc, id: string) => doc.rules.find((r) => r.id === id)!;

function compiled(doc: Doc): CompiledRulebook {
  const c = compileRulebook(doc);
  if (!c.ok) throw new Error(c.problems.join("\n"));
  return c.book;
}
function problems(doc: Doc): string[] {
  const c = compileRulebook(doc);
  return c.ok ? [] : c.problems;
}
function appraise(book: CompiledRulebook, manager: Record<string, unknown>, period: string) {
  const parsed = parseAppraisalInput({ period, managers: [{ id: "K1", ...manager }] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const s = resolveSettings(book, {});
  if (!s.ok) throw new Error(JSON.stringify(s.problems));
  return appraiseAll(book, s.value, parsed.value).output.results[0];
}

describe("H003-RISKDEP-WITHHOLD rateUntilCap kind reads every number from data", () => {
  it("H003-RISKDEP-WITHHOLD a rulebook with a literal rate (10%) and literal caps runs without code changes", () => {
    const doc = base();
    const r = ruleOf(doc, "H003-RISKDEP-WITHHOLD");
    r.params.rate = "10%";
    r.params.caps = { senior: "3000", intermediate: "2000", junior: "1000" };
    r.params.excessOnDemotion = "refundExcess";
    r.params.incomeBase = "grossMonthlyIncome";
    const book = compiled(doc);
    const out = appraise(book, { role: "cm", grade: "junior", history: [{ period: "2026-01", income: "9000" }, { period: "2026-02", income: "9000" }] }, "2026-02");
    expect(out.riskDeposit).toEqual({ withheld: "100.00", balance: "1000.00", refundable: "0.00" });
    expect(out.explanation.find((e) => e.rule === "H003-RISKDEP-CAP")?.zh).toBe("初级客户经理上限 ¥1,000.00,已存 ¥900.00,本月只提 ¥100.00");
  });

  it("H003-RISKDEP-WITHHOLD a fixed excessOnDemotion names no setting in the explanation", () => {
    const doc = base();
    ruleOf(doc, "H003-RISKDEP-WITHHOLD").params.excessOnDemotion = "hold";
    const out = appraise(compiled(doc), { role: "cm", grade: "junior", history: [{ period: "2026-01", income: "9000" }], riskDeposit: { balance: "6000" } }, "2026-01");
    expect(out.explanation.find((e) => e.rule === "H003-RISKDEP-GRADE-CHANGE")?.zh).toBe("余额 ¥6,000.00 已超过初级客户经理上限 ¥5,000.00,超出部分保留至离岗后退还,本月不提取");
  });

  it.each([
    ["caps", { senior: "1", trainee: "2" }, "caps: unknown grade trainee"],
    ["rate", { setting: "h003.riskDeposit.noSuchRate" }, "setting h003.riskDeposit.noSuchRate is not declared"],
    ["lossDeductionRule", undefined, "incomeBase may be afterLossDeductions: lossDeductionRule is required"],
    ["lossDeductionRule", "H003-RISKDEP-REFUND", "lossDeductionRule: H003-RISKDEP-REFUND is not a lossDeduction rule"],
    ["lossDeductionRule", "H003-NO-SUCH-RULE", "lossDeductionRule: unknown rule H003-NO-SUCH-RULE"],
    ["excessOnDemotion", "keepSome", "excessOnDemotion"],
  ])("H003-RISKDEP-WITHHOLD params.%s = %j is rejected at load (%s)", (key, value, message) => {
    const doc = base();
    const p = ruleOf(doc, "H003-RISKDEP-WITHHOLD").params;
    if (value === undefined) delete p[key];
    else p[key] = value;
    expect(problems(doc).some((x) => x.includes("H003-RISKDEP-WITHHOLD") && x.includes(message))).toBe(true);
  });
});

describe("H003-PAY-NO-BASE-SALARY volumeRatePay kind", () => {
  it("H003-PAY-NO-BASE-SALARY literal rates in the rule need no settings; per defaults to 1", () => {
    const doc = base();
    const p = ruleOf(doc, "H003-PAY-NO-BASE-SALARY").params as { lines: Array<Record<string, unknown>> };
    p.lines[0].rate = "0.001";
    delete p.lines[0].per;
    p.lines[1].rate = "3";
    const out = appraise(compiled(doc), { role: "cm", grade: "junior", history: [{ period: "2026-01", avgDeposits: "1500000", baseDeposits: "1000000" }] }, "2026-01");
    // 1 000 000 × 0.001 = 1 000.00; 50万 × 3 元/万 = 150.00
    expect(out.commission).toBe("1150.00");
  });

  it("H003-PAY-NO-BASE-SALARY per must be > 0 and rate settings must be declared", () => {
    const doc = base();
    const p = ruleOf(doc, "H003-PAY-NO-BASE-SALARY").params as { lines: Array<Record<string, unknown>> };
    p.lines[0].per = "0";
    p.lines[1].rate = { setting: "h003.pay.undeclared" };
    const found = problems(doc);
    expect(found.some((x) => x.includes("per must be > 0"))).toBe(true);
    expect(found.some((x) => x.includes("setting h003.pay.undeclared is not declared"))).toBe(true);
  });
});

describe("H003-MGMT-LOSS-DEDUCT lossDeduction kind", () => {
  it("H003-MGMT-LOSS-DEDUCT unknown roles in its role lists are rejected at load", () => {
    const doc = base();
    ruleOf(doc, "H003-MGMT-LOSS-DEDUCT").params.roles = { setting: "h003.mgmtLoss.appliesToCMs", cases: { true: ["president", "teller"], false: ["president"] } };
    expect(problems(doc).some((x) => x.includes("unknown role teller"))).toBe(true);
  });
});

describe("H003-RISKDEP-REFUND depositRefund kind", () => {
  it("H003-RISKDEP-REFUND an undeclared delay setting is rejected at load", () => {
    const doc = base();
    ruleOf(doc, "H003-RISKDEP-REFUND").params.delayMonths = { setting: "h003.riskDeposit.noSuchDelay" };
    expect(problems(doc).some((x) => x.includes("setting h003.riskDeposit.noSuchDelay is not declared"))).toBe(true);
  });
});
