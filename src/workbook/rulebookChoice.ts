/**
 * The workbook's rulebook choice, as stored in the document (Office document settings), so that the custom functions,
 * the taskpane and a colleague opening the same file use the same rules. Pure: the caller passes a getter over
 * whatever store holds the values (Office.context.document.settings in Excel, a plain object in tests).
 *
 * Keys:
 * - `khjl.rulebook`: `{ "id": "h003-city-bank", "settings": { "h003.score.partialStep": "proRata" } }`
 * - `khjl.userRulebooks`: `{ "<id>": <rulebook JSON document> }` — imported rulebooks, validated when used.
 */
import { resolveRulebook, resolveSettings } from "../engine/api";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import { presetIds } from "../engine/rulebooks";
import type { Settings } from "../engine/settings";

export const RULEBOOK_CHOICE_KEY = "khjl.rulebook";
export const USER_RULEBOOKS_KEY = "khjl.userRulebooks";

export interface RulebookChoice {
  /** The active rulebook id, when one was chosen. */
  id?: string;
  /** Setting overrides for the active rulebook. */
  settings: Record<string, unknown>;
  /** Imported rulebook documents by id (not yet validated). */
  userRulebooks: Record<string, unknown>;
}

const isRecord = (x: unknown): x is Record<string, unknown> => !!x && typeof x === "object" && !Array.isArray(x);

/** Reads the stored choice; malformed entries are ignored rather than trusted (they are shown as "not chosen"). */
export function readRulebookChoice(get: (key: string) => unknown): RulebookChoice {
  const out: RulebookChoice = { settings: {}, userRulebooks: {} };
  const choice = parseMaybeJson(get(RULEBOOK_CHOICE_KEY));
  if (isRecord(choice)) {
    if (typeof choice.id === "string" && choice.id.trim() !== "") out.id = choice.id.trim();
    if (isRecord(choice.settings)) out.settings = { ...choice.settings };
  }
  const user = parseMaybeJson(get(USER_RULEBOOKS_KEY));
  if (isRecord(user)) {
    for (const [id, doc] of Object.entries(user)) if (isRecord(doc)) out.userRulebooks[id] = doc;
  }
  return out;
}

/** Office stores values as JSON already; a string holding JSON (written by hand or by an older version) is accepted too. */
function parseMaybeJson(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

/** A chosen rulebook, ready to appraise with; or why not, in both languages (`missing`: none chosen or no such id). */
export type ChosenRulebook =
  | { ok: true; book: CompiledRulebook; settings: Settings; builtIn: boolean }
  | { ok: false; kind: "missing" | "invalid"; zh: string; en: string };

/**
 * The rulebook `id` (the chosen one when absent) with its stored settings: an imported document of that id first,
 * then a built-in preset. One resolution for the custom functions and the taskpane, so both use the same rules.
 */
export function chosenRulebook(choice: RulebookChoice, id: string | undefined = choice.id): ChosenRulebook {
  if (id === undefined) {
    return { ok: false, kind: "missing", zh: "本工作簿尚未选择考核规则集", en: "no rulebook is chosen for this workbook" };
  }
  const userDoc = Object.prototype.hasOwnProperty.call(choice.userRulebooks, id) ? choice.userRulebooks[id] : undefined;
  if (userDoc === undefined && !presetIds().includes(id)) {
    return { ok: false, kind: "missing", zh: `没有编号为 "${id}" 的规则集(内置:${presetIds().join("、")})`, en: `no rulebook "${id}" (built-in: ${presetIds().join(", ")})` };
  }
  const book = resolveRulebook(userDoc ?? id);
  if (!book.ok) {
    const first = book.problems[0]?.message ?? "";
    return { ok: false, kind: "invalid", zh: `规则集 "${id}" 无效:${first}`, en: `rulebook "${id}" is invalid: ${first}` };
  }
  const settings = resolveSettings(book.value, id === choice.id ? choice.settings : {});
  if (!settings.ok) {
    const p = settings.problems[0];
    return { ok: false, kind: "invalid", zh: `规则集 "${id}" 的设置 ${p.path} 无效:${p.message}`, en: `rulebook "${id}" setting ${p.path} is invalid: ${p.message}` };
  }
  return { ok: true, book: book.value, settings: settings.value, builtIn: userDoc === undefined };
}
