/**
 * Conventions and frame of the b002 rulebook: B002-CONV-UNITS, B002-CONV-BOUNDARY, B002-CONV-PERCENT,
 * B002-CONV-PERIOD, B002-GRADES (with B002-SCOPE), B002-CADENCE, B002-ANNUAL-ADJUST and B002-CLIENT-DATA — the data
 * the rulebook fixes, the rule file's examples, and each setting alternative.
 */
import { appraiseAll, resolveRulebook, resolveSettings } from "../../../src/engine/api";
import { holds, opOf } from "../../../src/engine/compare";
import { FIELDS } from "../../../src/engine/fields";
import type { GradeIndicatorsParams } from "../../../src/engine/kinds/grading/gradeIndicators";
import { bySeniority } from "../../../src/engine/kinds/grading";
import { parseAppraisalInput } from "../../../src/engine/input";
import { parseQuantity } from "../../../src/engine/quantity";
import { variantFor } from "../../../src/engine/rulebook/variants";
import { loadPreset, presetDocument } from "../../../src/engine/rulebooks";
import { Settings } from "../../../src/engine/settings";
import { value } from "../general/run";
import { appraise, gradeOf, zh } from "./grades-fixture";
import { appraiseOne } from "../../helpers/appraise";

const B = "b002-bank-grades";
const book = loadPreset(B);
const settings = (o: Record<string, unknown> = {}) => {
  const r = Settings.resolve(book.doc, o);
  expect(r.problems).toEqual([]);
  return r.settings;
};
const items = (id: string) => (book.byId.get(id)!.params as GradeIndicatorsParams).items;

describe("B002-CONV-UNITS", () => {
  it("B002-CONV-UNITS: 2.5 亿元 = 250 000 000.00 元 and 3000 万美元 = 30 000 000 USD, exactly, in the rulebook data", () => {
    expect(items("B002-GRADE-SENIOR")[0].threshold.value.toFixed(2)).toBe("250000000.00");
    expect(items("B002-GRADE-SENIOR")[0].single!.value.toFixed(2)).toBe("100000000.00");
    expect(items("B002-GRADE-SENIOR")[2].threshold.value.toFixed(2)).toBe("30000000.00");
    expect(items("B002-GRADE-2")[1].threshold.value.toFixed(2)).toBe("180000000.00");
  });

  it("B002-CONV-UNITS: the rule file's example — a client with 日均存款 1.2亿 is stored as 120 000 000.00", () => {
    expect(parseQuantity("1.2亿").toFixed(2)).toBe("120000000.00");
    expect(parseQuantity("1000万美元").toFixed(2)).toBe("10000000.00");
  });

  it("B002-CONV-UNITS: USD stays in USD (shown US$) unless a rule compares it with a 元 threshold (B002-GRADE-4)", () => {
    const r = appraise([{ id: "U", dep: 100, prev: 100, usd: 100 }], { values: { usdCnyRate: "7" } });
    expect(zh(r, "B002-GRADE-3", "c ")).toBe("c 年国际结算额(美元)US$1,000,000.00 < US$5,000,000.00 → 未达标");
    expect(zh(r, "B002-GRADE-4", "c ")).toContain("¥7,000,000.00 < ¥10,000,000.00");
  });
});

describe("B002-CONV-BOUNDARY", () => {
  it.each([
    ["以上", "ge"],
    ["(含)以上", "ge"],
    ["不得低于", "ge"],
    ["不低于", "ge"],
    ["不少于", "ge"],
    ["达不到", "lt"],
  ])("B002-CONV-BOUNDARY: %s → %s by default", (word, op) => {
    expect(opOf(book, settings(), { word })).toBe(op);
  });

  it("B002-CONV-BOUNDARY: setting b002.boundary.yishang = exclusive turns 以上 into >, and leaves (含)以上 at ≥", () => {
    const s = settings({ "b002.boundary.yishang": "exclusive" });
    expect(opOf(book, s, { word: "以上" })).toBe("gt");
    expect(opOf(book, s, { word: "(含)以上" })).toBe("ge");
    expect(opOf(book, s, { word: "不得低于" })).toBe("ge");
  });

  it("B002-CONV-BOUNDARY: setting b002.boundary.yishang = exclusive end to end — 四级 deposits of exactly 1500万 no longer meet item a", () => {
    const c = [{ id: "X", dep: 1500, prev: 1500 }];
    expect(gradeOf(appraise(c))).toBe("grade4");
    expect(gradeOf(appraise(c, { settings: { "b002.boundary.yishang": "exclusive" } }))).toBe("none");
  });

  it("B002-CONV-BOUNDARY: the rule file's example — exactly 5 000 000.00 counts for 高级 under belowOnly, not under setting b002.exclusion.boundary = atOrBelow", () => {
    const c = [{ id: "Y", dep: 500, prev: 500 }];
    expect(zh(appraise(c), "B002-CLIENT-EXCLUSION", "高级")).toContain("的客户 1 户");
    expect(zh(appraise(c, { settings: { "b002.exclusion.boundary": "atOrBelow" } }), "B002-CLIENT-EXCLUSION", "高级")).toContain("的客户 0 户");
  });
});

describe("B002-CONV-PERCENT", () => {
  const data = (o: Record<string, unknown> = {}) => {
    const s = settings(o);
    return (variantFor(book.byId.get("B002-CONV-PERCENT")!, (k) => s.get(k), "cm", undefined).params as { data: Record<string, string> }).data;
  };

  it("B002-CONV-PERCENT: the stripped percent signs are restored — 达不到计划的80 = 80 %, 两费补贴按50发放 = 50 %", () => {
    expect(data()).toEqual({ 达不到计划的80: "80%", 两费补贴按50发放: "50%" });
    expect(parseQuantity(data()["达不到计划的80"]).toFixed()).toBe("0.8");
    expect(parseQuantity(data()["两费补贴按50发放"]).toFixed()).toBe("0.5");
  });

  it("B002-CONV-PERCENT: the rule file's example — completion 79.99 % is 达不到计划的80, 80.00 % is not", () => {
    const op = opOf(book, settings(), { word: "达不到" });
    const eighty = parseQuantity(data()["达不到计划的80"]);
    expect(holds(parseQuantity("79.99%"), op, eighty)).toBe(true);
    expect(holds(parseQuantity("80.00%"), op, eighty)).toBe(false);
  });

  it("B002-CONV-PERCENT: setting b002.admonition.allowanceMode = fixedYuan reads 按50发放 as 50 元 a month for both allowances", () => {
    expect(data({ "b002.admonition.allowanceMode": "fixedYuan" })["两费补贴按50发放"]).toBe("50元(两费合计每月)");
    expect(book.doc.settings["b002.admonition.allowanceMode"]).toMatchObject({ rule: "B002-CONV-PERCENT", default: "percent", values: ["percent", "fixedYuan"] });
  });
});

describe("B002-CONV-PERIOD", () => {
  it("B002-CONV-PERIOD: the rule file's example — grading for 2024 uses the 2024 record (daily averages, settlement, 2024 minus 2023)", () => {
    const r = appraise([{ id: "D1", dep: 2000, prev: 1500 }, { id: "D2", dep: 2000, prev: 1500 }], { period: "2024", grade: "grade4" });
    expect(zh(r, "B002-GRADE-3", "d ")).toBe("d 年新增日均存款 ¥10,000,000.00 < ¥15,000,000.00 → 未达标");
    expect(gradeOf(r)).toBe("grade3");
  });

  it("B002-CONV-PERIOD: the grade rule is annual; a month is not graded under the default", () => {
    expect(book.byId.get("B002-GRADE-RESULT")!.doc.period).toBe("year");
    const r = appraiseOne(B, { role: "cm", grade: "grade4", history: [{ period: "2024-05", clients: [{ id: "X", avgDeposits: "99000000", prevAvgDeposits: "0" }] }] }, "2024-05");
    expect(zh(r, "B002-GRADE-RESULT", "2024-05")).toContain("2024-05 不评定等级");
    expect(r.grade).toBe("grade4");
  });
});

describe("B002-GRADES", () => {
  it("B002-GRADES: six grades, highest first — 高级, 一级, 二级, 三级, 四级, 见习", () => {
    expect(book.gradeIds).toEqual(["senior", "grade1", "grade2", "grade3", "grade4", "trainee"]);
    expect(book.doc.grades.map((g) => g.zh)).toEqual(["高级客户经理", "一级客户经理", "二级客户经理", "三级客户经理", "四级客户经理", "见习客户经理"]);
  });

  it("B002-GRADES: the rule file's example — sorting [二级, 高级, 见习, 四级] by seniority gives [高级, 二级, 四级, 见习]", () => {
    expect(bySeniority(book, ["grade2", "senior", "trainee", "grade4"])).toEqual({ sorted: ["senior", "grade2", "grade4", "trainee"], unknown: [] });
    expect(value(B, "B002-STAFF-RANK-MAP", { sort: ["grade2", "senior", "trainee", "grade4"] })).toEqual({ sorted: ["senior", "grade2", "grade4", "trainee"] });
  });

  it("B002-GRADES: the grade ladder tests 高级 to 四级; trainee is an entry status, not a grade results can land on", () => {
    expect((book.byId.get("B002-GRADE-RESULT")!.params as { ladder: string[] }).ladder).toEqual(["B002-GRADE-SENIOR", "B002-GRADE-1", "B002-GRADE-2", "B002-GRADE-3", "B002-GRADE-4"]);
  });

  it("B002-SCOPE: roles — CMs and deputy chiefs managing clients are graded; back-office staff are not CMs", () => {
    const p = book.byId.get("B002-GRADES")!.params as { roles: Record<string, { graded: boolean; alsoCounts: string[] }> };
    expect(book.roleIds).toEqual(["cm", "deputyChief", "backOffice"]);
    expect(p.roles.deputyChief).toMatchObject({ graded: true, alsoCounts: ["cm"] });
    expect(p.roles.backOffice).toMatchObject({ graded: false });
    expect(book.byId.get("B002-GRADES")!.doc.implements).toEqual(["B002-SCOPE"]);
    expect(book.byId.get("B002-GRADE-RESULT")!.doc.appliesTo).toEqual({ roles: ["cm", "deputyChief"] });
  });
});

describe("B002-CADENCE", () => {
  it("B002-CADENCE: appointed yearly for a one-year term, assessed quarterly; the pay-grade basis setting is declared with its default", () => {
    const p = book.byId.get("B002-CADENCE")!.params as { data: Record<string, unknown> };
    expect(p.data).toEqual({ appointment: "year", termMonths: 12, assessment: "quarter", allowances: "month" });
    expect(book.doc.settings["b002.payGrade.basis"]).toMatchObject({ rule: "B002-CADENCE", default: "appointedGrade", values: ["appointedGrade", "quarterlyAttainedGrade"] });
  });

  it("B002-CADENCE: setting b002.payGrade.basis = quarterlyAttainedGrade — a quarter is graded on year-to-date figures; the default keeps the appointed grade", () => {
    const clients = [{ id: "D1", dep: 2000, prev: 1500 }, { id: "D2", dep: 2000, prev: 1500 }];
    expect(appraise(clients, { period: "2025-Q1", grade: "grade2" }).grade).toBe("grade2");
    expect(gradeOf(appraise(clients, { period: "2025-Q1", grade: "grade2", settings: { "b002.payGrade.basis": "quarterlyAttainedGrade" } }))).toBe("grade3");
  });
});

describe("B002-ANNUAL-ADJUST", () => {
  it("B002-ANNUAL-ADJUST: the thresholds are 2005's, in force from 2005-07-01", () => {
    expect((book.byId.get("B002-ANNUAL-ADJUST")!.params as { data: unknown }).data).toEqual({ thresholdsOf: 2005, effectiveFrom: "2005-07-01" });
  });

  it("B002-ANNUAL-ADJUST: the rule file's example — raising the 四级 deposit item to 2000万 for 2026 edits data only; the logic stays", () => {
    const doc = JSON.parse(JSON.stringify(presetDocument(B))) as { rules: Array<{ id: string; params: { items?: Array<{ id: string; threshold: { value: string } }> } }> };
    doc.rules.find((r) => r.id === "B002-GRADE-4")!.params.items!.find((i) => i.id === "a")!.threshold.value = "2000万";
    const edited = resolveRulebook(doc);
    if (!edited.ok) throw new Error(JSON.stringify(edited.problems));
    const s = resolveSettings(edited.value);
    if (!s.ok) throw new Error("settings");
    const input = parseAppraisalInput({ period: "2026", managers: [{ id: "T", role: "cm", grade: "grade4", history: [{ period: "2026", clients: [{ id: "X", avgDeposits: "18000000", prevAvgDeposits: "18000000" }] }] }] });
    if (!input.ok) throw new Error("input");
    const r = appraiseAll(edited.value, s.value, input.value).output.results[0];
    expect(r.explanation.find((x) => x.rule === "B002-GRADE-4" && x.zh.startsWith("a "))?.zh).toBe("a 日均存款(不含协议存款)(设置 b002.grade4.indicatorA.kind = deposits)¥18,000,000.00 < ¥20,000,000.00 → 未达标");
    expect(gradeOf(appraise([{ id: "X", dep: 1800, prev: 1800 }], { period: "2026" }))).toBe("grade4");
  });
});

describe("B002-CLIENT-DATA", () => {
  it("B002-CLIENT-DATA: the per-client and manager inputs are fields of the data model", () => {
    for (const f of ["avgDeposits", "agreementAvgDeposits", "prevAvgDeposits", "avgLoans", "intlSettlementUsd", "intlSettlementCny", "normalLoans", "totalLoans", "normalSharePrev", "usdCnyRate", "marketingYears", "educationOk", "simExamPassed", "thematicReport", "newAvgDeposits"]) {
      expect(Object.keys(FIELDS)).toContain(f);
    }
  });

  it("B002-CLIENT-DATA: an input row with a negative amount is a validation error", () => {
    const p = parseAppraisalInput({ period: "2024", managers: [{ id: "T", role: "cm", history: [{ period: "2024", clients: [{ id: "X", avgLoans: "-1" }] }] }] });
    expect(p.ok).toBe(false);
    expect(!p.ok && p.problems).toEqual([{ path: "managers[0].history[0].clients[0].avgLoans", message: "-1 must not be negative" }]);
  });

  it("B002-CLIENT-DATA: an amount a client row leaves out is 0 for that client (a deposit-only client has no loans)", () => {
    const r = appraise([{ id: "X", dep: 1500, prev: 1500 }]);
    expect(zh(r, "B002-GRADE-4", "b ")).toBe("b 日均贷款 ¥0.00 < ¥36,000,000.00 → 未达标");
  });

  it("B002-CLIENT-DATA: a rate typed in percent units is rejected (normalSharePrev 97 instead of 0.97)", () => {
    const p = parseAppraisalInput({ period: "2024", managers: [{ id: "T", role: "cm", history: [{ period: "2024", normalSharePrev: "97", clients: [] }] }] });
    expect(!p.ok && p.problems[0].message).toBe("97 looks like percent units: rates are fractions (write 0.35 for 35%)");
  });
});
