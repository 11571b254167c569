/**
 * C000-FUT-LOTS: client lots in standard lots (沥青 15 t = 1 standard lot; 15 t, 50 t and 150 t contracts are
 * converted). Each contract size has a factor in standard lots per lot, from a setting; a factor may be a fraction
 * ("10/3" for 50 t), so standard lots are kept as an exact fraction and thresholds are compared without any
 * repeating decimal (6 × 50 t is exactly 20, never 19.999…).
 */
import { z } from "zod";
import { Dec } from "../../decimal";
import { isFieldName, type FieldName } from "../../fields";
import type { PeriodRecord, Reason } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import { parseQuantity } from "../../quantity";
import { Bilingual } from "../../rulebook/schema";
import type { Settings } from "../../settings";
import type { ToolKind } from "../types";
import { approx, checkSettingRefs } from "../general/common";
import { count } from "./common";
import { PairCache } from "../../memo";

/** num ÷ den, den > 0. */
export interface Fraction {
  num: Dec;
  den: Dec;
}

export function fractionOf(text: unknown): Fraction | string {
  if (typeof text === "number") text = String(text);
  if (typeof text !== "string") return `${JSON.stringify(text)} is not a number or fraction`;
  const parts = text.split("/");
  if (parts.length > 2) return `"${text}" is not a number or fraction`;
  try {
    const num = parseQuantity(parts[0]);
    const den = parts.length === 2 ? parseQuantity(parts[1]) : new Dec(1);
    if (!den.gt(0)) return `"${text}": the denominator must be above 0`;
    return { num, den };
  } catch (e) {
    return (e as Error).message;
  }
}

/** A fraction times a whole count. */
export function fractionTimesInt(f: Fraction, n: Dec): Fraction {
  return { num: f.num.times(n), den: f.den };
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  if (a.den.eq(b.den)) return { num: a.num.plus(b.num), den: a.den };
  return { num: a.num.times(b.den).plus(b.num.times(a.den)), den: a.den.times(b.den) };
}

/** "34", "13.33…" (exact when it terminates within 4 decimals). */
export function fractionText(f: Fraction): string {
  const q = f.num.div(f.den);
  // A quotient that terminates is exact; otherwise it is shown cut, with "…".
  return q.times(f.den).eq(f.num) ? approx(q, 4) : `${q.toDecimalPlaces(2, Dec.ROUND_DOWN).toFixed(2)}…`;
}

export const LotsParams = z
  .object({
    /** Tonnes of one standard lot, for the explanation (沥青15T为标准). */
    standardTonnes: z.string(),
    /** Contract size (tonnes) → the record field holding the month's lots of that size. */
    sizes: z.record(z.string().regex(/^\d+(\.\d+)?$/), z.string().refine(isFieldName, { message: "not a field of the data model" })),
    /** Size → standard lots per lot, e.g. {"50": "10/3"}, or a setting holding that table. */
    factors: z.union([z.object({ setting: z.string() }).strict(), z.record(z.string(), z.string())]),
    label: Bilingual,
  })
  .strict();
export type LotsParams = z.infer<typeof LotsParams>;

export interface Lots {
  tonnes: Dec;
  standard: Fraction;
  reasons: Reason[];
}

// The table depends only on the rule and the settings in force, and every month of every person asks for it.
const tables = new PairCache<Settings, LotsParams, Record<string, Fraction> | Unavailable>();

function factorTable(p: LotsParams, settings: Settings, rule: string): Record<string, Fraction> | Unavailable {
  return tables.get(settings, p, () => factorTableNow(p, settings, rule));
}

function factorTableNow(p: LotsParams, settings: Settings, rule: string): Record<string, Fraction> | Unavailable {
  const ref = typeof p.factors.setting === "string" && Object.keys(p.factors).length === 1 ? p.factors.setting : undefined;
  const raw = ref !== undefined ? settings.get(ref) : p.factors;
  const key = ref ?? "factors";
  if (raw === undefined) return unavailable("na", rule, `未设置 ${key}`, `${key} is not set`);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return unavailable("value", rule, `${key} 须为 {合约吨数: 折算系数}`, `${key} must map contract tonnes to factors`);
  const out: Record<string, Fraction> = {};
  for (const [size, v] of Object.entries(raw as Record<string, unknown>)) {
    const f = fractionOf(v);
    if (typeof f === "string") return unavailable("value", rule, `${key}.${size}:${f}`, `${key}.${size}: ${f}`);
    out[size] = f;
  }
  return out;
}

/** Standard lots of lots by contract size ({"150": 2, "50": 3}). */
export function standardLots(p: LotsParams, lots: Record<string, Dec>, settings: Settings, rule: string): Lots | Unavailable {
  const table = factorTable(p, settings, rule);
  if (isUnavailable(table)) return table;
  let tonnes = new Dec(0);
  let standard: Fraction = { num: new Dec(0), den: new Dec(1) };
  const parts: string[] = [];
  const partsEn: string[] = [];
  const sizes = Object.keys(lots).sort((a, b) => new Dec(b).cmp(new Dec(a)));
  for (const size of sizes) {
    const n = lots[size];
    if (n.isZero()) continue;
    const f = table[size];
    if (!f) return unavailable("value", rule, `没有 ${size} 吨合约的折算系数`, `no conversion factor for ${size} t contracts`);
    tonnes = tonnes.plus(n.times(size));
    standard = addFractions(standard, fractionTimesInt(f, n));
    const factor = f.den.eq(1) ? f.num.toFixed() : `${f.num.toFixed()}/${f.den.toFixed()}`;
    parts.push(`${size}吨 ${count(n)} 手 × ${factor}`);
    partsEn.push(`${count(n)} × ${size} t × ${factor}`);
  }
  const s = fractionText(standard);
  const list = parts.length > 0 ? { zh: parts.join(" + "), en: partsEn.join(" + ") } : { zh: "无交易", en: "no trades" };
  return {
    tonnes,
    standard,
    reasons: [
      reason(
        rule,
        `${p.label.zh}:${list.zh} = ${s} 标准手(合计 ${tonnes.toFixed()} 吨,${p.standardTonnes} 吨为 1 标准手)`,
        `${p.label.en}: ${list.en} = ${s} standard lots (${tonnes.toFixed()} t in all; ${p.standardTonnes} t per standard lot)`,
      ),
    ],
  };
}

/** The month's lots by size from a record; sizes left empty count as none, but some size must be given. */
export function recordLots(p: LotsParams, record: PeriodRecord | undefined, rule: string): Record<string, Dec> | Unavailable {
  const out: Record<string, Dec> = {};
  let any = false;
  for (const [size, field] of Object.entries(p.sizes)) {
    const v = record?.values[field as FieldName];
    if (v !== undefined) any = true;
    out[size] = v ?? new Dec(0);
  }
  if (!any) {
    const fields = Object.values(p.sizes).join("、");
    return unavailable("na", rule, `缺少交易手数(${fields})`, `missing lots traded (${Object.values(p.sizes).join(", ")})`);
  }
  return out;
}

const Input = z
  .object({
    lots: z.record(
      z.string().regex(/^\d+(\.\d+)?$/, { message: "lots keys are contract tonnes (15, 50, 150)" }),
      z.number({ error: "lots must be whole numbers" }).int({ error: "lots must be whole numbers" }).min(0, { error: "lots must not be negative" }),
    ),
  })
  .strict();
type Input = z.infer<typeof Input>;

export const coopStandardLots: ToolKind<LotsParams, Input> = {
  kind: "coopStandardLots",
  stage: "tool",
  params: LotsParams,
  input: Input,
  check: checkSettingRefs,
  run(rule, input, _book, settings) {
    const lots: Record<string, Dec> = {};
    for (const [k, v] of Object.entries(input.lots)) lots[k] = new Dec(v);
    const r = standardLots(rule.params, lots, settings, rule.id);
    if (isUnavailable(r)) return r;
    return {
      value: { tonnes: r.tonnes.toFixed(), standardLots: r.standard.num.div(r.standard.den).toDecimalPlaces(2).toFixed(2), exact: `${r.standard.num.toFixed()}/${r.standard.den.toFixed()}` },
      reasons: r.reasons,
    };
  },
};
