/**
 * Convention kinds of seed 002's client counting, read by the grade ladder and the floor:
 * - `agreementNetting` (B002-AGREEMENT-DEPOSITS): which measures are net of 协议存款, a list setting naming uses
 *   (indicatorA, indicatorD, floor, clientSize);
 * - `newDepositsMeasure` (B002-NEW-DEPOSITS): this year's minus last year's daily average per client, net or only
 *   the rises;
 * - `clientCutoff` (B002-CLIENT-EXCLUSION): the per-grade client-size cut-off, its boundary (a client of exactly the
 *   cut-off counts, or not) and its scope (all indicators, or the deposit items only).
 */
import { z } from "zod";
import { Quantity } from "../../compare";
import { isFieldName, type FieldName } from "../../fields";
import { unavailable, type Unavailable } from "../../outcome";
import type { Settings } from "../../settings";
import type { ConventionKind } from "../types";
import { checkChoice, ChoiceSchema } from "../tools/settingChoice";

const FieldRef = z.string().refine(isFieldName, { message: "not a field of the data model" }) as unknown as z.ZodType<FieldName>;

const AgreementParams = z
  .object({
    /** The per-client part of deposits that is 协议存款. */
    field: FieldRef,
    /** A list setting naming the uses that are net of it. */
    setting: z.string(),
    /** Every use a measure may name; a setting value outside this list is an error. */
    uses: z.array(z.string()).min(1),
  })
  .strict();
export type AgreementParams = z.infer<typeof AgreementParams>;

export const agreementNetting: ConventionKind<AgreementParams> = {
  kind: "agreementNetting",
  stage: "convention",
  params: AgreementParams,
  check(rule, book) {
    const def = book.doc.settings[rule.params.setting];
    if (!def) return [`setting ${rule.params.setting} is not declared`];
    if (def.type !== "list") return [`setting ${rule.params.setting} must be a list`];
    const bad = ((def.default as unknown[]) ?? []).filter((u) => !rule.params.uses.includes(String(u)));
    return bad.length > 0 ? [`setting ${rule.params.setting} default names unknown uses ${bad.join(", ")}`] : [];
  },
};

/** The uses that are net of agreement deposits under the settings in force. */
export function nettedUses(p: AgreementParams, settings: Settings, rule: string): Set<string> | Unavailable {
  const list = settings.get<unknown[]>(p.setting) ?? [];
  const bad = list.filter((u) => typeof u !== "string" || !p.uses.includes(u));
  if (bad.length > 0) {
    return unavailable("value", rule, `设置 ${p.setting} 含未知口径 ${bad.map(String).join("、")}(可用:${p.uses.join("、")})`, `setting ${p.setting} names unknown uses ${bad.map(String).join(", ")} (known: ${p.uses.join(", ")})`);
  }
  return new Set(list as string[]);
}

const NewDepositsParams = z
  .object({
    /** Per client: last year's daily average (a client without it is new this year, 0). */
    prevField: FieldRef,
    /** Per manager: a new-deposit figure used as is when no client carries last year's figure. */
    managerField: FieldRef,
    netting: ChoiceSchema(["net", "positiveOnly"] as const),
  })
  .strict();
export type NewDepositsParams = z.infer<typeof NewDepositsParams>;

export const newDepositsMeasure: ConventionKind<NewDepositsParams> = {
  kind: "newDepositsMeasure",
  stage: "convention",
  params: NewDepositsParams,
  check: (rule, book) => checkChoice(rule.params.netting, book),
};

const CutoffParams = z
  .object({
    /** Client size: a field, net of agreement deposits when the named use is netted. */
    size: z.object({ field: FieldRef, agreementUse: z.string().optional() }).strict(),
    /** Per grade: clients below this size are not counted for that grade. */
    cutoffs: z.record(z.string(), Quantity),
    /** A client is counted iff size ≥ cut-off (only those below are dropped) or size > cut-off. */
    countedIf: ChoiceSchema(["ge", "gt"] as const),
    /** The cut-off filters every item, or only items of the deposit family. */
    scope: ChoiceSchema(["allIndicators", "depositIndicatorsOnly"] as const),
  })
  .strict();
export type CutoffParams = z.infer<typeof CutoffParams>;

export const clientCutoff: ConventionKind<CutoffParams> = {
  kind: "clientCutoff",
  stage: "convention",
  params: CutoffParams,
  check(rule, book) {
    const p = rule.params;
    const problems = [...checkChoice(p.countedIf, book), ...checkChoice(p.scope, book)];
    for (const g of Object.keys(p.cutoffs)) if (!book.gradeIds.includes(g)) problems.push(`unknown grade ${g}`);
    return problems;
  },
};
