/** Test helper (not a test): run a tool rule of a built-in rulebook the way a cell function or the CLI does. */
import { resolveSettings } from "../../../src/engine/api";
import type { ToolOutcome } from "../../../src/engine/kinds/types";
import { isUnavailable, type Unavailable } from "../../../src/engine/outcome";
import { loadPreset } from "../../../src/engine/rulebooks";
import { runTool } from "../../../src/engine/tools";

export function tool(book: string, rule: string, input: unknown, settings: Record<string, unknown> = {}): ToolOutcome | Unavailable {
  const b = loadPreset(book);
  const s = resolveSettings(b, settings);
  if (!s.ok) throw new Error(s.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return runTool(b, s.value, rule, input);
}

/** The outcome's value; fails the test with the engine's message if the rule was unavailable. */
export function value<T = any>(book: string, rule: string, input: unknown, settings: Record<string, unknown> = {}): T {
  const r = tool(book, rule, input, settings);
  if (isUnavailable(r)) throw new Error(`${rule} unavailable (${r.code}): ${r.en}`);
  return r.value as T;
}

export function outcome(book: string, rule: string, input: unknown, settings: Record<string, unknown> = {}): ToolOutcome {
  const r = tool(book, rule, input, settings);
  if (isUnavailable(r)) throw new Error(`${rule} unavailable (${r.code}): ${r.en}`);
  return r;
}

/** The Unavailable; fails the test if the rule produced a value. */
export function failure(book: string, rule: string, input: unknown, settings: Record<string, unknown> = {}): Unavailable {
  const r = tool(book, rule, input, settings);
  if (!isUnavailable(r)) throw new Error(`${rule} gave a value where an error was expected: ${JSON.stringify(r.value)}`);
  return r;
}

export const G = "g-general";
