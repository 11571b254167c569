/**
 * One header row → which column holds which field, in any order, with the unit each header declares.
 * `日均存款(万元)`, `日均存款（万元）` (full-width), `日均存款【万元】`, `日均存款/万元`, `日均存款万元`, `Avg deposits (10k CNY)` all map to avgDeposits
 * with a factor of 10 000. A numeric column whose unit cannot be read, or does not fit the field (a % on an
 * amount), is reported and not read: guessing a unit could be off by 10 000. The names are looked up in a header
 * index: the standard one (synonyms.ts), or a format-2 rulebook's for the fields it declares (declaredHeaders.ts).
 */
import type { FieldName } from "../engine/fields";
import { standardField, type FieldSpec } from "../engine/rulebook2/fields";
import type { FieldType } from "../engine/rulebook2/schema";
import { isBlank, type CellValue } from "./cells";
import { problem, type WorkbookProblem } from "./problems";
import { columnField, columnZh, isDeclKey, isFieldKey, isFlagKey, normalizeHeader, synonymIndex, IGNORED_HEADERS, type ColumnKey, type HeaderIndex } from "./synonyms";
import { BARE_SUFFIXES, FIELD_UNIT_ZH, lookupUnit, unitFits, UNIT_KIND_ZH, type HeaderUnit } from "./units";

export interface MappedColumn {
  col: number;
  header: string;
  key: ColumnKey;
  unit?: HeaderUnit;
  /** The field a field column holds: the format-2 rulebook's declaration of it, else the standard field. */
  spec?: FieldSpec;
  /** A two-row header's: the 0-based row of the cell that names the column (twoRowHeader.ts), for messages. */
  row?: number;
}

export interface ParsedHeader {
  key?: ColumnKey;
  /** Text in brackets or after the name that should be a unit. */
  unitText?: string;
  unit?: HeaderUnit;
  ignored?: boolean;
  /** A standard field that the format-2 rulebook read with does not declare: known, and not read. */
  undeclared?: FieldName;
}

/** Key columns holding amounts in 元 (a header unit must be a money unit). */
export const MONEY_KEYS = new Set<ColumnKey>([
  "openingRiskDeposit", "riskDepositWithheld", "riskDepositRefunded", "riskDepositForfeited", "riskDepositClosing",
  "loanAmount", "householdOutstanding", "balanceYearStart", "netIncreaseYtd",
]);
const NUMERIC_KEYS = new Set<ColumnKey>(["plan", "actual", ...MONEY_KEYS]);
const NUMERIC_UNITS = new Set<FieldType>(["money", "usd", "rate", "count", "points", "days", "number"]);

/** Whether a field of this unit holds numbers (a date, text or yes/no field does not). */
export function isNumericUnit(unit: FieldType): boolean {
  return NUMERIC_UNITS.has(unit);
}

/** The field behind a field column: the rulebook's declaration under a format-2 index, else the standard field. */
export function fieldSpecOf(key: ColumnKey, index: HeaderIndex = synonymIndex()): FieldSpec | undefined {
  const declared = index.declared?.get(key);
  if (declared) return declared;
  return isFieldKey(key) ? standardField(key.slice(6)) : undefined;
}

export function isNumericKey(key: ColumnKey, index?: HeaderIndex): boolean {
  if (isFieldKey(key) || isDeclKey(key)) {
    const spec = fieldSpecOf(key, index);
    return spec !== undefined && isNumericUnit(spec.unit);
  }
  return NUMERIC_KEYS.has(key);
}

/** Whether a mapped column's cells are numbers (a field's by its unit, or a numeric key column). */
export function isNumericColumn(column: MappedColumn): boolean {
  return column.spec ? isNumericUnit(column.spec.unit) : isNumericKey(column.key);
}

/** The Chinese name of a column in messages: a declared field's label, else the key's. */
export function columnLabel(column: Pick<MappedColumn, "key" | "spec">): string {
  return column.spec?.zh ?? columnZh(column.key);
}

const IGNORED = new Set(IGNORED_HEADERS.map(normalizeHeader));

interface Parsed<K> {
  key: K;
  unitText?: string;
  unit?: HeaderUnit;
}

/**
 * A header as a name and a unit, the name looked up by `lookup`: the whole text, `name(unit)`, `name/unit`, or a
 * name followed by a unit without brackets (`日均存款万元`). A bracket after a column that holds no numbers is a
 * qualifier (`姓名(中文)`), not a unit.
 */
function parseWith<K>(text: string, lookup: (name: string) => K | undefined, numeric: (key: K) => boolean): Parsed<K> | undefined {
  const direct = lookup(text);
  if (direct !== undefined) return { key: direct };
  const bracket = /^(.+?)\s*\(([^()]*)\)\s*$/.exec(text);
  if (bracket) {
    const key = lookup(bracket[1]);
    if (key !== undefined) {
      if (!numeric(key)) return { key };
      const unitText = bracket[2].trim();
      return { key, unitText, unit: lookupUnit(normalizeHeader(unitText)) };
    }
  }
  const slash = text.lastIndexOf("/");
  if (slash > 0) {
    const unit = lookupUnit(normalizeHeader(text.slice(slash + 1))); // int: string index
    const key = lookup(text.slice(0, slash));
    if (unit && key !== undefined) return { key, unitText: text.slice(slash + 1).trim(), unit }; // int: string index
  }
  const norm = normalizeHeader(text);
  for (const suffix of BARE_SUFFIXES) {
    if (norm.length > suffix.length && norm.endsWith(suffix)) {
      const key = lookup(norm.slice(0, norm.length - suffix.length)); // int: string index
      if (key !== undefined) return { key, unitText: suffix, unit: lookupUnit(suffix) };
    }
  }
  return undefined;
}

/**
 * Reads one header cell: the column it names and the unit it declares, if any. `index` is the rulebook's
 * (declaredHeaders.ts); by default the standard one. A name the rulebook declares wins over the columns skipped
 * silently (a rulebook may declare 入职日期).
 */
export function parseHeader(raw: CellValue, index: HeaderIndex = synonymIndex()): ParsedHeader {
  if (isBlank(raw) || typeof raw === "boolean" || raw instanceof Date) return {};
  const text = String(raw).normalize("NFKC").replace(/[【\[]/g, "(").replace(/[】\]]/g, ")").trim();
  const known = parseWith(text, (name) => index.map.get(normalizeHeader(name)), (key) => isNumericKey(key, index));
  if (known) {
    const out: ParsedHeader = { key: known.key };
    if (known.unitText !== undefined) out.unitText = known.unitText;
    if (known.unit) out.unit = known.unit;
    return out;
  }
  const bracket = /^(.+?)\s*\(([^()]*)\)\s*$/.exec(text);
  if (IGNORED.has(normalizeHeader(text)) || (bracket && IGNORED.has(normalizeHeader(bracket[1])))) return { ignored: true };
  const undeclared = index.undeclared;
  if (undeclared) {
    const standard = parseWith(text, (name) => undeclared.get(normalizeHeader(name)), () => true);
    if (standard) return { undeclared: standard.key };
  }
  return {};
}

export interface HeaderMapping {
  columns: MappedColumn[];
  byKey: Map<ColumnKey, MappedColumn>;
  problems: WorkbookProblem[];
  /**
   * Columns with a header that names nothing we read; `standard`: the standard field it names, which the format-2
   * rulebook read with does not declare.
   */
  unknown: Array<{ col: number; header: string; standard?: FieldName; row?: number }>;
}

/** The problem with a header's unit, if any: unknown, or not fitting the column's field or key. */
function unitProblem(header: string, parsed: ParsedHeader, key: ColumnKey, spec: FieldSpec | undefined): { code: "unknownUnit" | "unitMismatch"; zh: string; en: string } | undefined {
  const field = columnField(key);
  if (parsed.unitText !== undefined && !parsed.unit) {
    return {
      code: "unknownUnit",
      zh: `表头「${header}」的单位「${parsed.unitText}」无法识别(可用:元、万元、亿元、美元、万美元、%),该列未读取`,
      en: `header "${header}": unit "${parsed.unitText}" is not known (use 元, 万元, 亿元, 美元, 万美元 or %); the column is not read`,
    };
  }
  const unit = parsed.unit;
  if (!unit) return undefined;
  if (spec) {
    if (unitFits(unit, spec.unit)) return undefined;
    return {
      code: "unitMismatch",
      zh: `表头「${header}」的单位「${unit.text}」是${UNIT_KIND_ZH[unit.kind]},而${spec.zh}是${FIELD_UNIT_ZH[spec.unit]};该列未读取`,
      en: `header "${header}": unit "${unit.text}" does not fit ${field} (${spec.unit}); the column is not read`,
    };
  }
  if (unit.kind === "rate" || (MONEY_KEYS.has(key) && unit.kind !== "money")) {
    return {
      code: "unitMismatch",
      zh: `表头「${header}」的单位「${unit.text}」不适用于${columnZh(key)};该列未读取`,
      en: `header "${header}": unit "${unit.text}" does not fit ${field}; the column is not read`,
    };
  }
  return undefined;
}

/**
 * Maps a header row; `row` is its 0-based index, for addresses; `index` the rulebook's header index
 * (declaredHeaders.ts). `rows`: a two-row header's, the row naming each column (twoRowHeader.ts gives the text each
 * column is read by, `日均存款(万元)` for 日均存款 under 存款(万元)).
 */
export function mapHeaderRow(sheet: string, row: number, cells: readonly CellValue[], index: HeaderIndex = synonymIndex(), rows?: readonly number[]): HeaderMapping {
  const columns: MappedColumn[] = [];
  const byKey = new Map<ColumnKey, MappedColumn>();
  const problems: WorkbookProblem[] = [];
  const unknown: HeaderMapping["unknown"] = [];
  cells.forEach((raw, col) => {
    if (isBlank(raw)) return;
    const header = String(raw).trim();
    const parsed = parseHeader(raw, index);
    if (parsed.ignored) return;
    const at = rows?.[col];
    if (!parsed.key) {
      const u: HeaderMapping["unknown"][number] = parsed.undeclared ? { col, header, standard: parsed.undeclared } : { col, header };
      if (at !== undefined) u.row = at;
      unknown.push(u);
      return;
    }
    const key = parsed.key;
    const where = { sheet, row: at ?? row, col };
    const field = columnField(key);
    const spec = fieldSpecOf(key, index);
    const first = byKey.get(key);
    if (first) {
      problems.push(problem("warning", "duplicateColumn", where, {
        zh: `「${header}」与「${first.header}」是同一列(${columnLabel({ key, spec })}),只读取第一列`,
        en: `"${header}" repeats "${first.header}" (${field}); only the first is read`,
      }, { field }));
      return;
    }
    const bad = unitProblem(header, parsed, key, spec);
    if (bad) {
      problems.push(problem("error", bad.code, where, bad, { field }));
      return;
    }
    const mapped: MappedColumn = { col, header, key };
    if (at !== undefined) mapped.row = at;
    if (parsed.unit) mapped.unit = parsed.unit;
    if (spec) mapped.spec = spec;
    columns.push(mapped);
    byKey.set(key, mapped);
  });
  return { columns, byKey, problems, unknown };
}

/**
 * How many cells of a row are headers we know (to find the header row under a title). A standard field the
 * rulebook does not declare still marks a header row: the same row is found whichever rulebook reads the sheet.
 */
export function recognizedCount(cells: readonly CellValue[], index: HeaderIndex = synonymIndex()): number {
  let n = 0;
  for (const raw of cells) {
    const parsed = parseHeader(raw, index);
    if (parsed.key || parsed.undeclared) n += 1; // int: count
  }
  return n;
}

export { isFlagKey };
