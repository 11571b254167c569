/**
 * Built-in rulebooks (presets), one per seed system. A preset is kept as a folder of JSON parts so that each part
 * stays readable (conventions, scoring, status, ledger, tools); it is merged here into the one rulebook document
 * that `appraise rulebook ID` prints and the schema validates. A user rulebook is that single document.
 */
import { compileRulebook, type CompiledRulebook } from "../rulebook/compile";
import type { RulebookDoc } from "../rulebook/schema";
import h003Base from "./h003-city-bank/rulebook.json";
import h003Scoring from "./h003-city-bank/rules.scoring.json";
import h003Status from "./h003-city-bank/rules.status.json";
import h003Ledger from "./h003-city-bank/rules.ledger.json";
import h003Tools from "./h003-city-bank/rules.tools.json";
import gBase from "./g-general/rulebook.json";
import b002Base from "./b002-bank-grades/rulebook.json";
import b002Grades from "./b002-bank-grades/rules.grades.json";
import b002Tenure from "./b002-bank-grades/rules.tenure.json";
import c000Base from "./c000-credit-coop/rulebook.json";
import c000Rules from "./c000-credit-coop/rules.json";
import brokerageBase from "./c000-snip-brokerage/rulebook.json";
import brokerageRules from "./c000-snip-brokerage/rules.json";
import venueBase from "./c000-snip-venue/rulebook.json";
import venueRules from "./c000-snip-venue/rules.json";
import gRules from "./g-general/rules.json";

interface Part {
  settings?: Record<string, unknown>;
  functions?: Record<string, unknown>;
  rules?: unknown[];
}

/** The base document with the rules (and any settings or functions) of each part appended, in order. */
function merge(base: Record<string, unknown>, parts: Part[]): unknown {
  const settings = { ...((base.settings as Record<string, unknown>) ?? {}) };
  const functions = { ...((base.functions as Record<string, unknown>) ?? {}) };
  const rules = [...((base.rules as unknown[]) ?? [])];
  for (const part of parts) {
    Object.assign(settings, part.settings ?? {});
    Object.assign(functions, part.functions ?? {});
    rules.push(...(part.rules ?? []));
  }
  return base.format === "khjl-rulebook/2" ? { ...base, settings, functions, rules } : { ...base, settings, rules };
}

const PRESET_DOCS: Record<string, () => unknown> = {
  "h003-city-bank": () => merge(h003Base, [h003Scoring, h003Status, h003Ledger, h003Tools]),
  "b002-bank-grades": () => merge(b002Base, [b002Grades, b002Tenure]),
  "c000-credit-coop": () => merge(c000Base, [c000Rules]),
  "c000-snip-brokerage": () => merge(brokerageBase, [brokerageRules]),
  "c000-snip-venue": () => merge(venueBase, [venueRules]),
  "g-general": () => merge(gBase, [gRules]),
};

const cache = new Map<string, CompiledRulebook>();

export function presetIds(): string[] {
  return Object.keys(PRESET_DOCS);
}

/** The merged JSON document of a built-in rulebook. */
export function presetDocument(id: string): unknown {
  const make = PRESET_DOCS[id];
  if (!make) throw new Error(`unknown rulebook ${id}`);
  return make();
}

/** A compiled built-in rulebook; a preset that fails validation is a bug in this repository, so it throws. */
export function loadPreset(id: string): CompiledRulebook {
  const hit = cache.get(id);
  if (hit) return hit;
  const result = compileRulebook(presetDocument(id));
  if (!result.ok) throw new Error(`built-in rulebook ${id} is invalid:\n${result.problems.join("\n")}`);
  cache.set(id, result.book);
  return result.book;
}

export function presetSummaries(): Array<Pick<RulebookDoc, "id" | "version" | "name">> {
  return presetIds().map((id) => {
    const { doc } = loadPreset(id);
    return { id: doc.id, version: doc.version, name: doc.name };
  });
}
