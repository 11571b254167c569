/**
 * The optional 设置 sheet: one key and value per row (a header row 设置 | 值 may come first, a third column of notes
 * is ignored). 规则集 names the rulebook, 考核期 the appraised period; every other key is a setting of the rulebook
 * (`h003.score.partialStep | proRata`), converted to the setting's type and checked like `--set`.
 */
import type { CompiledRulebook } from "../engine/rulebook/compile";
import type { SettingDef } from "../engine/rulebook/schema";
import { checkSettingValue, isDecimalSetting, parseSettingText } from "../engine/settings";
import { isBlank, isExcelError, isUncalculated, quote, UNCALCULATED_TEXT, type CellValue, type SheetValues } from "./cells";
import { decOfNumber } from "./numbers";
import { periodNumberNote, readPeriodCell } from "./periodCells";
import { problem, type WorkbookProblem, type Where } from "./problems";
import { normalizeHeader } from "./synonyms";

export interface SettingEntry {
  key: string;
  value: CellValue;
  at: Where;
}

export interface SheetSettings {
  rulebook?: { value: string; at: Where };
  period?: { value: string; at: Where };
  entries: SettingEntry[];
  problems: WorkbookProblem[];
}

const HEADER_KEYS = new Set(["设置", "设置项", "项目", "参数", "名称", "键", "key", "setting", "name"].map(normalizeHeader));
const HEADER_VALUES = new Set(["值", "取值", "设定值", "设置值", "value"].map(normalizeHeader));
const RULEBOOK_KEYS = new Set(["规则集", "规则", "考核办法", "rulebook"].map(normalizeHeader));
const PERIOD_KEYS = new Set(["考核期", "考核期间", "期间", "period"].map(normalizeHeader));

export function readSettingsSheet(sheet: string, values: SheetValues): SheetSettings {
  const out: SheetSettings = { entries: [], problems: [] };
  values.forEach((row, r) => {
    const cells = (row ?? []).map((v, c) => ({ v, c })).filter((x) => !isBlank(x.v));
    if (cells.length === 0) return;
    const [k, val] = cells;
    const key = String(k.v).trim();
    const nk = normalizeHeader(key);
    if (HEADER_KEYS.has(nk) && val && HEADER_VALUES.has(normalizeHeader(String(val.v)))) return;
    const at: Where = { sheet, row: r, col: val ? val.c : k.c };
    if (!val) {
      out.problems.push(problem("warning", "badSetting", { sheet, row: r, col: k.c }, { zh: `设置「${key}」没有值,已忽略`, en: `setting "${key}" has no value; ignored` }, { field: key }));
      return;
    }
    if (isUncalculated(val.v)) {
      out.problems.push(problem("error", "formulaNoValue", at, { zh: `设置「${key}」的值${UNCALCULATED_TEXT.zh},未读取`, en: `the value of setting "${key}" ${UNCALCULATED_TEXT.en}; not read` }, { field: RULEBOOK_KEYS.has(nk) ? "rulebook" : PERIOD_KEYS.has(nk) ? "period" : key }));
      return;
    }
    if (RULEBOOK_KEYS.has(nk)) {
      out.rulebook = { value: String(val.v).trim(), at };
      return;
    }
    if (PERIOD_KEYS.has(nk)) {
      const p = readPeriodCell(val.v);
      if (p.ok) {
        out.period = { value: p.period, at };
        if (p.number !== undefined) {
          const note = periodNumberNote(p.number, p.period);
          out.problems.push(problem(note.severity, note.code, at, { zh: `考核期:${note.zh}`, en: `period: ${note.en}` }, { field: "period", suggested: note.suggested }));
        }
        if (p.textDate !== undefined) {
          out.problems.push(problem("warning", "dateAsText", at, {
            zh: `考核期是以文本录入的日期 ${quote(p.textDate)},按其所在月份 ${p.period} 读取;应填 ${p.period} 这样的期间`,
            en: `the period is a date typed as text (${quote(p.textDate)}), read as its month ${p.period}; write a period such as ${p.period}`,
          }, { field: "period", suggested: p.period }));
        }
      } else out.problems.push(problem("error", p.code ?? "badPeriod", at, { zh: `考核期:${p.zh}`, en: `period: ${p.en}` }, { field: "period" }));
      return;
    }
    out.entries.push({ key, value: val.v, at });
  });
  return out;
}

/** A cell as the value of a setting of the given type. */
function settingValue(def: SettingDef, v: CellValue): unknown {
  if (typeof v === "string") {
    const t = v.trim();
    if (def.type === "boolean" && /^(是|true|y|yes)$/i.test(t)) return true;
    if (def.type === "boolean" && /^(否|false|n|no)$/i.test(t)) return false;
    return parseSettingText(def, t);
  }
  if (typeof v === "number") {
    if (isDecimalSetting(def)) return decOfNumber(v).toFixed(); // amounts and rates are decimal text, never floats
    if (def.type === "date" && v >= 1 && v <= 2958465) return serialToIso(v); // Excel's serials: up to 9999-12-31
    if (def.type === "enum" && !(def.values ?? []).includes(v)) return String(v);
    return v;
  }
  // An invalid Date would throw in toISOString: pass its text on, and the setting check reports it.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().slice(0, 10);
  return v;
}

function serialToIso(serial: number): string {
  const days = Math.floor(serial); // int: whole days
  return new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86400000).toISOString().slice(0, 10); // int: calendar days
}

/** The sheet's settings for the engine, each checked against the rulebook's declaration. */
export function settingsFor(book: CompiledRulebook, entries: SettingEntry[]): { settings: Record<string, unknown>; problems: WorkbookProblem[] } {
  const settings: Record<string, unknown> = {};
  const problems: WorkbookProblem[] = [];
  for (const e of entries) {
    const def = book.doc.settings[e.key];
    if (!def) {
      problems.push(problem("error", "unknownSetting", e.at, {
        zh: `「${e.key}」不是规则集 ${book.doc.id} 的设置(用 appraise rulebook ${book.doc.id} 查看 settings)`,
        en: `"${e.key}" is not a setting of rulebook ${book.doc.id} (see settings in appraise rulebook ${book.doc.id})`,
      }, { field: e.key }));
      continue;
    }
    if (isExcelError(e.value)) {
      problems.push(problem("error", "badSetting", e.at, { zh: `设置 ${e.key} 为错误值 ${String(e.value)}`, en: `setting ${e.key} is the error value ${String(e.value)}` }, { field: e.key }));
      continue;
    }
    const value = settingValue(def, e.value);
    const bad = checkSettingValue(def, value);
    if (bad) {
      problems.push(problem("error", "badSetting", e.at, { zh: `设置 ${e.key} 的值无效:${bad}`, en: `setting ${e.key}: ${bad}` }, { field: e.key }));
      continue;
    }
    settings[e.key] = value;
  }
  return { settings, problems };
}
