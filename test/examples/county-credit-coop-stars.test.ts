/**
 * examples/county-credit-coop-stars.json — a county rural credit cooperative's client-manager star rating
 * (信用社(银行)年度客户经理激励考核办法, “星级制”激励法, https://www.renrendoc.com/p-12547019.html), written as data.
 * Every expected figure is worked by hand from the document in the comment beside it; the cases follow
 * examples/research/credit-coop-star-rating.md ("case N"). Run through `appraise evaluate --rulebook-file`.
 *
 * Thresholds (all “达到 / 以上”, ≥ by default):
 *   star  到期贷款收回率  利息收回率  年利息收入  存款年日均余额  管理贷款月均余额  reward
 *   5★    100%          99%        150万      600万          1000万           1,500 元
 *   4★    99%           98%        100万      500万          900万            1,000 元
 *   3★    98.5%         97%        80万       400万          800万            (lost in the source)
 *   2★    98%           96%        60万       300万          700万            (lost)
 *   1★    —             —          —          100万          —                (lost)
 */
import { exampleRulebook } from "./evaluateExample";

const FILE = "examples/county-credit-coop-stars.json";
const { evaluate, cited, says } = exampleRulebook(FILE);

/** One year's record; rates as fractions, amounts in 元. */
interface Year {
  到期贷款收回率?: string;
  利息收回率?: string;
  到期贷款?: string;
  已收回到期贷款?: string;
  应收利息?: string;
  已收利息?: string;
  年利息收入?: string;
  存款年日均余额?: string;
  管理贷款月均余额?: string;
  责任或违规贷款笔数?: string;
}
const manager = (id: string, years: Record<string, Year>) => ({ id, role: "cm", history: Object.entries(years).map(([period, y]) => ({ period, ...y })) });
const one = (id: string, y: Year) => manager(id, { "2026": y });

/** Case 1: exactly at every 5★ threshold. */
const FIVE: Year = { 到期贷款收回率: "1", 利息收回率: "0.99", 年利息收入: "1500000.00", 存款年日均余额: "6000000.00", 管理贷款月均余额: "10000000.00" };

describe("county-credit-coop-stars (县级信用社客户经理星级评定)", () => {
  it("cases 1 and 15 — exactly at every 5★ threshold: five stars, 1,500.00, not added up", async () => {
    const [r] = await evaluate("2026", [one("K01", FIVE)]);
    // 5★: 100% ≥ 100% ✓, 99.00% ≥ 99% ✓, 1,500,000.00 ≥ 1,500,000 ✓, 6,000,000.00 ≥ 6,000,000 ✓, 10,000,000.00 ≥ 10,000,000 ✓
    // reward by star, one amount: 1,500.00 (not 1,500 + 1,000 + … = 2,500)
    expect(r.grade).toBe("five");
    expect(r.commission).toBe("1500.00");
    expect(r.status).toBe("rated");
    expect(r.unavailable).toBeUndefined();
    expect(cited(r)).toEqual(["STAR-RECOVERY", "STAR-INTEREST", "STAR-ELIGIBLE", "STAR-5", "STAR-STATUS", "STAR-REWARD"]);
    expect(says(r, "STAR-5")).toContain("¥6,000,000.00 ≥ ¥6,000,000.00");
  });

  it("case 2 — deposits one fen below 600万: four stars, 1,000.00", async () => {
    const [r] = await evaluate("2026", [one("K02", { ...FIVE, 存款年日均余额: "5999999.99" })]);
    // 5★: 5,999,999.99 < 6,000,000.00 ✗
    // 4★: 100 ≥ 99 ✓, 99 ≥ 98 ✓, 1,500,000.00 ≥ 1,000,000 ✓, 5,999,999.99 ≥ 5,000,000 ✓, 10,000,000.00 ≥ 9,000,000 ✓
    expect(r.grade).toBe("four");
    expect(r.commission).toBe("1000.00");
    expect(cited(r)).toContain("STAR-4");
  });

  it("case 3 — loan recovery computed from amounts, 99.99%: four stars", async () => {
    const { 到期贷款收回率: _given, ...rest } = FIVE;
    const [r] = await evaluate("2026", [one("K03", { ...rest, 到期贷款: "10000000.00", 已收回到期贷款: "9999000.00" })]);
    // R_due = 9,999,000.00 / 10,000,000.00 = 0.9999 = 99.99% < 100% ✗ for 5★; ≥ 99% ✓ and the rest as case 2 → 4★
    expect(r.values).toMatchObject({ 收贷率: "0.9999" });
    expect(r.grade).toBe("four");
    expect(r.commission).toBe("1000.00");
    expect(says(r, "STAR-RECOVERY")).toContain("99.99%");
  });

  it("case 4 — a 违规贷款 makes the manager not eligible: 不参评, no star, 0.00", async () => {
    const [r] = await evaluate("2026", [one("K04", { ...FIVE, 责任或违规贷款笔数: "1" })]);
    // figures at 5★ level, but 「无责任贷款、违规贷款的客户经理方可参加星级评定」 → not rated, reward 0.00
    expect(r.status).toBe("notRated");
    expect(r.grade).toBeUndefined();
    expect(r.commission).toBe("0.00");
    expect(cited(r)).toEqual(expect.arrayContaining(["STAR-ELIGIBLE", "STAR-NOT-RATED", "STAR-STATUS", "STAR-REWARD"]));
    expect(cited(r)).not.toContain("STAR-5");
  });

  it("case 5 — exactly at every 4★ threshold: four stars, 1,000.00", async () => {
    const [r] = await evaluate("2026", [one("K05", { 到期贷款收回率: "0.99", 利息收回率: "0.98", 年利息收入: "1000000", 存款年日均余额: "5000000", 管理贷款月均余额: "9000000" })]);
    // 5★: 99 < 100 ✗; 4★: 99 ≥ 99 ✓, 98 ≥ 98 ✓, 100万 ≥ 100万 ✓, 500万 ≥ 500万 ✓, 900万 ≥ 900万 ✓
    expect(r.grade).toBe("four");
    expect(r.commission).toBe("1000.00");
  });

  it("case 6 — exactly at every 3★ threshold: three stars; the reward is lost in the source until it is set", async () => {
    const K06 = one("K06", { 到期贷款收回率: "0.985", 利息收回率: "0.97", 年利息收入: "800000", 存款年日均余额: "4000000", 管理贷款月均余额: "8000000" });
    // 4★: 98.5 < 99 ✗; 3★: 98.5 ≥ 98.5 ✓, 97 ≥ 97 ✓, 80万 ≥ 80万 ✓, 400万 ≥ 400万 ✓, 800万 ≥ 800万 ✓
    const [r] = await evaluate("2026", [K06]);
    expect(r.grade).toBe("three");
    expect(r.status).toBe("rated");
    expect(r.commission).toBeUndefined();
    expect(r.unavailable).toEqual([expect.objectContaining({ output: "commission", code: "na", rule: "STAR-REWARD" })]);
    expect(r.unavailable![0].zh).toContain("星级奖励.三星级");
    // once the cooperative sets it (800 here is the user's figure, not the document's), one amount for 3★: 800.00
    const [set] = await evaluate("2026", [K06], ["星级奖励.三星级=800"]);
    expect(set.commission).toBe("800.00");
  });

  it("case 7 — loan recovery 98.49%, just below 3★: two stars", async () => {
    const [r] = await evaluate("2026", [one("K07", { 到期贷款收回率: "0.9849", 利息收回率: "0.97", 年利息收入: "800000", 存款年日均余额: "4000000", 管理贷款月均余额: "8000000" })]);
    // 3★: 98.49 < 98.5 ✗; 2★: 98.49 ≥ 98 ✓, 97 ≥ 96 ✓, 80万 ≥ 60万 ✓, 400万 ≥ 300万 ✓, 800万 ≥ 700万 ✓
    expect(r.grade).toBe("two");
    expect(r.unavailable).toEqual([expect.objectContaining({ output: "commission", code: "na", rule: "STAR-REWARD" })]);
  });

  it("cases 8 and 9 — interest recovery from amounts: exactly 99% is five stars, one fen less is not rounded up", async () => {
    const { 利息收回率: _given, ...rest } = FIVE;
    const [exact, short] = await evaluate("2026", [
      one("K08", { ...rest, 应收利息: "1234567.00", 已收利息: "1222221.33" }),
      one("K09", { ...rest, 应收利息: "1234567.00", 已收利息: "1222221.32" }),
    ]);
    // case 8: 1,234,567.00 × 0.99 = 1,222,221.33, so 1,222,221.33 / 1,234,567.00 = 0.99 exactly ≥ 99% → 5★, 1,500.00
    expect(exact.values).toMatchObject({ 收息率: "0.99" });
    expect(exact.grade).toBe("five");
    expect(exact.commission).toBe("1500.00");
    // case 9: 1,222,221.32 / 1,234,567.00 = 0.98999999189999… = 98.99999919% < 99% ✗ → 4★ (98.99999919 ≥ 98 ✓), 1,000.00
    expect(short.grade).toBe("four");
    expect(short.commission).toBe("1000.00");
    expect(says(short, "STAR-INTEREST")).toContain("98.99999919%");
  });

  it("case 10 — large volumes but poor recovery: one star on deposits alone", async () => {
    const [r] = await evaluate("2026", [one("K10", { 到期贷款收回率: "0.97", 利息收回率: "0.9599", 年利息收入: "2000000", 存款年日均余额: "8000000", 管理贷款月均余额: "20000000" })]);
    // 2★ needs 98% and 96%: 97 < 98 ✗, 95.99 < 96 ✗ (higher stars higher still); 1★: 800万 ≥ 100万 ✓
    expect(r.grade).toBe("one");
    expect(r.status).toBe("rated");
    expect(r.unavailable![0]).toMatchObject({ output: "commission", code: "na", rule: "STAR-REWARD" });
    expect(r.unavailable![0].zh).toContain("星级奖励.一星级");
  });

  it("case 11 — deposits one fen short of 100万: no star (未评星), 0.00", async () => {
    const [r] = await evaluate("2026", [one("K11", { 到期贷款收回率: "1", 利息收回率: "1", 年利息收入: "500000", 存款年日均余额: "999999.99", 管理贷款月均余额: "6000000" })]);
    // 2★: 50万 < 60万 ✗ (and 600万 < 700万 ✗); 1★: 999,999.99 < 1,000,000.00 ✗ → no star, reward 0.00
    expect(r.status).toBe("noStar");
    expect(r.attainedGrade).toBeNull();
    expect(r.grade).toBeUndefined();
    expect(r.commission).toBe("0.00");
    expect(cited(r)).toContain("STAR-NONE");
  });

  it("case 12 — interest recovery missing: its conditions fail, one star, and the missing input is flagged", async () => {
    const [r] = await evaluate("2026", [one("K12", { 到期贷款收回率: "1", 年利息收入: "1600000", 存款年日均余额: "6500000", 管理贷款月均余额: "11000000" })]);
    // 5★–2★ each need 利息收回率 → missing fails them ✗; 1★: 650万 ≥ 100万 ✓
    expect(r.grade).toBe("one");
    expect(r.status).toBe("incomplete");
    expect(cited(r)).toContain("STAR-DATA-MISSING");
    expect(says(r, "STAR-DATA-MISSING")).toContain("利息收回率");
    expect(r.values).not.toHaveProperty("收息率");
  });

  it("case 13 — annual interest income one fen below 150万: four stars", async () => {
    const [r] = await evaluate("2026", [one("K13", { 到期贷款收回率: "1", 利息收回率: "0.995", 年利息收入: "1499999.99", 存款年日均余额: "7000000", 管理贷款月均余额: "12000000" })]);
    // 5★: 1,499,999.99 < 1,500,000.00 ✗; 4★: 100 ≥ 99 ✓, 99.5 ≥ 98 ✓, 1,499,999.99 ≥ 1,000,000 ✓, 700万 ≥ 500万 ✓, 1200万 ≥ 900万 ✓
    expect(r.grade).toBe("four");
    expect(r.commission).toBe("1000.00");
  });

  it("case 14 — each year is rated on its own figures; a month cannot be rated", async () => {
    const K14 = manager("K14", {
      "2025": FIVE,
      "2026": { 到期贷款收回率: "0.982", 利息收回率: "0.965", 年利息收入: "650000", 存款年日均余额: "3200000", 管理贷款月均余额: "7500000" },
    });
    // 2025 as case 1: 5★, 1,500.00
    const [y1] = await evaluate("2025", [K14]);
    expect(y1.grade).toBe("five");
    expect(y1.commission).toBe("1500.00");
    // 2026: 3★ fails (98.2 < 98.5 ✗); 2★: 98.2 ≥ 98 ✓, 96.5 ≥ 96 ✓, 65万 ≥ 60万 ✓, 320万 ≥ 300万 ✓, 750万 ≥ 700万 ✓ — no carry-over from 2025
    const [y2] = await evaluate("2026", [K14]);
    expect(y2.grade).toBe("two");
    expect(y2.unavailable).toEqual([expect.objectContaining({ output: "commission", code: "na", rule: "STAR-REWARD" })]);
    // the measures are annual (当年, 年日均, 年末): a monthly appraisal is refused with the reason, never rated
    const [m] = await evaluate("2026-12", [manager("K14M", { "2026-12": FIVE })]);
    expect(m.grade).toBeUndefined();
    expect(m.commission).toBeUndefined();
    expect(m.unavailable).toEqual(expect.arrayContaining([expect.objectContaining({ output: "grade", code: "na", rule: "STAR-ELIGIBLE" })]));
    expect(m.unavailable![0].zh).toContain("星级按年评定");
  });

  it("ambiguity 1 — if “以上” excluded the figure, case 1 would fall to four stars", async () => {
    const [r] = await evaluate("2026", [one("K15", FIVE)], ["星级.以上含本数=false"]);
    // 5★: 利息收回率 “达到99%以上” → 99.00% > 99% ✗
    // 4★: 收回率 “达到99%” (no 以上, ≥) 100 ≥ 99 ✓; 99 > 98 ✓, 150万 > 100万 ✓, 600万 > 500万 ✓, 1000万 > 900万 ✓ → 1,000.00
    expect(r.grade).toBe("four");
    expect(r.commission).toBe("1000.00");
    expect(says(r, "STAR-4")).toContain("99.00% > 98%");
  });

  it("ambiguity 4 — no loans fell due: the recovery rate fails by default, or counts as 100% when set", async () => {
    const { 到期贷款收回率: _given, ...rest } = FIVE;
    const K16 = one("K16", { ...rest, 到期贷款: "0", 已收回到期贷款: "0" });
    // default: 0 / 0 cannot be computed → the recovery conditions of 5★–2★ are not met; 1★: 600万 ≥ 100万 ✓ (flagged incomplete)
    const [r] = await evaluate("2026", [K16]);
    expect(r.grade).toBe("one");
    expect(r.status).toBe("incomplete");
    expect(says(r, "STAR-DATA-MISSING")).toContain("到期贷款收回率");
    // 收回率.无应收 = full: nothing due counts as 100% → every 5★ condition as in case 1 → five stars, 1,500.00
    const [full] = await evaluate("2026", [K16], ["收回率.无应收=full"]);
    expect(full.grade).toBe("five");
    expect(full.commission).toBe("1500.00");
    expect(full.values).toMatchObject({ 收贷率: "1" });
  });
});
