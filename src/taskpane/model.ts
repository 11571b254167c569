/**
 * Plain data the taskpane components render, and the small pure helpers they share. Kept free of Office and React so
 * that components stay testable without an Office host (components receive everything Office-bound through props).
 */
import { presetSummaries } from "../engine/rulebooks";
import type { Severity, WorkbookProblem } from "../workbook";
import type { Bilingual, RulebookOption } from "./actions/types";

export type Lang = "zh" | "en";

/** Where the page runs: still waiting for Office.onReady, inside Excel, in some other host or browser, or without office.js. */
export type HostStatus = "waiting" | "excel" | "other" | "no-office";

/** The pane's three tabs, in order. */
export type TabId = "validate" | "grade" | "rulebooks";

/**
 * What went wrong with the last action of a tab: an unexpected failure (thrown) or an action that could not start
 * (Blocked). Shown in the pane, never only in the console.
 */
export type Notice =
  | { kind: "error"; message: string; /** What was being done, when it was not the tab's button (reading the periods). */ during?: "periods" }
  | { kind: "blocked"; messages: Bilingual[] };

/** The text of anything thrown: Office errors are Error objects, but a rejected promise may carry anything. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === "string") return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

/** The answer of a synchronous read that may throw (an invalid imported rulebook, an Office error), kept as data. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; message: string };

export function attempt<T>(read: () => T): Attempt<T> {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    return { ok: false, message: errorText(e) };
  }
}

/** Larger than any rulebook by far: a file this big is a mistake, not worth reading into the pane. */
export const IMPORT_LIMIT_MB = 2;

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Findings by severity, errors first (what must be fixed before grading), each group in the order given. */
export function groupBySeverity(findings: readonly WorkbookProblem[]): Array<{ severity: Severity; items: WorkbookProblem[] }> {
  return SEVERITIES.map((severity) => ({ severity, items: findings.filter((f) => f.severity === severity) })).filter(
    (g) => g.items.length > 0,
  );
}

/**
 * The built-in rulebooks straight from the engine, for the pane outside Excel (no port, so no imported ones);
 * a preset that fails validation is reported, not hidden.
 */
export function builtInRulebooks(): Attempt<RulebookOption[]> {
  return attempt(() =>
    presetSummaries().map((s) => ({ id: s.id, version: s.version, name: { zh: s.name.zh, en: s.name.en }, builtIn: true })),
  );
}
