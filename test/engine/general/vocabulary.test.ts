/**
 * Vocabulary conventions (G004-KPI-CATEGORIES, G004-ASSESSMENT-KINDS, G004-OUTCOMES): the rulebook's codes and
 * labels are the rule file's, checked against the rule file's text as well as against the tables below.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isUnavailable } from "../../../src/engine/outcome";
import { loadPreset, presetDocument } from "../../../src/engine/rulebooks";
import { tool } from "./run";

const md = fs.readFileSync(path.resolve(__dirname, "../../../../shared/rules/seed-001-004-general.md"), "utf8");
const book = loadPreset("g-general");

function section(id: string): string {
  const start = md.indexOf(`### ${id}:`);
  // The rule file wraps lines; compare with whitespace runs collapsed.
  return md.slice(start, md.indexOf("\n### ", start + 4)).replace(/\s+/g, " ");
}
type Rule = { id: string; tool: { results: Array<{ name: string; formula?: string; table?: { rows: Array<{ when: string[]; then: string[] }> } }> } };
const rules = (presetDocument("g-general") as { rules: Rule[] }).rules;

/** A vocabulary's entries: the rows of its decision table (code → Chinese and English labels). */
function entries(id: string): Array<{ code: string; zh: string; en: string }> {
  const table = rules.find((r) => r.id === id)!.tool.results.find((s) => s.table)!.table!;
  return table.rows.map((r) => ({ code: r.when[0], zh: r.then[0], en: r.then[1] }));
}
/** Whether rulebooks may add entries (the tool's `extensible` answer). */
function extensible(id: string): boolean {
  return rules.find((r) => r.id === id)!.tool.results.find((s) => s.name === "extensible")!.formula === "TRUE";
}
/** A code's labels, as the vocabulary's tool gives them; undefined for a code it does not have. */
function vocabularyLabel(id: string, code: string): { zh: string; en: string } | undefined {
  const r = tool("g-general", id, { code });
  if (isUnavailable(r)) return undefined;
  const v = r.value as { zh: string; en: string };
  return { zh: v.zh, en: v.en };
}

describe("G004-KPI-CATEGORIES: indicator categories", () => {
  const expected = [
    ["performance", "业绩"],
    ["productSales", "产品销售"],
    ["customerSatisfaction", "客户满意度"],
    ["serviceQuality", "服务质量"],
    ["workAttitude", "工作态度"],
    ["compliance", "合规"],
  ];

  it("lists the six categories with their Chinese labels, as an open list", () => {
    expect(entries("G004-KPI-CATEGORIES").map((e) => [e.code, e.zh])).toEqual(expected);
    expect(extensible("G004-KPI-CATEGORIES")).toBe(true);
    expect(book.byId.get("G004-KPI-CATEGORIES")).toBeDefined();
  });

  it("matches the rule file: each `code` (中文) pair is written there", () => {
    const text = section("G004-KPI-CATEGORIES");
    for (const [code, zh] of expected) expect(text).toContain(`\`${code}\` (${zh})`);
  });
});

describe("G004-ASSESSMENT-KINDS: periodic, ad hoc, promotion", () => {
  it("lists exactly the three kinds of the rule file, each with what it is bound to", () => {
    const e = entries("G004-ASSESSMENT-KINDS");
    expect(e.map((x) => [x.code, x.zh])).toEqual([
      ["periodic", "定期考核"],
      ["adHoc", "不定期考核"],
      ["promotion", "晋升考核"],
    ]);
    const text = section("G004-ASSESSMENT-KINDS");
    for (const { code } of e) expect(text).toContain(`\`${code}\``);
    expect(extensible("G004-ASSESSMENT-KINDS")).toBe(false);
  });
});

describe("G004-OUTCOMES: rewards and penalties vocabulary", () => {
  const expected = [
    ["REWARD_BONUS", "绩效奖金", "performance bonus"],
    ["REWARD_PROMOTION", "晋升", "promotion"],
    ["REWARD_COMMENDATION", "表彰奖励", "commendation"],
    ["PENALTY_BONUS_CUT", "扣减奖金", "bonus cut"],
    ["PENALTY_TALK_RECTIFY", "约谈整改", "talk and rectification"],
    ["PENALTY_REASSIGN", "调离岗位", "reassignment"],
    ["VIOLATION_WARNING", "警告", "warning"],
    ["VIOLATION_FINE", "罚款", "fine"],
    ["TERMINATION", "解除合同", "contract terminated"],
  ];

  it("has the nine codes with zh-CN and English labels", () => {
    expect(entries("G004-OUTCOMES").map((e) => [e.code, e.zh, e.en])).toEqual(expected);
  });

  it("matches the rule file: the same codes, in order, and each Chinese label is a seed word", () => {
    const text = section("G004-OUTCOMES");
    const listed = text.slice(text.indexOf("outcome codes"), text.indexOf("Rulebook-specific"));
    expect([...listed.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1])).toEqual(expected.map((e) => e[0]));
    for (const [, zh] of expected) expect(text).toContain(zh);
  });

  it("gives a code's label for explanations", () => {
    expect(vocabularyLabel("G004-OUTCOMES", "TERMINATION")).toEqual({ zh: "解除合同", en: "contract terminated" });
    expect(vocabularyLabel("G004-OUTCOMES", "NOPE")).toBeUndefined();
  });
});
