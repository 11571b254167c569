/**
 * H003-WORK-VISITS (a validator tool returning findings) and H003-OPT-MKT-SUCCESS-RATE (present but off by default,
 * opted into by rulebook data: the rulebook's function 营销成功率启用).
 */
import { isUnavailable } from "../../../src/engine/outcome";
import { compileRulebook, type CompiledRulebook } from "../../../src/engine/rulebook/compile";
import { loadPreset, presetDocument } from "../../../src/engine/rulebooks";
import { toolRunner } from "../../helpers/tools";

const book = loadPreset("h003-city-bank");

const { run, value } = toolRunner(book);

// The 21 working days of March 2025 (Mondays to Fridays, 3rd to 31st).
const MARCH_2025 = [3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 24, 25, 26, 27, 28, 31].map((d) => `2025-03-${String(d).padStart(2, "0")}`);

describe("H003-WORK-VISITS", () => {
  it("H003-WORK-VISITS: the example — 21 working days with 19 having ≥ 1 visit → 2 information findings", () => {
    const counts = [1, 2, 0, 1, 3, 1, 1, 2, 1, 1, 0, 1, 2, 1, 1, 1, 2, 1, 1, 1, 1];
    const out = run("H003-WORK-VISITS", { workdays: MARCH_2025.map((date, i) => ({ date, count: counts[i] })) });
    if (isUnavailable(out)) throw new Error(out.en);
    const findings = (out.value as any).findings;
    expect(findings).toHaveLength(2);
    expect(findings.map((f: any) => [f.severity, f.ref])).toEqual([["info", "2025-03-05"], ["info", "2025-03-17"]]);
    expect(findings[0].zh).toBe("2025-03-05:走访客户户数 0,少于每个工作日 1");
    expect(out.reasons[0].zh).toBe("21 个工作日中 19 个走访客户户数 ≥ 1(h003.visits.minPerWorkday)");
  });

  it.each([
    ["0 visits (just below 1) → finding", 0, 1],
    ["1 visit (at the minimum) → no finding", 1, 0],
    ["2 visits (just above) → no finding", 2, 0],
    ["5 visits: 2 is a norm, not a cap → no finding", 5, 0],
  ])("H003-WORK-VISITS boundary: %s", (_name, count, n) => {
    expect(value("H003-WORK-VISITS", { workdays: [{ date: "2025-03-03", count }] }).findings).toHaveLength(n);
  });

  it("H003-WORK-VISITS h003.visits.minPerWorkday = 2: a day with 1 visit is now a finding, 2 is not", () => {
    const v = value("H003-WORK-VISITS", { workdays: [{ date: "2025-03-03", count: 1 }, { date: "2025-03-04", count: 2 }] }, { "h003.visits.minPerWorkday": 2 });
    expect(v.findings.map((f: any) => f.ref)).toEqual(["2025-03-03"]);
    expect(v.findings[0].en).toBe("2025-03-03: client visits 1, below 2 per working day");
  });

  it("H003-WORK-VISITS: weekly summaries, when tracked, are due every week (Monday–Sunday) that has working days", () => {
    const workdays = MARCH_2025.slice(0, 10).map((date) => ({ date, count: 1 })); // weeks of 3 and 10 March
    const v = value("H003-WORK-VISITS", { workdays, weeklySummaries: [{ date: "2025-03-09" }] });
    // A summary on Sunday the 9th counts for the week of Monday the 3rd; the week of the 10th has none.
    expect(v.weeklyFindings.map((f: any) => [f.severity, f.ref, f.en])).toEqual([["info", "2025-03-10", "week of 2025-03-10: weekly summary 0, below 1"]]);
    expect(v.findings).toEqual([]);
  });

  it("H003-WORK-VISITS: monthly reports, when tracked, are due every month with working days", () => {
    const workdays = [{ date: "2025-03-31", count: 1 }, { date: "2025-04-01", count: 1 }];
    const v = value("H003-WORK-VISITS", { workdays, monthlyReports: [{ date: "2025-03-31" }] });
    expect(v.monthlyFindings.map((f: any) => f.ref)).toEqual(["2025-04"]);
    expect(v.monthlyFindings[0].en).toBe("month 2025-04: monthly report 0, below 1");
  });

  it("H003-WORK-VISITS: weekly and monthly records not tracked → not checked", () => {
    const v = value("H003-WORK-VISITS", { workdays: [{ date: "2025-03-03", count: 1 }] });
    expect(v.findings).toEqual([]);
    expect(v).not.toHaveProperty("weeklyFindings");
    expect(v).not.toHaveProperty("monthlyFindings");
  });

  it.each([
    ["a date listed twice", { workdays: [{ date: "2025-03-03", count: 1 }, { date: "2025-03-03", count: 0 }] }, "workdays: 2025-03-03 is listed twice"],
    ["a negative count", { workdays: [{ date: "2025-03-03", count: -1 }] }, "workdays[0].count: -1 must not be negative"],
    ["a count that is not whole", { workdays: [{ date: "2025-03-03", count: 1.5 }] }, "workdays: the count on 2025-03-03 must be a whole number"],
    ["a bad date", { workdays: [{ date: "2025-02-30", count: 1 }] }, 'workdays[0].date: "2025-02-30" is not a date (YYYY-MM-DD)'],
  ])("H003-WORK-VISITS bad input: %s → #VALUE!", (_name, input, en) => {
    const out = run("H003-WORK-VISITS", input);
    expect(isUnavailable(out) && out.code).toBe("value");
    expect(isUnavailable(out) && out.en).toBe(en);
  });
});

type Functions = Record<string, { formula: string }>;

/** The preset with H003-OPT-MKT-SUCCESS-RATE switched on, the way a user rulebook opts in: its function set to TRUE. */
function optedIn(): CompiledRulebook {
  const doc = presetDocument("h003-city-bank") as { functions: Functions };
  const functions = { ...doc.functions, 营销成功率启用: { ...doc.functions["营销成功率启用"], formula: "TRUE" } };
  const result = compileRulebook({ ...doc, functions });
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.book;
}

describe("H003-OPT-MKT-SUCCESS-RATE", () => {
  it("H003-OPT-MKT-SUCCESS-RATE is not in the default H003 rulebook's results: it is off and answers #N/A saying how to opt in", () => {
    const rule = book.byId.get("H003-OPT-MKT-SUCCESS-RATE")!;
    expect(rule.kind.stage).toBe("tool");
    expect((presetDocument("h003-city-bank") as { functions: Functions }).functions["营销成功率启用"].formula).toBe("FALSE");
    expect(Object.values(book.v2!.outputs).flat().some((r) => typeof r === "object" && r !== null && "id" in r && r.id === rule.id)).toBe(false);
    const out = run("H003-OPT-MKT-SUCCESS-RATE", { successes: 11, attempts: 20 });
    expect(isUnavailable(out) && out.code).toBe("na");
    expect(isUnavailable(out) && out.en).toContain("set the formula of function 营销成功率启用 to TRUE");
  });

  const opted = optedIn();

  it("H003-OPT-MKT-SUCCESS-RATE opted in: the example — 11 of 20 → 55 % → meets", () => {
    const out = run("H003-OPT-MKT-SUCCESS-RATE", { successes: 11, attempts: 20 }, {}, opted);
    if (isUnavailable(out)) throw new Error(out.en);
    expect(out.value).toEqual({ rate: "0.55", meets: true });
    expect(out.reasons[0].zh).toBe("营销成功率 11 / 20 = 55.00%,达到 ≥ 50.00%");
  });

  it("H003-OPT-MKT-SUCCESS-RATE opted in: the example — 9 of 20 → 45 % → does not meet", () => {
    expect(value("H003-OPT-MKT-SUCCESS-RATE", { successes: 9, attempts: 20 }, {}, opted)).toEqual({ rate: "0.45", meets: false });
  });

  it.each([
    ["at 50 % (10 of 20) → meets", 10, 20, true],
    ["just above (1 001 of 2 000 = 50.05 %) → meets", 1001, 2000, true],
    ["just below (999 of 2 000 = 49.95 %) → does not meet", 999, 2000, false],
  ])("H003-OPT-MKT-SUCCESS-RATE boundary: %s", (_name, successes, attempts, meets) => {
    expect(value("H003-OPT-MKT-SUCCESS-RATE", { successes, attempts }, {}, opted).meets).toBe(meets);
  });

  it("H003-OPT-MKT-SUCCESS-RATE with h003.boundary.yishangYixia = exclusive: exactly 50 % is not 50%以上", () => {
    expect(value("H003-OPT-MKT-SUCCESS-RATE", { successes: 10, attempts: 20 }, { "h003.boundary.yishangYixia": "exclusive" }, opted).meets).toBe(false);
  });

  it.each([
    ["more successes than attempts", { successes: 21, attempts: 20 }, "successes: successes must not exceed attempts"],
    ["no attempts", { successes: 0, attempts: 0 }, "attempts: attempts must be at least 1"],
  ])("H003-OPT-MKT-SUCCESS-RATE bad input: %s → #VALUE!", (_name, input, en) => {
    const out = run("H003-OPT-MKT-SUCCESS-RATE", input, {}, opted);
    expect(isUnavailable(out) && out.en).toBe(en);
  });
});

describe("H003 tool rules of this assignment", () => {
  it.each([
    ["H003-ROLE-GRADES", "convention"],
    ["H003-QUALIFY-GRADE", "tool"],
    ["H003-QUALIFY-PROVISIONAL", "tool"],
    ["H003-CLIENT-BAND", "tool"],
    ["H003-LOAN-AUTHORITY", "tool"],
    ["H003-AGENT-PROMOTION", "tool"],
    ["H003-AGENT-BASE-DEPOSIT", "tool"],
    ["H003-AGENT-NO-LOANS", "tool"],
    ["H003-WORK-VISITS", "tool"],
    ["H003-OPT-MKT-SUCCESS-RATE", "tool"],
  ])("%s is a %s rule that cites its seed lines", (id, stage) => {
    const rule = book.byId.get(id)!;
    expect(rule.kind.stage).toBe(stage);
    expect(rule.doc.cite.length).toBeGreaterThan(0);
    for (const c of rule.doc.cite) expect(c).toMatch(/^003_e1d2c136c4cf7124\.txt:\d+$/);
  });
});
