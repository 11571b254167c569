/**
 * Synthetic city-bank branches for h003-city-bank, in the JSON shape of `appraise evaluate` (src/engine/input.ts):
 * per manager 12 monthly records of 2026 (income; deposits and base for CMs) and the annual record 2026
 * (growth, NPL, collection, accounts, fee income), plus 2025 for presidents (the two-year dismissal rule reads it).
 * Field values follow scripts/make-sample-branch.js; the mix is chosen so every H003 outcome occurs at a realistic
 * rate: most managers normal, some demoted by score, collection or three short months, a few dismissed (score,
 * conduct points, a major violation), off-post flags, risk deposits reaching their cap, carried balances,
 * a mid-year promotion, a month with negative income, loans or interest due of zero.
 */
import { chance, int, monthsOf, pick, rng, scaled, type Rng } from "../lib/rng";

export type RawRecord = Record<string, unknown> & { period: string };
export interface RawManager {
  id: string;
  name: string;
  branch: string;
  role: string;
  grade?: string;
  history: RawRecord[];
  riskDeposit?: { balance: string };
}
export interface RawInput {
  rulebook: string;
  period: string;
  managers: RawManager[];
}

const YEAR = 2026;
const MONTHS = monthsOf(YEAR);
const BRANCHES = ["城东支行", "城西支行", "城南支行", "城北支行", "营业部", "开发区支行"];
const SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华";

type Grade = "senior" | "intermediate" | "junior";
const BASE_WAN: Record<Grade, [number, number]> = { senior: [3000, 6000], intermediate: [1500, 3000], junior: [400, 1000] };
const INCOME: Record<Grade | "president" | "agent", [number, number]> = {
  president: [9000, 17000],
  senior: [11000, 16000],
  intermediate: [6500, 10000],
  junior: [4000, 6500],
  agent: [3000, 4000],
};
const CAP: Record<Grade, number> = { senior: 20000, intermediate: 10000, junior: 5000 };

/** Money in 元 with fen, from fen. */
const yuan = (fen: number) => scaled(fen, 2);
/** A rate as a fraction with 4 decimals (99.65% → "0.9965"), from basis points of a percent (1/10000). */
const rate = (tenThousandths: number) => scaled(tenThousandths, 4);

function incomeMonths(r: Rng, range: [number, number]): string[] {
  const base = int(r, range[0], range[1]) * 100;
  return MONTHS.map(() => {
    if (chance(r, 0.004)) return yuan(-int(r, 1, 800) * 100); // a clawback month (H003-RISKDEP-WITHHOLD: nothing withheld)
    const wiggle = int(r, -800, 800) * 100 + (chance(r, 0.2) ? int(r, 1, 99) : 0);
    return yuan(base + wiggle);
  });
}

/** Annual collection, NPL and account figures; `weak` managers miss more often. */
function assetQuality(r: Rng, weak: boolean): RawRecord {
  const rec: RawRecord = { period: String(YEAR) };
  rec.avgLoans = chance(r, 0.04) ? "0" : scaled(int(r, 500, 8000) * 10000, 0);
  rec.interestDue = chance(r, 0.03) ? "0" : scaled(int(r, 20000, 400000) * 100, 2);
  rec.nplRatio = chance(r, weak ? 0.2 : 0.55) ? "0" : rate(int(r, 1, weak ? 700 : 120));
  rec.collectionRate = rate(weak ? int(r, 9860, 9990) : chance(r, 0.93) ? int(r, 9950, 10000) : int(r, 9920, 9949));
  rec.newLoanCollectionRate = chance(r, weak ? 0.25 : 0.025) ? rate(int(r, 9700, 9999)) : "1";
  return rec;
}

function president(r: Rng, id: string, name: string, branch: string): RawManager {
  const grade: Grade = pick(r, ["senior", "intermediate", "intermediate"] as const);
  const weak = chance(r, 0.12);
  const yearRecord = (year: number, baseWan: number, growthBp: number): RawRecord => {
    const q = assetQuality(r, weak);
    const avg = Math.round((baseWan * (10000 + growthBp)) / 10000) * 10000;
    q.period = String(year);
    q.avgDeposits = scaled(avg, 0);
    q.baseDeposits = scaled(baseWan * 10000, 0);
    if (chance(r, 0.7)) q.depositPlan = scaled(Math.round(baseWan * 1.3) * 10000, 0);
    q.feeIncomeGrowth = rate(int(r, weak ? -500 : 1200, weak ? 2400 : 3500));
    if (weak && chance(r, 0.3)) q.nplRatio = rate(int(r, 800, 1300));
    return q;
  };
  const base2025 = int(r, 8000, 20000);
  const growth2025 = int(r, weak ? -500 : 1500, weak ? 2600 : 4200);
  const base2026 = Math.round((base2025 * (10000 + growth2025)) / 10000);
  const growth2026 = int(r, weak ? -800 : 1800, weak ? 2800 : 4500);
  const income = incomeMonths(r, INCOME.president);
  return {
    id,
    name,
    branch,
    role: "president",
    grade,
    history: [yearRecord(YEAR - 1, base2025, growth2025), ...MONTHS.map((period, i) => ({ period, income: income[i] })), yearRecord(YEAR, base2026, growth2026)],
    ...(chance(r, 0.15) ? { riskDeposit: { balance: yuan(int(r, 0, CAP[grade] / 100) * 10000) } } : {}),
  };
}

function cm(r: Rng, id: string, name: string, branch: string): RawManager {
  const grade: Grade = pick(r, ["senior", "intermediate", "intermediate", "junior", "junior"] as const);
  const weak = chance(r, 0.07);
  const baseWan = int(r, BASE_WAN[grade][0], BASE_WAN[grade][1]);
  const base = baseWan * 10000;
  const income = incomeMonths(r, INCOME[grade]);
  // Deposits around base × (1 + growth); a weak CM may sit below 90 % of base for a run of months.
  const growthBp = weak ? int(r, -1000, 3000) : int(r, 2400, 4500);
  const shortFrom = weak && chance(r, 0.35) ? int(r, 0, 9) : -1;
  const shortLen = shortFrom >= 0 ? int(r, 2, 6) : 0;
  const conductMonth = chance(r, 0.05) ? int(r, 0, 11) : -1;
  const conductPoints = conductMonth >= 0 ? int(r, 2, chance(r, 0.3) ? 16 : 9) : 0;
  const violationMonth = chance(r, 0.004) ? int(r, 0, 11) : -1;
  const promotedIn = grade !== "junior" && chance(r, 0.03) ? int(r, 3, 9) : -1;
  const lower: Grade = grade === "senior" ? "intermediate" : "junior";
  const monthly: RawRecord[] = MONTHS.map((period, i) => {
    const inShort = i >= shortFrom && i < shortFrom + shortLen;
    const factorBp = inShort ? int(r, 7800, 8990) : Math.max(9000, 10000 + growthBp + int(r, -600, 600));
    const rec: RawRecord = { period, income: income[i], avgDeposits: scaled(Math.round((baseWan * factorBp) / 10000) * 10000, 0), baseDeposits: scaled(base, 0) };
    if (i === conductMonth) rec.conductDeductions = String(conductPoints);
    if (i === violationMonth) rec.flags = ["majorViolation"];
    if (promotedIn >= 0 && i < promotedIn) rec.grade = lower;
    return rec;
  });
  const annual = assetQuality(r, weak);
  if (grade === "junior") annual.newAvgDeposits = scaled(int(r, weak ? -40 : 85, weak ? 120 : 220) * 10000, 0);
  else annual.depositGrowth = rate(growthBp);
  const target = grade === "senior" ? 10 : grade === "intermediate" ? 7 : 5;
  annual.newBasicAccounts = String(Math.max(0, target + int(r, weak ? -6 : -2, 4)));
  const opening = chance(r, 0.15) ? { riskDeposit: { balance: yuan(int(r, 0, CAP[grade] / 100) * 10000) } } : {};
  return { id, name, branch, role: "cm", grade, history: [...monthly, annual], ...opening };
}

function agent(r: Rng, id: string, name: string, branch: string): RawManager {
  const income = incomeMonths(r, INCOME.agent);
  return {
    id,
    name,
    branch,
    role: "agent",
    history: [...MONTHS.map((period, i) => ({ period, income: income[i] })), { period: String(YEAR), avgDeposits: scaled(int(r, 300, 1200) * 10000, 0) }],
  };
}

/** `count` managers of h003-city-bank for the 2026 annual appraisal; the same seed gives the same branch. */
export function generateH003(count: number, seed = 2026): RawInput {
  const r = rng(seed);
  const managers: RawManager[] = [];
  for (let i = 0; i < count; i++) {
    const id = `01${String(100000 + i).padStart(8, "0")}`;
    const name = SURNAMES[int(r, 0, SURNAMES.length - 1)] + GIVEN[int(r, 0, GIVEN.length - 1)] + (chance(r, 0.5) ? GIVEN[int(r, 0, GIVEN.length - 1)] : "");
    const branch = pick(r, BRANCHES);
    const roll = r();
    managers.push(roll < 0.06 ? president(r, id, name, branch) : roll < 0.14 ? agent(r, id, name, branch) : cm(r, id, name, branch));
  }
  return { rulebook: "h003-city-bank", period: String(YEAR), managers };
}
