/**
 * Rulebook settings: every ambiguity the rule files name is a setting with a default (the recommended reading).
 * Users override them per run (`--set key=value`, JSON `settings`, or the taskpane); values are checked against
 * the rulebook's declaration so a typo is an error, not a silent fallback to the default.
 */
import { parseQuantity } from "./quantity";
import type { RulebookDoc, SettingDef } from "./rulebook/schema";
import { isIsoDate } from "./periods";
import { RULEBOOK_FORMAT_2, type SettingDecl } from "./rulebook2/schema";
import { checkSetting2 } from "./rulebook2/settings";

export class Settings {
  private constructor(
    private readonly defs: Record<string, SettingDef>,
    private readonly values: Map<string, unknown>,
  ) {}

  static resolve(doc: RulebookDoc, overrides: Record<string, unknown> = {}): { settings: Settings; problems: string[] } {
    const values = new Map<string, unknown>();
    const problems: string[] = [];
    for (const [key, def] of Object.entries(doc.settings)) if (def.default !== undefined) values.set(key, def.default);
    for (const [key, raw] of Object.entries(overrides)) {
      // Own keys only: "constructor" or "toString" must be unknown settings, not Object.prototype's members.
      const def = Object.prototype.hasOwnProperty.call(doc.settings, key) ? doc.settings[key] : undefined;
      if (!def) {
        problems.push(`settings.${key}: unknown setting for rulebook ${doc.id}`);
        continue;
      }
      const problem = (doc.format as string) === RULEBOOK_FORMAT_2
        ? checkSetting2(def as unknown as SettingDecl, raw, { grades: doc.grades.map((g) => g.id), roles: doc.roles.map((r) => r.id) })
        : checkSettingValue(def, raw);
      if (problem) problems.push(`settings.${key}: ${problem}`);
      else values.set(key, raw);
    }
    return { settings: new Settings(doc.settings, values), problems };
  }

  has(key: string): boolean {
    this.def(key);
    return this.values.has(key);
  }

  /** The value in force; undefined only for a required setting nobody set. */
  get<T = unknown>(key: string): T | undefined {
    this.def(key);
    return this.values.get(key) as T | undefined;
  }

  /** For enum settings read by interpreters: the value in force, which must exist. */
  choice<T extends string | boolean>(key: string): T {
    const v = this.get<T>(key);
    if (v === undefined) throw new Error(`setting ${key} has no value`);
    return v;
  }

  entries(): Array<[string, unknown]> {
    return Object.keys(this.defs).map((k) => [k, this.values.get(k)]);
  }

  private def(key: string): SettingDef {
    const def = Object.prototype.hasOwnProperty.call(this.defs, key) ? this.defs[key] : undefined;
    if (!def) throw new Error(`setting ${key} is not declared in this rulebook`);
    return def;
  }
}

/**
 * Setting types whose value is a decimal (format 1: quantity; format 2: number, money, rate, count, quantity).
 * A value read as a binary number (a spreadsheet cell) is kept as its decimal text, so 0.2 stays exactly "0.2".
 * Whole-number settings (integer) stay numbers: their check asks for one.
 */
const DECIMAL_SETTING_TYPES = new Set(["quantity", "number", "money", "rate", "count"]);

export function isDecimalSetting(def: { type: string }): boolean {
  return DECIMAL_SETTING_TYPES.has(def.type);
}

/** Parses command-line text (`--set key=value`) into the setting's type. */
export function parseSettingText(def: SettingDef, text: string): unknown {
  if (def.type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  if (def.type === "integer") return /^-?\d+$/.test(text) ? Number.parseInt(text, 10) : text;
  if ((def.type as string) === "enum" && def.values?.some((v) => typeof v === "boolean")) return text === "true" ? true : text === "false" ? false : text;
  if (def.type === "list" || def.type === "object" || (def.type as string) === "map" || (def.type as string) === "table") {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export function checkSettingValue(def: SettingDef, raw: unknown): string | undefined {
  switch (def.type) {
    case "enum":
      return def.values?.some((v) => v === raw) ? undefined : `${JSON.stringify(raw)} is not one of ${JSON.stringify(def.values)}`;
    case "boolean":
      return typeof raw === "boolean" ? undefined : `${JSON.stringify(raw)} is not true or false`;
    case "integer":
      return typeof raw === "number" && Number.isSafeInteger(raw) ? undefined : `${JSON.stringify(raw)} is not a whole number`;
    case "quantity":
      try {
        if (typeof raw !== "string" && typeof raw !== "number") return `${JSON.stringify(raw)} is not a quantity`;
        parseQuantity(raw);
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    case "date":
      return typeof raw === "string" && isIsoDate(raw) ? undefined : `${JSON.stringify(raw)} is not a date (YYYY-MM-DD)`;
    case "list":
      return Array.isArray(raw) ? undefined : `${JSON.stringify(raw)} is not a list`;
    case "object":
      return raw && typeof raw === "object" && !Array.isArray(raw) ? undefined : `${JSON.stringify(raw)} is not an object`;
  }
}
