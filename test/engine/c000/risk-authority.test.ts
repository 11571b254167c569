/**
 * C000-RISKDEP-ROLE, C000-RISKDEP-PLEDGE, C000-AUTH-LIMITS and C000-REPORT-CADENCE as tool rules, with every
 * c000.riskDeposit.* setting, c000.generalMarketer.as and c000.authority.cumulativeIncludesNew. An answer carries its
 * severity ("error", "warning" or "") and the rulebook's words, each line citing its rule.
 */
import { isUnavailable } from "../../../src/engine/outcome";
import { loadPreset } from "../../../src/engine/rulebooks";
import { toolRunner } from "../../helpers/tools";

const book = loadPreset("c000-credit-coop");
const { run, valueWithReasons: value } = toolRunner(book);
const required = (role: string, s: Record<string, unknown> = {}) => value("C000-RISKDEP-ROLE", { role }, s).required;
const na = (role: string, s: Record<string, unknown> = {}) => {
  const out = run("C000-RISKDEP-ROLE", { role }, s);
  if (!isUnavailable(out)) throw new Error(`expected #N/A, got ${JSON.stringify(out.value)}`);
  return out;
};

describe("C000-RISKDEP-ROLE", () => {
  it.each([
    ["cm", "15000.00"],
    ["counter", "15000.00"],
  ])("C000-RISKDEP-ROLE: the rule file's example — %s → %s", (role, amount) => {
    expect(required(role)).toBe(amount);
  });

  it("C000-RISKDEP-ROLE: counter staff pay by the CM standard (the explanation says so)", () => {
    expect(value("C000-RISKDEP-ROLE", { role: "counter" }).reasons[0].zh).toBe("一线临柜人员交纳风险抵押金按客户经理交纳标准 ¥15,000.00");
  });

  it("C000-RISKDEP-ROLE: the rule file's example — director → #N/A naming c000.riskDeposit.directorYuan (default c000.riskDeposit.garbled = unset)", () => {
    const u = na("director");
    expect([u.code, u.en]).toEqual(["na", 'risk deposit for CM department director (coop director) is garbled in seed 000 ("0 元"); set c000.riskDeposit.directorYuan']);
  });

  it("C000-RISKDEP-ROLE: the rule file's example — specialist → #N/A naming c000.riskDeposit.specialistYuan", () => {
    expect(na("specialist").en).toBe('risk deposit for specialist marketer is garbled in seed 000 ("1 元"); set c000.riskDeposit.specialistYuan');
  });

  it("C000-RISKDEP-ROLE: c000.riskDeposit.garbled = literal — director 0.00, specialist 1.00, as the seed literally reads", () => {
    const s = { "c000.riskDeposit.garbled": "literal" };
    expect(required("director", s)).toBe("0.00");
    expect(required("specialist", s)).toBe("1.00");
    expect(value("C000-RISKDEP-ROLE", { role: "director" }, s).reasons[0].zh).toBe("客户经理部主任(信用社主任)交纳风险抵押金按原文字面(设置 c000.riskDeposit.garbled = literal) ¥0.00");
  });

  it("C000-RISKDEP-ROLE: c000.riskDeposit.directorYuan and c000.riskDeposit.specialistYuan set explicit amounts (they win over literal)", () => {
    const s = { "c000.riskDeposit.directorYuan": "30000", "c000.riskDeposit.specialistYuan": "1万", "c000.riskDeposit.garbled": "literal" };
    expect(required("director", s)).toBe("30000.00");
    expect(required("specialist", s)).toBe("10000.00");
  });

  it("C000-RISKDEP-ROLE: c000.riskDeposit.cmYuan changes the CM amount and, linked, the counter amount", () => {
    const s = { "c000.riskDeposit.cmYuan": "20000" };
    expect(required("cm", s)).toBe("20000.00");
    expect(required("counter", s)).toBe("20000.00");
  });

  it("C000-RISKDEP-ROLE: c000.riskDeposit.counterYuan sets the counter amount apart from the CM's", () => {
    const s = { "c000.riskDeposit.counterYuan": "12000" };
    expect(required("counter", s)).toBe("12000.00");
    expect(required("cm", s)).toBe("15000.00");
  });

  it.each(["deputyDirector", "internalDirector", "generalMarketer", "creditStation"])("C000-RISKDEP-ROLE: %s is not listed in the seed → #N/A", (role) => {
    expect(na(role).zh).toContain("原文(seed 000)未规定");
  });

  it("C000-RISKDEP-ROLE: c000.generalMarketer.as = specialist — a demoted CM pays the specialist amount (#N/A until set)", () => {
    expect(na("generalMarketer", { "c000.generalMarketer.as": "specialist" }).en).toContain("set c000.riskDeposit.specialistYuan");
    expect(required("generalMarketer", { "c000.generalMarketer.as": "specialist", "c000.riskDeposit.specialistYuan": "5000" })).toBe("5000.00");
  });
});

describe("C000-RISKDEP-PLEDGE", () => {
  it.each([
    ["8000", "8000.00", "7000.00"],
    ["20000", "15000.00", "0.00"],
    ["15000", "15000.00", "0.00"],
    ["0", "0.00", "15000.00"],
  ])("C000-RISKDEP-PLEDGE: the rule file's example — CM with share capital %s → pledged %s, cash %s (partial)", (shareCapital, pledged, cashDue) => {
    expect(value("C000-RISKDEP-PLEDGE", { role: "cm", shareCapital })).toMatchObject({ required: "15000.00", pledged, cashDue });
  });

  it.each([
    ["8000", "0.00", "15000.00"],
    ["14999.99", "0.00", "15000.00"],
    ["15000", "15000.00", "0.00"],
  ])("C000-RISKDEP-PLEDGE: c000.riskDeposit.pledge = allOrNothing — share capital %s → pledged %s, cash %s", (shareCapital, pledged, cashDue) => {
    expect(value("C000-RISKDEP-PLEDGE", { role: "cm", shareCapital }, { "c000.riskDeposit.pledge": "allOrNothing" })).toMatchObject({ pledged, cashDue });
  });

  it("C000-RISKDEP-PLEDGE: c000.riskDeposit.pledge = none — no pledging", () => {
    expect(value("C000-RISKDEP-PLEDGE", { role: "cm", shareCapital: "20000" }, { "c000.riskDeposit.pledge": "none" })).toMatchObject({ pledged: "0.00", cashDue: "15000.00" });
  });

  it("C000-RISKDEP-PLEDGE: a required amount may be given directly; a role without an amount is #N/A", () => {
    expect(value("C000-RISKDEP-PLEDGE", { required: "9000", shareCapital: "4000" })).toMatchObject({ required: "9000.00", pledged: "4000.00", cashDue: "5000.00" });
    const out = run("C000-RISKDEP-PLEDGE", { role: "director", shareCapital: "4000" });
    expect(isUnavailable(out) && out.code).toBe("na");
  });

  it("C000-RISKDEP-PLEDGE: the explanation shows all three amounts", () => {
    expect(value("C000-RISKDEP-PLEDGE", { role: "cm", shareCapital: "8000" }).reasons[1].zh).toBe(
      "应交 ¥15,000.00,入社股金 ¥8,000.00(入社股金可抵押部分金额(设置 c000.riskDeposit.pledge = partial))→ 股金抵押 ¥8,000.00,应交现金 ¥7,000.00",
    );
  });
});

describe("C000-AUTH-LIMITS", () => {
  const decide = (role: string, loanAmount: string, householdOutstanding: string, s: Record<string, unknown> = {}, trustCard = true) =>
    value("C000-AUTH-LIMITS", { role, loanAmount, householdOutstanding, trustCard }, s).decision;

  it.each([
    ["CM, loan 3000, outstanding 7000 (total 10 000)", "cm", "3000", "7000", "direct"],
    ["CM, loan 3000.01", "cm", "3000.01", "0", "committee"],
    ["CM, loan 2000, outstanding 8500 (total 10 500)", "cm", "2000", "8500", "committee"],
    ["director, loan 10 000, outstanding 40 000", "director", "10000", "40000", "direct"],
  ])("C000-AUTH-LIMITS: the rule file's example — %s → %s", (_l, role, loan, out, decision) => {
    expect(decide(role, loan, out)).toBe(decision);
  });

  it.each([
    ["CM household 9999.99 after the loan", "cm", "2999.99", "7000", "direct"],
    ["CM household 10 000.01 after the loan", "cm", "3000", "7000.01", "committee"],
    ["director loan 10 000.01", "director", "10000.01", "0", "committee"],
    ["director household 50 000 after the loan", "director", "10000", "40000", "direct"],
    ["director household 50 000.01 after the loan", "director", "10000", "40000.01", "committee"],
  ])("C000-AUTH-LIMITS: boundary — %s → %s", (_l, role, loan, out, decision) => {
    expect(decide(role, loan, out)).toBe(decision);
  });

  it("C000-AUTH-LIMITS: c000.authority.cumulativeIncludesNew = false — outstanding 8500 ≤ 10 000 before the loan → direct", () => {
    const s = { "c000.authority.cumulativeIncludesNew": false };
    expect(decide("cm", "2000", "8500", s)).toBe("direct");
    expect(decide("cm", "2000", "10000.01", s)).toBe("committee");
  });

  it("C000-AUTH-LIMITS: the explanation shows both limits", () => {
    expect(value("C000-AUTH-LIMITS", { role: "cm", loanAmount: "2000", householdOutstanding: "8500", trustCard: true }).reasons[0].zh).toBe(
      "客户经理:单笔 ¥2,000.00 ≤ ¥3,000.00;单户累欠 ¥8,500.00 + ¥2,000.00 = ¥10,500.00 > ¥10,000.00(设置 c000.authority.cumulativeIncludesNew = true)→ 超过授信额度,须经信贷审批小组研究决定",
    );
  });

  it("C000-AUTH-LIMITS / C000-SPECIALIST: a specialist has no authority → notAllowed with an error", () => {
    const v = value("C000-AUTH-LIMITS", { role: "specialist", loanAmount: "2000", householdOutstanding: "0" });
    expect(v.decision).toBe("notAllowed");
    expect(v.severity).toBe("error");
    expect(v.reasons[0]).toMatchObject({ rule: "C000-SPECIALIST", zh: "专项业务营销员不能办理贷款业务" });
  });

  it.each(["counter", "deputyDirector", "generalMarketer"])("C000-AUTH-LIMITS: %s has no authority → committee", (role) => {
    expect(decide(role, "100", "0")).toBe("committee");
  });

  it("C000-AUTH-LIMITS: a direct loan without the farmer's trust card → warning", () => {
    const v = value("C000-AUTH-LIMITS", { role: "cm", loanAmount: "1000", householdOutstanding: "0" });
    expect(v.decision).toBe("direct");
    expect(v.severity).toBe("warning");
    expect(v.reasons.slice(1)).toEqual([{ rule: "C000-AUTH-LIMITS", zh: "直接发放须凭农户守信卡", en: "direct issuance is based on the farmer's trust card" }]);
  });

  it("C000-AUTH-LIMITS: a loan of 0 is an input error", () => {
    const out = run("C000-AUTH-LIMITS", { role: "cm", loanAmount: "0", householdOutstanding: "0" });
    expect(isUnavailable(out) && out.code).toBe("value");
  });
});

describe("C000-REPORT-CADENCE", () => {
  it("C000-REPORT-CADENCE: the rule file's example — 2024-02-25 is in the third 旬 of February (21–29)", () => {
    const v = value("C000-REPORT-CADENCE", { date: "2024-02-25" });
    expect(v.month).toBe("2024-02");
    expect(v).toMatchObject({ xun: "3", xunLabel: "下旬", xunFirst: "2024-02-21", xunLast: "2024-02-29" });
    expect(v).toMatchObject({ weekFirst: "2024-02-19", weekLast: "2024-02-25" });
  });

  it.each([
    ["2024-03-01", "1", "2024-03-01", "2024-03-10"],
    ["2024-03-10", "1", "2024-03-01", "2024-03-10"],
    ["2024-03-11", "2", "2024-03-11", "2024-03-20"],
    ["2024-03-20", "2", "2024-03-11", "2024-03-20"],
    ["2024-03-21", "3", "2024-03-21", "2024-03-31"],
    ["2023-02-28", "3", "2023-02-21", "2023-02-28"],
  ])("C000-REPORT-CADENCE: %s → 旬 %s (%s to %s)", (date, xun, xunFirst, xunLast) => {
    expect(value("C000-REPORT-CADENCE", { date })).toMatchObject({ xun, xunFirst, xunLast });
  });
});
