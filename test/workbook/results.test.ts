/** The results tables: labels from the rulebook, figures as exact decimal strings, branch sums in Dec. */
import { Dec } from "../../src/engine/decimal";
import type { AppraisalOutput } from "../../src/engine/api";
import type { AppraisalInput } from "../../src/engine/model";
import type { ManagerResultJson } from "../../src/engine/results";
import { resultTables, statusLabels } from "../../src/workbook";
import { problem } from "../../src/workbook/problems";
import { nextGradeText, SEE_EXPLAIN, statusText } from "../../src/workbook/results";
import { h003 } from "./helpers";
import { loadPreset } from "../../src/engine/rulebooks";

const input: AppraisalInput = {
  period: "2026",
  managers: [
    { id: "A1", name: "甲", branch: "城东支行", role: "cm", grade: "senior", history: [{ period: "2026", values: { depositGrowth: new Dec("0.35") }, tasks: [], clients: [], flags: [] }] },
    { id: "A2", name: "乙", branch: "城东支行", role: "cm", grade: "junior", history: [] },
    { id: "A3", name: "丙", branch: "城西支行", role: "agent", history: [] },
  ],
};

const result = (r: Partial<ManagerResultJson> & { id: string }): ManagerResultJson => ({ explanation: [], ...r });

const output: AppraisalOutput = {
  rulebook: { id: "h003-city-bank", version: "1.0.0" },
  period: "2026",
  results: [
    result({ id: "A1", grade: "senior", score: "100.10", scoreItems: [{ rule: "H003-SCORE-NPL", points: "30.00" }], riskDeposit: { withheld: "0.10", balance: "20000.10", refundable: "0.00" }, status: "normal", explanation: [{ rule: "H003-DEMOTE-LADDER", zh: "未触发降级或解聘条件 → 正常", en: "normal" }] }),
    result({ id: "A2", grade: "junior", score: "0.20", riskDeposit: { withheld: "0.20", balance: "5000.20", refundable: "0.00" }, status: "demoteToAgentOrRelease" }),
    result({ id: "A3", status: "normal", unavailable: [{ output: "score", code: "na", rule: "H003-SCORE-TOTAL", zh: "业务代办员不参加 H003 百分制考核", en: "agents are not scored" }] }),
  ],
};

describe("results tables", () => {
  const [results, branches, problems, details] = resultTables({
    book: h003(),
    input,
    output,
    problems: [problem("error", "textNumber", { sheet: "月度指标", row: 6, col: 2 }, { zh: "日均存款为文本", en: "avgDeposits is text" }, { field: "avgDeposits", managerId: "A1", suggested: "1200" })],
  });

  it("H003-DEMOTE-LADDER: status labels come from the rulebook's statuses declaration, in its order", () => {
    expect(Object.fromEntries(statusLabels(h003()))).toEqual({
      normal: "正常",
      dismiss: "解除劳动合同",
      demote: "降级",
      demoteAppointment: "降级聘用",
      demoteToAgentOrRelease: "本人自愿且本行同意可聘为业务代办员,否则解聘",
      terminate: "解除劳动合同(不再降为业务代办员)",
      offPostCollection: "下岗清收",
      undetermined: "待定",
    });
    // The order is the rulebook's own (strongest first), which the per-branch status columns follow.
    expect([...statusLabels(h003()).keys()]).toEqual(h003().v2!.statuses);
  });

  it("one row per manager, figures as decimal strings, 不可用 where the rulebook could not compute, — where it does not compute", () => {
    expect(results.name).toBe("考核结果 2026");
    const col = (h: string) => results.columns.findIndex((c) => c.header === h);
    expect(results.columns.map((c) => `${c.header}:${c.format}`).slice(0, 8)).toEqual([
      "工号:text", "姓名:text", "机构:text", "角色:text", "任职等级:text", "等级:text", "得分:points", "不良贷款率得分:points",
    ]);
    expect(results.rows.map((r) => [r[0], r[col("等级")], r[col("得分")], r[col("不良贷款率得分")], r[col("提成")], r[col("风险金本期")], r[col("状态")]])).toEqual([
      ["A1", "高级客户经理", "100.10", "30.00", "—", "0.10", "正常"],
      ["A2", "初级客户经理", "0.20", "—", "—", "0.20", "本人自愿且本行同意可聘为业务代办员,否则解聘"],
      ["A3", "", "不可用", "不可用", "—", "—", "正常"],
    ]);
    expect(results.rows[0][col("存款日均增长率(%)")]).toBe("0.35");
    expect(results.columns[col("存款日均增长率(%)")].format).toBe("percent");
    expect(results.rows[0][col("说明")]).toBe("未触发降级或解聘条件 → 正常[H003-DEMOTE-LADDER];数据问题 1 处(见「问题」表);规则:H003-DEMOTE-LADDER");
    expect(results.rows[2][col("说明")]).toBe("得分不可用:业务代办员不参加 H003 百分制考核[H003-SCORE-TOTAL];规则:H003-SCORE-TOTAL");
    expect([results.freezeRows, results.autoFilter]).toEqual([1, true]);
  });

  it("branch sums are exact decimals (0.10 + 0.20 = 0.30, not 0.30000000000000004)", () => {
    // Status columns follow the rulebook's declared order (strongest first): demoteToAgentOrRelease before normal.
    const declared = h003().v2!.statuses;
    expect(declared.indexOf("demoteToAgentOrRelease")).toBeLessThan(declared.indexOf("normal"));
    expect(branches.columns.map((c) => c.header)).toEqual([
      "机构", "人数", "参评人数", "得分合计", "平均得分", "提成合计", "风险金本期合计", "风险金余额合计", "正常占比",
      "状态·本人自愿且本行同意可聘为业务代办员,否则解聘", "状态·正常", "等级·高级客户经理", "等级·中级客户经理", "等级·初级客户经理", "等级·无",
    ]);
    expect(branches.rows).toEqual([
      ["城东支行", "2", "2", "100.30", "50.15", "—", "0.30", "25000.30", "0.5000", "1", "1", "1", "0", "1", "0"],
      ["城西支行", "1", "0", "—", "—", "—", "—", "—", "1.0000", "0", "1", "0", "0", "0", "1"],
      ["合计", "3", "2", "100.30", "50.15", "—", "0.30", "25000.30", "0.6667", "1", "2", "1", "0", "1", "1"],
    ]);
  });

  it("the problems sheet lists every input problem with its cell and suggested value", () => {
    expect(problems.rows).toEqual([["错误", "月度指标!C7", "月度指标", "C7", "avgDeposits", "A1", "日均存款为文本", "avgDeposits is text", "1200"]]);
  });

  it("the details sheet has every explanation line and every unavailable output", () => {
    expect(details.rows).toEqual([]);
    expect([...details.lazyRows!()]).toEqual([
      ["A1", "甲", "H003-DEMOTE-LADDER", "未触发降级或解聘条件 → 正常", "normal"],
      ["A3", "丙", "H003-SCORE-TOTAL", "得分不可用:业务代办员不参加 H003 百分制考核", "score unavailable: agents are not scored"],
    ]);
  });

  it("H003-DEMOTE-LADDER: a status reached while some of its conditions could not be judged says so", () => {
    const r = result({ id: "X", status: "normal", unavailable: [{ output: "status", code: "na", rule: "H003-DEMOTE-CM-SCORE", zh: "综合考核得分不可用,无法判断", en: "no score" }] });
    expect(statusText(r, (s) => (s === "normal" ? "正常" : s))).toBe("正常(部分条件无法判断)");
    expect(statusText({ ...r, status: "undetermined" }, () => "待定")).toBe("待定");
    expect(statusText(result({ id: "Y" }), (s) => s)).toBe("—");
  });

  it("the next grade names what is missing, in 元 with thousands separators", () => {
    const r = result({ id: "X", nextGrade: { grade: "senior", missing: [{ field: "avgDeposits", amount: "3800000.00" }, { field: "intlSettlementUsd", amount: "120000.50" }] } });
    expect(nextGradeText(h003(), r)).toBe("高级客户经理: 日均存款还差 ¥3,800,000.00、国际结算量还差 US$120,000.50");
  });
});

describe("labels and next-grade text in other rulebooks", () => {
  it("B002-ANNUAL-DECISION: a status with several labels is named by the shortest (the generic one)", () => {
    const labels = statusLabels(loadPreset("b002-bank-grades"));
    expect([labels.get("exit"), labels.get("demoteOrExit"), labels.get("renew")]).toEqual(["退出客户经理序列", "低聘或退出客户经理序列", "续聘"]);
  });

  it("B002-GRADE-RESULT: no amount missing but the next grade not reached says another condition fails", () => {
    const r = result({ id: "X", nextGrade: { grade: "grade4", missing: [] } });
    expect(nextGradeText(loadPreset("b002-bank-grades"), r)).toBe("四级客户经理: 金额指标已达到,其他条件未满足(见计算明细)");
    // In a cell or on the taskpane's sheet there is no 计算明细 sheet to point at.
    expect(nextGradeText(loadPreset("b002-bank-grades"), r, SEE_EXPLAIN)).toBe("四级客户经理: 金额指标已达到,其他条件未满足(见 KHJL.EXPLAIN)");
  });
});
