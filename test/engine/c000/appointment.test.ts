/**
 * Appointment rules of the credit cooperative as tool rules, each answer with its severity ("error", "warning" or ""
 * when nothing is wrong) and the rulebook's own words: C000-CM-LEVELS-5 (with c000.levels.highest), C000-CM-QUALIFY
 * and C000-APPOINT-TERM.
 */
import { isUnavailable } from "../../../src/engine/outcome";
import { loadPreset } from "../../../src/engine/rulebooks";
import { toolRunner } from "../../helpers/tools";

const book = loadPreset("c000-credit-coop");
const { run, valueWithReasons: value } = toolRunner(book);
const words = (v: { reasons: Array<{ rule: string; zh: string; en: string }> }) => v.reasons.map((r) => ({ rule: r.rule, zh: r.zh, en: r.en }));

describe("C000-CM-LEVELS-5", () => {
  it("C000-CM-LEVELS-5: the rule file's example — a level-2 appointment without a coop recommendation → warning", () => {
    const v = value("C000-CM-LEVELS-5", { level: 2, unionApproves: true, directorAppoints: true });
    expect(v.severity).toBe("warning");
    expect(words(v)[1]).toEqual({ rule: "C000-CM-LEVELS-5", zh: "2 级客户经理的聘任记录缺少「基社推荐」", en: 'the level-2 appointment record lacks "recommended by the coop"' });
  });

  it.each([
    [1, "recommendedByCoop → unionApproves → directorAppoints", false],
    [2, "recommendedByCoop → unionApproves → directorAppoints", false],
    [3, "unionApproves → directorAppoints", true],
    [5, "unionApproves → directorAppoints", true],
  ])("C000-CM-LEVELS-5: level %i → route %s, the director may dismiss: %s", (level, route, dismiss) => {
    expect(value("C000-CM-LEVELS-5", { level })).toMatchObject({ valid: true, grade: `level${level}`, route, directorMayDismiss: dismiss, severity: "" });
  });

  it("C000-CM-LEVELS-5: a level-3 appointment with union approval and the director's appointment is complete", () => {
    expect(value("C000-CM-LEVELS-5", { level: 3, unionApproves: true, directorAppoints: true }).severity).toBe("");
  });

  it.each([0, 6])("C000-CM-LEVELS-5: level %i is not a level → #VALUE!", (level) => {
    const out = run("C000-CM-LEVELS-5", { level });
    expect(isUnavailable(out) && [out.code, out.en]).toEqual(["value", `CM level ${level} is not valid (1, 2, 3, 4, 5)`]);
  });

  it.each([
    [1, "1", undefined],
    [3, "3", "2"],
    [5, "5", "4"],
  ])("C000-CM-LEVELS-5: c000.levels.highest = 1 (default) — level %i has rank %s, next level up %s", (level, rank, next) => {
    const v = value("C000-CM-LEVELS-5", { level });
    expect([v.rank, v.nextHigher]).toEqual([rank, next]);
  });

  it.each([
    [1, "5", "2"],
    [3, "3", "4"],
    [5, "1", undefined],
  ])("C000-CM-LEVELS-5: c000.levels.highest = 5 — level %i has rank %s, next level up %s", (level, rank, next) => {
    const v = value("C000-CM-LEVELS-5", { level }, { "c000.levels.highest": "5" });
    expect([v.rank, v.nextHigher]).toEqual([rank, next]);
    expect(v.reasons[0].en).toContain("(level 5 highest)");
  });

  it("C000-CM-LEVELS-5: the explanation names the route and the order", () => {
    expect(value("C000-CM-LEVELS-5", { level: 2 }).reasons[0].zh).toBe(
      "二级客户经理:聘任程序 基社推荐 → 联社审定 → 客户经理部主任聘任;主任只推荐人选;按级别排第 2 位(1 级最高),上一级为 1 级(设置 c000.levels.highest = 1)",
    );
  });
});

describe("C000-CM-QUALIFY", () => {
  it("C000-CM-QUALIFY: the rule file's example — without first-responsible-person status → error", () => {
    const v = value("C000-CM-QUALIFY", { firstResponsiblePerson: false, majorBadLoanRecord: false });
    expect(v.qualified).toBe(false);
    expect(v.severity).toBe("error");
    expect(words(v)).toEqual([
      { rule: "C000-CM-QUALIFY", zh: "具有贷款第一责任人资格:否 — 不具备客户经理任职条件", en: "holds loan first-responsible-person status: no — does not meet the CM prerequisites" },
    ]);
  });

  it.each([
    [true, false, true],
    [true, true, false],
    [false, true, false],
  ])("C000-CM-QUALIFY: firstResponsiblePerson %s, majorBadLoanRecord %s → qualified %s", (first, bad, ok) => {
    expect(value("C000-CM-QUALIFY", { firstResponsiblePerson: first, majorBadLoanRecord: bad }).qualified).toBe(ok);
  });

  it("C000-CM-QUALIFY: a missing fact is an input error (#VALUE!), never read as met", () => {
    const out = run("C000-CM-QUALIFY", { firstResponsiblePerson: true });
    expect(isUnavailable(out) && [out.code, out.en]).toEqual(["value", "majorBadLoanRecord: is missing"]);
  });
});

describe("C000-APPOINT-TERM", () => {
  const letter = { responsibilityLetter: true };
  it.each([
    ["2024-12-30 (a day short of a year)", "2024-12-30", true],
    ["2024-12-31 (the rule file's example: one year)", "2024-12-31", true],
    ["2025-01-01 (a day over)", "2025-01-01", false],
    ["2025-01-31 (the rule file's example)", "2025-01-31", false],
  ])("C000-APPOINT-TERM: term from 2024-01-01 to %s → within a year: %s (else a warning)", (_l, termEnd, ok) => {
    const v = value("C000-APPOINT-TERM", { termStart: "2024-01-01", termEnd, ...letter });
    expect(v.latestEnd).toBe("2024-12-31");
    expect([v.termOk, v.severity]).toEqual([ok, ok ? "" : "warning"]);
  });

  it("C000-APPOINT-TERM: a term starting on the 31st ends at most the day before EDATE (2024-01-31 → 2025-01-30)", () => {
    expect(value("C000-APPOINT-TERM", { termStart: "2024-01-31", termEnd: "2025-01-30", ...letter })).toMatchObject({ latestEnd: "2025-01-30", termOk: true, severity: "" });
  });

  it.each([
    [{ renewal: true, evaluationPassed: true }, ""],
    [{ renewal: true, evaluationPassed: false }, "error"],
    [{ renewal: true }, "error"],
  ])("C000-APPOINT-TERM: renewal %j → severity %j", (facts, severity) => {
    const v = value("C000-APPOINT-TERM", { termStart: "2024-01-01", termEnd: "2024-12-31", ...letter, ...facts });
    expect(v.severity).toBe(severity);
    expect(v.reasons.some((r: { en: string }) => r.en === "renewal requires a passed evaluation")).toBe(severity === "error");
  });

  it("C000-APPOINT-TERM: no target-responsibility letter on file → warning", () => {
    const v = value("C000-APPOINT-TERM", { termStart: "2024-01-01", termEnd: "2024-12-31" });
    expect([v.letterOk, v.severity]).toEqual([false, "warning"]);
    expect(v.reasons.map((r: { en: string }) => r.en)).toContain("no target-responsibility letter on file");
  });

  it("C000-APPOINT-TERM: an end before the start is an input error", () => {
    const out = run("C000-APPOINT-TERM", { termStart: "2024-06-01", termEnd: "2024-05-31" });
    expect(isUnavailable(out) && out.code).toBe("value");
  });
});
