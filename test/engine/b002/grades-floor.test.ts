/**
 * B002-FLOOR (tool) and B002-FLOOR-FAIL-EXIT (trigger, action floorMissed): the on-post minimum pass line — the rule
 * file's example, the 50万 (含) counting boundary, both floors at / below / above, the trainee measure setting and
 * the agreement-deposit setting; the trigger on an appraisal record.
 */
import { makeContext } from "../../../src/engine/evaluate";
import { parseAppraisalInput } from "../../../src/engine/input";
import type { TriggerKind } from "../../../src/engine/kinds/types";
import { isUnavailable } from "../../../src/engine/outcome";
import { appliesTo } from "../../../src/engine/rulebook/variants";
import { loadPreset } from "../../../src/engine/rulebooks";
import { Settings } from "../../../src/engine/settings";
import { failure, outcome, value } from "../general/run";
import { client, type ClientSpec } from "./grades-fixture";

const B = "b002-bank-grades";
const floor = (grade: string, clients: ClientSpec[], settings: Record<string, unknown> = {}) => value(B, "B002-FLOOR", { grade, clients: clients.map(client) }, settings);
const met = (grade: string, clients: ClientSpec[], settings: Record<string, unknown> = {}) => floor(grade, clients, settings).floorMet as boolean;

const EXAMPLE: ClientSpec[] = [
  { id: "F1", dep: 700 },
  { id: "F2", dep: 500 },
  { id: "F3", dep: 250 },
  { id: "F4", dep: 50 },
  { id: "F5", dep: "49.99" },
  { id: "F6", dep: 30 },
];

describe("B002-FLOOR", () => {
  it("B002-FLOOR: the rule file's example — a 三级 CM counts 700 + 500 + 250 + 50 = 1500万 ≥ 1500万 → met", () => {
    const o = outcome(B, "B002-FLOOR", { grade: "grade3", clients: EXAMPLE.map(client) });
    expect(o.value).toEqual({ floorMet: true, total: "15000000.00", floor: "15000000.00", counted: ["F1", "F2", "F3", "F4"], notCounted: ["F5", "F6"] });
    expect(o.reasons[0].zh).toBe(
      "三级客户经理在岗最低及格线:单户日均存款 ≥ ¥500,000.00 的客户日均存款 ¥7,000,000.00 + ¥5,000,000.00 + ¥2,500,000.00 + ¥500,000.00 = ¥15,000,000.00 ≥ ¥15,000,000.00;不计 F5、F6 → 达到",
    );
  });

  it("B002-FLOOR: the rule file's example — with the 50万 client at 49.99万 → 1450万 → not met", () => {
    const c = EXAMPLE.map((x) => (x.id === "F4" ? { ...x, dep: "49.99" } : x));
    expect(floor("grade3", c)).toMatchObject({ floorMet: false, total: "14500000.00", notCounted: ["F4", "F5", "F6"] });
  });

  it.each([
    ["50", true],
    ["49.999999", false],
    ["50.000001", true],
  ])("B002-FLOOR: (含)以上 50万 counting boundary — a client of %s万 is counted: %s", (v, counted) => {
    const o = floor("grade3", [{ id: "X", dep: v }, { id: "Y", dep: 1500 }]);
    expect((o.counted as string[]).includes("X")).toBe(counted);
  });

  it("B002-FLOOR: the (含) is explicit, so b002.exclusion.boundary = atOrBelow does not change the floor's counting", () => {
    expect(floor("grade3", [{ id: "X", dep: 50 }], { "b002.exclusion.boundary": "atOrBelow" }).counted).toEqual(["X"]);
  });

  it.each([
    ["grade4", "1500", true],
    ["grade4", "1499.999999", false],
    ["grade4", "1500.000001", true],
    ["senior", "1500", true],
    ["senior", "1499.999999", false],
    ["trainee", "1000", true],
    ["trainee", "999.999999", false],
    ["trainee", "1000.000001", true],
  ])("B002-FLOOR: %s floor (不得低于) with deposits of %s万 → met: %s", (grade, v, ok) => {
    expect(met(grade, [{ id: "X", dep: v }])).toBe(ok);
  });

  it("B002-FLOOR: the trainee floor is 1000万 of daily-average balance by default", () => {
    expect(floor("trainee", [{ id: "T1", dep: 800, prev: 300 }, { id: "T2", dep: 400, prev: 100 }])).toMatchObject({ floorMet: true, total: "12000000.00", floor: "10000000.00" });
  });

  it("B002-FLOOR: setting b002.floor.traineeMeasure = newDailyAvg — new deposits 500 + 300 = 800万 < 1000万 → not met", () => {
    const o = outcome(B, "B002-FLOOR", { grade: "trainee", clients: [{ id: "T1", dep: 800, prev: 300 }, { id: "T2", dep: 400, prev: 100 }].map(client) }, { "b002.floor.traineeMeasure": "newDailyAvg" });
    expect(o.value).toMatchObject({ floorMet: false, total: "8000000.00" });
    expect(o.reasons[0].zh).toContain("年新增日均存款(设置 b002.floor.traineeMeasure = newDailyAvg)");
  });

  it("B002-FLOOR: the trainee measure setting does not touch other grades' floor", () => {
    expect(met("grade3", [{ id: "X", dep: 1500, prev: 1500 }], { "b002.floor.traineeMeasure": "newDailyAvg" })).toBe(true);
  });

  it("B002-FLOOR: setting b002.agreementDeposits.excludeFrom with floor — agreement deposits no longer count towards the floor", () => {
    const c: ClientSpec[] = [{ id: "X", dep: 1600, agr: 200 }];
    expect(met("grade3", c)).toBe(true);
    expect(met("grade3", c, { "b002.agreementDeposits.excludeFrom": ["indicatorA", "indicatorD", "floor", "clientSize"] })).toBe(false);
  });

  it("B002-FLOOR: bad input is reported with its path, never read as 0", () => {
    expect(failure(B, "B002-FLOOR", { grade: "grade3", clients: [{ id: "X", avgDeposits: "1,5O0" }] }).en).toBe('clients.0.avgDeposits: text "1,5O0" is not a number');
    expect(failure(B, "B002-FLOOR", { grade: "grade3", clients: [{ id: "X", avgDeposits: "-1" }] }).en).toBe("clients.0.avgDeposits: -1 must not be negative");
    expect(failure(B, "B002-FLOOR", { grade: "grade3", clients: [{ id: "X", deposits: "1" }] }).en).toBe("clients.0.deposits: not a field of the data model");
    expect(failure(B, "B002-FLOOR", { grade: "grade9", clients: [] }).en).toBe('grade: "grade9" is not a grade (senior, grade1, grade2, grade3, grade4, trainee)');
  });
});

const book = loadPreset(B);

function trigger(grade: string | undefined, clients: ClientSpec[], period = "2024", role = "cm") {
  const parsed = parseAppraisalInput({ period, managers: [{ id: "T", role, ...(grade ? { grade } : {}), history: [{ period, clients: clients.map(client) }] }] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const ctx = makeContext(book, Settings.resolve(book.doc).settings, parsed.value.managers[0], period);
  const rule = book.byId.get("B002-FLOOR-FAIL-EXIT")!;
  return { fired: (rule.kind as TriggerKind<unknown>).trigger(rule, ctx), applies: appliesTo(rule, ctx.role, ctx.grade) };
}

describe("B002-FLOOR-FAIL-EXIT", () => {
  it("B002-FLOOR-FAIL-EXIT: floor missed for 2024 → action floorMissed, exit from 2025-01-01 (standby for training)", () => {
    const { fired } = trigger("grade3", EXAMPLE.map((x) => (x.id === "F4" ? { ...x, dep: "49.99" } : x)));
    if (!fired || isUnavailable(fired)) throw new Error("expected the trigger to fire");
    expect(fired.rule).toBe("B002-FLOOR-FAIL-EXIT");
    expect(fired.action).toBe("floorMissed");
    expect(fired.reasons.map((r) => r.rule)).toEqual(["B002-FLOOR", "B002-FLOOR-FAIL-EXIT"]);
    expect(fired.reasons[1].zh).toBe("三级客户经理未达到在岗最低及格线 → 次年退出客户经理序列,待岗由分行人力资源部组织培训,考核合格后另行安排(自 2025-01-01 起)");
    expect(fired.reasons[1].en).toBe("grade-3 CM missed the on-post floor → leaves the CM sequence next year, on standby for HR training, re-assigned after passing (from 2025-01-01)");
  });

  it("B002-FLOOR-FAIL-EXIT: floor met → nothing fires", () => {
    expect(trigger("grade3", EXAMPLE).fired).toBeUndefined();
  });

  it("B002-FLOOR-FAIL-EXIT: judged on the appointed grade — a trainee's 1200万 meets its 1000万 floor, the same figures miss 四级's 1500万", () => {
    const c: ClientSpec[] = [{ id: "T1", dep: 1200 }];
    expect(trigger("trainee", c).fired).toBeUndefined();
    expect((trigger("grade4", c).fired as { action: string }).action).toBe("floorMissed");
  });

  it("B002-FLOOR-FAIL-EXIT: the floor applies yearly — a quarter is not judged", () => {
    expect(trigger("grade3", [{ id: "X", dep: 10 }], "2024-Q2").fired).toBeUndefined();
  });

  it("B002-FLOOR-FAIL-EXIT: without an appointed grade the floor is unknown → unavailable, never a guess", () => {
    const { fired } = trigger(undefined, [{ id: "X", dep: 10 }]);
    expect(isUnavailable(fired) && fired.zh).toBe("未给出聘任等级,无法确定在岗最低及格线");
  });

  it("B002-FLOOR-FAIL-EXIT: back-office staff are outside the scheme (B002-SCOPE) — the rule does not apply to them", () => {
    expect(trigger("grade3", [{ id: "X", dep: 10 }], "2024", "backOffice").applies).toBe(false);
    expect(trigger("grade3", [{ id: "X", dep: 10 }], "2024", "deputyChief").applies).toBe(true);
  });

  it("B002-FLOOR-FAIL-EXIT: money values in the reasons use the rule file's units (1500万 = ¥15,000,000.00)", () => {
    const { fired } = trigger("grade3", [{ id: "X", dep: "1499.99" }]);
    expect((fired as { reasons: Array<{ zh: string }> }).reasons[0].zh).toContain("日均存款 ¥14,999,900.00 < ¥15,000,000.00");
  });
});
