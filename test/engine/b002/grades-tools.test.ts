/**
 * Tool rules of sections 2, 3 and 5: B002-STAFF-RANK-MAP, B002-APPROVAL-AUTHORITY, B002-CLIENT-ASSIGN-50W,
 * B002-TRAINEE-PERIOD, B002-TRAINEE-NO-CREDIT and B002-TRAINEE-CONVERSION — the rule file's examples, boundaries and
 * settings, run the way a cell function or the command line runs them.
 */
import { failure, outcome, value } from "../general/run";
import { client, type ClientSpec } from "./grades-fixture";

const B = "b002-bank-grades";
const rows = (c: ClientSpec[]) => c.map(client);

describe("B002-STAFF-RANK-MAP", () => {
  it.each([
    ["senior", 5],
    ["grade1", 6],
    ["grade2", 7],
    ["grade3", 8],
    ["grade4", 9],
    ["trainee", 9],
  ])("B002-STAFF-RANK-MAP: %s → staff rank %i", (grade, rank) => {
    expect(value(B, "B002-STAFF-RANK-MAP", { grade })).toEqual({ rank });
  });

  it("B002-STAFF-RANK-MAP: the rule file's example — STAFF_RANK(二级) = 7, explained", () => {
    expect(outcome(B, "B002-STAFF-RANK-MAP", { grade: "grade2" }).reasons).toEqual([{ rule: "B002-STAFF-RANK-MAP", zh: "二级客户经理 → 行员 7 等", en: "grade-2 CM → staff rank 7" }]);
  });

  it("B002-STAFF-RANK-MAP: an unknown grade is an input error", () => {
    expect(failure(B, "B002-STAFF-RANK-MAP", { grade: "grade5" }).code).toBe("value");
  });
});

describe("B002-APPROVAL-AUTHORITY", () => {
  it("B002-APPROVAL-AUTHORITY: the rule file's example — a move 二级 → 一级 is routed to the branch Party committee", () => {
    const o = outcome(B, "B002-APPROVAL-AUTHORITY", { from: "grade2", grade: "grade1" });
    expect(o.value).toMatchObject({ grade: "grade1", approves: { zh: "人力资源部会同业务部门审核,报分行党委研究批准" }, appoints: { zh: "分行发文聘任" } });
    expect(o.reasons[0].zh).toBe("聘任二级客户经理 → 一级客户经理:中心支行推荐;人力资源部会同业务部门审核,报分行党委研究批准;分行发文聘任");
  });

  it.each([
    ["senior", "分行发文聘任", null],
    ["grade2", "中心支行(营业部)发文聘任", null],
    ["grade3", "中心支行(营业部)聘任", "人力资源部备案"],
    ["grade4", "中心支行(营业部)聘任", "人力资源部备案"],
    ["trainee", "中心支行(营业部)聘任", "人力资源部备案"],
  ])("B002-APPROVAL-AUTHORITY: %s is appointed by %s", (grade, appoints, filed) => {
    const v = value(B, "B002-APPROVAL-AUTHORITY", { grade });
    expect(v.appoints.zh).toBe(appoints);
    expect(v.filedWith?.zh ?? null).toBe(filed);
  });
});

describe("B002-CLIENT-ASSIGN-50W", () => {
  const check = (c: ClientSpec[], settings: Record<string, unknown> = {}) => value(B, "B002-CLIENT-ASSIGN-50W", { clients: rows(c) }, settings).findings as Array<{ severity: string; ref: string; message: { zh: string } }>;

  it("B002-CLIENT-ASSIGN-50W: the rule file's examples — deposits 30万 and loans 80万 → no warning; deposits 30万 and loans 0 → warning", () => {
    expect(check([{ id: "A", dep: 30, loans: 80 }])).toEqual([]);
    const f = check([{ id: "B", dep: 30, loans: 0 }]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", ref: "B" });
    expect(f[0].message.zh).toBe("客户贷款和日均存款均未达 50 万元(原则上不配备):日均贷款 ¥0.00 < ¥500,000.00;日均存款 ¥300,000.00 < ¥500,000.00");
  });

  it.each([
    ["loans at 50万", { id: "X", dep: 0, loans: 50 }, 0],
    ["loans 0.01 元 below", { id: "X", dep: 0, loans: "49.999999" }, 1],
    ["deposits at 50万", { id: "X", dep: 50 }, 0],
    ["deposits 0.01 元 below", { id: "X", dep: "49.999999" }, 1],
    ["deposits 0.01 元 above", { id: "X", dep: "50.000001" }, 0],
  ])("B002-CLIENT-ASSIGN-50W: %s → %i finding(s)", (_n, c, n) => {
    expect(check([c as ClientSpec])).toHaveLength(n);
  });

  it("B002-CLIENT-ASSIGN-50W: without a daily-average loan figure the year-end balance (totalLoans) is used", () => {
    expect(check([{ id: "X", dep: 10, total: 60 }])).toEqual([]);
  });

  it("B002-CLIENT-ASSIGN-50W: setting b002.boundary.yishang = exclusive — a client of exactly 50万 is below 50万以上", () => {
    expect(check([{ id: "X", dep: 50 }], { "b002.boundary.yishang": "exclusive" })).toHaveLength(1);
  });
});

describe("B002-TRAINEE-PERIOD", () => {
  it("B002-TRAINEE-PERIOD: the rule file's example — a transfer starting 2024-03-01 may finish on 2024-09-01 at the earliest", () => {
    expect(value(B, "B002-TRAINEE-PERIOD", { entry: "transfer", start: "2024-03-01" })).toEqual({ entry: "transfer", earliestEnd: "2024-09-01", findings: [] });
  });

  it.each([
    ["2024-09-01", 0],
    ["2024-08-31", 1],
    ["2024-09-02", 0],
  ])("B002-TRAINEE-PERIOD: a transfer from 2024-03-01 ending %s → %i error(s) (不少于 6 个月)", (end, n) => {
    const f = value(B, "B002-TRAINEE-PERIOD", { entry: "transfer", start: "2024-03-01", end }).findings;
    expect(f).toHaveLength(n);
    if (n > 0) expect(f[0]).toMatchObject({ severity: "error", rule: "B002-TRAINEE-PERIOD" });
  });

  it("B002-TRAINEE-PERIOD: a graduate's period is one year; another end date is a warning", () => {
    expect(value(B, "B002-TRAINEE-PERIOD", { entry: "graduate", start: "2024-07-15" })).toEqual({ entry: "graduate", standardEnd: "2025-07-15", findings: [] });
    const f = value(B, "B002-TRAINEE-PERIOD", { entry: "graduate", start: "2024-07-15", end: "2025-06-30" }).findings;
    expect(f).toEqual([{ severity: "warning", rule: "B002-TRAINEE-PERIOD", message: { zh: "应届毕业生见习期应为一年(至 2025-07-15),实际至 2025-06-30", en: "a graduate's trainee period is one year (to 2025-07-15); given end 2025-06-30" } }]);
  });

  it("B002-TRAINEE-PERIOD: month ends are clamped (2024-08-31 + 6 months → 2025-02-28)", () => {
    expect(value(B, "B002-TRAINEE-PERIOD", { entry: "transfer", start: "2024-08-31" }).earliestEnd).toBe("2025-02-28");
  });

  it("B002-TRAINEE-PERIOD: a bad date is an input error", () => {
    expect(failure(B, "B002-TRAINEE-PERIOD", { entry: "transfer", start: "2024-02-30" }).en).toBe("start: start must be a date (YYYY-MM-DD)");
  });
});

describe("B002-TRAINEE-NO-CREDIT", () => {
  const run = (grade: string | undefined, c: ClientSpec[]) => value(B, "B002-TRAINEE-NO-CREDIT", { ...(grade ? { grade } : {}), clients: rows(c) });

  it("B002-TRAINEE-NO-CREDIT: the rule file's example — a trainee managing a client with 300万 daily-average loans → error", () => {
    const v = run("trainee", [{ id: "C1", dep: 200, loans: 300 }]);
    expect(v.findings).toEqual([{ severity: "error", rule: "B002-TRAINEE-NO-CREDIT", ref: "C1", message: { zh: "见习客户经理办理了授信业务:日均贷款 ¥3,000,000.00 > ¥0.00", en: "trainee handles credit: daily-average loans ¥3,000,000.00 > ¥0.00" } }]);
  });

  it("B002-TRAINEE-NO-CREDIT: a credit event flag on a trainee's client is an error too", () => {
    expect(run("trainee", [{ id: "C2", dep: 200, flags: ["overdue"] }]).findings[0].message.zh).toBe("见习客户经理办理了授信业务:有逾期");
  });

  it("B002-TRAINEE-NO-CREDIT: loans of 0.01 元 are credit; none at all is fine", () => {
    expect(run("trainee", [{ id: "C3", dep: 200, loans: "0.000001" }]).findings).toHaveLength(1);
    expect(run("trainee", [{ id: "C4", dep: 200 }]).findings).toEqual([]);
  });

  it("B002-TRAINEE-NO-CREDIT: applies to trainees only", () => {
    expect(run("grade3", [{ id: "C1", loans: 300 }])).toEqual({ applies: false, findings: [] });
    expect(failure(B, "B002-TRAINEE-NO-CREDIT", { clients: [] }).en).toBe("grade: is missing (the check applies to trainee)");
  });
});

describe("B002-TRAINEE-CONVERSION", () => {
  const conv = (input: Record<string, unknown>, settings: Record<string, unknown> = {}) => value(B, "B002-TRAINEE-CONVERSION", input, settings);

  it("B002-TRAINEE-CONVERSION: the rule file's example — a transfer at staff rank 7 passes → 二级 for the rest of the year, graded on results next year", () => {
    const o = outcome(B, "B002-TRAINEE-CONVERSION", { entry: "transfer", staffRank: 7, examPassed: true });
    expect(o.value).toEqual({ outcome: "convert", grade: "grade2", gradedBy: "B002-GRADE-RESULT" });
    expect(o.reasons[0].zh).toBe("调入人员考试合格:原行员 7 等 → 二级客户经理(当年),次年按 B002-GRADE-RESULT 重新定级");
  });

  it.each([
    [5, "senior"],
    [6, "grade1"],
    [8, "grade3"],
    [9, "grade4"],
  ])("B002-TRAINEE-CONVERSION: rank %i → %s (rank 9 is 四级: after passing, no longer a trainee)", (staffRank, grade) => {
    expect(conv({ entry: "transfer", staffRank, examPassed: true }).grade).toBe(grade);
  });

  it("B002-TRAINEE-CONVERSION: a transfer who fails the exam returns to the former post", () => {
    expect(conv({ entry: "transfer", staffRank: 7, examPassed: false })).toEqual({ outcome: "returnToFormerPost" });
  });

  it("B002-TRAINEE-CONVERSION: a graduate is graded the next year on results", () => {
    expect(conv({ entry: "graduate", examPassed: true })).toEqual({ outcome: "gradedNextYear", gradedBy: "B002-GRADE-RESULT" });
  });

  it("B002-TRAINEE-CONVERSION: ranks outside 5–9 are clamped by default (4 → 高级, 10 → 四级)", () => {
    expect(conv({ entry: "transfer", staffRank: 4, examPassed: true }).grade).toBe("senior");
    expect(conv({ entry: "transfer", staffRank: 10, examPassed: true }).grade).toBe("grade4");
  });

  it("B002-TRAINEE-CONVERSION: setting b002.rankMap.outOfRange = error — rank 10 is an error", () => {
    const f = failure(B, "B002-TRAINEE-CONVERSION", { entry: "transfer", staffRank: 10, examPassed: true }, { "b002.rankMap.outOfRange": "error" });
    expect(f.code).toBe("value");
    expect(f.en).toBe("staffRank: rank 10 is not in the conversion table (setting b002.rankMap.outOfRange = error)");
    expect(conv({ entry: "transfer", staffRank: 9, examPassed: true }, { "b002.rankMap.outOfRange": "error" }).grade).toBe("grade4");
  });

  it("B002-TRAINEE-CONVERSION: a transfer who passed needs a staff rank", () => {
    expect(failure(B, "B002-TRAINEE-CONVERSION", { entry: "transfer", examPassed: true }).en).toBe("staffRank: is missing for a transfer");
  });
});
