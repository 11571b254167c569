/**
 * Plain data the taskpane components render. Kept free of Office and React so that components stay testable
 * without an Office host (components receive everything Office-bound through props).
 */
import { presetSummaries } from "../engine/rulebooks";

export type Lang = "zh" | "en";

/** Where the page runs: still waiting for Office.onReady, inside Excel, in some other host or browser, or without office.js. */
export type HostStatus = "waiting" | "excel" | "other" | "no-office";

export interface RulebookRow {
  id: string;
  version: string;
  name: { zh: string; en: string };
}

export type RulebookList = { ok: true; rows: RulebookRow[] } | { ok: false; message: string };

/** The built-in rulebooks; a preset that fails validation is reported, not hidden. */
export function loadRulebookList(): RulebookList {
  try {
    const rows = presetSummaries().map((s) => ({ id: s.id, version: s.version, name: { zh: s.name.zh, en: s.name.en } }));
    return { ok: true, rows };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
