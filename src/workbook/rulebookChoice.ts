/**
 * The workbook's rulebook choice, as stored in the document (Office document settings), so that the custom functions,
 * the taskpane and a colleague opening the same file use the same rules. Pure: the caller passes a getter over
 * whatever store holds the values (Office.context.document.settings in Excel, a plain object in tests).
 *
 * Keys:
 * - `khjl.rulebook`: `{ "id": "h003-city-bank", "settings": { "h003.score.partialStep": "proRata" } }`
 * - `khjl.userRulebooks`: `{ "<id>": <rulebook JSON document> }` — imported rulebooks, validated when used.
 */
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
