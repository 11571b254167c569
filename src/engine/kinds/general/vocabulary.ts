/**
 * Vocabularies a rulebook fixes without numbers (G004-KPI-CATEGORIES, G004-ASSESSMENT-KINDS, G004-OUTCOMES): codes
 * used in results and explanations, each with its Chinese and English label. `extensible` lists may be extended
 * by a rulebook (H003 adds assetQuality, DEMOTE, DISMISS …). `vocabularyLabel` gives the label of a code.
 */
import { z } from "zod";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { ConventionKind } from "../types";

const Entry = z
  .object({
    code: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
    zh: z.string().min(1),
    en: z.string().min(1),
    /** What the entry is bound to or covers (e.g. an assessment kind's date or period). */
    note: z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict().optional(),
  })
  .strict();

const Params = z
  .object({
    /** What the codes name (指标类别 / indicator category …). */
    of: z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict(),
    entries: z.array(Entry).min(1),
    extensible: z.boolean(),
  })
  .strict();
type Params = z.infer<typeof Params>;

export const vocabulary: ConventionKind<Params> = {
  kind: "vocabulary",
  stage: "convention",
  params: Params,
  check(rule) {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const e of rule.params.entries) {
      if (seen.has(e.code)) problems.push(`duplicate code ${e.code}`);
      seen.add(e.code);
    }
    return problems;
  },
};

/** The zh/en label of a code in a rulebook's vocabulary rule, or undefined. */
export function vocabularyLabel(book: CompiledRulebook, ruleId: string, code: string): { zh: string; en: string } | undefined {
  const rule = book.byId.get(ruleId);
  if (!rule || rule.kind.kind !== "vocabulary") return undefined;
  const e = (rule.params as Params).entries.find((x) => x.code === code);
  return e ? { zh: e.zh, en: e.en } : undefined;
}
