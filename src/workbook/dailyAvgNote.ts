/**
 * G001-DAILY-AVG-VS-BALANCE: a daily average above the month-end balance is normal (001_ebb5b2a54347d062.txt), so it
 * is only ever a note, and a rulebook that declares the setting may switch even the note off. One answer for
 * grading and validation.
 */
import type { CompiledRulebook } from "../engine/rulebook/compile";
import type { Settings } from "../engine/settings";

const SETTING = "g001.validation.dailyAvgAboveBalance";

export function dailyAvgNoteOn(book: CompiledRulebook, settings: Settings): boolean {
  return !(Object.prototype.hasOwnProperty.call(book.doc.settings, SETTING) && settings.get(SETTING) === "off");
}
