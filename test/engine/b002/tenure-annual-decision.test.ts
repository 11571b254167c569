/**
 * B002-ANNUAL-DECISION with B002-PROMOTE and B002-DEMOTE-TARGET. End to end (the grade stage of the same rulebook
 * decides the attained grade from the year's clients) for the rule file's examples, then every row of the decision
 * table on the status rule directly, with the attained grade and the fired triggers given.
 */
import { makeContext } from "../../../src/engine/evaluate";
import { parseAppraisalInput } from "../../../src/engine/input";
import type { StatusKind, Trigger } from "../../../src/engine/kinds/types";
import { loadPreset } from "../../../src/engine/rulebooks";
import { Settings } from "../../../src/engine/settings";
import { run, wan, zhLines } from "./tenure-fixture";

const RULE = "B002-ANNUAL-DECISION";

/** A year record of clients in 万 (deposits, loans, USD settlement, previous-year deposits); all loans normal. */
function year(clients: Array<[string, number, number, number, number]>, values: Record<string, unknown> = {}, flags: string[] = ["appraisalCompetent"]) {
  return {
    period: "2024",
    mainCompletion: "1.05",
    flags,
    ...values,
    clients: clients.map(([id, dep, loans, usd, prev]) => {
      const c: Record<string, unknown> = { id, avgDeposits: wan(dep), prevAvgDeposits: wan(prev) };
      if (loans > 0) Object.assign(c, { avgLoans: wan(loans), totalLoans: wan(loans), normalLoans: wan(loans) });
      if (usd > 0) c.intlSettlementUsd = wan(usd);
      return c;
    }),
  };
}
/** The B002-GRADE-1 example's clients: supports 二级, not 一级. */
const G2: Array<[string, number, number, number, number]> = [
  ["C1", 2800, 9000, 500, 2800],
  ["C2", 2800, 6000, 0, 2800],
  ["C3", 2800, 6000, 0, 2800],
  ["C4", 2800, 0, 0, 2800],
  ["C5", 2800, 0, 0, 2800],
  ["C6", 2000, 0, 0, 0],
];
/** The B002-GRADE-SENIOR example's clients: supports 高级. */
const SENIOR: Array<[string, number, number, number, number]> = [
  ["K1", 12000, 0, 0, 9000],
  ["K2", 8000, 16000, 1500, 6000],
  ["K3", 6000, 10000, 800, 5500],
  ["K4", 450, 12000, 900, 300],
];
/** The B002-GRADE-3 example: deposits 4000万, loans 3000万, new 1000万 → 三级. */
const G3: Array<[string, number, number, number, number]> = [["D1", 4000, 3000, 0, 3000]];

describe(`${RULE}: the rule file's examples end to end`, () => {
  it(`${RULE}: current 一级, qualified 二级, floor met, 称职, targets and main indicators completed → row 5 → demote to 二级`, () => {
    const r = run({ grade: "grade1", history: [year(G2)] }, "2024");
    expect(r.status).toBe("demote");
    expect(r.grade).toBe("grade2");
    expect(zhLines(r, RULE)).toEqual([
      "低聘:业绩达到的等级低于现聘等级(二级客户经理 < 一级客户经理),予以低聘(b002.demotion.target = qualifiedOrLowest)",
      "现聘 一级客户经理,业绩达到 二级客户经理",
    ]);
    expect(zhLines(r, "B002-DEMOTE-TARGET")).toEqual(["低聘至业绩达到的等级:一级客户经理 → 二级客户经理"]);
  });
  it("B002-PROMOTE: current 二级, qualified 高级, exam passed → promote to 一级 (one grade)", () => {
    const r = run({ grade: "grade2", history: [year(SENIOR, {}, ["appraisalCompetent", "promotionExamPassed"])] }, "2024");
    expect(r.status).toBe("promote");
    expect(r.grade).toBe("grade1");
    expect(zhLines(r, "B002-PROMOTE")).toEqual(["晋升一级:二级客户经理 → 一级客户经理(业绩达到 高级客户经理)"]);
  });
  it("B002-PROMOTE: with exceptionalPromotion (破格) → 高级", () => {
    const r = run({ grade: "grade2", history: [year(SENIOR, {}, ["appraisalExcellent", "promotionExamPassed", "exceptionalPromotion"])] }, "2024");
    expect(r.status).toBe("promote");
    expect(r.grade).toBe("senior");
  });
  it("B002-PROMOTE: exam failed → renew 二级", () => {
    const r = run({ grade: "grade2", history: [year(SENIOR)] }, "2024");
    expect(r.status).toBe("renew");
    expect(r.grade).toBe("grade2");
    expect(zhLines(r, RULE)[0]).toBe("续聘:达到更高等级但未升等考试合格(未考或未通过),续聘 二级客户经理");
  });
  it("B002-DEMOTE-TARGET: current 高级, qualified 三级 → 三级 (default qualifiedOrLowest)", () => {
    const r = run({ grade: "senior", history: [year(G3)] }, "2024");
    expect(r.status).toBe("demote");
    expect(r.grade).toBe("grade3");
  });
  it("B002-DEMOTE-TARGET: b002.demotion.target = oneStep — current 高级, qualified 三级 → 一级", () => {
    const r = run({ grade: "senior", history: [year(G3)] }, "2024", { "b002.demotion.target": "oneStep" });
    expect(r.status).toBe("demote");
    expect(r.grade).toBe("grade1");
    expect(zhLines(r, "B002-DEMOTE-TARGET")).toEqual(["低聘一级:高级客户经理 → 一级客户经理"]);
  });
  it(`${RULE}: renew — current 二级, qualified 二级, 称职, completed`, () => {
    const r = run({ grade: "grade2", history: [year(G2)] }, "2024");
    expect(r.status).toBe("renew");
    expect(r.grade).toBe("grade2");
  });
  it(`${RULE}: row 1 — floor missed → exit, ahead of everything (B002-FLOOR-FAIL-EXIT)`, () => {
    const r = run({ grade: "grade3", history: [year([["F1", 700, 0, 0, 700], ["F2", 500, 0, 0, 500], ["F3", 250, 0, 0, 250], ["F4", 49.99, 0, 0, 49.99]])] }, "2024");
    expect(r.status).toBe("exit");
    expect(zhLines(r, RULE)[0]).toBe("退出客户经理序列:未达到在岗最低及格线(B002-FLOOR-FAIL-EXIT),次年退出客户经理序列,待岗培训");
  });
  it(`${RULE}: no grade supported (an NPL fails asset quality for every grade), current 二级 → down to 四级`, () => {
    const clients = year(G2);
    (clients.clients[0] as { flags?: string[] }).flags = ["npl"];
    const r = run({ grade: "grade2", history: [clients] }, "2024");
    expect(r.status).toBe("demote");
    expect(r.grade).toBe("grade4");
    expect(zhLines(r, "B002-DEMOTE-TARGET")).toEqual(["未达到任何等级,低聘至最低客户经理等级:二级客户经理 → 四级客户经理"]);
  });
});

// ---- The decision table on the status rule directly --------------------------------------------------------

const book = loadPreset("b002-bank-grades");
const rule = book.byId.get(RULE)!;
const kind = rule.kind as StatusKind<unknown>;

interface Case {
  grade: string;
  /** undefined = the results support no grade; "unknown" = the grade stage could not run. */
  attained: string | undefined | "unknown";
  flags?: string[];
  values?: Record<string, unknown>;
  prev?: Record<string, unknown>;
  fired?: string[];
  settings?: Record<string, unknown>;
}

function decide(c: Case) {
  const history: Array<Record<string, unknown>> = [{ period: "2024", mainCompletion: "1.05", flags: c.flags ?? ["appraisalCompetent"], ...(c.values ?? {}) }];
  if (c.prev) history.unshift({ period: "2023", ...c.prev });
  const parsed = parseAppraisalInput({ period: "2024", managers: [{ id: "T1", role: "cm", grade: c.grade, history }] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const settings = Settings.resolve(book.doc, c.settings ?? {}).settings;
  const ctx = makeContext(book, settings, parsed.value.managers[0], "2024");
  if (c.attained !== "unknown") ctx.attainedGrade = c.attained;
  const fired: Trigger[] = (c.fired ?? []).map((action) => ({ rule: action === "floorMissed" ? "B002-FLOOR-FAIL-EXIT" : "B002-DISMISS-TRIGGERS", action, reasons: [] }));
  return kind.status(rule, ctx, fired);
}

describe(`${RULE}: row 1 — floor missed`, () => {
  it(`${RULE}: floorMissed fired → exit even when a higher grade is supported and the exam passed`, () => {
    const d = decide({ grade: "grade2", attained: "senior", flags: ["appraisalExcellent", "promotionExamPassed"], fired: ["floorMissed"] });
    expect(d.status).toBe("exit");
    expect(d.grade).toBeUndefined();
  });
});

describe(`${RULE}: row 2 — main indicators not completed or bottom 3 two years`, () => {
  it(`${RULE}: main indicators 99.99% < 100% → demoteOrExit, suggested target one grade down while the results still support the grade`, () => {
    const d = decide({ grade: "grade2", attained: "grade2", values: { mainCompletion: "0.9999" } });
    expect(d.status).toBe("demoteOrExit");
    expect(d.grade).toBe("grade3");
    expect(d.reasons[0].zh).toBe("低聘或退出客户经理序列:未完成主要业务指标(主要业务指标完成率 99.99% < 100.00%);视实际情况予以低聘或退出客户经理序列(建议低聘至 三级客户经理)");
  });
  it(`${RULE}: main indicators exactly 100% → not row 2 (renew)`, () => {
    expect(decide({ grade: "grade2", attained: "grade2", values: { mainCompletion: "1" } }).status).toBe("renew");
  });
  it(`${RULE}: row 2 wins over promotion (a CM who failed the main indicators cannot be renewed or promoted)`, () => {
    const d = decide({ grade: "grade2", attained: "senior", flags: ["appraisalExcellent", "promotionExamPassed"], values: { mainCompletion: "0.5" } });
    expect(d.status).toBe("demoteOrExit");
  });
  it(`${RULE}: row 2 suggested target follows B002-DEMOTE-TARGET when the results are lower (current 一级, qualified 三级 → 三级)`, () => {
    expect(decide({ grade: "grade1", attained: "grade3", values: { mainCompletion: "0.5" } }).grade).toBe("grade3");
  });
  it(`${RULE}: row 2 at 四级 with nothing lower → demoteOrExit with no grade (exit is the only way down)`, () => {
    const d = decide({ grade: "grade4", attained: "grade4", values: { mainCompletion: "0.5" } });
    expect(d.status).toBe("demoteOrExit");
    expect(d.grade).toBeUndefined();
  });
  it.each([
    ["8 of 10 both years (cut-off rank 8)", { rankInUnit: 8, unitSize: 10 }, { rankInUnit: 10, unitSize: 10 }, "demoteOrExit"],
    ["7 of 10 this year", { rankInUnit: 7, unitSize: 10 }, { rankInUnit: 10, unitSize: 10 }, "renew"],
    ["7 of 10 last year", { rankInUnit: 9, unitSize: 10 }, { rankInUnit: 7, unitSize: 10 }, "renew"],
    ["no ranking last year", { rankInUnit: 9, unitSize: 10 }, {}, "renew"],
  ])(`${RULE}: bottom 3 two years — %s → %s`, (_label, values, prev, status) => {
    expect(decide({ grade: "grade2", attained: "grade2", values, prev }).status).toBe(status);
  });
  it(`${RULE}: bottom 3 in a unit of 3 — everyone is bottom 3 and the explanation says so`, () => {
    const d = decide({ grade: "grade2", attained: "grade2", values: { rankInUnit: 1, unitSize: 3 }, prev: { rankInUnit: 1, unitSize: 3 } });
    expect(d.status).toBe("demoteOrExit");
    expect(d.reasons[0].zh).toBe("低聘或退出客户经理序列:连续 2 年在后 3 名(2024 年 1/3(仅 3 人,人人都在后 3 名)、2023 年 1/3(仅 3 人,人人都在后 3 名));视实际情况予以低聘或退出客户经理序列(建议低聘至 三级客户经理)");
  });
  it(`${RULE}: bottom 3 two years as an input flag (bottom3TwoYears)`, () => {
    expect(decide({ grade: "grade2", attained: "grade2", flags: ["appraisalCompetent", "bottom3TwoYears"] }).status).toBe("demoteOrExit");
  });
});

describe(`${RULE}: rows 3–6`, () => {
  it("B002-PROMOTE: row 3 — 称职, targets met, qualified 一级 above 二级, exam passed → 一级", () => {
    const d = decide({ grade: "grade2", attained: "grade1", flags: ["appraisalCompetent", "promotionExamPassed"] });
    expect([d.status, d.grade]).toEqual(["promote", "grade1"]);
  });
  it("B002-PROMOTE: 基本称职 with a higher grade supported → review (row 6), not promotion", () => {
    const d = decide({ grade: "grade2", attained: "grade1", flags: ["appraisalBasic", "promotionExamPassed"] });
    expect(d.status).toBe("review");
  });
  it(`${RULE}: row 4 — qualified equals current → renew`, () => {
    expect(decide({ grade: "grade3", attained: "grade3" })).toMatchObject({ status: "renew", grade: "grade3" });
  });
  it(`${RULE}: row 5 — qualified below current even with 优秀 → demote`, () => {
    expect(decide({ grade: "grade1", attained: "grade2", flags: ["appraisalExcellent"] })).toMatchObject({ status: "demote", grade: "grade2" });
  });
  it("B002-DEMOTE-TARGET: qualifiedOrLowest — no grade supported, current 一级 → 四级", () => {
    expect(decide({ grade: "grade1", attained: undefined })).toMatchObject({ status: "demote", grade: "grade4" });
  });
  it("B002-DEMOTE-TARGET: qualifiedOrLowest — current 四级, no grade supported → review (见习 is not a step down)", () => {
    const d = decide({ grade: "grade4", attained: undefined });
    expect(d.status).toBe("review");
    expect(d.reasons[0].zh).toBe("复核(原文未规定结果或数据不足):四级客户经理未达到任何等级且已是最低客户经理等级 → 复核");
  });
  it("B002-DEMOTE-TARGET: b002.demotion.target = oneStep — no grade supported, current 一级 → 二级; 四级 → review", () => {
    const s = { "b002.demotion.target": "oneStep" };
    expect(decide({ grade: "grade1", attained: undefined, settings: s })).toMatchObject({ status: "demote", grade: "grade2" });
    expect(decide({ grade: "grade4", attained: undefined, settings: s }).status).toBe("review");
  });
  it(`${RULE}: row 6 — qualified, but 基本称职 → review: the seed gives no outcome`, () => {
    const d = decide({ grade: "grade2", attained: "grade2", flags: ["appraisalBasic"] });
    expect(d.status).toBe("review");
    expect(d.reasons[0].zh).toBe("复核(原文未规定结果或数据不足):达到现聘等级,但年度考核低于称职或未完成年度目标任务,原文未规定结果");
  });
  it(`${RULE}: row 6 — annual targets (taskCompletion 99.99%) not completed though the main indicators are → review`, () => {
    expect(decide({ grade: "grade2", attained: "grade2", values: { taskCompletion: "0.9999" } }).status).toBe("review");
    expect(decide({ grade: "grade2", attained: "grade2", values: { taskCompletion: "1" } }).status).toBe("renew");
  });
});

describe(`${RULE}: missing inputs give review, never a guess`, () => {
  it(`${RULE}: no appraisal result → review`, () => {
    expect(decide({ grade: "grade2", attained: "grade2", flags: [] }).status).toBe("review");
  });
  it(`${RULE}: no main-indicator completion → review naming the missing figure`, () => {
    const d = decide({ grade: "grade2", attained: "grade2", values: { mainCompletion: undefined } });
    expect(d.status).toBe("review");
    expect(d.reasons[0].zh).toBe("复核(原文未规定结果或数据不足):无法判断是否完成主要业务指标:2024 缺少主要业务指标完成率(mainCompletion)或任务计划");
  });
  it(`${RULE}: the attained grade could not be determined → review`, () => {
    expect(decide({ grade: "grade2", attained: "unknown" }).status).toBe("review");
  });
  it(`${RULE}: a missing appraisal does not matter when the results are below the current grade (row 5)`, () => {
    expect(decide({ grade: "grade1", attained: "grade3", flags: [] })).toMatchObject({ status: "demote", grade: "grade3" });
  });
});

describe(`${RULE}: trainees`, () => {
  it(`${RULE}: a trainee whose period is over is appointed at the grade the results support, with no one-step limit`, () => {
    expect(decide({ grade: "trainee", attained: "grade2" })).toMatchObject({ status: "appoint", grade: "grade2" });
  });
  it(`${RULE}: a trainee supporting no grade → review; floor missed → exit`, () => {
    expect(decide({ grade: "trainee", attained: undefined }).status).toBe("review");
    expect(decide({ grade: "trainee", attained: "grade2", fired: ["floorMissed"] }).status).toBe("exit");
  });
});

describe(`${RULE}: other periods`, () => {
  it(`${RULE}: a quarter with nothing fired → normal; inside an admonition → admonished`, () => {
    expect(run({ history: [{ period: "2024-Q1", mainCompletion: "1.2" }, { period: "2024-Q2", mainCompletion: "1.2" }] }, "2024-Q2").status).toBe("normal");
    const r = run({ history: [{ period: "2024-05", admonitionStartDay: 2 }, { period: "2024-Q1", mainCompletion: "1.2" }, { period: "2024-Q2", mainCompletion: "1.2" }] }, "2024-Q2");
    expect(r.status).toBe("admonished");
    expect(zhLines(r, RULE)).toEqual(["诫勉期内(2024-05-02 至 2024-11-01)"]);
  });
});
