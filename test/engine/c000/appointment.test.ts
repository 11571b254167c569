/**
 * Appointment rules of the credit cooperative as tool rules: C000-CM-LEVELS-5 (with c000.levels.highest),
 * C000-CM-QUALIFY and C000-APPOINT-TERM.
 */
import { isUnavailable } from "../../../src/engine/outcome";
import { loadPreset } from "../../../src/engine/rulebooks";
import { toolRunner } from "../../helpers/tools";

const book = loadPreset("c000-credit-coop");
const { run, valueWithReasons: value } = toolRunner(book);

describe("C000-CM-LEVELS-5", () => {
  it("C000-CM-LEVELS-5: the rule file's example — a level-2 appointment without a coop recommendation → warning", () => {
    const v = value("C000-CM-LEVELS-5", { level: 2, appointment: { unionApproves: true, directorAppoints: true } });
    expect(v.findings).toEqual([
      { severity: "warning", rule: "C000-CM-LEVELS-5", message: { zh: "2 级客户经理的聘任记录缺少“基社推荐”", en: 'the level-2 appointment record lacks "recommended by the coop"' } },
    ]);
  });

  it.each([
    [1, ["recommendedByCoop", "unionApproves", "directorAppoints"], false],
    [2, ["recommendedByCoop", "unionApproves", "directorAppoints"], false],
    [3, ["unionApproves", "directorAppoints"], true],
    [5, ["unionApproves", "directorAppoints"], true],
  ])("C000-CM-LEVELS-5: level %i → route %j, the director may dismiss: %s", (level, route, dismiss) => {
    expect(value("C000-CM-LEVELS-5", { level })).toMatchObject({ valid: true, grade: `level${level}`, route, directorMayDismiss: dismiss, findings: [] });
  });

  it("C000-CM-LEVELS-5: a level-3 appointment with union approval and the director's appointment is complete", () => {
    expect(value("C000-CM-LEVELS-5", { level: 3, appointment: { unionApproves: true, directorAppoints: true } }).findings).toEqual([]);
  });

  it.each([0, 6])("C000-CM-LEVELS-5: level %i is not a level → error", (level) => {
    const v = value("C000-CM-LEVELS-5", { level });
    expect(v.valid).toBe(false);
    expect(v.findings[0]).toMatchObject({ severity: "error", message: { en: `CM level ${level} is not valid (1, 2, 3, 4, 5)` } });
  });

  it.each([
    [1, 1, null],
    [3, 3, 2],
    [5, 5, 4],
  ])("C000-CM-LEVELS-5: c000.levels.highest = 1 (default) — level %i has rank %i, next level up %s", (level, rank, next) => {
    expect(value("C000-CM-LEVELS-5", { level })).toMatchObject({ rank, nextHigher: next });
  });

  it.each([
    [1, 5, 2],
    [3, 3, 4],
    [5, 1, null],
  ])("C000-CM-LEVELS-5: c000.levels.highest = 5 — level %i has rank %i, next level up %s", (level, rank, next) => {
    const v = value("C000-CM-LEVELS-5", { level }, { "c000.levels.highest": "5" });
    expect(v).toMatchObject({ rank, nextHigher: next });
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
    expect(v.findings).toEqual([
      {
        severity: "error",
        rule: "C000-CM-QUALIFY",
        message: { zh: "具有贷款第一责任人资格:否 — 不具备客户经理任职条件", en: "holds loan first-responsible-person status: no — does not meet the CM prerequisites" },
      },
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
    expect(isUnavailable(out) && [out.code, out.en]).toEqual(["value", "majorBadLoanRecord is missing (has a record of major-liability or seriously irregular loans, true or false)"]);
  });
});

describe("C000-APPOINT-TERM", () => {
  const letter = { responsibilityLetter: true };
  it.each([
    ["2024-12-30 (a day short of a year)", "2024-12-30", 0],
    ["2024-12-31 (the rule file's example: one year)", "2024-12-31", 0],
    ["2025-01-01 (a day over)", "2025-01-01", 1],
    ["2025-01-31 (the rule file's example)", "2025-01-31", 1],
  ])("C000-APPOINT-TERM: term from 2024-01-01 to %s → %i warning(s)", (_l, termEnd, n) => {
    const v = value("C000-APPOINT-TERM", { termStart: "2024-01-01", termEnd, ...letter });
    expect(v.latestEnd).toBe("2024-12-31");
    expect(v.findings).toHaveLength(n);
    if (n) expect(v.findings[0].severity).toBe("warning");
  });

  it("C000-APPOINT-TERM: a term starting on the 31st ends at most the day before EDATE (2024-01-31 → 2025-01-30)", () => {
    expect(value("C000-APPOINT-TERM", { termStart: "2024-01-31", termEnd: "2025-01-30", ...letter }).findings).toEqual([]);
  });

  it.each([
    [{ renewal: true, evaluationPassed: true }, []],
    [{ renewal: true, evaluationPassed: false }, ["error: renewal requires a passed evaluation"]],
    [{ renewal: true }, ["error: renewal requires a passed evaluation"]],
  ])("C000-APPOINT-TERM: renewal %j → %j", (facts, found) => {
    const v = value("C000-APPOINT-TERM", { termStart: "2024-01-01", termEnd: "2024-12-31", ...letter, ...facts });
    expect(v.findings.map((f: any) => `${f.severity}: ${f.message.en}`)).toEqual(found);
  });

  it("C000-APPOINT-TERM: no target-responsibility letter on file → warning", () => {
    const v = value("C000-APPOINT-TERM", { termStart: "2024-01-01", termEnd: "2024-12-31" });
    expect(v.findings.map((f: any) => `${f.severity}: ${f.message.en}`)).toEqual(["warning: no target-responsibility letter on file"]);
  });

  it("C000-APPOINT-TERM: an end before the start is an input error", () => {
    const out = run("C000-APPOINT-TERM", { termStart: "2024-06-01", termEnd: "2024-05-31" });
    expect(isUnavailable(out) && out.code).toBe("value");
  });
});
