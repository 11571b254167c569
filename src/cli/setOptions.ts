/**
 * `--set key=value` options, read the same way by `evaluate`, `grade` and `validate`: the value is parsed as the
 * rulebook declares the setting, and a key the rulebook does not declare is refused at once, naming the key.
 * Keys are own properties made with defineProperty, so `--set __proto__=…` is an unknown key, never a prototype.
 */
import type { InputProblem } from "../engine/model";
import type { CompiledRulebook } from "../engine/rulebook/compile";
import { parseSettingText } from "../engine/settings";

export type SetOptions = { ok: true; overrides: Record<string, unknown> } | { ok: false; usage: string } | { ok: false; problems: InputProblem[] };

export function readSetOptions(book: CompiledRulebook, pairs: readonly string[]): SetOptions {
  const overrides: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) return { ok: false, usage: `--set needs key=value, got "${pair}"` };
    const key = pair.slice(0, eq);
    const def = Object.prototype.hasOwnProperty.call(book.doc.settings, key) ? book.doc.settings[key] : undefined;
    if (!def) return { ok: false, problems: [{ path: `settings.${key}`, message: `unknown setting for rulebook ${book.doc.id}` }] };
    Object.defineProperty(overrides, key, { value: parseSettingText(def, pair.slice(eq + 1)), enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, overrides };
}
