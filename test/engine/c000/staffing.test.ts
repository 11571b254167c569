/**
 * Organisation rules of the credit cooperative as tool rules with explicit inputs, each answer with its severity
 * ("error", "warning" or "" when nothing is wrong) and the rulebook's own words: C000-ROLES, C000-SERVICE-STAFF-3,
 * C000-CM-SHARE-50 and C000-OUTLET-STAFF, with c000.generalMarketer.as, c000.boundary.yixia and
 * c000.outlet.increaseBasis. C000-SPECIALIST is a check on every monthly record (checkManager, as the validator runs it).
 */
import { checkManager, fieldVocabulary, resolveSettings } from "../../../src/engine/api";
import { parseAppraisalInput } from "../../../src/engine/input";
import { isUnavailable } from "../../../src/engine/outcome";
import { loadPreset } from "../../../src/engine/rulebooks";
import { toolRunner } from "../../helpers/tools";

const book = loadPreset("c000-credit-coop");
const { run, valueWithReasons: value } = toolRunner(book);
const staff = (roles: Record<string, number>) => Object.entries(roles).flatMap(([role, n]) => Array.from({ length: n }, (_, i) => ({ id: `${role}${i}`, role })));
const roles = (...ids: string[]) => ids.map((role) => ({ role }));
const words = (v: { reasons: Array<{ rule: string; zh: string; en: string }> }) => v.reasons.map((r) => ({ rule: r.rule, zh: r.zh, en: r.en }));

/** The C000 check findings for one person's June 2024 record. */
function checks(role: string, record: Record<string, unknown>) {
  const parsed = parseAppraisalInput({ period: "2024-06", managers: [{ id: "T1", role, history: [{ period: "2024-06", ...record }] }] }, fieldVocabulary(book));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
  const s = resolveSettings(book, {});
  if (!s.ok) throw new Error("settings");
  return checkManager(book, s.value, parsed.value.managers[0], "2024-06").filter((f) => f.rule === "C000-SPECIALIST");
}

describe("C000-ROLES", () => {
  it("C000-ROLES: the rule file's example — counter staff also listed as CM level 4 → error", () => {
    const v = value("C000-ROLES", { roles: roles("counter", "cm") });
    expect(v.role).toBeUndefined();
    expect(v.severity).toBe("error");
    expect(words(v)).toEqual([
      { rule: "C000-ROLES", zh: "同时为一线临柜人员、客户经理:竞聘为一线临柜人员者不能暂聘为客户经理", en: "both front-line counter staff, customer manager: staff who won a counter post may not be appointed CM" },
    ]);
  });

  it("C000-ROLES: roles director and cm → error: a person holds one role at a time", () => {
    const v = value("C000-ROLES", { roles: roles("director", "cm") });
    expect(v.severity).toBe("error");
    expect(v.reasons[0].en).toContain("a person holds one role at a time");
  });

  it("C000-ROLES: a role the rulebook does not have is an input error (#VALUE!) naming the rulebook's roles", () => {
    const out = run("C000-ROLES", { roles: roles("teller") });
    expect(isUnavailable(out) && out.code).toBe("value");
    expect(isUnavailable(out) && out.en).toContain('"teller" is not a role of this rulebook (director, deputyDirector, internalDirector, cm, counter, specialist, generalMarketer, creditStation)');
  });

  it("C000-ROLES / C000-SPECIALIST: a staff member with no other role becomes a specialist", () => {
    const v = value("C000-ROLES", { roles: [] });
    expect(v.role).toBe("specialist");
    expect(words(v)).toEqual([{ rule: "C000-SPECIALIST", zh: "未定岗 → 专项营销员(定岗后其余人员均转为专项营销员)", en: "no other role → specialist marketer (all staff left after positioning become specialists)" }]);
  });

  it("C000-ROLES: c000.generalMarketer.as = ownRole (default) — a general marketer is read as a general marketer", () => {
    expect(value("C000-ROLES", { roles: roles("generalMarketer") })).toMatchObject({ role: "generalMarketer", treatedAs: "generalMarketer", severity: "" });
  });

  it("C000-ROLES: c000.generalMarketer.as = specialist — a general marketer is read as a specialist", () => {
    const v = value("C000-ROLES", { roles: roles("generalMarketer") }, { "c000.generalMarketer.as": "specialist" });
    expect(v).toMatchObject({ role: "generalMarketer", treatedAs: "specialist" });
    expect(v.reasons[0].zh).toBe("岗位 一般营销员,在风险抵押金等规则中按专项营销员处理(设置 c000.generalMarketer.as = specialist)");
  });
});

describe("C000-SPECIALIST", () => {
  it("C000-SPECIALIST: the rule file's example — a specialist recorded as issuing a 2000 元 loan → error", () => {
    expect(checks("specialist", { loanAmount: "2000" }).map((f) => [f.severity, f.code, f.field, f.zh, f.en])).toEqual([
      ["error", "roleRowCheck", "loanAmount", "专项业务营销员不能办理贷款业务:发放贷款 ¥2,000.00", "specialist marketers may not handle loans: loan issued ¥2,000.00"],
    ]);
  });

  it.each([
    ["a specialist with no loan", "specialist", "0", 0],
    ["a CM with a loan (not checked)", "cm", "2000", 0],
  ])("C000-SPECIALIST: %s → no finding", (_l, role, loanAmount, n) => {
    expect(checks(role, { loanAmount })).toHaveLength(n);
  });
});

describe("C000-SERVICE-STAFF-3", () => {
  it("C000-SERVICE-STAFF-3: the rule file's example — two deputy directors → warning", () => {
    const v = value("C000-SERVICE-STAFF-3", { staff: staff({ director: 1, deputyDirector: 2, internalDirector: 1, cm: 4 }) });
    expect(v.ok).toBe(false);
    expect(v.severity).toBe("warning");
    expect(words(v)).toEqual([
      { rule: "C000-SERVICE-STAFF-3", zh: "综合服务人员应为主任、副主任、内部主任三人:副主任 2", en: "general service staff must be 3 (主任, 副主任, 内部主任): deputy director 2" },
    ]);
  });

  it.each([
    ["one each", { director: 1, deputyDirector: 1, internalDirector: 1 }, true],
    ["no internal director", { director: 1, deputyDirector: 1 }, false],
    ["two directors", { director: 2, deputyDirector: 1, internalDirector: 1 }, false],
  ])("C000-SERVICE-STAFF-3: %s → ok = %s", (_l, r, ok) => {
    expect(value("C000-SERVICE-STAFF-3", { staff: staff(r) }).ok).toBe(ok);
  });
});

describe("C000-CM-SHARE-50", () => {
  it.each([
    ["9 of 20 = 45 % (below)", 9, true],
    ["10 of 20 = 50 % (at)", 10, true],
    ["11 of 20 = 55 % (above)", 11, false],
  ])("C000-CM-SHARE-50: %s → ok = %s (c000.boundary.yixia = inclusive)", (_l, cms, ok) => {
    expect(value("C000-CM-SHARE-50", { roleCount: cms, staffTotal: 20 }).ok).toBe(ok);
  });

  it("C000-CM-SHARE-50: the rule file's example — 11 of 20 → error", () => {
    const v = value("C000-CM-SHARE-50", { roleCount: 11, staffTotal: 20 });
    expect(v.severity).toBe("error");
    expect(words(v)).toEqual([
      { rule: "C000-CM-SHARE-50", zh: "客户经理 11 人 ÷ 职工 20 人 = 55.00% > 50.00%:客户经理应占社职工人员的50%以下", en: "customer manager 11 / staff 20 = 55.00% > 50.00%: CMs must be 50 % or less of the coop's staff" },
    ]);
  });

  it("C000-CM-SHARE-50: c000.boundary.yixia = exclusive — exactly 10 of 20 is already an error; 9 is fine", () => {
    const s = { "c000.boundary.yixia": "exclusive" };
    expect(value("C000-CM-SHARE-50", { roleCount: 10, staffTotal: 20 }, s).ok).toBe(false);
    expect(value("C000-CM-SHARE-50", { roleCount: 9, staffTotal: 20 }, s).ok).toBe(true);
  });

  it("C000-CM-SHARE-50: counts role cm only (not the director, not general marketers) over every employee", () => {
    const v = value("C000-CM-SHARE-50", { staff: staff({ director: 1, generalMarketer: 3, cm: 5, counter: 1 }) });
    expect(v).toMatchObject({ ok: true, share: "0.5" });
  });

  it("C000-CM-SHARE-50: no staff → #VALUE!", () => {
    const out = run("C000-CM-SHARE-50", { roleCount: 0, staffTotal: 0 });
    expect(isUnavailable(out) && out.code).toBe("value");
  });
});

describe("C000-OUTLET-STAFF", () => {
  it.each([
    ["25 000 000", "25000000", "6"],
    ["9 999 999.99", "9999999.99", "4"],
    ["exactly 10 000 000", "10000000", "5"],
    ["a fall in deposits", "-3000000", "4"],
  ])("C000-OUTLET-STAFF: the rule file's example — increase %s → max %s", (_l, depositIncrease, max) => {
    expect(value("C000-OUTLET-STAFF", { outletStaff: 4, depositIncrease }).maxOutletStaff).toBe(max);
  });

  it.each([
    [5, true],
    [6, true],
    [7, false],
  ])("C000-OUTLET-STAFF: increase 25 000 000 (max 6), %i staff → ok = %s", (outletStaff, ok) => {
    expect(value("C000-OUTLET-STAFF", { outletStaff, depositIncrease: "25000000" }).outletOk).toBe(ok);
  });

  it("C000-OUTLET-STAFF: over the limit is an error with the figures", () => {
    const v = value("C000-OUTLET-STAFF", { outletStaff: 7, depositIncrease: "25000000" });
    expect(v.severity).toBe("error");
    expect(words(v)).toEqual([
      {
        rule: "C000-OUTLET-STAFF",
        zh: "储蓄网点定员 4 人,存款增加额 ¥25,000,000.00 满 2 个 ¥10,000,000.00,增加 2 人 → 定员 6 人;现有 7 人 > 6(设置 c000.outlet.increaseBasis = sinceStaffingBaseline):超编",
        en: "savings outlet staff 4, deposit increase ¥25,000,000.00 = 2 whole step(s) of ¥10,000,000.00, +2 → limit 6; 7 staff > 6 (setting c000.outlet.increaseBasis = sinceStaffingBaseline): over the limit",
      },
    ]);
  });

  it.each([
    [2, true],
    [3, true],
    [4, false],
  ])("C000-OUTLET-STAFF: settlement counter with %i staff → ok = %s (4 → warning)", (settlementStaff, ok) => {
    const v = value("C000-OUTLET-STAFF", { settlementStaff });
    expect(v.settlementOk).toBe(ok);
    if (!ok) expect(v.severity).toBe("warning");
  });

  it("C000-OUTLET-STAFF: c000.boundary.yixia = exclusive — 6 staff at a limit of 6 and 3 at the counter are over", () => {
    const s = { "c000.boundary.yixia": "exclusive" };
    expect(value("C000-OUTLET-STAFF", { outletStaff: 6, depositIncrease: "25000000", settlementStaff: 3 }, s)).toMatchObject({ outletOk: false, settlementOk: false });
    expect(value("C000-OUTLET-STAFF", { outletStaff: 5, depositIncrease: "25000000", settlementStaff: 2 }, s)).toMatchObject({ outletOk: true, settlementOk: true });
  });

  it("C000-OUTLET-STAFF: c000.outlet.increaseBasis = totalDeposits counts the outlet's whole balance", () => {
    const s = { "c000.outlet.increaseBasis": "totalDeposits" };
    expect(value("C000-OUTLET-STAFF", { outletStaff: 4, depositIncrease: "0", depositBalance: "35000000" }, s).maxOutletStaff).toBe("7");
    const out = run("C000-OUTLET-STAFF", { outletStaff: 4, depositIncrease: "25000000" }, s);
    expect(isUnavailable(out) && out.en).toBe("depositBalance is missing (setting c000.outlet.increaseBasis = totalDeposits)");
  });
});
