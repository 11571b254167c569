/**
 * A rulebook imported by a user (`--rulebook-file`, the taskpane later) is data read by fixed interpreters: it is
 * validated in full and can never run code or change the program. Hostile documents — prototype keys, code written
 * as text, nesting deep enough to exhaust a recursive validator, numbers beyond a double, unknown kinds — are refused
 * with located messages, and Object.prototype is left as it was. Settings and input keys named like Object.prototype's
 * members are unknown names, not a way around the checks.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { appraiseAll, resolveRulebook, resolveSettings } from "../../src/engine/api";
import { parseAppraisalInput } from "../../src/engine/input";
import { presetDocument } from "../../src/engine/rulebooks";
import { runCli } from "../cli/run";

const h003 = () => presetDocument("h003-city-bank") as Record<string, unknown> & { rules: Array<Record<string, unknown>>; settings: Record<string, unknown> };
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

/** Splices a raw JSON member into the h003 document text at the given place (JSON.stringify cannot write "__proto__" keys). */
function withRaw(member: string, where: "top" | "settings" | "params"): string {
  const text = JSON.stringify(h003());
  if (where === "top") return `{${member},${text.slice(1)}`;
  if (where === "settings") return text.replace('"settings":{', `"settings":{${member},`);
  return text.replace('"params":{', `"params":{${member},`);
}

async function viaCli(doc: string) {
  return runCli(["evaluate", "--rulebook-file", "book.json", "--input", "in.json"], "", { "book.json": doc, "in.json": INPUT });
}

afterEach(expectPrototypesUntouched);

describe("prototype keys in an imported rulebook", () => {
  it.each([
    ["top", '"__proto__":{"polluted":true}'],
    ["top", '"constructor":{"prototype":{"polluted":true}}'],
    ["settings", '"__proto__":{"rule":"H003-X","type":"boolean","default":true,"zh":"x","en":"x"}'],
    ["settings", '"constructor":{"rule":"H003-X","type":"boolean","default":true,"zh":"x","en":"x"}'],
    ["params", '"__proto__":{"isAdmin":true}'],
    ["params", '"prototype":{"isAdmin":true}'],
  ] as const)("%s %s: refused, the key named in the message", async (where, member) => {
    const doc = withRaw(member, where);
    const r = resolveRulebook(JSON.parse(doc));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const key = /"(__proto__|constructor|prototype)"/.exec(member)![1];
    expect(r.problems.some((p) => p.path === "rulebook" && p.message.includes(key) && /reserved name/.test(p.message))).toBe(true);
    const run = await viaCli(doc);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(new RegExp(`^rulebook: (rules\\.\\d+\\.params\\.|settings\\.)?${key}: `, "m"));
  });
});

describe("code written into a rulebook is never run", () => {
  const EVIL = "globalThis.__pwned = 1; process.exit(3)";
  it.each([
    ["an unknown kind", { id: "H003-EVIL", kind: "javascript", params: { code: EVIL } }, /unknown rule kind "javascript"/],
    ["a function as text where an indicator belongs", { id: "H003-EVIL", kind: "steppedScore", params: { indicator: `(() => { ${EVIL} })()` } }, /H003-EVIL\.params\.indicator/],
    ["a function as text where a number belongs", { id: "H003-EVIL", kind: "bandScore", params: { indicator: { field: "nplRatio" }, base: "function () { return 1 }", bands: [{ when: [{ op: "eq", value: "0" }], points: "30" }] } }, /H003-EVIL\.params\.base/],
    ["an extra parameter", { id: "H003-EVIL", kind: "bandScore", params: { indicator: { field: "nplRatio" }, base: "30", bands: [{ when: [{ op: "eq", value: "0" }], points: "30" }], onLoad: EVIL } }, /H003-EVIL\.params\./],
  ])("%s: refused with the rule's path", async (_name, rule, message) => {
    const doc = { ...h003(), rules: [...h003().rules, rule] };
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
    const doc = JSON.stringify(h003()).replace('"version":"1.0.0"', '"version":1e400'.replace("1e400", "@@")).replace("@@", "1e400");
    const run = await viaCli(doc);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^rulebook: version: .*out of range/m);
    expect(run.stderr).not.toMatch(/Infinity/);
  });

  it.each([
    ["an unknown format", { format: "khjl-rulebook/9" }, /format/],
    ["no rules", { rules: [] }, /rules/],
    ["a rule id that is not an id", { rules: [{ id: "../../etc/passwd", kind: "bandScore" }] }, /rules\.0\.id/],
    ["a setting of an unknown type", { settings: { x: { rule: "H003-X", type: "function", zh: "x", en: "x" } } }, /settings\.x\.type/],
    ["a rounding mode that does not exist", { rounding: { money: { decimals: 2, mode: "bankers" }, points: { decimals: 2, mode: "halfUp" }, ratePercent: { decimals: 2, mode: "halfUp" } } }, /rounding\.money\.mode/],
    ["a thousand decimals", { rounding: { money: { decimals: 1000, mode: "halfUp" }, points: { decimals: 2, mode: "halfUp" }, ratePercent: { decimals: 2, mode: "halfUp" } } }, /rounding\.money\.decimals/],
  ])("%s: refused, located", (_name, patch, where) => {
    const r = resolveRulebook({ ...h003(), ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join("\n")).toMatch(where);
  });
});

describe("names of Object.prototype's members in settings and input", () => {
  it.each(["toString", "valueOf", "hasOwnProperty"])("a rule that reads a setting named %s is refused: no such setting is declared", async (key) => {
    const doc = h003();
    doc.rules = doc.rules.map((r) => (r.id === "H003-SCORE-FEE-INCOME" ? { ...r, settings: [key], params: { ...(r.params as object), steps: { setting: key } } } : r));
    const run = await viaCli(JSON.stringify(doc));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`H003-SCORE-FEE-INCOME: setting ${key} is not declared`);
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
    expect(run.stderr.split("\n")[0]).toBe(`${line} (see docs/data-model.md)`);
  });
});
