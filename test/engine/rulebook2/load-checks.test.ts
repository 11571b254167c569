/**
 * A misspelt grade, role, field, setting, status or rule name in a rulebook is refused when it loads, at its path,
 * naming what was written and what exists — never ignored (a misspelt grade in an override used to give a wrong pay
 * with exit 0). Each case takes the city-bank rulebook as written and misspells one thing in it.
 */
import { resolveSettings } from "../../../src/engine/api";
import { compileRulebook } from "../../../src/engine/rulebook/compile";
import { loadPreset, presetDocument } from "../../../src/engine/rulebooks";

type Json = Record<string, any>;
const base = () => JSON.parse(JSON.stringify(presetDocument("h003-city-bank"))) as Json;
const ruleIndex = (doc: Json, id: string) => (doc.rules as Json[]).findIndex((r) => r.id === id);

function problems(edit: (doc: Json) => void): string[] {
  const doc = base();
  edit(doc);
  const c = compileRulebook(doc);
  return c.ok ? [] : c.problems;
}

describe("a misspelt name in a rulebook is refused at its path", () => {
  it("the city-bank rulebook as written loads", () => {
    expect(compileRulebook(base()).ok).toBe(true);
  });

  it.each([
    {
      what: "a grade in appliesTo",
      edit: (d: Json) => ((d.rules[ruleIndex(d, "H003-SCORE-NPL")] as Json).appliesTo = { grades: ["seniro"] }),
      path: /^rules\[\d+\] H003-SCORE-NPL/,
      names: ["seniro"],
    },
    {
      what: "a role in appliesTo",
      edit: (d: Json) => ((d.rules[ruleIndex(d, "H003-DEMOTE-CM-COLLECTION")] as Json).appliesTo = { roles: ["cm", "agnet"] }),
      path: /^rules\[\d+\] H003-DEMOTE-CM-COLLECTION/,
      names: ["agnet"],
    },
    {
      what: "a field in a formula",
      edit: (d: Json) => {
        const r = d.rules[ruleIndex(d, "H003-DEMOTE-CM-COLLECTION")] as Json;
        r.trigger.if = "收贷收息律 < 99%";
      },
      path: /^rules\[\d+\] H003-DEMOTE-CM-COLLECTION\.trigger\.if/,
      names: ["收贷收息律"],
    },
    {
      what: "a setting in a formula",
      edit: (d: Json) => {
        const r = d.rules[ruleIndex(d, "H003-DEMOTE-CM-DEPOSIT-3M")] as Json;
        r.trigger.if = String(r.trigger.if).replace("h003.cm.depositShortfall.mode", "h003.cm.depositShortfal.mode");
      },
      path: /^rules\[\d+\] H003-DEMOTE-CM-DEPOSIT-3M\.trigger\.if/,
      names: ["h003.cm.depositShortfal.mode"],
    },
    {
      what: "a status a trigger fires",
      edit: (d: Json) => ((d.rules[ruleIndex(d, "H003-DEMOTE-CM-COLLECTION")] as Json).trigger.then = "demotee"),
      path: /^rules\[\d+\] H003-DEMOTE-CM-COLLECTION\.trigger\.then/,
      names: ["demotee"],
    },
    {
      what: "a field declared by an unknown standard id",
      edit: (d: Json) => (d.fields as unknown[]).push("avgDeposit"),
      path: /^fields\[\d+\]/,
      names: ["avgDeposit"],
    },
    {
      what: "a grade key of a per-grade setting's default",
      edit: (d: Json) => (d.settings["h003.riskDeposit.caps"].default = { senior: "20000", intermediat: "10000", junior: "5000" }),
      path: /^settings\.h003\.riskDeposit\.caps/,
      names: ["intermediat"],
    },
    {
      what: "an output naming a rule that does not exist",
      edit: (d: Json) => (d.outputs.pay = "含量收"),
      path: /^outputs\.pay/,
      names: ["含量收"],
    },
    {
      what: "a name in a function no rule calls",
      edit: (d: Json) => (d.functions["未用"] = { params: ["x"], formula: "x + 存款日均额" }),
      path: /^functions\.未用\.formula/,
      names: ["存款日均额"],
    },
    {
      what: "a key of a rule (explian for explain)",
      edit: (d: Json) => ((d.rules[ruleIndex(d, "H003-SCORE-NPL")] as Json).explian = { zh: "x", en: "x" }),
      path: /^rules\[\d+\]/,
      names: ["explian"],
    },
  ])("$what", ({ edit, path, names }) => {
    const p = problems(edit);
    expect(p.length).toBeGreaterThan(0);
    const hit = p.find((x) => path.test(x));
    expect(hit).toBeDefined();
    for (const n of names) expect(hit).toContain(n);
  });

  it("a misspelt name is answered with the nearest one that exists", () => {
    const p = problems((d) => {
      const r = d.rules[ruleIndex(d, "H003-DEMOTE-CM-COLLECTION")] as Json;
      r.trigger.if = "收贷收息律 < 99%";
    });
    expect(p.join("\n")).toContain("收贷收息率");
  });

  it("a misspelt setting or a misspelt grade in a user's settings is refused, naming it", () => {
    const book = loadPreset("h003-city-bank");
    const unknown = resolveSettings(book, { "h003.score.partialStepp": "proRata" });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.problems[0].path).toContain("h003.score.partialStepp");
    const grade = resolveSettings(book, { "h003.riskDeposit.caps": { senior: "20000", intermediat: "10000", junior: "5000" } });
    expect(grade.ok).toBe(false);
    if (!grade.ok) expect(JSON.stringify(grade.problems)).toContain("intermediat");
  });
});
