/**
 * A behaviour of a tool picked by a rulebook setting, written as data: `{"setting": "h003.clientBand.overlap",
 * "values": {"higherGrade": "topDown", "lowerGrade": "bottomUp"}}`, or a fixed behaviour (`"topDown"`). The kind
 * knows its behaviours; the rulebook says which setting value means which, so another bank's rulebook can name its
 * settings differently. A required setting nobody set is reported, never defaulted.
 */
import { z } from "zod";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";

export type Choice<T extends string> = T | { setting: string; values: Record<string, T> };

export function ChoiceSchema<T extends string>(behaviours: readonly [T, ...T[]]): z.ZodType<Choice<T>> {
  const b = z.enum(behaviours);
  return z.union([b, z.object({ setting: z.string(), values: z.record(z.string(), b) }).strict()]) as z.ZodType<Choice<T>>;
}

export interface Chosen<T> {
  value: T;
  /** The setting and its value, for the explanation; absent for a fixed behaviour. */
  setting?: string;
  settingValue?: string;
}

export function choose<T extends string>(choice: Choice<T>, settings: Settings): Chosen<T> {
  if (typeof choice === "string") return { value: choice };
  const raw = settings.get(choice.setting);
  const v = choice.values[String(raw)];
  // The rulebook check below guarantees every declared value is mapped; reaching this is a rulebook bug.
  if (v === undefined) throw new Error(`setting ${choice.setting} = ${String(raw)} has no behaviour`);
  return { value: v, setting: choice.setting, settingValue: String(raw) };
}

/** Problems with a choice: the setting must be declared and each of its enum values mapped. */
export function checkChoice(choice: Choice<string> | undefined, book: CompiledRulebook): string[] {
  if (choice === undefined || typeof choice === "string") return [];
  const def = book.doc.settings[choice.setting];
  if (!def) return [`setting ${choice.setting} is not declared`];
  const missing = (def.values ?? []).map(String).filter((v) => !(v in choice.values));
  return missing.length > 0 ? [`setting ${choice.setting}: no behaviour for ${missing.join(", ")}`] : [];
}

/** Text of "(setting h003.x = y)" for explanations, or "" for a fixed behaviour; `inside` gives "; setting …" for use within parentheses. */
export function settingNote(c: { setting?: string; settingValue?: string }, inside = false): { zh: string; en: string } {
  if (!c.setting) return { zh: "", en: "" };
  if (inside) return { zh: `;设置 ${c.setting} = ${c.settingValue}`, en: `; setting ${c.setting} = ${c.settingValue}` };
  return { zh: `(设置 ${c.setting} = ${c.settingValue})`, en: ` (setting ${c.setting} = ${c.settingValue})` };
}
