/**
 * B002-YELLOW-TRIGGERS and B002-DISMISS-TRIGGERS end to end: the rule file's examples, the 100 % bar, the task
 * measure alternative, the floor rule firing (B002-FLOOR-FAIL-EXIT), the input flags, and the repeat window of
 * yellow cards in each setting.
 */
import type { ManagerResultJson } from "../../../src/engine/results";
import { lines, quarters, run, wan, zhLines } from "./tenure-fixture";

const YELLOW = "B002-YELLOW-TRIGGERS";
const DISMISS = "B002-DISMISS-TRIGGERS";
const codes = (r: ManagerResultJson, rule: string) => lines(r, rule).flatMap((l) => /\[([A-Z0-9_]+) /.exec(l.zh)?.[1] ?? []);

describe(`${YELLOW}: TWO_QUARTERS_NOT_COMPLETED`, () => {
  it(`${YELLOW}: the rule file's example — Q1 99.00, Q2 95.00 → yellow-card candidate at Q2`, () => {
    const r = run({ history: quarters([["2024-Q1", "0.99"], ["2024-Q2", "0.95"]]) }, "2024-Q2");
    expect(zhLines(r, YELLOW)).toEqual([
      "可给予黄牌警告 [TWO_QUARTERS_NOT_COMPLETED 连续两个季度未完成任务]:2024-Q1 主要业务指标完成率 99.00% < 100.00%;2024-Q2 主要业务指标完成率 95.00% < 100.00%",
    ]);
    expect(r.status).toBe("yellowCard");
  });
  it(`${YELLOW}: the rule file's example — Q1 100.00, Q2 50.00 → not yet`, () => {
    const r = run({ history: quarters([["2024-Q1", "1"], ["2024-Q2", "0.5"]]) }, "2024-Q2");
    expect(codes(r, YELLOW)).toEqual([]);
  });
  it.each([
    ["0.9999", true],
    ["1", false],
    ["1.0001", false],
  ])(`${YELLOW}: Q1 95.00%, Q2 %s → held %s`, (q2, held) => {
    const r = run({ history: quarters([["2024-Q1", "0.95"], ["2024-Q2", q2]]) }, "2024-Q2");
    expect(codes(r, YELLOW).includes("TWO_QUARTERS_NOT_COMPLETED")).toBe(held);
  });
  it(`${YELLOW}: two quarters at 90% — a yellow-card candidate but not TWO_QUARTERS_BELOW_80 (the yellow bar is lower)`, () => {
    const r = run({ history: quarters([["2024-Q1", "0.9"], ["2024-Q2", "0.9"]]) }, "2024-Q2");
    expect(codes(r, YELLOW)).toEqual(["TWO_QUARTERS_NOT_COMPLETED"]);
    expect(codes(r, "B002-ADMON-TRIGGERS")).toEqual(["QUARTER_MAIN_NOT_COMPLETED"]);
    expect(r.status).toBe("yellowCard");
  });
  it(`${YELLOW}: b002.yellow.taskMeasure = allTasks reads taskCompletion (main indicators complete, all tasks at 90% → held)`, () => {
    const history = quarters([["2024-Q1", "1"], ["2024-Q2", "1"]], { taskCompletion: "0.9" });
    expect(codes(run({ history }, "2024-Q2"), YELLOW)).toEqual([]);
    const r = run({ history }, "2024-Q2", { "b002.yellow.taskMeasure": "allTasks" });
    expect(zhLines(r, YELLOW)).toEqual([
      "可给予黄牌警告 [TWO_QUARTERS_NOT_COMPLETED 连续两个季度未完成任务]:2024-Q1 任务完成率(全部任务) 90.00% < 100.00%;2024-Q2 任务完成率(全部任务) 90.00% < 100.00%",
    ]);
  });
});

describe(`${YELLOW}: ANNUAL_INCOMPETENT and FLOOR_MISSED`, () => {
  /** A 三级 CM: the B002-FLOOR example clients (700, 500, 250 and `last` 万). */
  const year = (last: string, flags: string[] = ["appraisalCompetent"]) => ({
    grade: "grade3",
    history: [
      ...quarters([["2023-Q4", "1.1"], ["2024-Q1", "1.1"], ["2024-Q2", "1.1"], ["2024-Q3", "1.1"], ["2024-Q4", "1.1"]]),
      { period: "2024", mainCompletion: "1.1", flags, clients: [700, 500, 250, last].map((d, i) => ({ id: `C${i}`, avgDeposits: wan(d), prevAvgDeposits: wan(d) })) },
    ],
  });
  it(`${YELLOW}: FLOOR_MISSED — the floor rule (B002-FLOOR-FAIL-EXIT) fires: 1450万 < 1500万 → yellow-card reason, status exit`, () => {
    const r = run(year("49.99"), "2024");
    expect(zhLines(r, YELLOW)).toEqual([
      "可给予黄牌警告 [FLOOR_MISSED 未达到最低及格线任职标准]:三级客户经理未达到在岗最低及格线 → 次年退出客户经理序列,待岗由分行人力资源部组织培训,考核合格后另行安排(自 2025-01-01 起)",
    ]);
    expect(r.status).toBe("exit");
  });
  it(`${YELLOW}: the floor met (the 50万 client counts: 1500万) → no FLOOR_MISSED`, () => {
    expect(codes(run(year("50"), "2024"), YELLOW)).toEqual([]);
  });
  it(`${YELLOW}: ANNUAL_INCOMPETENT — 年度考核不称职 on the year record`, () => {
    const r = run(year("50", ["appraisalIncompetent"]), "2024");
    expect(codes(r, YELLOW)).toEqual(["ANNUAL_INCOMPETENT"]);
    expect(zhLines(r, YELLOW)[0]).toBe("可给予黄牌警告 [ANNUAL_INCOMPETENT 年度考核不称职]:2024 年度考核不称职");
  });
});

describe(`${DISMISS}: input flags`, () => {
  it.each([
    ["violation", "VIOLATION"],
    ["neglectMajorLoss", "NEGLECT_MAJOR_LOSS"],
    ["creditFaultMajor", "CREDIT_FAULT_MAJOR"],
    ["insubordination", "INSUBORDINATION"],
  ])(`${DISMISS}: flag %s → %s, status dismiss`, (flag, code) => {
    const r = run({ history: [{ period: "2024-05", flags: [flag] }] }, "2024-05");
    expect(codes(r, DISMISS)).toEqual([code]);
    expect(r.status).toBe("dismiss");
  });
  it(`${DISMISS}: a dismissal candidate ranks above the annual decision in a year`, () => {
    const r = run({ history: [{ period: "2024-05", flags: ["violation"] }, { period: "2024", mainCompletion: "1.1" }] }, "2024");
    expect(r.status).toBe("dismiss");
    expect(zhLines(r, "B002-ANNUAL-DECISION")[0]).toBe("可解聘(视情节轻重),依据 B002-DISMISS-TRIGGERS");
    // The annual decision is still stated (here: no clients, so the floor is missed → exit).
    expect(zhLines(r, "B002-ANNUAL-DECISION")[1]).toBe("另行:年度聘任决定为 退出客户经理序列:未达到在岗最低及格线(B002-FLOOR-FAIL-EXIT),次年退出客户经理序列,待岗培训");
  });
});

describe(`${DISMISS}: REPEAT_YELLOW and b002.yellowCard.repeatWindow`, () => {
  /** Yellow cards as flags on monthly records (the day by yellowCardDay). */
  const cards = (...dates: string[]) => dates.map((d) => ({ period: d.slice(0, 7), flags: ["yellowCard"], yellowCardDay: Number.parseInt(d.slice(8), 10) }));
  const repeat = (dates: string[], period: string, settings: Record<string, unknown> = {}) => codes(run({ history: cards(...dates) }, period, settings), DISMISS);

  it(`${DISMISS}: the rule file's example — 2023-06-30 and 2024-03-31 → REPEAT_YELLOW`, () => {
    const r = run({ history: cards("2023-06-30", "2024-03-31") }, "2024-03");
    expect(zhLines(r, DISMISS)).toEqual(["可视情节轻重解聘 [REPEAT_YELLOW 受黄牌警告后,第二年再次受到黄牌警告]:黄牌警告 2023-06-30、2024-03-31:次年再次受到黄牌警告"]);
    expect(r.status).toBe("dismiss");
  });
  it(`${DISMISS}: the rule file's example — 2023-03-31 and 2023-12-31 → no (same year)`, () => {
    expect(repeat(["2023-03-31", "2023-12-31"], "2023-12")).toEqual([]);
  });
  it(`${DISMISS}: the rule file's example — 2022-12-31 and 2024-01-31 → no (default nextCalendarYear)`, () => {
    expect(repeat(["2022-12-31", "2024-01-31"], "2024-01")).toEqual([]);
  });
  it(`${DISMISS}: b002.yellowCard.repeatWindow = anyLaterYear — 2022-12-31 and 2024-01-31 → yes`, () => {
    expect(repeat(["2022-12-31", "2024-01-31"], "2024-01", { "b002.yellowCard.repeatWindow": "anyLaterYear" })).toEqual(["REPEAT_YELLOW"]);
  });
  it.each([
    [["2023-03-31", "2023-12-31"], "2023-12", true],
    [["2023-06-30", "2024-06-30"], "2024-06", true],
    [["2023-06-30", "2024-07-01"], "2024-07", false],
    [["2022-12-31", "2024-01-31"], "2024-01", false],
  ])(`${DISMISS}: b002.yellowCard.repeatWindow = within12Months — %j → %s`, (dates, period, held) => {
    expect(repeat(dates as string[], period as string, { "b002.yellowCard.repeatWindow": "within12Months" }).includes("REPEAT_YELLOW")).toBe(held);
  });
  it(`${DISMISS}: a card on a quarterly record is dated the quarter's last day (2023-Q2 → 2023-06-30)`, () => {
    const history = [{ period: "2023-Q2", flags: ["yellowCard"] }, { period: "2024-Q1", flags: ["yellowCard"], mainCompletion: "1.1" }];
    const r = run({ history }, "2024-Q1");
    expect(zhLines(r, DISMISS)).toEqual(["可视情节轻重解聘 [REPEAT_YELLOW 受黄牌警告后,第二年再次受到黄牌警告]:黄牌警告 2023-06-30、2024-03-31:次年再次受到黄牌警告"]);
  });
  it(`${DISMISS}: fires in the period of the second card only (2024-04 after the 2024-03 card → nothing)`, () => {
    expect(repeat(["2023-06-30", "2024-03-31"], "2024-04")).toEqual([]);
  });
});
