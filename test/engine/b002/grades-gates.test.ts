/**
 * B002-ASSET-QUALITY and B002-QUALIFY-NONPERF: the gates every grade must pass besides its indicators — the rule
 * file's examples end to end, the share test and scope settings, the non-performance thresholds at their boundaries,
 * and what missing data does (a setting for qualifications; "cannot tell" for five-class data).
 */
import { appraise, gradeOf, gradeUnavailable, lines, zh, type ClientSpec } from "./grades-fixture";

/** Meets 二级 item a (8000万 ≥ 7500万, single ≥ 2500万) and 三级 and 四级 item a; Q2 carries the loans. */
const BASE = (q2: Partial<ClientSpec> = {}): ClientSpec[] => [
  { id: "Q1", dep: 8000, prev: 8000 },
  { id: "Q2", dep: 100, prev: 100, loans: 200, ...q2 },
];

describe("B002-ASSET-QUALITY", () => {
  it("B002-ASSET-QUALITY: with no event and the share rising, 二级 item a gives 二级", () => {
    const r = appraise(BASE({ normal: 200, total: 200 }), { values: { normalSharePrev: "0.99" } });
    expect(zh(r, "B002-ASSET-QUALITY", "全部经管客户")).toBe("全部经管客户(设置 b002.assetQuality.scope = allClients)无后三类贷款、欠息、垫款;正常类贷款占比 100.00%(¥2,000,000.00 ÷ ¥2,000,000.00)> 上年 99.00% → 满足");
    expect(gradeOf(r)).toBe("grade2");
  });

  it("B002-ASSET-QUALITY: the rule file's example — a 200万 loan classed 次级 in June → the condition fails for every grade → none", () => {
    const r = appraise(BASE({ flags: ["npl"] }));
    expect(zh(r, "B002-ASSET-QUALITY", "全部经管客户")).toBe("全部经管客户(设置 b002.assetQuality.scope = allClients)当年发生客户 Q2 后三类贷款 → 资产质量条件不满足");
    expect(lines(r, "B002-ASSET-QUALITY")).toHaveLength(1); // the same condition for every grade, stated once
    expect(gradeOf(r)).toBe("none");
  });

  it.each([
    ["interestArrears", "欠息"],
    ["advance", "垫款"],
  ])("B002-ASSET-QUALITY: a client with %s (%s) in the year → not met", (flag, word) => {
    const r = appraise(BASE({ flags: [flag] }));
    expect(zh(r, "B002-ASSET-QUALITY", "全部经管客户")).toContain(`客户 Q2 ${word}`);
    expect(gradeOf(r)).toBe("none");
  });

  it("B002-ASSET-QUALITY: an event on the manager's own record counts too (it cannot be tied to a client)", () => {
    const r = appraise(BASE(), { flags: ["advance"] });
    expect(zh(r, "B002-ASSET-QUALITY", "全部经管客户")).toContain("经理记录 垫款");
    expect(gradeOf(r)).toBe("none");
  });

  it("B002-ASSET-QUALITY: the rule file's second example — 97.0 % last year, 96.5 % this year → fails under increaseOrFull", () => {
    const r = appraise(BASE({ loans: 10000, normal: 9650, total: 10000 }), { values: { normalSharePrev: "0.97" } });
    expect(zh(r, "B002-ASSET-QUALITY", "全部经管客户")).toBe(
      "全部经管客户(设置 b002.assetQuality.scope = allClients)无后三类贷款、欠息、垫款;正常类贷款占比 96.50%(¥96,500,000.00 ÷ ¥100,000,000.00)≤ 上年 97.00%,未提高(设置 b002.assetQuality.normalShare = increaseOrFull)→ 不满足",
    );
    expect(gradeOf(r)).toBe("none");
  });

  it("B002-ASSET-QUALITY: setting b002.assetQuality.normalShare = strictIncrease — the second example fails too", () => {
    const r = appraise(BASE({ loans: 10000, normal: 9650, total: 10000 }), { values: { normalSharePrev: "0.97" }, settings: { "b002.assetQuality.normalShare": "strictIncrease" } });
    expect(gradeOf(r)).toBe("none");
  });

  it("B002-ASSET-QUALITY: share boundary — equal to last year fails, 0.01 元 of normal loans more passes", () => {
    const prev = { values: { normalSharePrev: "0.965" } };
    expect(gradeOf(appraise(BASE({ loans: 10000, normal: 9650, total: 10000 }), prev))).toBe("none");
    expect(gradeOf(appraise(BASE({ loans: 10000, normal: "9650.000001", total: 10000 }), prev))).toBe("grade2");
  });

  it("B002-ASSET-QUALITY: already 100 % cannot rise — met under increaseOrFull, not under strictIncrease", () => {
    const full = BASE({ normal: 200, total: 200 });
    const o = { values: { normalSharePrev: "1" } };
    expect(zh(appraise(full, o), "B002-ASSET-QUALITY", "全部经管客户")).toContain("正常类贷款占比 100.00%(¥2,000,000.00 ÷ ¥2,000,000.00)已达 100%(上年 100.00%)→ 满足");
    expect(gradeOf(appraise(full, o))).toBe("grade2");
    expect(gradeOf(appraise(full, { ...o, settings: { "b002.assetQuality.normalShare": "strictIncrease" } }))).toBe("none");
  });

  it("B002-ASSET-QUALITY: no prior-year share — met under the default; under strictIncrease the rise cannot be judged (#N/A)", () => {
    const c = BASE({ normal: 190, total: 200 });
    expect(zh(appraise(c), "B002-ASSET-QUALITY", "全部经管客户")).toContain("正常类贷款占比 95.00%(¥1,900,000.00 ÷ ¥2,000,000.00),无上年占比 → 满足");
    const u = gradeUnavailable(appraise(c, { settings: { "b002.assetQuality.normalShare": "strictIncrease" } }));
    expect(u?.code).toBe("na");
    expect(u?.zh).toContain("缺少上年正常类贷款占比(normalSharePrev),无法判断是否提高");
  });

  it("B002-ASSET-QUALITY: setting b002.assetQuality.normalShare = notChecked — a falling share does not block the grade", () => {
    const r = appraise(BASE({ loans: 10000, normal: 9650, total: 10000 }), { values: { normalSharePrev: "0.97" }, settings: { "b002.assetQuality.normalShare": "notChecked" } });
    expect(zh(r, "B002-ASSET-QUALITY", "全部经管客户")).toContain("正常类贷款占比不检查(设置 b002.assetQuality.normalShare = notChecked)→ 满足");
    expect(gradeOf(r)).toBe("grade2");
  });

  it("B002-ASSET-QUALITY: a manager without loans passes the share test (share undefined)", () => {
    const r = appraise([{ id: "Q1", dep: 8000, prev: 8000 }]);
    expect(zh(r, "B002-ASSET-QUALITY", "全部经管客户")).toContain("无贷款,正常类贷款占比不适用 → 满足");
    expect(gradeOf(r)).toBe("grade2");
  });

  it("B002-ASSET-QUALITY: loans without five-class figures and no prior-year share — met under the default increaseOrFull, so the grade is given", () => {
    const r = appraise(BASE({ total: 0 }));
    expect(zh(r, "B002-ASSET-QUALITY", "全部经管客户")).toBe("全部经管客户(设置 b002.assetQuality.scope = allClients)无后三类贷款、欠息、垫款;无上年占比,正常类贷款占比无须提高(设置 b002.assetQuality.normalShare = increaseOrFull)→ 满足");
    expect(gradeOf(r)).toBe("grade2");
  });

  it("B002-ASSET-QUALITY: loans without five-class figures with a prior-year share, or under strictIncrease, cannot be judged → #N/A, never a pass", () => {
    for (const o of [{ values: { normalSharePrev: "0.99" } }, { settings: { "b002.assetQuality.normalShare": "strictIncrease" } }]) {
      const u = gradeUnavailable(appraise(BASE({ total: 0 }), o));
      expect(u?.code).toBe("na");
      expect(u?.zh).toBe("无法判断是否符合二级客户经理条件:有贷款但缺少五级分类数据(normalLoans、totalLoans),无法计算正常类贷款占比");
    }
  });

  it("B002-ASSET-QUALITY: manager-level five-class figures are used when no client carries them", () => {
    const r = appraise(BASE({ total: 0 }), { values: { normalLoans: "1990000", totalLoans: "2000000", normalSharePrev: "0.99" } });
    expect(zh(r, "B002-ASSET-QUALITY", "全部经管客户")).toContain("正常类贷款占比 99.50%(¥1,990,000.00 ÷ ¥2,000,000.00)> 上年 99.00%");
    expect(gradeOf(r)).toBe("grade2");
  });

  it("B002-ASSET-QUALITY: normal loans above the five-class total are an input error (#VALUE!)", () => {
    expect(gradeUnavailable(appraise(BASE({ normal: 300, total: 200 })))?.code).toBe("value");
  });

  it("B002-ASSET-QUALITY: setting b002.assetQuality.scope = countedClients — an NPL at a client below every cut-off no longer blocks", () => {
    const c: ClientSpec[] = [{ id: "Q1", dep: 8000, prev: 8000 }, { id: "Q9", dep: 30, prev: 30, flags: ["npl"] }];
    expect(gradeOf(appraise(c))).toBe("none");
    const r = appraise(c, { settings: { "b002.assetQuality.scope": "countedClients" } });
    expect(zh(r, "B002-ASSET-QUALITY", "本等级统计客户")).toBe("本等级统计客户(设置 b002.assetQuality.scope = countedClients)无后三类贷款、欠息、垫款;无贷款,正常类贷款占比不适用 → 满足");
    expect(gradeOf(r)).toBe("grade2");
  });
});

/** Figures that meet 高级, 一级 and 二级 (the B002-GRADE-SENIOR example clients). */
const SENIOR: ClientSpec[] = [
  { id: "K1", dep: 12000, prev: 9000 },
  { id: "K2", dep: 8000, loans: 16000, usd: 1500, prev: 6000 },
  { id: "K3", dep: 6000, loans: 10000, usd: 800, prev: 5500 },
  { id: "K4", dep: 450, loans: 12000, usd: 900, prev: 300 },
];
const QUALIFIED = { educationOk: 1, simExamPassed: 1, thematicReport: 1 };

describe("B002-QUALIFY-NONPERF", () => {
  it("B002-QUALIFY-NONPERF: the rule file's example — figures meet 高级 but 2.5 years of marketing → not 高级, not 一级 (3 years) → 二级 (1 year)", () => {
    const r = appraise(SENIOR, { values: { ...QUALIFIED, marketingYears: "2.5" } });
    expect(zh(r, "B002-QUALIFY-NONPERF", "高级客户经理任职条件")).toBe("高级客户经理任职条件:在本行连续从事营销工作年限 2.5 < 3;学历或专业技术资格符合:是;模拟银行考试合格:是;已提交年度专题报告:是 → 不满足");
    expect(zh(r, "B002-QUALIFY-NONPERF", "一级客户经理任职条件")).toBe("一级客户经理任职条件:在本行连续从事营销工作年限 2.5 < 3;学历或专业技术资格符合:是;模拟银行考试合格:是 → 不满足");
    expect(zh(r, "B002-QUALIFY-NONPERF", "二级客户经理任职条件")).toBe("二级客户经理任职条件:在本行连续从事营销工作年限 2.5 ≥ 1;学历或专业技术资格符合:是;模拟银行考试合格:是 → 满足");
    expect(gradeOf(r)).toBe("grade2");
  });

  it.each([
    ["3", "senior"],
    ["2.99", "grade2"],
    ["3.01", "senior"],
  ])("B002-QUALIFY-NONPERF: 3 年以上 boundary — %s years → %s", (years, grade) => {
    expect(gradeOf(appraise(SENIOR, { values: { ...QUALIFIED, marketingYears: years } }))).toBe(grade);
  });

  it("B002-QUALIFY-NONPERF: setting b002.boundary.yishang = exclusive — exactly 3 years is not 3 年以上 → 二级", () => {
    expect(gradeOf(appraise(SENIOR, { values: { ...QUALIFIED, marketingYears: "3" }, settings: { "b002.boundary.yishang": "exclusive" } }))).toBe("grade2");
  });

  it.each([
    ["1", "grade2"],
    ["0.99", "grade3"],
  ])("B002-QUALIFY-NONPERF: 二级 1 年以上 boundary — %s years → %s (三级 has no years requirement)", (years, grade) => {
    expect(gradeOf(appraise(SENIOR, { values: { ...QUALIFIED, marketingYears: years } }))).toBe(grade);
  });

  it("B002-QUALIFY-NONPERF: the senior's annual report missing (0) → not 高级, 一级 needs none → 一级", () => {
    expect(gradeOf(appraise(SENIOR, { values: { ...QUALIFIED, thematicReport: 0, marketingYears: "5" } }))).toBe("grade1");
  });

  it("B002-QUALIFY-NONPERF: education not met (0) → every grade fails → none", () => {
    expect(gradeOf(appraise(SENIOR, { values: { ...QUALIFIED, educationOk: 0, marketingYears: "5" } }))).toBe("none");
  });

  it("B002-QUALIFY-NONPERF: missing inputs are treated as met by default, and the explanation says they were not checked", () => {
    const r = appraise(SENIOR);
    expect(zh(r, "B002-QUALIFY-NONPERF", "高级客户经理任职条件")).toBe(
      "高级客户经理任职条件:未提供在本行连续从事营销工作年限(marketingYears)、学历或专业技术资格符合(educationOk)、模拟银行考试合格(simExamPassed)、已提交年度专题报告(thematicReport),视为满足(未核查)(设置 b002.qualify.nonPerfMissing = assumeMet)→ 满足",
    );
    expect(gradeOf(r)).toBe("senior");
  });

  it("B002-QUALIFY-NONPERF: setting b002.qualify.nonPerfMissing = notMet — missing inputs fail every grade → none", () => {
    const r = appraise(SENIOR, { settings: { "b002.qualify.nonPerfMissing": "notMet" } });
    expect(zh(r, "B002-QUALIFY-NONPERF", "四级客户经理任职条件")).toBe("四级客户经理任职条件:未提供学历或专业技术资格符合(educationOk)、模拟银行考试合格(simExamPassed),视为不满足(设置 b002.qualify.nonPerfMissing = notMet)→ 不满足");
    expect(gradeOf(r)).toBe("none");
  });
});
