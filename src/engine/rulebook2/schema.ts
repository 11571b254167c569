/**
 * Rulebook format 2 (`khjl-rulebook/2`): a bank's whole scheme as data. The document declares its vocabulary
 * (fields, roles, grades, statuses, flags, settings), its own functions, and rules written with a few general
 * constructs — a formula, a decision table, a ledger, a trigger, a status, a check, a tool — and names which rules
 * give the results (score, grade, pay, risk deposit, status). docs/rulebook-language.md explains each part with an
 * example; this file is the exact shape, validated before anything else is read.
 */
import { z } from "zod";

export const RULEBOOK_FORMAT_2 = "khjl-rulebook/2";

const Text = z.string().min(1);
export const Bilingual = z.object({ zh: Text, en: Text }).strict();
export type Bilingual = z.infer<typeof Bilingual>;

/**
 * An explanation in the rulebook's own words: Chinese and English text with {formula} placeholders, or a list of
 * such texts, each with an optional condition (`if`) and the rule id it cites; the first whose condition holds is
 * used.
 */
export const ExplainCase = z.object({ zh: z.string(), en: z.string(), if: z.string().min(1).optional(), id: z.string().regex(/^[^\s,;]+$/u).optional() }).strict();
/** `lines`: every case whose condition holds gives a line (a pay explained part by part), not only the first. */
export const Explain = z.union([ExplainCase, z.array(ExplainCase).min(1), z.object({ lines: z.array(ExplainCase).min(1) }).strict()]);
export type Explain = z.infer<typeof Explain>;

/** Ids of rules: any text without spaces (H003-SCORE-NPL, 佣金-1, SEC.PAY.2). */
export const RuleId = z.string().regex(/^[^\s,;]+$/u, "规则编号不能含空格、逗号或分号 / a rule id cannot contain spaces, commas or semicolons");
/** Names used in formulas: a letter or CJK character first, then letters, digits, _ and inner dots. */
export const FormulaName = z.string().regex(/^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}\p{N}_]+)*$/u, "名称须以字母或汉字开头,只含字母、汉字、数字、下划线和点 / a name starts with a letter or CJK character and has only letters, digits, _ and dots");
const Formula = z.string().min(1);

const Rounding = z.object({ decimals: z.number().int().min(0).max(10), mode: z.enum(["halfUp", "halfEven", "down"]) }).strict();
const HALF_UP_2 = { decimals: 2, mode: "halfUp" as const };

const Named = z.object({ id: z.string().min(1), zh: Text, en: Text }).strict();

export const UNITS = ["money", "usd", "rate", "count", "points", "days", "number"] as const;
export const FIELD_TYPES = [...UNITS, "date", "text", "flag"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** How the months of a longer period combine into it (a quarter's or year's figure). */
export const COMBINE = ["sum", "average", "last", "dayWeightedAverage", "none"] as const;
/** What a blank cell means: missing (the default: figures that need it are unavailable), zero, or the last value given. */
export const BLANK = ["missing", "zero", "carryForward"] as const;

export const FieldDecl = z
  .object({
    /** The name formulas use; defaults to the standard field's id when `use` is given. */
    id: FormulaName.optional(),
    /** A standard field this one takes its labels, unit and headers from (see docs/data-model.md). */
    use: z.string().optional(),
    /** Another name formulas may use, e.g. a Chinese name where the label is not a valid name ("脱岗次数(20分钟以上)"). */
    name: FormulaName.optional(),
    zh: Text.optional(),
    en: Text.optional(),
    unit: z.enum(FIELD_TYPES).optional(),
    /** Column headers a workbook may use for it (Chinese or English), besides the labels. */
    headers: z.array(Text).optional(),
    /** `period`: a value per month (or quarter, year); `manager`: one value per person (hire date, share capital). */
    per: z.enum(["period", "manager"]).optional(),
    combine: z.enum(COMBINE).optional(),
    blank: z.enum(BLANK).optional(),
    /** May be negative (growth, increases, a loss month's income). */
    signed: z.boolean().optional(),
    integer: z.boolean().optional(),
  })
  .strict();
export type FieldDecl = z.infer<typeof FieldDecl>;

const JsonValue: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]));

export const SETTING_TYPES = ["enum", "boolean", "number", "money", "rate", "count", "integer", "quantity", "date", "text", "list", "map", "table", "object"] as const;

export const SettingDecl = z
  .object({
    /** The rule this setting belongs to (its ambiguity or its missing number). */
    rule: RuleId,
    type: z.enum(SETTING_TYPES),
    /** Absent default = required: results that need it are reported unavailable, never guessed. */
    default: JsonValue.optional(),
    values: z.array(JsonValue).optional(),
    /** For map settings: the keys must be the rulebook's grades or roles. */
    keys: z.enum(["grades", "roles"]).optional(),
    /** For tables: each column's name and unit. */
    columns: z.array(z.object({ name: FormulaName, unit: z.enum(FIELD_TYPES) }).strict()).optional(),
    /** Unit of a number setting, or of a map's values. */
    unit: z.enum(FIELD_TYPES).optional(),
    zh: Text,
    en: Text,
  })
  .strict();
export type SettingDecl = z.infer<typeof SettingDecl>;

export const FunctionDecl = z
  .object({
    params: z.array(FormulaName).max(10),
    formula: Formula,
    zh: Text.optional(),
    en: Text.optional(),
  })
  .strict();

/** A table cell: a test on the column's input (">= 30%", "(0, 1%]", "senior", "-") or a literal. */
const Cell = z.union([z.string(), z.number(), z.boolean()]);

const Column = z.union([Formula, z.object({ formula: Formula, zh: Text.optional(), en: Text.optional() }).strict()]);

const OutputColumn = z.object({ name: FormulaName, unit: z.enum(FIELD_TYPES).optional(), type: z.enum(["grade", "role", "status", "text", "flag"]).optional() }).strict();

export const TableDecl = z
  .object({
    /** first: the first row that holds; unique: exactly one may hold; sum: add the outputs of every row that holds; highest: the highest output (grade) among the rows that hold. */
    hit: z.enum(["first", "unique", "sum", "highest"]).default("first"),
    inputs: z.array(Column).default([]),
    /** Output columns; a table with one output gives the rule's value. */
    outputs: z.array(OutputColumn).optional(),
    /** A row holds when at least this many of its conditions hold (B002's "meet 3 of 4"); all by default. */
    meet: z.union([z.number().int().min(1), Formula]).optional(),
    rows: z
      .array(
        z
          .object({
            id: RuleId.optional(),
            when: z.array(Cell).optional(),
            /** Instead of cells: one condition formula for the row. */
            if: Formula.optional(),
            then: z.union([Cell, z.array(Cell)]),
            explain: Explain.optional(),
          })
          .strict(),
      )
      .min(1),
    /** The output when no row holds (otherwise the figure is unavailable; a sum is 0). */
    otherwise: z.union([Cell, z.array(Cell)]).optional(),
  })
  .strict();
export type TableDecl = z.infer<typeof TableDecl>;

export const LedgerDecl = z
  .object({
    every: z.enum(["month", "quarter", "year"]).default("month"),
    /** A balance carried in from before the appraised period (when given, only the appraised period is run). */
    carriedIn: Formula.optional(),
    /** The balance the ledger starts from when nothing is carried in (0 by default). */
    opening: Formula.optional(),
    movements: z
      .array(
        z
          .object({
            name: FormulaName,
            direction: z.enum(["in", "out"]),
            formula: Formula,
            zh: Text.optional(),
            en: Text.optional(),
            /** The rule id this movement implements and its explanation lines cite (the ledger's own by default). */
            id: RuleId.optional(),
            cite: z.array(Text).default([]),
            /** A line per period, in the rulebook's words (期初余额 and the movements are names here). */
            explain: Explain.optional(),
          })
          .strict(),
      )
      .min(1),
    /** Bounds the balance must keep after each period's movements; breaking one is an error, never clipped silently. */
    cap: Formula.optional(),
    floor: Formula.optional(),
  })
  .strict();
export type LedgerDecl = z.infer<typeof LedgerDecl>;

const TriggerCase = z.object({ if: Formula, then: z.string().min(1), code: z.string().optional(), explain: Explain.optional() }).strict();
export const TriggerDecl = z.union([TriggerCase, z.object({ cases: z.array(TriggerCase).min(1) }).strict()]);
export type TriggerDecl = z.infer<typeof TriggerDecl>;

export const StatusDecl = z
  .object({
    /** Trigger rules combined (by id); all trigger rules of the rulebook by default. */
    from: z.array(RuleId).optional(),
    none: z.string().min(1),
    undetermined: z.string().min(1).default("undetermined"),
    /** Refinements of the strongest action that fired (结果): the first case that holds decides status and grade. */
    cases: z.array(z.object({ id: RuleId.optional(), if: Formula, status: z.string().min(1), grade: Formula.optional(), explain: Explain.optional() }).strict()).default([]),
    /** The explanation when nothing fired, and when nothing fired but something could not be judged. */
    explainNone: Explain.optional(),
    explainUndetermined: Explain.optional(),
  })
  .strict();
export type StatusDecl = z.infer<typeof StatusDecl>;

export const CheckDecl = z
  .object({
    if: Formula,
    severity: z.enum(["error", "warning", "info"]),
    /** A short code a program can read (creditLimit, clientBand); the validator's check list groups by it. */
    code: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, "代码只含字母和数字,以字母开头 / a code has only letters and digits, starting with a letter").optional(),
    /** The column whose cell the finding points at: a declared field, or role, grade, name, branch, id. */
    field: z.string().optional(),
    /** What the finding says, with {formula} placeholders like an explanation. */
    message: Explain,
    /**
     * What is checked: every period record (default), every client row (客户) of it, each person once, or each
     * branch (机构) of the roster once, with its staff as the list 职工 (id, role).
     */
    forEach: z.enum(["records", "clients", "manager", "branches"]).optional(),
  })
  .strict();

const InputDecl = z.lazy(() =>
  z
    .object({
      unit: z.enum(FIELD_TYPES).optional(),
      type: z.enum(["grade", "role", "text", "date", "flag"]).optional(),
      optional: z.boolean().optional(),
      /** May be negative (money and counts are not, unless said). */
      signed: z.boolean().optional(),
      /** A list of rows: its columns. */
      list: z.record(z.string(), z.object({ unit: z.enum(FIELD_TYPES).optional(), type: z.enum(["grade", "role", "text", "date", "flag"]).optional(), optional: z.boolean().optional(), signed: z.boolean().optional() }).strict()).optional(),
      zh: Text.optional(),
      en: Text.optional(),
    })
    .strict(),
);

type ToolStep = {
  name: string;
  formula?: string;
  table?: TableDecl;
  forEach?: string;
  where?: string;
  when?: string;
  results?: ToolStep[];
  unit?: string;
  explain?: Explain;
};
const ToolStep: z.ZodType<ToolStep> = z.lazy(() =>
  z
    .object({
      name: FormulaName,
      formula: Formula.optional(),
      table: TableDecl.optional(),
      /** Computed for each row of a list input; `where` keeps only the rows it holds for. */
      forEach: z.string().optional(),
      where: Formula.optional(),
      results: z.array(ToolStep).optional(),
      unit: z.enum(FIELD_TYPES).optional(),
      /** Computed only when this holds (an optional input was given); otherwise left out of the answer. */
      when: Formula.optional(),
      /** A line of the answer's explanation, in the rulebook's words. */
      explain: Explain.optional(),
    })
    .strict(),
) as z.ZodType<ToolStep>;

export const ToolDecl = z.object({ inputs: z.record(FormulaName, InputDecl), results: z.array(ToolStep).min(1) }).strict();
export type ToolDecl = z.infer<typeof ToolDecl>;

export const RuleDecl = z
  .object({
    id: RuleId,
    name: FormulaName.optional(),
    label: Bilingual.optional(),
    /** Where the rule comes from in the bank's own document: free text, a page, a URL. */
    cite: z.array(Text).default([]),
    /** Other rule ids this entry also implements. */
    implements: z.array(RuleId).default([]),
    appliesTo: z.object({ roles: z.array(z.string()).optional(), grades: z.array(z.string()).optional() }).strict().optional(),
    /** A condition on when the rule is judged at all (e.g. only in annual appraisals). */
    when: Formula.optional(),
    /** The period the figure is meant for: computed for a shorter one it is marked provisional. */
    period: z.enum(["month", "quarter", "halfYear", "year"]).optional(),
    /** A trigger judged in each month (quarter) of a longer appraised period: it fires if it fired in any. */
    every: z.enum(["month", "quarter", "year"]).optional(),
    /** The rule's figure is judged at the period holding this date (e.g. an evaluation date set by the bank). */
    judgedAt: Formula.optional(),
    unit: z.enum(FIELD_TYPES).optional(),
    type: z.enum(["grade", "role", "status", "text", "flag"]).optional(),
    /** What a missing value (or a missing period in a window) means for this rule. */
    missing: z.union([z.enum(["undetermined", "notMet", "error"]), Formula]).optional(),
    /** The rule's own line in explanations; false: none (a figure explained where it is used). */
    explain: z.union([Explain, z.literal(false)]).optional(),
    note: Bilingual.optional(),
    formula: Formula.optional(),
    table: TableDecl.optional(),
    ledger: LedgerDecl.optional(),
    trigger: TriggerDecl.optional(),
    status: StatusDecl.optional(),
    check: z.union([CheckDecl, z.array(CheckDecl).min(1)]).optional(),
    tool: ToolDecl.optional(),
    /** Recorded but not computable from workbook data (an exam, a meeting): why. */
    record: Bilingual.optional(),
  })
  .strict();
export type RuleDecl = z.infer<typeof RuleDecl>;

export const CONSTRUCTS = ["formula", "table", "ledger", "trigger", "status", "check", "tool", "record"] as const;
export type Construct = (typeof CONSTRUCTS)[number];

export const OutputsDecl = z
  .object({
    score: z.string().optional(),
    scoreItems: z.array(z.string()).optional(),
    grade: z.string().optional(),
    pay: z.string().optional(),
    riskDeposit: z.object({ ledger: z.string(), withheld: z.array(z.string()).default([]), refunded: z.array(z.string()).default([]) }).strict().optional(),
    status: z.string().optional(),
    /** Further figures every result carries by name (net pay, a fee apart from commission). */
    values: z.array(z.string()).default([]),
  })
  .strict();

export const RulebookDoc2 = z
  .object({
    format: z.literal(RULEBOOK_FORMAT_2),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "规则集编号只含小写字母、数字和连字符 / a rulebook id has only lower-case letters, digits and hyphens"),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, "版本号如 1.0.0 / a version looks like 1.0.0"),
    name: Bilingual,
    description: Bilingual.optional(),
    sources: z.array(Text).default([]),
    /** Where outputs are rounded: to the fen, half up, unless the scheme says otherwise (each part may be left out). */
    rounding: z
      .object({ money: Rounding.default(HALF_UP_2), points: Rounding.default(HALF_UP_2), ratePercent: Rounding.default(HALF_UP_2) })
      .strict()
      .default({ money: HALF_UP_2, points: HALF_UP_2, ratePercent: HALF_UP_2 }),
    fields: z.array(z.union([z.string(), FieldDecl])).default([]),
    /** Roles; `graded`: whether a person of the role holds a grade (a CM does, an agent does not). */
    roles: z.array(Named.extend({ graded: z.boolean().optional() }).strict()).min(1),
    grades: z.array(Named).default([]),
    statuses: z.array(Named.extend({ attention: z.boolean().optional() }).strict()).default([]),
    /** Events a period record may flag: a standard flag by id, or one of the rulebook's own. */
    flags: z.array(z.union([z.string(), Named])).default([]),
    settings: z.record(z.string(), SettingDecl).default({}),
    /** The task items (任务项目) the rulebook's 任务 lists hold: ids with the names a workbook's 项目 cells may use. */
    taskItems: z.array(Named).default([]),
    functions: z.record(FormulaName, FunctionDecl).default({}),
    rules: z.array(RuleDecl).min(1),
    outputs: OutputsDecl.default({ values: [] }),
  })
  .strict();
export type RulebookDoc2 = z.infer<typeof RulebookDoc2>;
