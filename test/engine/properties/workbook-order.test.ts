/**
 * Rows in any order: the JSON reader takes a history oldest first as given (DATA-MODEL), but a branch workbook's
 * 花名册 and 月度指标 rows come in whatever order staff typed them, and the workbook layer sorts each manager's records
 * by period (src/workbook/map.ts). So shuffling the roster and the record rows of a workbook changes neither the
 * mapped input (per manager) nor any result.
 */
import fc from "fast-check";
import { appraiseAll, resolveSettings } from "../../../src/engine/api";
import { loadPreset } from "../../../src/engine/rulebooks";
import { mapWorkbook, type CellValue, type WorkbookValues } from "../../../src/workbook";
import { managerArb, runs, shapeOf, type Json } from "./gen";

const BOOKS = ["h003-city-bank", "c000-snip-venue"];

const pad = (m: number) => String(m).padStart(2, "0");

/** A generated manager (JSON shape) as roster and record rows; money and rates as numbers, as Excel stores them. */
function rows(managers: Json[], fields: string[]): { roster: CellValue[][]; records: CellValue[][] } {
  const roster: CellValue[][] = [["工号", "姓名", "机构", "角色", "等级"]];
  const records: CellValue[][] = [["工号", "期间", ...fields]];
  for (const m of managers) {
    roster.push([String(m.id), `经理${String(m.id)}`, "城东支行", String(m.role), (m.grade as string | undefined) ?? ""]);
    for (const r of m.history as Json[]) {
      records.push([String(m.id), String(r.period), ...fields.map((f) => (r[f] === undefined ? "" : Number(r[f])))]);
    }
  }
  return { roster, records };
}

function shuffledBody<T>(table: T[], order: number[]): T[] {
  const body = table.slice(1);
  const keyed = body.map((row, i) => ({ row, k: order[i % order.length] * 1000 + i }));
  keyed.sort((a, b) => a.k - b.k);
  return [table[0], ...keyed.map((x) => x.row)];
}

function appraiseWorkbook(id: string, wb: WorkbookValues, period: string) {
  const book = loadPreset(id);
  const mapped = mapWorkbook(wb, { book, period });
  const s = resolveSettings(book, mapped.input.settings ?? {});
  if (!s.ok) throw new Error(JSON.stringify(s.problems));
  const results = appraiseAll(book, s.value, mapped.input).output.results;
  return { mapped, results: new Map(results.map((r) => [r.id, r])) };
}

describe.each(BOOKS)("%s: a workbook's rows in any order", (id) => {
  const shape = shapeOf(id);
  // Plain numeric fields of the rulebook (no clients or tasks sheets here): the record sheet's columns.
  const fields = shape.fields.filter((f) => !["admonitionStartDay", "admonitionEndDay", "yellowCardDay"].includes(f)).slice(0, 24);
  const periods = [...Array.from({ length: 12 }, (_, i) => `2026-${pad(i + 1)}`), "2026"];
  const arb = fc.record({
    managers: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => managerArb(shape, periods, `01030${pad(i + 1)}`)))),
    order: fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 60 }),
    period: fc.constantFrom("2026", "2026-06", "2026-12"),
  });

  it("shuffling the roster and record rows changes no mapped history and no result", () => {
    fc.assert(
      fc.property(arb, ({ managers, order, period }) => {
        const plain = managers.map((m) => ({ ...m, history: (m.history as Json[]).map((r) => ({ period: r.period, ...Object.fromEntries(fields.filter((f) => r[f] !== undefined).map((f) => [f, r[f]])) })) }));
        const { roster, records } = rows(plain, fields);
        const a = appraiseWorkbook(id, { 花名册: roster, 月度指标: records }, period);
        const b = appraiseWorkbook(id, { 花名册: shuffledBody(roster, order), 月度指标: shuffledBody(records, [...order].reverse()) }, period);
        expect(a.mapped.problems.filter((p) => p.severity === "error")).toEqual([]);
        const byId = (x: typeof a) => new Map(x.mapped.input.managers.map((m) => [m.id, m]));
        const ma = byId(a);
        const mb = byId(b);
        expect([...mb.keys()].sort()).toEqual([...ma.keys()].sort());
        for (const [k, m] of ma) {
          expect(mb.get(k)!.history.map((r) => r.period)).toEqual(m.history.map((r) => r.period));
          expect(JSON.stringify(mb.get(k))).toBe(JSON.stringify(m));
          expect(b.results.get(k)).toEqual(a.results.get(k));
        }
      }),
      runs(20),
    );
  });
});
