/**
 * Measurement 1: engine throughput in manager-months per second for each built-in rulebook, on synthetic branches
 * with 12 months per manager, against a plain-number implementation of the same rules where one exists
 * (bench/plain/). A manager-month is one manager's month of data appraised: an annual appraisal of 12 months counts
 * 12, and a monthly scheme is appraised month by month, 12 appraisals per manager.
 */
import { appraiseAll, resolveRulebook, resolveSettings } from "../../src/engine/api";
import { parseAppraisalInput } from "../../src/engine/input";
import type { AppraisalInput } from "../../src/engine/model";
import type { ManagerResultJson } from "../../src/engine/results";
import { readXlsx } from "../../src/cli/xlsx/read";
import { appraisalInputJson, mapWorkbook } from "../../src/workbook";
import { generateH003, type RawInput } from "../gen/h003";
import { replicate } from "../gen/fromSample";
import { BROKERAGE_SETTINGS, generateBrokerage, generateVenue } from "../gen/snippets";
import { fmt, measure, type Timing } from "../lib/measure";
import type { Row, Section } from "../lib/report";
import { monthsOf } from "../lib/rng";
import { appraiseAllPlain, plainAsText, preparePlain } from "../plain/h003";

export interface EngineFigures {
  /** h003 engine manager-months per second (explanations worded when read), wall clock. */
  h003: number;
  /** The same by CPU time, which load on the machine affects less. */
  h003Cpu: number;
  /** h003 with every explanation line worded. */
  h003Worded: number;
  /** h003 plain-number floor. */
  h003Plain: number;
  agreement: { checked: number; agreed: number };
}

interface Plain {
  run: () => unknown;
  /** Compares every result with the engine's; returns [checked, agreed, first disagreement]. */
  check: (results: ManagerResultJson[]) => [number, number, string | undefined];
}

interface Spec {
  id: string;
  managers: number;
  input: (managers: number) => Promise<RawInput>;
  /** Periods appraised per run: the year, or each month. */
  periods: string[];
  what: string;
  plain?: (raw: RawInput) => Plain;
}

const MONTHS = monthsOf(2026);

/** The sample workbook of a rulebook as evaluate JSON (read and mapped as `appraise grade` does). */
async function sampleInput(file: string, rulebook: string, period: string): Promise<RawInput> {
  const book = resolveRulebook(rulebook);
  if (!book.ok) throw new Error(`no rulebook ${rulebook}`);
  const mapped = mapWorkbook(await readXlsx(file), { book: book.value, period });
  return appraisalInputJson({ ...mapped.input, rulebook }) as unknown as RawInput;
}

function h003Plain(raw: RawInput): Plain {
  const managers = preparePlain(raw);
  return {
    run: () => appraiseAllPlain(managers, 2026),
    check: (results) => {
      const plain = appraiseAllPlain(managers, 2026);
      let agreed = 0;
      let first: string | undefined;
      results.forEach((e, i) => {
        const p = plainAsText(plain[i]);
        const x = { grade: e.grade, score: e.score, withheld: e.riskDeposit?.withheld, balance: e.riskDeposit?.balance, refundable: e.riskDeposit?.refundable, status: e.status };
        if (JSON.stringify(x) === JSON.stringify(p)) agreed++;
        else first ??= `${e.id}: engine ${JSON.stringify(x)} plain ${JSON.stringify(p)}`;
      });
      return [results.length, agreed, first];
    },
  };
}

const SPECS: Spec[] = [
  {
    id: "h003-city-bank",
    managers: 2000,
    input: async (n) => generateH003(n),
    periods: ["2026"],
    what: "annual appraisal of 2026 from 12 monthly records (income, deposits, base) and the annual record",
    plain: h003Plain,
  },
  {
    id: "b002-bank-grades",
    managers: 1200,
    input: async (n) => replicate(await sampleInput("assets/sample-bank-grades.xlsx", "b002-bank-grades", "2026"), n),
    periods: ["2026"],
    what: "annual grading of 2026 from quarterly completion and the year's clients (grown from assets/sample-bank-grades.xlsx)",
  },
  {
    id: "c000-credit-coop",
    managers: 300,
    input: async (n) => replicate(await sampleInput("assets/sample-credit-coop.xlsx", "c000-credit-coop", "2026-12"), n),
    periods: MONTHS,
    what: "each month of 2026 appraised on its tasks and the months before (grown from assets/sample-credit-coop.xlsx)",
  },
  {
    id: "c000-snip-brokerage",
    managers: 300,
    input: async (n) => ({ ...generateBrokerage(n), settings: BROKERAGE_SETTINGS }) as RawInput,
    periods: MONTHS,
    what: "each month's pay of 2026 (base, lots commission, attendance, bonuses, fines); the lost tables set as the rule file illustrates",
  },
  {
    id: "c000-snip-venue",
    managers: 300,
    input: async (n) => generateVenue(n),
    periods: MONTHS,
    what: "each month's pay of 2026 (base against target, 3 % commission, absence, leave, lateness fines)",
  },
];

/** Touches every explanation line, so lines worded on first read are worded (what the command line writes out). */
function wordAll(results: ManagerResultJson[]): number {
  let n = 0;
  for (const r of results) for (const e of r.explanation) n += e.zh.length + e.en.length;
  return n;
}

const rate = (managers: number, months: number, t: Timing) => (managers * months) / t.median;

export async function engineSection(runs: number, quick = false): Promise<{ section: Section; figures: EngineFigures }> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const figures: EngineFigures = { h003: 0, h003Cpu: 0, h003Worded: 0, h003Plain: 0, agreement: { checked: 0, agreed: 0 } };
  for (const spec of SPECS) {
    const raw = await spec.input(quick ? Math.ceil(spec.managers / 4) : spec.managers);
    const parsed = parseAppraisalInput(raw);
    if (!parsed.ok) throw new Error(`${spec.id}: generated input is invalid: ${parsed.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join("; ")}`);
    const book = resolveRulebook(spec.id);
    if (!book.ok) throw new Error(`no rulebook ${spec.id}`);
    const settings = resolveSettings(book.value, parsed.value.settings ?? {});
    if (!settings.ok) throw new Error(`${spec.id}: ${settings.problems.map((p) => p.message).join("; ")}`);
    const inputs: AppraisalInput[] = spec.periods.map((period) => ({ ...parsed.value, period }));
    const appraise = () => inputs.map((input) => appraiseAll(book.value, settings.value, input).output.results);
    const n = parsed.value.managers.length;
    const plain = spec.plain?.(raw);
    const appraiseWorded = () => appraise().map(wordAll);
    // Each figure is timed in alternation with its baseline (bench/lib/measure.ts), so a busy stretch of the machine
    // falls on both: the plain-number version where there is one, otherwise the engine with every line worded.
    const engine = measure(appraise, runs, 2, plain ? plain.run : appraiseWorded);
    const worded = plain ? measure(appraiseWorded, runs, 2, plain.run) : (engine.baseline as Timing);
    const read = measure(() => parseAppraisalInput(raw), Math.max(3, Math.floor(runs / 2)), 1);
    const mm = rate(n, 12, engine);
    const mmCpu = (n * 12) / engine.cpuMedian;
    const mmWorded = rate(n, 12, worded);
    const statuses = new Map<string, number>();
    for (const results of appraise()) for (const r of results) statuses.set(r.status ?? "(none)", (statuses.get(r.status ?? "(none)") ?? 0) + 1);
    const mix = [...statuses.entries()].sort((a, b) => b[1] - a[1]).map(([s, c]) => `${s} ${c}`).join(", ");
    const label = `${spec.id}: ${fmt(n)} managers`;
    if (plain) {
      const mmPlain = rate(n, 12, engine.baseline as Timing);
      const mmPlainBesideWorded = rate(n, 12, worded.baseline as Timing);
      const [checked, agreed, first] = plain.check(appraise()[0]);
      rows.push({ measure: `${label}, engine (explanation worded when read)`, figure: `${fmt(mm)} manager-months/s (CPU time: ${fmt(mmCpu)}/s)`, baseline: `plain numbers ${fmt(mmPlain)}/s`, ratio: `${(mmPlain / mm).toFixed(1)}× slower` });
      rows.push({ measure: `${label}, engine with every explanation line worded`, figure: `${fmt(mmWorded)} manager-months/s`, baseline: `plain numbers ${fmt(mmPlainBesideWorded)}/s`, ratio: `${(mmPlainBesideWorded / mmWorded).toFixed(1)}× slower` });
      notes.push(`${spec.id}: the plain-number version agrees with the engine on ${fmt(agreed)} of ${fmt(checked)} managers (score, grade, risk deposit withheld/balance/refundable and status, to the fen)${first ? `; first difference: ${first}` : ""}.`);
      if (spec.id === "h003-city-bank") {
        figures.h003 = mm;
        figures.h003Cpu = mmCpu;
        figures.h003Worded = mmWorded;
        figures.h003Plain = mmPlain;
        figures.agreement = { checked, agreed };
      }
    } else {
      rows.push({ measure: `${label}, engine (explanation worded when read)`, figure: `${fmt(mm)} manager-months/s (CPU time: ${fmt(mmCpu)}/s)`, baseline: `with every line worded ${fmt(mmWorded)}/s`, ratio: `worded takes ${(mm / mmWorded).toFixed(2)}× the time` });
    }
    notes.push(`${spec.id}: ${spec.what}; statuses ${mix}. Reading the JSON input (timed apart, not in the figures): ${fmt((n * 12) / read.median)} manager-months/s.`);
  }
  notes.push(
    "g-general is not measured: it holds conventions and tool rules (completion rate, periods, deadlines) with no appraisal stage, so an appraisal input produces nothing to time; its tools are exercised by the rulebooks that use them.",
    "Plain-number versions exist for h003-city-bank only (bench/plain/h003.ts); for the other rulebooks the baseline column compares the engine with itself when every explanation line is worded (ratios near 1 are within the noise: those schemes explain little per month).",
    "CPU time counts every thread of the process, including V8's garbage-collection helpers on the other core, so it can be above or below the wall-clock figure; with other work on the machine the wall clock suffers more.",
  );
  return {
    figures,
    section: {
      title: "1. Engine throughput",
      how: [
        "One process, one thread: `appraiseAll` on parsed input (the JSON reading is timed separately), median of the timed",
        "runs after two warm-up runs, each timed run alternating with one of its baseline (which goes first swaps every",
        "round). *Explanation worded when read*: the results as the engine returns them, whose",
        "explanation lines (a ledger line per month) are written out the first time anyone reads them. *Every line worded*:",
        "the same plus reading every line, which is what `appraise grade` and `appraise evaluate` do.",
      ],
      rows,
      notes,
    },
  };
}
