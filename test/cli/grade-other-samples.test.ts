/**
 * The sample workbooks of the other rulebooks grade cleanly (no data problems), hold the figures appraise evaluate
 * gives for the same data, and reach the outcome each person was written for.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runCli } from "./run";
import { evaluateJson, openXlsx, sheetRows, tempDir } from "./grade-helpers";

const ASSETS = path.resolve(__dirname, "../../assets");

async function grade(sample: string, period: string) {
  const dir = tempDir();
  const file = path.join(dir, sample);
  fs.copyFileSync(path.join(ASSETS, sample), file);
  const run = await runCli(["grade", file, "--input-json", path.join(dir, "in.json")]);
  const out = path.join(dir, sample.replace(/\.xlsx$/, `-考核结果-${period}.xlsx`));
  const rows = run.code === 0 ? sheetRows((await openXlsx(out)).getWorksheet(`考核结果 ${period}`)!) : [];
  const evaluated = run.code === 0 ? await evaluateJson(path.join(dir, "in.json")) : new Map();
  return { run, rows, evaluated };
}

describe("assets/sample-bank-grades.xlsx (b002-bank-grades, rulebook and period from its 设置 sheet)", () => {
  it("B002-ANNUAL-DECISION, B002-GRADE-RESULT: every person reaches the designed outcome, with the next grade's shortfall", async () => {
    const { run, rows, evaluated } = await grade("sample-bank-grades.xlsx", "2026");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(rows.map((r) => [r["工号"], r["任职等级"], r["等级"], r["状态"]])).toEqual([
      ["0201001", "二级客户经理", "二级客户经理", "续聘"],
      ["0201002", "二级客户经理", "一级客户经理", "晋升"],
      ["0201003", "一级客户经理", "一级客户经理", "续聘"],
      ["0201004", "三级客户经理", "三级客户经理", "续聘"],
      ["0201005", "高级客户经理", "三级客户经理", "低聘"],
      ["0201006", "三级客户经理", "三级客户经理", "退出客户经理序列"],
      ["0201007", "三级客户经理", "三级客户经理", "复核(原文未规定结果或数据不足)"],
      ["0201008", "二级客户经理", "三级客户经理", "低聘或退出客户经理序列"],
      ["0201009", "三级客户经理", "三级客户经理", "续聘"],
      ["0201010", "见习客户经理", "三级客户经理", "见习期满聘任"],
      ["0201011", "二级客户经理", "四级客户经理", "低聘"],
      ["0201012", "四级客户经理", "四级客户经理", "续聘"],
    ]);
    const byId = new Map(rows.map((r) => [String(r["工号"]), r]));
    expect(byId.get("0201004")!["距下一等级"]).toBe("二级客户经理: 日均存款还差 ¥3,800,000.00");
    expect(byId.get("0201003")!["距下一等级"]).toBe("高级客户经理: 新增日均存款还差 ¥5,000,000.00");
    // appraise evaluate on the same data gives the same grades and statuses, by id.
    expect([...evaluated.values()].map((r) => [r.id, r.grade, r.status])).toEqual([
      ["0201001", "grade2", "renew"], ["0201002", "grade1", "promote"], ["0201003", "grade1", "renew"], ["0201004", "grade3", "renew"],
      ["0201005", "grade3", "demote"], ["0201006", "grade3", "exit"], ["0201007", "grade3", "review"], ["0201008", "grade3", "demoteOrExit"],
      ["0201009", "grade3", "renew"], ["0201010", "grade3", "appoint"], ["0201011", "grade4", "demote"], ["0201012", "grade4", "renew"],
    ]);
  }, 60_000);
});

describe("assets/sample-credit-coop.xlsx (c000-credit-coop, monthly tasks, appraised for 2026-12)", () => {
  it("C000-DEMOTE-3M, C000-DEMOTE-30PCT, C000-REINSTATE: every person reaches the designed outcome", async () => {
    const { run, rows, evaluated } = await grade("sample-credit-coop.xlsx", "2026-12");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(rows.map((r) => [r["工号"], r["角色"], r["状态"]])).toEqual([
      ["0301001", "客户经理", "正常"],
      ["0301002", "客户经理", "降为一般营销员"],
      ["0301003", "客户经理", "降为一般营销员"],
      ["0301004", "客户经理", "可申请重新转聘为客户经理"],
      ["0301005", "客户经理", "正常"],
      ["0301006", "客户经理", "正常"],
      ["0301007", "一般营销员", "可申请重新转聘为客户经理"],
      ["0301008", "客户经理", "正常"],
      ["0301009", "客户经理部主任(信用社主任)", "正常"],
      ["0301010", "一线临柜人员", "正常"],
      ["0301011", "专项营销员", "正常"],
      ["0301012", "客户经理", "正常"],
      // The coops' service staff and a second counter, outside the monthly task cycle (C000-SERVICE-STAFF-3, C000-CM-SHARE-50).
      ["0301013", "副主任", "正常"],
      ["0301014", "内部主任", "正常"],
      ["0301015", "一线临柜人员", "正常"],
      ["0301016", "客户经理部主任(信用社主任)", "正常"],
      ["0301017", "副主任", "正常"],
      ["0301018", "内部主任", "正常"],
    ]);
    const statusOf = new Map([["normal", "正常"], ["demote", "降为一般营销员"], ["reinstate", "可申请重新转聘为客户经理"]]);
    for (const row of rows) expect([row["工号"], row["状态"]]).toEqual([row["工号"], statusOf.get(evaluated.get(String(row["工号"]))!.status!)]);
  }, 60_000);
});
