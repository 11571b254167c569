/**
 * Loading a rulebook: frame schema, then each rule's params through its kind's schema (quantities like "800万"
 * become exact decimals here, once), then cross-checks (settings declared, grades and roles known, ids unique).
 * The result is immutable and shared by every evaluation.
 */
import type { Op } from "../compare";
import type { AnyKind } from "../kinds/types";
import { KINDS } from "../kinds/registry";
import { RulebookDoc, type Override, type RuleDoc } from "./schema";
import type { Book2 } from "../rulebook2/book";
import { compileRulebook2 } from "../rulebook2/compile";
import { RULEBOOK_FORMAT_2 } from "../rulebook2/schema";
import { wrapBook2 } from "../rulebook2/wrap";
import { checkSettingValue } from "../settings";

export interface CompiledRule<P = any> {
  id: string;
  doc: RuleDoc;
  kind: AnyKind;
  params: P;
  /** Rule ids this variant implements besides `id` (e.g. an override citing H003-SCORE-CM-STEPS). */
  cites: string[];
  variants: Array<{ when: Override["when"]; rule: CompiledRule<P> }>;
}

export interface CompiledRulebook {
  doc: RulebookDoc;
  rules: CompiledRule[];
  byId: Map<string, CompiledRule>;
  gradeIds: string[];
  roleIds: string[];
  /** A rulebook in format 2: its rules are read from here (rulebook2/), the fields above are its summary. */
  v2?: Book2;
}

export type CompileResult = { ok: true; book: CompiledRulebook } | { ok: false; problems: string[] };

/** Deeper than any real rulebook (the built-in ones nest 16 levels): refused before the schema recurses into it. */
export const MAX_DEPTH = 64;

/** Keys that name Object.prototype's machinery: data never needs them, and lookups by them would find it. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * What the schema cannot say well, found without recursion: nesting deep enough to exhaust the stack of a
 * recursive validator, JSON number literals beyond a double's range (1e400), which JSON.parse turns into
 * Infinity, and reserved keys ("__proto__" would become an object's prototype when the schema copies it).
 * Paths are written as the schema's problems are (`rules.3.params.base`).
 */
function shapeProblems(raw: unknown): string[] {
  const problems: string[] = [];
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: raw, path: [] }];
  while (stack.length > 0 && problems.length < 20) { // int: list length
    const { value, path } = stack.pop()!;
    const where = path.join(".") || "$";
    if (typeof value === "number" && !Number.isFinite(value)) {
      problems.push(`${where}: 数值超出范围,请写成文本 / number out of range (beyond ±1.8e308): write it as text`);
    } else if (value !== null && typeof value === "object") {
      if (path.length >= MAX_DEPTH) {
        problems.push(`${where}: 嵌套超过 ${MAX_DEPTH} 层 / nested more than ${MAX_DEPTH} levels deep`);
        continue;
      }
      const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
      for (const [k, v] of entries) {
        if (typeof k === "string" && RESERVED_KEYS.has(k)) {
          problems.push(`${[...path, k].join(".")}: 保留名称不能作为键 / "${k}" is a reserved name and cannot be a key`);
          continue;
        }
        stack.push({ value: v, path: [...path, k] });
      }
    }
  }
  return problems;
}

export function compileRulebook(raw: unknown): CompileResult {
  const shape = shapeProblems(raw);
  if (shape.length > 0) return { ok: false, problems: shape };
  if (raw !== null && typeof raw === "object" && (raw as { format?: unknown }).format === RULEBOOK_FORMAT_2) {
    const v2 = compileRulebook2(raw);
    return v2.ok ? { ok: true, book: wrapBook2(v2.book) } : v2;
  }
  const frame = RulebookDoc.safeParse(raw);
  if (!frame.success) {
    return { ok: false, problems: frame.error.issues.map((i) => `${i.path.join(".") || "$"}: ${i.message}`) };
  }
  // Settings by name without Object.prototype behind them: a rule naming the setting "toString" must find none.
  const doc: RulebookDoc = { ...frame.data, settings: Object.assign(Object.create(null) as RulebookDoc["settings"], frame.data.settings) };
  const problems: string[] = [];
  const rules: CompiledRule[] = [];
  const byId = new Map<string, CompiledRule>();
  doc.rules.forEach((ruleDoc, index) => {
    const path = `rules[${index}] ${ruleDoc.id}`;
    if (byId.has(ruleDoc.id)) problems.push(`${path}: duplicate rule id`);
    const compiled = compileRule(ruleDoc, ruleDoc.kind, ruleDoc.params, [], path, problems);
    if (!compiled) return;
    ruleDoc.overrides.forEach((ov, j) => {
      // Same kind: the override patches params. Another kind: the override's params stand alone.
      const params = ov.kind && ov.kind !== ruleDoc.kind ? ov.params : { ...ruleDoc.params, ...ov.params };
      const variant = compileRule(ruleDoc, ov.kind ?? ruleDoc.kind, params, ov.cites, `${path}.overrides[${j}]`, problems);
      if (variant) compiled.variants.push({ when: ov.when, rule: variant });
      for (const key of Object.keys(ov.when.settings ?? {})) {
        if (!doc.settings[key]) problems.push(`${path}.overrides[${j}]: setting ${key} is not declared`);
      }
    });
    rules.push(compiled);
    byId.set(ruleDoc.id, compiled);
    for (const key of ruleDoc.settings) if (!doc.settings[key]) problems.push(`${path}: setting ${key} is not declared`);
  });
  const gradeIds = doc.grades.map((g) => g.id);
  const roleIds = doc.roles.map((r) => r.id);
  for (const [key, def] of Object.entries(doc.settings)) {
    if (def.default !== undefined) {
      const p = checkSettingValue(def, def.default);
      if (p) problems.push(`settings.${key}.default: ${p}`);
    }
  }
  const book: CompiledRulebook = { doc, rules, byId, gradeIds, roleIds };
  for (const rule of rules) {
    const applies = rule.doc.appliesTo;
    for (const g of applies?.grades ?? []) if (!gradeIds.includes(g)) problems.push(`${rule.id}: unknown grade ${g}`);
    for (const r of applies?.roles ?? []) if (!roleIds.includes(r)) problems.push(`${rule.id}: unknown role ${r}`);
    for (const r of [rule, ...rule.variants.map((v) => v.rule)]) {
      if (r.kind.check) problems.push(...r.kind.check(r, book).map((p) => `${rule.id}: ${p}`));
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, book };
}

function compileRule(
  doc: RuleDoc,
  kindName: string,
  rawParams: unknown,
  cites: string[],
  path: string,
  problems: string[],
): CompiledRule | undefined {
  const kind = KINDS.get(kindName);
  if (!kind) {
    problems.push(`${path}: unknown rule kind "${kindName}"`);
    return undefined;
  }
  const parsed = kind.params.safeParse(rawParams);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${path}.params.${issue.path.join(".")}: ${issue.message}`);
    return undefined;
  }
  return { id: doc.id, doc, kind, params: parsed.data, cites, variants: [] };
}

export { appliesTo, variantFor } from "./variants";

export type { Op };
