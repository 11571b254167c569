/**
 * The tenure part of b002-bank-grades (sections 6–9): every rule id has an entry, every setting of the rule file's
 * table that belongs to these rules is declared with its default, citations point at the seed, load-time checks
 * reject bad data, and thresholds are data (a changed number in the rulebook changes the outcome, no code change).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { appraiseAll, resolveSettings } from "../../../src/engine/api";
import { parseAppraisalInput } from "../../../src/engine/input";
import { compileRulebook } from "../../../src/engine/rulebook/compile";
import { presetDocument } from "../../../src/engine/rulebooks";

type Doc = {
  settings: Record<string, { rule: string; default?: unknown; values?: unknown[] }>;
  rules: Array<{ id: string; kind: string; cite: string[]; implements?: string[]; params: Record<string, any> }>;
};
const doc = () => JSON.parse(JSON.stringify(presetDocument("b002-bank-grades"))) as Doc;
const rule = (d: Doc, id: string) => d.rules.find((r) => r.id === id)!;
const problems = (d: Doc) => {
  const c = compileRulebook(d);
  return c.ok ? [] : c.problems;
};

const IDS = [
  "B002-COMMFEE",
  "B002-TWO-FEES",
  "B002-PAY-EXTERNAL",
  "B002-ANNUAL-DECISION",
  "B002-PROMOTE",
  "B002-DEMOTE-TARGET",
  "B002-ADMON-TRIGGERS",
  "B002-ADMON-ALLOWANCE",
  "B002-ADMON-DURATION",
  "B002-ADMON-EXPIRY",
  "B002-ADMON-NOT-APPLIED",
  "B002-YELLOW-TRIGGERS",
  "B002-DISMISS-TRIGGERS",
  "B002-LOSS-ACCOUNTABILITY",
];

/** The rule file's settings table rows for these rules: key → [default, rule]. */
const SETTINGS: Array<[string, unknown, string]> = [
  ["b002.commFee.caps", { senior: "300", grade1: "260", grade2: "200", grade3: "160", grade4: "160", trainee: "160" }, "B002-COMMFEE"],
  ["b002.commFee.mode", "reimbursementCap", "B002-COMMFEE"],
  ["b002.transportFee", undefined, "B002-TWO-FEES"],
  ["b002.demotion.target", "qualifiedOrLowest", "B002-DEMOTE-TARGET"],
  ["b002.mainIndicators.combine", "min", "B002-ADMON-TRIGGERS"],
  ["b002.admonition.declineRun", 5, "B002-ADMON-TRIGGERS"],
  ["b002.admonition.declineMeasures", "any", "B002-ADMON-TRIGGERS"],
  ["b002.overdue.oneMonth", "calendarMonth", "B002-ADMON-TRIGGERS"],
  ["b002.admonition.allowanceMode", "percent", "B002-CONV-PERCENT"],
  ["b002.admonition.monthRule", "prorateByDays", "B002-ADMON-ALLOWANCE"],
  ["b002.admonition.halve", "payout", "B002-ADMON-ALLOWANCE"],
  ["b002.admonition.months", 6, "B002-ADMON-DURATION"],
  ["b002.admonition.expiryMeasure", "lastQuarter", "B002-ADMON-EXPIRY"],
  ["b002.yellow.taskMeasure", "mainIndicators", "B002-YELLOW-TRIGGERS"],
  ["b002.yellowCard.repeatWindow", "nextCalendarYear", "B002-DISMISS-TRIGGERS"],
];

describe("B002 tenure rules (B002-COMMFEE … B002-LOSS-ACCOUNTABILITY): the rulebook part", () => {
  it("B002-ANNUAL-DECISION: the merged rulebook compiles", () => {
    expect(problems(doc())).toEqual([]);
  });

  it.each(IDS)("%s has a rule entry (its own id, or implemented by one)", (id) => {
    const d = doc();
    expect(d.rules.some((r) => r.id === id || (r.implements ?? []).includes(id))).toBe(true);
  });

  it.each(SETTINGS)("setting %s is declared with the rule file's default %j (rule %s)", (key, def, ruleId) => {
    const s = doc().settings[key];
    expect(s).toBeDefined();
    expect(s.default).toEqual(def);
    expect(s.rule).toBe(ruleId);
  });

  it("B002-PAY-EXTERNAL, B002-TWO-FEES: amounts the seed does not give have no default (required, never 0)", () => {
    const d = doc();
    expect(d.settings["b002.positionPay"].default).toBeUndefined();
    expect(d.settings["b002.transportFee"].default).toBeUndefined();
    expect(d.settings["b002.mainIndicators.weights"].default).toBeUndefined();
  });

  it("B002-COMMFEE … B002-LOSS-ACCOUNTABILITY: every citation is a line of the seed that exists", () => {
    const seed = fs.readFileSync(path.resolve(__dirname, "../../../../shared/seeds/002_6e8eade872556514.txt"), "utf8").split("\n");
    for (const r of doc().rules.filter((x) => IDS.includes(x.id))) {
      expect(r.cite.length).toBeGreaterThan(0);
      for (const c of r.cite) {
        const line = Number.parseInt(c.split(":")[1], 10);
        expect(seed[line - 1]?.length ?? 0).toBeGreaterThan(0);
      }
    }
  });

  it("B002-COMMFEE: the caps of the quote stand on the cited line 38", () => {
    const seed = fs.readFileSync(path.resolve(__dirname, "../../../../shared/seeds/002_6e8eade872556514.txt"), "utf8").split("\n");
    expect(seed[37]).toContain("高级客户经理300 元每人每月,一级客户经理260 元每人每月,二级客户经理200 元每人每月,三级及以下客户经理160元每人每月");
    expect(seed[53]).toContain("两费补贴按50发放");
    expect(seed[53]).toContain("诫勉期一般为6 个月");
  });
});

describe("B002 tenure rules: load-time checks", () => {
  it("B002-ANNUAL-DECISION: a trigger whose action the status does not handle is rejected", () => {
    const d = doc();
    rule(d, "B002-ANNUAL-DECISION").params.outcomes = rule(d, "B002-ANNUAL-DECISION").params.outcomes.filter((e: { action?: string }) => e.action !== "yellowCard");
    expect(problems(d)).toContain('B002-ANNUAL-DECISION: trigger B002-YELLOW-TRIGGERS fires "yellowCard", which the status does not handle');
  });
  it("B002-ANNUAL-DECISION: the annual decision must have a place in the precedence", () => {
    const d = doc();
    rule(d, "B002-ANNUAL-DECISION").params.outcomes = rule(d, "B002-ANNUAL-DECISION").params.outcomes.filter((e: { annual?: boolean }) => !e.annual);
    expect(problems(d)).toContain("B002-ANNUAL-DECISION: outcomes must place the annual decision");
  });
  it("B002-DEMOTE-TARGET: the lowest CM grade must be a grade of the rulebook", () => {
    const d = doc();
    rule(d, "B002-ANNUAL-DECISION").params.annual.lowestGrade = "g4";
    expect(problems(d)).toContain("B002-ANNUAL-DECISION: unknown grade g4");
  });
  it("B002-COMMFEE: a cap table naming an unknown grade is rejected", () => {
    const d = doc();
    d.settings["b002.commFee.caps"].default = { g1: "260" };
    expect(problems(d)).toContain("B002-COMMFEE: setting b002.commFee.caps: unknown grade g1");
  });
  it("B002-ADMON-ALLOWANCE: a month rule setting whose values the kind does not know is rejected", () => {
    const d = doc();
    rule(d, "B002-COMMFEE").params.admonition.monthRule = { setting: "b002.admonition.halve" };
    expect(problems(d)).toContain('B002-COMMFEE: setting b002.admonition.halve value "payout" is not one of prorateByDays, wholeMonthsTouched, fullMonthsFromNext');
  });
  it("B002-YELLOW-TRIGGERS: FLOOR_MISSED must name a trigger rule", () => {
    const d = doc();
    rule(d, "B002-YELLOW-TRIGGERS").params.codes[2].any[0].ruleFires = "B002-FLOOR";
    expect(problems(d)).toContain("B002-YELLOW-TRIGGERS: B002-FLOOR is not a trigger rule");
  });
  it("B002-YELLOW-TRIGGERS: every value of b002.yellow.taskMeasure needs a case", () => {
    const d = doc();
    delete rule(d, "B002-YELLOW-TRIGGERS").params.codes[0].any[0].completion.cases.allTasks;
    expect(problems(d)).toContain("B002-YELLOW-TRIGGERS: no case for b002.yellow.taskMeasure = allTasks");
  });
});

describe("B002 tenure rules: thresholds are data", () => {
  function appraise(d: Doc, history: unknown[], period: string) {
    const c = compileRulebook(d);
    if (!c.ok) throw new Error(c.problems.join("\n"));
    const parsed = parseAppraisalInput({ period, managers: [{ id: "T1", role: "cm", grade: "grade1", history }] });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const s = resolveSettings(c.book, {});
    if (!s.ok) throw new Error(JSON.stringify(s.problems));
    return appraiseAll(c.book, s.value, parsed.value).output.results[0];
  }
  const history = [{ period: "2024-Q1", mainCompletion: "0.85" }, { period: "2024-Q2", mainCompletion: "0.85" }];

  it("B002-ADMON-TRIGGERS: raising the 80% bar to 90% in the rulebook makes 85% / 85% a TWO_QUARTERS_BELOW_80 candidate", () => {
    const d = doc();
    const before = appraise(d, history, "2024-Q2").explanation.filter((x) => x.zh.includes("TWO_QUARTERS_BELOW_80"));
    expect(before).toEqual([]);
    rule(d, "B002-ADMON-TRIGGERS").params.codes[2].any[0].below.value = "90%";
    const after = appraise(d, history, "2024-Q2").explanation.filter((x) => x.zh.includes("TWO_QUARTERS_BELOW_80"));
    expect(after).toHaveLength(1);
  });
  it("B002-ADMON-ALLOWANCE: paying 60% instead of 50% during 诫勉 is a data change (一级, full month → 156.00)", () => {
    const d = doc();
    rule(d, "B002-COMMFEE").params.admonition.paidShare = "60%";
    const r = appraise(d, [{ period: "2024-04", admonitionStartDay: 1 }], "2024-05");
    expect(r.commission).toBe("156.00");
  });
});
