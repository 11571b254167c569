/** Test helpers for rulebooks given as documents (examples/, user rulebooks): appraise through the same API. */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { appraiseAll, fieldVocabulary, resolveRulebook, resolveSettings } from "../../src/engine/api";
import { parseAppraisalInput } from "../../src/engine/input";
import type { CompiledRulebook } from "../../src/engine/rulebook/compile";
import type { ManagerResultJson } from "../../src/engine/results";

export function loadRulebookFile(file: string): CompiledRulebook {
  const raw = JSON.parse(readFileSync(path.resolve(__dirname, "../..", file), "utf8"));
  const r = resolveRulebook(raw);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return r.value;
}

export function appraiseWith(book: CompiledRulebook, manager: Record<string, unknown>, period: string, settings: Record<string, unknown> = {}): ManagerResultJson {
  const parsed = parseAppraisalInput({ period, managers: [{ id: "T1", ...manager }] }, fieldVocabulary(book));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  const s = resolveSettings(book, settings);
  if (!s.ok) throw new Error(s.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return appraiseAll(book, s.value, parsed.value).output.results[0];
}
