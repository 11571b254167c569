/**
 * Monthly grading of a workbook's values, the one path shared by `appraise grade` and the taskpane's 月度考核:
 * map the sheets, resolve the rulebook's settings (设置 sheet, then the caller's overrides), check the data against
 * the rulebook, then appraise a slice of managers at a time so the caller can show progress (and, in the taskpane,
 * let the pane breathe between slices: Office restarts an add-in that hangs for 5 seconds).
 */
import { appraiseAll, checkAgainstRulebook, resolveSettings, type AppraisalOutput } from "../engine/api";
import type { AppraisalInput, InputProblem } from "../engine/model";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import type { Settings } from "../engine/settings";
import type { WorkbookValues } from "./cells";
import { dailyAvgNoteOn } from "./dailyAvgNote";
import { mapWorkbook } from "./map";
import type { WorkbookProblem } from "./problems";

export interface GradingSetup {
  book: CompiledRulebook;
  settings: Settings;
  /** The mapped input, with the settings actually used. */
  input: AppraisalInput;
  /** The mapper's located problems (the rulebook may have switched some notes off). */
  problems: WorkbookProblem[];
  /** Staff ids on the roster that could not be appraised (their problems say why). */
  skipped: string[];
}

export type Prepared = { ok: true; setup: GradingSetup } | { ok: false; problems: InputProblem[] };

export interface PrepareOptions {
  book: CompiledRulebook;
  period: string;
  /** Settings on top of the 设置 sheet's (the command line's --set, the pane's stored choice). */
  overrides?: Record<string, unknown>;
  /** The last plausible year of a period cell (next year, by the run's date). */
  latestYear?: number;
}

export function prepareGrading(values: WorkbookValues, { book, period, overrides = {}, latestYear }: PrepareOptions): Prepared {
  const mapped = mapWorkbook(values, { book, period, ...(latestYear !== undefined ? { latestYear } : {}) });
  // Own keys copied with defineProperty: a key such as "__proto__" stays a key and is reported as unknown.
  const all: Record<string, unknown> = { ...(mapped.input.settings ?? {}) };
  for (const [k, v] of Object.entries(overrides)) Object.defineProperty(all, k, { value: v, enumerable: true, writable: true, configurable: true });
  const settings = resolveSettings(book, all);
  if (!settings.ok) return { ok: false, problems: settings.problems };
  const input: AppraisalInput = { ...mapped.input, settings: all };
  const mismatches = checkAgainstRulebook(book, input);
  if (mismatches.length > 0) return { ok: false, problems: mismatches };
  let problems = mapped.problems;
  if (!dailyAvgNoteOn(book, settings.value)) problems = problems.filter((p) => p.code !== "dailyAvgAboveBalance");
  return { ok: true, setup: { book, settings: settings.value, input, problems, skipped: mapped.skipped } };
}

export interface GradingStep {
  done: number;
  total: number;
}

/**
 * The engine over the setup, `slice` managers per step; yields after each step and returns the whole output.
 * Managers are appraised independently, so slicing changes nothing in the results.
 */
export function* appraiseInSteps(setup: GradingSetup, slice: number): Generator<GradingStep, AppraisalOutput, void> {
  const { book, settings, input } = setup;
  const total = input.managers.length;
  const step = Math.max(1, Math.floor(slice)); // int: managers per step
  const results: AppraisalOutput["results"] = [];
  for (let i = 0; i < total; i += step) { // int: index
    const part = appraiseAll(book, settings, { ...input, managers: input.managers.slice(i, i + step) }).output; // int: index
    for (const r of part.results) results.push(r);
    yield { done: results.length, total };
  }
  return { rulebook: { id: book.doc.id, version: book.doc.version }, period: input.period, results };
}

/** All steps at once, reporting each (the command line). */
export function appraiseSetup(setup: GradingSetup, slice: number, progress?: (s: GradingStep) => void): AppraisalOutput {
  const steps = appraiseInSteps(setup, slice);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    progress?.(next.value);
  }
}
