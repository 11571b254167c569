/**
 * Test helper (not a test): fast-check generators for appraisal inputs in the command line's JSON shape, built from
 * what each built-in rulebook reads (its fields, flags, task items, roles, grades and enum settings), and the run
 * counts of the property suites. KHJL_LONG=1 (`npm run test:long`) multiplies every run count by 20.
 */
import fc from "fast-check";
import { appraiseAll, fieldVocabulary, resolveSettings } from "../../../src/engine/api";
import { Dec } from "../../../src/engine/decimal";
import { FIELDS, FLAGS, isFieldName, type FieldName } from "../../../src/engine/fields";
import { parseAppraisalInput } from "../../../src/engine/input";
import type { ManagerResultJson } from "../../../src/engine/results";
import { loadPreset, presetIds } from "../../../src/engine/rulebooks";
import type { CompiledRulebook } from "../../../src/engine/rulebook/compile";

export const LONG = process.env.KHJL_LONG === "1";

/** Runs of a property: moderate by default, ×20 under KHJL_LONG=1. */
export function runs(n: number): { numRuns: number } {
  return { numRuns: LONG ? n * 20 : n };
}

export const RULEBOOKS = presetIds();

export type Json = Record<string, unknown>;

/** Every string anywhere in a JSON document (format-1 rulebook params name the fields and flags they read). */
function strings(x: unknown, out = new Set<string>()): Set<string> {
  if (typeof x === "string") out.add(x);
  else if (Array.isArray(x)) x.forEach((v) => strings(v, out));
  else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) { out.add(k); strings(v, out); }
  return out;
}

export interface BookShape {
  id: string;
  book: CompiledRulebook;
  fields: FieldName[];
  flags: string[];
  tasks: string[];
  /** Enum and boolean settings with their allowed values (quantities and lists keep their defaults). */
  choices: Array<{ key: string; values: unknown[] }>;
}

/** Fields some format-1 kinds read by name in code rather than in their rulebook's params (B002 admonitions). */
const CODE_FIELDS: Record<string, FieldName[]> = {
  "b002-bank-grades": ["admonitionStartDay", "admonitionEndDay", "commFeeClaimed", "intlSettlementCny"],
};

/** Units of the figures a record carries (dates, text and flags are not generated here). */
const FIGURE_UNITS = new Set(["money", "usd", "rate", "count", "days", "points", "number"]);

/**
 * The standard fields a rulebook reads: a format-2 rulebook declares them (its period figures; fields of its own
 * are left out, as the value generator knows the standard ones); a format-1 rulebook names them in its params.
 */
function fieldsRead(id: string, book: CompiledRulebook, words: Set<string>): FieldName[] {
  if (book.v2) return book.v2.fields.filter((f) => f.per === "period" && FIGURE_UNITS.has(f.unit) && isFieldName(f.id)).map((f) => f.id as FieldName);
  return (Object.keys(FIELDS) as FieldName[]).filter((f) => words.has(f) || (CODE_FIELDS[id] ?? []).includes(f));
}

/** The event flags a rulebook reads: declared by a format-2 rulebook, named in a format-1 rulebook's params. */
function flagsRead(book: CompiledRulebook, words: Set<string>): string[] {
  return book.v2 ? [...book.v2.flags] : Object.keys(FLAGS).filter((f) => words.has(f));
}

const TASK_ITEMS: Record<string, string[]> = {
  "c000-credit-coop": ["deposits", "loanRecovery", "interestRecovery", "shareCapital"],
  "h003-city-bank": ["deposits"],
};

/** Required settings the seed leaves unset, given values so the stages that need them run too. */
export const FILLED_SETTINGS: Record<string, Json> = {
  "h003-city-bank": { "h003.pay.stockRate": "0.1%", "h003.pay.incrementRate": "0.3%" },
  "c000-credit-coop": { "c000.riskDeposit.counterYuan": "8000" },
};

const shapes = new Map<string, BookShape>();

export function shapeOf(id: string): BookShape {
  const hit = shapes.get(id);
  if (hit) return hit;
  const book = loadPreset(id);
  const words = strings(book.doc.rules);
  const choices = Object.entries(book.doc.settings)
    .filter(([, d]) => d.type === "enum" || d.type === "boolean")
    .map(([key, d]) => ({ key, values: d.type === "boolean" ? [true, false] : (d.values ?? []) }));
  const shape: BookShape = {
    id,
    book,
    fields: fieldsRead(id, book, words),
    flags: flagsRead(book, words),
    tasks: TASK_ITEMS[id] ?? [],
    choices,
  };
  shapes.set(id, shape);
  return shape;
}

// ---- numbers ----

/** A decimal in text with up to `dp` decimals, between lo and hi (integers, in units of 10^-dp). */
export function decText(lo: number, hi: number, dp = 2): fc.Arbitrary<string> {
  const scale = 10 ** dp;
  return fc.integer({ min: Math.round(lo * scale), max: Math.round(hi * scale) }).map((n) => new Dec(n).div(scale).toFixed(dp));
}

/** The same value as JSON text or as a JSON number, as users send both. */
function either(a: fc.Arbitrary<string>): fc.Arbitrary<string | number> {
  return fc.tuple(a, fc.boolean()).map(([s, asNumber]) => (asNumber && Math.abs(Number(s)) < 1e12 ? Number(s) : s));
}

const YES_NO = new Set(["educationOk", "simExamPassed", "thematicReport"]);
const DAY_OF_MONTH = new Set(["admonitionStartDay", "admonitionEndDay", "yellowCardDay"]);

/** A plausible valid value of a field, by its unit: money up to ten hundred-million 元, rates as fractions. */
export function fieldValue(f: FieldName): fc.Arbitrary<string | number> {
  const def = FIELDS[f] as { unit: string; signed?: boolean; integer?: boolean; share?: boolean };
  if (YES_NO.has(f)) return fc.constantFrom(0, 1, "0", "1");
  if (DAY_OF_MONTH.has(f)) return fc.integer({ min: 1, max: 28 });
  if (f === "rankInUnit" || f === "unitSize") return fc.integer({ min: 1, max: 30 });
  if (f === "usdCnyRate") return either(decText(6, 8, 4));
  // Brokerage lots: mostly under the 20 standard lots that the seed's surviving rate covers.
  if (f === "lots15t" || f === "lots50t" || f === "lots150t") return fc.integer({ min: 0, max: 6 });
  switch (def.unit) {
    case "money":
    case "usd":
      return either(fc.oneof(decText(def.signed ? -5e6 : 0, 2e7, 2), decText(0, 1e9, 0), decText(0, 100, 3)));
    case "rate":
      if (def.share) return either(fc.oneof(decText(0, 1, 4), fc.constantFrom("0", "1", "0.995", "0.99", "0.3")));
      return either(decText(def.signed ? -0.6 : 0, 2, 4));
    case "count":
      return def.integer ? fc.integer({ min: 0, max: 40 }) : either(decText(0, 40, 1));
    case "days":
      return def.integer ? fc.integer({ min: 0, max: 31 }) : either(decText(0, 31, 1));
    default:
      // Conduct points: a few per record, so the yearly sum crosses the dismissal line only sometimes.
      return either(decText(0, 4, 1));
  }
}

// ---- records and managers ----

const pad = (m: number) => String(m).padStart(2, "0");

/** Dated events and losses happen in a few months only; in every record they would hide each other. */
const EVENT_FIELDS = new Set<FieldName>(["admonitionStartDay", "admonitionEndDay", "yellowCardDay", "lossYuan", "fineYuan", "compensationYuan", "improperGiftYuan", "poachedTableRevenue"]);

function valuesArb(fields: FieldName[], presence = 0.85): fc.Arbitrary<Json> {
  if (fields.length === 0) return fc.constant({});
  // Each field the rulebook reads is present with the given odds, so most stages have what they need.
  const odds = Math.max(1, Math.round(presence * 20));
  return fc
    .tuple(...fields.map((f) => fc.tuple(fc.integer({ min: 1, max: 20 }), fieldValue(f))))
    .map((vs) => Object.fromEntries(fields.flatMap((f, i) => (vs[i][0] <= (EVENT_FIELDS.has(f) ? 2 : odds) ? [[f, vs[i][1]]] : []))));
}

/** Event flags are rare in real data (and most of them end a career), so mostly none. */
function flagsArb(flags: string[]): fc.Arbitrary<string[]> {
  if (flags.length === 0) return fc.constant([]);
  return fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 6 }, { arbitrary: fc.subarray(flags, { maxLength: Math.min(2, flags.length) }), weight: 1 });
}

function tasksArb(items: string[]): fc.Arbitrary<Json[] | undefined> {
  if (items.length === 0) return fc.constant(undefined);
  return fc.option(
    fc.uniqueArray(fc.constantFrom(...items), { minLength: 1, maxLength: items.length }).chain((picked) =>
      fc.tuple(...picked.map(() => fc.tuple(decText(0, 5000, 2), decText(0, 6000, 2)))).map((pa) =>
        picked.map((item, i) => ({ item, plan: pa[i][0], actual: pa[i][1] })),
      ),
    ),
    { nil: undefined, freq: 3 },
  );
}

const CLIENT_FIELDS: FieldName[] = ["avgDeposits", "avgLoans", "agreementAvgDeposits", "prevAvgDeposits", "intlSettlementUsd", "normalLoans", "totalLoans", "balanceLoans", "bankShare", "overdueDays", "arrearsDays"];

function clientsArb(shape: BookShape): fc.Arbitrary<Json[] | undefined> {
  const fields = CLIENT_FIELDS.filter((f) => shape.fields.includes(f));
  if (fields.length === 0) return fc.constant(undefined);
  const flags = shape.flags.filter((f) => ["npl", "interestArrears", "advance", "overdue", "mainClient", "mainClientDecline"].includes(f));
  const one = fc.record({ values: valuesArb(fields, 0.9), flags: flagsArb(flags) });
  return fc.option(
    fc.array(one, { maxLength: 5 }).map((cs) => cs.map((c, i) => ({ id: `C${i + 1}`, ...c.values, ...(c.flags.length ? { flags: c.flags } : {}) }))),
    { nil: undefined, freq: 4 },
  );
}

function recordArb(shape: BookShape, period: string): fc.Arbitrary<Json> {
  const flags = shape.flags;
  return fc
    .record({
      values: valuesArb(shape.fields),
      flags: flagsArb(flags),
      tasks: tasksArb(shape.tasks),
      clients: clientsArb(shape),
    })
    .map((r) => {
      const rec: Json = { period, ...r.values };
      if (r.flags.length) rec.flags = r.flags;
      if (r.tasks) rec.tasks = r.tasks;
      if (r.clients) rec.clients = r.clients;
      return rec;
    });
}

export interface Case {
  period: string;
  settings: Json;
  managers: Json[];
}

/** The periods of a history: months 1..k of the year (maybe one dropped), maybe the year record; and the appraised one. */
const historyPlan = (maxMonths: number) => fc
  .record({ year: fc.constantFrom(2025, 2026), months: fc.integer({ min: 0, max: maxMonths }), drop: fc.option(fc.integer({ min: 1, max: 12 }), { freq: 5 }), annual: fc.boolean(), yearly: fc.boolean() })
  .map((p) => {
    const months = Array.from({ length: p.months }, (_, i) => i + 1).filter((m) => m !== p.drop).map((m) => `${p.year}-${pad(m)}`);
    const periods = [...months];
    if (p.annual || months.length === 0) periods.push(String(p.year));
    const appraised = p.yearly || months.length === 0 ? String(p.year) : months[months.length - 1];
    return { periods, appraised };
  });

export function managerArb(shape: BookShape, periods: string[], id: string): fc.Arbitrary<Json> {
  const grades = shape.book.gradeIds;
  return fc
    .record({
      role: fc.constantFrom(...shape.book.roleIds),
      grade: grades.length ? fc.option(fc.constantFrom(...grades), { nil: undefined, freq: 6 }) : fc.constant(undefined),
      history: fc.tuple(...periods.map((p) => recordArb(shape, p))),
      balance: fc.option(decText(0, 30000, 2), { nil: undefined, freq: 3 }),
    })
    .map((m) => {
      const out: Json = { id, role: m.role, history: m.history };
      if (m.grade !== undefined) out.grade = m.grade;
      if (m.balance !== undefined) out.riskDeposit = { balance: m.balance };
      return out;
    });
}

export function settingsArb(shape: BookShape): fc.Arbitrary<Json> {
  const fixed = FILLED_SETTINGS[shape.id] ?? {};
  if (shape.choices.length === 0) return fc.constant({ ...fixed });
  return fc
    .tuple(...shape.choices.map((c) => fc.option(fc.constantFrom(...c.values), { nil: undefined, freq: 2 })))
    .map((vs) => {
      const s: Json = { ...fixed };
      shape.choices.forEach((c, i) => {
        if (vs[i] !== undefined) s[c.key] = vs[i];
      });
      return s;
    });
}

/** A whole input for one rulebook: random settings, 1–4 managers sharing one history plan of up to 12 months. */
export function caseArb(id: string, maxManagers = 4, maxMonths = 12): fc.Arbitrary<Case> {
  const shape = shapeOf(id);
  return historyPlan(maxMonths).chain((plan) =>
    fc.record({
      period: fc.constant(plan.appraised),
      settings: settingsArb(shape),
      managers: fc.integer({ min: 1, max: maxManagers }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => managerArb(shape, plan.periods, `M${i + 1}`)))),
    }),
  );
}

/** Appraises a case the way `appraise evaluate` does; throws on input the generators should never make. */
export function appraiseCase(id: string, c: Case): ManagerResultJson[] {
  const book = loadPreset(id);
  // The fields the rulebook accepts, as the command line reads them (a format-2 rulebook's declared ones).
  const parsed = parseAppraisalInput({ period: c.period, managers: c.managers }, fieldVocabulary(book));
  if (!parsed.ok) throw new Error(`generated input rejected: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  const s = resolveSettings(book, c.settings);
  if (!s.ok) throw new Error(`generated settings rejected: ${s.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
  return appraiseAll(book, s.value, parsed.value).output.results;
}
