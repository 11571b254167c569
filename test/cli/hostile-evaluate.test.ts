/**
 * `appraise evaluate` under hostile input: 10 000+ JSON bodies (valid inputs of every built-in rulebook with values
 * replaced by what spreadsheets and people really send, plus broken JSON text) and malformed `--rulebook-file`
 * documents, run in-process. Every run must:
 * - end with exit code 0 (results) or 2 (invalid input: nothing on stdout), never an uncaught exception or code 1;
 * - never show NaN or Infinity (a quoted echo of the user's own text excepted);
 * - on rejection, name the place of every problem: a field path (`managers[0].history[2].avgDeposits`, `period`,
 *   `settings.key`, `rulebook`, `$`) or the file that could not be read;
 * - leave the input and rulebook files byte for byte as they were (checked on real files).
 */
import fc from "fast-check";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../src/cli/main";
import { presetDocument } from "../../src/engine/rulebooks";
import { caseArb, RULEBOOKS } from "../engine/properties/gen";
import { assertFinite, hostileJsonValue, scaled, spliceRaw, TIME_LIMIT } from "./hostile-values";
import { runCli, type CliRun } from "./run";

/** Where an evaluate problem may be: a JSON path of the input, a setting, the rulebook, or the file itself. */
const LOCATED = /^(\$|period|rulebook|settings(\.[^:\s]*)?|managers(\[\d+\](\.[^.:\s[\]]+|\[\d+\])*)?|in\.json|book\.json|stdin|[^\s:]+\.json)(?=: )/;

function checkRun(run: CliRun, what: string): void {
  if (run.code !== 0 && run.code !== 2) throw new Error(`${what}: exit ${run.code}\n${run.stderr.slice(0, 2000)}`);
  assertFinite(run.stdout, `${what} stdout`);
  assertFinite(run.stderr, `${what} stderr`);
  if (run.code === 2) {
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n").filter((l) => l !== "");
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) if (!LOCATED.test(l)) throw new Error(`${what}: a problem without a location: ${l}`);
  } else {
    expect(run.stderr).toBe("");
  }
}

// ---- bodies ----

type Node = unknown;

/** Every place in a JSON value (object member or list element), as a path of keys. */
function places(x: Node, at: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (Array.isArray(x)) x.forEach((v, i) => { out.push([...at, i]); places(v, [...at, i], out); });
  else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) { out.push([...at, k]); places(v, [...at, k], out); }
  return out;
}

/** Replaces the value at a path; a path an earlier edit cut off is left alone. */
function setAt(x: Node, p: Array<string | number>, value: unknown): void {
  let o = x as Record<string | number, unknown>;
  for (const k of p.slice(0, -1)) {
    const next = o[k];
    if (next === null || typeof next !== "object") return;
    o = next as Record<string | number, unknown>;
  }
  o[p[p.length - 1]] = value;
}

/** A valid input of a rulebook with 1–4 places replaced by hostile values, as JSON text. */
const mutatedBody = fc.constantFrom(...RULEBOOKS).chain((id) =>
  fc.record({
    id: fc.constant(id),
    base: caseArb(id, 2, 2),
    edits: fc.array(fc.tuple(fc.nat(), hostileJsonValue), { minLength: 1, maxLength: 4 }),
  }).map(({ id, base, edits }) => {
    const body: Record<string, unknown> = structuredClone({ period: base.period, settings: base.settings, managers: base.managers });
    const all = places(body);
    for (const [i, v] of edits) {
      const at = all[i % all.length];
      // Staff ids are printed as written (the table format shows them bare): an id typed as "NaN" is the user's own.
      if (at[at.length - 1] === "id" && typeof v === "string" && /NaN|Infinity/.test(v)) continue;
      setAt(body, at, structuredClone(v));
    }
    return { id, text: spliceRaw(JSON.stringify(body)) };
  }),
);

/** Text that is not the JSON it claims to be. */
const brokenText = fc.oneof(
  fc.constantFrom(
    "", " ", "\uFEFF", "null", "[]", "{}", "0", "\"text\"", "{\"period\":", "{\"period\":\"2026\",\"managers\":[{]}", "{'period':'2026'}",
    "{\"period\":\"2026\",\"managers\":[]}garbage", "{\"period\":NaN}", "{\"period\":Infinity,\"managers\":[]}",
    "{\"period\":\"2026\",\"managers\":[{\"id\":\"1\",\"role\":\"cm\",\"history\":[{\"period\":\"2026\",\"avgDeposits\":1e400}]}]}",
    "{\"period\":\"2026\",\"managers\":[{\"id\":10200300000000016,\"role\":\"cm\",\"history\":[]}]}",
    "{\"__proto__\":{\"polluted\":1},\"period\":\"2026\",\"managers\":[]}",
    "{\"period\":\"2026\",\"managers\":[{\"id\":\"1\",\"role\":\"cm\",\"history\":[],\"constructor\":{\"prototype\":{\"x\":1}}}]}",
    `${"[".repeat(20000)}${"]".repeat(20000)}`,
    `{"period":"2026","managers":${"[".repeat(5000)}${"]".repeat(5000)}}`,
  ),
  fc.string({ maxLength: 40 }),
  mutatedBody.chain(({ text }) => fc.nat({ max: Math.max(0, text.length - 1) }).map((n) => text.slice(0, n))),
).map((text) => ({ id: "h003-city-bank", text }));

const formatArb = fc.constantFrom<string[]>([], [], [], ["--format", "table"]);

describe("appraise evaluate: hostile JSON bodies", () => {
  it(`${scaled(10000)} bodies: exit 0 or 2, no NaN/Infinity, every problem located`, async () => {
    const codes = { 0: 0, 2: 0 } as Record<number, number>;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: mutatedBody, weight: 9 }, { arbitrary: brokenText, weight: 1 }), formatArb, async ({ id, text }, format) => {
        const run = await runCli(["evaluate", "--rulebook", id, "--input", "in.json", ...format], "", { "in.json": text });
        checkRun(run, `${id} ${text.slice(0, 300)}`);
        codes[run.code] = (codes[run.code] ?? 0) + 1;
      }),
      { numRuns: scaled(10000) },
    );
    // Both outcomes must occur, or the generator is not hostile enough (or not valid enough).
    expect(codes[0]).toBeGreaterThan(0);
    expect(codes[2]).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, TIME_LIMIT);
});

// ---- settings ----

/** Every setting of every rulebook, set to hostile text on the command line or a hostile value in the input. */
const hostileSetting = fc.constantFrom(...RULEBOOKS).chain((id) => {
  const keys = Object.keys((presetDocument(id) as { settings: Record<string, unknown> }).settings);
  return fc.record({
    id: fc.constant(id),
    base: caseArb(id, 1, 3),
    key: fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 9 }, { arbitrary: fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "", "x.y"), weight: 1 }),
    value: fc.oneof(hostileJsonValue, fc.constantFrom(1e15, -1e15, 2 ** 31, -(2 ** 31), 99999999, -1, 0, "9999-12-31", "0000-01-01", "2026-02-30", "1e400%", "-5%", "100000000亿")),
    viaSet: fc.boolean(),
  });
});

describe("appraise evaluate: hostile settings", () => {
  it(`${scaled(1000)} settings (--set and JSON "settings"): exit 0 or 2, located, no NaN/Infinity`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileSetting, async ({ id, base, key, value, viaSet }) => {
        const body: Record<string, unknown> = { period: base.period, managers: base.managers };
        const text = typeof value === "string" ? value : JSON.stringify(value);
        let argv = ["evaluate", "--rulebook", id, "--input", "in.json"];
        if (viaSet) argv = [...argv, "--set", `${key}=${text.startsWith("@@RAW:") ? text.slice(6, -2) : text}`];
        else body.settings = JSON.parse(spliceRaw(JSON.stringify({ [key]: value })));
        const run = await runCli(argv, "", { "in.json": spliceRaw(JSON.stringify(body)) });
        // "--set =x" (an empty key) is a usage error: exit 1 with the usage text, nothing else.
        if (viaSet && key === "") {
          expect(run.code).toBe(1);
          expect(run.stdout).toBe("");
          return;
        }
        checkRun(run, `${id} ${key}=${text}`);
      }),
      { numRuns: scaled(1000) },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, TIME_LIMIT);
});

// ---- rulebook files ----

const h003Doc = () => presetDocument("h003-city-bank") as Record<string, unknown>;

/** A built-in rulebook document with hostile edits: wrong types, unknown kinds, code as text, deep nesting, prototype keys. */
const hostileRulebook = fc.oneof(
  fc.constantFrom(...RULEBOOKS).chain((id) =>
    fc.array(fc.tuple(fc.nat(), hostileJsonValue), { minLength: 1, maxLength: 3 }).map((edits) => {
      const doc = presetDocument(id) as Record<string, unknown>;
      const all = places(doc);
      for (const [i, v] of edits) setAt(doc, all[i % all.length], structuredClone(v));
      return spliceRaw(JSON.stringify(doc));
    }),
  ),
  fc.constantFrom(
    "", "{", "[]", "null", "\"h003-city-bank\"", "{\"format\":\"khjl-rulebook/1\"}",
    JSON.stringify({ ...h003Doc(), rules: [{ id: "H003-EVIL", kind: "javascript", params: { code: "process.exit(3)" } }] }),
    JSON.stringify({ ...h003Doc(), rules: [{ id: "H003-EVIL", kind: "steppedScore", params: { indicator: "(() => process.exit(3))()" } }] }),
    JSON.stringify({ ...h003Doc(), format: "khjl-rulebook/2" }),
    JSON.stringify({ ...h003Doc(), version: "1.0.0; rm -rf /" }),
    JSON.stringify({ ...h003Doc(), settings: { x: { rule: "H003-X", type: "function", zh: "x", en: "x" } } }),
    `{"__proto__":{"polluted":true},${JSON.stringify(h003Doc()).slice(1)}`,
    `{"constructor":{"prototype":{"polluted":true}},${JSON.stringify(h003Doc()).slice(1)}`,
    `{"format":"khjl-rulebook/1","id":"x","version":"1.0.0","name":${"{\"zh\":".repeat(3000)}"a"${"}".repeat(3000)}}`,
    `{${JSON.stringify(h003Doc()).slice(1, -1)},"settings":{"x":{"rule":"H003-X","type":"list","zh":"x","en":"x","default":${"[".repeat(20000)}${"]".repeat(20000)}}}}`,
    `{${JSON.stringify(h003Doc()).slice(1, -1).replace('"params":{', `"params":{"deep":${"{\"a\":".repeat(5000)}1${"}".repeat(5000)},`)}}`,
  ),
);

describe("appraise evaluate --rulebook-file: malformed rulebooks", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hostile-rulebook-"));
  const input = path.join(dir, "in.json");
  fs.writeFileSync(input, JSON.stringify({ period: "2026", managers: [{ id: "0102003", role: "cm", grade: "junior", history: [{ period: "2026", newAvgDeposits: "1000000" }] }] }));
  const io = (out: { stdout: string; stderr: string }) => ({
    readStdin: async () => "",
    readFile: (p: string) => fs.readFileSync(p, "utf8"),
    stdout: (t: string) => (out.stdout += t),
    stderr: (t: string) => (out.stderr += t),
  });
  const sha = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`${scaled(400)} rulebook files: rejected with located problems (or accepted when still valid), files unchanged`, async () => {
    let rejected = 0;
    const inputHash = sha(input);
    await fc.assert(
      fc.asyncProperty(hostileRulebook, async (text) => {
        const file = path.join(dir, "book.json");
        fs.writeFileSync(file, text);
        const before = sha(file);
        const out = { stdout: "", stderr: "" };
        const code = await main(["evaluate", "--rulebook-file", file, "--input", input], io(out));
        const run = { code, ...out };
        // The file's own name is the location when it cannot be read as JSON.
        const located = { ...run, stderr: run.stderr.split(file).join("book.json") };
        checkRun(located, text.slice(0, 200));
        if (code === 2) rejected++;
        expect(sha(file)).toBe(before);
      }),
      { numRuns: scaled(400) },
    );
    expect(sha(input)).toBe(inputHash);
    expect(rejected).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, TIME_LIMIT);
});

