/**
 * Two-row headers: a merged group cell over the columns it covers, such as
 *
 *   | 工号 | 姓名 | 期间 | 存款(万元)          | 贷款(万元) | 月收入(元) |
 *   |      |      |      | 日均存款 | 基数存款 | 日均贷款   |            |
 *
 * In cell arrays (Excel's `range.values`, or the file reader) a merged cell's value sits in its first column and the
 * cells it covers are blank, so the merge's extent is not visible: a group spans its own column and the columns to its
 * right whose upper cell is blank and lower cell is not. Each sub-column is read as `sub(group's unit)`: 日均存款(万元),
 * 基数存款(万元), 日均贷款(万元). The group's name qualifies the sub's (贷款 over 余额 is 贷款余额, not the deposit
 * balance 余额 names alone); a sub's own unit wins over the group's, and two units that differ are an error at the sub's
 * cell. A column named only in the upper row (工号, 月收入(元)) keeps that name. A row of units under the names
 * (`日均存款` over `万元`) is the same thing: the unit applies to the column above.
 *
 * Why this is judged with care: reading one row of such a header drops the sub-columns with a single note on the
 * group (or, with the names in the lower row, reads 日均存款 in 元 when the group says 万元: off by 10 000). Reading a
 * first data row as a header would be worse. The row under a header is a second header row only when it holds text
 * and no number, is blank (or repeats the name) under every key column of the header (a data row has its staff id),
 * and names a known column where the upper row is blank or names a group that is not itself a column, or gives a
 * unit under a field. Every sub-column that still cannot be read is reported at its own cell, saying what to do.
 *
 * The other layout, names of single columns in the lower row and only the groups above
 *
 *   |      |      | 存款(万元)          |
 *   | 工号 | 姓名 | 日均存款 | 基数存款 | 月收入 |
 *
 * is ambiguous without the merge: 月收入 may be under 存款(万元) or a column of its own. There the group's first
 * column and a sub whose name contains the group's (基数存款 under 存款) or is qualified by it are the group's; any
 * other column that would take the group's unit is an error at its cell (write its unit, or put the single columns'
 * names in the upper row), never read in a guessed unit.
 */
import { isBlank, type CellValue, type SheetValues } from "./cells";
import { fieldSpecOf, isNumericKey, mapHeaderRow, parseHeader, type HeaderMapping, type ParsedHeader } from "./headers";
import { periodInTitle } from "./periodCells";
import { problem, type WorkbookProblem } from "./problems";
import { columnField, isDeclKey, isFieldKey, isFlagKey, normalizeHeader, synonymIndex, type ColumnKey, type HeaderIndex } from "./synonyms";
import { BARE_SUFFIXES, lookupUnit, unitFits, type HeaderUnit } from "./units";

/** A header found in a sheet: its first row, how many rows it takes (1 or 2), and its columns. */
export interface HeaderBlock {
  /** 0-based row of the (upper) header row. */
  headerRow: number;
  /** 1, or 2 for a two-row header: data rows start at headerRow + headerRows. */
  headerRows: number;
  mapping: HeaderMapping;
}

/** Where the single columns' names are: in the upper row (the groups' row), or in the lower row under the groups. */
type Layout = "namesAbove" | "namesBelow";

/** A header cell as text ("" when blank or not text-like). */
function text(v: CellValue): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  return "";
}

function same(a: string, b: string): boolean {
  return normalizeHeader(a) === normalizeHeader(b);
}

/** A cell of a data row rather than a header: a number, a date, a yes/no, or text that is a number (`0103001`, `1,200`). */
function looksLikeData(v: CellValue): boolean {
  if (isBlank(v)) return false;
  if (typeof v !== "string") return true;
  const s = v.normalize("NFKC").replace(/[\s,¥$]/g, "");
  return /^[+\-]?[\d.]+(%|万|亿|元)?$/.test(s) && /\d/.test(s);
}

interface Split {
  /** The name without its unit ("" for a cell that is only a unit, `万元` or `单位:万元`). */
  name: string;
  /** What was written where the unit goes (may not be a unit: `存款(对公)`). */
  unitText?: string;
  unit?: HeaderUnit;
}

/** A header cell as a name and a unit: `存款(万元)`, `存款/万元`, `存款万元`, `万元`. */
function splitUnit(raw: string): Split {
  const t = raw.normalize("NFKC").replace(/[【\[]/g, "(").replace(/[】\]]/g, ")").trim();
  const whole = lookupUnit(normalizeHeader(t.replace(/^\((.*)\)$/, "$1")));
  if (whole) return { name: "", unitText: t, unit: whole };
  const bracket = /^(.+?)\s*\(([^()]*)\)\s*$/.exec(t);
  if (bracket) {
    const unitText = bracket[2].trim();
    const unit = lookupUnit(normalizeHeader(unitText));
    return unit ? { name: bracket[1].trim(), unitText, unit } : { name: bracket[1].trim(), unitText };
  }
  const slash = t.lastIndexOf("/");
  if (slash > 0) {
    const unit = lookupUnit(normalizeHeader(t.slice(slash + 1))); // int: string index
    if (unit) return { name: t.slice(0, slash).trim(), unitText: t.slice(slash + 1).trim(), unit }; // int: string index
  }
  const norm = normalizeHeader(t);
  for (const suffix of BARE_SUFFIXES) {
    if (norm.length > suffix.length && norm.endsWith(suffix)) {
      return { name: norm.slice(0, norm.length - suffix.length), unitText: suffix, unit: lookupUnit(suffix) }; // int: string index
    }
  }
  return { name: t };
}

/** A column the header index knows: a key, a field, a flag, or a standard field the rulebook does not declare. */
function known(p: ParsedHeader): boolean {
  return p.key !== undefined || p.undeclared !== undefined;
}

/** A problem's `field`: the column's field or key name (avgDeposits), as other header problems give it. */
function field(key: ColumnKey | undefined): { field?: string } {
  return key !== undefined ? { field: columnField(key) } : {};
}

/** Key columns (工号, 期间, 姓名 …): a data row fills them, a second header row leaves them blank. */
function isKeyColumn(key: ColumnKey | undefined): boolean {
  return key !== undefined && !isFieldKey(key) && !isDeclKey(key) && !isFlagKey(key);
}

function sameUnit(a: HeaderUnit, b: HeaderUnit): boolean {
  return a.kind === b.kind && a.factor.eq(b.factor);
}

interface Group {
  col: number;
  text: string;
  split: Split;
  /** The group cell itself names a column (`日均存款(万元)` over 本月, 上年同期). */
  parsed: ParsedHeader;
}

interface Combined {
  /** The header text each column is read by (blank: nothing to read, or already reported). */
  cells: CellValue[];
  /** The row of the cell that names each column, for messages. */
  rows: number[];
  problems: WorkbookProblem[];
  /**
   * The lower row names the columns of a group that is not itself a column (存款(万元) over 日均存款, or over 本月
   * and 上月, which are then reported), names a known column where the upper row is blank, or names another column
   * or gives a unit under a field (日均存款 over 新增, over 万元).
   */
  evidence: boolean;
  /** A group's first column (certainly under it) is a number column the group gives a unit or a qualifier to. */
  groupEvidence: boolean;
}

const WHAT_TO_DO = {
  zh: "请把这一格改为字段名(如「日均存款」「基数存款」),或改用一行表头「字段名(单位)」",
  en: "rename the cell to a field name (such as 日均存款 or 基数存款), or use a one-row header \"field (unit)\"",
};

/**
 * Reads the two header rows `upper` (row `top`) and `lower` (row `top + 1`) as one: the text each column is read by,
 * and the problems of the columns that cannot be read, each at its own cell.
 */
function combine(sheet: string, top: number, upper: readonly CellValue[], lower: readonly CellValue[], layout: Layout, index: HeaderIndex): Combined {
  const out: Combined = { cells: [], rows: [], problems: [], evidence: false, groupEvidence: false };
  const width = Math.max(upper.length, lower.length); // int: column count
  const below = top + 1; // int: row index
  const tops: string[] = [];
  const bottoms: string[] = [];
  for (let c = 0; c < width; c++) { // int: column index
    let t = text(upper[c]);
    // Above the names (the names-below layout), a cell that is only a unit (`单位:万元` at the end of a title row) is
    // a note on the table, not a group, and is not applied to the column under it; a skipped name (序号) is no group.
    if (t !== "" && layout === "namesBelow" && (splitUnit(t).name === "" || parseHeader(t, index).ignored)) t = "";
    tops.push(t);
    bottoms.push(text(lower[c]));
  }
  /** Whether column c + 1 continues a group that starts at or before c (blank above, a name below). */
  const spansOn = (c: number) => c + 1 < width && tops[c + 1] === "" && bottoms[c + 1] !== ""; // int: column index
  let group: Group | undefined;
  for (let c = 0; c < width; c++) { // int: column index
    out.cells.push("");
    out.rows.push(top);
    const t = tops[c];
    const b = bottoms[c];
    if (t === "" && b === "") {
      group = undefined;
      continue;
    }
    if (t === "") {
      if (group) sub(group, c, b, layout === "namesAbove", false);
      else {
        out.cells[c] = b;
        out.rows[c] = below;
        if (known(parseHeader(b, index))) out.evidence = true;
      }
      continue;
    }
    const parsed = parseHeader(t, index);
    if (parsed.ignored) {
      group = undefined;
      continue;
    }
    if (b === "" || same(t, b)) {
      // Named in the upper row only. An unknown group with sub-columns to its right but none under itself: its own
      // column has no name; a known column is its own, and the columns to its right stand alone.
      out.cells[c] = t;
      group = undefined;
      if (!known(parsed) && spansOn(c)) {
        group = { col: c, text: t, split: splitUnit(t), parsed };
        out.cells[c] = "";
        out.problems.push(problem(hasData(group) ? "warning" : "info", "unknownColumn", { sheet, row: top, col: c }, {
          zh: `两行表头中「${t}」下的这一列在第二行没有列名,该列未读取;请在其下一格填写字段名(如「日均存款」)`,
          en: `two-row header: the column under "${t}" has no name in the second row and is not read; write a field name (such as 日均存款) in the cell below`,
        }));
      }
      continue;
    }
    group = { col: c, text: t, split: splitUnit(t), parsed };
    sub(group, c, b, true, !spansOn(c));
  }
  return out;

  /** A group whose columns hold figures to read: it gives a unit, or itself names a field. */
  function hasData(g: Group): boolean {
    return g.split.unitText !== undefined || known(g.parsed);
  }

  /**
   * One sub-column `c` of group `g`, named `b` in the lower row; `certain`: it is certainly under the group; `alone`:
   * the group covers this one column.
   */
  function sub(g: Group, c: number, b: string, certain: boolean, alone: boolean): void {
    out.rows[c] = below;
    const s = splitUnit(b);
    const gName = g.split.name;
    if (!known(g.parsed)) out.evidence = true;
    const names = s.name === "" ? (gName !== "" ? [gName] : []) : gName !== "" ? [gName + s.name, s.name + gName, s.name] : [s.name];
    let hit: { name: string; parsed: ParsedHeader; qualified: boolean } | undefined;
    for (const [i, n] of names.entries()) {
      const p = parseHeader(n, index);
      if (known(p)) {
        hit = { name: n, parsed: p, qualified: s.name === "" || (gName !== "" && i < 2) }; // int: index
        break;
      }
    }
    if (!hit) {
      if (s.name !== "" && parseHeader(s.name, index).ignored) return;
      if (known(g.parsed) && alone) {
        // 日均存款(万元) over 本月 in one column: the upper cell names the column, the lower is a remark on it.
        out.cells[c] = g.text;
        out.rows[c] = top;
        out.problems.push(problem("info", "unknownColumn", { sheet, row: below, col: c }, {
          zh: `第二行表头「${b}」不是字段名,视为说明;该列按「${g.text}」读取`,
          en: `second header row: "${b}" is not a field name and is taken as a remark; the column is read as "${g.text}"`,
        }));
        return;
      }
      out.problems.push(problem(hasData(g) ? "warning" : "info", "unknownColumn", { sheet, row: below, col: c }, {
        zh: `两行表头中「${g.text}」下的「${b}」不是可识别的字段,该列未读取;${WHAT_TO_DO.zh}`,
        en: `two-row header: "${b}" under "${g.text}" names no known field; the column is not read. To read it, ${WHAT_TO_DO.en}`,
      }));
      return;
    }
    const key = hit.parsed.key;
    if (s.name === "" || (key !== undefined && key !== g.parsed.key)) out.evidence = true;
    const member = certain || hit.qualified || (gName !== "" && normalizeHeader(s.name).includes(normalizeHeader(gName)));
    if (c === g.col && !known(g.parsed) && key !== undefined && isNumericKey(key, index) && (g.split.unit !== undefined || hit.qualified)) out.groupEvidence = true;
    const own = s.unitText !== undefined ? s : undefined;
    const theirs = g.split.unitText !== undefined ? g.split : undefined;
    if (own) {
      if (member && own.unit && theirs?.unit && !sameUnit(own.unit, theirs.unit)) {
        out.problems.push(problem("error", "unitMismatch", { sheet, row: below, col: c }, {
          zh: `「${b}」的单位「${own.unitText}」与其上方分组「${g.text}」的单位「${theirs.unitText}」不一致,该列未读取;请删去其中一个单位,或改为一致`,
          en: `"${b}" is in ${own.unitText} but the group above it, "${g.text}", says ${theirs.unitText}; the column is not read: remove one of the units or make them agree`,
        }, field(key)));
        return;
      }
      out.cells[c] = `${hit.name}(${own.unitText})`;
      return;
    }
    if (!theirs) {
      out.cells[c] = hit.name;
      return;
    }
    if (member) {
      out.cells[c] = `${hit.name}(${theirs.unitText})`;
      return;
    }
    // Names below, right of the group, neither named after it nor qualified by it: under the merge or beside it?
    const spec = key !== undefined ? fieldSpecOf(key, index) : undefined;
    const takesUnit = key !== undefined && isNumericKey(key, index) && (!theirs.unit || !spec || unitFits(theirs.unit, spec.unit));
    if (!takesUnit) {
      out.cells[c] = hit.name;
      return;
    }
    // The two readings, as headers to type: the group's unit, or (for money) plain 元.
    const examples = [`「${hit.name}(${theirs.unitText})」`, ...(theirs.unit?.kind === "money" && !theirs.unit.factor.eq(1) ? [`「${hit.name}(元)」`] : [])];
    out.problems.push(problem("error", "unknownUnit", { sheet, row: below, col: c }, {
      zh: `无法判断「${b}」是否在上方合并单元格「${g.text}」之下(表格数据中看不到合并范围),其单位不明,该列未读取;请在这一格写明单位,如${examples.join("或")},或把工号、姓名等单行列名写在分组所在的上一行`,
      en: `cannot tell whether "${b}" is under the merged cell "${g.text}" (cell values do not show a merge's extent), so its unit is unknown and the column is not read: write its unit, e.g. ${examples.join(" or ").replace(/[「」]/g, '"')}, or put the single columns' names (工号, 姓名 …) in the group row above`,
    }, field(key)));
  }
}

/**
 * Whether `lower` is a second header row under `upper` (the names-above layout): text only, blank (or the same name)
 * under every key column of `upper`, and naming something the upper row does not.
 */
function continuesBelow(sheet: string, top: number, upper: readonly CellValue[], lower: readonly CellValue[] | undefined, index: HeaderIndex): Combined | undefined {
  if (!lower || lower.every(isBlank) || lower.some(looksLikeData)) return undefined;
  for (let c = 0; c < upper.length; c++) { // int: column index
    const t = text(upper[c]);
    if (t === "" || !isKeyColumn(parseHeader(t, index).key)) continue;
    const b = text(lower[c]);
    if (!isBlank(lower[c]) && (b === "" || !same(t, b))) return undefined;
  }
  const combined = combine(sheet, top, upper, lower, "namesAbove", index);
  return combined.evidence ? combined : undefined;
}

/**
 * Whether `upper` is a row of groups over `lower`, a header row naming the staff id (the names-below layout): text
 * only, no title (a period, or a name with 表), blank over the staff id, and a group over the first of its columns that
 * says a unit or qualifies the name under it (存款(万元) over 日均存款, 贷款 over 余额).
 */
function groupsAbove(sheet: string, top: number, upper: readonly CellValue[] | undefined, lower: readonly CellValue[], idCol: number, index: HeaderIndex): Combined | undefined {
  if (!upper || upper.every(isBlank) || upper.some(looksLikeData)) return undefined;
  if (!isBlank(upper[idCol])) return undefined;
  // A title (`2026年3月考核表`, `客户经理业绩统计表(单位:万元)` centred over a middle column) is no group.
  if (upper.some((v) => typeof v === "string" && (periodInTitle(v) !== undefined || splitUnit(v).name.includes("表")))) return undefined;
  const combined = combine(sheet, top, upper, lower, "namesBelow", index);
  return combined.groupEvidence ? combined : undefined;
}

function mapCombined(sheet: string, top: number, combined: Combined, index: HeaderIndex): HeaderMapping {
  const mapping = mapHeaderRow(sheet, top, combined.cells, index, combined.rows);
  mapping.problems.unshift(...combined.problems);
  return mapping;
}

/**
 * The header that starts at `row` (the functions' ranges: their first row is the header): with the row under it when
 * that row continues it, else this row alone.
 */
export function headerAt(sheet: string, values: SheetValues, row: number, index: HeaderIndex = synonymIndex()): HeaderBlock {
  const upper = values[row] ?? [];
  const combined = continuesBelow(sheet, row, upper, values[row + 1], index); // int: row index
  if (combined) return { headerRow: row, headerRows: 2, mapping: mapCombined(sheet, row, combined, index) };
  return { headerRow: row, headerRows: 1, mapping: mapHeaderRow(sheet, row, upper, index) };
}

/**
 * The header of a sheet whose row `row` names the staff id (detect.ts's rule): two rows when the row under it
 * continues it, or the row above it holds the groups of its columns; `undefined` when this row is not a header
 * (fewer than two known columns, and no second row naming more).
 */
export function headerWithId(sheet: string, values: SheetValues, row: number, single: HeaderMapping, recognized: number, index: HeaderIndex): HeaderBlock | undefined {
  const upper = values[row] ?? [];
  const below = continuesBelow(sheet, row, upper, values[row + 1], index); // int: row index
  if (below) return { headerRow: row, headerRows: 2, mapping: mapCombined(sheet, row, below, index) };
  if (recognized < 2) return undefined;
  const idCol = single.byKey.get("id")!.col;
  const above = row > 0 ? groupsAbove(sheet, row - 1, values[row - 1], upper, idCol, index) : undefined; // int: row index
  if (above) return { headerRow: row - 1, headerRows: 2, mapping: mapCombined(sheet, row - 1, above, index) }; // int: row index
  return { headerRow: row, headerRows: 1, mapping: single };
}

/**
 * A one-row header with a group cell (an unknown name with a unit, `存款(万元)`) whose right-hand header cells are
 * blank over cells holding figures: a merged two-row header whose second row is missing. Rather than one note on the
 * group and nothing on the columns it covers, the group cell and each such column are reported at their cells with
 * what to do. `groups`: the group cells, whose plain unknown-column note this replaces.
 */
export function unnamedUnderGroups(sheet: string, values: SheetValues, found: HeaderBlock): { problems: WorkbookProblem[]; groups: Set<number> } {
  const out = { problems: [] as WorkbookProblem[], groups: new Set<number>() };
  if (found.headerRows !== 1) return out;
  const header = values[found.headerRow] ?? [];
  const candidates = found.mapping.unknown.filter((u) => u.standard === undefined && splitUnit(u.header).unit !== undefined && isBlank(header[u.col + 1])); // int: column index
  if (candidates.length === 0) return out;
  // The table's rows as findTables takes them: any mapped cell filled.
  const data: Array<readonly CellValue[]> = [];
  let width = header.length; // int: column count
  for (let r = found.headerRow + 1; r < values.length; r++) { // int: row index
    const row = values[r] ?? [];
    if (!found.mapping.columns.some((c) => !isBlank(row[c.col]))) continue;
    data.push(row);
    width = Math.max(width, row.length); // int: column count
  }
  const holdsData = (c: number) => data.some((row) => !isBlank(row[c]));
  for (const u of candidates) {
    const covered: number[] = [];
    for (let c = u.col + 1; c < width && isBlank(header[c]) && holdsData(c); c++) covered.push(c); // int: column index
    if (covered.length === 0) continue;
    out.groups.add(u.col);
    out.problems.push(problem("warning", "unknownColumn", { sheet, row: found.headerRow, col: u.col }, {
      zh: `「${u.header}」像是合并的分组表头,但其下没有第二行列名,该列未读取;请在下一行为其下每一列填写字段名(如「日均存款」「基数存款」)`,
      en: `"${u.header}" looks like a merged group header with no second header row under it; the column is not read: in the row below, name each column under it (such as 日均存款, 基数存款)`,
    }));
    for (const c of covered) {
      out.problems.push(problem("warning", "unknownColumn", { sheet, row: found.headerRow, col: c }, {
        zh: `此列没有表头(在「${u.header}」的合并范围内?),该列未读取;请在第二行表头为它填写字段名,或在这一格写「字段名(单位)」`,
        en: `this column has no header (under the merged "${u.header}"?) and is not read: name it in a second header row, or write "field (unit)" in this cell`,
      }));
    }
  }
  return out;
}
