/**
 * Synthetic months for the two pay snippets of seed 000, in the JSON shape of `appraise evaluate`: a year of
 * monthly records per person, appraised month by month (both schemes pay monthly).
 * - c000-snip-brokerage: futures-brokerage CMs (regular or on probation) with attendance, lots traded in three
 *   contract sizes, net revenue, new effective accounts and discipline breaches. The seed's commission table and
 *   the probation base table are lost; the bench sets them to the rule file's illustrative values.
 * - c000-snip-venue: venue marketing managers with table bookings, bonuses, absences, leave and lateness.
 */
import { chance, int, monthsOf, pick, rng, scaled } from "../lib/rng";
import type { RawInput, RawManager, RawRecord } from "./h003";

const YEAR = 2026;
const MONTHS = monthsOf(YEAR);

/** Settings the brokerage seed leaves unset (its tables are lost), as the rule file illustrates them. */
export const BROKERAGE_SETTINGS = {
  "c000.fut.commission.tiers": [{ atLeast: "20", rate: "10%" }],
  "c000.fut.base.otherwise": [{ atLeast: "0", base: "1200" }, { atLeast: "10", base: "1800" }],
};

export function generateBrokerage(count: number, seed = 2026): RawInput {
  const r = rng(seed);
  const managers: RawManager[] = [];
  for (let i = 0; i < count; i++) {
    const active = r() < 0.7;
    const history: RawRecord[] = MONTHS.map((period) => {
      const required = int(r, 20, 23);
      const rec: RawRecord = {
        period,
        requiredDays: String(required),
        attendedDays: chance(r, 0.1) ? String(int(r, 6, required - 1)) : chance(r, 0.5) ? String(required) : String(required - int(r, 1, 3)),
        lots15t: String(active ? int(r, 0, 30) : int(r, 0, 5)),
        lots50t: String(active ? int(r, 0, 6) : int(r, 0, 1)),
        lots150t: String(active ? int(r, 0, 3) : 0),
        netRevenue: scaled(int(r, 0, active ? 60000 : 8000) * 100, 2),
        effectiveAccounts: String(chance(r, active ? 0.6 : 0.2) ? int(r, 1, 4) : 0),
        depositsIn: scaled(int(r, 0, 200000), 0),
      };
      if (chance(r, 0.15)) rec.disciplineBreaches = String(int(r, 1, 3));
      return rec;
    });
    managers.push({ id: `04${String(100000 + i).padStart(8, "0")}`, name: `经纪人${i + 1}`, branch: pick(r, ["一部", "二部", "三部"]), role: "cm", grade: chance(r, 0.8) ? "regular" : "probation", history });
  }
  return { rulebook: "c000-snip-brokerage", period: MONTHS[11], managers };
}

export function generateVenue(count: number, seed = 2026): RawInput {
  const r = rng(seed);
  const managers: RawManager[] = [];
  for (let i = 0; i < count; i++) {
    const strong = r() < 0.6;
    const history: RawRecord[] = MONTHS.map((period) => {
      const rec: RawRecord = { period, bookedRevenue: scaled(int(r, strong ? 300 : 150, strong ? 900 : 450) * 10000, 2) };
      if (chance(r, 0.3)) rec.bonus = scaled(int(r, 1, 10) * 10000, 2);
      if (chance(r, 0.08)) rec.absenceDays = String(int(r, 1, 4));
      if (chance(r, 0.15)) rec.leaveDays = String(int(r, 1, 7));
      if (chance(r, 0.25)) rec.lateWithinLimit = String(int(r, 1, 4));
      if (chance(r, 0.05)) rec.lateAtLimit = String(int(r, 1, 2));
      if (chance(r, 0.04)) rec.lateBeyondLimit = String(1);
      return rec;
    });
    managers.push({ id: `05${String(100000 + i).padStart(8, "0")}`, name: `营销经理${i + 1}`, branch: pick(r, ["一店", "二店"]), role: "marketingManager", history });
  }
  return { rulebook: "c000-snip-venue", period: MONTHS[11], managers };
}
