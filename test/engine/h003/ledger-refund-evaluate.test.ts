/**
 * H003-RISKDEP-REFUND inside an appraisal (`appraise evaluate`), not only as a tool: a person with a leave date gets
 * the refund date, the refund and what is still owed in the result's values, from the risk-deposit balance the
 * appraisal itself ran (H003-RISKDEP-WITHHOLD, H003-RISKDEP-CAP) and the losses verified at leaving.
 *
 * The balance, from the rule text: 20 % of a monthly income of 10 000 is 2 000 withheld in January and February;
 * the junior cap is 5 000, so March withholds only 1 000 → balance 5 000.
 */
import { appraiseAll, fieldVocabulary, resolveRulebook, resolveSettings } from "../../../src/engine/api";
import { parseAppraisalInput } from "../../../src/engine/input";
import type { ManagerResultJson } from "../../../src/engine/results";

const MONTHS = ["2026-01", "2026-02", "2026-03"].map((period) => ({ period, income: "10000" }));
const BOOK = resolveRulebook("h003-city-bank");

/** As `appraise evaluate` does it: the input read for the rulebook's own fields (leaveDate, exitCompensation). */
function evaluate(person: Record<string, unknown>, settings: Record<string, unknown> = {}): ManagerResultJson {
  if (!BOOK.ok) throw new Error("no rulebook");
  const raw = { rulebook: "h003-city-bank", period: "2026-03", settings, managers: [{ id: "0103009", role: "cm", grade: "junior", ...person, history: MONTHS }] };
  const parsed = parseAppraisalInput(raw, fieldVocabulary(BOOK.value));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("; "));
  const resolved = resolveSettings(BOOK.value, parsed.value.settings ?? {});
  if (!resolved.ok) throw new Error("bad settings");
  return appraiseAll(BOOK.value, resolved.value, parsed.value).output.results[0];
}

describe("H003-RISKDEP-REFUND in evaluate (balance 5 000.00 at 2026-03)", () => {
  it.each([
    // losses 3 000: 5 000 − 3 000 = 2 000 refunded, nothing owed.
    ["3000", "2000.00", "0.00"],
    // no losses: the whole 5 000 refunded.
    ["0", "5000.00", "0.00"],
    // losses 8 000: the balance is used up, 8 000 − 5 000 = 3 000 still owed.
    ["8000", "0.00", "3000.00"],
  ])("H003-RISKDEP-REFUND: left 2026-08-31, losses %s → refund %s, still owed %s, from 2027-02-28", (losses, refund, owed) => {
    const r = evaluate({ leaveDate: "2026-08-31", exitCompensation: losses });
    expect(r.riskDeposit?.balance).toBe("5000.00");
    // 2026-08-31 + 6 months (h003.riskDeposit.refundDelayMonths) is 2027-02-31, which does not exist: the month's last day.
    expect(r.values).toEqual({ 风险金退还日: "2027-02-28", 风险金应退: refund, 风险金尚欠: owed });
    expect(r.explanation.filter((e) => e.rule === "H003-RISKDEP-REFUND").length).toBeGreaterThan(0);
  });

  it("H003-RISKDEP-REFUND: without a leave date nothing is said about a refund", () => {
    const r = evaluate({});
    expect(r.values).toEqual({});
    expect((r.unavailable ?? []).filter((u) => u.output.startsWith("values."))).toEqual([]);
  });

  it("H003-RISKDEP-REFUND: a leave date without verified losses gives the date; the amounts wait for the verification", () => {
    const r = evaluate({ leaveDate: "2026-05-15" });
    expect(r.values).toEqual({ 风险金退还日: "2026-11-15" });
    expect((r.unavailable ?? []).filter((u) => u.output.startsWith("values.")).map((u) => u.output)).toEqual(["values.风险金应退", "values.风险金尚欠"]);
  });

  it("H003-RISKDEP-REFUND: h003.riskDeposit.refundDelayMonths moves the date", () => {
    const r = evaluate({ leaveDate: "2026-05-15", exitCompensation: "0" }, { "h003.riskDeposit.refundDelayMonths": 3 });
    expect(r.values).toEqual({ 风险金退还日: "2026-08-15", 风险金应退: "5000.00", 风险金尚欠: "0.00" });
  });
});
