/**
 * The risk deposit as the appraisal reports it (h003-city-bank, the only built-in rulebook with a risk-deposit
 * stage), over random monthly histories, grades that change, agent months, carried-in balances and settings:
 * - H003-RISKDEP-LEDGER: opening + withheld − refunded = closing, to the fen, where the opening is the balance carried
 *   in or, without one, the closing balance the previous month's appraisal reported (nothing is forfeited in a
 *   period: losses are paid from the balance only at settlement, H003-RISKDEP-REFUND);
 * - H003-RISKDEP-CAP / -GRADE-CHANGE: a month withholds at most the room left under its grade's cap and at most the
 *   rate × income (rounded to the fen); withholding never lifts the balance above the cap; under refundExcess a
 *   balance above a lower cap comes down to it; an agent's month withholds nothing (H003-RISKDEP-WITHHOLD);
 * - nothing is negative, and every amount is whole fen;
 * - H003-RISKDEP-REFUND settles any balance to 0: losses are applied first, the rest refunded, a shortfall owed.
 * All through the format-2 rulebook as a user reaches it (input reader, settings, rulebook, results rounding; the
 * settlement through runTool), so the ledger rule in rules.ledger.json is what is checked.
 */
import fc from "fast-check";
import { resolveSettings } from "../../../src/engine/api";
import { Dec } from "../../../src/engine/decimal";
import { isUnavailable } from "../../../src/engine/outcome";
import { monthIndex, monthOfIndex } from "../../../src/engine/periods";
import type { ManagerResultJson } from "../../../src/engine/results";
import { loadPreset } from "../../../src/engine/rulebooks";
import { runTool } from "../../../src/engine/tools";
import { appraiseCase, decText, runs, type Json } from "./gen";

const H = "h003-city-bank";
const GRADES = ["senior", "intermediate", "junior"] as const;
const DEFAULT_CAPS: Record<string, string> = { senior: "20000", intermediate: "10000", junior: "5000" };
const FIRST = monthIndex("2025-10");

const monthArb = fc.record({
  income: fc.oneof({ arbitrary: decText(0, 60000, 3), weight: 8 }, { arbitrary: decText(-3000, 0, 2), weight: 1 }),
  grade: fc.option(fc.constantFrom(...GRADES), { nil: undefined, freq: 4 }),
  agent: fc.oneof({ arbitrary: fc.constant(false), weight: 12 }, { arbitrary: fc.constant(true), weight: 1 }),
});

const caseArb = fc.record({
  role: fc.constantFrom("cm", "cm", "president"),
  grade: fc.constantFrom(...GRADES),
  months: fc.array(monthArb, { minLength: 1, maxLength: 15 }),
  carried: fc.option(decText(0, 25000, 2), { nil: undefined, freq: 2 }),
  pick: fc.nat(),
  yearly: fc.boolean(),
  settings: fc.record(
    {
      "h003.riskDeposit.rate": fc.constantFrom("20%", "10%", "5%", "33.33%", "0", "0.5"),
      "h003.riskDeposit.excessOnDemotion": fc.constantFrom("hold", "refundExcess"),
      "h003.riskDeposit.caps": fc.record({ senior: decText(0, 30000, 2), intermediate: decText(0, 15000, 2), junior: decText(0, 8000, 2) }),
    },
    { requiredKeys: [] },
  ),
});
type LedgerCase = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function manager(c: LedgerCase, upTo?: number): Json {
  const history = c.months
    .map((m, i) => {
      const rec: Json = { period: monthOfIndex(FIRST + i), income: m.income };
      if (m.grade) rec.grade = m.grade;
      if (m.agent) rec.role = "agent";
      return rec;
    })
    .filter((_, i) => upTo === undefined || i <= upTo);
  const out: Json = { id: "M1", role: c.role, grade: c.grade, history };
  if (c.carried !== undefined) out.riskDeposit = { balance: c.carried };
  return out;
}

const rateOf = (c: LedgerCase) => new Dec(String(c.settings["h003.riskDeposit.rate"] ?? "20%").replace("%", "")).div(String(c.settings["h003.riskDeposit.rate"] ?? "20%").endsWith("%") ? 100 : 1);
const capOf = (c: LedgerCase, grade: string) => new Dec(((c.settings["h003.riskDeposit.caps"] as Record<string, string> | undefined) ?? DEFAULT_CAPS)[grade]);
const fen = (d: Dec) => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP);

function appraise(c: LedgerCase, period: string, upTo?: number): ManagerResultJson {
  return appraiseCase(H, { period, settings: c.settings as Json, managers: [manager(c, upTo)] })[0];
}

describe("H003-RISKDEP-LEDGER / -CAP through the appraisal", () => {
  it("balances to the fen against the carried or previous balance, never withholds past the cap, never goes negative", () => {
    const stats = { judged: 0, total: 0, capped: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        const n = c.months.length;
        const last = FIRST + n - 1;
        // The appraised period: one month of the history, or the year 2026 when the history has all of it.
        const hasYear = last >= monthIndex("2026-12");
        const monthPick = c.pick % n;
        const period = c.yearly && hasYear ? "2026" : monthOfIndex(FIRST + monthPick);
        const inPeriod = (i: number) => (period === "2026" ? monthOfIndex(FIRST + i).startsWith("2026-") : i === monthPick);
        const r = appraise(c, period);
        stats.total++;
        if (!r.riskDeposit) return;
        stats.judged++;
        const withheld = new Dec(r.riskDeposit.withheld);
        const refunded = new Dec(r.riskDeposit.refundable);
        const closing = new Dec(r.riskDeposit.balance);
        for (const v of [withheld, refunded, closing]) {
          expect(v.gte(0)).toBe(true);
          expect(v.decimalPlaces()).toBeLessThanOrEqual(2);
        }

        // Opening: the carried balance, or what the month before reported (0 when there is none).
        const firstIn = c.months.findIndex((_, i) => inPeriod(i));
        let opening: Dec;
        if (c.carried !== undefined) opening = new Dec(c.carried);
        else if (firstIn === 0) opening = new Dec(0);
        else {
          // The latest earlier month with a risk deposit: an agent's month (the rule does not apply) moves nothing.
          opening = new Dec(0);
          for (let j = firstIn - 1; j >= 0; j--) {
            const prev = appraise(c, monthOfIndex(FIRST + j), j);
            if (prev.riskDeposit) {
              opening = new Dec(prev.riskDeposit.balance);
              break;
            }
            expect(c.months[j].agent).toBe(true);
          }
        }
        if (!opening.plus(withheld).minus(refunded).eq(closing)) {
          throw new Error(`${period}: opening ${opening} + withheld ${withheld} − refunded ${refunded} ≠ closing ${closing}`);
        }

        // Per month of the period: at most rate × income, at most the room under the month's cap.
        const rate = rateOf(c);
        let due = new Dec(0);
        let maxCap = new Dec(0);
        let anyCovered = false;
        c.months.forEach((m, i) => {
          if (!inPeriod(i)) return;
          const grade = m.grade ?? c.grade;
          if (!m.agent) {
            anyCovered = true;
            due = due.plus(fen(rate.times(Dec.max(0, m.income))));
            maxCap = Dec.max(maxCap, capOf(c, grade));
          }
        });
        if (!anyCovered) {
          expect(withheld.isZero()).toBe(true);
          expect(refunded.isZero()).toBe(true);
        }
        expect(withheld.lte(due)).toBe(true);
        // Withholding only fills up to a cap: the closing balance is above every cap in force only if the opening was.
        if (closing.gt(maxCap)) {
          expect(withheld.isZero()).toBe(true);
          expect(closing.lte(opening)).toBe(true);
        }
        if (period !== "2026") {
          const m = c.months[monthPick];
          const cap = capOf(c, m.grade ?? c.grade);
          if (!m.agent) {
            const afterRefund = opening.minus(refunded);
            expect(withheld.lte(Dec.max(0, cap.minus(afterRefund)))).toBe(true);
            if (c.settings["h003.riskDeposit.excessOnDemotion"] === "refundExcess") {
              expect(refunded.eq(Dec.max(0, opening.minus(cap)))).toBe(true);
              expect(closing.lte(Dec.max(cap, 0))).toBe(true);
            } else expect(refunded.isZero()).toBe(true);
            if (withheld.lt(fen(rate.times(Dec.max(0, m.income))))) stats.capped++;
          }
        }
      }),
      runs(200),
    );
    expect(stats.judged / stats.total).toBeGreaterThan(0.5);
    expect(stats.capped).toBeGreaterThan(0);
  });
});

describe("H003-RISKDEP-REFUND settlement of any balance (the rule's tool)", () => {
  const book = loadPreset(H);
  const settings = resolveSettings(book, {});
  if (!settings.ok) throw new Error(JSON.stringify(settings.problems));
  const fenArb = (max: number) => fc.integer({ min: 0, max }).map((n) => new Dec(n).div(100).toFixed(2));

  it("balance − applied − refund = closing = 0; applied + still owed = compensation; nothing negative, every amount whole fen", () => {
    fc.assert(
      fc.property(fenArb(3_000_000), fenArb(5_000_000), (balance, compensationYuan) => {
        const out = runTool(book, settings.value, "H003-RISKDEP-REFUND", { balance, leaveDate: "2026-03-31", compensationYuan });
        if (isUnavailable(out)) throw new Error(out.en);
        // A format-2 tool gives its money as fixed-point text.
        const [applied, refund, stillOwed, closing] = ["applied", "refund", "stillOwed", "closing"].map((k) => new Dec((out.value as Record<string, string>)[k]));
        expect(new Dec(balance).minus(applied).minus(refund).eq(closing)).toBe(true);
        expect(closing.isZero()).toBe(true);
        expect(applied.plus(stillOwed).eq(compensationYuan)).toBe(true);
        for (const x of [applied, refund, stillOwed]) {
          expect(x.gte(0)).toBe(true);
          expect(x.decimalPlaces()).toBeLessThanOrEqual(2);
        }
      }),
      runs(300),
    );
  });
});
