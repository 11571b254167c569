/**
 * Which variant of a rule is in force for a manager, and whether a rule applies at all. Kept apart from
 * compile.ts so that rule kinds can use it without importing the kind registry (which imports the kinds).
 */
import type { CompiledRule } from "./compile";

/** The variant of a rule in force for these settings and this manager (the first override whose `when` holds). */
export function variantFor<P>(
  rule: CompiledRule<P>,
  settingValue: (key: string) => unknown,
  role: string,
  grade: string | undefined,
): CompiledRule<P> {
  for (const v of rule.variants) {
    const w = v.when;
    if (w.roles && !w.roles.includes(role)) continue;
    if (w.grades && (grade === undefined || !w.grades.includes(grade))) continue;
    if (w.settings && !Object.entries(w.settings).every(([k, val]) => settingValue(k) === val)) continue;
    return v.rule;
  }
  return rule;
}

export function appliesTo(rule: CompiledRule, role: string, grade: string | undefined): boolean {
  const a = rule.doc.appliesTo;
  if (!a) return true;
  if (a.roles && !a.roles.includes(role)) return false;
  if (a.grades && (grade === undefined || !a.grades.includes(grade))) return false;
  return true;
}
