/**
 * Indicators: what a rule measures, declared in rulebook data. A plain field, or a value derived from fields
 * (growth over a base, a difference, a ratio, the lower of two), or a choice made by a setting
 * (`h003.collection.source`). Computed rates stay exact unless the rulebook's rate-precision convention says to
 * round them first (H003-CONV-RATE-PRECISION).
 */
import { z } from "zod";
import { Dec } from "./decimal";
import { FIELDS, isFieldName, type FieldName, type FieldUnit } from "./fields";
import type { PeriodRecord } from "./model";
import { unavailable, type Unavailable, isUnavailable } from "./outcome";
import type { CompiledRulebook } from "./rulebook/compile";
import { firstRuleOfKind } from "./rulebook/lookups";
import { Bilingual } from "./rulebook/schema";
import { roundTo, type RoundingSpec } from "./rounding";
import type { Settings } from "./settings";

const FieldRef = z.string().refine(isFieldName, { message: "not a field of the data model" }) as unknown as z.ZodType<FieldName>;

export type IndicatorSpec =
  | { field: FieldName; label?: Bilingual }
  | { growth: FieldName; base: FieldName; label?: Bilingual }
  | { difference: [FieldName, FieldName]; label?: Bilingual }
  | { ratio: [FieldName, FieldName]; label?: Bilingual }
  | { minOf: IndicatorSpec[]; label?: Bilingual }
  | { firstOf: IndicatorSpec[]; label?: Bilingual }
  | { bySetting: string; cases: Record<string, IndicatorSpec>; label?: Bilingual };

export const IndicatorSchema: z.ZodType<IndicatorSpec> = z.lazy(() =>
  z.union([
    z.object({ field: FieldRef, label: Bilingual.optional() }).strict(),
    z.object({ growth: FieldRef, base: FieldRef, label: Bilingual.optional() }).strict(),
    z.object({ difference: z.tuple([FieldRef, FieldRef]), label: Bilingual.optional() }).strict(),
    z.object({ ratio: z.tuple([FieldRef, FieldRef]), label: Bilingual.optional() }).strict(),
    z.object({ minOf: z.array(IndicatorSchema).min(1), label: Bilingual.optional() }).strict(),
    z.object({ firstOf: z.array(IndicatorSchema).min(1), label: Bilingual.optional() }).strict(),
    z.object({ bySetting: z.string(), cases: z.record(z.string(), IndicatorSchema), label: Bilingual.optional() }).strict(),
  ]),
) as z.ZodType<IndicatorSpec>;

export interface IndicatorValue {
  value: Dec;
  unit: FieldUnit;
  label: Bilingual;
}

// Rule specs are compiled once and never change, so each one's label is worked out once (every evaluation asks).
const labels = new WeakMap<IndicatorSpec, Bilingual>();

export function indicatorLabel(spec: IndicatorSpec): Bilingual {
  if (spec.label) return spec.label;
  let label = labels.get(spec);
  if (!label) {
    label = labelOf(spec);
    labels.set(spec, label);
  }
  return label;
}

function labelOf(spec: IndicatorSpec): Bilingual {
  if ("field" in spec) return { zh: FIELDS[spec.field].zh, en: FIELDS[spec.field].en };
  if ("growth" in spec) return { zh: `${FIELDS[spec.growth].zh}增长率`, en: `growth of ${FIELDS[spec.growth].en}` };
  if ("difference" in spec) return { zh: `${FIELDS[spec.difference[0]].zh}增加额`, en: `increase in ${FIELDS[spec.difference[0]].en}` };
  if ("ratio" in spec) return { zh: `${FIELDS[spec.ratio[0]].zh}占比`, en: `${FIELDS[spec.ratio[0]].en} ratio` };
  if ("minOf" in spec) return { zh: spec.minOf.map((s) => indicatorLabel(s).zh).join("、") + "孰低", en: `lower of ${spec.minOf.map((s) => indicatorLabel(s).en).join(" and ")}` };
  if ("firstOf" in spec) return indicatorLabel(spec.firstOf[0]);
  return indicatorLabel(Object.values(spec.cases)[0]);
}

/** Rounding applied to rates before thresholds, if the rulebook's ratePrecision convention asks for it. */
function ratePrecision(book: CompiledRulebook, settings: Settings): RoundingSpec | undefined {
  const convention = firstRuleOfKind(book, "ratePrecision");
  if (!convention) return undefined;
  const p = convention.params as { setting: string; modes: Record<string, RoundingSpec | null> };
  return p.modes[String(settings.get(p.setting))] ?? undefined;
}

export function evaluateIndicator(
  spec: IndicatorSpec,
  record: PeriodRecord | undefined,
  book: CompiledRulebook,
  settings: Settings,
  rule: string,
): IndicatorValue | Unavailable {
  const raw = evaluateRaw(spec, record, settings, rule);
  if (isUnavailable(raw)) return raw;
  if (raw.unit === "rate") {
    const precision = ratePrecision(book, settings);
    if (precision) return { ...raw, value: roundTo(raw.value, precision) };
  }
  return raw;
}

function field(record: PeriodRecord | undefined, name: FieldName, rule: string): Dec | Unavailable {
  const v = record?.values[name];
  if (v === undefined) {
    const f = FIELDS[name];
    return unavailable("na", rule, `缺少${f.zh}(${name})`, `missing ${f.en} (${name})`);
  }
  return v;
}

function evaluateRaw(spec: IndicatorSpec, record: PeriodRecord | undefined, settings: Settings, rule: string): IndicatorValue | Unavailable {
  const label = indicatorLabel(spec);
  if ("field" in spec) {
    const v = field(record, spec.field, rule);
    return isUnavailable(v) ? v : { value: v, unit: FIELDS[spec.field].unit, label };
  }
  if ("growth" in spec) {
    const x = field(record, spec.growth, rule);
    if (isUnavailable(x)) return x;
    const base = field(record, spec.base, rule);
    if (isUnavailable(base)) return base;
    if (base.lte(0)) {
      const f = FIELDS[spec.base];
      return unavailable("value", rule, `${f.zh}必须大于 0`, `${f.en} must be > 0`);
    }
    return { value: x.minus(base).div(base), unit: "rate", label };
  }
  if ("difference" in spec) {
    const a = field(record, spec.difference[0], rule);
    if (isUnavailable(a)) return a;
    const b = field(record, spec.difference[1], rule);
    if (isUnavailable(b)) return b;
    return { value: a.minus(b), unit: FIELDS[spec.difference[0]].unit, label };
  }
  if ("ratio" in spec) {
    const a = field(record, spec.ratio[0], rule);
    if (isUnavailable(a)) return a;
    const b = field(record, spec.ratio[1], rule);
    if (isUnavailable(b)) return b;
    if (b.isZero()) {
      const f = FIELDS[spec.ratio[1]];
      return unavailable("value", rule, `${f.zh}为 0`, `${f.en} is 0`);
    }
    return { value: a.div(b), unit: "rate", label };
  }
  if ("minOf" in spec) {
    let best: IndicatorValue | undefined;
    for (const s of spec.minOf) {
      const v = evaluateRaw(s, record, settings, rule);
      if (isUnavailable(v)) return v;
      if (!best || v.value.lt(best.value)) best = v;
    }
    return { ...(best as IndicatorValue), label };
  }
  if ("firstOf" in spec) {
    // None available: an alternative whose inputs exist but are invalid ("base must be > 0") says more than the
    // first alternative's "missing".
    let first: Unavailable | undefined;
    let invalid: Unavailable | undefined;
    for (const s of spec.firstOf) {
      const v = evaluateRaw(s, record, settings, rule);
      if (!isUnavailable(v)) return spec.label ? { ...v, label: spec.label } : v;
      first ??= v;
      if (v.code === "value") invalid ??= v;
    }
    return (invalid ?? first) as Unavailable;
  }
  const chosen = spec.cases[String(settings.get(spec.bySetting))];
  if (!chosen) throw new Error(`indicator has no case for ${spec.bySetting}=${String(settings.get(spec.bySetting))}`);
  // The chosen case keeps its own label: "收贷率、收息率孰低" says more than the item's name.
  return evaluateRaw(chosen, record, settings, rule);
}

export { Dec };
