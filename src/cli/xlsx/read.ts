/**
 * An .xlsx file → {sheet name: cell values[][]} shaped like Excel's `range.values`: numbers, strings, booleans,
 * "" for blanks, the cached result of a formula, rich text flattened, error values as "#N/A"; dates stay Date
 * objects. Merged cells other than the top-left read "" as in Excel. A formula saved without its result reads as
 * UNCALCULATED, never as a blank: the workbook layer reports it.
 *
 * Before anything is read, the file is checked for what it really is (an .xls, an encrypted or empty file …) and
 * measured against WORKBOOK_LIMITS, so a file that would exhaust memory is refused with a message instead; then its
 * sheets are streamed row by row (streamRead.ts).
 */
import { statSync } from "node:fs";
import type { WorkbookValues } from "../../workbook";
import { fileKind } from "./fileKind";
import { measureWorkbook, tooLargeFile, tooManyRowsOrCells, WORKBOOK_LIMITS, type WorkbookLimits, type WorkbookSize } from "./limits";
import { readOtherFormat } from "./otherFormats";
import { streamWorkbook } from "./streamRead";
import type { OtherFormat } from "./fileKind";

export interface ReadOptions {
  limits?: WorkbookLimits;
  /** Hears the size once measured, before the (long) read of a large file. */
  onMeasured?: (size: WorkbookSize) => void;
  /** Hears each row read (progress on a large file). */
  onRow?: () => void;
}

export type WorkbookRead =
  | { ok: true; values: WorkbookValues; khjlFormulas: number; size: WorkbookSize }
  | { ok: false; zh: string; en: string };

/** Checks and measures the file, then reads it; a file that is not a readable workbook is a message, not a throw. */
export async function readWorkbookFile(path: string, options: ReadOptions = {}): Promise<WorkbookRead> {
  const limits = options.limits ?? WORKBOOK_LIMITS;
  const tooBig = tooLargeFile(statSync(path).size, limits);
  if (tooBig) return tooBig;
  const kind = await fileKind(path, limits.entries);
  if (!kind.ok) return kind;
  if (kind.format !== "xlsx") return readOther(path, kind.format, limits, options);
  const measured = await measureWorkbook(path, kind.entries, limits);
  if (!measured.ok) return measured;
  options.onMeasured?.(measured.size);
  try {
    const read = await streamWorkbook(path, kind.entries, options.onRow);
    return { ok: true, values: read.values, khjlFormulas: read.khjlFormulas, size: measured.size };
  } catch (e) {
    return { ok: false, zh: `无法读取工作簿(文件可能已损坏):${(e as Error).message}`, en: `cannot read the workbook (it may be damaged): ${(e as Error).message}` };
  }
}

/**
 * A workbook of another format (.xls, .ods, .csv …), read whole by SheetJS — such files are small next to the
 * file-size limit's .xlsx, and cannot be measured before reading — then held to the same row and cell limits.
 */
function readOther(path: string, format: OtherFormat, limits: WorkbookLimits, options: ReadOptions): WorkbookRead {
  const read = readOtherFormat(path, format);
  if (!read.ok) return read;
  const sheets = Object.values(read.values);
  const rows = sheets.reduce((n, s) => n + s.filter((r) => r.length > 0).length, 0); // int: count
  const cells = sheets.reduce((n, s) => n + s.reduce((m, r) => m + r.length, 0), 0); // int: count
  const fileBytes = statSync(path).size;
  const over = tooManyRowsOrCells(rows, cells, limits);
  if (over) return over;
  const size = { fileBytes, inflatedBytes: fileBytes, rows, cells, sheets: sheets.length };
  // Read whole and at once: the size is known only now, and there was no row-by-row progress to show.
  options.onMeasured?.(size);
  return { ok: true, values: read.values, khjlFormulas: 0, size };
}

/** The values of a workbook known to be readable (tests, the bench); throws the message otherwise. */
export async function readXlsx(path: string): Promise<WorkbookValues> {
  const read = await readWorkbookFile(path);
  if (!read.ok) throw new Error(`${read.zh} / ${read.en}`);
  return read.values;
}
