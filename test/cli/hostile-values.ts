/**
 * Test helper (not a test): hostile values as branch staff and their spreadsheets actually produce them — numbers as
 * text with separators, currency signs, 万/亿 suffixes and full-width digits, blanks, booleans, Excel error values,
 * dates, "NaN"/"Infinity" as text, huge and tiny numbers, 16+ digit staff ids — for the command-line hostile suites,
 * plus the checks every run must pass. KHJL_LONG=1 scales the run counts up (`npm run test:long`).
 */
import fc from "fast-check";

export const LONG = process.env.KHJL_LONG === "1";
export const scaled = (n: number, long = 10) => (LONG ? n * long : n);
/** Jest's time limit for a hostile test: generous, since a loaded 2-core machine runs them several times slower. */
export const TIME_LIMIT = LONG ? 3_600_000 : 300_000;

/** Text a cell or a JSON string may hold instead of a clean number. */
export const HOSTILE_TEXT = [
  "１２３", "１２，３４５．６７", "1,234.50", "1，234.50", "¥1,234.50", "￥5000", "$12.50", "RMB 100", "12万", "3.5亿", "1,200万元",
  "35%", "35％", "0.35%", "1‰", "", " ", "\u3000", "\t", "NaN", "nan", "Infinity", "-Infinity", "+Infinity", "∞",
  "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "1e400", "-1e400", "1e-400", "0x1F",
  "1_000", "12.3.4", "1 234", "(1,234.00)", "−500", "–500", "1,2O0", "l00", "١٢٣", "TRUE", "false", "null", "undefined",
  "2026-01-31", "2026/1/31", "45291", "0000123", "10200300000000016", "1.0000000000000000000001", "99999999999999999999999",
  "=1+1", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "<script>", "'; DROP TABLE", "\u0000", "\uFEFF123", "🙂", "𠮷",
  // Periods a year off (0226 for 2026, 2062, 1905) and ids with characters nobody sees.
  "0226", "0226-05", "0000", "1905-07", "2062-03", "2026.1", "0103001\u200b", "0103\u00a0001", "\u200b", "\u202e0103001",
] as const;

/** Text far longer than a message may quote (Excel holds 32 767 characters in a cell). */
export const LONG_TEXT = "长".repeat(32_767);

/** Numbers at the edges of what a double holds. */
export const HOSTILE_NUMBERS = [
  0, -0, 1, -1, 0.1, 0.30000000000000004, 1e-7, 5e-324, -5e-324, 1e21, 1e300, 1.7976931348623157e308, -1.7976931348623157e308,
  Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1.0000000000000002, 99.99999999999999, 35, 1.5, 1.5000001, 1000.0001,
  12345678901234567890, 10200300000000016, 0.995, 2.5, 1e-300,
  // A period typed as a decimal (2026.05; 2026.10 is stored as 2026.1), a date serial with a time, a year alone.
  2026.05, 2026.1, 2026.12, 46022.67, 1905, 7,
] as const;

/** Raw JSON number text that JSON.parse turns into Infinity, 0 or a rounded double. */
export const RAW_NUMBER_TEXT = ["1e400", "-1e400", "1e-400", "12345678901234567.89", "0.10000000000000000000000001", "1E+999"] as const;

export const hostileText = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 6 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }), weight: 1 },
  { arbitrary: fc.stringMatching(/^[ \t]?[+-]?[0-9０-９]{1,4}([,，][0-9]{3}){0,3}([.．][0-9]{0,4})?(万|亿|元|%|万元)?[ \t]?$/), weight: 3 },
);

export const hostileNumber = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_NUMBERS), weight: 3 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 2 },
  { arbitrary: fc.integer({ min: -1e6, max: 1e9 }), weight: 2 },
  { arbitrary: fc.bigInt({ min: 10n ** 15n, max: 10n ** 20n }).map((b) => Number(b)), weight: 1 },
);

/** Marks a raw number text to be spliced into JSON after JSON.stringify (JSON.stringify cannot write 1e400). */
export const RAW = (text: string) => `@@RAW:${text}@@`;
export const spliceRaw = (json: string) => json.replace(/"@@RAW:((?:[^@\\]|\\.)+)@@"/g, (_m, raw: string) => JSON.parse(`"${raw}"`));

/** Any JSON value a hostile body may hold where a number or a text belongs. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileText, weight: 5 },
  { arbitrary: hostileNumber, weight: 4 },
  { arbitrary: fc.constantFrom(...RAW_NUMBER_TEXT).map(RAW), weight: 1 },
  { arbitrary: fc.constantFrom(true, false, null), weight: 1 },
  { arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), weight: 1 },
  { arbitrary: fc.constantFrom<unknown>([], {}, [1], { value: 1 }, ["1"], [[[]]]), weight: 1 },
  { arbitrary: fc.constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}').map(RAW), weight: 1 },
);

// ---- what every run must satisfy ----

/** Output must never show a NaN or an Infinity: a quoted echo of the user's own text ("NaN" typed in a cell) is fine. */
export function assertFinite(text: string, where: string): void {
  // Drop "…" and 「…」 quotations (the user's own text echoed back), then look for the words.
  const unquoted = text.replace(/"(?:[^"\\\n]|\\.)*"/g, '""').replace(/「[^」\n]*」/g, "「」");
  const m = /NaN|Infinity/.exec(unquoted);
  if (m) {
    const line = unquoted.split("\n").find((l) => /NaN|Infinity/.test(l));
    throw new Error(`${where} shows ${m[0]} outside a quotation: ${line}`);
  }
}
