/**
 * The g-general rulebook against its rule file (../shared/rules/seed-001-004-general.md): it loads and validates,
 * every rule id of the file has an entry, every setting of the settings table is declared with its default, every
 * citation of a rule's section is on its entry, and every quote is found on the cited seed line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { compileRulebook } from "../../../src/engine/rulebook/compile";
import { loadPreset, presetDocument } from "../../../src/engine/rulebooks";
import { GENERAL_KINDS } from "../../../src/engine/kinds/general";
import { GRADING_KINDS } from "../../../src/engine/kinds/grading";
import { TENURE_KINDS } from "../../../src/engine/kinds/tenure";
import { TOOL_KINDS } from "../../../src/engine/kinds/tools";
import { boundaryWords, engineConvention } from "../../../src/engine/kinds/conventions";

const SHARED = path.resolve(__dirname, "../../../../shared");
const RULE_FILE = path.join(SHARED, "rules/seed-001-004-general.md");
const md = fs.readFileSync(RULE_FILE, "utf8");

/** The rule ids of the file's index table. */
const ruleIds = [...md.matchAll(/^\| (G00[14]-[A-Z0-9-]+) \|/gm)].map((m) => m[1]);

/** Each `### ID:` section's text. */
function section(id: string): string {
  const start = md.indexOf(`### ${id}:`);
  const next = md.indexOf("\n### ", start + 4);
  const end = next < 0 ? md.indexOf("\n## ", start) : next;
  return md.slice(start, end < 0 ? undefined : end);
}

describe("g-general rulebook (G001-RATE-ROUNDING … G004-EXIT-AUDIT)", () => {
  const book = loadPreset("g-general");

  it("loads with loadPreset('g-general') and passes validation", () => {
    expect(book.doc.id).toBe("g-general");
    expect(book.roleIds).toEqual(["cm"]);
    expect(compileRulebook(presetDocument("g-general")).ok).toBe(true);
  });

  it("has an entry for each of the 16 rule ids of the rule file", () => {
    expect(ruleIds).toHaveLength(16);
    const covered = new Set(book.rules.flatMap((r) => [r.id, ...r.doc.implements, ...r.doc.overrides.flatMap((o) => o.cites)]));
    expect(ruleIds.filter((id) => !covered.has(id))).toEqual([]);
    expect(book.rules.map((r) => r.id).sort()).toEqual([...ruleIds].sort());
  });

  it("declares every setting of the rule file's settings table with its default and alternatives", () => {
    const table = md.slice(md.indexOf("## Settings (all, with defaults)"));
    const rows = [...table.matchAll(/^\| `([a-z0-9.]+[A-Za-z0-9.]*)` \| (.+?) \| (.+?) \| (G00[14]-[A-Z0-9-]+) \|/gm)];
    expect(rows).toHaveLength(11);
    for (const [, key, def, alts, rule] of rows) {
      const s = book.doc.settings[key];
      expect({ key, declared: s !== undefined }).toEqual({ key, declared: true });
      expect(s.rule).toBe(rule);
      const d = def.replace(/`/g, "");
      if (d === "per rulebook") expect(s.default).toBeUndefined();
      else expect(String(s.default)).toBe(d);
      if (s.type === "enum") {
        const listed = alts.replace(/`/g, "").split(",").map((x) => x.trim());
        const values = (s.values ?? []).map(String);
        for (const v of listed) expect(values).toContain(v);
        if (s.default !== undefined) expect(values).toContain(String(s.default));
      }
    }
    expect(Object.keys(book.doc.settings).sort()).toEqual(rows.map((r) => r[1]).sort());
  });

  it("cites on each entry every seed line its rule-file section cites", () => {
    for (const id of ruleIds) {
      const cited = [...section(id).matchAll(/`(\d{3}_[0-9a-f]{16}\.txt:\d+)`/g)].map((m) => m[1]);
      const entry = book.byId.get(id)!;
      for (const c of cited) expect({ id, cite: c, onEntry: entry.doc.cite.includes(c) }).toEqual({ id, cite: c, onEntry: true });
      expect(entry.doc.cite.length).toBeGreaterThan(0);
    }
  });

  it("finds every quote of the rule file on its cited seed line", () => {
    const quotes = [...md.matchAll(/`(\d{3}_[0-9a-f]{16}\.txt):(\d+)` 「([^」]+)」/g)];
    expect(quotes.length).toBeGreaterThan(20);
    for (const [, file, line, quote] of quotes) {
      const text = fs.readFileSync(path.join(SHARED, "seeds", file), "utf8").split("\n")[Number.parseInt(line, 10) - 1];
      expect({ at: `${file}:${line}`, quote, found: text.includes(quote) }).toEqual({ at: `${file}:${line}`, quote, found: true });
    }
  });

  it("rejects a rule that reads an undeclared setting (general kinds' check)", () => {
    const doc = presetDocument("g-general") as { rules: Array<{ id: string; params: Record<string, unknown> }> };
    const rule = doc.rules.find((r) => r.id === "G001-COMPLETION-RATE")!;
    rule.params = { percent: { decimals: { setting: "g001.rate.nope" }, mode: "halfUp" } };
    const res = compileRulebook(doc);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problems).toContain("G001-COMPLETION-RATE: setting g001.rate.nope is not declared");
  });

  it("rejects a rule that reads a declared setting without listing it in `settings`", () => {
    const doc = presetDocument("g-general") as { rules: Array<{ id: string; settings: string[] }> };
    doc.rules.find((r) => r.id === "G004-PERIODS")!.settings = [];
    const res = compileRulebook(doc);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.problems).toContain('G004-PERIODS: setting g004.yearStartMonth is read but not listed in "settings"');
  });

  it("gives every general kind a name no other kind group uses", () => {
    const others = [boundaryWords, engineConvention, ...TOOL_KINDS, ...GRADING_KINDS, ...TENURE_KINDS].map((k) => k.kind);
    const mine = GENERAL_KINDS.map((k) => k.kind);
    expect(mine.filter((k) => others.includes(k))).toEqual([]);
    expect(new Set(mine).size).toBe(mine.length);
  });
});
