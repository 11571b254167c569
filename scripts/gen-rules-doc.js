#!/usr/bin/env node
/**
 * Generates docs/rules.md: every rule id of the rule files (../shared/rules/*.md) → the rulebook entry that
 * implements it (and its kind) → the test files that name it, so a missing rule or test is visible at a glance.
 *   node scripts/gen-rules-doc.js          write docs/rules.md
 *   node scripts/gen-rules-doc.js --check  exit 1 if docs/rules.md is stale
 * SHARED_DIR overrides where the shared folder is (default: ../shared beside the repository).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const REPO = path.resolve(__dirname, "..");
const SHARED = process.env.SHARED_DIR ? path.resolve(process.env.SHARED_DIR) : path.resolve(REPO, "../shared");
const RULE_ID = /\b[BCGH][0-9]{3}-[A-Z0-9-]*[A-Z0-9]\b/g;
const PREFIX_FILE = { H003: "seed-003-city-bank-scoring.md", G001: "seed-001-004-general.md", G004: "seed-001-004-general.md", B002: "seed-002-bank-grades.md", C000: "seed-000-credit-coop.md" };

function walk(dir, pattern) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full, pattern);
    return pattern.test(e.name) ? [full] : [];
  });
}

/** Every id-shaped token of the rule files, each under the file of its prefix. */
function ruleFileTokens() {
  const dir = path.join(SHARED, "rules");
  if (!fs.existsSync(dir)) throw new Error(`rule files not found in ${dir} (set SHARED_DIR)`);
  const byFile = new Map();
  const indexed = new Set();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".md")).sort()) byFile.set(file, new Set());
  for (const file of byFile.keys()) {
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    for (const m of text.matchAll(/^\| ([BCGH][0-9]{3}-[A-Z0-9-]+) \|/gm)) indexed.add(m[1]);
    for (const id of text.match(RULE_ID) ?? []) {
      const owner = PREFIX_FILE[id.slice(0, 4)];
      if (owner && byFile.has(owner)) byFile.get(owner).add(id);
    }
  }
  return { byFile, indexed };
}

/** Rule ids of each rule file: the ids of its rule index (not prefixes such as C000-FUT that name a group). */
function ruleFileIds() {
  const { byFile, indexed } = ruleFileTokens();
  return new Map([...byFile].map(([file, ids]) => [file, new Set([...ids].filter((id) => indexed.has(id)))]));
}

/** Id-shaped tokens that are not rules: group prefixes of the rule files (C000-FUT-… rules share C000-FUT). */
function prefixTokens() {
  const { byFile, indexed } = ruleFileTokens();
  return [...byFile.values()].flatMap((ids) => [...ids].filter((id) => !indexed.has(id))).sort();
}

/**
 * What implements a rule: a format-1 rule's kind, or a format-2 rule's construct (the one it states; a check beside
 * another construct is not its kind), as src/engine/rulebook2/compile.ts reads it.
 */
const CONSTRUCTS = ["formula", "table", "ledger", "trigger", "status", "check", "tool", "record"];
function kindOf(rule) {
  if (rule.kind !== undefined) return rule.kind;
  const all = CONSTRUCTS.filter((c) => rule[c] !== undefined);
  return (all.length > 1 ? all.filter((c) => c !== "check") : all)[0] ?? "record";
}

/** id → [{rulebook, entry, kind, how}] from every built-in rulebook's JSON parts. */
function rulebookEntries() {
  const root = path.join(REPO, "src/engine/rulebooks");
  const found = new Map();
  const add = (id, rec) => found.set(id, [...(found.get(id) ?? []), rec]);
  for (const book of fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const dir = path.join(root, book);
    const bookId = JSON.parse(fs.readFileSync(path.join(dir, "rulebook.json"), "utf8")).id;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
      const doc = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
      for (const rule of doc.rules ?? []) {
        const kind = kindOf(rule);
        add(rule.id, { rulebook: bookId, entry: rule.id, kind, how: "implemented" });
        for (const other of rule.implements ?? []) add(other, { rulebook: bookId, entry: rule.id, kind, how: `implemented by ${rule.id}` });
        // A format-2 ledger's movement with an id of its own is that rule's entry (withholding, refunds).
        for (const m of rule.ledger?.movements ?? []) {
          if (m.id !== undefined && m.id !== rule.id) add(m.id, { rulebook: bookId, entry: rule.id, kind: "ledger", how: `movement of ${rule.id}` });
        }
        for (const ov of rule.overrides ?? []) {
          for (const other of ov.cites ?? []) add(other, { rulebook: bookId, entry: rule.id, kind: ov.kind ?? rule.kind, how: `override of ${rule.id}` });
        }
      }
    }
  }
  return found;
}

/** id → test files (relative) naming it. */
function testMentions() {
  const found = new Map();
  for (const file of walk(path.join(REPO, "test"), /\.tsx?$/).sort()) {
    const rel = path.relative(REPO, file).split(path.sep).join("/");
    for (const id of new Set(fs.readFileSync(file, "utf8").match(RULE_ID) ?? [])) found.set(id, [...(found.get(id) ?? []), rel]);
  }
  return found;
}

function generate() {
  const files = ruleFileIds();
  const entries = rulebookEntries();
  const tests = testMentions();
  const out = [
    "# Rules → rulebooks → tests",
    "",
    "Generated by `npm run docs:rules` (scripts/gen-rules-doc.js) from the rule files in `../shared/rules/`, the",
    "built-in rulebooks in `src/engine/rulebooks/` and the tests in `test/`. Do not edit by hand; a test fails when",
    "this file is stale. The kind is a format-1 rule's TypeScript kind or a format-2 rule's construct; a *record* is a",
    "format-2 rule no figure decides, kept in the rulebook with its reason; *missing* means no rulebook carries the id yet.",
    "",
  ];
  const summary = [];
  for (const [file, ids] of files) {
    const sorted = [...ids].sort();
    const rows = sorted.map((id) => {
      const e = entries.get(id) ?? [];
      const t = tests.get(id) ?? [];
      const where = e.length ? [...new Set(e.map((x) => `${x.rulebook}: ${x.kind}${x.how === "implemented" ? "" : ` (${x.how})`}`))].join("<br>") : "**missing**";
      const testCell = t.length ? t.map((f) => `\`${f}\``).join("<br>") : "**none**";
      return { id, where, testCell, ok: e.length > 0, tested: t.length > 0 };
    });
    const done = rows.filter((r) => r.ok).length;
    const tested = rows.filter((r) => r.tested).length;
    summary.push(`| \`${file}\` | ${rows.length} | ${done} | ${tested} |`);
    out.push(`## ${file}`, "", `${done} of ${rows.length} rule ids in a rulebook; ${tested} named by a test.`, "", "| rule id | rulebook: kind | tests |", "|---|---|---|");
    for (const r of rows) out.push(`| ${r.id} | ${r.where} | ${r.testCell} |`);
    out.push("");
  }
  const prefixes = prefixTokens();
  if (prefixes.length > 0) {
    out.push("## Group prefixes (not rules)", "", `${prefixes.map((p) => `${p}`).join(", ")}: prefixes that name a group of rules in the rule files; each rule of the group is listed above.`, "");
  }
  const head = ["## Summary", "", "| rule file | rule ids | in a rulebook | named by a test |", "|---|---|---|---|", ...summary, ""];
  out.splice(7, 0, ...head);
  return `${out.join("\n")}\n`;
}

module.exports = { generate, ruleFileIds, prefixTokens, rulebookEntries, testMentions };

if (require.main === module) {
  const target = path.join(REPO, "docs/rules.md");
  const text = generate();
  if (process.argv.includes("--check")) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
    if (current !== text) {
      process.stderr.write("docs/rules.md is stale: run npm run docs:rules\n");
      process.exit(1);
    }
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
  }
}
