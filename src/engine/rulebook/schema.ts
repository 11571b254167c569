/**
 * The rulebook document: a versioned JSON file that carries every number of a scheme. Code interprets rule kinds
 * (kinds/*), it never holds a bank's thresholds. This schema checks the document's frame; each kind checks its own
 * `params` (see compile.ts), so a rulebook imported by a user is validated in full before anything runs and can
 * never execute code: it is data read by fixed interpreters.
 */
import { z } from "zod";

export const RULEBOOK_FORMAT = "khjl-rulebook/1";

export const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type Bilingual = z.infer<typeof Bilingual>;

export const RULE_ID = /^[A-Z][0-9]{3}(-[A-Z0-9]+)+$/;

const Rounding = z
  .object({ decimals: z.number().int().min(0).max(10), mode: z.enum(["halfUp", "halfEven", "down"]) })
  .strict();

const Named = z.object({ id: z.string().min(1), zh: z.string().min(1), en: z.string().min(1) }).strict();

const JsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]),
);

export const SettingDef = z
  .object({
    /** The rule that names this setting in the rule file. */
    rule: z.string().regex(RULE_ID),
    type: z.enum(["enum", "boolean", "quantity", "integer", "list", "object", "date"]),
    /** Absent default = required: results that need it are reported unavailable, never guessed. */
    default: JsonValue.optional(),
    /** The allowed values of an `enum` setting; the first is not special, `default` is. */
    values: z.array(JsonValue).optional(),
    zh: z.string().min(1),
    en: z.string().min(1),
  })
  .strict();
export type SettingDef = z.infer<typeof SettingDef>;

const AppliesTo = z
  .object({ roles: z.array(z.string()).optional(), grades: z.array(z.string()).optional() })
  .strict();
export type AppliesTo = z.infer<typeof AppliesTo>;

export const Override = z
  .object({
    /** All of these must hold: settings equal to the given values, and the manager's role/grade in the lists. */
    when: z
      .object({
        settings: z.record(z.string(), JsonValue).optional(),
        roles: z.array(z.string()).optional(),
        grades: z.array(z.string()).optional(),
      })
      .strict(),
    /** Rule ids of the rule file that this variant implements (e.g. H003-SCORE-CM-STEPS). */
    cites: z.array(z.string().regex(RULE_ID)).default([]),
    kind: z.string().optional(),
    params: z.record(z.string(), JsonValue),
  })
  .strict();
export type Override = z.infer<typeof Override>;

export const RuleDoc = z
  .object({
    id: z.string().regex(RULE_ID),
    kind: z.string().min(1),
    /** Seed citations, `file:line`, e.g. `003_e1d2c136c4cf7124.txt:566`. */
    cite: z.array(z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt:\d+$/)).default([]),
    label: Bilingual.optional(),
    category: z.string().optional(),
    period: z.enum(["month", "quarter", "halfYear", "year", "event"]).optional(),
    appliesTo: AppliesTo.optional(),
    /** Setting keys the rule reads; each must be declared in the rulebook's `settings`. */
    settings: z.array(z.string()).default([]),
    /** Other rule ids this entry also implements (conventions it relies on). */
    implements: z.array(z.string().regex(RULE_ID)).default([]),
    params: z.record(z.string(), JsonValue).default({}),
    overrides: z.array(Override).default([]),
    note: Bilingual.optional(),
  })
  .strict();
export type RuleDoc = z.infer<typeof RuleDoc>;

export const RulebookDoc = z
  .object({
    format: z.literal(RULEBOOK_FORMAT),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    name: Bilingual,
    description: Bilingual.optional(),
    /** Seed files and rule files the rulebook was distilled from. */
    sources: z.array(z.string()).default([]),
    rounding: z.object({ money: Rounding, points: Rounding, ratePercent: Rounding }).strict(),
    roles: z.array(Named).min(1),
    /** Highest grade first: the order of promotion and demotion. */
    grades: z.array(Named).default([]),
    settings: z.record(z.string(), SettingDef).default({}),
    /**
     * Statuses the branch must act on (demotion, dismissal, a warning): the results sheet flags and highlights
     * those managers. Data, not code, because each scheme names its statuses differently.
     */
    attentionStatuses: z.array(z.string()).default([]),
    rules: z.array(RuleDoc).min(1),
  })
  .strict();
export type RulebookDoc = z.infer<typeof RulebookDoc>;
