/**
 * A rulebook imported by a user (`--rulebook-file`, the taskpane later) is data read by fixed interpreters: it is
 * validated in full and can never run code or change the program. Hostile documents — prototype keys anywhere,
 * JavaScript written where a formula belongs, nesting deep enough to exhaust a recursive validator, numbers beyond a
 * double, unknown constructs or kinds — are refused with located messages, and Object.prototype is left as it was.
 * Settings and input keys named like Object.prototype's members are unknown names, not a way around the checks.
 * The hostile content goes into h003-city-bank (format 2: formulas the engine's own language reads, never
 * JavaScript); what only format 1 has (rule kinds and their params) goes into b002-bank-grades.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { appraiseAll, resolveRulebook, resolveSettings } from "../../src/engine/api";
import { parseAppraisalInput } from "../../src/engine/input";
import { presetDocument } from "../../src/engine/rulebooks";
import { runCli } from "../cli/run";

type Doc = Record<string, unknown> & { rules: Array<Record<string, unknown>>; settings: Record<string, unknown>; functions: Record<string, unknown> };
const h003 = () => presetDocument("h003-city-bank") as Doc;
/** A format-1 built-in, for what only format 1 has: rule kinds and their params. */
const b002 = () => presetDocument("b002-bank-grades") as Doc;
/** Where the unknown-field message sends the reader for the fields h003 declares. */
const FIELDS_WHERE = '(see "fields" in appraise rulebook h003-city-bank)';
/** A junior CM with every figure the H003 score needs. */
const INPUT = JSON.stringify({
  period: "2026",
  managers: [{ id: "0102003", role: "cm", grade: "junior", history: [{ period: "2026", newAvgDeposits: "1000000", nplRatio: "0", avgLoans: "1000000", collectionRate: "0.995", interestDue: "1000", newBasicAccounts: 5 }] }],
});

const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
function expectPrototypesUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  const probe = {} as Record<string, unknown>;
  for (const k of ["polluted", "isAdmin", "x", "pwned"]) expect(probe[k]).toBeUndefined();
  expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
}

/** Where in a document's text each place's object opens; a raw member is spliced in at the `|`. */
const ANCHORS = {
  top: "{|",
  settings: '"settings":{|',
  functions: '"functions":{|',
  rule: '"rules":[{|',
  table: '"table":{|',
  "map setting": '"default":{|"senior"',
  "tool inputs": '"inputs":{|',
  params: '"params":{|',
} as const;
type Place = keyof typeof ANCHORS;

/** Splices a raw JSON member into a document's text at the given place (JSON.stringify cannot write "__proto__" keys). */
function withRaw(doc: Doc, member: string, where: Place): string {
  const text = JSON.stringify(doc);
  const [before, after] = ANCHORS[where].split("|");
  // The place must exist, or the document would be the built-in one and the test would prove nothing.
  expect(text.includes(before + after)).toBe(true);
  return text.replace(before + after, `${before}${member},${after}`);
}

async function viaCli(doc: string) {
  return runCli(["evaluate", "--rulebook-file", "book.json", "--input", "in.json"], "", { "book.json": doc, "in.json": INPUT });
}

afterEach(expectPrototypesUntouched);

describe("prototype keys in an imported rulebook", () => {
  it.each<[string, Place, string, () => Doc]>([
    ["h003", "top", '"__proto__":{"polluted":true}', h003],
    ["h003", "top", '"constructor":{"prototype":{"polluted":true}}', h003],
    ["h003", "settings", '"__proto__":{"rule":"H003-X","type":"boolean","default":true,"zh":"x","en":"x"}', h003],
    ["h003", "settings", '"constructor":{"rule":"H003-X","type":"boolean","default":true,"zh":"x","en":"x"}', h003],
    ["h003", "functions", '"__proto__":{"params":[],"formula":"1"}', h003],
    ["h003", "rule", '"prototype":{"isAdmin":true}', h003],
    ["h003", "table", '"__proto__":{"isAdmin":true}', h003],
    ["h003", "map setting", '"constructor":"1"', h003],
    ["h003", "tool inputs", '"prototype":{"unit":"money"}', h003],
    ["b002", "params", '"__proto__":{"isAdmin":true}', b002],
    ["b002", "params", '"prototype":{"isAdmin":true}', b002],
  ])("%s, %s: %s refused, the key named in the message", async (_book, where, member, make) => {
    const doc = withRaw(make(), member, where);
    const r = resolveRulebook(JSON.parse(doc));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const key = /"(__proto__|constructor|prototype)"/.exec(member)![1];
    expect(r.problems.some((p) => p.path === "rulebook" && p.message.includes(key) && /reserved name/.test(p.message))).toBe(true);
    const run = await viaCli(doc);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    // The key's path in the document: `settings.__proto__`, `rules.3.table.__proto__`, `__proto__` at the top.
    expect(run.stderr).toMatch(new RegExp(`^rulebook: (\\S+\\.)?${key}: `, "m"));
  });
});

describe("code written into a rulebook is never run", () => {
  const EVIL = "globalThis.__pwned = 1; process.exit(3)";
  /** A rule of h003's own shape (a points formula) whose formula, condition or text is the given JavaScript. */
  const rule = (part: Record<string, unknown>) => ({ id: "H003-EVIL", unit: "points", formula: "1", ...part });
  it.each<[string, Record<string, unknown>, RegExp]>([
    ["constructor.constructor(…)() as a formula", rule({ formula: 'constructor.constructor("globalThis.__pwned = 1")()' }), /rules\[\d+\] H003-EVIL\.formula: /],
    ["process.exit() as a formula", rule({ formula: "process.exit(3)" }), /rules\[\d+\] H003-EVIL\.formula: .*process\.exit/],
    ["require(…) as a formula", rule({ formula: 'require("child_process").execSync("touch /tmp/pwned")' }), /rules\[\d+\] H003-EVIL\.formula: /],
    ["a template literal in backticks as a formula", rule({ formula: "`${globalThis.__pwned = 1}`" }), /rules\[\d+\] H003-EVIL\.formula: .*`/],
    ["an arrow function as a condition", rule({ when: `(() => { ${EVIL} })()` }), /rules\[\d+\] H003-EVIL\.when: /],
    ["JavaScript in an explanation's placeholder", rule({ explain: { zh: "{process.exit(3)}", en: "x" } }), /rules\[\d+\] H003-EVIL\.explain\.zh: .*process\.exit/],
    ["a function as text where a table's number belongs", { id: "H003-EVIL", unit: "points", table: { inputs: ["不良贷款率"], rows: [{ when: ["= 0"], then: "function () { return 1 }" }] } }, /rules\[\d+\] H003-EVIL\.table\.rows\[0\]\.then: /],
    ["JavaScript as a table's condition", { id: "H003-EVIL", unit: "points", table: { inputs: ["不良贷款率"], rows: [{ when: ["process.exit(3)"], then: 1 }] } }, /rules\[\d+\] H003-EVIL\.table\.rows\[0\]\.when\[0\]: /],
    ["JavaScript as a trigger's condition", { id: "H003-EVIL", trigger: { if: "require('fs')", then: "demote" } }, /rules\[\d+\] H003-EVIL\.trigger\.if: /],
    ["an unknown construct holding code", { id: "H003-EVIL", javascript: EVIL }, /rules\[\d+\]: .*"javascript"/],
    ["an extra key holding code", rule({ onLoad: EVIL }), /rules\[\d+\]: .*"onLoad"/],
  ])("%s: refused with the rule's path", async (_name, evil, message) => {
    const doc = { ...h003(), rules: [...h003().rules, evil] };
    const r = resolveRulebook(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join("\n")).toMatch(message);
    const run = await viaCli(JSON.stringify(doc));
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n").filter(Boolean).every((l) => l.startsWith("rulebook: "))).toBe(true);
  });

  it("JavaScript in a function of the rulebook is refused where a rule calls it, with the rule's path", async () => {
    const doc = h003();
    doc.functions = { ...doc.functions, 恶意: { params: [], formula: 'require("child_process")' } };
    doc.rules = [...doc.rules, rule({ formula: "恶意()" })];
    const r = resolveRulebook(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join("\n")).toMatch(/rules\[\d+\] H003-EVIL\.formula: .*require/);
  });

  /** B002's client-size cut-off (kind clientCutoff) under another id, with its params changed. */
  const cutoff = (params: (p: Record<string, unknown>) => Record<string, unknown>) => {
    const r = b002().rules.find((x) => x.id === "B002-CLIENT-EXCLUSION")!;
    return { ...r, id: "B002-EVIL", params: params(r.params as Record<string, unknown>) };
  };
  it.each<[string, Record<string, unknown>, RegExp]>([
    ["an unknown kind", { id: "B002-EVIL", kind: "javascript", params: { code: EVIL } }, /unknown rule kind "javascript"/],
    ["a function as text where a field belongs", cutoff((p) => ({ ...p, size: { ...(p.size as object), field: `(() => { ${EVIL} })()` } })), /B002-EVIL\.params\.size/],
    ["a function as text where a number belongs", cutoff((p) => ({ ...p, cutoffs: { ...(p.cutoffs as object), senior: "function () { return 1 }" } })), /B002-EVIL\.params\.cutoffs/],
    ["an extra parameter", cutoff((p) => ({ ...p, onLoad: EVIL })), /B002-EVIL\.params\./],
  ])("format 1, %s: refused with the rule's path", async (_name, evil, message) => {
    const doc = { ...b002(), rules: [...b002().rules, evil] };
    const r = resolveRulebook(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join("\n")).toMatch(message);
    const run = await viaCli(JSON.stringify(doc));
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n").filter(Boolean).every((l) => l.startsWith("rulebook: "))).toBe(true);
  });

  it("text fields that hold code stay text: labels and notes are shown, never evaluated", () => {
    const doc = h003();
    doc.rules = doc.rules.map((r) => ({ ...r, note: { zh: "${globalThis.__pwned = 1}", en: "`${process.exit(3)}`" } }));
    (doc.name as Record<string, string>).en = "<script>globalThis.__pwned = 1</script>";
    const r = resolveRulebook(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = resolveSettings(r.value, {});
    const input = parseAppraisalInput(JSON.parse(INPUT));
    if (!s.ok || !input.ok) throw new Error("setup");
    expect(appraiseAll(r.value, s.value, input.value).output.results[0].score).toBeDefined();
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it("the engine and the command line hold no eval, Function constructor or vm: nothing could run text", () => {
    const files: string[] = [];
    const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : /\.tsx?$/.test(e.name) && files.push(path.join(d, e.name))));
    walk(path.resolve(__dirname, "../../src"));
    const offenders = files.filter((f) => /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]|from\s+["']node:vm["']|require\(\s*["']vm["']\s*\)|setTimeout\(\s*["'`]/.test(fs.readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("documents built to break the validator", () => {
  it("nesting 100 000 levels deep is refused with a message, not a stack overflow", async () => {
    const deep = `${"[".repeat(100000)}${"]".repeat(100000)}`;
    const doc = JSON.stringify(h003()).replace('"settings":{', `"settings":{"deep":{"rule":"H003-X","type":"list","zh":"x","en":"x","default":${deep}},`);
    const r = resolveRulebook(JSON.parse(doc));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/nested more than 64 levels/);
    const run = await viaCli(doc);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^rulebook: settings\.deep\.default(\.0)+: /m);
  });

  it("a number beyond a double (1e400) is refused by its path, without showing Infinity", async () => {
    const text = JSON.stringify(h003());
    const doc = text.replace(`"version":${JSON.stringify(h003().version)}`, '"version":1e400');
    expect(doc).not.toBe(text);
    const run = await viaCli(doc);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^rulebook: version: .*out of range/m);
    expect(run.stderr).not.toMatch(/Infinity/);
  });

  it.each<[string, () => Doc, Record<string, unknown>, RegExp]>([
    ["an unknown format", h003, { format: "khjl-rulebook/9" }, /format/],
    ["no rules", h003, { rules: [] }, /rules/],
    // Format 2 ids are free text (佣金-1, SEC.PAY.2) but never hold spaces, commas or semicolons.
    ["a rule id that is not an id", h003, { rules: [{ id: "../../etc/passwd; rm -rf /", formula: "1" }] }, /rules\[0\]\.id/],
    ["a rule id that is not an id (format 1)", b002, { rules: [{ id: "../../etc/passwd", kind: "bandScore" }] }, /rules\.0\.id/],
    ["a setting of an unknown type", h003, { settings: { x: { rule: "H003-X", type: "function", zh: "x", en: "x" } } }, /settings\.x\.type/],
    ["a rounding mode that does not exist", h003, { rounding: { money: { decimals: 2, mode: "bankers" }, points: { decimals: 2, mode: "halfUp" }, ratePercent: { decimals: 2, mode: "halfUp" } } }, /rounding\.money\.mode/],
    ["a thousand decimals", h003, { rounding: { money: { decimals: 1000, mode: "halfUp" }, points: { decimals: 2, mode: "halfUp" }, ratePercent: { decimals: 2, mode: "halfUp" } } }, /rounding\.money\.decimals/],
  ])("%s: refused, located", (_name, make, patch, where) => {
    const r = resolveRulebook({ ...make(), ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join("\n")).toMatch(where);
  });
});

describe("names of Object.prototype's members in settings and input", () => {
  it.each(["toString", "valueOf", "hasOwnProperty"])("format 1: a rule that reads a setting named %s is refused: no such setting is declared", async (key) => {
    const doc = b002();
    const target = doc.rules.find((r) => (r.params as { amounts?: { setting?: string } } | undefined)?.amounts?.setting !== undefined)!;
    doc.rules = doc.rules.map((r) => (r === target ? { ...r, settings: [key], params: { ...(r.params as object), amounts: { setting: key } } } : r));
    const run = await viaCli(JSON.stringify(doc));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${target.id as string}: setting ${key} is not declared`);
  });

  // A formula name is looked up as an own property of the rulebook's vocabulary: toString, valueOf, hasOwnProperty,
  // constructor and __proto__ never reach Object.prototype's members, so they are unknown names like any other.
  it.each(["toString", "valueOf", "hasOwnProperty", "constructor", "__proto__"])("format 2: a formula that reads a setting named %s is refused: no such setting is declared", async (key) => {
    const doc = h003();
    const i = doc.rules.findIndex((r) => r.id === "H003-SCORE-FEE-INCOME");
    doc.rules[i] = { ...doc.rules[i], formula: `IF(ISNA(${key}), 0, 10)`, explain: false };
    const run = await viaCli(JSON.stringify(doc));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`rules[${i}] H003-SCORE-FEE-INCOME.formula`);
    expect(run.stderr).toContain(`unknown name "${key}"`);
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])("setting %s is an unknown setting, in the input and with --set", async (key) => {
    const body = `{"period":"2026","settings":{${JSON.stringify(key)}:true},"managers":${JSON.stringify(JSON.parse(INPUT).managers)}}`;
    const a = await runCli(["evaluate", "--rulebook", "h003-city-bank", "--input", "in.json"], "", { "in.json": body });
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(`settings.${key}: unknown setting for rulebook h003-city-bank\n`);
    const b = await runCli(["evaluate", "--rulebook", "h003-city-bank", "--input", "in.json", "--set", `${key}=true`], "", { "in.json": INPUT });
    expect(b.code).toBe(2);
    expect(b.stderr).toBe(`settings.${key}: unknown setting for rulebook h003-city-bank\n`);
  });

  it.each([
    ["a manager", '{"period":"2026","managers":[{"__proto__":{"isAdmin":true},"id":"1","role":"cm","history":[]}]}', "managers[0].__proto__: unknown field"],
    ["a record", '{"period":"2026","managers":[{"id":"1","role":"cm","history":[{"period":"2026","__proto__":{"isAdmin":true}}]}]}', "managers[0].history[0].__proto__: unknown field"],
    ["a record", '{"period":"2026","managers":[{"id":"1","role":"cm","history":[{"period":"2026","constructor":"1"}]}]}', "managers[0].history[0].constructor: unknown field"],
    ["a client", '{"period":"2026","managers":[{"id":"1","role":"cm","history":[{"period":"2026","clients":[{"id":"C1","toString":"1"}]}]}]}', "managers[0].history[0].clients[0].toString: unknown field"],
  ])("a prototype key in %s is an unknown field", async (_where, body, line) => {
    const run = await runCli(["evaluate", "--rulebook", "h003-city-bank", "--input", "in.json"], "", { "in.json": body });
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(`${line} ${FIELDS_WHERE}`);
  });
});
