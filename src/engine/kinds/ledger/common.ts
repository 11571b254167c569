/**
 * Parameters that are either a literal in rulebook data or the key of a rulebook setting, and role names for
 * explanations. Once the ledger and pay kinds' helpers; the B002 tenure kinds read them now.
 */
import { z } from "zod";
import { Quantity } from "../../compare";
import type { Dec } from "../../decimal";
import { parseQuantity } from "../../quantity";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";

/** `{"setting": "h003.riskDeposit.rate"}`: the value comes from a rulebook setting. */
export const SettingRef = z.object({ setting: z.string().min(1) }).strict();
export type SettingRef = z.infer<typeof SettingRef>;

/** A quantity written in the rule ("20%") or read from a setting. */
export const QuantityOrSetting = z.union([SettingRef, Quantity]);
export type QuantityOrSetting = z.infer<typeof QuantityOrSetting>;

export function isSettingRef(x: unknown): x is SettingRef {
  return typeof x === "object" && x !== null && typeof (x as SettingRef).setting === "string";
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; missing?: string; bad?: string };

/**
 * The quantity in force: the literal, or the setting's value parsed exactly ("20%" → 0.2). A required setting
 * nobody set is reported as missing, never replaced by 0.
 */
export function resolveQuantity(p: QuantityOrSetting, settings: Settings): Resolved<Dec> {
  if (!isSettingRef(p)) return { ok: true, value: p };
  const raw = settings.get(p.setting);
  if (raw === undefined) return { ok: false, missing: p.setting };
  try {
    return { ok: true, value: parseQuantity(raw as string | number) };
  } catch (e) {
    return { ok: false, bad: `${p.setting}: ${(e as Error).message}` };
  }
}

/** A table of quantities by key (caps by grade), written in the rule or read from an object setting. */
export const QuantityTableOrSetting = z.union([SettingRef, z.record(z.string(), Quantity)]);
export type QuantityTableOrSetting = z.infer<typeof QuantityTableOrSetting>;

export function resolveQuantityTable(p: QuantityTableOrSetting, settings: Settings): Resolved<Record<string, Dec>> {
  if (!isSettingRef(p)) return { ok: true, value: p as Record<string, Dec> };
  const raw = settings.get(p.setting);
  if (raw === undefined) return { ok: false, missing: p.setting };
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, bad: `${p.setting}: not an object` };
  const out: Record<string, Dec> = {};
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    try {
      out[key] = parseQuantity(v as string | number);
    } catch (e) {
      return { ok: false, bad: `${p.setting}.${key}: ${(e as Error).message}` };
    }
  }
  return { ok: true, value: out };
}

/** A whole number (months) fixed in the rule or read from an integer setting. */
export const IntegerOrSetting = z.union([SettingRef, z.number().int().min(0)]);
export type IntegerOrSetting = z.infer<typeof IntegerOrSetting>;

const MAX_COUNT = 10000;

export function resolveInteger(p: IntegerOrSetting, settings: Settings): Resolved<number> {
  if (!isSettingRef(p)) return { ok: true, value: p };
  const v = settings.get(p.setting);
  if (v === undefined) return { ok: false, missing: p.setting };
  // Month and day counts feed calendar arithmetic, which covers the years 0001–9999: 10 000 is far beyond any rule.
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0 || v > MAX_COUNT) return { ok: false, bad: `${p.setting}: ${JSON.stringify(v)} is not a whole number from 0 to ${MAX_COUNT}` };
  return { ok: true, value: v };
}

export function roleName(book: CompiledRulebook, role: string | undefined): { zh: string; en: string } {
  const r = book.doc.roles.find((x) => x.id === role);
  return r ? { zh: r.zh, en: r.en } : { zh: role ?? "(无岗位)", en: role ?? "(no role)" };
}
