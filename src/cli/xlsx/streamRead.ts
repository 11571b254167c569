/**
 * An .xlsx file read part by part, each sheet's XML streamed row by row into the cell arrays the workbook layer
 * takes — without building ExcelJS's object model of every cell (styles, fonts, addresses), which took most of the
 * time and memory of `appraise grade` on a large workbook.
 *
 * The values are those `ExcelJS.Workbook().xlsx.readFile` gives through `sheetValues` (read.ts), so both paths agree
 * cell for cell (test/cli/xlsx/stream-read.test.ts): numbers, shared and inline strings, booleans, error values as
 * their text ("#N/A"), the saved result of a formula, date-formatted numbers as Date objects (1900 or 1904 system),
 * "" for the covered cells of a merged range. One deliberate difference: the built-in Chinese, Japanese and Korean
 * date formats (ids 27–36 and 50–58, e.g. yyyy"年"m"月"d"日") are dates, as Excel shows them, where ExcelJS reads
 * a plain number. A formula saved without its result reads as UNCALCULATED, never as a blank.
 *
 * Written here rather than with ExcelJS's own streaming reader, which reads a formula's error or boolean result as a
 * number (NaN, 0/1) and keeps only the last run of a rich inline string: either would reach the engine as a wrong
 * figure. XML is parsed by saxes (the parser ExcelJS itself uses); the zip entries by ./zip.ts.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { UNCALCULATED, type CellValue, type WorkbookValues } from "../../workbook";
import { entryStream, type ZipEntry } from "./zip";

/** A formula calling the add-in's custom functions (`KHJL.GRADE(…)`; saved files may prefix `_xldudf_`). */
export const KHJL_FORMULA = /(^|[^A-Za-z0-9_.])(_xldudf_)?KHJL[._]/i;

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, with the East Asian ids). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date when, outside quotes and brackets, it has a date or time letter (as ExcelJS decides). */
function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** Excel's serial day number → Date, as ExcelJS converts it (1900 system, or 1904 when the workbook says so). */
export function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000)); // int: milliseconds of a serial day
}

export interface StreamedWorkbook {
  values: WorkbookValues;
  /** Cells whose formula calls a KHJL custom function. */
  khjlFormulas: number;
}

/** Thrown for a part the reader cannot make sense of; the caller turns it into a message. */
export class UnreadablePart extends Error {}

type Parts = Map<string, ZipEntry>;

function partName(name: string): string {
  return name.replace(/^\/+/, "");
}

async function* chunksOf(path: string, entry: ZipEntry): AsyncGenerator<string> {
  const stream = entryStream(path, entry);
  if (!stream) throw new UnreadablePart(`part ${entry.name} is not where the zip directory says`);
  stream.setEncoding("utf8");
  for await (const chunk of stream) yield chunk as string;
}

/** Feeds a part's XML through a saxes parser set up by `listen`. */
async function parsePart(path: string, entry: ZipEntry, listen: (p: SaxesParser) => void): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= e;
  });
  listen(parser);
  for await (const chunk of chunksOf(path, entry)) {
    parser.write(chunk);
    if (failure) throw new UnreadablePart(`${entry.name}: ${failure.message}`);
  }
  parser.close();
  if (failure) throw new UnreadablePart(`${entry.name}: ${(failure as Error).message}`);
}

/** The local part of an XML name (`x:sheet` → `sheet`): some writers prefix the spreadsheet namespace. */
const local = (name: string) => name.slice(name.indexOf(":") + 1);

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const v = tag.attributes[name];
  return typeof v === "string" ? v : undefined;
}

/** The relationship id of a <sheet>: `r:id`, whatever prefix the writer gave the relationships namespace. */
function relId(tag: SaxesTagPlain): string | undefined {
  for (const [k, v] of Object.entries(tag.attributes)) if (k !== "id" && k.endsWith(":id") && typeof v === "string") return v;
  return undefined;
}

interface SheetRef {
  name: string;
  part: string;
}

async function readWorkbookPart(path: string, parts: Parts): Promise<{ sheets: SheetRef[]; date1904: boolean }> {
  const wbEntry = parts.get("xl/workbook.xml");
  if (!wbEntry) throw new UnreadablePart("xl/workbook.xml is missing");
  const sheets: Array<{ name: string; rid: string }> = [];
  let date1904 = false;
  await parsePart(path, wbEntry, (p) =>
    p.on("opentag", (tag) => {
      const n = local(tag.name);
      if (n === "workbookPr") {
        const v = attr(tag, "date1904");
        date1904 = v === "1" || v === "true";
      } else if (n === "sheet") {
        const name = attr(tag, "name");
        const rid = relId(tag);
        if (name !== undefined && rid !== undefined) sheets.push({ name, rid });
      }
    }),
  );
  const targets = new Map<string, string>();
  const relsEntry = parts.get("xl/_rels/workbook.xml.rels");
  if (!relsEntry) throw new UnreadablePart("xl/_rels/workbook.xml.rels is missing");
  await parsePart(path, relsEntry, (p) =>
    p.on("opentag", (tag) => {
      if (local(tag.name) !== "Relationship") return;
      const id = attr(tag, "Id");
      const target = attr(tag, "Target");
      if (id && target) targets.set(id, target.startsWith("/") ? partName(target) : `xl/${target.replace(/^\.\//, "")}`);
    }),
  );
  // Only worksheets hold cells; a chart sheet or a dialog sheet has none (ExcelJS leaves them out too).
  const out: SheetRef[] = [];
  for (const s of sheets) {
    const part = targets.get(s.rid);
    if (part && /^xl\/worksheets\/[^/]+\.xml$/i.test(part) && parts.has(part)) out.push({ name: s.name, part });
  }
  return { sheets: out, date1904 };
}

/** Which cell styles (index into cellXfs) show dates. */
async function readDateStyles(path: string, parts: Parts): Promise<boolean[]> {
  const entry = parts.get("xl/styles.xml");
  if (!entry) return [];
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await parsePart(path, entry, (p) => {
    p.on("opentag", (tag) => {
      const n = local(tag.name);
      if (n === "numFmt") custom.set(Number(attr(tag, "numFmtId")), attr(tag, "formatCode") ?? "");
      else if (n === "cellXfs") inCellXfs = true;
      else if (n === "xf" && inCellXfs) xfFormats.push(Number(attr(tag, "numFmtId") ?? "0"));
    });
    p.on("closetag", (tag) => {
      if (local(tag.name) === "cellXfs") inCellXfs = false;
    });
  });
  return xfFormats.map((id) => (custom.has(id) ? isDateFormatCode(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id)));
}

/** The shared strings, rich text flattened; phonetic runs (<rPh>, the furigana of Japanese files) left out. */
async function readSharedStrings(path: string, parts: Parts): Promise<string[]> {
  const entry = parts.get("xl/sharedStrings.xml");
  if (!entry) return [];
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0; // int: nesting depth
  await parsePart(path, entry, (p) => {
    p.on("opentag", (tag) => {
      const n = local(tag.name);
      if (n === "si") current = [];
      else if (n === "rPh") phonetic += 1; // int: nesting depth
      else if (n === "t" && phonetic === 0) inText = true;
    });
    p.on("text", (t) => {
      if (inText && current) current.push(t);
    });
    p.on("closetag", (tag) => {
      const n = local(tag.name);
      if (n === "t") inText = false;
      else if (n === "rPh") phonetic -= 1; // int: nesting depth
      else if (n === "si") {
        strings.push((current ?? []).join(""));
        current = undefined;
      }
    });
  });
  return strings;
}

/** "AB12" → column index 27 (0-based), or -1. */
function columnOf(ref: string): number {
  let col = 0; // int: column number
  let i = 0; // int: character index
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64); // int: column letters
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96); // int: column letters
    else break;
  }
  return i === 0 ? -1 : col - 1; // int: 0-based column
}

function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) - 1 : -1; // int: 0-based row
}

interface SheetContext {
  shared: string[];
  dateStyles: boolean[];
  date1904: boolean;
  counter: { khjl: number };
  /** Rows read so far in all sheets (progress). */
  onRow?: () => void;
}

/** One worksheet's cells as rows of values; rows and cells without a value are left out, as ExcelJS's eachRow does. */
async function readSheet(path: string, entry: ZipEntry, ctx: SheetContext): Promise<CellValue[][]> {
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  // Shared formulas: the first cell holds the text, the others name it by its index.
  const sharedKhjl = new Map<string, boolean>();
  let rowIndex = -1; // int: 0-based row
  let nextRow = 0; // int: 0-based row of a <row> without r
  let cells: CellValue[] | undefined;
  let nextCol = 0; // int: 0-based column of a <c> without r
  // The cell being read.
  let col = -1; // int: 0-based column
  let type = "";
  let style = 0; // int: style index
  let hasFormula = false;
  let formulaText = "";
  let sharedIndex: string | undefined;
  let value: string | undefined;
  let inline: string[] | undefined;
  let reading: "v" | "f" | "t" | undefined;
  let inInline = false;
  let phonetic = 0; // int: nesting depth of <rPh>, whose text is not the cell's

  // A number that does not parse (a damaged or hand-made file) stays its text, which the workbook layer reports at
  // its cell; it never becomes NaN.
  const numberOrDate = (text: string): CellValue => {
    const n = Number(text.trim());
    if (text.trim() === "" || !Number.isFinite(n)) return text;
    return ctx.dateStyles[style] === true ? excelToDate(n, ctx.date1904) : n;
  };
  const cellValue = (): CellValue | undefined => {
    if (hasFormula) {
      if (value === undefined || (value === "" && type !== "str")) return UNCALCULATED;
      switch (type) {
        case "str":
          return value;
        case "b":
          return parseInt(value, 10) !== 0;
        case "e":
          return value;
        default:
          return numberOrDate(value);
      }
    }
    switch (type) {
      case "s": {
        if (value === undefined) return undefined;
        const s = ctx.shared[parseInt(value, 10)];
        return s === undefined ? "" : s;
      }
      case "inlineStr":
        return inline !== undefined ? inline.join("") : value;
      case "str":
        return value;
      case "b":
        return value === undefined ? undefined : parseInt(value, 10) !== 0;
      case "e":
        return value;
      case "d":
        return value === undefined ? undefined : new Date(value);
      default:
        return value === undefined || value === "" ? undefined : numberOrDate(value);
    }
  };

  await parsePart(path, entry, (p) => {
    p.on("opentag", (tag) => {
      switch (local(tag.name)) {
        case "row": {
          const r = attr(tag, "r");
          rowIndex = r !== undefined ? Number(r) - 1 : nextRow; // int: 0-based row
          nextRow = rowIndex + 1; // int: 0-based row
          nextCol = 0;
          cells = undefined;
          break;
        }
        case "c": {
          const ref = attr(tag, "r");
          col = ref !== undefined ? columnOf(ref) : nextCol;
          nextCol = col + 1; // int: 0-based column
          type = attr(tag, "t") ?? "";
          style = Number(attr(tag, "s") ?? "0");
          hasFormula = false;
          formulaText = "";
          sharedIndex = undefined;
          value = undefined;
          inline = undefined;
          break;
        }
        case "f":
          hasFormula = true;
          if (attr(tag, "t") === "shared") sharedIndex = attr(tag, "si");
          reading = "f";
          break;
        case "v":
          value = "";
          reading = "v";
          break;
        case "is":
          inInline = true;
          inline = [];
          break;
        case "rPh":
          phonetic += 1; // int: nesting depth
          break;
        case "t":
          if (inInline && phonetic === 0) reading = "t";
          break;
        case "mergeCell": {
          const ref = attr(tag, "ref");
          if (ref) merges.push(ref);
          break;
        }
      }
    });
    p.on("text", (t) => {
      if (reading === "v") value += t;
      else if (reading === "f") formulaText += t;
      else if (reading === "t") inline!.push(t);
    });
    p.on("closetag", (tag) => {
      switch (local(tag.name)) {
        case "v":
        case "f":
        case "t":
          reading = undefined;
          break;
        case "is":
          inInline = false;
          break;
        case "rPh":
          phonetic -= 1; // int: nesting depth
          break;
        case "c": {
          if (hasFormula) {
            let khjl = formulaText !== "" && KHJL_FORMULA.test(formulaText);
            if (sharedIndex !== undefined) {
              if (formulaText !== "") sharedKhjl.set(sharedIndex, khjl);
              else khjl = sharedKhjl.get(sharedIndex) === true;
            }
            if (khjl) ctx.counter.khjl += 1; // int: count
          }
          const v = cellValue();
          if (v === undefined || col < 0 || rowIndex < 0) break;
          cells ??= rows[rowIndex] ??= [];
          cells[col] = v;
          break;
        }
        case "row":
          if (cells) for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = ""; // int: column index
          ctx.onRow?.();
          cells = undefined;
          break;
      }
    });
  });
  // The covered cells of a merged range read "" (Excel's range.values shows them so), even where the file has none.
  for (const ref of merges) {
    const [a, b] = ref.split(":");
    if (!b) continue;
    const r0 = rowOf(a);
    const r1 = rowOf(b);
    const c0 = columnOf(a);
    const c1 = columnOf(b);
    if (r0 < 0 || r1 < r0 || c0 < 0 || c1 < c0) continue;
    for (let r = r0; r <= r1; r++) { // int: row index
      for (let c = c0; c <= c1; c++) { // int: column index
        if (r === r0 && c === c0) continue;
        const row = (rows[r] ??= []);
        row[c] = "";
        for (let k = 0; k < c; k++) if (row[k] === undefined) row[k] = ""; // int: column index
      }
    }
  }
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = []; // int: row index
  return rows;
}

/**
 * The values of every worksheet of the .xlsx at `path`, whose zip entries are known (see fileKind.ts). Throws
 * UnreadablePart for a part it cannot parse.
 */
export async function streamWorkbook(path: string, entries: ZipEntry[], onRow?: () => void): Promise<StreamedWorkbook> {
  const parts: Parts = new Map(entries.map((e) => [partName(e.name), e]));
  const { sheets, date1904 } = await readWorkbookPart(path, parts);
  const dateStyles = await readDateStyles(path, parts);
  const shared = await readSharedStrings(path, parts);
  const counter = { khjl: 0 };
  const values: WorkbookValues = {};
  for (const s of sheets) values[s.name] = await readSheet(path, parts.get(s.part)!, { shared, dateStyles, date1904, counter, onRow });
  return { values, khjlFormulas: counter.khjl };
}
