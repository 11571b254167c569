/**
 * C000-CONV-UNITS, C000-CONV-BOUNDARY and C000-CONV-COMPLETION in every seed-000 rulebook that cites them, shown by
 * figures the rulebooks compute at their boundaries. All three rulebooks (format 2) record both conventions and carry
 * them in the formula language itself (万 literals, comparison operators; 以下 through c000.boundary.yixia). Either way only an evaluated figure shows that
 * 4万 is exactly 40 000 元 and that each threshold word cuts where the rule file says:
 * 不足 <, 以内 ≤, 不超过 ≤, 以下 ≤ (c000.boundary.yixia), 以上 ≥, 低于 <, 超过 >.
 * The rule-by-rule tests (brokerage, venue, demotion, staffing, risk-authority) go further; this file is the
 * conventions' cross-section.
 */
import { isUnavailable } from "../../../src/engine/outcome";
import { parseQuantity } from "../../../src/engine/quantity";
import { loadPreset } from "../../../src/engine/rulebooks";
import { Settings } from "../../../src/engine/settings";
import { runTool } from "../../../src/engine/tools";
import { appraiseOne } from "../../helpers/appraise";

const COOP = "c000-credit-coop";
const BROKERAGE = "c000-snip-brokerage";
const VENUE = "c000-snip-venue";

/** A tool rule's value; fails the test with the engine's message when it is unavailable. */
function tool(book: string, id: string, input: unknown, s: Record<string, unknown> = {}): any {
  const b = loadPreset(book);
  const r = Settings.resolve(b.doc, s);
  expect(r.problems).toEqual([]);
  const out = runTool(b, r.settings, id, input);
  if (isUnavailable(out)) throw new Error(`${id}: ${out.en}`);
  return out.value;
}

/** The venue's June pay (C000-KTV-BASE) for a marketing manager. */
const venuePay = (june: Record<string, unknown>, s: Record<string, unknown> = {}) =>
  appraiseOne(VENUE, { role: "marketingManager", history: [{ period: "2024-06", ...june }] }, "2024-06", s).commission;

/** The brokerage's June pay (C000-FUT-PAY): full attendance (+200), an effective account, no lots unless given. */
const brokeragePay = (june: Record<string, unknown>, grade = "regular", s: Record<string, unknown> = {}) =>
  appraiseOne(
    BROKERAGE,
    { role: "cm", grade, history: [{ period: "2024-05", effectiveAccounts: 0 }, { period: "2024-06", attendedDays: 22, requiredDays: 22, effectiveAccounts: 1, lots15t: 0, ...june }] },
    "2024-06",
    s,
  );
const TIERS = { "c000.fut.commission.tiers": [{ atLeast: "20", rate: "10%" }] };

/** A coop CM's January with one task item (C000-DEMOTE-30PCT reads it). */
const coopMonth = (actual: string, s: Record<string, unknown> = {}) =>
  appraiseOne(COOP, { role: "cm", grade: "level3", history: [{ period: "2024-01", tasks: [{ item: "deposits", plan: "1000000", actual }] }] }, "2024-01", s).status;

const authority = (role: string, loanAmount: string, householdOutstanding: string, s: Record<string, unknown> = {}) =>
  tool(COOP, "C000-AUTH-LIMITS", { role, loanAmount, householdOutstanding, trustCard: true }, s).decision;

describe("the seed-000 rulebooks record both conventions", () => {
  it.each([COOP, BROKERAGE, VENUE])("%s has C000-CONV-UNITS and C000-CONV-BOUNDARY entries and rounds money half-up to 0.01 元 at output", (id) => {
    const b = loadPreset(id);
    expect(b.byId.get("C000-CONV-UNITS")).toBeDefined();
    expect(b.byId.get("C000-CONV-BOUNDARY")).toBeDefined();
    expect(b.doc.rounding.money).toEqual({ decimals: 2, mode: "halfUp" });
  });
});

describe("C000-CONV-UNITS", () => {
  it("C000-CONV-UNITS: the rule file's example — 5万元 = 50 000.00 元", () => {
    expect(parseQuantity("5万元").toFixed(2)).toBe("50000.00");
  });

  it("C000-CONV-UNITS: c000-snip-venue's 4万 target is exactly 40 000 元 — 3 % of 52 000 − 40 000 = 360.00; pro rata 3000 × 35 000 ÷ 40 000 = 2625.00", () => {
    expect(venuePay({ bookedRevenue: "52000" })).toBe("3360.00");
    expect(venuePay({ bookedRevenue: "40000" })).toBe("3000.00");
    expect(venuePay({ bookedRevenue: "40001" })).toBe("3000.03");
    expect(venuePay({ bookedRevenue: "35000" }, { "c000.ktv.base.ifTargetMissed": "proRata" })).toBe("2625.00");
  });

  it("C000-CONV-UNITS: c000-snip-brokerage's 五万 / 5W is exactly 50 000 元 — 入金 50 000 earns the 2500 base on probation; a 5W client makes a CM regular, 49 999.99 does not", () => {
    expect(brokeragePay({ depositsIn: "50000" }, "probation").commission).toBe("2700.00");
    const short = brokeragePay({ depositsIn: "49999.99" }, "probation");
    expect(short.commission).toBeUndefined(); // the base of the lost table is needed below 5万
    expect(short.unavailable?.[0].en).toContain("c000.fut.base.otherwise is not set");
    const regular = (amount: string) => tool(BROKERAGE, "C000-FUT-REGULARIZE", { hireDate: "2024-03-01", clients: [{ date: "2024-04-20", amount }] }).regular;
    expect([regular("50000"), regular("49999.99")]).toEqual([true, false]);
  });

  it("C000-CONV-UNITS: c000-credit-coop's 1万, 5万 and 一千万元 are 10 000, 50 000 and 10 000 000 元", () => {
    // Director: single loan 1万以内, household 不超过5万 (C000-AUTH-LIMITS).
    expect(authority("director", "10000", "40000")).toBe("direct");
    expect(authority("director", "10000.01", "0")).toBe("committee");
    expect(authority("director", "10000", "40000.01")).toBe("committee");
    // One more outlet staff member for each 一千万元 of deposit increase (C000-OUTLET-STAFF): 4 + 1 at exactly 10 000 000.
    const max = (depositIncrease: string) => tool(COOP, "C000-OUTLET-STAFF", { outletStaff: 4, depositIncrease }).maxOutletStaff;
    expect([max("10000000"), max("9999999.99")]).toEqual(["5", "4"]);
  });
});

describe("C000-CONV-BOUNDARY", () => {
  it("C000-CONV-BOUNDARY: 不足 is < — the rule file's example: exactly 30.00 % is not 不足30% (c000-credit-coop, C000-DEMOTE-30PCT)", () => {
    expect(coopMonth("300000")).toBe("normal");
    expect(coopMonth("299900")).toBe("demote");
  });

  it("C000-CONV-BOUNDARY: 以内 and 不超过 are ≤ (c000-credit-coop, C000-AUTH-LIMITS: a CM's 3000 per loan, 10 000 per household)", () => {
    expect(authority("cm", "3000", "7000")).toBe("direct");
    expect(authority("cm", "3000.01", "0")).toBe("committee");
    expect(authority("cm", "3000", "7000.01")).toBe("committee");
  });

  it("C000-CONV-BOUNDARY: 以内 is ≤ (c000-snip-venue, C000-KTV-LATE: late 30 minutes is within half an hour, fined 50; 31 is absence)", () => {
    const late = (minutes: string) => tool(VENUE, "C000-KTV-LATE", { events: [{ type: "late", minutes }] });
    expect(late("30")).toMatchObject({ fines: "50.00", absenceDays: "0" });
    expect(late("31")).toMatchObject({ fines: "0.00", absenceDays: "1" });
  });

  it("C000-CONV-BOUNDARY: the rule file's example — exactly 50 % CMs satisfies 50%以下 under c000.boundary.yixia = inclusive, not under exclusive", () => {
    const ok = (s: Record<string, unknown> = {}) => tool(COOP, "C000-CM-SHARE-50", { roleCount: 10, staffTotal: 20 }, s).ok;
    expect(ok()).toBe(true);
    expect(ok({ "c000.boundary.yixia": "exclusive" })).toBe(false);
  });

  it("C000-CONV-BOUNDARY: c000.boundary.yixia = exclusive changes 以下 only — 不足, 以内 and 不超过 cut where they did", () => {
    const s = { "c000.boundary.yixia": "exclusive" };
    expect(coopMonth("300000", s)).toBe("normal");
    expect(authority("director", "10000", "40000", s)).toBe("direct");
  });

  it("C000-CONV-BOUNDARY: 以上 is ≥ (c000-snip-venue, C000-KTV-ABSENCE: 旷工3天以上 forfeits the commission at 3 days, not at 2)", () => {
    // Revenue 52 000: 3000 + 360 commission − 200 a day.
    expect(venuePay({ bookedRevenue: "52000", absenceDays: 2 })).toBe("2960.00");
    expect(venuePay({ bookedRevenue: "52000", absenceDays: 3 })).toBe("2400.00");
  });

  it("C000-CONV-BOUNDARY: 以上 is ≥ (c000-snip-venue, C000-KTV-LATE: 脱岗 is 20 minutes or more away)", () => {
    const away = (minutes: string) => tool(VENUE, "C000-KTV-LATE", { events: [{ type: "offPost", minutes }] }).fines;
    expect([away("20"), away("19")]).toEqual(["50.00", "0.00"]);
  });

  it("C000-CONV-BOUNDARY: 超过…以上 is > (c000-snip-venue, C000-KTV-ABSENCE, c000.ktv.leave.forfeitAt = gt5: 5 leave days keep the commission, 6 do not)", () => {
    // Revenue 52 000: 3000 + 360 commission − 300 a day.
    expect(venuePay({ bookedRevenue: "52000", leaveDays: 5 })).toBe("1860.00");
    expect(venuePay({ bookedRevenue: "52000", leaveDays: 6 })).toBe("1200.00");
  });

  it("C000-CONV-BOUNDARY: 低于 is < (c000-snip-brokerage, C000-FUT-COMMISSION: 6 × 50 t = exactly 20 standard lots earns commission, 19 do not)", () => {
    // Base 2500 + full attendance 200 + 10 % of 20 000 net revenue at 20 lots.
    expect(brokeragePay({ lots50t: 6, netRevenue: "20000" }, "regular", TIERS).commission).toBe("4700.00");
    expect(brokeragePay({ lots15t: 19, netRevenue: "20000" }, "regular", TIERS).commission).toBe("2700.00");
  });

  it("C000-CONV-BOUNDARY: 低于…一半 is < (c000-snip-brokerage, C000-FUT-ATTENDANCE: 11 of 22 days is not below half, 10.5 is)", () => {
    const attended = (attendedDays: string) => brokeragePay({ attendedDays, netRevenue: "0" }).explanation.some((e) => e.rule === "C000-FUT-ATTENDANCE" && e.zh.startsWith("底薪减半"));
    expect([attended("11"), attended("10.5")]).toEqual([false, true]);
  });

  it("C000-CONV-BOUNDARY: 低于 is < (c000-credit-coop, C000-OPT-NO-PROMOTION-2Y: exactly 100 % is not below 100 %)", () => {
    const status = (y2024: string) =>
      appraiseOne(COOP, { role: "cm", grade: "level2", history: [{ period: "2023", taskCompletion: "0.96" }, { period: "2024", taskCompletion: y2024 }] }, "2024", {
        "c000.opt.noPromotion.enabled": true,
      }).status;
    expect([status("1"), status("0.9999")]).toEqual(["normal", "noPromotion"]);
  });
});

describe("C000-CONV-COMPLETION", () => {
  const completion = (actual: string, plan: string, s: Record<string, unknown> = {}) => tool(COOP, "C000-TASK-MONTH", { tasks: [{ item: "deposits", plan, actual }] }, s).items[0];

  it("C000-CONV-COMPLETION: the rule file's example — P 1 000 000, A 299 950 → 29.995 %, kept exact (shown as 29.995%, not 30.00%)", () => {
    expect(completion("299950", "1000000")).toMatchObject({ item: "deposits", completion: "0.29995", text: "29.995%" });
  });

  it("C000-CONV-COMPLETION: c000.rate.roundBeforeCompare = pct2 rounds to 0.01 % first: 29.995 % → 30.00 %", () => {
    expect(completion("299950", "1000000", { "c000.rate.roundBeforeCompare": "pct2" })).toMatchObject({ item: "deposits", completion: "0.3", text: "30.00%" });
  });

  it("C000-CONV-COMPLETION: a negative actual gives a negative completion (a net fall in deposits)", () => {
    expect(completion("-50000", "1000000").completion).toBe("-0.05");
  });

  it("C000-CONV-COMPLETION: over-completion is not capped", () => {
    expect(completion("1234567", "1000000").text).toBe("123.4567%");
  });

  it("C000-CONV-COMPLETION: an item with plan ≤ 0 has no task that month and is skipped (c000.task.zeroPlan = skip)", () => {
    expect(tool(COOP, "C000-TASK-MONTH", { tasks: [{ item: "shareCapital", plan: "0", actual: "5" }, { item: "deposits", plan: "100", actual: "100" }] })).toMatchObject({
      state: "completed",
      skipped: [expect.objectContaining({ item: "shareCapital" })],
    });
  });
});
