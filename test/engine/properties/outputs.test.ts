/**
 * Properties of every result of every built-in rulebook, over random inputs in the command line's JSON shape
 * (random settings, roles, grades, histories, clients, tasks and flags; see gen.ts):
 * - the engine never throws, and no output holds NaN or Infinity;
 * - money (commission, riskDeposit.*, nextGrade missing amounts) is a decimal string with the rulebook's money
 *   decimals (2), never negative where it cannot be;
 * - score items and totals stay within the bounds their rules imply. Only format-2 rulebooks score (no format-1 kind
 *   does any more); a format-2 rulebook states a bound only where a rule is a decision table of plain
 *   numbers, and names its score items (a score comes with its items, each a declared one, in the declared order;
 *   no score, no items). A score given by a formula has no bound the test can read without evaluating it: the
 *   H003 caps are checked at the end against inputs at the extremes;
 * - results do not depend on the order of the managers.
 */
import fc from "fast-check";
import { Dec } from "../../../src/engine/decimal";
import type { ManagerResultJson } from "../../../src/engine/results";
import type { CompiledRulebook } from "../../../src/engine/rulebook/compile";
import { loadPreset } from "../../../src/engine/rulebooks";
import { appraiseCase, caseArb, RULEBOOKS, runs } from "./gen";
import { appraiseOne } from "../../helpers/appraise";

/** Pay schemes whose pay is base + commission − fines: a month's fines can exceed the pay (C000-KTV-*, C000-FUT-*). */
const PAY_MAY_BE_NEGATIVE = new Set(["c000-snip-venue", "c000-snip-brokerage"]);

function moneyPattern(book: CompiledRulebook, signed: boolean): RegExp {
  const d = book.doc.rounding.money.decimals;
  return new RegExp(`^${signed ? "-?" : ""}\\d+${d > 0 ? `\\.\\d{${d}}` : ""}$`);
}

function checkMoney(id: string, r: ManagerResultJson): void {
  const book = loadPreset(id);
  const unsigned = moneyPattern(book, false);
  const money: Array<[string, string]> = [];
  if (r.commission !== undefined) {
    expect(r.commission).toMatch(moneyPattern(book, PAY_MAY_BE_NEGATIVE.has(id)));
  }
  if (r.riskDeposit) money.push(["riskDeposit.withheld", r.riskDeposit.withheld], ["riskDeposit.balance", r.riskDeposit.balance], ["riskDeposit.refundable", r.riskDeposit.refundable]);
  for (const m of r.nextGrade?.missing ?? []) {
    money.push([`nextGrade.missing.${m.field}`, m.amount]);
    // Something listed as missing is a positive amount: 0 would mean the item is already met.
    expect(new Dec(m.amount).gt(0)).toBe(true);
  }
  for (const [, v] of money) expect(v).toMatch(unsigned);
}

/** A table cell that is a plain number ("30", 20), not a formula: what a bound can be read from. */
function plainNumber(cell: unknown): Dec | undefined {
  if (typeof cell === "number") return new Dec(String(cell));
  return typeof cell === "string" && /^-?\d+(\.\d+)?$/.test(cell.trim()) ? new Dec(cell.trim()) : undefined;
}

/**
 * The points a format-2 rule can give, where the rulebook states them as data: a decision table whose one output
 * is a plain number in every row (and in `otherwise`), hit first, unique or highest. Undefined otherwise (a formula,
 * a row computing its points, a sum of rows): the bound is not derivable without evaluating the rulebook.
 */
function tableBounds(book: CompiledRulebook, ruleId: string): { lo: Dec; hi: Dec } | undefined {
  const t = book.v2?.byId.get(ruleId)?.decl.table;
  if (!t || t.hit === "sum") return undefined;
  const cells = [...t.rows.map((row) => row.then), ...(t.otherwise !== undefined ? [t.otherwise] : [])];
  const points = cells.map(plainNumber);
  if (points.some((p) => p === undefined)) return undefined;
  return { lo: Dec.min(...(points as Dec[])), hi: Dec.max(...(points as Dec[])) };
}

/** Format 2: the score comes with its items, each one the rulebook names, in its order, within a bound it states. */
function checkScore2(book: CompiledRulebook, r: ManagerResultJson, pts: RegExp): void {
  const o = book.v2!.outputs;
  const declared = o.scoreItems.map((x) => x.id);
  const items = r.scoreItems ?? [];
  expect(r.scoreItems).toBeDefined();
  const positions = items.map((i) => declared.indexOf(i.rule));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(new Set(positions).size).toBe(positions.length);
  for (const item of items) {
    expect(item.points).toMatch(pts);
    const b = tableBounds(book, item.rule);
    const v = new Dec(item.points);
    if (b && (v.lt(b.lo) || v.gt(b.hi))) throw new Error(`${item.rule} ${item.points} outside [${b.lo}, ${b.hi}]`);
  }
  const total = o.score ? tableBounds(book, o.score.id) : undefined;
  if (total && (new Dec(r.score!).lt(total.lo) || new Dec(r.score!).gt(total.hi))) throw new Error(`score ${r.score} outside [${total.lo}, ${total.hi}]`);
}

/**
 * A format-2 score rule that applies to everyone (no `appliesTo`, no `when`) gives every manager a score or says why
 * not: a score missing without an unavailable entry would be a figure silently dropped.
 */
function checkScoreNotSilent(book: CompiledRulebook, r: ManagerResultJson): void {
  const rule = book.v2?.outputs.score;
  if (!rule || rule.decl.appliesTo || rule.decl.when !== undefined) return;
  expect({ id: r.id, score: r.score, unavailable: (r.unavailable ?? []).some((u) => u.output === "score") }).toEqual({ id: r.id, score: r.score, unavailable: r.score === undefined });
}

function checkScore(id: string, r: ManagerResultJson): void {
  const book = loadPreset(id);
  checkScoreNotSilent(book, r);
  if (r.score === undefined) {
    expect(r.scoreItems).toBeUndefined();
    return;
  }
  const pts = new RegExp(`^-?\\d+\\.\\d{${book.doc.rounding.points.decimals}}$`);
  expect(r.score).toMatch(pts);
  // No format-1 kind scores: a score comes from a format-2 rulebook.
  expect(book.v2).toBeDefined();
  checkScore2(book, r, pts);
}

const NON_FINITE = /NaN|Infinity/;

/** Outputs each rulebook computes: the random inputs must reach them, or the checks above would pass vacuously. */
const REACHED: Record<string, Array<keyof ManagerResultJson>> = {
  "h003-city-bank": ["score", "commission", "riskDeposit", "status"],
  "b002-bank-grades": ["attainedGrade", "nextGrade", "commission", "status"],
  "c000-credit-coop": ["status"],
  "c000-snip-brokerage": ["commission"],
  "c000-snip-venue": ["commission"],
  "g-general": [],
};

describe.each(RULEBOOKS)("%s: every output of random inputs", (id) => {
  it("never throws; no NaN/Infinity anywhere; money is fixed-point text, never negative where it cannot be; scores within bounds", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(caseArb(id), (c) => {
        const results = appraiseCase(id, c);
        for (const r of results) for (const [k, v] of Object.entries(r)) if (v !== undefined && v !== null) seen.add(k);
        expect(results.map((r) => r.id)).toEqual(c.managers.map((m) => m.id));
        expect(JSON.stringify(results)).not.toMatch(NON_FINITE);
        for (const r of results) {
          checkMoney(id, r);
          checkScore(id, r);
        }
      }),
      runs(60),
    );
    for (const k of REACHED[id]) expect([...seen]).toContain(k);
  });

  it("results do not depend on the order of the managers", () => {
    fc.assert(
      fc.property(
        caseArb(id).chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray(c.managers, { minLength: c.managers.length, maxLength: c.managers.length }))),
        ([c, shuffled]) => {
          const a = appraiseCase(id, c);
          const b = appraiseCase(id, { ...c, managers: shuffled });
          const byId = new Map(b.map((r) => [r.id, r]));
          expect(b.map((r) => r.id)).toEqual(shuffled.map((m) => m.id));
          for (const r of a) expect(byId.get(r.id)).toEqual(r);
        },
      ),
      runs(25),
    );
  });
});

describe("H003-SCORE-TOTAL: the highest and lowest scores the rule text allows", () => {
  // Independent reading of the rule file: growth 40 + 20 bonus, NPL 30, collection 20 + 10, fee income 10 + 5,
  // accounts 10; deductions floor each stepped item at 0. The format-2 rulebook states these caps inside formulas,
  // so they are checked by appraising managers at the extremes rather than read from the rulebook.
  const best = { depositGrowth: "5", nplRatio: "0", collectionRate: "1", feeIncomeGrowth: "5", avgLoans: "50000000", interestDue: "10000" };
  const worst = { depositGrowth: "-0.6", nplRatio: "0.5", collectionRate: "0", feeIncomeGrowth: "-0.6", avgLoans: "50000000", interestDue: "10000" };

  it("the president table tops out at 60 + 30 + 30 + 15 = 135 and a senior/intermediate CM table at 60 + 30 + 30 + 10 = 130", () => {
    const president = appraiseOne("h003-city-bank", { role: "president", grade: "senior", history: [{ period: "2026", ...best }] }, "2026");
    expect(president.score).toBe("135.00");
    for (const grade of ["senior", "intermediate"]) {
      const cm = appraiseOne("h003-city-bank", { role: "cm", grade, history: [{ period: "2026", ...best, newBasicAccounts: 99 }] }, "2026");
      expect(cm.score).toBe("130.00");
    }
  });

  it("every item is floored at 0: a president at the worst scores 0", () => {
    const president = appraiseOne("h003-city-bank", { role: "president", grade: "senior", history: [{ period: "2026", ...worst }] }, "2026");
    expect(president.score).toBe("0.00");
    expect(president.scoreItems?.map((i) => i.points)).toEqual(["0.00", "0.00", "0.00", "0.00"]);
  });
});
