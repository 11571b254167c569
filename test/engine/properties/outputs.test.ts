/**
 * Properties of every result of every built-in rulebook, over random inputs in the command line's JSON shape
 * (random settings, roles, grades, histories, clients, tasks and flags; see gen.ts):
 * - the engine never throws, and no output holds NaN or Infinity;
 * - money (commission, riskDeposit.*, nextGrade missing amounts) is a decimal string with the rulebook's money
 *   decimals (2), never negative where it cannot be;
 * - score items and totals stay within the bounds their rules imply (H003-SCORE-TOTAL: each item between its
 *   floor and cap, the total the sum of the items less conduct points, floored at 0);
 * - results do not depend on the order of the managers.
 */
import fc from "fast-check";
import { Dec } from "../../../src/engine/decimal";
import type { ManagerResultJson } from "../../../src/engine/results";
import type { CompiledRule, CompiledRulebook } from "../../../src/engine/rulebook/compile";
import { loadPreset } from "../../../src/engine/rulebooks";
import { appraiseCase, caseArb, RULEBOOKS, runs } from "./gen";

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

/** The points an item can give, from its rule's parameters (and every variant a setting or role can select). */
function itemBounds(rule: CompiledRule): { lo: Dec; hi: Dec } {
  const all = [rule, ...rule.variants.map((v) => v.rule)];
  let lo: Dec | undefined;
  let hi: Dec | undefined;
  for (const r of all) {
    const p = r.params as Record<string, unknown>;
    let b: { lo: Dec; hi: Dec };
    switch (r.kind.kind) {
      case "steppedScore": {
        const base = p.base as Dec;
        b = { lo: Dec.max(0, base.minus(p.maxDeduction as Dec)), hi: base.plus(p.maxBonus as Dec) };
        break;
      }
      case "bandScore": {
        const pts = [(p.base as Dec), ...(p.bands as Array<{ points: Dec }>).map((x) => x.points)];
        b = { lo: Dec.min(...pts), hi: Dec.max(...pts) };
        break;
      }
      case "targetScore":
        b = { lo: new Dec(0), hi: p.points as Dec };
        break;
      default:
        throw new Error(`no bounds known for score kind ${r.kind.kind}: add them here`);
    }
    lo = lo === undefined ? b.lo : Dec.min(lo, b.lo);
    hi = hi === undefined ? b.hi : Dec.max(hi, b.hi);
  }
  return { lo: lo!, hi: hi! };
}

function checkScore(id: string, r: ManagerResultJson): void {
  if (r.score === undefined) {
    expect(r.scoreItems).toBeUndefined();
    return;
  }
  const book = loadPreset(id);
  const pts = new RegExp(`^-?\\d+\\.\\d{${book.doc.rounding.points.decimals}}$`);
  expect(r.score).toMatch(pts);
  const totalRule = book.rules.find((x) => x.kind.stage === "scoreTotal")!;
  const p = totalRule.params as { tables: Array<{ items: string[] }>; deduction?: unknown };
  const items = r.scoreItems ?? [];
  const table = p.tables.find((t) => t.items.length === items.length && t.items.every((x, i) => x === items[i].rule));
  expect(table).toBeDefined();
  let lo = new Dec(0);
  let hi = new Dec(0);
  let total = new Dec(0);
  for (const item of items) {
    expect(item.points).toMatch(pts);
    const b = itemBounds(book.byId.get(item.rule)!);
    const v = new Dec(item.points);
    if (v.lt(b.lo) || v.gt(b.hi)) throw new Error(`${item.rule} ${item.points} outside [${b.lo}, ${b.hi}]`);
    lo = lo.plus(b.lo);
    hi = hi.plus(b.hi);
    total = total.plus(v);
  }
  const score = new Dec(r.score);
  if (score.gt(hi)) throw new Error(`score ${r.score} above the table's maximum ${hi}`);
  // Conduct points may be deducted (h003.conduct.deductFromScore), never below 0; otherwise the sum of the items.
  if (p.deduction) {
    expect(score.gte(0)).toBe(true);
    expect(score.lte(total)).toBe(true);
  } else expect(score.eq(total)).toBe(true);
  if (!p.deduction) expect(score.gte(lo)).toBe(true);
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

describe("H003-SCORE-TOTAL bounds the test derives from the rulebook", () => {
  it("the president table tops out at 60 + 30 + 30 + 15 = 135 and a senior/intermediate CM table at 60 + 30 + 30 + 10 = 130", () => {
    // Independent reading of the rule file: growth 40 + 20 bonus, NPL 30, collection 20 + 10, fee income 10 + 5, accounts 10.
    const book = loadPreset("h003-city-bank");
    const max = (ids: string[]) => ids.reduce((s, x) => s.plus(itemBounds(book.byId.get(x)!).hi), new Dec(0)).toString();
    expect(max(["H003-SCORE-DEPOSIT-GROWTH", "H003-SCORE-NPL", "H003-SCORE-COLLECTION", "H003-SCORE-FEE-INCOME"])).toBe("135");
    expect(max(["H003-SCORE-DEPOSIT-GROWTH", "H003-SCORE-NPL", "H003-SCORE-COLLECTION", "H003-SCORE-NEW-ACCOUNTS"])).toBe("130");
  });
});
