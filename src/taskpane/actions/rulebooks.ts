/**
 * The rulebook tab's actions: which rulebooks exist (built-in and imported into this workbook), which one is active,
 * choosing one (stored in the document, so the KHJL functions and a colleague opening the file use it too), import,
 * export and the list of rules with their seed citations.
 */
import { resolveRulebook } from "../../engine/api";
import { presetDocument, presetIds, presetSummaries } from "../../engine/rulebooks";
import type { CompiledRulebook } from "../../engine/rulebook/compile";
import {
  chosenRulebook, readRulebookChoice, readWorkbookSettings, RULEBOOK_CHOICE_KEY, USER_RULEBOOKS_KEY,
  type ChosenRulebook, type RulebookChoice, type WorkbookValues,
} from "../../workbook";
import type { ExcelPort } from "../port";
import { ruleText2 } from "./ruleText";
import type { ActiveRulebook, RuleRow, RulebookOption } from "./types";

/** Imported rulebooks live in the document settings; a few hundred kilobytes is already far beyond any real one. */
export const MAX_IMPORT_CHARS = 2_000_000;

export function storedChoice(port: ExcelPort): RulebookChoice {
  return readRulebookChoice((key) => port.getSetting(key));
}

export function listRulebooks(port: ExcelPort): RulebookOption[] {
  const out: RulebookOption[] = presetSummaries().map((s) => ({ id: s.id, version: s.version, name: { zh: s.name.zh, en: s.name.en }, builtIn: true }));
  for (const [id, doc] of Object.entries(storedChoice(port).userRulebooks)) {
    const book = resolveRulebook(doc);
    // An imported document that no longer validates is listed by its id, so it can still be seen and replaced.
    out.push(book.ok
      ? { id, version: book.value.doc.version, name: { zh: book.value.doc.name.zh, en: book.value.doc.name.en }, builtIn: false }
      : { id, version: "?", name: { zh: `${id}(无效)`, en: `${id} (invalid)` }, builtIn: false });
  }
  return out;
}

/** The rulebook that grading and validation use: the document's choice, else the 设置 sheet's 规则集. */
export function resolveActive(port: ExcelPort, values?: WorkbookValues): { active: ActiveRulebook; chosen: ChosenRulebook } {
  const choice = storedChoice(port);
  let id = choice.id;
  let source: ActiveRulebook["source"] = id === undefined ? "none" : "document";
  if (id === undefined && values) {
    const fromSheet = readWorkbookSettings(values).rulebook?.value;
    if (typeof fromSheet === "string" && fromSheet.trim() !== "") {
      id = fromSheet.trim();
      source = "sheet";
    }
  }
  const chosen = chosenRulebook(choice, id);
  const active: ActiveRulebook = { source, problems: [] };
  if (id !== undefined) active.id = id;
  if (chosen.ok) {
    active.version = chosen.book.doc.version;
    active.name = { zh: chosen.book.doc.name.zh, en: chosen.book.doc.name.en };
  } else if (id !== undefined) {
    active.problems.push(`${chosen.zh} / ${chosen.en}`);
  }
  return { active, chosen };
}

export function activeRulebook(port: ExcelPort, values?: WorkbookValues): ActiveRulebook {
  return resolveActive(port, values).active;
}

/** Stores the choice (keeping its settings when the id stays the same) and recalculates the KHJL formulas. */
export async function chooseRulebook(port: ExcelPort, id: string): Promise<void> {
  const choice = storedChoice(port);
  const chosen = chosenRulebook({ ...choice, id, settings: id === choice.id ? choice.settings : {} }, id);
  if (!chosen.ok) throw new Error(`${chosen.zh} / ${chosen.en}`);
  await port.setSettings({ [RULEBOOK_CHOICE_KEY]: { id, settings: id === choice.id ? choice.settings : {} } });
  // Formulas that named no rulebook read the choice; Excel does not know they depend on it.
  await port.recalculate();
}

export type ImportResult = { ok: true; id: string; version: string } | { ok: false; problems: string[] };

/** Validates a rulebook JSON document and stores it in the workbook; it is data only, nothing in it is run. */
export async function importRulebook(port: ExcelPort, text: string): Promise<ImportResult> {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, problems: [`文件过大(超过 ${MAX_IMPORT_CHARS} 个字符)/ the file is too large`] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`不是有效的 JSON / not valid JSON: ${(e as Error).message}`] };
  }
  const book = resolveRulebook(doc);
  if (!book.ok) return { ok: false, problems: book.problems.map((p) => `${p.path}: ${p.message}`) };
  const { id, version } = book.value.doc;
  if (presetIds().includes(id)) {
    return { ok: false, problems: [`编号 "${id}" 与内置规则集相同,请在文件中改用新的 id / "${id}" is a built-in rulebook's id: give the imported one its own id`] };
  }
  const user = { ...storedChoice(port).userRulebooks, [id]: doc };
  await port.setSettings({ [USER_RULEBOOKS_KEY]: user });
  return { ok: true, id, version };
}

export function exportRulebook(port: ExcelPort, id: string): { fileName: string; json: string } {
  const user = storedChoice(port).userRulebooks;
  const doc = Object.prototype.hasOwnProperty.call(user, id) ? user[id] : presetDocument(id);
  const version = (doc as { version?: unknown }).version;
  return { fileName: `${id}-${typeof version === "string" ? version : "0"}.json`, json: `${JSON.stringify(doc, null, 2)}\n` };
}

const MAX_SUMMARY_ITEMS = 8;
const MAX_VALUE_CHARS = 40;
const MAINTAINER_KEYS = new Set(["implementedBy", "note", "notes", "reading"]);

/** The rule's plain values (thresholds, amounts, rates) as `key=value`, a few of them: what the table shows. */
function summaryOf(params: unknown): string {
  const items: string[] = [];
  const walk = (x: unknown, key: string): void => {
    if (items.length >= MAX_SUMMARY_ITEMS) return;
    if (x === null || x === undefined) return;
    if (typeof x === "string" || typeof x === "number" || typeof x === "boolean") {
      // Thresholds and amounts are short; long strings are notes for maintainers (where a convention is implemented).
      if (String(x).length <= MAX_VALUE_CHARS && !MAINTAINER_KEYS.has(key)) items.push(`${key}=${String(x)}`);
    } else if (Array.isArray(x)) {
      x.forEach((v) => walk(v, key));
    } else if (typeof x === "object") {
      const o = x as Record<string, unknown>;
      if ("setting" in o && typeof o.setting === "string") items.push(`${key}=设置 ${o.setting}`);
      else if (!("zh" in o && "en" in o)) for (const [k, v] of Object.entries(o)) walk(v, k);
    }
  };
  walk(params, "");
  return items.join("; ");
}

export function rulesOfBook(book: CompiledRulebook): RuleRow[] {
  const v2 = book.v2;
  return book.rules.map((r) => {
    const cite = (r.doc as { cite?: unknown }).cite;
    const row: RuleRow = {
      id: r.id,
      // Format 2 has no kinds: the wrapped entry's doc.kind is the rule's construct (formula, table, trigger …).
      kind: r.doc.kind,
      stage: r.kind.stage,
      // A format-2 rule has no params to summarise: its content is its formula or table, shown as written.
      summary: v2 ? ruleText2(v2, r.id) : summaryOf(r.doc.params),
      cite: Array.isArray(cite) ? cite.join("、") : "",
    };
    if (r.doc.label) row.label = { zh: r.doc.label.zh, en: r.doc.label.en };
    if (r.doc.note) row.note = { zh: r.doc.note.zh, en: r.doc.note.en };
    return row;
  });
}

export function rulesOf(port: ExcelPort, id: string): RuleRow[] {
  const chosen = chosenRulebook(storedChoice(port), id);
  return chosen.ok ? rulesOfBook(chosen.book) : [];
}
