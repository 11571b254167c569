/**
 * Reads the command line's JSON (../shared/DATA-MODEL.md) into engine records. Every problem is collected with its
 * path; nothing is coerced silently: "1,2O0" is an error, never 0 or NaN.
 */
import { Dec } from "./decimal";
import { FIELDS, isFieldName } from "./fields";
import type { AppraisalInput, Client, InputProblem, ManagerInput, PeriodRecord, Task } from "./model";
import { isIsoDate, periodProblem } from "./periods";

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** What the reader checks a field against: its unit and sign, and whether it is one value per person. */
export interface FieldRule {
  unit: string;
  signed?: boolean;
  integer?: boolean;
  share?: boolean;
  perManager?: boolean;
}

/** The fields an input may carry: the standard set (DATA-MODEL), or those a format-2 rulebook declares. */
export interface FieldVocabulary {
  get(id: string): FieldRule | undefined;
  /** Where a reader finds the accepted fields, for the message about an unknown one. */
  readonly where: string;
}

export const STANDARD_FIELDS: FieldVocabulary = {
  get: (id) => (isFieldName(id) ? (FIELDS[id] as FieldRule) : undefined),
  where: "see docs/data-model.md",
};

/** A JSON number or decimal string → Dec, or a message saying why not. */
export function readDecimal(raw: unknown): Dec | string {
  if (typeof raw === "number") {
    // Only a literal beyond a double's range (1e400) arrives as ±Infinity from JSON: say so, without echoing it.
    if (!Number.isFinite(raw)) return "number out of range (beyond ±1.8e308): write it as text";
    // Number → shortest round-trip text → exact decimal: 0.998 stays 0.998.
    return new Dec(String(raw));
  }
  if (typeof raw === "string") {
    const text = raw.trim();
    if (!DECIMAL_TEXT.test(text)) return `text ${JSON.stringify(raw)} is not a number`;
    return new Dec(text);
  }
  if (raw === null || raw === undefined) return "is missing";
  return `${typeof raw} ${JSON.stringify(raw)} is not a number`;
}

class Reader {
  readonly problems: InputProblem[] = [];

  constructor(readonly fields: FieldVocabulary = STANDARD_FIELDS) {}

  fail(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  object(raw: unknown, path: string): Record<string, unknown> | undefined {
    if (raw && typeof raw === "object" && !Array.isArray(raw)) return raw as Record<string, unknown>;
    this.fail(path, `expected an object, got ${describe(raw)}`);
    return undefined;
  }

  array(raw: unknown, path: string): unknown[] | undefined {
    if (Array.isArray(raw)) return raw;
    this.fail(path, `expected a list, got ${describe(raw)}`);
    return undefined;
  }

  text(raw: unknown, path: string, optional = false): string | undefined {
    if (raw === undefined && optional) return undefined;
    if (typeof raw === "string" && raw.trim() !== "") return raw.trim();
    if (typeof raw === "number" && path.endsWith(".id")) {
      this.fail(path, `id ${describeNumber(raw)} must be text (staff numbers keep leading zeros and digits beyond 15)`);
      return undefined;
    }
    this.fail(path, raw === undefined ? "is missing" : `expected text, got ${describe(raw)}`);
    return undefined;
  }

  decimal(raw: unknown, path: string, field?: string): Dec | undefined {
    const value = readDecimal(raw);
    if (typeof value === "string") {
      this.fail(path, value);
      return undefined;
    }
    const def = field !== undefined ? this.fields.get(field) : undefined;
    if (def) {
      if (!def.signed && value.isNegative() && !value.isZero()) this.fail(path, `${value.toString()} must not be negative`);
      if (def.integer && !value.isInteger()) this.fail(path, `${value.toString()} must be a whole number`);
      if (def.share && value.gt("1.5")) this.fail(path, `${value.toString()} looks like percent units: rates are fractions (write 0.35 for 35%)`);
      else if (def.unit === "rate" && value.abs().gt(1000)) this.fail(path, `${value.toString()} is not a plausible rate (rates are fractions: 35% is 0.35)`);
    }
    return value;
  }

  /** A field's value: a number, or for date, text and yes/no fields their text or TRUE/FALSE. */
  value(raw: unknown, path: string, field: string): Dec | string | boolean | undefined {
    const def = this.fields.get(field);
    if (def?.unit === "date") {
      if (typeof raw === "string" && isIsoDate(raw.trim())) return raw.trim();
      this.fail(path, `${JSON.stringify(raw)} is not a date (YYYY-MM-DD)`);
      return undefined;
    }
    if (def?.unit === "text") {
      if (typeof raw === "string" && raw.trim() !== "") return raw.trim();
      this.fail(path, `expected text, got ${describe(raw)}`);
      return undefined;
    }
    if (def?.unit === "flag") {
      if (typeof raw === "boolean") return raw;
      this.fail(path, `${JSON.stringify(raw)} is not true or false`);
      return undefined;
    }
    return this.decimal(raw, path, field);
  }

  flags(raw: unknown, path: string): string[] {
    if (raw === undefined) return [];
    const list = this.array(raw, path) ?? [];
    const out: string[] = [];
    list.forEach((f, i) => {
      const t = this.text(f, `${path}[${i}]`);
      if (t) out.push(t);
    });
    return out;
  }
}

const RECORD_KEYS = new Set(["period", "grade", "role", "tasks", "clients", "flags", "invalid"]);
const MANAGER_KEYS = new Set(["id", "name", "branch", "role", "grade", "history", "riskDeposit"]);

function readRecord(r: Reader, raw: unknown, path: string): PeriodRecord | undefined {
  const obj = r.object(raw, path);
  if (!obj) return undefined;
  const period = r.text(obj.period, `${path}.period`);
  if (period && periodProblem(period)) r.fail(`${path}.period`, periodProblem(period)!);
  const values: PeriodRecord["values"] = {};
  let extra: PeriodRecord["extra"];
  for (const [key, rawValue] of Object.entries(obj)) {
    if (RECORD_KEYS.has(key)) continue;
    const def = r.fields.get(key);
    if (!def || def.perManager) {
      r.fail(`${path}.${key}`, def ? "is one value per person: give it on the manager, not in a period record" : `unknown field (${r.fields.where})`);
      continue;
    }
    if (rawValue === null || rawValue === undefined) continue; // null = not reported, same as absent
    const d = r.value(rawValue, `${path}.${key}`, key);
    if (d instanceof Dec) values[key] = d;
    else if (d !== undefined) (extra ??= {})[key] = d;
  }
  const tasks: Task[] = [];
  if (obj.tasks !== undefined) {
    (r.array(obj.tasks, `${path}.tasks`) ?? []).forEach((t, i) => {
      const tp = `${path}.tasks[${i}]`;
      const to = r.object(t, tp);
      if (!to) return;
      const item = r.text(to.item, `${tp}.item`);
      const plan = r.decimal(to.plan, `${tp}.plan`);
      const actual = r.decimal(to.actual, `${tp}.actual`);
      if (item && plan && actual) tasks.push({ item, plan, actual });
    });
  }
  const clients: Client[] = [];
  if (obj.clients !== undefined) {
    (r.array(obj.clients, `${path}.clients`) ?? []).forEach((c, i) => {
      const cp = `${path}.clients[${i}]`;
      const co = r.object(c, cp);
      if (!co) return;
      const id = r.text(co.id, `${cp}.id`);
      const cv: Client["values"] = {};
      for (const [key, rawValue] of Object.entries(co)) {
        if (key === "id" || key === "flags") continue;
        if (!r.fields.get(key)) {
          r.fail(`${cp}.${key}`, `unknown field (${r.fields.where})`);
          continue;
        }
        const d = r.decimal(rawValue, `${cp}.${key}`, key);
        if (d) cv[key] = d;
      }
      if (id) clients.push({ id, values: cv, flags: r.flags(co.flags, `${cp}.flags`) });
    });
  }
  // Cells a workbook gave but could not read: {"depositGrowth": {"zh": "…", "en": "…"}} (appraise grade --input-json).
  let invalid: PeriodRecord["invalid"];
  if (obj.invalid !== undefined) {
    const io = r.object(obj.invalid, `${path}.invalid`);
    for (const [key, why] of Object.entries(io ?? {})) {
      const ip = `${path}.invalid.${key}`;
      if (!r.fields.get(key)) {
        r.fail(ip, `unknown field (${r.fields.where})`);
        continue;
      }
      const w = r.object(why, ip);
      const zh = w ? r.text(w.zh, `${ip}.zh`) : undefined;
      const en = w ? r.text(w.en, `${ip}.en`) : undefined;
      if (zh !== undefined && en !== undefined) (invalid ??= {})[key] = { zh, en };
    }
  }
  if (!period) return undefined;
  return {
    period,
    grade: r.text(obj.grade, `${path}.grade`, true),
    role: r.text(obj.role, `${path}.role`, true),
    values,
    ...(extra ? { extra } : {}),
    ...(invalid ? { invalid } : {}),
    tasks,
    clients,
    flags: r.flags(obj.flags, `${path}.flags`),
  };
}

function readManager(r: Reader, raw: unknown, path: string): ManagerInput | undefined {
  const obj = r.object(raw, path);
  if (!obj) return undefined;
  let fields: ManagerInput["fields"];
  for (const [key, rawValue] of Object.entries(obj)) {
    if (MANAGER_KEYS.has(key)) continue;
    const def = r.fields.get(key);
    if (!def?.perManager) {
      r.fail(`${path}.${key}`, def ? "is a value per period: give it in the history records" : `unknown field (${r.fields.where})`);
      continue;
    }
    if (rawValue === null || rawValue === undefined) continue;
    const v = r.value(rawValue, `${path}.${key}`, key);
    if (v !== undefined) (fields ??= {})[key] = v;
  }
  const id = r.text(obj.id, `${path}.id`);
  const role = r.text(obj.role, `${path}.role`);
  const history: PeriodRecord[] = [];
  (r.array(obj.history, `${path}.history`) ?? []).forEach((h, i) => {
    const rec = readRecord(r, h, `${path}.history[${i}]`);
    if (rec) history.push(rec);
  });
  let riskDeposit: ManagerInput["riskDeposit"];
  if (obj.riskDeposit !== undefined) {
    const ro = r.object(obj.riskDeposit, `${path}.riskDeposit`);
    const balance = ro ? r.decimal(ro.balance, `${path}.riskDeposit.balance`) : undefined;
    if (balance && balance.isNegative()) r.fail(`${path}.riskDeposit.balance`, "a risk-deposit balance is never negative");
    if (balance) riskDeposit = { balance };
  }
  if (!id || !role) return undefined;
  return {
    id,
    role,
    name: r.text(obj.name, `${path}.name`, true),
    branch: r.text(obj.branch, `${path}.branch`, true),
    grade: r.text(obj.grade, `${path}.grade`, true),
    history,
    riskDeposit,
    ...(fields ? { fields } : {}),
  };
}

export function parseAppraisalInput(raw: unknown, fields: FieldVocabulary = STANDARD_FIELDS): Parsed<AppraisalInput> {
  const r = new Reader(fields);
  const obj = r.object(raw, "$");
  if (!obj) return { ok: false, problems: r.problems };
  const period = r.text(obj.period, "period");
  if (period && periodProblem(period)) r.fail("period", periodProblem(period)!);
  const rulebook = r.text(obj.rulebook, "rulebook", true);
  let settings: Record<string, unknown> | undefined;
  if (obj.settings !== undefined) settings = r.object(obj.settings, "settings");
  const managers: ManagerInput[] = [];
  const seen = new Map<string, number>();
  (r.array(obj.managers, "managers") ?? []).forEach((m, i) => {
    const mgr = readManager(r, m, `managers[${i}]`);
    if (!mgr) return;
    const first = seen.get(mgr.id);
    if (first !== undefined) r.fail(`managers[${i}].id`, `duplicate id "${mgr.id}" (also managers[${first}])`);
    else seen.set(mgr.id, i);
    managers.push(mgr);
  });
  if (r.problems.length > 0 || !period) return { ok: false, problems: r.problems };
  return { ok: true, value: { period, rulebook, settings, managers } };
}

function describe(raw: unknown): string {
  if (raw === undefined) return "nothing";
  if (raw === null) return "null";
  if (Array.isArray(raw)) return "a list";
  if (typeof raw === "number") return `number ${describeNumber(raw)}`;
  return `${typeof raw} ${JSON.stringify(raw)}`;
}

/** A JSON number as the message shows it; a literal beyond a double's range (1e400) arrives as ±Infinity. */
function describeNumber(raw: number): string {
  return Number.isFinite(raw) ? String(raw) : "out of range (beyond ±1.8e308)";
}
