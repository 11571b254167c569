/**
 * C000-TASK-MONTH: whether a month is "tasks missed", "tasks completed" or "no data", from the task items
 * {item, plan, actual}; with c000.task.monthMissed, c000.task.zeroPlan and c000.rate.roundBeforeCompare.
 */
import { isUnavailable } from "../../../src/engine/outcome";
import { loadPreset } from "../../../src/engine/rulebooks";
import { Settings } from "../../../src/engine/settings";
import { runTool } from "../../../src/engine/tools";

const RULE = "C000-TASK-MONTH";
const book = loadPreset("c000-credit-coop");

function run(input: unknown, s: Record<string, unknown> = {}) {
  const r = Settings.resolve(book.doc, s);
  expect(r.problems).toEqual([]);
  return runTool(book, r.settings, RULE, input);
}
function month(input: unknown, s: Record<string, unknown> = {}) {
  const out = run(input, s);
  if (isUnavailable(out)) throw new Error(`${out.code}: ${out.en}`);
  return { ...(out.value as any), reasons: out.reasons };
}
const items = (...pairs: Array<[string, string]>) => pairs.map(([item, actual]) => ({ item, plan: "100", actual }));

describe(`${RULE}: rule file examples`, () => {
  it(`${RULE}: deposits 95 %, loan recovery 110 % → missed (default anyItemBelow100)`, () => {
    const m = month({ tasks: items(["deposits", "95"], ["loanRecovery", "110"]) });
    expect(m.state).toBe("missed");
    expect(m.reasons).toEqual([
      {
        rule: RULE,
        zh: "存款 95.00%、收回贷款 110.00%;存款 < 100.00% → 未完成社分配任务",
        en: "deposits 95.00%, loan recovery 110.00%; deposits < 100.00% → tasks missed",
      },
    ]);
  });

  it(`${RULE}: c000.task.monthMissed = overallBelow100 — the same month with overall 102 % is not missed`, () => {
    const m = month({ tasks: items(["deposits", "95"], ["loanRecovery", "110"]), overall: "1.02" }, { "c000.task.monthMissed": "overallBelow100" });
    expect(m.state).toBe("completed");
    expect(m.reasons[0].zh).toBe("任务完成率(全部任务) 102.00% ≥ 100.00% → 完成任务");
  });
});

describe(`${RULE}: the 100 % mark`, () => {
  it.each([
    ["99.99 (just below)", "99.99", "missed"],
    ["100 (at)", "100", "completed"],
    ["100.01 (just above)", "100.01", "completed"],
  ])(`${RULE}: deposits at %s % → %s`, (_l, actual, state) => {
    expect(month({ tasks: items(["deposits", actual], ["loanRecovery", "120"]) }).state).toBe(state);
  });

  it.each([
    ["0.9999", "missed"],
    ["1", "completed"],
    ["1.0001", "completed"],
  ])(`${RULE}: c000.task.monthMissed = overallBelow100 with overall %s → %s`, (overall, state) => {
    expect(month({ tasks: items(["deposits", "50"]), overall }, { "c000.task.monthMissed": "overallBelow100" }).state).toBe(state);
  });
});

describe(`${RULE}: no data`, () => {
  it(`${RULE}: a month with no task item is noData`, () => {
    expect(month({ tasks: [] }).state).toBe("noData");
  });

  it(`${RULE}: a month whose every plan is 0 is noData (nothing evaluated)`, () => {
    const m = month({ tasks: [{ item: "deposits", plan: "0", actual: "10" }] });
    expect(m.state).toBe("noData");
    expect(m.reasons[0].zh).toBe("没有需考核的任务项目(计划为 0 不考核:存款)→ 无数据");
  });
});

describe(`${RULE}: settings`, () => {
  it(`${RULE}: c000.task.zeroPlan = error — a plan of 0 is an input error (#VALUE!), never skipped`, () => {
    const out = run({ tasks: [{ item: "deposits", plan: "0", actual: "10" }] }, { "c000.task.zeroPlan": "error" });
    expect(isUnavailable(out) && out.code).toBe("value");
    expect(isUnavailable(out) && out.zh).toBe("存款计划为 0,计划必须大于 0(设置 c000.task.zeroPlan = error)");
  });

  it(`${RULE}: c000.task.monthMissed = overallBelow100 without the overall figure but with items → #VALUE!`, () => {
    const out = run({ tasks: items(["deposits", "95"]) }, { "c000.task.monthMissed": "overallBelow100" });
    expect(isUnavailable(out) && out.code).toBe("value");
    expect(isUnavailable(out) && out.en).toContain("taskCompletion");
  });

  it(`${RULE}: c000.rate.roundBeforeCompare = pct2 — 99.995 % rounds to 100.00 % and the month is completed (none: missed)`, () => {
    const t = { tasks: [{ item: "deposits", plan: "1000000", actual: "999950" }] };
    expect(month(t).state).toBe("missed");
    expect(month(t, { "c000.rate.roundBeforeCompare": "pct2" }).state).toBe("completed");
  });
});
