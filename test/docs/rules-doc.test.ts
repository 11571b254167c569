/**
 * docs/rules.md must list every rule id of the rule files with the rulebook entry and the tests that cover it,
 * and must be current. For the rule files this release implements, no id may be missing from the rulebooks or
 * from the tests.
 */
import * as fs from "node:fs";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const doc = require("../../scripts/gen-rules-doc.js") as {
  generate(): string;
  ruleFileIds(): Map<string, Set<string>>;
  rulebookEntries(): Map<string, unknown[]>;
  testMentions(): Map<string, string[]>;
};

const IMPLEMENTED_RULE_FILES = ["seed-003-city-bank-scoring.md", "seed-001-004-general.md", "seed-002-bank-grades.md", "seed-000-credit-coop.md"];

describe("docs/rules.md", () => {
  it("is up to date (run npm run docs:rules)", () => {
    const current = fs.readFileSync(path.resolve(__dirname, "../../docs/rules.md"), "utf8");
    expect(current).toBe(doc.generate());
  });

  it.each(IMPLEMENTED_RULE_FILES)("lists every rule id of %s with a rulebook entry and a test", (file) => {
    const ids = [...(doc.ruleFileIds().get(file) ?? [])];
    expect(ids.length).toBeGreaterThan(10);
    // Every id the rule file mentions appears in docs/rules.md, rules and group prefixes alike.
    const text = fs.readFileSync(path.resolve(__dirname, "../../docs/rules.md"), "utf8");
    expect(ids.filter((id) => !text.includes(`| ${id} |`))).toEqual([]);
    const entries = doc.rulebookEntries();
    const tests = doc.testMentions();
    expect(ids.filter((id) => !entries.has(id))).toEqual([]);
    expect(ids.filter((id) => !(tests.get(id) ?? []).some((t) => !t.startsWith("test/docs/")))).toEqual([]);
  });
});
