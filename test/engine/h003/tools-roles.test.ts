/**
 * H003-ROLE-GRADES (roles and grades as the rulebook declares them, with a check on each person), H003-QUALIFY-GRADE
 * and H003-QUALIFY-PROVISIONAL (tool rules): the rule file's examples, boundaries and every setting, including the
 * required settings that must give #N/A when not set.
 */
import { checkAgainstRulebook, checkManager, fieldVocabulary, resolveSettings } from "../../../src/engine/api";
import { parseAppraisalInput } from "../../../src/engine/input";
import { isUnavailable } from "../../../src/engine/outcome";
import { compileRulebook } from "../../../src/engine/rulebook/compile";
import { loadPreset, presetDocument } from "../../../src/engine/rulebooks";
import { toolRunner } from "../../helpers/tools";

const book = loadPreset("h003-city-bank");

const { run, value } = toolRunner(book);

/** A person with one month of records, as the command line reads them. */
function person(role: string, grade?: string) {
  const parsed = parseAppraisalInput({ period: "2026-01", managers: [{ id: "T1", role, ...(grade ? { grade } : {}), history: [{ period: "2026-01" }] }] }, fieldVocabulary(book));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return parsed.value;
}

/** The findings of H003-ROLE-GRADES's checks on a person. */
function roleGradeFindings(role: string, grade?: string) {
  const s = resolveSettings(book);
  if (!s.ok) throw new Error("settings");
  return checkManager(book, s.value, person(role, grade).managers[0], "2026-01").filter((f) => f.rule === "H003-ROLE-GRADES");
}

describe("H003-ROLE-GRADES", () => {
  const rule = book.byId.get("H003-ROLE-GRADES")!;
  const v2 = book.v2!;

  it("H003-ROLE-GRADES: the rulebook's roles are president, cm, agent and its grades senior, intermediate, junior (highest first)", () => {
    expect(book.roleIds).toEqual(["president", "cm", "agent"]);
    expect(book.gradeIds).toEqual(["senior", "intermediate", "junior"]);
    expect(book.doc.roles.map((r) => r.zh)).toEqual(["支行行长/营业部总经理", "客户经理", "业务代办员"]);
    expect(book.doc.grades.map((g) => g.zh)).toEqual(["高级客户经理", "中级客户经理", "初级客户经理"]);
  });

  it("H003-ROLE-GRADES: cm and president have a grade, an agent has none; the role selects the scoring table", () => {
    expect(rule.kind.stage).toBe("convention");
    expect(v2.byId.get("H003-ROLE-GRADES")!.construct).toBe("check");
    expect(v2.doc.roles.map((r) => [r.id, r.graded])).toEqual([["president", true], ["cm", true], ["agent", false]]);
    expect(v2.grades).toEqual(["senior", "intermediate", "junior"]);
    // The president table (fee income) and the CM table (new accounts) by role; no scoring item applies to an agent.
    const items = v2.outputs.scoreItems;
    expect(items.filter((r) => r.roles?.has("agent") ?? true)).toEqual([]);
    expect([...v2.byId.get("H003-SCORE-FEE-INCOME")!.roles!]).toEqual(["president"]);
    expect([...v2.byId.get("H003-SCORE-NEW-ACCOUNTS")!.roles!]).toEqual(["cm"]);
    expect(rule.doc.cite).toEqual(expect.arrayContaining(["003_e1d2c136c4cf7124.txt:492", "003_e1d2c136c4cf7124.txt:488", "003_e1d2c136c4cf7124.txt:496"]));
  });

  it("H003-ROLE-GRADES: the example — a president of grade intermediate is valid", () => {
    expect(roleGradeFindings("president", "intermediate")).toEqual([]);
    expect(roleGradeFindings("agent")).toEqual([]);
  });

  it.each([
    ["cm without a grade", "cm", undefined, "error", "customer manager needs a grade (senior CM, intermediate CM, junior CM); the grade is blank"],
    ["president without a grade", "president", undefined, "error", "branch president needs a grade (senior CM, intermediate CM, junior CM); the grade is blank"],
    ["agent with a grade", "agent", "junior", "warning", "business agent has no grade; grade \"junior CM\" is ignored"],
  ])("H003-ROLE-GRADES: %s is a finding", (_name, role, grade, severity, en) => {
    expect(roleGradeFindings(role, grade)).toEqual([expect.objectContaining({ severity, rule: "H003-ROLE-GRADES", period: "2026-01", zh: expect.any(String), en })]);
  });

  it.each([
    ["unknown role", "teller", undefined, 'managers[0].role: "teller" is not a role of h003-city-bank (president, cm, agent)'],
    ["unknown grade", "cm", "expert", 'managers[0].grade: "expert" is not a grade of h003-city-bank (senior, intermediate, junior)'],
  ])("H003-ROLE-GRADES: %s is refused with the input", (_name, role, grade, message) => {
    expect(checkAgainstRulebook(book, person(role, grade)).map((p) => `${p.path}: ${p.message}`)).toEqual([message]);
  });

  it("H003-ROLE-GRADES: a rulebook whose roles differ from the convention does not load", () => {
    const doc = presetDocument("h003-city-bank") as { roles: Array<{ id: string }> };
    const broken = { ...doc, roles: doc.roles.filter((r) => r.id !== "agent") };
    const result = compileRulebook(broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.some((p) => p.includes("H003-ROLE-GRADES") && p.includes('"agent" is not a role of this rulebook'))).toBe(true);
  });

  it("H003-ROLE-GRADES is data, not a tool: runTool refuses it", () => {
    const out = run("H003-ROLE-GRADES", {});
    expect(isUnavailable(out) && out.en).toBe("H003-ROLE-GRADES is not a tool rule");
  });
});

const QUAL = { "h003.qualification.passMark": "60", "h003.qualification.gradeCutoffs": { senior: "85", intermediate: "75" } };
const grades = (scores: Array<[string, string | number]>, settings: Record<string, unknown> = QUAL) =>
  value("H003-QUALIFY-GRADE", { candidates: scores.map(([id, score]) => ({ id, score })) }, settings).candidates.map((c: any) => c.grade);
/** Each candidate's row; ranks are written as whole numbers in the examples. */
const rows = (v: Record<string, any>) => v.candidates.map((c: any) => ({ ...c, rank: Number(c.rank) }));

describe("H003-QUALIFY-GRADE", () => {
  it("H003-QUALIFY-GRADE: the example (passMark 60, cut-offs senior ≥ 85, intermediate ≥ 75): 91, 78, 64, 59 → senior, intermediate, junior, not qualified", () => {
    const v = value("H003-QUALIFY-GRADE", { candidates: [{ id: "A", score: 91 }, { id: "B", score: 78 }, { id: "C", score: 64 }, { id: "D", score: 59 }] }, QUAL);
    expect(rows(v)).toEqual([
      { id: "A", score: "91", rank: 1, qualified: true, grade: "senior" },
      { id: "B", score: "78", rank: 2, qualified: true, grade: "intermediate" },
      { id: "C", score: "64", rank: 3, qualified: true, grade: "junior" },
      { id: "D", score: "59", rank: 4, qualified: false, grade: null },
    ]);
  });

  it.each([
    ["85 → senior", "85", "senior"],
    ["84.99 → intermediate", "84.99", "intermediate"],
    ["85.01 → senior", "85.01", "senior"],
    ["75 → intermediate", "75", "intermediate"],
    ["74.99 → junior", "74.99", "junior"],
    ["60 (及格以上 includes the pass mark) → junior", "60", "junior"],
    ["60.01 → junior", "60.01", "junior"],
    ["59.99 → not qualified", "59.99", null],
  ])("H003-QUALIFY-GRADE boundary: %s", (_name, score, grade) => {
    expect(grades([["X", score]])).toEqual([grade]);
  });

  it("H003-QUALIFY-GRADE: with no settings → #N/A, pass mark not configured (h003.qualification.passMark is required)", () => {
    const out = run("H003-QUALIFY-GRADE", { candidates: [{ id: "A", score: 91 }] });
    expect(isUnavailable(out) && out.code).toBe("na");
    expect(isUnavailable(out) && out.en).toBe("pass mark not configured (set h003.qualification.passMark)");
  });

  it("H003-QUALIFY-GRADE: pass mark but no h003.qualification.gradeCutoffs or gradeQuotas → #N/A \"grade cut-offs not configured\", never a guess", () => {
    const out = run("H003-QUALIFY-GRADE", { candidates: [{ id: "A", score: 91 }] }, { "h003.qualification.passMark": "60" });
    expect(isUnavailable(out) && out.code).toBe("na");
    expect(isUnavailable(out) && out.en).toBe("grade cut-offs not configured (set h003.qualification.gradeCutoffs / h003.qualification.gradeQuotas)");
  });

  it("H003-QUALIFY-GRADE h003.qualification.passMark: another pass mark moves the qualification line", () => {
    expect(grades([["A", "64"], ["B", "70"]], { ...QUAL, "h003.qualification.passMark": "70" })).toEqual([null, "junior"]);
  });

  it("H003-QUALIFY-GRADE h003.qualification.gradeQuotas: 1 senior and 2 intermediate from the top, the rest junior", () => {
    const s = { "h003.qualification.passMark": "60", "h003.qualification.gradeQuotas": { senior: 1, intermediate: 2 } };
    const v = value("H003-QUALIFY-GRADE", { candidates: [91, 78, 64, 70, 59, 62].map((score, i) => ({ id: `P${i}`, score })) }, s);
    expect(rows(v).map((c: any) => [c.id, c.rank, c.grade])).toEqual([
      ["P0", 1, "senior"],
      ["P1", 2, "intermediate"],
      ["P2", 4, "junior"],
      ["P3", 3, "intermediate"],
      ["P4", 6, null],
      ["P5", 5, "junior"],
    ]);
  });

  it("H003-QUALIFY-GRADE h003.qualification.gradeQuotas: more quota than people leaves nobody junior", () => {
    const s = { "h003.qualification.passMark": "60", "h003.qualification.gradeQuotas": { senior: 1, intermediate: 5 } };
    expect(grades([["A", 70], ["B", 80]], s)).toEqual(["intermediate", "senior"]);
  });

  it("H003-QUALIFY-GRADE h003.qualification.gradeQuotas: equal scores across a quota boundary → #VALUE!, a manual tie-break", () => {
    const s = { "h003.qualification.passMark": "60", "h003.qualification.gradeQuotas": { senior: 1, intermediate: 1 } };
    const out = run("H003-QUALIFY-GRADE", { candidates: [{ id: "A", score: 88 }, { id: "B", score: 88 }, { id: "C", score: 70 }] }, s);
    expect(isUnavailable(out) && out.code).toBe("value");
    expect(isUnavailable(out) && out.en).toBe("equal scores at the senior quota boundary (A, B: 88); needs a manual tie-break");
  });

  it("H003-QUALIFY-GRADE: equal scores share a rank (competition ranking) and, under cut-offs, a grade", () => {
    const v = value("H003-QUALIFY-GRADE", { candidates: [{ id: "A", score: 88 }, { id: "B", score: 88 }, { id: "C", score: 70 }] }, QUAL);
    expect(rows(v).map((c: any) => [c.rank, c.grade])).toEqual([[1, "senior"], [1, "senior"], [3, "junior"]]);
  });

  it.each([
    ["both cut-offs and quotas set", { ...QUAL, "h003.qualification.gradeQuotas": { senior: 1, intermediate: 1 } }, "set either cut-offs or quotas, not both (h003.qualification.gradeCutoffs / h003.qualification.gradeQuotas)"],
    ["cut-offs not descending", { ...QUAL, "h003.qualification.gradeCutoffs": { senior: "75", intermediate: "85" } }, "h003.qualification.gradeCutoffs: a higher grade needs a higher cut-off"],
    ["cut-offs missing a grade", { ...QUAL, "h003.qualification.gradeCutoffs": { senior: "85" } }, "h003.qualification.gradeCutoffs must give exactly senior, intermediate"],
    ["a negative quota", { "h003.qualification.passMark": "60", "h003.qualification.gradeQuotas": { senior: -1, intermediate: 1 } }, "h003.qualification.gradeQuotas.senior must be a whole number ≥ 0"],
  ])("H003-QUALIFY-GRADE: %s → #N/A", (_name, settings, en) => {
    const out = run("H003-QUALIFY-GRADE", { candidates: [{ id: "A", score: 91 }] }, settings);
    expect(isUnavailable(out) && out.code).toBe("na");
    expect(isUnavailable(out) && out.en).toBe(en);
  });

  it("H003-QUALIFY-GRADE: a quota that is not a whole number is refused with the settings, before any grade", () => {
    const r = resolveSettings(book, { "h003.qualification.passMark": "60", "h003.qualification.gradeQuotas": { senior: 1.5, intermediate: 1 } });
    expect(!r.ok && r.problems.map((p) => p.path)).toEqual(["settings.h003.qualification.gradeQuotas"]);
  });

  it.each([
    ["no candidates", { candidates: [] }, "candidates: candidates must not be empty"],
    ["duplicate ids", { candidates: [{ id: "A", score: 1 }, { id: "A", score: 2 }] }, "candidates: candidates[].id must be unique"],
    ["a score that is not a number", { candidates: [{ id: "A", score: "x" }] }, 'candidates[0].score: text "x" is not a number'],
    ["a numeric-looking id given twice", { candidates: [{ id: "1001", score: 1 }, { id: "1001", score: 2 }] }, "candidates: candidates[].id must be unique"],
  ])("H003-QUALIFY-GRADE bad input: %s → #VALUE!", (_name, input, en) => {
    const out = run("H003-QUALIFY-GRADE", input, QUAL);
    expect(isUnavailable(out) && out.code).toBe("value");
    expect(isUnavailable(out) && out.en).toBe(en);
  });
});

/** The yearly figures as the tool takes them: a list of {year, value} (written here as {"2003": "3000000"}). */
const byYear = (input: Record<string, unknown>) =>
  input.valuesByYear === undefined ? input : { ...input, valuesByYear: Object.entries(input.valuesByYear as Record<string, string>).map(([year, v]) => ({ year: Number(year), value: v })) };
const prov = (input: Record<string, unknown>, settings: Record<string, unknown> = {}) => value("H003-QUALIFY-PROVISIONAL", byYear({ examPassed: false, ...input }), settings);

describe("H003-QUALIFY-PROVISIONAL", () => {
  it("H003-QUALIFY-PROVISIONAL: the example — failed, 2003 daily average 300.00万 → provisional junior from 2004-01-01", () => {
    expect(prov({ valuesByYear: { "2003": "3000000.00" } })).toEqual({ status: "provisional", grade: "junior", provisional: true, from: "2004-01-01", deadline: "2005-01-01" });
  });

  it("H003-QUALIFY-PROVISIONAL: the example — not passed by 2005-01-01 → agent", () => {
    expect(prov({ valuesByYear: { "2003": "3000000.00" }, asOf: "2005-01-01" })).toEqual({ status: "fallback", role: "agent", from: "2004-01-01", deadline: "2005-01-01" });
    expect(prov({ valuesByYear: { "2003": "3000000.00" }, asOf: "2004-12-31" }).status).toBe("provisional");
  });

  it("H003-QUALIFY-PROVISIONAL: passing a later exam by the deadline lifts the provisional status", () => {
    expect(prov({ valuesByYear: { "2003": "3000000" }, passedOn: "2005-01-01", asOf: "2005-03-01" })).toMatchObject({ status: "passedInTime", provisional: false });
    expect(prov({ valuesByYear: { "2003": "3000000" }, passedOn: "2005-01-02", asOf: "2005-03-01" }).status).toBe("fallback");
  });

  it.each([
    ["at 300万 → provisional", "3000000", "provisional"],
    ["just above 300万 → provisional", "3000000.01", "provisional"],
    ["just below 300万 → not qualified", "2999999.99", "notQualified"],
  ])("H003-QUALIFY-PROVISIONAL boundary: %s", (_name, v, status) => {
    expect(prov({ valuesByYear: { "2003": v } }).status).toBe(status);
  });

  it("H003-QUALIFY-PROVISIONAL: someone who passed the exam is not provisional", () => {
    expect(value("H003-QUALIFY-PROVISIONAL", { examPassed: true })).toEqual({ status: "passed" });
  });

  it("H003-QUALIFY-PROVISIONAL: an appointment date starts the one-year term", () => {
    expect(prov({ valuesByYear: { "2003": "5000000" }, appointmentDate: "2004-03-15" })).toMatchObject({ from: "2004-03-15", deadline: "2005-03-15" });
  });

  it("H003-QUALIFY-PROVISIONAL h003.provisional.referenceYear = 2024: the 2024 deposits decide, the term starts 2025-01-01", () => {
    const s = { "h003.provisional.referenceYear": 2024 };
    expect(prov({ valuesByYear: { "2003": "9000000", "2024": "2000000" } }, s).status).toBe("notQualified");
    expect(prov({ valuesByYear: { "2003": "1000000", "2024": "3500000" } }, s)).toMatchObject({ status: "provisional", from: "2025-01-01", deadline: "2026-01-01" });
  });

  it("H003-QUALIFY-PROVISIONAL: the reference year's deposits missing → #VALUE! naming the year and the setting", () => {
    const out = run("H003-QUALIFY-PROVISIONAL", byYear({ examPassed: false, valuesByYear: { "2004": "5000000" } }));
    expect(isUnavailable(out) && out.code).toBe("value");
    expect(isUnavailable(out) && out.en).toBe("valuesByYear.2003: cumulative daily-average deposits for reference year 2003 is missing (h003.provisional.referenceYear)");
  });

  it("H003-QUALIFY-PROVISIONAL with h003.boundary.yishangYixia = exclusive: exactly 300万 is no longer 300万以上", () => {
    expect(prov({ valuesByYear: { "2003": "3000000" } }, { "h003.boundary.yishangYixia": "exclusive" }).status).toBe("notQualified");
  });

  it("H003-QUALIFY-PROVISIONAL explains in Chinese first", () => {
    const out = run("H003-QUALIFY-PROVISIONAL", byYear({ examPassed: false, valuesByYear: { "2003": "3000000" } }));
    if (isUnavailable(out)) throw new Error(out.en);
    expect(out.reasons[0].zh).toBe("考试未及格,但 2003 年累计日均存款 ¥3,000,000.00 ≥ ¥3,000,000.00 → 自 2004-01-01 起暂定为初级客户经理,须于 2005-01-01 前考试合格");
  });
});
