/**
 * One header row → which column holds which field, in any order, with the unit each header declares.
 * `日均存款(万元)`, `日均存款（万元）` (full-width), `日均存款【万元】`, `日均存款/万元`, `日均存款万元`, `Avg deposits (10k CNY)` all map to avgDeposits
 * with a factor of 10 000. A numeric column whose unit cannot be read, or does not fit the field (a % on an
 * amount), is reported and not read: guessing a unit could be off by 10 000.
 */
import { FIELDS, type FieldName } from "../engine/fields";
import { isBlank, type CellValue } from "./cells";
import { problem, type WorkbookProblem } from "./problems";
import { columnField, columnZh, isFieldKey, isFlagKey, normalizeHeader, synonymIndex, IGNORED_HEADERS, type ColumnKey } from "./synonyms";
import { BARE_SUFFIXES, FIELD_UNIT_ZH, lookupUnit, unitFits, UNIT_KIND_ZH, type HeaderUnit } from "./units";

export interface MappedColumn {
  col: number;
  header: string;
  key: ColumnKey;
  unit?: HeaderUnit;
}

export interface ParsedHeader {
  key?: ColumnKey;
  /** Text in brackets or after the name that should be a unit. */
  unitText?: string;
  unit?: HeaderUnit;
  ignored?: boolean;
}

/** Key columns holding amounts in 元 (a header unit must be a money unit). */
export const MONEY_KEYS = new Set<ColumnKey>([
  "openingRiskDeposit", "riskDepositWithheld", "riskDepositRefunded", "riskDepositForfeited", "riskDepositClosing",
  "loanAmount", "householdOutstanding", "balanceYearStart", "netIncreaseYtd",
]);
const NUMERIC_KEYS = new Set<ColumnKey>(["plan", "actual", ...MONEY_KEYS]);

export function isNumericKey(key: ColumnKey): boolean {
  return isFieldKey(key) || NUMERIC_KEYS.has(key);
}

const IGNORED = new Set(IGNORED_HEADERS.map(normalizeHeader));

function lookup(name: string): ColumnKey | undefined {
  return synonymIndex().map.get(normalizeHeader(name));
}

/** Reads one header cell: the column it names and the unit it declares, if any. */
export function parseHeader(raw: CellValue): ParsedHeader {
  if (isBlank(raw) || typeof raw === "boolean" || raw instanceof Date) return {};
  const text = String(raw).normalize("NFKC").replace(/[【\[]/g, "(").replace(/[】\]]/g, ")").trim();
  if (IGNORED.has(normalizeHeader(text))) return { ignored: true };
  const direct = lookup(text);
  if (direct) return { key: direct };

  const bracket = /^(.+?)\s*\(([^()]*)\)\s*$/.exec(text);
  if (bracket) {
    const key = lookup(bracket[1]);
    if (key) {
      if (!isNumericKey(key)) return { key }; // `姓名(中文)`: a qualifier, not a unit
      const unitText = bracket[2].trim();
      return { key, unitText, unit: lookupUnit(normalizeHeader(unitText)) };
    }
    if (IGNORED.has(normalizeHeader(bracket[1]))) return { ignored: true };
  }
  const slash = text.lastIndexOf("/");
  if (slash > 0) {
    const unit = lookupUnit(normalizeHeader(text.slice(slash + 1))); // int: string index
    const key = lookup(text.slice(0, slash));
    if (unit && key) return { key, unitText: text.slice(slash + 1).trim(), unit }; // int: string index
  }
  const norm = normalizeHeader(text);
  for (const suffix of BARE_SUFFIXES) {
    if (norm.length > suffix.length && norm.endsWith(suffix)) {
      const key = lookup(norm.slice(0, norm.length - suffix.length)); // int: string index
      if (key) return { key, unitText: suffix, unit: lookupUnit(suffix) };
    }
  }
  return {};
}

export interface HeaderMapping {
  columns: MappedColumn[];
  byKey: Map<ColumnKey, MappedColumn>;
  problems: WorkbookProblem[];
  /** Columns with a header that names nothing we read. */
  unknown: Array<{ col: number; header: string }>;
}

/** Maps a header row; `row` is its 0-based index, for addresses. */
export function mapHeaderRow(sheet: string, row: number, cells: readonly CellValue[]): HeaderMapping {
  const columns: MappedColumn[] = [];
  const byKey = new Map<ColumnKey, MappedColumn>();
  const problems: WorkbookProblem[] = [];
  const unknown: Array<{ col: number; header: string }> = [];
  cells.forEach((raw, col) => {
    if (isBlank(raw)) return;
    const header = String(raw).trim();
    const parsed = parseHeader(raw);
    if (parsed.ignored) return;
    if (!parsed.key) {
      unknown.push({ col, header });
      return;
    }
    const key = parsed.key;
    const where = { sheet, row, col };
    const field = columnField(key);
    const first = byKey.get(key);
    if (first) {
      problems.push(problem("warning", "duplicateColumn", where, {
        zh: `「${header}」与「${first.header}」是同一列(${columnZh(key)}),只读取第一列`,
        en: `"${header}" repeats "${first.header}" (${field}); only the first is read`,
      }, { field }));
      return;
    }
    if (parsed.unitText !== undefined && !parsed.unit) {
      problems.push(problem("error", "unknownUnit", where, {
        zh: `表头「${header}」的单位「${parsed.unitText}」无法识别(可用:元、万元、亿元、美元、万美元、%),该列未读取`,
        en: `header "${header}": unit "${parsed.unitText}" is not known (use 元, 万元, 亿元, 美元, 万美元 or %); the column is not read`,
      }, { field }));
      return;
    }
    if (parsed.unit && isFieldKey(key)) {
      const def = FIELDS[key.slice(6) as FieldName];
      if (!unitFits(parsed.unit, def.unit)) {
        problems.push(problem("error", "unitMismatch", where, {
          zh: `表头「${header}」的单位「${parsed.unit.text}」是${UNIT_KIND_ZH[parsed.unit.kind]},而${def.zh}是${FIELD_UNIT_ZH[def.unit]};该列未读取`,
          en: `header "${header}": unit "${parsed.unit.text}" does not fit ${field} (${def.unit}); the column is not read`,
        }, { field }));
        return;
      }
    }
    if (parsed.unit && !isFieldKey(key) && (parsed.unit.kind === "rate" || (MONEY_KEYS.has(key) && parsed.unit.kind !== "money"))) {
      problems.push(problem("error", "unitMismatch", where, {
        zh: `表头「${header}」的单位「${parsed.unit.text}」不适用于${columnZh(key)};该列未读取`,
        en: `header "${header}": unit "${parsed.unit.text}" does not fit ${field}; the column is not read`,
      }, { field }));
      return;
    }
    const mapped: MappedColumn = { col, header, key };
    if (parsed.unit) mapped.unit = parsed.unit;
    columns.push(mapped);
    byKey.set(key, mapped);
  });
  return { columns, byKey, problems, unknown };
}

/** How many cells of a row are headers we know (to find the header row under a title). */
export function recognizedCount(cells: readonly CellValue[]): number {
  let n = 0;
  for (const raw of cells) if (parseHeader(raw).key) n += 1; // int: count
  return n;
}

export { isFlagKey };
