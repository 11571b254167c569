/**
 * H003-DEMOTE-CM-DEPOSIT-3M: deposits below 90 % of the base for three consecutive months → demotion.
 * Base 1000万 → threshold 900万 (rule file example). Amounts below are in 万元 for readability and written to the
 * input in 元.
 */
import { appraiseOne } from "../../helpers/appraise";

const RULE = "H003-DEMOTE-CM-DEPOSIT-3M";
/** "899.99" 万元 → "8999900" 元, by moving the decimal point (no binary floating point). */
const wan = (w: string) => {
  const [int, frac = ""] = w.split(".");
  return `${int}${frac.padEnd(4, "0")}`.replace(/^0+(?=\d)/, "");
};

/**
 * The rest of a month's record, as a real workbook has it: the appraised month also judges the annual score triggers
 * (H003-DEMOTE-CM-SCORE, H003-DISMISS-CM-SCORE) on its year-to-date score, which cannot be judged without these.
 * Each item is reported at its target — deposit growth 30 % (40), NPL 0 (30), collection 99.5 % (20), 7 of 7 new
 * accounts (10) = 100 — so no other trigger fires and only the deposits below decide. The reported depositGrowth is
 * read before any growth derived from avgDeposits, which stay exactly the amounts under test.
 */
const scoreAtTarget = { depositGrowth: "0.30", nplRatio: "0", avgLoans: "1000000", collectionRate: "0.995", interestDue: "1000", newBasicAccounts: "7", newLoanCollectionRate: "1" };

/** An intermediate CM with monthly daily averages (万元) from January 2026, base 1000万. */
function cm(avgWan: Array<string | null>, extra: Record<string, unknown> = {}) {
  const history = avgWan
    .map((a, i) => (a === null ? null : { period: `2026-${String(i + 1).padStart(2, "0")}`, ...scoreAtTarget, avgDeposits: wan(a), baseDeposits: wan("1000"), ...extra }))
    .filter((r) => r !== null);
  return { role: "cm", grade: "intermediate", history };
}

const fired = (r: ReturnType<typeof appraiseOne>) => r.explanation.filter((e) => e.rule === RULE);
const LADDER = "H003-DEMOTE-LADDER";
const ladder = (r: ReturnType<typeof appraiseOne>) => r.explanation.filter((e) => e.rule === LADDER);
/** The ladder's line when no trigger fired and every trigger could be judged. */
const NORMAL = [{ rule: LADDER, zh: "未触发降级或解聘条件 → 正常", en: "no demotion or dismissal trigger → normal" }];

describe(`${RULE}: rule file example`, () => {
  it(`${RULE}: Jan 950, Feb 899.99, Mar 880, Apr 850 → Feb–Apr short → trigger in Apr (intermediate → junior)`, () => {
    const r = appraiseOne("h003-city-bank", cm(["950", "899.99", "880", "850"]), "2026-04");
    expect(r.status).toBe("demote");
    expect(r.grade).toBe("junior");
    // Feb 899.99万, Mar 880万, Apr 850万 are each below 90% of the 1000万 base (900万).
    expect(fired(r)).toEqual([
      {
        rule: RULE,
        zh: "2026-02 至 2026-04 连续 3 个月日均存款低于基数存款的 90.00%(¥9,000,000.00,基数存款 ¥10,000,000.00)→ 降级",
        en: "2026-02 to 2026-04: daily-average deposits below 90.00% of base deposits for 3 consecutive months (¥9,000,000.00, base ¥10,000,000.00) → demotion",
      },
    ]);
  });

  it(`${RULE}: the same history appraised in March has only two short months → no trigger`, () => {
    const r = appraiseOne("h003-city-bank", cm(["950", "899.99", "880", "850"]), "2026-03");
    expect(r.score).toBe("100.00");
    expect(fired(r)).toEqual([]);
    expect(r.status).toBe("normal");
    expect(r.grade).toBe("intermediate");
    expect(ladder(r)).toEqual(NORMAL);
  });

  it(`${RULE}: Mar exactly 900.00 is not short (低于 is strict), so the run breaks`, () => {
    const r = appraiseOne("h003-city-bank", cm(["950", "899.99", "900", "850"]), "2026-04");
    expect(fired(r)).toEqual([]);
    expect(r.status).toBe("normal");
    expect(ladder(r)).toEqual(NORMAL);
  });
});

describe(`${RULE}: threshold 90 % of base`, () => {
  it.each([
    ["899.99 (just below 900)", "899.99", "demote"],
    ["900.00 (at 900)", "900", "normal"],
    ["900.01 (just above 900)", "900.01", "normal"],
  ])(`${RULE}: three months at %s`, (_label, v, status) => {
    const r = appraiseOne("h003-city-bank", cm([v, v, v]), "2026-03");
    expect(r.status).toBe(status);
  });
});

describe(`${RULE}: h003.cm.depositShortfall.afterTrigger`, () => {
  const six = ["850", "850", "850", "850", "850", "850"];
  it(`${RULE}: reset (default): six short months trigger at months 3 and 6, not 4 or 5`, () => {
    expect(appraiseOne("h003-city-bank", cm(six), "2026-03").status).toBe("demote");
    expect(appraiseOne("h003-city-bank", cm(six), "2026-04").status).toBe("normal");
    expect(appraiseOne("h003-city-bank", cm(six), "2026-05").status).toBe("normal");
    expect(appraiseOne("h003-city-bank", cm(six), "2026-06").status).toBe("demote");
  });

  it(`${RULE}: h003.cm.depositShortfall.afterTrigger = oncePerRun: one trigger per unbroken run (month 3 only)`, () => {
    const s = { "h003.cm.depositShortfall.afterTrigger": "oncePerRun" };
    expect(appraiseOne("h003-city-bank", cm(six), "2026-03", s).status).toBe("demote");
    expect(appraiseOne("h003-city-bank", cm(six), "2026-06", s).status).toBe("normal");
    // A month that is not short ends the run; the next three short months trigger again.
    const broken = ["850", "850", "850", "950", "850", "850", "850"];
    expect(appraiseOne("h003-city-bank", cm(broken), "2026-07", s).status).toBe("demote");
  });
});

describe(`${RULE}: h003.cm.depositShortfall.mode`, () => {
  // 850, 950, 850: February is not short, but the three-month mean 883.33 is below 900.
  const history = ["850", "950", "850"];
  it(`${RULE}: eachMonth (default): February at 950 breaks the run → no trigger`, () => {
    expect(appraiseOne("h003-city-bank", cm(history), "2026-03").status).toBe("normal");
  });

  it(`${RULE}: h003.cm.depositShortfall.mode = windowAverage: mean of the last 3 months 883.33万 < 900万 → demote`, () => {
    const r = appraiseOne("h003-city-bank", cm(history), "2026-03", { "h003.cm.depositShortfall.mode": "windowAverage" });
    expect(r.status).toBe("demote");
    expect(fired(r)[0].zh).toBe(
      "2026-01 至 2026-03 连续 3 个月日均存款平均 ¥8,833,333.33 < 基数存款 ¥10,000,000.00 的 90.00%(¥9,000,000.00)→ 降级",
    );
  });

  it(`${RULE}: h003.cm.depositShortfall.mode = windowAverage: mean exactly 900万 is not short`, () => {
    const r = appraiseOne("h003-city-bank", cm(["850", "950", "900"]), "2026-03", { "h003.cm.depositShortfall.mode": "windowAverage" });
    expect(r.status).toBe("normal");
  });
});

describe(`${RULE}: h003.cm.depositShortfall.measure`, () => {
  // Daily averages are fine (950万) but month-end balances are 850万.
  const balances = { balanceDeposits: wan("850") };
  it(`${RULE}: monthlyDailyAverage (default) reads avgDeposits → no trigger`, () => {
    expect(appraiseOne("h003-city-bank", cm(["950", "950", "950"], balances), "2026-03").status).toBe("normal");
  });

  it(`${RULE}: h003.cm.depositShortfall.measure = monthEndBalance reads balanceDeposits → demote`, () => {
    const r = appraiseOne("h003-city-bank", cm(["950", "950", "950"], balances), "2026-03", { "h003.cm.depositShortfall.measure": "monthEndBalance" });
    expect(r.status).toBe("demote");
    expect(fired(r)[0].zh).toContain("连续 3 个月存款余额低于基数存款的 90.00%");
  });
});

describe(`${RULE}: h003.cm.depositShortfall.gap`, () => {
  // Jan, Feb short; March missing; Apr, May short: no three calendar months in a row.
  const gappy = ["850", "850", null, "850", "850"];
  it(`${RULE}: breaksRun (default): a missing month ends the run → no trigger in May`, () => {
    expect(appraiseOne("h003-city-bank", cm(gappy), "2026-05").status).toBe("normal");
    // … and June completes a new run of three.
    expect(appraiseOne("h003-city-bank", cm([...gappy, "850"]), "2026-06").status).toBe("demote");
  });

  it(`${RULE}: breaksRun: a month whose row is there but whose deposits could not be read is a gap too`, () => {
    // March's row exists (its other figures read) but its daily average is missing, as when the cell held "1,2O0".
    const m = cm(["850", "850", "850", "850", "850"]);
    delete (m.history[2] as Record<string, unknown>).avgDeposits;
    expect(appraiseOne("h003-city-bank", m, "2026-05").status).toBe("normal");
    expect(appraiseOne("h003-city-bank", m, "2026-05", { "h003.cm.depositShortfall.gap": "error" }).unavailable?.find((x) => x.rule === RULE)?.code).toBe("value");
  });

  it(`${RULE}: h003.cm.depositShortfall.gap = error: the gap makes the rule unavailable (#VALUE!)`, () => {
    const r = appraiseOne("h003-city-bank", cm(gappy), "2026-05", { "h003.cm.depositShortfall.gap": "error" });
    const u = r.unavailable?.find((x) => x.rule === RULE);
    expect(u?.code).toBe("value");
    expect(u?.zh).toContain("2026-03 缺少数据");
  });
});

describe(`${RULE}: periods and inputs`, () => {
  it(`${RULE}: an annual appraisal fires for a run completed in any month of the year`, () => {
    const r = appraiseOne("h003-city-bank", cm(["950", "850", "850", "850", "950"]), "2026");
    expect(fired(r)).toHaveLength(1);
    expect(fired(r)[0].zh.startsWith("2026-04:2026-02 至 2026-04 连续 3 个月日均存款低于基数存款的 90.00%")).toBe(true);
  });

  it(`${RULE}: the base may be given once and is carried forward`, () => {
    const history = ["850", "850", "850"].map((a, i) => ({ period: `2026-0${i + 1}`, avgDeposits: wan(a), ...(i === 0 ? { baseDeposits: wan("1000") } : {}) }));
    expect(appraiseOne("h003-city-bank", { role: "cm", grade: "senior", history }, "2026-03").grade).toBe("intermediate");
  });

  it(`${RULE}: a missing measure in the appraised month is reported, not read as "not short"`, () => {
    const history = [{ period: "2026-01", avgDeposits: wan("850"), baseDeposits: wan("1000") }, { period: "2026-02", baseDeposits: wan("1000") }];
    const r = appraiseOne("h003-city-bank", { role: "cm", grade: "senior", history }, "2026-02");
    expect(r.unavailable?.find((x) => x.rule === RULE)).toMatchObject({ code: "na" });
    expect(r.unavailable?.find((x) => x.rule === RULE)?.zh).toContain("缺少日均存款(avgDeposits)");
  });

  it(`${RULE}: does not apply to branch presidents`, () => {
    const r = appraiseOne("h003-city-bank", { ...cm(["850", "850", "850"]), role: "president" }, "2026-03");
    expect(fired(r)).toEqual([]);
  });
});
