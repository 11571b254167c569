/**
 * The grading kinds as general interpreters (B002-GRADE-RESULT and friends): load-time checks that catch a broken
 * rulebook before anything runs, and a bank's own numbers changing results by data alone.
 */
import { compileRulebook } from "../../../src/engine/rulebook/compile";
import { presetDocument } from "../../../src/engine/rulebooks";

type Doc = { rules: Array<{ id: string; kind: string; params: Record<string, any> }> };
const base = () => JSON.parse(JSON.stringify(presetDocument("b002-bank-grades"))) as Doc;
const rule = (d: Doc, id: string) => d.rules.find((r) => r.id === id)!;
const problems = (d: Doc) => {
  const r = compileRulebook(d);
  return r.ok ? [] : r.problems;
};

describe("B002-GRADE-RESULT kind checks (gradeLadder, gradeIndicators, clientCutoff, clientFloor)", () => {
  it("B002-GRADE-RESULT: a ladder not listed highest grade first is rejected", () => {
    const d = base();
    rule(d, "B002-GRADE-RESULT").params.ladder = ["B002-GRADE-1", "B002-GRADE-SENIOR", "B002-GRADE-2", "B002-GRADE-3", "B002-GRADE-4"];
    expect(problems(d)).toEqual(["B002-GRADE-RESULT: ladder must list grades highest first (grade1, senior, grade2, grade3, grade4)"]);
  });

  it("B002-GRADE-RESULT: a ladder naming a rule of another kind is rejected", () => {
    const d = base();
    rule(d, "B002-GRADE-RESULT").params.cutoff = "B002-FLOOR";
    expect(problems(d)).toEqual(["B002-GRADE-RESULT: refers to rule B002-FLOOR, which is of kind clientFloor, not clientCutoff"]);
  });

  it("B002-GRADE-SENIOR: needing more items than the grade has is rejected", () => {
    const d = base();
    rule(d, "B002-GRADE-SENIOR").params.need = 5;
    expect(problems(d)).toEqual([
      expect.stringMatching(/^rules\[\d+\] B002-GRADE-SENIOR\.params\.: need exceeds the number of items$/),
      "B002-GRADE-RESULT: refers to rule B002-GRADE-SENIOR, which is missing or did not load",
    ]);
  });

  it("B002-GRADE-3: a setting-chosen measure must map every value of its setting", () => {
    const d = base();
    delete rule(d, "B002-GRADE-3").params.items[0].measure.values.loans;
    expect(problems(d)).toEqual(["B002-GRADE-3: setting b002.grade3.indicatorA.kind: no behaviour for loans"]);
  });

  it("B002-CLIENT-EXCLUSION: a cut-off for an unknown grade is rejected", () => {
    const d = base();
    rule(d, "B002-CLIENT-EXCLUSION").params.cutoffs.grade9 = "10万";
    expect(problems(d)).toEqual(["B002-CLIENT-EXCLUSION: unknown grade grade9"]);
  });

  it("B002-FLOOR: every grade needs a floor", () => {
    const d = base();
    rule(d, "B002-FLOOR").params.floors[0].grades = ["grade4"];
    expect(problems(d)).toEqual(["B002-FLOOR: grade trainee has no floor"]);
  });

  it("B002-AGREEMENT-DEPOSITS: a default naming an unknown use is rejected", () => {
    const d = base() as Doc & { settings: Record<string, { default: unknown }> };
    d.settings["b002.agreementDeposits.excludeFrom"].default = ["indicatorZ"];
    expect(problems(d)).toEqual(["B002-AGREEMENT-DEPOSITS: setting b002.agreementDeposits.excludeFrom default names unknown uses indicatorZ"]);
  });
});
