/**
 * Staff ids (工号). An id is text: staff numbers keep leading zeros and may have 16+ digits. A number cell loses
 * both — Excel keeps 15 significant digits, so 1020030000000017 typed into a General cell is stored as
 * 1020030000000010. Every id that is a number is reported; one with 16+ digits is an error, because its last
 * digits are gone. Where the same person appears with a text id elsewhere in the workbook, that id is suggested
 * (and used to link the rows).
 */
import { cellKind, INVISIBLE, isBlank, isExcelError, isUncalculated, quote, UNCALCULATED_TEXT, type CellValue } from "./cells";
import type { CellIssue } from "./numbers";

export type IdRead =
  | { kind: "blank" }
  | { kind: "text"; id: string; issue?: CellIssue }
  /** A number cell: `digits` as stored; the id may be recovered from a text id elsewhere. */
  | { kind: "number"; digits: string; lost: boolean }
  | { kind: "invalid"; issue: CellIssue };

/** Digits of an integer-valued number without exponent notation (1.02003e+21 → "1020030000000000000000"). */
export function integerDigits(n: number): string {
  return BigInt(n).toString();
}

/** Longer text is not a staff id (ids have up to about 20 characters); messages would quote it whole otherwise. */
export const ID_MAX_CHARS = 64;

export function readIdCell(v: CellValue): IdRead {
  if (isBlank(v)) return { kind: "blank" };
  if (isUncalculated(v)) return { kind: "invalid", issue: { code: "formulaNoValue", zh: `工号${UNCALCULATED_TEXT.zh}`, en: `the staff id ${UNCALCULATED_TEXT.en}` } };
  if (typeof v === "string") {
    if (isExcelError(v)) return { kind: "invalid", issue: { code: "idInvalid", zh: `工号为错误值 ${v.trim()}`, en: `the staff id is the error value ${v.trim()}` } };
    const trimmed = v.trim();
    // Invisible characters (a zero-width space pasted from a web page or chat, a no-break space, a BOM) make an id
    // that looks right but matches nobody: read the visible id, and show where the invisible ones were.
    const hidden = [...new Set(v.match(INVISIBLE) ?? [])];
    const folded = trimmed.normalize("NFKC").replace(INVISIBLE, "").replace(/\s/g, "");
    if (folded.length > ID_MAX_CHARS) {
      return { kind: "invalid", issue: { code: "idInvalid", zh: `工号 ${quote(folded)} 过长(${folded.length} 个字符),不是工号`, en: `staff id ${quote(folded)} is too long (${folded.length} characters) to be a staff id` } };
    }
    if (folded === "") {
      return { kind: "invalid", issue: { code: "idInvisible", zh: `工号 ${quote(v)} 只有不可见字符,不是工号`, en: `staff id ${quote(v)} holds only invisible characters; it is not an id` } };
    }
    if (hidden.length > 0) {
      const codes = hidden.map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`).join("、");
      return {
        kind: "text",
        id: folded,
        issue: { code: "idInvisible", zh: `工号 ${quote(v)} 含不可见字符(${codes}),按 ${folded} 读取;请删除这些字符`, en: `staff id ${quote(v)} holds invisible characters (${codes}); read as ${folded}; delete them`, suggested: folded },
      };
    }
    if (folded !== trimmed) {
      return {
        kind: "text",
        id: folded,
        issue: { code: "idInvalid", zh: `工号 ${quote(v)} 含全角字符或空格,按 ${folded} 读取`, en: `staff id ${quote(v)} has full-width characters or spaces; read as ${folded}`, suggested: folded },
      };
    }
    return { kind: "text", id: trimmed };
  }
  if (typeof v === "number" && Number.isFinite(v) && Number.isInteger(v) && v >= 0) {
    const digits = integerDigits(v);
    return { kind: "number", digits, lost: digits.length >= 16 };
  }
  const k = cellKind(v);
  return { kind: "invalid", issue: { code: "idInvalid", zh: `工号是${k.zh} ${String(v)},应为文本`, en: `the staff id is ${k.en} (${String(v)}); it must be text` } };
}

/**
 * Text ids that a number id may stand for: the same digits with leading zeros stripped (up to 15 digits), or the
 * same 15 leading significant digits and length (16+ digits, where Excel rounded the rest away).
 */
export function idCandidates(digits: string, textIds: Iterable<string>): string[] {
  const out: string[] = [];
  for (const t of textIds) {
    if (!/^\d+$/.test(t)) continue;
    if (digits.length < 16) {
      if (t.replace(/^0+/, "") === digits.replace(/^0+/, "")) out.push(t);
    } else if (t.length === digits.length && t.slice(0, 15) === digits.slice(0, 15)) out.push(t);
  }
  return out;
}

/** The problem for a number id, after looking for its text form elsewhere. */
export function numberIdIssue(digits: string, lost: boolean, candidates: string[], seenAt: string | undefined): CellIssue {
  const match = candidates.length === 1 ? candidates[0] : undefined;
  const found = match ? `;工作簿中${seenAt ? ` ${seenAt} ` : ""}有文本工号 ${match},按它匹配` : "";
  const foundEn = match ? `; the workbook has the text id ${match}${seenAt ? ` at ${seenAt}` : ""}, used to match` : "";
  if (lost) {
    return {
      code: "idDigitsLost",
      zh: `工号 ${digits} 是 ${digits.length} 位的数字单元格:Excel 只保留 15 位有效数字,末位已丢失;请把工号列设为文本后重新录入${found}`,
      en: `staff id ${digits} is a number cell with ${digits.length} digits: Excel keeps only 15 significant digits, so the last ones are lost; format the column as text and re-enter it${foundEn}`,
      ...(match ? { suggested: match } : {}),
    };
  }
  return {
    code: "idNumber",
    zh: `工号 ${digits} 是数字单元格,前导零会丢失;请把工号列设为文本${found}`,
    en: `staff id ${digits} is a number cell, which drops leading zeros; format the column as text${foundEn}`,
    ...(match ? { suggested: match } : {}),
  };
}
