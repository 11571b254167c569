/**
 * How big a workbook the command line reads, checked before an .xlsx is read (the workbook layer holds every sheet's
 * cells, and a small file that unpacks to hundreds of MB of sheet XML would exhaust memory or end in "Invalid string
 * length"; other formats are held to the same rows and cells once read). The sizes are measured by unpacking each part and counting, never taken from
 * the zip's own (forgeable) figures. docs/data-model.md lists these limits.
 */
import { statSync } from "node:fs";
import { entryStream, type ZipEntry } from "./zip";

export const WORKBOOK_LIMITS = {
  /** The file on disk. 20 000 managers with a year of records each take about 20 MB. */
  fileBytes: 64 * 1024 * 1024,
  /** All parts unpacked: sheet XML, shared strings, styles. */
  inflatedBytes: 256 * 1024 * 1024,
  /** Rows over all sheets: 20 000 managers × 13 records and the roster fit. */
  rows: 300_000,
  /** Cells over all sheets, as the taskpane reads at most (READ_CELL_LIMIT). */
  cells: 5_000_000,
  /** Parts in the zip: a workbook has a few per sheet. */
  entries: 10_000,
} as const;

export type WorkbookLimits = { [K in keyof typeof WORKBOOK_LIMITS]: number };

export interface WorkbookSize {
  fileBytes: number;
  inflatedBytes: number;
  rows: number;
  cells: number;
  sheets: number;
}

export type Measured = { ok: true; size: WorkbookSize } | { ok: false; zh: string; en: string };

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString("en-US");

const SPLIT = {
  zh: "请把往年的记录或部分机构移到另一个工作簿,或删除多余的空行空列后再试",
  en: "move past years' records or some branches to another workbook, or delete unused rows and columns, and try again",
};

export function tooLargeFile(bytes: number, limits: WorkbookLimits = WORKBOOK_LIMITS): Extract<Measured, { ok: false }> | undefined {
  if (bytes <= limits.fileBytes) return undefined;
  return { ok: false, zh: `文件有 ${MB(bytes)},超过可读取的上限 ${MB(limits.fileBytes)};${SPLIT.zh}`, en: `the file is ${MB(bytes)}, above the limit of ${MB(limits.fileBytes)}; ${SPLIT.en}` };
}

/** Counts row and cell tags across chunk boundaries: a tag split between two chunks is counted once, in the later. */
class TagCounter {
  rows = 0;
  cells = 0;
  private carry = "";

  add(chunk: Buffer): void {
    const text = this.carry + chunk.toString("latin1");
    // A tag wholly inside the carried tail was counted with the chunk before.
    const from = this.carry.length;
    this.rows += occurrences(text, "<row ", from) + occurrences(text, "<row>", from); // int: count
    this.cells += occurrences(text, "<c ", from) + occurrences(text, "<c>", from); // int: count
    this.carry = text.slice(-4);
  }
}

/** Occurrences of `tag` in `text` that end after `carried` characters. */
function occurrences(text: string, tag: string, carried: number): number {
  let n = 0; // int: count
  for (let i = text.indexOf(tag); i >= 0; i = text.indexOf(tag, i + tag.length)) if (i + tag.length > carried) n += 1; // int: count
  return n;
}

/** Unpacks every part once, counting bytes (and, in sheets, rows and cells), and stops at the first limit passed. */
/** The refusal of a workbook with more rows or cells (all sheets together) than the limits, or undefined. */
export function tooManyRowsOrCells(rows: number, cells: number, limits: WorkbookLimits): { ok: false; zh: string; en: string } | undefined {
  if (rows <= limits.rows && cells <= limits.cells) return undefined;
  const what = rows > limits.rows
    ? { zh: `超过 ${count(limits.rows)} 行`, en: `more than ${count(limits.rows)} rows` }
    : { zh: `超过 ${count(limits.cells)} 个单元格`, en: `more than ${count(limits.cells)} cells` };
  return { ok: false, zh: `工作簿${what.zh}(所有工作表合计),超出可读取的上限;${SPLIT.zh}`, en: `the workbook has ${what.en} (all sheets together), above the limit; ${SPLIT.en}` };
}

export async function measureWorkbook(path: string, entries: ZipEntry[], limits: WorkbookLimits = WORKBOOK_LIMITS): Promise<Measured> {
  const fileBytes = statSync(path).size;
  const tooBig = tooLargeFile(fileBytes, limits);
  if (tooBig) return tooBig;
  const inflatedTooLarge = (bytes: number): Measured => ({
    ok: false,
    zh: `工作簿解压后超过 ${MB(limits.inflatedBytes)}(文件本身 ${MB(fileBytes)}${bytes > 0 ? `,已解压 ${MB(bytes)}` : ""}),超出可读取的上限;${SPLIT.zh}`,
    en: `the workbook unpacks to more than ${MB(limits.inflatedBytes)} (the file itself is ${MB(fileBytes)}), above the limit; ${SPLIT.en}`,
  });
  // The directory's own figures first: an honest large file is refused without unpacking anything.
  const declared = entries.reduce((n, e) => n + e.uncompressedSize, 0); // int: bytes
  if (declared > limits.inflatedBytes) return inflatedTooLarge(0);
  let inflatedBytes = 0; // int: bytes
  let rows = 0; // int: count
  let cells = 0; // int: count
  let sheets = 0; // int: count
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    if (entry.method !== 0 && entry.method !== 8) {
      return { ok: false, zh: `工作簿的部件 ${entry.name} 使用了无法读取的压缩方式(${entry.method}),可能已加密;请在 Excel 中另存为 .xlsx`, en: `the workbook part ${entry.name} uses compression method ${entry.method}, which cannot be read (it may be encrypted); save it again as .xlsx in Excel` };
    }
    const stream = entryStream(path, entry);
    if (!stream) return { ok: false, zh: `工作簿已损坏(部件 ${entry.name} 的位置不对):请重新导出或从备份恢复`, en: `the workbook is damaged (part ${entry.name} is not where its directory says): export it again or restore it from a backup` };
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    if (sheet) sheets += 1; // int: count
    const tags = new TagCounter();
    try {
      for await (const chunk of stream) {
        const buf = chunk as Buffer;
        inflatedBytes += buf.length; // int: bytes
        if (inflatedBytes > limits.inflatedBytes) {
          stream.destroy();
          return inflatedTooLarge(inflatedBytes);
        }
        if (!sheet) continue;
        tags.add(buf);
        const over = tooManyRowsOrCells(rows + tags.rows, cells + tags.cells, limits);
        if (over) {
          stream.destroy();
          return over;
        }
      }
    } catch (e) {
      return { ok: false, zh: `工作簿已损坏(部件 ${entry.name} 无法解压):请重新导出或从备份恢复`, en: `the workbook is damaged (part ${entry.name} cannot be unpacked: ${(e as Error).message}): export it again or restore it from a backup` };
    }
    rows += tags.rows; // int: count
    cells += tags.cells; // int: count
  }
  return { ok: true, size: { fileBytes, inflatedBytes, rows, cells, sheets } };
}
