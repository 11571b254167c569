import { loadPreset } from "../../../src/engine/rulebooks";
import { ruleRunner } from "../../helpers/tools";

const R = "H003-AGENT-SENIORITY";

const { outcome, value, failure } = ruleRunner(loadPreset("h003-city-bank"), R);

describe(`${R}: service counts from the promotion to CM, not from the agent hire`, () => {
  it("reproduces the rule file: agent 2024-03-01, promoted 2025-01-01, terminated 2026-07-01 → 1.5 years (not 2.33)", () => {
    const r = outcome({ agentHireDate: "2024-03-01", promotionDate: "2025-01-01", endDate: "2026-07-01" });
    const v = r.value as { months: string; days: string; years: string };
    expect([Number(v.months), Number(v.days), v.years]).toEqual([18, 0, "1.5"]);
    expect(r.reasons).toEqual([
      { rule: R, zh: "自晋升客户经理之日 2025-01-01 至 2026-07-01 计算工龄:18 个月(1.5 年)", en: "service from the promotion to CM 2025-01-01 to 2026-07-01: 18 months (1.5 years)" },
      { rule: R, zh: "任业务代办员之日 2024-03-01 起的工龄不计,若计则为 28 个月(2.33… 年)", en: "service since the hire as agent 2024-03-01 is not counted; it would be 28 months (2.33… years)" },
    ]);
  });

  it.each([
    ["2026-06-30", 17, 29], // a day before the 18th month is complete
    ["2026-07-01", 18, 0],
    ["2026-07-02", 18, 1],
    ["2025-01-01", 0, 0],
  ])("promoted 2025-01-01, ends %s → %s months %s days", (endDate, months, days) => {
    const v = value({ promotionDate: "2025-01-01", endDate });
    expect([Number(v.months), Number(v.days)]).toEqual([months, days]);
  });

  it("clamps month ends: promoted 2025-01-31, ends 2025-02-28 → 1 month", () => {
    const v = value({ promotionDate: "2025-01-31", endDate: "2025-02-28" });
    expect([Number(v.months), Number(v.days)]).toEqual([1, 0]);
  });

  it("requires the promotion date, an end after it, and a hire before it", () => {
    expect(failure({ agentHireDate: "2024-03-01", endDate: "2026-07-01" }).code).toBe("value");
    expect(failure({ promotionDate: "2025-01-01", endDate: "2024-12-31" }).code).toBe("value");
    expect(failure({ promotionDate: "2025-01-01", agentHireDate: "2025-02-01", endDate: "2026-07-01" }).code).toBe("value");
  });
});
