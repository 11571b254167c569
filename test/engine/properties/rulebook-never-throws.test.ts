/**
 * A rulebook that loads never throws while evaluating (issue 14, item 9). The format-2 rulebooks (built-in, the
 * examples of other institutions and the manual's) are mutated the ways a finance user's edit goes wrong — a number
 * changed, a comparison turned round, a hit policy or missing policy switched, a table row or a rule dropped, a cell
 * rewritten, a name misspelt — and each mutant either is refused with located problems or, when it loads, computes
 * on generated managers (any mix of values, blanks, signs, flags, clients and periods) without throwing: every
 * output is a value or a reported reason, the explanation is words, tools and checks answer too.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { appraiseAll, checkManager, fieldVocabulary, resolveSettings } from "../../../src/engine/api";
import { parseAppraisalInput } from "../../../src/engine/input";
import { compileRulebook, type CompiledRulebook } from "../../../src/engine/rulebook/compile";
import { presetDocument } from "../../../src/engine/rulebooks";
import { runTool } from "../../../src/engine/tools";
import { runs } from "./gen";

type Json = Record<string, unknown>;

const ROOT = path.resolve(__dirname, "../../..");
const manualExamples = [...readFileSync(path.join(ROOT, "docs/rulebook-language.md"), "utf8").matchAll(/<!-- example: [\w-]+ -->\s*```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]) as Json);
const SOURCES: Array<{ name: string; doc: Json }> = [
  ...["h003-city-bank", "c000-snip-brokerage", "c000-snip-venue"].map((id) => ({ name: id, doc: presetDocument(id) as Json })),
  ...["examples/securities-broker-commission.json", "examples/county-credit-coop-stars.json"].map((f) => ({ name: f, doc: JSON.parse(readFileSync(path.join(ROOT, f), "utf8")) as Json })),
  ...manualExamples.map((doc) => ({ name: `manual:${String(doc.id)}`, doc })),
];

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

// ---------------------------------------------------------------------------------------------------------------
// Mutations: each takes the document and a random source, and edits one thing in place.

/** Every string in the document that holds a formula (or a table cell), with a setter. */
function formulaSlots(doc: Json): Array<{ get: () => string; set: (s: string) => void }> {
  const out: Array<{ get: () => string; set: (s: string) => void }> = [];
  const walk = (x: unknown, key: string) => {
    if (Array.isArray(x)) {
      x.forEach((v, i) => {
        if (typeof v === "string" && (key === "when" || key === "inputs")) out.push({ get: () => x[i] as string, set: (s) => (x[i] = s) });
        else walk(v, key);
      });
      return;
    }
    if (!x || typeof x !== "object") return;
    for (const [k, v] of Object.entries(x as Json)) {
      if (typeof v === "string" && ["formula", "if", "when", "carriedIn", "opening", "cap", "floor", "where", "judgedAt", "missing", "meet"].includes(k)) {
        const o = x as Json;
        out.push({ get: () => o[k] as string, set: (s) => (o[k] = s) });
      } else walk(v, k);
    }
  };
  walk(doc.rules, "rules");
  walk(doc.functions, "functions");
  return out;
}

const EDITS: Array<(f: string, r: number) => string> = [
  (f, r) => f.replace(/\d+(\.\d+)?/, String((r % 997) / 10)), // a number changed
  (f) => f.replace(/>=/, "<").replace(/<=/, ">"), // a comparison turned round
  (f) => f.replace(/\+/, "-"),
  (f) => f.replace(/\*/, "/"), // a division, perhaps by zero
  (f) => f.replace(/万/, "").replace(/%/, ""), // a unit dropped
  (f) => f.replace(/\)$/, ""), // a bracket lost
  (f, r) => (f.length > 2 ? f.slice(0, r % f.length) + f.slice((r % f.length) + 1) : f), // a character lost
  (f, r) => f.replace(/[\p{Script=Han}A-Za-z]{2,}/u, (w) => w.slice(0, -1) + String.fromCharCode(0x4e00 + (r % 500))), // a name misspelt
  () => "1 / 0",
  () => "NA()",
  () => "\"-\"",
];

const TABLE_EDITS: Array<(t: Json, r: number) => void> = [
  (t, r) => (t.hit = ["first", "unique", "sum", "highest"][r % 4]),
  (t, r) => (t.meet = 1 + (r % 3)),
  (t) => delete t.otherwise,
  (t, r) => {
    const rows = t.rows as unknown[];
    if (rows.length > 1) rows.splice(r % rows.length, 1);
  },
  (t, r) => {
    const rows = t.rows as Json[];
    const row = rows[r % rows.length];
    if (Array.isArray(row.when) && row.when.length > 0) (row.when as unknown[])[r % row.when.length] = ["-", ">= 0", "(0, 1%]", "senior", "? > 5"][r % 5];
  },
];

function mutate(doc: Json, picks: number[]): void {
  const rules = doc.rules as Json[];
  for (const r of picks) {
    switch (r % 6) {
      case 0:
      case 1: {
        const slots = formulaSlots(doc);
        if (slots.length === 0) break;
        const slot = slots[(r >> 3) % slots.length];
        slot.set(EDITS[(r >> 7) % EDITS.length](slot.get(), r >> 11));
        break;
      }
      case 2: {
        const tables = rules.map((x) => x.table as Json | undefined).filter((t): t is Json => t !== undefined);
        if (tables.length > 0) TABLE_EDITS[(r >> 3) % TABLE_EDITS.length](tables[(r >> 6) % tables.length], r >> 9);
        break;
      }
      case 3: {
        const rule = rules[(r >> 3) % rules.length];
        rule.missing = ["undetermined", "notMet", "error"][(r >> 9) % 3];
        break;
      }
      case 4: {
        // A rule dropped: everything naming it must be refused, never a crash later.
        if (rules.length > 1) rules.splice((r >> 3) % rules.length, 1);
        break;
      }
      case 5: {
        const settings = doc.settings as Record<string, Json> | undefined;
        const keys = Object.keys(settings ?? {});
        if (keys.length > 0) {
          const s = settings![keys[(r >> 3) % keys.length]];
          if (Array.isArray(s.values) && s.values.length > 0) s.default = s.values[(r >> 8) % s.values.length];
          else delete s.default; // now required: results needing it are unavailable
        }
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Managers for a rulebook: any value of each declared field's unit, or a blank.

const money = fc.oneof(fc.constantFrom("0", "0.01", "100", "3000", "50000", "8000000", "123456789.99"), fc.integer({ min: 0, max: 100_000_000 }).map(String));
const signedMoney = fc.oneof(money, fc.constantFrom("-0.01", "-3000"), fc.integer({ min: -1_000_000, max: 0 }).map(String));
const rate = fc.constantFrom("0", "0.5", "0.995", "1", "0.001", "1.2", "0.3");
const count = fc.integer({ min: 0, max: 40 }).map(String);

function valueOf(unit: string, signed = false): fc.Arbitrary<unknown> {
  switch (unit) {
    case "rate":
      return rate;
    case "count":
    case "days":
    case "points":
      return count;
    case "date":
      return fc.constantFrom("2024-02-29", "2025-07-01", "2026-01-31", "2026-12-31");
    case "text":
      return fc.constantFrom("A", "senior", "晚到", "");
    case "flag":
      return fc.boolean();
    default:
      return signed ? signedMoney : money;
  }
}

/** How many generated inputs were read and computed (a property whose inputs are all refused proves nothing). */
const computed = { runs: 0, read: 0 };

function managers(book: CompiledRulebook): fc.Arbitrary<Json[]> {
  const v2 = book.v2!;
  const perPeriod = v2.fields.filter((f) => f.per === "period" && ["money", "usd", "rate", "count", "days", "points", "number"].includes(f.unit));
  const perManager = v2.fields.filter((f) => f.per === "manager");
  const record = fc.record(Object.fromEntries(perPeriod.map((f) => [f.id, fc.option(valueOf(f.unit, f.signed), { nil: undefined })])) as Record<string, fc.Arbitrary<unknown>>);
  const flags = fc.subarray(v2.flags);
  const client = fc.record({ id: fc.constantFrom("K1", "K2", "K3"), ...(Object.fromEntries(perPeriod.slice(0, 4).map((f) => [f.id, fc.option(valueOf(f.unit), { nil: undefined })])) as Record<string, fc.Arbitrary<unknown>>) });
  const month = fc.record({ m: fc.integer({ min: 0, max: 17 }), values: record, flags, clients: fc.array(client, { maxLength: 2 }) });
  const manager = fc.record({
    role: fc.constantFrom(...v2.roles),
    grade: fc.option(fc.constantFrom(...(v2.grades.length > 0 ? v2.grades : ["none"])), { nil: undefined }),
    months: fc.uniqueArray(month, { selector: (x) => x.m, maxLength: 8 }),
    fields: fc.record(Object.fromEntries(perManager.map((f) => [f.id, fc.option(valueOf(f.unit), { nil: undefined })])) as Record<string, fc.Arbitrary<unknown>>),
  });
  return fc.array(manager, { minLength: 1, maxLength: 3 }).map((ms) =>
    ms.map((m, i) => {
      const clean = (o: Json) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
      const history = [...m.months]
        .sort((a, b) => a.m - b.m)
        .map((x) => {
          const y = 2025 + Math.floor(x.m / 12);
          const clients = x.clients.map(clean).filter((c, j, all) => all.findIndex((d) => d.id === c.id) === j);
          return { period: `${y}-${String((x.m % 12) + 1).padStart(2, "0")}`, ...clean(x.values), flags: x.flags, clients };
        });
      const out: Json = { id: `M${i}`, role: m.role, history };
      if (m.grade !== undefined && v2.grades.includes(m.grade)) out.grade = m.grade;
      const fields = clean(m.fields);
      if (Object.keys(fields).length > 0) out.fields = fields;
      return out;
    }),
  );
}

const PERIODS = ["2026-06", "2026-Q2", "2026-H1", "2026", "2025-12"];

/** Every figure, explanation line and reason of a run, touched (explanations are worded lazily). */
function touchAll(book: CompiledRulebook, raw: Json[], period: string): void {
  const parsed = parseAppraisalInput({ period, managers: raw }, fieldVocabulary(book));
  computed.runs++;
  if (!parsed.ok) return; // a generated value the input refuses (with its path) is not this property's concern
  computed.read++;
  const settings = resolveSettings(book, {});
  if (!settings.ok) return;
  const { output } = appraiseAll(book, settings.value, parsed.value);
  const text = JSON.stringify(output);
  expect(text).not.toMatch(/NaN|Infinity|undefined/);
  for (const r of output.results) {
    for (const l of r.explanation) expect(typeof l.zh === "string" && typeof l.en === "string" && l.rule.length > 0).toBe(true);
    for (const u of r.unavailable ?? []) expect(u.zh.length > 0 && u.en.length > 0).toBe(true);
  }
  for (const m of parsed.value.managers) for (const f of checkManager(book, settings.value, m, period)) expect(f.zh.length).toBeGreaterThan(0);
  for (const rule of book.v2!.rules.filter((r) => r.construct === "tool")) {
    const out = runTool(book, settings.value, rule.id, { amount: "100", grade: book.v2!.grades[0], date: "2026-01-31", list: [], rows: [{}] });
    expect(out).toBeDefined();
  }
}

describe("a rulebook that loads never throws while evaluating", () => {
  afterAll(() => {
    // Most generated inputs must be read and computed, or the property would hold vacuously.
    expect(computed.read).toBeGreaterThan(computed.runs * 0.8);
  });

  it.each(SOURCES.map((s) => [s.name, s] as const))("%s as written, on generated managers and periods", (_name, s) => {
    const c = compileRulebook(s.doc);
    if (!c.ok) throw new Error(c.problems.join("\n"));
    fc.assert(
      fc.property(managers(c.book), fc.constantFrom(...PERIODS), (raw, period) => {
        touchAll(c.book, raw, period);
      }),
      runs(15),
    );
  });

  it.each(SOURCES.map((s) => [s.name, s] as const))("%s mutated: refused with located problems, or computed without throwing", (_name, s) => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.nat(), (picks, seed) => {
        const doc = clone(s.doc);
        mutate(doc, picks);
        const c = compileRulebook(doc);
        if (!c.ok) {
          expect(c.problems.length).toBeGreaterThan(0);
          for (const p of c.problems) expect(p).toMatch(/\S/);
          return;
        }
        const raw = fc.sample(managers(c.book), { numRuns: 1, seed })[0];
        for (const period of PERIODS) touchAll(c.book, raw, period);
      }),
      runs(25),
    );
  });
});
