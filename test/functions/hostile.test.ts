/**
 * Hostile input for every custom function: generated strings (full-width digits, "1,234.50", ¥, 万/亿, NaN and
 * Infinity text), blanks, booleans, Excel error values, dates, huge and tiny numbers, 16+ digit ids, ragged and
 * wrong-shaped ranges. Zero exceptions, zero NaN/Infinity, answers shaped like the input rows, and every error a
 * message that names the argument, the range row or the rulebook. `npm run test:long` (KHJL_LONG=1) runs 10,000 per function.
 */
import fc from "fast-check";
import { useDocumentStore } from "../../src/functions/books";
import * as impl from "../../src/functions/impl";
import { FunctionError } from "../../src/functions/result";

const LONG = process.env.KHJL_LONG === "1";
const RUNS_TABLE = LONG ? 10_000 : 1_000;
const RUNS_SCALAR = LONG ? 10_000 : 2_000;
const TIMEOUT = LONG ? 900_000 : 120_000;

const texts = fc.constantFrom("１２３", "1,234.50", "¥1,200", "800万", "1.2亿", "NaN", "Infinity", "-Infinity", "1e999", "", "  ", "35%", "abc", "0102003", "12345678901234567890", "2026-03", "2026年3月", "TRUE", "#N/A", "=1+1");
const cellArb = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 1234567890123456789, 35, 0.35),
  texts,
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom({ code: "#N/A" }, { code: "#VALUE!" }, { code: "#DIV/0!" }),
  fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
);
const HEADERS = ["工号", "期间", "角色", "等级", "日均存款(万元)", "不良贷款率", "月收入(元)", "存款日均增长率", "收贷收息率", "中间业务收入增长率", "风险金期初余额(元)", "未知列", "事件"];
const headerArb = fc.subarray(HEADERS, { minLength: 1 }).chain((h) => fc.shuffledSubarray(h, { minLength: h.length, maxLength: h.length }));
const tableArb = headerArb.chain((h) =>
  fc.array(fc.array(fc.oneof(cellArb, fc.constantFrom("001", "002", "2026-01", "2026-02", "2026", "客户经理", "支行行长", "中级客户经理")), { minLength: h.length, maxLength: h.length }), { minLength: 0, maxLength: 6 }).map((rows) => [h, ...rows]),
);
const argArb = fc.oneof(cellArb, tableArb, fc.constant([[1], [2, 3]]), fc.constant([]));

function checkCell(c: unknown): void {
  if (c instanceof FunctionError) {
    expect(["#VALUE!", "#N/A"]).toContain(c.code);
    expect(c.zh.length).toBeGreaterThan(3);
    expect(c.en.length).toBeGreaterThan(3);
    // NaN may only appear quoted ("NaN" or 「NaN」), as the user's own text typed in a cell.
    expect(c.message.replace(/"[^"]*"/g, '""').replace(/「[^」]*」/g, "「」")).not.toMatch(/undefined|NaN|Infinity|\[object/);
    return;
  }
  if (typeof c === "number") expect(Number.isFinite(c)).toBe(true);
  else expect(typeof c).toBe("string");
}

beforeAll(() => useDocumentStore({ "khjl.rulebook": { id: "h003-city-bank" } }));

const TABLE_FUNCTIONS = { GRADE: impl.gradeOf, SCORE: impl.scoreOf, COMMISSION: impl.commissionOf, RISKDEPOSIT: impl.riskDepositOf, DEMOTION: impl.demotionOf, NEXTGRADE: impl.nextGradeOf };

describe.each(Object.entries(TABLE_FUNCTIONS))("%s on hostile tables and arguments", (_, fn) => {
  it("never throws, never NaN, one answer per row, every error explained", () => {
    fc.assert(
      fc.property(fc.oneof(tableArb, argArb), fc.oneof(fc.constant(null), argArb), fc.oneof(fc.constant(null), cellArb), fc.oneof(fc.constant(null), fc.constantFrom("h003-city-bank", "b002-bank-grades", "c000-credit-coop", "nope"), cellArb), (table, rows, period, rulebook) => {
        const out = fn(table, rows, period, rulebook);
        if (out instanceof FunctionError) return checkCell(out);
        const expectedRows = rows === null ? (table as unknown[][]).length : (rows as unknown[][]).length;
        expect(out.length).toBe(expectedRows);
        for (const row of out) for (const c of row) checkCell(c);
      }),
      { numRuns: RUNS_TABLE, seed: 20261123 },
    );
  }, TIMEOUT);
});

describe("EXPLAIN on hostile arguments", () => {
  it("never throws and answers text or explained errors", () => {
    fc.assert(
      fc.property(tableArb, fc.oneof(fc.constant(null), cellArb), fc.oneof(fc.constant(null), cellArb, fc.constantFrom("grade", "得分", "status")), fc.oneof(fc.constant(null), cellArb, fc.constantFrom("zh", "en", "both")), (table, period, what, language) => {
        const out = impl.explainOf(table, null, period, null, null, what, language);
        if (out instanceof FunctionError) return checkCell(out);
        for (const row of out) for (const c of row) checkCell(c);
      }),
      { numRuns: RUNS_TABLE, seed: 20261123 },
    );
  }, TIMEOUT);
});

describe("COMPLETION on hostile numbers and ranges", () => {
  it("never throws, never NaN or Infinity, the shape of actual, every error explained", () => {
    const range = fc.array(fc.array(cellArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.oneof(cellArb, range), fc.oneof(cellArb, range), fc.oneof(fc.constant(null), cellArb), (actual, plan, rulebook) => {
        const out = impl.completionOf(actual, plan, rulebook);
        if (out instanceof FunctionError) return checkCell(out);
        for (const row of out) for (const c of row) checkCell(c);
      }),
      { numRuns: RUNS_SCALAR, seed: 20261123 },
    );
  }, TIMEOUT);
});
