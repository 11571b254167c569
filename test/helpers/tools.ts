/**
 * Tool rules run in tests, as the rulebook's tools are run by the validator: settings resolved for the rulebook
 * (and required to resolve cleanly), and an answer that must be available and carry reasons in Chinese.
 */
import { isUnavailable } from "../../src/engine/outcome";
import type { CompiledRulebook } from "../../src/engine/rulebook/compile";
import { Settings } from "../../src/engine/settings";
import { runTool } from "../../src/engine/tools";

type SettingValues = Record<string, unknown>;

export function toolRunner(book: CompiledRulebook) {
  function run(id: string, input: unknown, settings: SettingValues = {}, b: CompiledRulebook = book) {
    const r = Settings.resolve(b.doc, settings);
    expect(r.problems).toEqual([]);
    return runTool(b, r.settings, id, input);
  }
  function answer(id: string, input: unknown, settings: SettingValues = {}, b: CompiledRulebook = book) {
    const out = run(id, input, settings, b);
    if (isUnavailable(out)) throw new Error(`${out.code}: ${out.en}`);
    expect(out.reasons.length).toBeGreaterThan(0);
    for (const r of out.reasons) expect(r.zh.length).toBeGreaterThan(0);
    return out;
  }
  /** The tool's value. */
  function value(id: string, input: unknown, settings: SettingValues = {}, b: CompiledRulebook = book): Record<string, any> {
    return answer(id, input, settings, b).value as Record<string, any>;
  }
  /** The tool's value with its reasons beside it, for tests that read both. */
  function valueWithReasons(id: string, input: unknown, settings: SettingValues = {}): any {
    const out = answer(id, input, settings);
    return { ...(out.value as object), reasons: out.reasons };
  }
  return { run, value, valueWithReasons };
}

/**
 * One tool rule of a rulebook: its answer (failing the test with the engine's message when it is unavailable), its
 * value (as toolRunner's, reasons checked), and its unavailable answer (failing the test when it gave a value).
 */
export function ruleRunner(book: CompiledRulebook, id: string) {
  const { run, value } = toolRunner(book);
  return {
    outcome(input: unknown, settings: SettingValues = {}) {
      const r = run(id, input, settings);
      if (isUnavailable(r)) throw new Error(`${id} unavailable (${r.code}): ${r.en}`);
      return r;
    },
    value: (input: unknown, settings: SettingValues = {}) => value(id, input, settings),
    failure(input: unknown, settings: SettingValues = {}) {
      const r = run(id, input, settings);
      if (!isUnavailable(r)) throw new Error(`${id} gave a value where an error was expected: ${JSON.stringify(r.value)}`);
      return r;
    },
  };
}
