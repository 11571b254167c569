/**
 * The ledger part of the H003 rulebook against the rule file: an entry for each of its rule ids, every citation of
 * a rule's section on its entry, and every setting of these rules read by an entry.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadPreset } from "../../../src/engine/rulebooks";

const md = fs.readFileSync(path.resolve(__dirname, "../../../../shared/rules/seed-003-city-bank-scoring.md"), "utf8");
const IDS = ["H003-RISKDEP-WITHHOLD", "H003-RISKDEP-CAP", "H003-RISKDEP-GRADE-CHANGE", "H003-RISKDEP-REFUND", "H003-RISKDEP-LEDGER", "H003-MGMT-LOSS-DEDUCT", "H003-PAY-NO-BASE-SALARY"];
const SETTINGS: Record<string, string> = {
  "h003.riskDeposit.rate": "H003-RISKDEP-WITHHOLD",
  "h003.riskDeposit.incomeBase": "H003-RISKDEP-WITHHOLD",
  "h003.riskDeposit.caps": "H003-RISKDEP-CAP",
  "h003.riskDeposit.excessOnDemotion": "H003-RISKDEP-GRADE-CHANGE",
  "h003.riskDeposit.refundDelayMonths": "H003-RISKDEP-REFUND",
  "h003.mgmtLoss.share": "H003-MGMT-LOSS-DEDUCT",
  "h003.mgmtLoss.appliesToCMs": "H003-MGMT-LOSS-DEDUCT",
  "h003.pay.stockRate": "H003-PAY-NO-BASE-SALARY",
  "h003.pay.incrementRate": "H003-PAY-NO-BASE-SALARY",
};
function section(id: string): string {
  const start = md.indexOf(`### ${id}:`);
  const next = md.indexOf("\n### ", start + 4);
  return md.slice(start, next < 0 ? undefined : next);
}
const seed = fs.readFileSync(path.resolve(__dirname, "../../../../shared/seeds/003_e1d2c136c4cf7124.txt"), "utf8").split("\n");

describe("H003-RISKDEP-LEDGER rulebook entries (risk deposit, loss deduction, pay)", () => {
  const book = loadPreset("h003-city-bank");

  it.each(IDS)("%s has an entry citing every seed line of its section", (id) => {
    const entry = book.byId.get(id);
    expect(entry).toBeDefined();
    const cited = [...section(id).matchAll(/`(003_[0-9a-f]{16}\.txt:\d+)`/g)].map((m) => m[1]);
    for (const c of cited) expect({ id, c, onEntry: entry!.doc.cite.includes(c) }).toEqual({ id, c, onEntry: true });
    expect(entry!.doc.cite.length).toBeGreaterThan(0);
  });

  it.each(IDS)("%s: each quote of its section is on the cited seed line", (id) => {
    for (const [, line, quote] of section(id).matchAll(/`003_[0-9a-f]{16}\.txt:(\d+)` 「([^」]+)」/g)) {
      expect({ line, found: seed[Number.parseInt(line, 10) - 1].includes(quote) }).toEqual({ line, found: true });
    }
  });

  it.each(Object.entries(SETTINGS))("setting %s (%s) is declared for its rule and read by its entry", (key, rule) => {
    expect(book.doc.settings[key]?.rule).toBe(rule);
    expect(book.byId.get(rule)!.doc.settings).toContain(key);
  });

  it("H003-PAY-NO-BASE-SALARY rates have no default (required, the seed gives none)", () => {
    expect(book.doc.settings["h003.pay.stockRate"].default).toBeUndefined();
    expect(book.doc.settings["h003.pay.incrementRate"].default).toBeUndefined();
  });
});
