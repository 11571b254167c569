/**
 * A better figure never gives a worse grade: raise one indicator a rulebook's grade rules read (or lower one where
 * less is better, the NPL ratio), all else equal, and the grade does not fall and the status does not get worse.
 * - b002-bank-grades (B002-GRADE-RESULT): a client's deposits, loans or international settlement, or the manager's
 *   new deposits; the attained grade never falls.
 * - h003-city-bank (H003-SCORE-*, H003-DEMOTE-*, H003-DEMOTE-LADDER): deposit growth, collection rates, fee-income
 *   growth, new accounts, new deposits, annual or monthly deposits up, NPL ratio down; the grade after the status
 *   ladder never falls and the status is never more severe.
 * - c000-credit-coop (C000-TASK-MONTH, C000-DEMOTE-*): a task's completion in the appraised month up; the status is
 *   never more severe. (Earlier months are left alone: a demotion avoided then keeps the person a CM, whom a later run
 *   of missed months may demote, while a general marketer is not demoted again. That is the rule, not a fall.)
 * Comparisons where either side cannot be judged ("undetermined", grade unavailable) are skipped and counted, and
 * each property must have judged most of its cases.
 */
import fc from "fast-check";
import { Dec } from "../../../src/engine/decimal";
import type { ManagerResultJson } from "../../../src/engine/results";
import { loadPreset } from "../../../src/engine/rulebooks";
import { appraiseCase, decText, runs, settingsArb, shapeOf, type Json } from "./gen";

const W = (wan: Dec | string) => new Dec(wan).times(10000).toFixed(2);

/** Adds `delta` to a decimal text, keeping at most `cap` (rates stop at 100 %). */
function plus(value: unknown, delta: string, cap?: string): string {
  let v = new Dec(String(value ?? "0")).plus(delta);
  if (cap !== undefined) v = Dec.min(v, cap);
  return v.toString();
}

function judged(stats: { judged: number; total: number }, minShare: number): void {
  expect(stats.total).toBeGreaterThan(0);
  expect(stats.judged / stats.total).toBeGreaterThanOrEqual(minShare);
}

// ---------------------------------------------------------------- b002

const B = "b002-bank-grades";
const b002Grades = loadPreset(B).gradeIds;
const rankB = (r: ManagerResultJson) => (r.attainedGrade === null ? b002Grades.length : b002Grades.indexOf(r.attainedGrade!));
const b002Judged = (r: ManagerResultJson) => r.attainedGrade !== undefined && !r.unavailable?.some((u) => u.output === "grade");

/** A client in 万: deposits with prior-year deposits and agreement deposits not above them, loans with five-class data. */
const b002Client = (withPrev: boolean) =>
  fc
    .record({
      dep: decText(0, 8000, 2),
      prevShare: fc.integer({ min: 0, max: 100 }),
      agrShare: fc.integer({ min: 0, max: 60 }),
      loans: decText(0, 10000, 2),
      usd: decText(0, 800, 2),
      cny: decText(0, 5000, 2),
      normalShare: fc.oneof({ arbitrary: fc.constant(100), weight: 3 }, { arbitrary: fc.integer({ min: 90, max: 100 }), weight: 1 }),
      flags: fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 30 }, { arbitrary: fc.subarray(["npl", "interestArrears", "advance"], { maxLength: 1 }), weight: 1 }),
    })
    .map((c) => {
      const dep = new Dec(c.dep);
      const total = Dec.max(new Dec(c.loans), 1);
      const row: Json = {
        avgDeposits: W(dep),
        agreementAvgDeposits: W(dep.times(c.agrShare).div(100).toDecimalPlaces(2)),
        avgLoans: W(c.loans),
        intlSettlementUsd: W(c.usd),
        intlSettlementCny: W(c.cny),
        totalLoans: W(total),
        normalLoans: W(total.times(c.normalShare).div(100).toDecimalPlaces(2)),
      };
      if (withPrev) row.prevAvgDeposits = W(dep.times(c.prevShare).div(100).toDecimalPlaces(2));
      if (c.flags.length) row.flags = c.flags;
      return row;
    });

const b002Settings = settingsArb(shapeOf(B)).map((s) => {
  // The asset-quality gate over counted clients would let a newly counted client with a bad loan fail the gate:
  // the rule as written, so the property keeps the default scope (all clients). The pay-grade basis only says in
  // which periods grades are set; the property grades the year.
  const { ["b002.assetQuality.scope"]: _scope, ["b002.payGrade.basis"]: _basis, ...rest } = s;
  return rest;
});

const b002Case = fc
  .record({
    settings: b002Settings,
    grade: fc.constantFrom(...b002Grades),
    withPrev: fc.boolean(),
    managerNew: decText(0, 8000, 2),
    values: fc.record({
      usdCnyRate: decText(6, 8, 4),
      normalSharePrev: decText(0.9, 1, 4),
      // Qualifications mostly met, so the grade is decided by the figures.
      marketingYears: decText(0, 8, 1),
      educationOk: fc.oneof({ arbitrary: fc.constant("1"), weight: 9 }, { arbitrary: fc.constant("0"), weight: 1 }),
      simExamPassed: fc.oneof({ arbitrary: fc.constant("1"), weight: 9 }, { arbitrary: fc.constant("0"), weight: 1 }),
      thematicReport: fc.oneof({ arbitrary: fc.constant("1"), weight: 9 }, { arbitrary: fc.constant("0"), weight: 1 }),
    }),
  })
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      clients: fc.array(b002Client(base.withPrev), { minLength: 1, maxLength: 6 }),
      bump: fc.record({
        which: fc.nat(),
        field: fc.constantFrom("avgDeposits", "avgLoans", "intlSettlementUsd", "intlSettlementCny", "newAvgDeposits"),
        wan: fc.oneof(decText(0.01, 100, 2), decText(100, 10000, 2)),
      }),
    }),
  );

function b002Manager(base: { grade: string; managerNew: string; values: Json }, clients: Json[], managerNew: string): Json {
  const clientRows = clients.map((c, i) => ({ id: `C${i + 1}`, ...c }));
  return { id: "M1", role: "cm", grade: base.grade, history: [{ period: "2026", clients: clientRows, newAvgDeposits: W(managerNew), ...base.values }] };
}

describe("B002-GRADE-RESULT: more business never lowers the attained grade", () => {
  it("raising a client's deposits, loans or settlement, or the manager's new deposits, never gives a lower grade", () => {
    const stats = { judged: 0, total: 0, rose: 0 };
    fc.assert(
      fc.property(b002Case, ({ base, clients, bump }) => {
        const before = b002Manager(base, clients, base.managerNew);
        let after: Json;
        if (bump.field === "newAvgDeposits") after = b002Manager(base, clients, plus(base.managerNew, bump.wan));
        else {
          const i = bump.which % clients.length;
          const raised = clients.map((c, j) => (j === i ? { ...c, [bump.field]: plus(c[bump.field], W(bump.wan)) } : c));
          after = b002Manager(base, raised, base.managerNew);
        }
        const [a] = appraiseCase(B, { period: "2026", settings: base.settings, managers: [before] });
        const [b] = appraiseCase(B, { period: "2026", settings: base.settings, managers: [after] });
        stats.total++;
        if (!b002Judged(a) || !b002Judged(b)) return;
        stats.judged++;
        if (rankB(b) < rankB(a)) stats.rose++;
        if (rankB(b) > rankB(a)) throw new Error(`grade fell from ${a.attainedGrade} to ${b.attainedGrade} after raising ${bump.field}`);
      }),
      runs(120),
    );
    judged(stats, 0.5);
    expect(stats.rose).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- h003

const H = "h003-city-bank";
const h003Grades = loadPreset(H).gradeIds;
/** Status severity under H003-DEMOTE-LADDER: undefined = cannot be compared. */
const H003_SEVERITY: Record<string, number> = {
  normal: 0,
  offPostCollection: 1,
  demote: 2,
  demoteAppointment: 2,
  demoteToAgentOrRelease: 3,
  terminate: 3,
  dismiss: 4,
};

const pad = (m: number) => String(m).padStart(2, "0");

const annualArb = fc.record({
  depositGrowth: decText(-0.2, 0.8, 4),
  avgDeposits: decText(5e6, 3e8, 2),
  baseDeposits: decText(5e6, 2e8, 2),
  depositPlan: decText(5e6, 3e8, 2),
  newAvgDeposits: decText(-2e6, 4e6, 2),
  nplRatio: fc.oneof(fc.constant("0"), decText(0, 0.15, 4)),
  avgLoans: decText(1e5, 1e8, 2),
  interestDue: decText(1e3, 1e6, 2),
  collectionRate: decText(0.95, 1, 4),
  loanCollectionRate: decText(0.95, 1, 4),
  interestCollectionRate: decText(0.95, 1, 4),
  newLoanCollectionRate: decText(0.97, 1, 4),
  feeIncomeGrowth: decText(-0.1, 0.5, 4),
  newBasicAccounts: fc.integer({ min: 0, max: 14 }),
  conductDeductions: fc.constantFrom("0", "0", "0", "2", "5"),
});

const monthArb = fc.record({ share: fc.integer({ min: 80, max: 130 }), income: decText(0, 20000, 2) });

const IMPROVEMENTS = [
  { field: "depositGrowth", delta: decText(0.0001, 0.5, 4) },
  { field: "avgDeposits", delta: decText(1, 1e8, 2) },
  { field: "newAvgDeposits", delta: decText(1, 3e6, 2) },
  { field: "collectionRate", delta: decText(0.0001, 0.05, 4), cap: "1" },
  { field: "loanCollectionRate", delta: decText(0.0001, 0.05, 4), cap: "1" },
  { field: "interestCollectionRate", delta: decText(0.0001, 0.05, 4), cap: "1" },
  { field: "newLoanCollectionRate", delta: decText(0.0001, 0.05, 4), cap: "1" },
  { field: "feeIncomeGrowth", delta: decText(0.0001, 0.3, 4) },
  { field: "newBasicAccounts", delta: fc.integer({ min: 1, max: 6 }).map(String) },
  { field: "nplRatio", delta: decText(0.0001, 0.15, 4), lower: true },
  { field: "monthlyAvgDeposits", delta: decText(1, 5e7, 2) },
] as const;

const h003Case = fc.record({
  settings: settingsArb(shapeOf(H)).map((s) => {
    // The off-post date alternative needs a date nobody set (every case would be undetermined).
    const { ["h003.offPost.evaluationDate"]: _d, ...rest } = s;
    return rest;
  }),
  role: fc.constantFrom("cm", "cm", "president"),
  grade: fc.constantFrom(...h003Grades),
  prevYear: annualArb,
  year: annualArb,
  months: fc.array(monthArb, { minLength: 12, maxLength: 12 }),
  improvement: fc.integer({ min: 0, max: IMPROVEMENTS.length - 1 }).chain((k) => fc.tuple(fc.constant(k), IMPROVEMENTS[k].delta, fc.integer({ min: 0, max: 11 }))),
});

type H003Case = typeof h003Case extends fc.Arbitrary<infer T> ? T : never;

function h003Manager(c: H003Case, year: Json, months: Json[]): Json {
  return { id: "M1", role: c.role, grade: c.grade, history: [{ period: "2025", ...c.prevYear }, ...months, { period: "2026", ...year }] };
}

function h003Months(c: H003Case): Json[] {
  // Monthly daily averages around the base (80 %–130 %), so H003-DEMOTE-CM-DEPOSIT-3M fires in some cases.
  return c.months.map((m, i) => ({
    period: `2026-${pad(i + 1)}`,
    baseDeposits: c.year.baseDeposits,
    avgDeposits: new Dec(c.year.baseDeposits).times(m.share).div(100).toFixed(2),
    balanceDeposits: new Dec(c.year.baseDeposits).times(m.share).div(100).toFixed(2),
    income: m.income,
  }));
}

describe("H003-DEMOTE-LADDER: a better figure never gives a lower grade or a more severe status", () => {
  it("improving one indicator (all else equal) keeps or raises the grade and keeps or eases the status", () => {
    const stats = { judged: 0, total: 0, eased: 0 };
    fc.assert(
      fc.property(h003Case, (c) => {
        const [k, delta, month] = c.improvement;
        const imp = IMPROVEMENTS[k];
        const months = h003Months(c);
        let year: Json = { ...c.year };
        let monthsAfter = months;
        if (imp.field === "monthlyAvgDeposits") {
          monthsAfter = months.map((m, i) => (i === month ? { ...m, avgDeposits: plus(m.avgDeposits, delta), balanceDeposits: plus(m.balanceDeposits, delta) } : m));
        } else if ("lower" in imp) {
          year = { ...year, [imp.field]: Dec.max(0, new Dec(String(year[imp.field])).minus(delta)).toString() };
        } else {
          year = { ...year, [imp.field]: plus(year[imp.field], delta, "cap" in imp ? imp.cap : undefined) };
        }
        const [a] = appraiseCase(H, { period: "2026", settings: c.settings, managers: [h003Manager(c, c.year, months)] });
        const [b] = appraiseCase(H, { period: "2026", settings: c.settings, managers: [h003Manager(c, year, monthsAfter)] });
        stats.total++;
        const sa = a.status === undefined ? undefined : H003_SEVERITY[a.status];
        const sb = b.status === undefined ? undefined : H003_SEVERITY[b.status];
        if (sa === undefined || sb === undefined) return;
        stats.judged++;
        if (sb > sa) throw new Error(`status worsened from ${a.status} to ${b.status} after improving ${imp.field}`);
        if (sb < sa) {
          // An eased status may carry a lower grade: a dismissal keeps the grade on record, a demotion lowers it.
          stats.eased++;
          return;
        }
        if (a.grade !== undefined && b.grade !== undefined && h003Grades.indexOf(b.grade) > h003Grades.indexOf(a.grade)) {
          throw new Error(`grade fell from ${a.grade} to ${b.grade} after improving ${imp.field}`);
        }
        if (a.score !== undefined && b.score !== undefined && new Dec(b.score).lt(a.score)) {
          throw new Error(`score fell from ${a.score} to ${b.score} after improving ${imp.field}`);
        }
      }),
      runs(150),
    );
    judged(stats, 0.5);
    expect(stats.eased).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- c000

const C = "c000-credit-coop";
const C000_SEVERITY: Record<string, number> = { normal: 0, reinstate: 0, noPromotion: 1, demoted: 2, demote: 2 };
const ITEMS = ["deposits", "loanRecovery", "interestRecovery", "shareCapital"];

const c000Case = fc.record({
  settings: settingsArb(shapeOf(C)),
  role: fc.constantFrom("cm", "cm", "cm", "cm", "cm", "generalMarketer"),
  grade: fc.constantFrom(...loadPreset(C).gradeIds),
  months: fc.array(
    // Completion in whole percent: mostly met, sometimes short, rarely under the 30 % floor.
    fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.oneof({ arbitrary: fc.integer({ min: 100, max: 130 }), weight: 40 }, { arbitrary: fc.integer({ min: 30, max: 99 }), weight: 10 }, { arbitrary: fc.integer({ min: 0, max: 29 }), weight: 1 })), { minLength: 4, maxLength: 4 }),
    { minLength: 3, maxLength: 12 },
  ),
  bump: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 800 })),
});

function c000Manager(role: string, grade: string, months: Array<Array<[number, number]>>): Json {
  return {
    id: "M1",
    role,
    grade,
    history: months.map((items, i) => {
      // actual as a share of plan in whole percent, so completions sit on and around 30 % and 100 %
      const tasks = items.map(([plan, pct], j) => ({ item: ITEMS[j], plan: new Dec(plan), actual: new Dec(plan).times(pct).div(100).toDecimalPlaces(2) }));
      const plan = tasks.reduce((x, t) => x.plus(t.plan), new Dec(0));
      const actual = tasks.reduce((x, t) => x.plus(t.actual), new Dec(0));
      return {
        period: `2026-${pad(i + 1)}`,
        tasks: tasks.map((t) => ({ item: t.item, plan: t.plan.toFixed(2), actual: t.actual.toFixed(2) })),
        // The overall completion the c000.task.monthMissed = overallBelow100 reading judges.
        taskCompletion: actual.div(plan).toDecimalPlaces(4, Dec.ROUND_DOWN).toString(),
      };
    }),
  };
}

describe("C000-DEMOTE-3M / C000-DEMOTE-30PCT: finishing more of a task this month never makes the status worse", () => {
  it("raising one task's actual in the appraised month keeps or eases the status", () => {
    const stats = { judged: 0, total: 0, eased: 0 };
    fc.assert(
      fc.property(c000Case, (c) => {
        const last = c.months.length - 1;
        const [item, extraPct] = c.bump;
        const raised = c.months.map((m, i) => (i === last ? m.map((t, j) => (j === item ? ([t[0], t[1] + extraPct] as [number, number]) : t)) : m));
        const period = `2026-${pad(c.months.length)}`;
        const [a] = appraiseCase(C, { period, settings: c.settings, managers: [c000Manager(c.role, c.grade, c.months)] });
        const [b] = appraiseCase(C, { period, settings: c.settings, managers: [c000Manager(c.role, c.grade, raised)] });
        stats.total++;
        const sa = a.status === undefined ? undefined : C000_SEVERITY[a.status];
        const sb = b.status === undefined ? undefined : C000_SEVERITY[b.status];
        if (sa === undefined || sb === undefined) return;
        stats.judged++;
        if (sb < sa) stats.eased++;
        if (sb > sa) throw new Error(`status worsened from ${a.status} to ${b.status}`);
        expect(b.grade).toBe(a.grade);
      }),
      // A fixed seed: with random ones, now and then no generated case happened to ease, and the guard below (that
      // the property is not vacuous) failed by chance. KHJL_SEED picks another sample.
      { ...runs(150), seed: Number(process.env.KHJL_SEED ?? 20261207) },
    );
    judged(stats, 0.5);
    expect(stats.eased).toBeGreaterThan(0);
  });
});
