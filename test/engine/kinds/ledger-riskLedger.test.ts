/**
 * The pure risk-deposit ledger (src/engine/kinds/ledger/riskLedger.ts), tested directly: the rule file's examples,
 * boundaries, and properties over random histories (H003-RISKDEP-LEDGER identity, H003-RISKDEP-CAP, no negatives).
 */
import fc from "fast-check";
import { Dec } from "../../../src/engine/decimal";
import { runRiskLedger, settleRiskDeposit, type RiskLedgerMonth, type RiskLedgerOptions } from "../../../src/engine/kinds/ledger/riskLedger";

const d = (s: string) => new Dec(s);
const CAPS = { senior: d("20000"), intermediate: d("10000"), junior: d("5000") };
const OPTS: RiskLedgerOptions = { rate: d("0.2"), caps: CAPS, excessOnDemotion: "hold" };
const months = (grade: string, incomes: string[]): RiskLedgerMonth[] =>
  incomes.map((income, i) => ({ period: `2026-${String(i + 1).padStart(2, "0")}`, income: d(income), grade }));
const str = (x: Dec) => x.toFixed(2);

describe("H003-RISKDEP-CAP runRiskLedger: the rule file's seven-month example", () => {
  const run = runRiskLedger(d("0"), months("intermediate", ["8000", "12000", "9500.55", "-500", "15000", "20000", "18000"]), OPTS);
  it("withholds 1 600.00, 2 400.00, 1 900.11, 0, 3 000.00, 1 099.89, 0", () => {
    expect(run.steps.map((s) => str(s.withheld))).toEqual(["1600.00", "2400.00", "1900.11", "0.00", "3000.00", "1099.89", "0.00"]);
  });
  it("leaves balances 1 600.00 … 10 000.00", () => {
    expect(run.steps.map((s) => str(s.closing))).toEqual(["1600.00", "4000.00", "5900.11", "5900.11", "8900.11", "10000.00", "10000.00"]);
  });
  it("classifies each month (H003-RISKDEP-WITHHOLD zero income, H003-RISKDEP-CAP remainder and full)", () => {
    expect(run.steps.map((s) => s.outcome)).toEqual(["withheld", "withheld", "withheld", "noIncome", "withheld", "capped", "atCap"]);
    expect(str(run.steps[5].due)).toBe("4000.00");
  });
  it("totals: 10 000.00 withheld, nothing refunded", () => {
    expect(str(run.withheld)).toBe("10000.00");
    expect(str(run.refunded)).toBe("0.00");
    expect(str(run.closing)).toBe("10000.00");
  });
});

describe("H003-RISKDEP-WITHHOLD runRiskLedger boundaries", () => {
  const one = (income: string, opening = "0", grade = "intermediate") => runRiskLedger(d(opening), months(grade, [income]), OPTS).steps[0];
  it.each([
    ["0", "0.00", "noIncome"],
    ["-0.01", "0.00", "noIncome"],
    ["0.01", "0.00", "withheld"],
    ["0.025", "0.01", "withheld"],
    ["0.024", "0.00", "withheld"],
    ["9500.55", "1900.11", "withheld"],
  ])("H003-RISKDEP-WITHHOLD income %s → %s (round half-up once)", (income, withheld, outcome) => {
    const s = one(income);
    expect(str(s.withheld)).toBe(withheld);
    expect(s.outcome).toBe(outcome);
  });
  it.each([
    ["intermediate", "8000", "10000", "2000.00", "10000.00", "withheld"],
    ["intermediate", "8000", "10000.05", "2000.00", "10000.00", "capped"],
    ["intermediate", "8000", "9999.95", "1999.99", "9999.99", "withheld"],
    ["intermediate", "9999.99", "1000", "0.01", "10000.00", "capped"],
    ["intermediate", "10000", "1000", "0.00", "10000.00", "atCap"],
    ["senior", "19999.99", "50000", "0.01", "20000.00", "capped"],
    ["junior", "4999", "10000", "1.00", "5000.00", "capped"],
  ])("H003-RISKDEP-CAP %s opening %s income %s → withheld %s, balance %s (%s)", (grade, opening, income, withheld, closing, outcome) => {
    const s = one(income, opening, grade);
    expect(str(s.withheld)).toBe(withheld);
    expect(str(s.closing)).toBe(closing);
    expect(s.outcome).toBe(outcome);
  });
  it("H003-RISKDEP-WITHHOLD a month not covered (agent) moves nothing", () => {
    const run = runRiskLedger(d("300"), [{ period: "2026-01", income: d("9000"), grade: "junior", covered: false }], OPTS);
    expect(str(run.steps[0].withheld)).toBe("0.00");
    expect(str(run.closing)).toBe("300.00");
    expect(run.steps[0].outcome).toBe("notCovered");
  });
  it("H003-RISKDEP-CAP a covered month whose grade has no cap is a programming error", () => {
    expect(() => runRiskLedger(d("0"), months("trainee", ["100"]), OPTS)).toThrow(/no risk-deposit cap/);
  });
  it("H003-RISKDEP-LEDGER a negative opening balance is refused", () => {
    expect(() => runRiskLedger(d("-0.01"), [], OPTS)).toThrow(/negative/);
  });
});

describe("H003-RISKDEP-GRADE-CHANGE runRiskLedger", () => {
  it("after a promotion withholding resumes up to the new cap: 2 400.00 then the remainder 2 600.00", () => {
    const run = runRiskLedger(d("5000"), months("intermediate", ["12000", "15000"]), OPTS);
    expect(run.steps.map((s) => str(s.withheld))).toEqual(["2400.00", "2600.00"]);
    expect(str(run.closing)).toBe("10000.00");
  });
  it("demotion with excessOnDemotion hold (h003.riskDeposit.excessOnDemotion default): balance stays 20 000, nothing withheld", () => {
    const run = runRiskLedger(d("20000"), months("intermediate", ["15000"]), OPTS);
    expect(str(run.steps[0].withheld)).toBe("0.00");
    expect(str(run.refunded)).toBe("0.00");
    expect(str(run.closing)).toBe("20000.00");
    expect(run.steps[0].outcome).toBe("aboveCapHeld");
  });
  it("demotion with excessOnDemotion refundExcess (h003.riskDeposit.excessOnDemotion): 10 000.00 refunded, balance 10 000", () => {
    const run = runRiskLedger(d("20000"), months("intermediate", ["15000"]), { ...OPTS, excessOnDemotion: "refundExcess" });
    expect(str(run.refunded)).toBe("10000.00");
    expect(str(run.steps[0].withheld)).toBe("0.00");
    expect(str(run.closing)).toBe("10000.00");
  });
  it("refundExcess refunds nothing when the balance is exactly at the new cap", () => {
    const run = runRiskLedger(d("10000"), months("intermediate", ["15000"]), { ...OPTS, excessOnDemotion: "refundExcess" });
    expect(str(run.refunded)).toBe("0.00");
    expect(str(run.closing)).toBe("10000.00");
  });
});

describe("H003-RISKDEP-REFUND settleRiskDeposit", () => {
  it.each([
    ["7350.40", "0", "0.00", "7350.40", "0.00"],
    ["7350.40", "1200", "1200.00", "6150.40", "0.00"],
    ["7350.40", "9000", "7350.40", "0.00", "1649.60"],
    ["7350.40", "7350.40", "7350.40", "0.00", "0.00"],
    ["7350.40", "7350.41", "7350.40", "0.00", "0.01"],
    ["10000", "1200", "1200.00", "8800.00", "0.00"],
  ])("balance %s, compensation %s → applied %s, refund %s, still owed %s", (balance, comp, applied, refund, owed) => {
    const s = settleRiskDeposit(d(balance), d(comp));
    expect([str(s.applied), str(s.refund), str(s.stillOwed), str(s.closing)]).toEqual([applied, refund, owed, "0.00"]);
  });
});

// ---- properties ----
const GRADES = ["senior", "intermediate", "junior"] as const;
/** Incomes in thousandths of a yuan, so sub-fen inputs exercise the rounding too. */
const monthArb = fc.record({
  milli: fc.integer({ min: -2_000_000, max: 80_000_000 }),
  grade: fc.constantFrom(...GRADES),
  covered: fc.boolean(),
});
const runArb = fc.record({
  openingFen: fc.integer({ min: 0, max: 3_000_000 }),
  ratePct: fc.integer({ min: 0, max: 100 }),
  excess: fc.constantFrom("hold" as const, "refundExcess" as const),
  months: fc.array(monthArb, { maxLength: 30 }),
  compensationFen: fc.integer({ min: 0, max: 5_000_000 }),
});

type RunCase = typeof runArb extends fc.Arbitrary<infer T> ? T : never;
function runOf(x: RunCase) {
  const ms: RiskLedgerMonth[] = x.months.map((m, i) => ({ period: `m${i}`, income: new Dec(m.milli).div(1000), grade: m.grade, covered: m.covered }));
  const opening = new Dec(x.openingFen).div(100);
  return runRiskLedger(opening, ms, { rate: new Dec(x.ratePct).div(100), caps: CAPS, excessOnDemotion: x.excess });
}

describe("H003-RISKDEP-LEDGER properties (fast-check)", () => {
  it("opening + Σ withheld − Σ refunded − Σ applied = closing, every month and overall, to the fen; settlement empties the account", () => {
    fc.assert(
      fc.property(runArb, (x) => {
        const run = runOf(x);
        let prev = run.opening;
        for (const s of run.steps) {
          expect(s.opening.eq(prev)).toBe(true);
          expect(s.opening.plus(s.withheld).minus(s.refunded).minus(s.applied).eq(s.closing)).toBe(true);
          prev = s.closing;
        }
        expect(run.opening.plus(run.withheld).minus(run.refunded).minus(run.applied).eq(run.closing)).toBe(true);
        const settled = settleRiskDeposit(run.closing, new Dec(x.compensationFen).div(100));
        expect(run.closing.minus(settled.applied).minus(settled.refund).eq(settled.closing)).toBe(true);
        expect(settled.closing.isZero()).toBe(true);
        expect(settled.applied.plus(settled.stillOwed).eq(settled.compensation)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("H003-RISKDEP-CAP withholding never exceeds the room to the cap, and never lifts the balance above the cap", () => {
    fc.assert(
      fc.property(runArb, (x) => {
        for (const s of runOf(x).steps) {
          if (s.cap === undefined) {
            expect(s.withheld.isZero()).toBe(true);
            continue;
          }
          const held = s.opening.minus(s.refunded);
          expect(s.withheld.lte(Dec.max(0, s.cap.minus(held)))).toBe(true);
          expect(s.withheld.lte(s.due)).toBe(true);
          if (s.withheld.gt(0)) expect(s.closing.lte(s.cap)).toBe(true);
          if (x.excess === "refundExcess") expect(s.closing.lte(Dec.max(s.cap, 0))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("H003-RISKDEP-LEDGER money outputs are never negative and always whole fen", () => {
    fc.assert(
      fc.property(runArb, (x) => {
        const run = runOf(x);
        const settled = settleRiskDeposit(run.closing, new Dec(x.compensationFen).div(100));
        const all = [run.withheld, run.refunded, run.closing, settled.applied, settled.refund, settled.stillOwed];
        for (const s of run.steps) all.push(s.withheld, s.refunded, s.applied, s.closing, s.due);
        for (const v of all) {
          expect(v.gte(0)).toBe(true);
          expect(v.decimalPlaces()).toBeLessThanOrEqual(2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
