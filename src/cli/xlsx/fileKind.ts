/**
 * What a file handed to `appraise grade` or `validate` really is, judged by its bytes, not its name: an .xlsx (read
 * by streamRead.ts), a format SheetJS reads (an Excel 97-2003 .xls or WPS .et, an OpenDocument .ods, a binary
 * .xlsb, a CSV or tab-separated export, a table exported as HTML or as XML Spreadsheet 2003), or what cannot be
 * read — an empty file, a password-protected workbook, a Word or PDF file, a damaged zip … each with what the clerk
 * can do about it.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { entryStream, readZipDirectory, type ZipEntry } from "./zip";

export interface FileProblem {
  zh: string;
  en: string;
}

/** The formats read through SheetJS (otherFormats.ts); `text` is a CSV or tab-separated file, `html` an HTML table. */
export type OtherFormat = "xls" | "xlsb" | "ods" | "xml2003" | "html" | "text";

export type FileKind = { ok: true; format: "xlsx"; entries: ZipEntry[] } | { ok: true; format: OtherFormat } | ({ ok: false } & FileProblem);

/**
 * The names a workbook file may have: the content decides how it is read (a .xls saved under an .xlsx name is read
 * as what it is); the name only keeps other files (a rulebook's JSON, a PDF) from being taken for a workbook.
 */
export const WORKBOOK_NAME = /\.(xlsx|xlsm|xls|et|xlsb|ods|csv|tsv|txt|xml|htm|html)$/i;

export const WORKBOOK_NAME_MESSAGE =
  "只能读取工作簿文件(.xlsx、.xlsm、.xls、WPS .et、.xlsb、.ods、.csv、.txt 制表符分隔、.xml 电子表格 2003、网页表格 .htm)/ only workbook files can be read (.xlsx, .xlsm, .xls, WPS .et, .xlsb, .ods, .csv, tab-separated .txt, XML Spreadsheet 2003, .htm tables)";

const SAVE_AS = { zh: "请在 Excel 或 WPS 中打开,另存为「Excel 工作簿(*.xlsx)」后再试", en: "open it in Excel or WPS and save it as an Excel Workbook (*.xlsx), then try again" };

function refuse(zh: string, en: string): FileKind {
  return { ok: false, zh, en };
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE compound file: an .xls, or an encrypted .xlsx (Office keeps a password-protected workbook in one). */
function oleKind(path: string): FileKind {
  const bytes = readFileSync(path);
  const has = (name: string) => bytes.includes(Buffer.from(name, "utf16le"));
  if (has("EncryptedPackage") || has("EncryptionInfo")) {
    return refuse(
      "工作簿设置了打开密码(已加密),无法读取:请在 Excel 中打开,在「文件 → 信息 → 保护工作簿 → 用密码进行加密」中清除密码并保存后再试",
      "the workbook is protected with a password (encrypted) and cannot be read: open it in Excel, clear the password under File → Info → Protect Workbook → Encrypt with Password, save it and try again",
    );
  }
  if (has("Workbook") || has("Book")) return { ok: true, format: "xls" };
  return refuse("这是 Office 97-2003 格式的文件(不是工作簿),无法读取", "this is an Office 97-2003 file that is not a workbook; it cannot be read");
}

async function textOf(path: string, entry: ZipEntry, limit: number): Promise<string> {
  const stream = entryStream(path, entry);
  if (!stream) return "";
  let text = "";
  for await (const chunk of stream) {
    text += (chunk as Buffer).toString("utf8");
    if (text.length >= limit) {
      stream.destroy();
      break;
    }
  }
  return text;
}

/** A zip: a workbook only when it holds xl/workbook.xml; other Office and OpenDocument files are named. */
async function zipKind(path: string, maxEntries: number): Promise<FileKind> {
  const dir = readZipDirectory(path, maxEntries);
  if (!dir.ok) {
    if (dir.reason === "tooManyEntries") return refuse(`压缩包内的文件超过 ${maxEntries} 个,不像考核工作簿,未读取`, `the file holds more than ${maxEntries} parts, which no appraisal workbook has; not read`);
    return refuse("文件不完整或已损坏(找不到或读不懂 zip 目录):请重新导出或从备份恢复", "the file is incomplete or damaged (its zip directory is missing or unreadable): export it again or restore it from a backup");
  }
  const names = new Set(dir.entries.map((e) => e.name));
  const mimetype = dir.entries.find((e) => e.name === "mimetype");
  if (mimetype) {
    const type = (await textOf(path, mimetype, 200)).trim();
    if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet")) return { ok: true, format: "ods" };
    if (type.startsWith("application/vnd.oasis.opendocument")) return refuse("这是 OpenDocument 文档,不是工作簿", "this is an OpenDocument file, not a workbook");
  }
  if (dir.entries.some((e) => (e.flags & 1) === 1)) {
    return refuse("文件内容已加密(zip 密码),无法读取:请去掉密码后另存为 .xlsx", "the file's content is encrypted (a zip password) and cannot be read: remove the password and save it as .xlsx");
  }
  if (names.has("xl/workbook.bin")) return { ok: true, format: "xlsb" };
  if (names.has("word/document.xml")) return refuse("这是 Word 文档,不是 Excel 工作簿", "this is a Word document, not an Excel workbook");
  if (names.has("ppt/presentation.xml")) return refuse("这是 PowerPoint 演示文稿,不是 Excel 工作簿", "this is a PowerPoint presentation, not an Excel workbook");
  if (!names.has("xl/workbook.xml")) return refuse("这是 zip 压缩包,但不是 Excel 工作簿(缺少 xl/workbook.xml)", "this is a zip archive but not an Excel workbook (it has no xl/workbook.xml)");
  return { ok: true, format: "xlsx", entries: dir.entries };
}

/** What the file is; for a workbook, its zip entries (to be measured before it is read). */
export async function fileKind(path: string, maxEntries: number): Promise<FileKind> {
  const size = statSync(path).size;
  if (size === 0) return refuse("文件是空的(0 字节),不是工作簿:可能保存或复制时中断了,请重新保存", "the file is empty (0 bytes), not a workbook: saving or copying it was probably interrupted; save it again");
  const head = Buffer.alloc(Math.min(size, 512));
  const fd = openSync(path, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(0, 8).equals(OLE)) return oleKind(path);
  if (head[0] === 0x50 && head[1] === 0x4b) return zipKind(path, maxEntries); // "PK"
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return refuse("这是 PDF 文件,不是工作簿", "this is a PDF file, not a workbook");
  const text = head.toString("utf8").replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (text.startsWith("<")) {
    if (text.includes("urn:schemas-microsoft-com:office:spreadsheet") || text.includes("progid=\"excel.sheet\"")) return { ok: true, format: "xml2003" };
    if (/<table[\s>]/.test(text) || text.startsWith("<!doctype html") || text.startsWith("<html")) return { ok: true, format: "html" };
    return refuse(`这是 XML 文件,但不是可读取的表格;${SAVE_AS.zh}`, `this is an XML file but not a table that can be read; ${SAVE_AS.en}`);
  }
  if (head.includes(0x00) && !head.subarray(0, 2).equals(Buffer.from([0xff, 0xfe]))) {
    return refuse("文件不是 Excel 工作簿(无法识别的二进制内容),或已损坏", "the file is not an Excel workbook (unrecognised binary content), or it is damaged");
  }
  return { ok: true, format: "text" };
}
