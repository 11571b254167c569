/**
 * B002-ADMON-TRIGGERS end to end: the rule file's example (85.00, 79.99, 79.00, 80.00, 70.00), the 80 % and 100 %
 * bars at / just below / just above, quarters across a year end, the overdue month (calendar month vs 30 days, 以上
 * inclusive or exclusive), the main-client decline helper and each setting alternative.
 */
import type { ManagerResultJson } from "../../../src/engine/results";
import { lines, missing, quarters, run, wan, zhLines } from "./tenure-fixture";

const RULE = "B002-ADMON-TRIGGERS";
/** Reason codes the trigger gave. */
const codes = (r: ManagerResultJson) => lines(r, RULE).flatMap((l) => /\[([A-Z0-9_]+) /.exec(l.zh)?.[1] ?? []);

const EXAMPLE = quarters([
  ["2024-Q1", "0.85"],
  ["2024-Q2", "0.7999"],
  ["2024-Q3", "0.79"],
  ["2024-Q4", "0.80"],
  ["2025-Q1", "0.70"],
]);

describe(`${RULE}: the rule file's example (Q1 2024 … Q1 2025: 85.00, 79.99, 79.00, 80.00, 70.00)`, () => {
  it.each([
    ["2024-Q1", ["QUARTER_MAIN_NOT_COMPLETED"]],
    ["2024-Q2", ["QUARTER_MAIN_NOT_COMPLETED"]],
    ["2024-Q3", ["TWO_QUARTERS_BELOW_80", "QUARTER_MAIN_NOT_COMPLETED"]],
    ["2024-Q4", ["QUARTER_MAIN_NOT_COMPLETED"]],
    ["2025-Q1", ["QUARTER_MAIN_NOT_COMPLETED"]],
  ])(`${RULE}: %s → %j`, (q, expected) => {
    const r = run({ history: EXAMPLE }, q);
    expect(codes(r)).toEqual(expected);
  });

  it(`${RULE}: TWO_QUARTERS_BELOW_80 at Q3 2024 reads both quarters; the status is admonition`, () => {
    const r = run({ history: EXAMPLE }, "2024-Q3");
    expect(zhLines(r, RULE)[0]).toBe(
      "可提出诫勉 [TWO_QUARTERS_BELOW_80 连续两个季度主要业务指标完成情况达不到计划的80%]:2024-Q2 主要业务指标完成率 79.99% < 80.00%;2024-Q3 主要业务指标完成率 79.00% < 80.00%",
    );
    expect(lines(r, RULE)[0].en).toBe(
      "admonition may be proposed [TWO_QUARTERS_BELOW_80 main indicators below 80% of plan two quarters running]: 2024-Q2: main-indicator completion 79.99% < 80.00%; 2024-Q3: main-indicator completion 79.00% < 80.00%",
    );
    expect(["admonition", "yellowCard"]).toContain(r.status);
  });

  it(`${RULE}: Q1 2025 has no partner — 80.00 in Q4 2024 is not below 80 (consecutive quarters cross the year end)`, () => {
    const r = run({ history: EXAMPLE }, "2025-Q1");
    expect(codes(r)).not.toContain("TWO_QUARTERS_BELOW_80");
  });

  it(`${RULE}: a year is judged at each of its quarter ends (2024 → TWO_QUARTERS_BELOW_80 from Q3)`, () => {
    const r = run({ history: [...EXAMPLE, { period: "2024", mainCompletion: "0.8" }] }, "2024");
    expect(codes(r)).toEqual(["TWO_QUARTERS_BELOW_80", "QUARTER_MAIN_NOT_COMPLETED"]);
  });

  it(`${RULE}: a month is not a judging period (no quarterly figure)`, () => {
    const r = run({ history: [...EXAMPLE, { period: "2024-09" }] }, "2024-09");
    expect(lines(r, RULE)).toEqual([]);
    expect(missing(r, RULE)).toBeUndefined();
  });
});

describe(`${RULE}: TWO_QUARTERS_BELOW_80 — 达不到计划的80 (< 80 %, compared unrounded)`, () => {
  it.each([
    ["0.7999", true],
    ["0.79995", true],
    ["0.8", false],
    ["0.8001", false],
  ])(`${RULE}: Q1 79.00%, Q2 %s → held %s`, (q2, held) => {
    const r = run({ history: quarters([["2024-Q1", "0.79"], ["2024-Q2", q2]]) }, "2024-Q2");
    expect(codes(r).includes("TWO_QUARTERS_BELOW_80")).toBe(held);
  });
  it(`${RULE}: a missing previous quarter cannot be read as "not below" — the code is reported as not judgeable`, () => {
    const r = run({ history: quarters([["2024-Q2", "0.7"]]) }, "2024-Q2");
    expect(codes(r)).toEqual(["QUARTER_MAIN_NOT_COMPLETED"]);
    expect(zhLines(r, RULE)[1]).toBe("无法判断 TWO_QUARTERS_BELOW_80:缺少 2024-Q1 的记录,无法计算完成率");
  });
});

describe(`${RULE}: QUARTER_MAIN_NOT_COMPLETED — below 100 %`, () => {
  it.each([
    ["0.9999", true],
    ["1", false],
    ["1.0001", false],
  ])(`${RULE}: completion %s → held %s`, (c, held) => {
    const r = run({ history: quarters([["2024-Q1", "1.2"], ["2024-Q2", c]]) }, "2024-Q2");
    expect(codes(r).includes("QUARTER_MAIN_NOT_COMPLETED")).toBe(held);
  });
  it(`${RULE}: no quarterly record at all → unavailable (never "not triggered")`, () => {
    const r = run({ history: [{ period: "2024-Q2" }] }, "2024-Q2");
    expect(missing(r, RULE)).toMatchObject({ code: "na", output: "status" });
  });
});

describe(`${RULE}: b002.mainIndicators.combine`, () => {
  // Q2 tasks: deposits 90 %, loans 70 % → min 70 %; weighted 60/40 → 82 %.
  const history = [
    { period: "2024-Q1", mainCompletion: "0.75" },
    { period: "2024-Q2", tasks: [{ item: "deposits", plan: "100", actual: "90" }, { item: "loans", plan: "100", actual: "70" }] },
  ];
  it(`${RULE}: b002.mainIndicators.combine = min (default) — the worst indicator decides (70.00% → below 80)`, () => {
    const r = run({ history }, "2024-Q2");
    expect(codes(r)).toEqual(["TWO_QUARTERS_BELOW_80", "QUARTER_MAIN_NOT_COMPLETED"]);
    expect(zhLines(r, RULE)[0]).toBe(
      "可提出诫勉 [TWO_QUARTERS_BELOW_80 连续两个季度主要业务指标完成情况达不到计划的80%]:2024-Q1 主要业务指标完成率 75.00% < 80.00%;2024-Q2 主要业务指标完成率取最低(deposits 90.00%、loans 70.00%)70.00% < 80.00%",
    );
  });
  it(`${RULE}: b002.mainIndicators.combine = weightedMean with weights 60/40 → 82.00%, not below 80`, () => {
    const r = run({ history }, "2024-Q2", { "b002.mainIndicators.combine": "weightedMean", "b002.mainIndicators.weights": { deposits: "60%", loans: "40%" } });
    expect(codes(r)).toEqual(["QUARTER_MAIN_NOT_COMPLETED"]);
  });
  it(`${RULE}: b002.mainIndicators.combine = weightedMean without b002.mainIndicators.weights → unavailable naming the setting`, () => {
    const r = run({ history }, "2024-Q2", { "b002.mainIndicators.combine": "weightedMean" });
    expect(missing(r, RULE)!.zh).toContain("b002.mainIndicators.weights");
  });
});

describe(`${RULE}: LOAN_ARREARS_OR_OVERDUE and CREDIT_OVERDUE_1M_OR_ADVANCE`, () => {
  /** Q1 and Q2 completed; the given quarter also carries `extra`. */
  const q = (period: string, extra: Record<string, unknown>) =>
    ["2023-Q4", "2024-Q1", "2024-Q2"].map((p) => (p === period ? { period: p, mainCompletion: "1.2", ...extra } : { period: p, mainCompletion: "1.2" }));

  it(`${RULE}: arrears of any length (a flag on a client) → LOAN_ARREARS_OR_OVERDUE only`, () => {
    const r = run({ history: q("2024-Q2", { clients: [{ id: "C1", flags: ["interestArrears"] }] }) }, "2024-Q2");
    expect(codes(r)).toEqual(["LOAN_ARREARS_OR_OVERDUE"]);
    expect(zhLines(r, RULE)).toEqual(["可提出诫勉 [LOAN_ARREARS_OR_OVERDUE 所管贷款客户出现欠息、逾期等风险情况]:2024-Q2 客户 C1 欠息"]);
  });
  it.each([
    ["29", false],
    ["30", true],
    ["31", true],
  ])(`${RULE}: overdue %s days at 2024-06-30 (calendar month: since + 1 month ≤ 06-30) → CREDIT_OVERDUE_1M_OR_ADVANCE %s`, (days, held) => {
    const r = run({ history: q("2024-Q2", { clients: [{ id: "C1", overdueDays: days }] }) }, "2024-Q2");
    expect(codes(r).includes("CREDIT_OVERDUE_1M_OR_ADVANCE")).toBe(held);
    expect(codes(r)).toContain("LOAN_ARREARS_OR_OVERDUE");
  });
  it(`${RULE}: the 30-day line in Q1 — at 2024-03-31, 30 days overdue since 03-01 is not yet a calendar month`, () => {
    const r = run({ history: q("2024-Q1", { overdueDays: "30" }) }, "2024-Q1");
    expect(codes(r)).toEqual(["LOAN_ARREARS_OR_OVERDUE"]);
  });
  it(`${RULE}: b002.overdue.oneMonth = days30 — the same 30 days in Q1 count as one month (29 do not)`, () => {
    const s = { "b002.overdue.oneMonth": "days30" };
    expect(codes(run({ history: q("2024-Q1", { overdueDays: "30" }) }, "2024-Q1", s))).toEqual(["LOAN_ARREARS_OR_OVERDUE", "CREDIT_OVERDUE_1M_OR_ADVANCE"]);
    expect(codes(run({ history: q("2024-Q1", { overdueDays: "29" }) }, "2024-Q1", s))).toEqual(["LOAN_ARREARS_OR_OVERDUE"]);
  });
  it(`${RULE}: b002.boundary.yishang = exclusive — 1 个月以上 means more than a month (at 06-30, 30 and 31 days are exactly one month → no; 32 → yes)`, () => {
    const s = { "b002.boundary.yishang": "exclusive" };
    expect(codes(run({ history: q("2024-Q2", { arrearsDays: "30" }) }, "2024-Q2", s))).toEqual(["LOAN_ARREARS_OR_OVERDUE"]);
    expect(codes(run({ history: q("2024-Q2", { arrearsDays: "31" }) }, "2024-Q2", s))).toEqual(["LOAN_ARREARS_OR_OVERDUE"]);
    const r = run({ history: q("2024-Q2", { arrearsDays: "32" }) }, "2024-Q2", s);
    expect(codes(r)).toEqual(["LOAN_ARREARS_OR_OVERDUE", "CREDIT_OVERDUE_1M_OR_ADVANCE"]);
    expect(zhLines(r, RULE)[1]).toBe(
      "可提出诫勉 [CREDIT_OVERDUE_1M_OR_ADVANCE 授信客户贷款逾期1个月以上、欠息1个月以上或银行承兑汇票垫款]:2024-Q2 欠息天数(至期末)满 1 个月(自 2024-05-29 起至 2024-06-30,EDATE = 2024-06-29)",
    );
  });
  it(`${RULE}: a bank-acceptance advance (垫款) of any amount → CREDIT_OVERDUE_1M_OR_ADVANCE`, () => {
    const r = run({ history: q("2024-Q2", { clients: [{ id: "C9", flags: ["advance"] }] }) }, "2024-Q2");
    expect(codes(r)).toEqual(["CREDIT_OVERDUE_1M_OR_ADVANCE"]);
  });
});

describe(`${RULE}: OTHER_MISCONDUCT and MAIN_CLIENT_DECLINE flags`, () => {
  const base = [{ period: "2024-Q1", mainCompletion: "1.2" }];
  it(`${RULE}: OTHER_MISCONDUCT is an input flag`, () => {
    const r = run({ history: [...base, { period: "2024-Q2", mainCompletion: "1.2", flags: ["otherMisconduct"] }] }, "2024-Q2");
    expect(codes(r)).toEqual(["OTHER_MISCONDUCT"]);
    expect(r.status).toBe("admonition");
  });
  it(`${RULE}: MAIN_CLIENT_DECLINE as an input flag`, () => {
    const r = run({ history: [...base, { period: "2024-Q2", mainCompletion: "1.2", flags: ["mainClientDecline"] }] }, "2024-Q2");
    expect(codes(r)).toEqual(["MAIN_CLIENT_DECLINE"]);
  });
});

describe(`${RULE}: MAIN_CLIENT_DECLINE helper (6 month-end values, shares at both ends)`, () => {
  /** Monthly records Jan–Jun 2024 for main client K1: deposit balances in 万, optional loans and shares. */
  function months(dep: number[], opts: { loans?: number[]; share?: [string, string] | null } = {}) {
    const share = opts.share === undefined ? ["0.3", "0.25"] : opts.share;
    return dep.map((d, i) => {
      const c: Record<string, unknown> = { id: "K1", flags: ["mainClient"], balanceDeposits: wan(d) };
      if (opts.loans) c.balanceLoans = wan(opts.loans[i]);
      if (share && i === 0) c.bankShare = share[0];
      if (share && i === dep.length - 1) c.bankShare = share[1];
      return { period: `2024-0${i + 1}`, clients: [c] };
    });
  }
  const qs = [{ period: "2024-Q1", mainCompletion: "1.2" }, { period: "2024-Q2", mainCompletion: "1.2" }];
  const at = (ms: Array<Record<string, unknown>>, s: Record<string, unknown> = {}) => run({ history: [...ms, ...qs] }, "2024-Q2", s);

  it(`${RULE}: deposits fall every month (5 falls) and the share shrinks 30% → 25% → held`, () => {
    const r = at(months([100, 95, 90, 85, 80, 75]));
    expect(codes(r)).toEqual(["MAIN_CLIENT_DECLINE"]);
    expect(zhLines(r, RULE)).toEqual(["可提出诫勉 [MAIN_CLIENT_DECLINE 经管的主要客户半年内存、贷款余额、结算量连续下降,所占份额缩小]:2024-01–2024-06 主要客户 K1:存款余额连续 5 个月环比下降,份额 30.00% → 25.00% 缩小"]);
  });
  it(`${RULE}: the share does not shrink → not held`, () => {
    expect(codes(at(months([100, 95, 90, 85, 80, 75], { share: ["0.3", "0.3"] })))).toEqual([]);
  });
  it(`${RULE}: a rise in March breaks the run (longest 3 falls) → not held under b002.admonition.declineRun = 5`, () => {
    expect(codes(at(months([100, 95, 96, 90, 85, 80])))).toEqual([]);
  });
  it(`${RULE}: b002.admonition.declineRun = 3 → the same 3 falls are enough; 4 is not`, () => {
    expect(codes(at(months([100, 95, 96, 90, 85, 80]), { "b002.admonition.declineRun": 3 }))).toEqual(["MAIN_CLIENT_DECLINE"]);
    expect(codes(at(months([100, 95, 96, 90, 85, 80]), { "b002.admonition.declineRun": 4 }))).toEqual([]);
  });
  it(`${RULE}: b002.admonition.declineMeasures = all — deposits fall but loans stay flat → not held (any: held)`, () => {
    const ms = months([100, 95, 90, 85, 80, 75], { loans: [50, 50, 50, 50, 50, 50] });
    expect(codes(at(ms))).toEqual(["MAIN_CLIENT_DECLINE"]);
    expect(codes(at(ms, { "b002.admonition.declineMeasures": "all" }))).toEqual([]);
    const both = months([100, 95, 90, 85, 80, 75], { loans: [60, 59, 58, 57, 56, 55] });
    expect(codes(at(both, { "b002.admonition.declineMeasures": "all" }))).toEqual(["MAIN_CLIENT_DECLINE"]);
  });
  it(`${RULE}: missing share data → cannot tell (use the flag), reported as unavailable`, () => {
    const r = at(months([100, 95, 90, 85, 80, 75], { share: null }));
    expect(missing(r, RULE)!.zh).toBe("MAIN_CLIENT_DECLINE:2024-01–2024-06 主要客户 K1 缺少我行份额数据,无法判断份额是否缩小(可用 mainClientDecline 标志)");
  });
  it(`${RULE}: b002.admonition.declineRun outside 1–5 is refused (#VALUE!)`, () => {
    const r = at(months([100, 95, 90, 85, 80, 75]), { "b002.admonition.declineRun": 6 });
    expect(missing(r, RULE)).toMatchObject({ code: "value" });
  });
});
