/** B002-GRADE-RESULT and friends: the b002 rulebook's grading part loads (every kind's params and cross-checks). */
import { compileRulebook } from "../../../src/engine/rulebook/compile";
import { presetDocument } from "../../../src/engine/rulebooks";

describe("B002-GRADES rulebook frame", () => {
  it("B002-GRADES: the merged b002-bank-grades rulebook compiles without problems", () => {
    const r = compileRulebook(presetDocument("b002-bank-grades"));
    expect(r.ok ? [] : r.problems).toEqual([]);
  });
});
