/**
 * B002-GRADE-RESULT end to end (appraiseOne on the record's client list): the highest grade whose conditions all
 * hold, the rule file's example, what the next grade up still needs (nextGrade, the cheapest way to complete
 * "N of M"), when grading is impossible (#N/A, never a guess), which periods are graded (B002-CADENCE,
 * B002-CONV-PERIOD) and who is graded (B002-SCOPE).
 */
import { appraise, gradeOf, gradeUnavailable, lines, zh, type ClientSpec } from "./grades-fixture";
import { appraiseOne } from "../../helpers/appraise";

/** The B002-GRADE-SENIOR clients with K1's prior year raised to 10000万 (the B002-GRADE-RESULT example). */
const RESULT: ClientSpec[] = [
  { id: "K1", dep: 12000, prev: 10000 },
  { id: "K2", dep: 8000, loans: 16000, usd: 1500, prev: 6000 },
  { id: "K3", dep: 6000, loans: 10000, usd: 800, prev: 5500 },
  { id: "K4", dep: 450, loans: 12000, usd: 900, prev: 300 },
];

describe("B002-GRADE-RESULT", () => {
  it("B002-GRADE-RESULT: the rule file's example — 高级 fails (1 < 2); 一级 counts K4 and meets a, b, c, d → 一级", () => {
    const r = appraise(RESULT, { grade: "grade1" });
    expect(zh(r, "B002-GRADE-SENIOR", "d ")).toBe("d 年新增日均存款 ¥45,000,000.00 < ¥50,000,000.00 → 未达标");
    expect(zh(r, "B002-GRADE-SENIOR", "高级客户经理:具备")).toBe("高级客户经理:具备 1 项 < 2 项 → 指标未达到");
    expect(zh(r, "B002-CLIENT-EXCLUSION", "一级客户经理")).toBe("一级客户经理:统计日均存款 ≥ ¥3,000,000.00 的客户 4 户(设置 b002.exclusion.boundary = belowOnly);无剔除");
    expect(zh(r, "B002-GRADE-1", "a ")).toBe("a 日均存款(不含协议存款)¥264,500,000.00 ≥ ¥150,000,000.00;单户最高 ¥120,000,000.00(K1)≥ ¥30,000,000.00 → 达标");
    expect(zh(r, "B002-GRADE-1", "b ")).toBe("b 日均贷款 ¥380,000,000.00 ≥ ¥200,000,000.00;单户最高 ¥160,000,000.00(K2)≥ ¥75,000,000.00 → 达标");
    expect(zh(r, "B002-GRADE-1", "c ")).toBe("c 年国际结算额(美元)US$32,000,000.00 ≥ US$20,000,000.00 → 达标");
    expect(zh(r, "B002-GRADE-1", "d ")).toBe("d 年新增日均存款 ¥46,500,000.00 ≥ ¥30,000,000.00 → 达标");
    expect(zh(r, "B002-GRADE-RESULT", "符合条件的最高等级")).toBe("符合条件的最高等级:一级客户经理");
    expect(r.grade).toBe("grade1");
    expect(gradeOf(r)).toBe("grade1");
  });

  it("B002-GRADE-RESULT: the rule file's example under b002.exclusion.scope = depositIndicatorsOnly → 高级", () => {
    expect(gradeOf(appraise(RESULT, { settings: { "b002.exclusion.scope": "depositIndicatorsOnly" } }))).toBe("senior");
  });

  it("B002-GRADE-RESULT: grades below the attained one are not tested (the explanation stops at the first grade that holds)", () => {
    const r = appraise(RESULT);
    expect(lines(r, "B002-GRADE-2")).toEqual([]);
  });

  it("B002-GRADE-RESULT: each grade is tested on its own cut-off — a grade can fail while a lower one holds on a larger client set (no monotonicity assumed)", () => {
    // 一级 (cut-off 300万) counts only M1; 二级 (cut-off 100万) counts M1..M3 and reaches 1.8亿 of loans with a single ≥ 5000万.
    const c: ClientSpec[] = [
      { id: "M1", dep: 400, loans: 9000, prev: 400 },
      { id: "M2", dep: 200, loans: 5000, prev: 200 },
      { id: "M3", dep: 200, loans: 4000, prev: 200 },
    ];
    const r = appraise(c);
    expect(zh(r, "B002-GRADE-1", "b ")).toBe("b 日均贷款 ¥90,000,000.00 < ¥200,000,000.00;单户最高 ¥90,000,000.00(M1)≥ ¥75,000,000.00 → 未达标");
    expect(zh(r, "B002-GRADE-2", "b ")).toBe("b 日均贷款 ¥180,000,000.00 ≥ ¥180,000,000.00;单户最高 ¥90,000,000.00(M1)≥ ¥50,000,000.00 → 达标");
    expect(gradeOf(r)).toBe("grade2");
  });

  it("B002-GRADE-RESULT: nothing met → no grade, and the explanation says so", () => {
    const r = appraise([{ id: "Z", dep: 1000, prev: 1000 }]);
    expect(zh(r, "B002-GRADE-RESULT", "各等级")).toBe("各等级条件均未全部满足 → 无符合条件的等级");
    expect(gradeOf(r)).toBe("none");
  });

  it("B002-GRADE-RESULT: a trainee is graded on results for the next year like everyone else (B002-GRADE-RESULT quote, line 36)", () => {
    expect(gradeOf(appraise([{ id: "D1", dep: 2000, prev: 1500 }, { id: "D2", dep: 2000, prev: 1500 }], { grade: "trainee" }))).toBe("grade3");
  });
});

describe("B002-GRADE-RESULT nextGrade", () => {
  it("B002-GRADE-RESULT nextGrade: 三级 with deposits 7120万 (single 3000万) → 二级 needs only item a: 日均存款还差 ¥3,800,000.00", () => {
    const r = appraise([
      { id: "Z1", dep: 3000, prev: 3000 },
      { id: "Z2", dep: 2500, prev: 2500 },
      { id: "Z3", dep: 1620, prev: 1620 },
    ]);
    expect(gradeOf(r)).toBe("grade3");
    expect(r.nextGrade).toEqual({ grade: "grade2", missing: [{ field: "avgDeposits", amount: "3800000.00" }] });
    expect(zh(r, "B002-GRADE-RESULT", "二级客户经理 a 项")).toBe("二级客户经理 a 项:日均存款还差 ¥3,800,000.00");
    expect(lines(r, "B002-GRADE-RESULT").find((x) => x.zh.startsWith("二级客户经理 a 项"))?.en).toBe("grade-2 CM item a: daily-average deposits still short by ¥3,800,000.00");
  });

  it("B002-GRADE-RESULT nextGrade: under b002.boundary.yishang = exclusive the shortfall is one fen more (7500万 must be exceeded)", () => {
    const r = appraise([{ id: "Z1", dep: 3000, prev: 3000 }, { id: "Z2", dep: 2500, prev: 2500 }, { id: "Z3", dep: 1620, prev: 1620 }], { settings: { "b002.boundary.yishang": "exclusive" } });
    expect(r.nextGrade?.missing).toEqual([{ field: "avgDeposits", amount: "3800000.01" }]);
  });

  it("B002-GRADE-RESULT nextGrade: the single-client condition can be the larger gap — 一级 item a needs the largest client to grow by 200万 (B002-GRADE-1 example)", () => {
    const c: ClientSpec[] = [
      { id: "C1", dep: 2800, loans: 9000, usd: 500, prev: 2800 },
      { id: "C2", dep: 2800, loans: 6000, prev: 2800 },
      { id: "C3", dep: 2800, loans: 6000, prev: 2800 },
      { id: "C4", dep: 2800, prev: 2800 },
      { id: "C5", dep: 2800, prev: 2800 },
      { id: "C6", dep: 2000, prev: 0 },
    ];
    const r = appraise(c);
    expect(gradeOf(r)).toBe("grade2");
    // a: 200万 of 1.5亿 (1.3 %) beats d: 1000万 of 3000万 (33 %) and c: 1500万美元 of 2000万美元 (75 %)
    expect(r.nextGrade).toEqual({ grade: "grade1", missing: [{ field: "avgDeposits", amount: "2000000.00" }] });
  });

  it("B002-GRADE-RESULT nextGrade: two items missing → the two with the smallest shortfall relative to their thresholds", () => {
    const r = appraise([{ id: "P1", dep: 9000, loans: 20000, prev: 6000 }, { id: "P2", dep: 7000, prev: 7000 }]);
    expect(gradeOf(r)).toBe("grade1");
    // 高级: a max(9000万 total, 1000万 single) = 9000万 of 2.5亿 (36 %); d 2000万 of 5000万 (40 %); b 1.5亿 of 3.5亿 (42.9 %); c 100 %
    expect(r.nextGrade).toEqual({
      grade: "senior",
      missing: [
        { field: "avgDeposits", amount: "90000000.00" },
        { field: "newAvgDeposits", amount: "20000000.00" },
      ],
    });
    expect(zh(r, "B002-GRADE-RESULT", "距高级客户经理")).toBe("距高级客户经理:还须具备 2 项,差额占门槛比例最小的组合如下");
  });

  it("B002-GRADE-RESULT nextGrade: the rule file's example (一级) → 高级 needs item d: 新增日均存款还差 ¥5,000,000.00", () => {
    const r = appraise(RESULT);
    expect(r.nextGrade).toEqual({ grade: "senior", missing: [{ field: "newAvgDeposits", amount: "5000000.00" }] });
    expect(zh(r, "B002-GRADE-RESULT", "高级客户经理 d 项")).toBe("高级客户经理 d 项:新增日均存款还差 ¥5,000,000.00");
  });

  it("B002-GRADE-RESULT nextGrade: no grade attained → what 四级 needs", () => {
    const r = appraise([{ id: "Z", dep: 1000, prev: 1000 }]);
    expect(r.nextGrade).toEqual({ grade: "grade4", missing: [{ field: "avgDeposits", amount: "5000000.00" }] });
  });

  it("B002-GRADE-RESULT nextGrade: indicators already met but a qualification missing → no amount, the condition is stated", () => {
    const r = appraise(RESULT.map((x) => (x.id === "K1" ? { ...x, prev: 9000 } : x)), { values: { marketingYears: "2.5", educationOk: 1, simExamPassed: 1, thematicReport: 1 } });
    expect(gradeOf(r)).toBe("grade2");
    expect(r.nextGrade).toEqual({ grade: "grade1", missing: [] });
    expect(zh(r, "B002-GRADE-RESULT", "一级客户经理:指标已达到")).toBe("一级客户经理:指标已达到");
    expect(zh(r, "B002-GRADE-RESULT", "一级客户经理另须满足")).toContain("在本行连续从事营销工作年限 2.5 < 3");
  });

  it("B002-GRADE-RESULT nextGrade: 高级 attained → no next grade", () => {
    expect(appraise(RESULT.map((x) => (x.id === "K1" ? { ...x, prev: 9000 } : x))).nextGrade).toBeUndefined();
  });
});

describe("B002-GRADE-RESULT unavailable", () => {
  it("B002-GRADE-RESULT: no client rows → #N/A (grade indicators are counted per client)", () => {
    const r = appraiseOne("b002-bank-grades", { role: "cm", grade: "grade3", history: [{ period: "2024", avgDeposits: "50000000" }] }, "2024");
    expect(gradeUnavailable(r)).toEqual({ output: "grade", code: "na", rule: "B002-GRADE-RESULT", zh: "2024 没有客户明细(clients),无法按客户统计等级指标", en: "2024 has no client rows (clients): grade indicators are counted per client" });
  });

  it("B002-GRADE-RESULT: no record for the appraised year → #N/A", () => {
    const r = appraiseOne("b002-bank-grades", { role: "cm", grade: "grade3", history: [{ period: "2023", clients: [] }] }, "2024");
    expect(gradeUnavailable(r)?.zh).toBe("缺少 2024 的记录,无法评定等级");
  });

  it("B002-GRADE-RESULT: a higher grade that cannot be judged makes the result #N/A even if a lower one holds", () => {
    // No prior-year data at all: item d cannot be judged. 高级 fails anyway (a only, + d unknown < 2); 一级 has a met and d
    // unknown, so "2 of 4" may or may not hold; 二级 (a met) would hold, but the grade above it is undecided.
    const u = gradeUnavailable(appraise([{ id: "Q", dep: 16000 }]));
    expect(u?.code).toBe("na");
    expect(u?.zh).toBe("无法判断是否符合一级客户经理条件:无法计算年新增日均存款:客户均无上年日均存款(prevAvgDeposits),也未提供新增日均存款(newAvgDeposits)");
  });
});

describe("B002-CADENCE", () => {
  const clients = [{ id: "D1", avgDeposits: "20000000", prevAvgDeposits: "15000000" }, { id: "D2", avgDeposits: "20000000", prevAvgDeposits: "15000000" }];

  it("B002-CADENCE: under b002.payGrade.basis = appointedGrade (default) a quarter is not graded — the appointed grade stands, said so", () => {
    const r = appraiseOne("b002-bank-grades", { role: "cm", grade: "grade2", history: [{ period: "2024-Q2", clients }] }, "2024-Q2");
    expect(r.grade).toBe("grade2");
    expect(r.nextGrade).toBeUndefined();
    expect(zh(r, "B002-GRADE-RESULT", "2024-Q2")).toBe("2024-Q2 不评定等级(等级每年评定一次;设置 b002.payGrade.basis = appointedGrade),沿用聘任等级:二级客户经理");
  });

  it("B002-CADENCE: setting b002.payGrade.basis = quarterlyAttainedGrade — the quarter's year-to-date figures are graded against the annual thresholds", () => {
    const r = appraiseOne("b002-bank-grades", { role: "cm", grade: "grade2", history: [{ period: "2024-Q2", clients }] }, "2024-Q2", { "b002.payGrade.basis": "quarterlyAttainedGrade" });
    expect(zh(r, "B002-GRADE-RESULT", "按 2024-Q2")).toBe("按 2024-Q2 年初至今数据对照年度标准评定");
    expect(gradeOf(r)).toBe("grade3");
  });
});

describe("B002-SCOPE", () => {
  it("B002-SCOPE: back-office staff (内勤) are outside the scheme — their results are not graded", () => {
    const r = appraise([{ id: "D1", dep: 4000, prev: 3000 }], { role: "backOffice", grade: "grade3" });
    expect(lines(r, "B002-GRADE-RESULT")).toEqual([]);
    expect(r.nextGrade).toBeUndefined();
  });

  it("B002-SCOPE: a deputy section chief who manages clients directly is a CM and is graded", () => {
    expect(gradeOf(appraise([{ id: "D1", dep: 4000, prev: 3000 }], { role: "deputyChief", grade: "grade3" }))).toBe("grade3");
  });
});
