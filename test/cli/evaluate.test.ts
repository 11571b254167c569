import { runCli } from "./run";

const president = {
  id: "0102003",
  name: "张三",
  branch: "城东支行",
  role: "president",
  grade: "intermediate",
  history: [
    { period: "2026-10", depositGrowth: "0.35", nplRatio: "0", collectionRate: "0.998", feeIncomeGrowth: "0.24", avgLoans: "50000000", interestDue: "10000" },
  ],
};

describe("appraise evaluate", () => {
  it("H003-SCORE-TOTAL: scores the worked-example president at exactly 118.00 from stdin", async () => {
    const run = await runCli(["evaluate", "--rulebook", "h003-city-bank"], JSON.stringify({ period: "2026-10", managers: [president] }));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.rulebook).toEqual({ id: "h003-city-bank", version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(out.period).toBe("2026-10");
    expect(out.results[0].id).toBe("0102003");
    expect(out.results[0].score).toBe("118.00");
    expect(out.results[0].explanation.map((e: { rule: string }) => e.rule)).toContain("H003-SCORE-COLLECTION");
  });

  it("reads --input FILE and takes the rulebook from the input when not given on the command line", async () => {
    const run = await runCli(["evaluate", "--input", "in.json"], "", { "in.json": JSON.stringify({ rulebook: "h003-city-bank", period: "2026-10", managers: [president] }) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results[0].score).toBe("118.00");
  });

  it("rejects an amount written 1,35O,000: exit 2, nothing on stdout, the field named on stderr", async () => {
    const bad = { ...president, id: "0102004", history: [{ ...president.history[0], avgDeposits: "1,35O,000" }] };
    const run = await runCli(["evaluate", "--rulebook", "h003-city-bank"], JSON.stringify({ period: "2026-10", managers: [president, bad] }));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('managers[1].history[0].avgDeposits: text "1,35O,000" is not a number\n');
  });

  it("reports every problem at once, each with its path", async () => {
    const input = {
      period: "2026-13",
      managers: [
        { id: 10200300000000017, role: "cm", history: [{ period: "2026-10", nplRatio: true, collectionRate: "99.8%" }] },
        { id: "A", role: "cm", history: [{ period: "2026-10", avgDepositz: "1" }] },
        { id: "A", role: "cm", history: [] },
      ],
    };
    const run = await runCli(["evaluate", "--rulebook", "h003-city-bank"], JSON.stringify(input));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toEqual([
      'period: "2026-13" is not a period (YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY)',
      "managers[0].id: id 10200300000000016 must be text (staff numbers keep leading zeros and digits beyond 15)",
      "managers[0].history[0].nplRatio: boolean true is not a number",
      'managers[0].history[0].collectionRate: text "99.8%" is not a number',
      // A format-2 rulebook declares the fields it reads: the message says where they are listed.
      'managers[1].history[0].avgDepositz: unknown field (see "fields" in appraise rulebook h003-city-bank)',
      'managers[2].id: duplicate id "A" (also managers[1])',
    ]);
  });

  it("rejects grades and roles the rulebook does not know", async () => {
    const run = await runCli(["evaluate", "--rulebook", "h003-city-bank"], JSON.stringify({ period: "2026-10", managers: [{ ...president, grade: "gold" }] }));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('managers[0].grade: "gold" is not a grade of h003-city-bank (senior, intermediate, junior)\n');
  });

  it("rejects malformed JSON and unknown rulebooks with exit 2", async () => {
    const a = await runCli(["evaluate", "--rulebook", "h003-city-bank"], "{ not json");
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^stdin: not valid JSON/);
    const b = await runCli(["evaluate", "--rulebook", "nope"], JSON.stringify({ period: "2026-10", managers: [] }));
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^rulebook: unknown rulebook "nope"/);
  });

  it("applies --set settings, and rejects unknown settings or values", async () => {
    const cm = { id: "9", role: "cm", grade: "intermediate", history: [{ period: "2026", depositGrowth: "0.31", nplRatio: "0.005", collectionRate: "0.997", newBasicAccounts: 5, avgLoans: "1", interestDue: "1" }] };
    const input = JSON.stringify({ period: "2026", managers: [cm] });
    const dflt = await runCli(["evaluate", "--rulebook", "h003-city-bank"], input);
    expect(JSON.parse(dflt.stdout).results[0].score).toBe("93.14");
    const off = await runCli(["evaluate", "--rulebook", "h003-city-bank", "--set", "h003.cm.applyStepRules=false"], input);
    expect(JSON.parse(off.stdout).results[0].score).toBe("67.14");
    const bad = await runCli(["evaluate", "--rulebook", "h003-city-bank", "--set", "h003.score.partialStep=halfSteps"], input);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('settings.h003.score.partialStep: "halfSteps" 不是可选值之一 ["completedSteps","proRata","startedStepsBelowTarget"] / is not one of ["completedSteps","proRata","startedStepsBelowTarget"]\n');
    const unknown = await runCli(["evaluate", "--rulebook", "h003-city-bank", "--set", "h003.nope=1"], input);
    expect(unknown.stderr).toBe("settings.h003.nope: unknown setting for rulebook h003-city-bank\n");
  });

  it("prints a readable table with --format table", async () => {
    const run = await runCli(["evaluate", "--rulebook", "h003-city-bank", "--format", "table"], JSON.stringify({ period: "2026-10", managers: [president] }));
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toContain("h003-city-bank");
    expect(lines[2]).toMatch(/^工号\s+姓名\s+机构/);
    expect(lines[4]).toMatch(/^0102003\s+张三\s+城东支行\s+支行行长\/营业部总经理\s+中级客户经理\s+118\.00/);
  });
});

describe("appraise rulebooks / rulebook", () => {
  it("lists the built-in rulebooks with versions", async () => {
    const run = await runCli(["rulebooks"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^h003-city-bank\t\d+\.\d+\.\d+\t城市商业银行/m);
  });

  it("prints one rulebook as a JSON document that validates", async () => {
    const run = await runCli(["rulebook", "h003-city-bank"]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.format).toBe("khjl-rulebook/2");
    expect(doc.rules.map((r: { id: string }) => r.id)).toContain("H003-SCORE-COLLECTION");
    const again = await runCli(["evaluate", "--rulebook-file", "book.json"], JSON.stringify({ period: "2026-10", managers: [president] }), { "book.json": run.stdout });
    expect(JSON.parse(again.stdout).results[0].score).toBe("118.00");
  });

  it("rejects a user rulebook that is not valid, naming the problem", async () => {
    // Format 1 (b002-bank-grades): a kind no interpreter knows.
    const run = await runCli(["rulebook", "b002-bank-grades"]);
    const doc = JSON.parse(run.stdout);
    expect(doc.format).toBe("khjl-rulebook/1");
    doc.rules[0].kind = "eval";
    const bad = await runCli(["evaluate", "--rulebook-file", "book.json"], JSON.stringify({ period: "2026-10", managers: [] }), { "book.json": JSON.stringify(doc) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown rule kind "eval"');
    // Format 2 (h003-city-bank) has no kinds: a rule's "kind" is a key the schema does not know, refused at its path,
    // and a formula naming a function that does not exist is refused with the rule's path.
    const v2 = JSON.parse((await runCli(["rulebook", "h003-city-bank"])).stdout);
    v2.rules[0].kind = "eval";
    const badKey = await runCli(["evaluate", "--rulebook-file", "book.json"], JSON.stringify({ period: "2026-10", managers: [] }), { "book.json": JSON.stringify(v2) });
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toMatch(/^rulebook: rules\[0\]: .*"kind"/m);
    delete v2.rules[0].kind;
    const i = v2.rules.findIndex((r: { id: string }) => r.id === "H003-SCORE-FEE-INCOME");
    v2.rules[i].formula = "EVAL(\"1\")";
    const badFn = await runCli(["evaluate", "--rulebook-file", "book.json"], JSON.stringify({ period: "2026-10", managers: [] }), { "book.json": JSON.stringify(v2) });
    expect(badFn.code).toBe(2);
    expect(badFn.stderr).toContain(`rules[${i}] H003-SCORE-FEE-INCOME`);
    expect(badFn.stderr).toContain("EVAL");
  });
});
