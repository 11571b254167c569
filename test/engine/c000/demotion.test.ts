/**
 * The demotion cycle of article 11, end to end with appraiseOne("c000-credit-coop", …):
 * C000-DEMOTE-30PCT, C000-DEMOTE-3M, C000-DEMOTE-EFFECT and C000-REINSTATE, with c000.run.gap,
 * c000.demotion.effective, c000.task.monthMissed and c000.rate.roundBeforeCompare.
 *
 * Histories are written one letter a month from 2024-01: m = tasks missed (deposits 95 of 100, loans 110 of 100),
 * c = completed (100 and 110), n = a record with no task, - = no record.
 */
import { appraiseOne } from "../../helpers/appraise";

const BOOK = "c000-credit-coop";
const P = (i: number) => `2024-${String(i + 1).padStart(2, "0")}`;
const TASKS: Record<string, Array<{ item: string; plan: string; actual: string }>> = {
  m: [{ item: "deposits", plan: "100", actual: "95" }, { item: "loanRecovery", plan: "100", actual: "110" }],
  c: [{ item: "deposits", plan: "100", actual: "100" }, { item: "loanRecovery", plan: "100", actual: "110" }],
  n: [],
};

function person(pattern: string, extra: Record<string, Record<string, unknown>> = {}, role = "cm") {
  const history = [...pattern]
    .map((ch, i) => (ch === "-" ? null : { period: P(i), tasks: TASKS[ch], ...(extra[P(i)] ?? {}) }))
    .filter((r) => r !== null);
  return { role, grade: "level3", history };
}

const lines = (r: ReturnType<typeof appraiseOne>, rule: string) => r.explanation.filter((e) => e.rule === rule);
const at = (pattern: string, period: string, settings: Record<string, unknown> = {}, extra: Record<string, Record<string, unknown>> = {}, role = "cm") =>
  appraiseOne(BOOK, person(pattern, extra, role), period, settings);

describe("C000-DEMOTE-30PCT", () => {
  const single = (actual: string) => ({ role: "cm", grade: "level3", history: [{ period: "2024-01", tasks: [{ item: "deposits", plan: "1000000", actual }] }] });

  it.each([
    ["300 000 = 30.00 % (at 30 %: not 不足30%)", "300000", "normal"],
    ["299 900 = 29.99 % (just below)", "299900", "demote"],
    ["300 100 = 30.01 % (just above)", "300100", "normal"],
  ])("C000-DEMOTE-30PCT: plan 1 000 000, actual %s → %s", (_l, actual, status) => {
    expect(appraiseOne(BOOK, single(actual), "2024-01").status).toBe(status);
  });

  it("C000-DEMOTE-30PCT: the rule file's example 299 900 → demoted, reason SINGLE_ITEM_BELOW_30, effective next month", () => {
    const r = appraiseOne(BOOK, single("299900"), "2024-01");
    expect(lines(r, "C000-DEMOTE-30PCT")).toEqual([
      {
        rule: "C000-DEMOTE-30PCT",
        zh: "2024-01 单项任务完成存款 29.99% < 30.00%(SINGLE_ITEM_BELOW_30)→ 降为一般营销员",
        en: "2024-01: single task item deposits 29.99% < 30.00% (SINGLE_ITEM_BELOW_30) → demoted to general marketer",
      },
    ]);
    expect(lines(r, "C000-DEMOTE-EFFECT").map((l) => l.zh)).toContain(
      "2024-01 触发降级(C000-DEMOTE-30PCT)→ 自 2024-02 起转为一般营销员,取消基本工资(金额原文未载)(设置 c000.demotion.effective = nextMonth)",
    );
  });

  it("C000-DEMOTE-30PCT: the rule file's example 299 950 (29.995 %) → demoted under c000.rate.roundBeforeCompare = none", () => {
    expect(appraiseOne(BOOK, single("299950"), "2024-01").status).toBe("demote");
  });

  it("C000-DEMOTE-30PCT: c000.rate.roundBeforeCompare = pct2 — 299 950 rounds to 30.00 % → not demoted", () => {
    const r = appraiseOne(BOOK, single("299950"), "2024-01", { "c000.rate.roundBeforeCompare": "pct2" });
    expect(r.status).toBe("normal");
    expect(lines(r, "C000-DEMOTE-30PCT")).toEqual([]);
  });

  it("C000-DEMOTE-30PCT runs before C000-DEMOTE-3M in the same month: both are reported, the floor first", () => {
    const history = person("mm").history.concat([{ period: "2024-03", tasks: [{ item: "deposits", plan: "100", actual: "25" }] }]);
    const r2 = appraiseOne(BOOK, { role: "cm", grade: "level3", history }, "2024-03");
    expect(r2.status).toBe("demote");
    const rules = r2.explanation.map((e) => e.rule);
    expect(rules.indexOf("C000-DEMOTE-30PCT")).toBeLessThan(rules.indexOf("C000-DEMOTE-3M"));
    expect(lines(r2, "C000-DEMOTE-EFFECT").map((l) => l.en)).toContain(
      "demotion triggered in 2024-03 (C000-DEMOTE-30PCT, C000-DEMOTE-3M) → general marketer from 2024-04, base salary cancelled (the amount is not in the seed) (setting c000.demotion.effective = nextMonth)",
    );
  });

  it("C000-DEMOTE-30PCT applies to CMs only: a general marketer at 25 % is not demoted again", () => {
    const r = appraiseOne(BOOK, { role: "generalMarketer", history: [{ period: "2024-01", tasks: [{ item: "deposits", plan: "100", actual: "25" }] }] }, "2024-01");
    expect(r.status).toBe("demoted");
    expect(lines(r, "C000-DEMOTE-30PCT")).toEqual([]);
  });
});

describe("C000-DEMOTE-3M", () => {
  it("C000-DEMOTE-3M: the rule file's example — Jan, Feb, Mar missed → triggered in March", () => {
    expect(at("mmm", "2024-02").status).toBe("normal");
    const r = at("mmm", "2024-03");
    expect(r.status).toBe("demote");
    expect(lines(r, "C000-DEMOTE-3M")).toEqual([
      {
        rule: "C000-DEMOTE-3M",
        zh: "2024-01、2024-02、2024-03 连续 3 个月未完成社分配任务(THREE_MONTHS_MISSED)→ 降为一般营销员",
        en: "2024-01, 2024-02, 2024-03: tasks missed 3 months running (THREE_MONTHS_MISSED) → demoted to general marketer",
      },
    ]);
  });

  it("C000-DEMOTE-3M: the rule file's example — Jan missed, Feb completed, Mar, Apr, May missed → triggered in May", () => {
    expect(at("mcmmm", "2024-03").status).toBe("normal");
    expect(at("mcmmm", "2024-04").status).toBe("normal");
    expect(at("mcmmm", "2024-05").status).toBe("demote");
  });

  it.each([
    ["2 missed months (just below)", "mm", "2024-02", "normal"],
    ["3 missed months (at)", "mmm", "2024-03", "demote"],
    ["a completed third month", "mmc", "2024-03", "normal"],
  ])("C000-DEMOTE-3M: %s → %s", (_l, pattern, period, status) => {
    expect(at(pattern, period).status).toBe(status);
  });

  it("C000-DEMOTE-3M: the explanation of a month in a run counts the missed months", () => {
    expect(lines(at("mm", "2024-02"), "C000-DEMOTE-EFFECT")).toEqual([
      { rule: "C000-DEMOTE-EFFECT", zh: "正常:已连续 2 个月未完成任务(2024-01、2024-02)", en: "normal: tasks missed 2 month(s) in a row (2024-01, 2024-02)" },
    ]);
  });

  it("C000-DEMOTE-3M: c000.run.gap = breaks (default) — a month with no task data resets the run", () => {
    expect(at("mnmm", "2024-04").status).toBe("normal");
    expect(at("mnmmm", "2024-05").status).toBe("demote");
    expect(at("m-mm", "2024-04").status).toBe("normal");
  });

  it("C000-DEMOTE-3M: c000.run.gap = error — a month with no task data inside the history makes the status undetermined (#VALUE!)", () => {
    const r = at("mnmm", "2024-04", { "c000.run.gap": "error" });
    expect(r.status).toBe("undetermined");
    expect(r.unavailable).toEqual([
      {
        output: "status",
        code: "value",
        rule: "C000-DEMOTE-3M",
        zh: "2024-02 没有任务数据,连续月份须完整(设置 c000.run.gap = error)",
        en: "2024-02 has no task data; consecutive months must be complete (setting c000.run.gap = error)",
      },
    ]);
  });

  it("C000-DEMOTE-3M: c000.task.monthMissed = overallBelow100 — items below 100 % with the overall task at 102 % are not missed", () => {
    const overall = { "2024-01": { taskCompletion: "1.02" }, "2024-02": { taskCompletion: "1.02" }, "2024-03": { taskCompletion: "1.02" } };
    expect(at("mmm", "2024-03", {}, overall).status).toBe("demote");
    expect(at("mmm", "2024-03", { "c000.task.monthMissed": "overallBelow100" }, overall).status).toBe("normal");
  });
});

describe("C000-DEMOTE-EFFECT", () => {
  it("C000-DEMOTE-EFFECT: the rule file's example — triggered in March → general marketer with no base salary from April (default nextMonth)", () => {
    const r = at("mmmc", "2024-03");
    expect(r.status).toBe("demote");
    expect(r.grade).toBe("level3");
    const april = at("mmmc", "2024-04");
    expect(april.status).toBe("demoted");
    expect(lines(april, "C000-DEMOTE-EFFECT")).toEqual([
      {
        rule: "C000-DEMOTE-EFFECT",
        zh: "2024-03 触发降级,自 2024-04 起为一般营销员,取消基本工资(金额原文未载);已连续完成任务 1 个月",
        en: "demoted in 2024-03: general marketer since 2024-04, base salary cancelled (the amount is not in the seed); tasks completed 1 month(s) in a row",
      },
    ]);
  });

  it("C000-DEMOTE-EFFECT: c000.demotion.effective = sameMonth — general marketer from March itself", () => {
    const s = { "c000.demotion.effective": "sameMonth" };
    expect(lines(at("mmm", "2024-03", s), "C000-DEMOTE-EFFECT").map((l) => l.zh)).toContain(
      "2024-03 触发降级(C000-DEMOTE-3M)→ 自 2024-03 起转为一般营销员,取消基本工资(金额原文未载)(设置 c000.demotion.effective = sameMonth)",
    );
    expect(lines(at("mmmc", "2024-04", s), "C000-DEMOTE-EFFECT")[0].zh).toBe(
      "2024-03 触发降级,自 2024-03 起为一般营销员,取消基本工资(金额原文未载);已连续完成任务 1 个月",
    );
  });

  it("C000-DEMOTE-EFFECT: the demotion is in role, not in level — the CM level (grade) is unchanged", () => {
    expect(at("mmmcc", "2024-05").grade).toBe("level3");
  });

  it("C000-DEMOTE-EFFECT: roles outside the cycle (counter staff) are reported as not subject to it", () => {
    const r = at("mmm", "2024-03", {}, {}, "counter");
    expect(r.status).toBe("normal");
    expect(lines(r, "C000-DEMOTE-EFFECT")).toEqual([
      { rule: "C000-DEMOTE-EFFECT", zh: "一线临柜人员不适用客户经理降级与重新转聘规则", en: "the CM demotion and reinstatement rules do not apply to front-line counter staff" },
    ]);
  });

  it("C000-DEMOTE-EFFECT: without a record for the appraised month the status is undetermined (#N/A), never normal", () => {
    const r = at("mm", "2024-03");
    expect(r.status).toBe("undetermined");
    expect(r.unavailable?.[0]).toMatchObject({ output: "status", code: "na", en: "no record for 2024-03: task completion cannot be judged" });
  });
});

describe("C000-REINSTATE", () => {
  it("C000-REINSTATE: the rule file's example — triggered March; April, May, June completed → may apply from July", () => {
    expect(at("mmmcc", "2024-05").status).toBe("demoted");
    const r = at("mmmccc", "2024-06");
    expect(r.status).toBe("reinstate");
    expect(lines(r, "C000-REINSTATE")).toEqual([
      {
        rule: "C000-REINSTATE",
        zh: "2024-04、2024-05、2024-06 连续 3 个月完成任务 → 自 2024-07 起可由本人申请,经组织考核后重新转聘为客户经理",
        en: "2024-04, 2024-05, 2024-06: tasks completed 3 months running → may apply from 2024-07 and, after an assessment, be re-appointed CM",
      },
    ]);
  });

  it("C000-REINSTATE: the rule file's example — April completed, May missed, June, July, August completed → from September", () => {
    expect(at("mmmcmcc", "2024-07").status).toBe("demoted");
    const r = at("mmmcmccc", "2024-08");
    expect(r.status).toBe("reinstate");
    expect(lines(r, "C000-REINSTATE")[0].zh).toContain("自 2024-09 起可由本人申请");
  });

  it("C000-REINSTATE: c000.demotion.effective = sameMonth — the trigger month never counts: still from July", () => {
    const r = at("mmmccc", "2024-06", { "c000.demotion.effective": "sameMonth" });
    expect(r.status).toBe("reinstate");
    expect(lines(r, "C000-REINSTATE")[0].zh).toContain("自 2024-07 起可由本人申请");
  });

  it("C000-REINSTATE: c000.run.gap = breaks — a month with no data resets the count (April, gap, June–August → September)", () => {
    expect(at("mmmcnccc", "2024-08").status).toBe("reinstate");
    expect(at("mmmcncc", "2024-07").status).toBe("demoted");
  });

  it("C000-REINSTATE: c000.run.gap = error — the same history is undetermined", () => {
    const r = at("mmmcnccc", "2024-08", { "c000.run.gap": "error" });
    expect(r.status).toBe("undetermined");
    expect(r.unavailable?.[0]).toMatchObject({ code: "value", zh: "2024-05 没有任务数据,连续月份须完整(设置 c000.run.gap = error)" });
  });

  it("C000-REINSTATE: eligibility stays until a record shows the re-appointment", () => {
    expect(at("mmmcccc", "2024-07").status).toBe("reinstate");
  });

  it("C000-REINSTATE: after re-appointment (July recorded as CM) the C000-DEMOTE-3M count starts again from 0", () => {
    const back = { "2024-07": { role: "cm" } };
    const r = at("mmmcccmm", "2024-08", {}, back);
    expect(r.status).toBe("normal");
    expect(lines(r, "C000-REINSTATE").map((l) => l.zh)).toContain("2024-07 记录为客户经理:重新转聘,连续未完成任务的月数从 0 起算");
    expect(at("mmmcccmmm", "2024-09", {}, back).status).toBe("demote");
  });

  it("C000-REINSTATE: a record as CM before the person may apply is flagged and the person stays a general marketer", () => {
    const r = at("mmmcc", "2024-05", {}, { "2024-05": { role: "cm" } });
    expect(r.status).toBe("demoted");
    expect(lines(r, "C000-DEMOTE-EFFECT").map((l) => l.zh)).toContain(
      "2024-05 记录岗位为客户经理,但自 2024-04 起已转为一般营销员且尚不能申请重新转聘:按一般营销员处理,请核对岗位记录",
    );
  });

  it("C000-REINSTATE: a person recorded as general marketer from the start counts from the first month (Jan–Mar → from April)", () => {
    const r = appraiseOne(BOOK, person("ccc", {}, "generalMarketer"), "2024-03");
    expect(r.status).toBe("reinstate");
    expect(lines(r, "C000-DEMOTE-EFFECT")[0].zh).toBe(
      "自 2024-01 起记录为一般营销员,取消基本工资(金额原文未载);可申请重新转聘为客户经理:自 2024-04 起可申请(须本人申请并经组织考核)",
    );
  });
});

describe("C000-DEMOTE-EFFECT: a quarter is judged on its months", () => {
  it("C000-DEMOTE-3M: Jan, Feb, Mar missed → the first quarter's status is demote, triggered in March", () => {
    const r = at("mmm", "2024-Q1");
    expect(r.status).toBe("demote");
    expect(r.outcomes).toEqual([{ rule: "C000-DEMOTE-3M", fires: "demote", code: "THREE_MONTHS_MISSED", period: "2024-03" }]);
  });

  it("C000-REINSTATE: demoted in March, April completed → the second quarter's status is demoted; three completed months → reinstate", () => {
    expect(at("mmmc", "2024-Q2").status).toBe("demoted");
    expect(at("mmmccc", "2024-Q2").status).toBe("reinstate");
  });

  it("a quarter without monthly task records is not judged by the cycle (normal)", () => {
    expect(appraiseOne(BOOK, { role: "cm", grade: "level3", history: [{ period: "2024-Q1", taskCompletion: "0.9" }] }, "2024-Q1").status).toBe("normal");
  });
});


/**
 * The cycle's dates as data (the result's `values`), so a program reads when a demotion takes effect and from when
 * a demoted CM may apply to be re-appointed, without parsing the explanation. "" means none.
 */
describe("C000-DEMOTE-EFFECT and C000-REINSTATE dates in the result's values", () => {
  it("C000-DEMOTE-3M: missed January–March → triggered 2024-03, a general marketer from 2024-04 (c000.demotion.effective = nextMonth)", () => {
    expect(at("mmm", "2024-03").values).toEqual({ 触发降级月: "2024-03", 一般营销员起始月: "2024-04", 可申请月: "", 重新转聘月: "" });
  });

  it("C000-REINSTATE: the rule file's example — April, May, June completed → may apply from 2024-07", () => {
    const r = at("mmmccc", "2024-06");
    expect(r.status).toBe("reinstate");
    expect(r.values).toMatchObject({ 触发降级月: "2024-03", 一般营销员起始月: "2024-04", 可申请月: "2024-07" });
  });

  it("C000-DEMOTE-EFFECT: c000.demotion.effective = sameMonth — a general marketer from the trigger month", () => {
    expect(at("mmm", "2024-03", { "c000.demotion.effective": "sameMonth" }).values).toMatchObject({ 触发降级月: "2024-03", 一般营销员起始月: "2024-03" });
  });

  it("a CM who completes every month has none of these dates", () => {
    expect(at("ccc", "2024-03").values).toEqual({ 触发降级月: "", 一般营销员起始月: "", 可申请月: "", 重新转聘月: "" });
  });
});
