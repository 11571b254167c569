/**
 * The status kinds as general interpreters: rulebook data is checked when it loads, a threshold changed in data
 * changes the outcome with no code change, and windows never count a month twice.
 */
import { appraiseAll, resolveSettings } from "../../../src/engine/api";
import { parseAppraisalInput } from "../../../src/engine/input";
import { dec } from "../../../src/engine/decimal";
import type { PeriodRecord } from "../../../src/engine/model";
import { compileRulebook } from "../../../src/engine/rulebook/compile";
import { presetDocument } from "../../../src/engine/rulebooks";
import { nonOverlapping, windowOf } from "../../../src/engine/kinds/status/window";

type Doc = { settings: Record<string, unknown>; rules: Array<{ id: string; kind: string; params: Record<string, any> }> };
const doc = () => JSON.parse(JSON.stringify(presetDocument("h003-city-bank"))) as Doc;
const rule = (d: Doc, id: string) => d.rules.find((r) => r.id === id)!;
const problems = (d: Doc) => {
  const c = compileRulebook(d);
  return c.ok ? [] : c.problems;
};

describe("status kinds: the H003 rulebook", () => {
  it("H003 status rules: every rule id of section 4 has an entry", () => {
    const ids = doc().rules.map((r) => r.id);
    for (const id of [
      "H003-DEMOTE-CM-DEPOSIT-3M",
      "H003-DEMOTE-CM-COLLECTION",
      "H003-DEMOTE-CM-SCORE",
      "H003-DISMISS-CM-SCORE",
      "H003-DISMISS-CM-CONDUCT",
      "H003-DEMOTE-PRESIDENT",
      "H003-DISMISS-PRESIDENT-REPEAT",
      "H003-DISMISS-PRESIDENT-ACCIDENT",
      "H003-DEMOTE-LADDER",
      "H003-RISK-OFFPOST-COLLECTION",
    ]) {
      expect(ids).toContain(id);
    }
    expect(problems(doc())).toEqual([]);
  });
});

describe("status kinds: load-time checks (H003-DEMOTE-LADDER, H003-DISMISS-PRESIDENT-REPEAT, H003-DEMOTE-CM-COLLECTION)", () => {
  it("H003-DEMOTE-LADDER: a trigger whose action the ladder does not handle is rejected", () => {
    const d = doc();
    rule(d, "H003-DEMOTE-LADDER").params.flags = [];
    expect(problems(d)).toContain('H003-DEMOTE-LADDER: trigger H003-RISK-OFFPOST-COLLECTION fires "offPostCollection", which the ladder does not handle');
  });

  it("H003-DEMOTE-LADDER: every value of h003.demotion.belowJunior needs a case", () => {
    const d = doc();
    delete rule(d, "H003-DEMOTE-LADDER").params.demote.belowLowest.cases.terminate;
    expect(problems(d)).toContain("H003-DEMOTE-LADDER: belowLowest has no case for terminate");
  });

  it("H003-DISMISS-PRESIDENT-REPEAT: the target must be a condition trigger", () => {
    const d = doc();
    rule(d, "H003-DISMISS-PRESIDENT-REPEAT").params.target = "H003-DEMOTE-CM-DEPOSIT-3M";
    expect(problems(d)).toContain("H003-DISMISS-PRESIDENT-REPEAT: target H003-DEMOTE-CM-DEPOSIT-3M must be a conditionTrigger rule");
  });

  it("H003-DEMOTE-CM-COLLECTION: every value of h003.cm.collectionDemotion.period needs a case", () => {
    const d = doc();
    delete rule(d, "H003-DEMOTE-CM-COLLECTION").params.evaluateIn.cases.monthlyYtd;
    expect(problems(d)).toContain("H003-DEMOTE-CM-COLLECTION: no case for h003.cm.collectionDemotion.period = monthlyYtd");
  });

  it("H003-DEMOTE-CM-DEPOSIT-3M: a setting value the kind does not understand is rejected", () => {
    const d = doc();
    rule(d, "H003-DEMOTE-CM-DEPOSIT-3M").params.mode = { setting: "h003.cm.depositShortfall.gap" };
    expect(problems(d)).toContain('H003-DEMOTE-CM-DEPOSIT-3M: setting h003.cm.depositShortfall.gap value "breaksRun" is not one of eachMonth, windowAverage');
  });

  it("H003-DISMISS-PRESIDENT-ACCIDENT: a threshold gives a value or a setting, not both", () => {
    const d = doc();
    rule(d, "H003-DISMISS-PRESIDENT-ACCIDENT").params.clauses[0].when.value = "10000";
    expect(problems(d).some((p) => p.includes("give exactly one of value or setting"))).toBe(true);
  });
});

describe("status kinds: thresholds are data (H003-DEMOTE-CM-SCORE)", () => {
  it("H003-DEMOTE-CM-SCORE: a bank that moves the line from 85 to 80 edits data only; 84 then no longer demotes", () => {
    const d = doc();
    rule(d, "H003-DEMOTE-CM-SCORE").params.clauses[0].score.value = "80";
    const compiled = compileRulebook(d);
    if (!compiled.ok) throw new Error(compiled.problems.join("\n"));
    const input = parseAppraisalInput({
      period: "2026",
      managers: [
        {
          id: "T1",
          role: "cm",
          grade: "junior",
          // Twelve months at the base, so the three-month deposit rule is judged (and does not fire).
          history: [
            ...Array.from({ length: 12 }, (_, i) => ({ period: `2026-${String(i + 1).padStart(2, "0")}`, avgDeposits: "5600000", baseDeposits: "5000000" })),
            { period: "2026", newAvgDeposits: "600000", nplRatio: "0", avgLoans: "1", collectionRate: "0.995", interestDue: "1", newBasicAccounts: "5", newLoanCollectionRate: "1" },
          ],
        },
      ],
    });
    if (!input.ok) throw new Error("bad input");
    const s = resolveSettings(compiled.book, {});
    if (!s.ok) throw new Error("bad settings");
    const r = appraiseAll(compiled.book, s.value, input.value).output.results[0];
    expect(r.score).toBe("84.00");
    expect(r.status).toBe("normal");
  });
});

describe("status kinds: windows (H003-DISMISS-CM-CONDUCT h003.conduct.window)", () => {
  const rec = (period: string, points?: string): PeriodRecord => ({ period, values: points ? { conductDeductions: dec(points) } : {}, tasks: [], clients: [], flags: [] });

  it("H003-DISMISS-CM-CONDUCT: assessmentYear of 2026-06 is 2026-01…2026-06; rolling12Months is 2025-07…2026-06", () => {
    const y = windowOf("assessmentYear", "2026-06");
    const r = windowOf("rolling12Months", "2026-06");
    expect([y.first, y.last]).toEqual([2026 * 12, 2026 * 12 + 5]);
    expect([r.first, r.last]).toEqual([2025 * 12 + 6, 2026 * 12 + 5]);
  });

  it("H003-DISMISS-CM-CONDUCT: finer records win and no month is counted twice; records without the field are skipped", () => {
    const picked = nonOverlapping([rec("2026", "9"), rec("2026-Q1", "5"), rec("2026-02", "3"), rec("2026-04", "4"), rec("2026-05")], "conductDeductions");
    expect(picked.map((r) => r.period)).toEqual(["2026-02", "2026-04"]);
    expect(nonOverlapping([rec("2026", "9"), rec("2026-05")], "conductDeductions").map((r) => r.period)).toEqual(["2026"]);
  });
});
