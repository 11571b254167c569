/** Test helpers: appraise one manager from plain JSON, the way the command line does. */
import { appraiseAll, fieldVocabulary, resolveSettings } from "../../src/engine/api";
import { parseAppraisalInput } from "../../src/engine/input";
import { loadPreset } from "../../src/engine/rulebooks";
import type { ManagerResultJson } from "../../src/engine/results";

export function appraiseOne(
  rulebook: string,
  manager: Record<string, unknown>,
  period: string,
  settings: Record<string, unknown> = {},
): ManagerResultJson {
  const book = loadPreset(rulebook);
  const parsed = parseAppraisalInput({ period, managers: [{ id: "T1", ...manager }] }, fieldVocabulary(book));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  const s = resolveSettings(book, settings);
  if (!s.ok) throw new Error(s.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return appraiseAll(book, s.value, parsed.value).output.results[0];
}

/** Points of one score item. */
export function itemPoints(result: ManagerResultJson, rule: string): string | undefined {
  return result.scoreItems?.find((i) => i.rule === rule)?.points;
}
