/**
 * Loading a rulebook: frame schema, then each rule's params through its kind's schema (quantities like "800万"
 * become exact decimals here, once), then cross-checks (settings declared, grades and roles known, ids unique).
 * The result is immutable and shared by every evaluation.
 */
import type { Op } from "../compare";
import type { AnyKind } from "../kinds/types";
import { KINDS } from "../kinds/registry";
import { RulebookDoc, type Override, type RuleDoc } from "./schema";
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
}

export type CompileResult = { ok: true; book: CompiledRulebook } | { ok: false; problems: string[] };

export function compileRulebook(raw: unknown): CompileResult {
  const frame = RulebookDoc.safeParse(raw);
  if (!frame.success) {
    return { ok: false, problems: frame.error.issues.map((i) => `${i.path.join(".") || "$"}: ${i.message}`) };
  }
  const doc = frame.data;
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
