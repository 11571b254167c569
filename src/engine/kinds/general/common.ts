/**
 * Shared pieces of the general tool kinds (seeds 001 and 004): parameters that are either a literal or a rulebook
 * setting, decimal and date inputs from cells or JSON, and percentages reported once with the rulebook's rounding
 * (G001-RATE-ROUNDING).
 */
import { z } from "zod";
import { Dec } from "../../decimal";
import { readDecimal } from "../../input";
import { unavailable, type Unavailable } from "../../outcome";
import { isIsoDate, periodKind } from "../../periods";
import { parseQuantity } from "../../quantity";
import { groupThousands } from "../../format";
import type { CompiledRule, CompiledRulebook } from "../../rulebook/compile";
import type { RoundingSpec } from "../../rounding";
import type { Settings } from "../../settings";

/** `{ "setting": "g001.rate.rounding" }`: the value in force comes from the rulebook's settings. */
export interface SettingRef {
  setting: string;
}
const SettingRefSchema = z.object({ setting: z.string().min(1) }).strict();

/** A parameter written either as a literal in rulebook data or as a reference to a declared setting. */
export function orSetting<T extends z.ZodTypeAny>(schema: T) {
  return z.union([schema, SettingRefSchema]);
}

function isSettingRef(v: unknown): v is SettingRef {
  return typeof v === "object" && v !== null && !(v instanceof Dec) && typeof (v as SettingRef).setting === "string";
}

/**
 * The value of a literal-or-setting parameter. A required setting nobody set, or a value the kind cannot use,
 * is reported (never replaced by a guess).
 */
export function resolveParam<T>(value: T | SettingRef, schema: z.ZodType<T>, settings: Settings, rule: string): T | Unavailable {
  if (!isSettingRef(value)) return value;
  const key = value.setting;
  const raw = settings.get(key);
  if (raw === undefined) {
    return unavailable("na", rule, `设置 ${key} 未配置(规则集没有默认值)`, `setting ${key} is not set (the rulebook gives no default)`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const msg = parsed.error.issues[0]?.message ?? "invalid";
    return unavailable("value", rule, `设置 ${key} 的值 ${JSON.stringify(raw)} 无效:${msg}`, `setting ${key} = ${JSON.stringify(raw)} is invalid: ${msg}`);
  }
  return parsed.data;
}

/** Every `{setting}` reference inside a rule's params, so `check` can insist each one is declared and listed. */
export function settingRefs(params: unknown): string[] {
  if (isSettingRef(params)) return [params.setting];
  if (Array.isArray(params)) return params.flatMap(settingRefs);
  if (typeof params === "object" && params !== null && !(params instanceof Dec)) return Object.values(params).flatMap(settingRefs);
  return [];
}

/** The common `check` of the general kinds: referenced settings are declared and named in the rule's `settings`. */
export function checkSettingRefs(rule: CompiledRule, book: CompiledRulebook): string[] {
  const problems: string[] = [];
  for (const key of settingRefs(rule.params)) {
    if (!book.doc.settings[key]) problems.push(`setting ${key} is not declared`);
    else if (!rule.doc.settings.includes(key)) problems.push(`setting ${key} is read but not listed in "settings"`);
  }
  return problems;
}

/**
 * A decimal from a cell or JSON: a Dec, a JSON number (through its shortest text, so 0.998 stays 0.998), a decimal
 * string, or a quantity as the seeds write it ("800万", "93.64%").
 */
export const DecInput = z
  .union([z.custom<Dec>((v) => v instanceof Dec, { message: "not a decimal" }), z.string(), z.number()])
  .transform((v, ctx) => {
    if (v instanceof Dec) return v;
    const d = readDecimal(v);
    if (typeof d !== "string") return d;
    if (typeof v === "string") {
      try {
        return parseQuantity(v);
      } catch {
        // fall through to the reader's message, which names the bad text
      }
    }
    ctx.addIssue({ code: "custom", message: d });
    return z.NEVER;
  });

export const IsoDate = z.string().refine(isIsoDate, { message: "not a date (YYYY-MM-DD)" });
export const MonthPeriod = z.string().refine((p) => periodKind(p) === "month", { message: "not a month (YYYY-MM)" });
export const AnyPeriod = z.string().refine((p) => periodKind(p) !== undefined, { message: "not a period (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY)" });

export const RoundingMode = z.enum(["halfUp", "halfEven", "down"]);
export const Decimals = z.number().int().min(0).max(10);

/** How a kind reports percentages: the rulebook's `rounding.ratePercent` unless params name settings. */
export const PercentParams = z.object({ decimals: orSetting(Decimals), mode: orSetting(RoundingMode) }).strict();
export type PercentParams = z.infer<typeof PercentParams>;

export function percentSpec(p: PercentParams | undefined, book: CompiledRulebook, settings: Settings, rule: string): RoundingSpec | Unavailable {
  if (!p) return book.doc.rounding.ratePercent;
  const decimals = resolveParam(p.decimals, Decimals, settings, rule);
  if (typeof decimals !== "number") return decimals;
  const mode = resolveParam(p.mode, RoundingMode, settings, rule);
  if (typeof mode !== "string") return mode;
  return { decimals, mode };
}

/** A rate as the engine keeps it (exact fraction) and as it is reported (rounded once, at output). */
export interface PercentValue {
  /** Exact fraction: 1.0249809917… */
  exact: Dec;
  /** The fraction after rounding the percent: 1.0250. */
  reported: Dec;
  /** "102.50%". */
  text: string;
}

const MODES = { halfUp: Dec.ROUND_HALF_UP, halfEven: Dec.ROUND_HALF_EVEN, down: Dec.ROUND_DOWN } as const;

/** Rounds the percent (fraction × 100) to `spec.decimals`: 12 402.27 / 12 100 → 102.50 %. */
export function percentValue(fraction: Dec, spec: RoundingSpec): PercentValue {
  const rounded = fraction.times(100).toDecimalPlaces(spec.decimals, MODES[spec.mode]);
  const pct = rounded.isZero() ? rounded.abs() : rounded; // never "-0.00%"
  return { exact: fraction, reported: pct.div(100), text: `${pct.toFixed(spec.decimals)}%` };
}

/** Percentage points (a difference of two fractions) with the same decimals: 0.0577 → "+5.77". */
export function ppText(change: Dec, spec: RoundingSpec): string {
  const pp = change.times(100).toDecimalPlaces(spec.decimals, MODES[spec.mode]);
  // A change that rounds to zero is shown as 0.00, never "-0.00" or "+0.00".
  if (pp.isZero()) return pp.abs().toFixed(spec.decimals);
  return `${pp.isNegative() ? "" : "+"}${pp.toFixed(spec.decimals)}`;
}

export const WEEKDAY_ZH = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
export const WEEKDAY_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** An exact value for an explanation, cut after `places` decimals with "…" when longer: 102.498099…. */
export function approx(value: Dec, places = 6): string {
  if (value.decimalPlaces() <= places) return value.toFixed();
  return `${value.toDecimalPlaces(places, Dec.ROUND_DOWN).toFixed(places)}…`;
}

/** An amount of any unit for an explanation: thousands grouped, exact up to 4 decimals: 10,000,000 / 416.6666…. */
export function num(value: Dec): string {
  return groupThousands(approx(value, 4));
}
