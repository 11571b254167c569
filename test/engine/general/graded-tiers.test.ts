import { gradeIndexedSettings, gradeMonotonicityWarnings } from "../../../src/engine/gradeOrder";
import { loadPreset } from "../../../src/engine/rulebooks";
import { Settings } from "../../../src/engine/settings";
import { dec } from "../../../src/engine/decimal";
import { failure, outcome, value, G } from "./run";

const R = "G004-GRADED-TIERS";
const GRADES = ["senior", "intermediate", "junior"];

/** The tool's rows (parameter, grade, value, higherGrade) from parameters written per grade. */
function rows(parameters: Record<string, { values: Record<string, string>; higherGrade?: string }>) {
  return Object.entries(parameters).flatMap(([parameter, p]) =>
    Object.entries(p.values).map(([grade, value]) => ({ parameter, grade, value, ...(p.higherGrade ? { higherGrade: p.higherGrade } : {}) })),
  );
}

describe(`${R}: grade-indexed parameters are monotone in the grade order`, () => {
  it("H003: caps 20 000 > 10 000 > 5 000 and authority 500 > 300 > 100万 → monotone, valid", () => {
    const r = outcome(G, R, {
      grades: GRADES,
      parameters: rows({
        riskDepositCap: { values: { senior: "20000", intermediate: "10000", junior: "5000" } },
        loanAuthority: { values: { senior: "500万", intermediate: "300万", junior: "100万" } },
      }),
    });
    expect(r.value).toMatchObject({ monotone: true, warnings: [] });
    expect(r.reasons).toEqual([{ rule: R, zh: "按等级 senior > intermediate > junior 各参数单调,有效", en: "parameters are monotone in the grade order senior > intermediate > junior: valid" }]);
  });

  it("a junior cap above the senior cap gets a warning naming both grades", () => {
    const r = outcome(G, R, { grades: ["senior", "junior"], parameters: rows({ riskDepositCap: { values: { senior: "5000", junior: "20000" } } }) });
    expect((r.value as { monotone: boolean }).monotone).toBe(false);
    expect(r.reasons[0].zh).toBe("警告:riskDepositCap 不随等级单调,junior 的 20000 与 senior 的 5000 顺序颠倒");
  });

  it.each([
    ["10000", "10000", true], // equal neighbours are monotone
    ["10000", "10000.01", false], // just above the higher grade
    ["10000", "9999.99", true],
  ])("senior %s vs intermediate %s → monotone %s", (senior, intermediate, ok) => {
    expect(value(G, R, { grades: GRADES, parameters: rows({ cap: { values: { senior, intermediate } } }) }).monotone).toBe(ok);
  });

  it("a parameter meant to fall with the grade (higherGrade = notHigher) is checked the other way", () => {
    const values = { senior: "0.01", intermediate: "0.03", junior: "0.05" };
    expect(value(G, R, { grades: GRADES, parameters: rows({ tolerance: { values, higherGrade: "notHigher" } }) }).monotone).toBe(true);
    expect(value(G, R, { grades: GRADES, parameters: rows({ tolerance: { values } }) }).monotone).toBe(false);
  });

  it("an unknown grade or a rulebook without grades is #VALUE!", () => {
    expect(failure(G, R, { grades: GRADES, parameters: rows({ cap: { values: { principal: "1" } } }) }).en).toBe("cap: unknown grade principal");
    expect(failure(G, R, { parameters: [] }).en).toBe("at least two grades are needed (highest first)");
  });

  it("checks a loaded rulebook's own per-grade settings (h003.riskDeposit.caps)", () => {
    const h = loadPreset("h003-city-bank");
    const ok = gradeIndexedSettings(h, Settings.resolve(h.doc).settings);
    expect(Object.keys(ok)).toContain("h003.riskDeposit.caps");
    expect(gradeMonotonicityWarnings(h.gradeIds, ok)).toEqual([]);
    const bad = gradeIndexedSettings(h, Settings.resolve(h.doc, { "h003.riskDeposit.caps": { senior: "20000", intermediate: "10000", junior: "30000" } }).settings);
    const w = gradeMonotonicityWarnings(h.gradeIds, bad);
    expect(w.map((x: { parameter: string; higher: string; lower: string }) => [x.parameter, x.higher, x.lower])).toEqual([["h003.riskDeposit.caps", "intermediate", "junior"]]);
    expect(w[0].lowerValue.eq(dec("30000"))).toBe(true);
  });
});
