/**
 * `appraise tool RULE-ID`: one tool rule of a rulebook run on a JSON object of inputs, answered as JSON with its
 * explanation; bad input is exit 2 with the input's path, as `evaluate` does.
 */
import { runCli } from "./run";

describe("appraise tool", () => {
  it("H003-CLIENT-BAND: deposits of 900万 put a client in the senior band (800万 or more), with the rule's explanation", async () => {
    const run = await runCli(["tool", "H003-CLIENT-BAND", "--rulebook", "h003-city-bank"], JSON.stringify({ deposits: "9000000" }));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { rule: string; answer: Record<string, unknown>; explanation: Array<{ rule: string; zh: string }> };
    expect(out.rule).toBe("H003-CLIENT-BAND");
    expect(out.answer.band).toBe("senior");
    expect(out.explanation[0]).toMatchObject({ rule: "H003-CLIENT-BAND" });
    expect(out.explanation[0].zh).toContain("¥9,000,000.00");
  });

  it("a rulebook file and --set: the manual's refund tool with its inputs from a file", async () => {
    const doc = {
      format: "khjl-rulebook/2", id: "refund", version: "1.0.0", name: { zh: "退还", en: "refund" },
      roles: [{ id: "cm", zh: "客户经理", en: "customer manager" }],
      settings: { "refund.months": { rule: "R-1", type: "integer", default: 6, zh: "离岗后几个月退还", en: "months after leaving" } },
      rules: [{ id: "R-1", tool: { inputs: { leftOn: { type: "date" }, balance: { unit: "money" } }, results: [{ name: "refundOn", formula: "EDATE(leftOn, refund.months)" }, { name: "refund", unit: "money", formula: "balance" }] } }],
    };
    const files = { "r.json": JSON.stringify(doc), "in.json": JSON.stringify({ leftOn: "2026-03-31", balance: "8000" }) };
    const run = await runCli(["tool", "R-1", "--rulebook-file", "r.json", "--input", "in.json", "--set", "refund.months=3"], "", files);
    expect(run.code).toBe(0);
    // 2026-03-31 + 3 months = 2026-06-30 (EDATE keeps the month's last day).
    expect(JSON.parse(run.stdout).answer).toEqual({ refundOn: "2026-06-30", refund: "8000.00" });
  });

  it("bad input is exit 2 naming the input and the rule; an unknown rule or a rule that is not a tool too", async () => {
    const bad = await runCli(["tool", "H003-CLIENT-BAND", "--rulebook", "h003-city-bank"], JSON.stringify({ deposits: "-1" }));
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("H003-CLIENT-BAND: #VALUE!");
    expect(bad.stderr).toContain("deposits");
    const unknown = await runCli(["tool", "H003-NOPE", "--rulebook", "h003-city-bank"], "{}");
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining("H003-NOPE")]);
    const notTool = await runCli(["tool", "H003-SCORE-NPL", "--rulebook", "h003-city-bank"], "{}");
    expect([notTool.code, notTool.stderr]).toEqual([2, expect.stringContaining("is not a tool rule")]);
  });

  it("usage errors: no rule id, no rulebook, unknown option", async () => {
    expect((await runCli(["tool", "--rulebook", "h003-city-bank"], "{}")).code).toBe(1);
    expect((await runCli(["tool", "H003-CLIENT-BAND"], "{}")).code).toBe(1);
    const typo = await runCli(["tool", "H003-CLIENT-BAND", "--rulebok", "h003-city-bank"], "{}");
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain("--rulebook");
  });
});
