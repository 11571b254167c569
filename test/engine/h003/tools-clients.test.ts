/**
 * H003-CLIENT-BAND and H003-LOAN-AUTHORITY as tool rules: the rule file's examples, boundaries on both sides of each
 * threshold, and each setting alternative. Amounts are in 元 (800万 = "8000000"). H003-CLIENT-BAND also checks every
 * client row of a manager's records against the manager's grade.
 */
import { checkManager, fieldVocabulary, resolveSettings } from "../../../src/engine/api";
import { parseAppraisalInput } from "../../../src/engine/input";
import { isUnavailable } from "../../../src/engine/outcome";
import { loadPreset } from "../../../src/engine/rulebooks";
import { toolRunner } from "../../helpers/tools";

const book = loadPreset("h003-city-bank");

const { run, value } = toolRunner(book);

/** The findings of a rule's checks on one manager's records (as the workbook validator runs them). */
function findings(rule: string, manager: Record<string, unknown>, period: string, settings: Record<string, unknown> = {}) {
  const parsed = parseAppraisalInput({ period, managers: [{ id: "T1", ...manager }] }, fieldVocabulary(book));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  const s = resolveSettings(book, settings);
  if (!s.ok) throw new Error("settings");
  return checkManager(book, s.value, parsed.value.managers[0], period).filter((f) => f.rule === rule);
}

const band = (input: Record<string, unknown>, settings: Record<string, unknown> = {}) => value("H003-CLIENT-BAND", input, settings).band;

describe("H003-CLIENT-BAND", () => {
  describe("the rule file's examples", () => {
    it.each([
      ["(D 800, L 0) → senior", { deposits: "8000000", loans: "0" }, "senior"],
      ["(D 799.99, L 999.99) → intermediate", { deposits: "7999900", loans: "9999900" }, "intermediate"],
      ["(D 799.99, L 1000) → senior", { deposits: "7999900", loans: "10000000" }, "senior"],
      ["(D 400, L 300) → intermediate: 300 is in both bands, the higher grade wins", { deposits: "4000000", loans: "3000000" }, "intermediate"],
      ["(D 400, L absent) → junior by default", { deposits: "4000000" }, "junior"],
    ])("H003-CLIENT-BAND %s", (_name, input, expected) => {
      expect(band(input)).toBe(expected);
    });

    it("H003-CLIENT-BAND: a client with D 850 managed by an intermediate CM → warning \"client requires senior\"", () => {
      const out = run("H003-CLIENT-BAND", { deposits: "8500000", managerGrade: "intermediate", ref: "C009" });
      if (isUnavailable(out)) throw new Error(out.en);
      const v = out.value as any;
      expect(v.band).toBe("senior");
      expect(v.managerAllowed).toBe(false);
      expect(v.finding).toBe("warning");
      const said = out.reasons.filter((r) => r.en.includes("client requires senior"));
      expect(said).toHaveLength(1);
      expect(said[0].rule).toBe("H003-CLIENT-BAND");
      expect(said[0].en.startsWith("C009: ")).toBe(true);
      expect(said[0].zh).toContain("客户需由高级客户经理管理");
    });

    it("H003-CLIENT-BAND on a manager's client rows: D 850 under an intermediate CM → warning at the client's deposits", () => {
      const history = [{ period: "2026-01", clients: [{ id: "C009", avgDeposits: "8500000" }, { id: "C010", avgDeposits: "1000000" }] }];
      const f = findings("H003-CLIENT-BAND", { role: "cm", grade: "intermediate", history }, "2026-01");
      expect(f).toEqual([expect.objectContaining({ severity: "warning", period: "2026-01", field: "avgDeposits", client: 0 })]);
      expect(f[0].en).toContain("client requires senior CM; not intermediate CM");
      expect(findings("H003-CLIENT-BAND", { role: "cm", grade: "senior", history }, "2026-01")).toEqual([]);
      // h003.clientBand.match = exact: a senior may not manage the junior client C010.
      expect(findings("H003-CLIENT-BAND", { role: "cm", grade: "senior", history }, "2026-01", { "h003.clientBand.match": "exact" }).map((x) => x.client)).toEqual([1]);
    });

    it("H003-CLIENT-BAND explains the band with the measure that decided it", () => {
      const out = run("H003-CLIENT-BAND", { deposits: "4000000", loans: "3000000" });
      if (isUnavailable(out)) throw new Error(out.en);
      expect((out.value as any).decidedBy).toBe("loans");
      expect(out.reasons[0].zh).toBe(
        "存款 ¥4,000,000.00、贷款 ¥3,000,000.00:贷款 ≥ ¥3,000,000.00 且 ≤ ¥10,000,000.00 → 中级客户经理档次(自高到低取第一个符合的档次;设置 h003.clientBand.overlap = higherGrade)",
      );
    });
  });

  describe("boundaries", () => {
    it.each([
      ["deposits at 800万 → senior", { deposits: "8000000" }, "senior"],
      ["deposits just above 800万 → senior", { deposits: "8000000.01" }, "senior"],
      ["deposits just below 800万 → intermediate", { deposits: "7999999.99" }, "intermediate"],
      ["deposits at 500万 → intermediate", { deposits: "5000000" }, "intermediate"],
      ["deposits just below 500万, no loans → gap → junior", { deposits: "4999999.99" }, "junior"],
      ["deposits at 300万 → junior", { deposits: "3000000" }, "junior"],
      ["deposits just above 300万, no loans → gap → junior", { deposits: "3000000.01" }, "junior"],
      ["loans at 1000万 → senior", { deposits: "0", loans: "10000000" }, "senior"],
      ["loans just below 1000万 → intermediate", { deposits: "0", loans: "9999999.99" }, "intermediate"],
      ["loans just above 1000万 → senior", { deposits: "0", loans: "10000000.01" }, "senior"],
      ["loans at 300万 → intermediate (shared endpoint, higher grade)", { deposits: "1000000", loans: "3000000" }, "intermediate"],
      ["loans just above 300万 → intermediate", { deposits: "1000000", loans: "3000000.01" }, "intermediate"],
      ["loans just below 300万 → junior", { deposits: "1000000", loans: "2999999.99" }, "junior"],
      ["loans 0 count as no loan relationship: D 400 → gap → junior", { deposits: "4000000", loans: "0" }, "junior"],
    ])("H003-CLIENT-BAND %s", (_name, input, expected) => {
      expect(band(input)).toBe(expected);
    });
  });

  describe("settings", () => {
    it("H003-CLIENT-BAND h003.clientBand.overlap = lowerGrade evaluates bottom-up: (D 400, L 300) → junior", () => {
      expect(band({ deposits: "4000000", loans: "3000000" }, { "h003.clientBand.overlap": "lowerGrade" })).toBe("junior");
      expect(band({ deposits: "8000000", loans: "0" }, { "h003.clientBand.overlap": "lowerGrade" })).toBe("intermediate");
      expect(band({ deposits: "7999900", loans: "10000000" }, { "h003.clientBand.overlap": "lowerGrade" })).toBe("intermediate");
      expect(band({ deposits: "8000000.01" }, { "h003.clientBand.overlap": "lowerGrade" })).toBe("senior");
    });

    it("H003-CLIENT-BAND h003.clientBand.depositOnlyGap = intermediate: (D 400, L absent) → intermediate", () => {
      const out = run("H003-CLIENT-BAND", { deposits: "4000000" }, { "h003.clientBand.depositOnlyGap": "intermediate" });
      if (isUnavailable(out)) throw new Error(out.en);
      expect((out.value as any).band).toBe("intermediate");
      expect((out.value as any).decidedBy).toBeNull();
      expect(out.reasons[0].zh).toContain("设置 h003.clientBand.depositOnlyGap = intermediate");
      // Outside the gap the setting changes nothing.
      expect(band({ deposits: "3000000" }, { "h003.clientBand.depositOnlyGap": "intermediate" })).toBe("junior");
    });

    it("H003-CLIENT-BAND h003.clientBand.match = atOrBelow (default): a senior may manage a junior client", () => {
      const v = value("H003-CLIENT-BAND", { deposits: "1000000", managerGrade: "senior" });
      expect(v.band).toBe("junior");
      expect(v.managerAllowed).toBe(true);
      expect(v).not.toHaveProperty("finding");
    });

    it("H003-CLIENT-BAND h003.clientBand.match = exact: a senior may manage only senior clients", () => {
      const out = run("H003-CLIENT-BAND", { deposits: "1000000", managerGrade: "senior" }, { "h003.clientBand.match": "exact" });
      if (isUnavailable(out)) throw new Error(out.en);
      expect((out.value as any).managerAllowed).toBe(false);
      expect((out.value as any).finding).toBe("warning");
      expect(out.reasons.some((r) => r.en.includes("client requires junior CM"))).toBe(true);
      const same = value("H003-CLIENT-BAND", { deposits: "1000000", managerGrade: "junior" }, { "h003.clientBand.match": "exact" });
      expect(same.managerAllowed).toBe(true);
    });

    it("H003-CLIENT-BAND with h003.boundary.yishangYixia = exclusive: D 800 is no longer 800万以上 but still in 500–800 → intermediate", () => {
      expect(band({ deposits: "8000000" }, { "h003.boundary.yishangYixia": "exclusive" })).toBe("intermediate");
    });
  });

  describe("bad input", () => {
    it.each([
      ["missing deposits", { loans: "100" }, "deposits: is missing"],
      ["unknown measure", { deposits: "100", balance: "5" }, "balance: unknown input (accepted: deposits, loans, managerGrade, ref)"],
      ["unknown grade", { deposits: "100", managerGrade: "expert" }, 'managerGrade: "expert" is not a grade of this rulebook (senior, intermediate, junior)'],
    ])("H003-CLIENT-BAND %s → #VALUE!", (_name, input, message) => {
      const out = run("H003-CLIENT-BAND", input);
      expect(isUnavailable(out) && out.code).toBe("value");
      expect(isUnavailable(out) && out.en).toBe(message);
    });

    it("H003-CLIENT-BAND names the field of a value that is not a number", () => {
      const out = run("H003-CLIENT-BAND", { deposits: "1,2O0" });
      expect(isUnavailable(out) && out.en).toBe('deposits: text "1,2O0" is not a number');
    });
  });
});

const authority = (input: Record<string, unknown>, settings: Record<string, unknown> = {}) => value("H003-LOAN-AUTHORITY", input, settings);

describe("H003-LOAN-AUTHORITY", () => {
  describe("the rule file's examples", () => {
    it("H003-LOAN-AUTHORITY: junior, A = 100万 → within", () => {
      expect(authority({ amount: "1000000", grade: "junior" })).toEqual({ requiredApprover: "junior", withinAuthority: true, limit: "1000000.00" });
    });
    it("H003-LOAN-AUTHORITY: junior, A = 100.01万 → not within, required intermediate", () => {
      expect(authority({ amount: "1000100", grade: "junior" })).toEqual({ requiredApprover: "intermediate", withinAuthority: false, limit: "1000000.00" });
    });
    it("H003-LOAN-AUTHORITY: senior, A = 500万 → within (default h003.loanAuthority.at500 = senior)", () => {
      expect(authority({ amount: "5000000", grade: "senior" })).toEqual({ requiredApprover: "senior", withinAuthority: true, limit: "5000000.00" });
    });
    it("H003-LOAN-AUTHORITY: A = 500.01万 → president", () => {
      expect(authority({ amount: "5000100" }).requiredApprover).toBe("president");
      expect(authority({ amount: "5000100", grade: "senior" }).withinAuthority).toBe(false);
    });
  });

  it.each([
    ["99.99万, junior", "999900", "junior", "junior", true],
    ["just above 100万, junior", "1000000.01", "junior", "intermediate", false],
    ["300万, intermediate", "3000000", "intermediate", "intermediate", true],
    ["just above 300万, intermediate", "3000000.01", "intermediate", "senior", false],
    ["just below 300万, junior", "2999999.99", "junior", "intermediate", false],
    ["just below 500万, senior", "4999999.99", "senior", "senior", true],
    ["just above 500万, senior", "5000000.01", "senior", "president", false],
  ])("H003-LOAN-AUTHORITY boundary: %s", (_name, amount, grade, approver, within) => {
    const v = authority({ amount, grade });
    expect(v.requiredApprover).toBe(approver);
    expect(v.withinAuthority).toBe(within);
  });

  it("H003-LOAN-AUTHORITY h003.loanAuthority.at500 = president: exactly 500万 goes to the branch president", () => {
    const s = { "h003.loanAuthority.at500": "president" };
    expect(authority({ amount: "5000000", grade: "senior" }, s)).toEqual({ requiredApprover: "president", withinAuthority: false, limit: "5000000.00" });
    expect(authority({ amount: "4999999.99", grade: "senior" }, s).withinAuthority).toBe(true);
    // The lower limits do not move.
    expect(authority({ amount: "1000000", grade: "junior" }, s).withinAuthority).toBe(true);
  });

  it("H003-LOAN-AUTHORITY explains the limit and the approver", () => {
    const out = run("H003-LOAN-AUTHORITY", { amount: "1000100", grade: "junior" });
    if (isUnavailable(out)) throw new Error(out.en);
    expect(out.reasons.map((r) => r.zh)).toEqual([
      "贷款金额 ¥1,000,100.00 → 须由中级客户经理审批(≤ ¥3,000,000.00)",
      "初级客户经理权限 ≤ ¥1,000,000.00:¥1,000,100.00 超出权限",
    ]);
  });

  it("H003-LOAN-AUTHORITY: a branch president approves any amount", () => {
    expect(authority({ amount: "80000000", role: "president" })).toEqual({ requiredApprover: "president", withinAuthority: true });
  });

  it("H003-LOAN-AUTHORITY with H003-AGENT-NO-LOANS: an agent has no loan authority, even for 1 元", () => {
    const out = run("H003-LOAN-AUTHORITY", { amount: "1", role: "agent" });
    if (isUnavailable(out)) throw new Error(out.en);
    expect(out.value).toEqual({ requiredApprover: "junior", withinAuthority: false, limit: "0.00" });
    expect(out.reasons.some((r) => r.rule === "H003-AGENT-NO-LOANS" && r.zh.startsWith("业务代办员不承办贷款"))).toBe(true);
  });

  it.each([
    ["missing amount", { grade: "junior" }, "amount: is missing"],
    ["negative amount", { amount: "-1", grade: "junior" }, "amount: -1 must not be negative"],
    ["a CM without grade", { amount: "1", role: "cm" }, "grade: is missing for role cm"],
    ["an unknown grade", { amount: "1", grade: "expert" }, 'grade: "expert" is not a grade of this rulebook (senior, intermediate, junior)'],
  ])("H003-LOAN-AUTHORITY %s → #VALUE!", (_name, input, message) => {
    const out = run("H003-LOAN-AUTHORITY", input);
    expect(isUnavailable(out) && out.code).toBe("value");
    expect(isUnavailable(out) && out.en).toBe(message);
  });
});
