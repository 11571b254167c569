/**
 * A month's appraisal depends only on the history up to that month: evaluating a manager for month m with the whole
 * history (months after m included, as `appraise grade` does for a year's workbook) gives the same result as
 * evaluating with the history cut at m, as a branch running the appraisal every month would. So status, demotion,
 * the risk-deposit ledger and pay never look ahead, and the last month of a month-by-month run equals the run at once.
 */
import fc from "fast-check";
import { monthRange } from "../../../src/engine/periods";
import { appraiseCase, managerArb, RULEBOOKS, runs, settingsArb, shapeOf, type Case, type Json } from "./gen";

const pad = (m: number) => String(m).padStart(2, "0");

/** Months from 2025-07 to 2026-12 with the year records 2025 and 2026 where they end: 18 months, 2 years. */
function spanPeriods(from: number, to: number, annual: boolean): string[] {
  const out: string[] = [];
  for (let i = from; i <= to; i++) {
    const y = 2025 + Math.floor((i - 1) / 12);
    const m = ((i - 1) % 12) + 1;
    out.push(`${y}-${pad(m)}`);
    if (annual && m === 12) out.push(String(y));
  }
  return out;
}

const planArb = fc
  .record({ from: fc.integer({ min: 1, max: 12 }), len: fc.integer({ min: 2, max: 20 }), annual: fc.boolean() })
  .map((p) => spanPeriods(p.from, Math.min(24, p.from + p.len - 1), p.annual));

function cut(m: Json, period: string): Json {
  const last = monthRange(period).last;
  return { ...m, history: (m.history as Json[]).filter((r) => monthRange(String(r.period)).last <= last) };
}

function caseFor(id: string) {
  const shape = shapeOf(id);
  return planArb.chain((periods) =>
    fc.record({
      periods: fc.constant(periods),
      settings: settingsArb(shape),
      manager: managerArb(shape, periods, "M1"),
    }),
  );
}

describe.each(RULEBOOKS)("%s: evaluated at once or month by month", (id) => {
  it("every period's result with the whole history equals the result with the history cut at that period", () => {
    fc.assert(
      fc.property(caseFor(id), ({ periods, settings, manager }) => {
        for (const period of periods) {
          const whole: Case = { period, settings, managers: [manager] };
          const asOf: Case = { period, settings, managers: [cut(manager, period)] };
          const a = appraiseCase(id, whole)[0];
          const b = appraiseCase(id, asOf)[0];
          if (JSON.stringify(a) !== JSON.stringify(b)) {
            throw new Error(`${period}: results differ\nwhole history: ${JSON.stringify(a)}\ncut at ${period}: ${JSON.stringify(b)}`);
          }
        }
      }),
      runs(id === "b002-bank-grades" || id === "h003-city-bank" ? 10 : 20),
    );
  });
});

describe("B002-ADMON-DURATION: an admonition end recorded in a later month does not reach back", () => {
  // 诫勉 from 2026-01-10 for the default 6 months ends 2026-07-09; the September record says it ended 2026-09-20.
  const months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"];
  const history = months.map((p) => ({
    period: p,
    commFeeClaimed: "500",
    ...(p === "2026-01" ? { admonitionStartDay: 10 } : {}),
    ...(p === "2026-09" ? { admonitionEndDay: 20 } : {}),
  }));
  const manager = { id: "M1", role: "cm", grade: "grade2", history };
  const run = (period: string, h: Json[]) => appraiseCase("b002-bank-grades", { period, settings: {}, managers: [{ ...manager, history: h }] })[0];
  it.each(["2026-07", "2026-08"])("B002-COMMFEE %s is paid the same with or without the September record", (period) => {
    const asOf = history.filter((r) => r.period <= period);
    expect(run(period, history)).toEqual(run(period, asOf));
  });
  it("B002-ANNUAL-DECISION in September sees the recorded end 2026-09-20", () => {
    const r = run("2026-09", history);
    expect(r.explanation.some((e) => e.en.includes("2026-01-10 to 2026-09-20"))).toBe(true);
  });
});
