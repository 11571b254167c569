/**
 * The venue marketing pay snippet end to end with appraiseOne("c000-snip-venue", …): C000-KTV-BASE (the pay),
 * C000-KTV-COMMISSION, C000-KTV-ABSENCE, and the tools C000-KTV-LATE and C000-KTV-OTHER whose numbers the pay
 * also reads; with c000.ktv.base.ifTargetMissed, c000.ktv.leave.forfeitAt and c000.ktv.late.exactly30.
 */
import { isUnavailable } from "../../../src/engine/outcome";
import { loadPreset } from "../../../src/engine/rulebooks";
import { Settings } from "../../../src/engine/settings";
import { runTool } from "../../../src/engine/tools";
import { appraiseOne } from "../../helpers/appraise";

const BOOK = "c000-snip-venue";
const mm = (june: Record<string, unknown>) => ({ role: "marketingManager", history: [{ period: "2024-06", ...june }] });
const pay = (june: Record<string, unknown>, s: Record<string, unknown> = {}) => appraiseOne(BOOK, mm(june), "2024-06", s);
const lines = (r: ReturnType<typeof appraiseOne>, rule: string) => r.explanation.filter((e) => e.rule === rule);

const book = loadPreset(BOOK);
function tool(id: string, input: unknown, s: Record<string, unknown> = {}): any {
  const r = Settings.resolve(book.doc, s);
  expect(r.problems).toEqual([]);
  const out = runTool(book, r.settings, id, input);
  if (isUnavailable(out)) return out;
  expect(out.reasons.length).toBeGreaterThan(0);
  return { ...(out.value as object), reasons: out.reasons };
}

describe("C000-KTV-BASE", () => {
  it("C000-KTV-BASE: the rule file's example — revenue 35 000 → base 3000 (default full)", () => {
    const r = pay({ bookedRevenue: "35000" });
    expect(r.commission).toBe("3000.00");
    expect(lines(r, "C000-KTV-BASE")).toEqual([
      {
        rule: "C000-KTV-BASE",
        zh: "定台业绩 ¥35,000.00 < 任务 ¥40,000.00,底薪仍为 ¥3,000.00(设置 c000.ktv.base.ifTargetMissed = full)",
        en: "bookings ¥35,000.00 < target ¥40,000.00: base still ¥3,000.00 (setting c000.ktv.base.ifTargetMissed = full)",
      },
      {
        rule: "C000-KTV-BASE",
        zh: "工资 = 底薪 ¥3,000.00 + 提成 ¥0.00 + 奖金 ¥0.00 − 扣罚 ¥0.00 = ¥3,000.00",
        en: "pay = base ¥3,000.00 + commission ¥0.00 + bonus ¥0.00 − fines ¥0.00 = ¥3,000.00",
      },
    ]);
  });

  it("C000-KTV-BASE: c000.ktv.base.ifTargetMissed = proRata — revenue 35 000 → base 2625", () => {
    expect(pay({ bookedRevenue: "35000" }, { "c000.ktv.base.ifTargetMissed": "proRata" }).commission).toBe("2625.00");
  });

  it.each([
    ["39 999 (just below)", "39999", "2999.93"],
    ["40 000 (at the target)", "40000", "3000.00"],
    ["40 001 (just above; 0.03 commission)", "40001", "3000.03"],
  ])("C000-KTV-BASE: c000.ktv.base.ifTargetMissed = proRata — revenue %s → pay %s (capped at 3000)", (_l, bookedRevenue, total) => {
    expect(pay({ bookedRevenue }, { "c000.ktv.base.ifTargetMissed": "proRata" }).commission).toBe(total);
  });

  it("C000-KTV-BASE: the bonus (奖金) is an input added in full", () => {
    expect(pay({ bookedRevenue: "40000", bonus: "500" }).commission).toBe("3500.00");
  });

  it("C000-KTV-BASE: missing revenue → #N/A naming the field", () => {
    const r = pay({ bonus: "500" });
    expect(r.commission).toBeUndefined();
    expect(r.unavailable?.[0]).toMatchObject({ code: "na", en: "missing table-booking revenue (bookedRevenue)" });
  });
});

describe("C000-KTV-COMMISSION", () => {
  it.each([
    ["52 000 (the rule file's example)", "52000", "3360.00"],
    ["40 000 (the rule file's example: at the target)", "40000", "3000.00"],
    ["39 999.99 (below the target)", "39999.99", "3000.00"],
    ["40 000.01 (just above: 0.0003)", "40000.01", "3000.00"],
  ])("C000-KTV-COMMISSION: revenue %s → pay %s", (_l, bookedRevenue, total) => {
    expect(pay({ bookedRevenue }).commission).toBe(total);
  });

  it("C000-KTV-COMMISSION: 0.03 × 12 000 = 360.00, paid on the 15th of the next month", () => {
    expect(lines(pay({ bookedRevenue: "52000" }), "C000-KTV-COMMISSION")).toEqual([
      { rule: "C000-KTV-COMMISSION", zh: "超出任务业绩 ¥12,000.00 × 3.00% = ¥360.00;2024-07-15 发放", en: "revenue above target ¥12,000.00 × 3.00% = ¥360.00; paid on 2024-07-15" },
    ]);
  });
});

describe("C000-KTV-ABSENCE", () => {
  it("C000-KTV-ABSENCE: the rule file's example — 3 absence days → −600 and commission forfeited (52 000: pay 2400.00)", () => {
    const r = pay({ bookedRevenue: "52000", absenceDays: 3 });
    expect(r.commission).toBe("2400.00");
    expect(lines(r, "C000-KTV-ABSENCE")[0].zh).toBe(
      "旷工 3 天 × ¥200.00 = ¥600.00(≥ 3 天);事假 0 天 × ¥300.00 = ¥0.00(≤ 5 天)(设置 c000.ktv.leave.forfeitAt = gt5)→ 扣发当月业绩提成",
    );
  });

  it.each([
    ["2 days (just below 3)", 2, "2960.00"],
    ["3 days (at)", 3, "2400.00"],
    ["4 days (above)", 4, "2200.00"],
  ])("C000-KTV-ABSENCE: absence %s with revenue 52 000 → pay %s", (_l, absenceDays, total) => {
    expect(pay({ bookedRevenue: "52000", absenceDays }).commission).toBe(total);
  });

  it("C000-KTV-ABSENCE: the rule file's example — 5 leave days → −1500, commission kept (default gt5): pay 1860.00", () => {
    expect(pay({ bookedRevenue: "52000", leaveDays: 5 }).commission).toBe("1860.00");
  });

  it("C000-KTV-ABSENCE: 6 leave days (more than 5) → −1800 and commission forfeited: pay 1200.00", () => {
    expect(pay({ bookedRevenue: "52000", leaveDays: 6 }).commission).toBe("1200.00");
  });

  it.each([
    [4, "2160.00"],
    [5, "1500.00"],
    [6, "1200.00"],
  ])("C000-KTV-ABSENCE: c000.ktv.leave.forfeitAt = ge5 — %i leave days → pay %s", (leaveDays, total) => {
    expect(pay({ bookedRevenue: "52000", leaveDays }, { "c000.ktv.leave.forfeitAt": "ge5" }).commission).toBe(total);
  });

  it("C000-KTV-ABSENCE / C000-KTV-LATE: lateness beyond half an hour counts towards the 3 absence days (2 + 1 → forfeited)", () => {
    expect(pay({ bookedRevenue: "52000", absenceDays: 2, lateBeyondLimit: 1 }).commission).toBe("2400.00");
  });
});

describe("C000-KTV-LATE", () => {
  it.each([
    ["late 20 min", "late", "20", "fine", "50.00", "0"],
    ["late 29 min", "late", "29", "fine", "50.00", "0"],
    ["late exactly 30 min", "late", "30", "fine", "50.00", "0"],
    ["late 31 min", "late", "31", "absence", "0.00", "1"],
    ["early 45 min", "early", "45", "absence", "0.00", "1"],
    ["off post 19 min", "offPost", "19", "none", "0.00", "0"],
    ["off post 20 min", "offPost", "20", "fine", "50.00", "0"],
  ])("C000-KTV-LATE: the rule file's examples and boundaries — %s → %s", (_l, type, minutes, outcome, fines, absenceDays) => {
    expect(tool("C000-KTV-LATE", { events: [{ type, minutes }] })).toMatchObject({ fines, absenceDays, events: [{ type, minutes, outcome }] });
  });

  it("C000-KTV-LATE: c000.ktv.late.exactly30 = absence — late exactly 30 min counts as a day of absence", () => {
    const v = tool("C000-KTV-LATE", { events: [{ type: "late", minutes: "30" }] }, { "c000.ktv.late.exactly30": "absence" });
    expect(v).toMatchObject({ fines: "0.00", absenceDays: "1" });
    expect(v.reasons[0].rule).toBe("C000-KTV-LATE");
    expect(v.reasons[0].zh).toContain("按旷工 1 天");
    expect(v.reasons[0].zh).toContain("c000.ktv.late.exactly30 = absence");
  });

  it("C000-KTV-LATE in the pay: late 20 → −50 (3310.00); late 31 → one absence day −200 (3160.00); off post → −50", () => {
    expect(pay({ bookedRevenue: "52000", lateWithinLimit: 1 }).commission).toBe("3310.00");
    expect(pay({ bookedRevenue: "52000", lateBeyondLimit: 1 }).commission).toBe("3160.00");
    expect(pay({ bookedRevenue: "52000", offPostCount: 2 }).commission).toBe("3260.00");
  });

  it("C000-KTV-LATE in the pay: exactly 30 min → −50 by default, −200 under c000.ktv.late.exactly30 = absence", () => {
    expect(pay({ bookedRevenue: "52000", lateAtLimit: 1 }).commission).toBe("3310.00");
    expect(pay({ bookedRevenue: "52000", lateAtLimit: 1 }, { "c000.ktv.late.exactly30": "absence" }).commission).toBe("3160.00");
  });
});

describe("C000-KTV-OTHER", () => {
  it("C000-KTV-OTHER: the rule file's example — spend 2000, gift 150 (> 100) → breach, fine 300", () => {
    const v = tool("C000-KTV-OTHER", { guestSpend: "2000", giftValue: "150" });
    expect(v).toMatchObject({ giftBreach: true, giftFine: "300.00", fines: "300.00" });
    expect(v.reasons[0].zh).toBe("签送 ¥150.00 > 消费 ¥2,000.00 的 5.00%(¥100.00)→ 违规,罚签送金额 2 倍 ¥300.00");
  });

  it.each([
    ["99.99", false, "0.00"],
    ["100", false, "0.00"],
    ["100.01", true, "200.02"],
  ])("C000-KTV-OTHER: spend 2000, gift %s → breach %s, fine %s", (giftValue, breach, fine) => {
    expect(tool("C000-KTV-OTHER", { guestSpend: "2000", giftValue })).toMatchObject({ giftBreach: breach, giftFine: fine });
  });

  it("C000-KTV-OTHER: drinks may never be given (a 50 元 drink on a 2000 spend is a breach)", () => {
    expect(tool("C000-KTV-OTHER", { guestSpend: "2000", giftValue: "50", drinks: true })).toMatchObject({ giftBreach: true, giftFine: "100.00" });
  });

  it("C000-KTV-OTHER: poaching → twice that table's revenue of the day", () => {
    expect(tool("C000-KTV-OTHER", { poachedTableRevenue: "1000" }).poachingFine).toBe("2000.00");
  });

  it("C000-KTV-OTHER in the pay: an improper gift of 150 → −300; poaching a 1000 table → −2000", () => {
    expect(pay({ bookedRevenue: "52000", improperGiftYuan: "150" }).commission).toBe("3060.00");
    expect(pay({ bookedRevenue: "52000", poachedTableRevenue: "1000" }).commission).toBe("1360.00");
  });

  it("C000-KTV-OTHER in the pay: dismissal → no pay and no commission (0.00); the deposit is returned", () => {
    const r = pay({ bookedRevenue: "52000", flags: ["dismissed"] });
    expect(r.commission).toBe("0.00");
    expect(lines(r, "C000-KTV-OTHER")).toEqual([{ rule: "C000-KTV-OTHER", zh: "开除:只退押金,不发当月工资和提成 → ¥0.00", en: "dismissed: only the deposit is returned; no pay or commission → ¥0.00" }]);
  });
});
