/**
 * Functions and tool features the general conventions (g-general) needed, each usable by any rulebook:
 * MAXIFS, MINIFS, UNIQUE, VSTACK, FIXED, ROUNDHALFEVEN, WORKDAY.INTL, PERIODKIND(period); and in tools, plain-value
 * lists, quantities as inputs, forEach over a computed list, `when` inside rows, and `"explain": false`.
 */
import { Dec } from "../../../src/engine/decimal";
import { TableValue } from "../../../src/engine/lang/values";
import { isUnavailable } from "../../../src/engine/outcome";
import { compileRulebook } from "../../../src/engine/rulebook/compile";
import { Settings } from "../../../src/engine/settings";
import { runTool } from "../../../src/engine/tools";
import { num, DATE, TEXT } from "../../../src/engine/lang/types";
import { evaluate, shown, type Bindings } from "./scope";

const col = (name: string, values: Array<string | Dec>) => new TableValue([name], values.map((v) => [v]));
const B: Bindings = {
  区: { type: { k: "table", columns: [{ name: "value", type: TEXT }] }, at: col("value", ["东", "西", "东", "南", "西"]) },
  额: { type: { k: "table", columns: [{ name: "value", type: num("money") }] }, at: col("value", ["100", "250", "300", "50", "80"].map((x) => new Dec(x))) },
  假日: { type: { k: "table", columns: [{ name: "value", type: DATE }] }, at: col("value", []) },
};

describe("MAXIFS, MINIFS, UNIQUE, VSTACK", () => {
  it.each([
    ["MAXIFS(额, 区, \"东\")", "300"],
    ["MINIFS(额, 区, \"西\")", "80"],
    ["MAXIFS(额, 区, \"北\")", "0"], // no row meets the criterion: 0, as in Excel
    ["MAXIFS(额, 额, \"<300\")", "250"],
    ["ROWS(UNIQUE(区))", "3"],
    ["INDEX(UNIQUE(区), 3)", "南"],
    ["ROWS(VSTACK(区, UNIQUE(区)))", "8"],
    ["SUM(VSTACK(额, 额))", "1560"],
  ])("%s = %s", (f, want) => {
    expect(shown(evaluate(f, B))).toBe(want);
  });
});

describe("FIXED and ROUNDHALFEVEN", () => {
  it.each([
    ["FIXED(1234.567)", "1,234.57"],
    ["FIXED(1234.567, 1, TRUE)", "1234.6"],
    ["FIXED(-0.004, 2)", "0.00"], // never -0.00
    ["FIXED(102.5, 0)", "103"], // half away from zero
    ["ROUNDHALFEVEN(0.125, 2)", "0.12"],
    ["ROUNDHALFEVEN(0.135, 2)", "0.14"],
    ["ROUNDHALFEVEN(-2.345, 2)", "-2.34"],
    ["ROUNDHALFEVEN(2.3451, 2)", "2.35"], // above the tie
    ["ROUNDHALFEVEN(1250, -2)", "1200"],
    ["ROUND(0.125, 2)", "0.13"],
  ])("%s = %s", (f, want) => {
    expect(shown(evaluate(f, B))).toBe(want);
  });
});

describe("WORKDAY.INTL and PERIODKIND(period)", () => {
  it.each([
    // 2025-07-05 is a Saturday.
    ["WORKDAY.INTL(DATE(2025, 7, 4), 1)", "2025-07-07"], // Saturday and Sunday off by default
    ["WORKDAY.INTL(DATE(2025, 7, 4), 1, \"0000011\")", "2025-07-07"],
    ["WORKDAY.INTL(DATE(2025, 7, 4), 1, 11)", "2025-07-05"], // Sunday only
    ["WORKDAY.INTL(DATE(2025, 7, 4), 2, 11)", "2025-07-07"],
    ["WORKDAY.INTL(DATE(2025, 7, 4), 1, \"0000000\")", "2025-07-05"], // no weekend
    ["WORKDAY.INTL(DATE(2025, 7, 4), 1, 1, SEQUENCE(1, 1, DATE(2025, 7, 7)))", "2025-07-08"],
    ["WORKDAY.INTL(DATE(2025, 7, 4), 1, 1, 假日, SEQUENCE(1, 1, DATE(2025, 7, 5)))", "2025-07-05"], // adjusted working day
    ["WORKDAY.INTL(DATE(2025, 7, 4), 1, \"weekend\")", "#VALUE!"],
    ["PERIODKIND(\"2025-Q3\")", "quarter"],
    ["PERIODKIND(\"2025-H1\")", "halfYear"],
    ["PERIODKIND(\"2025\")", "year"],
    ["PERIODKIND(\"2025-08\")", "month"],
    ["PERIODKIND(\"2025-13\")", "#VALUE!"],
    ["PERIODKIND()", "month"], // the period being computed (2026-10)
  ])("%s = %s", (f, want) => {
    expect(shown(evaluate(f, B))).toBe(want);
  });
});

describe("tools: plain-value lists, quantities, lists computed by earlier results, when in rows, explain: false", () => {
  const doc = {
    format: "khjl-rulebook/2",
    id: "tool-lists",
    version: "1.0.0",
    name: { zh: "列表工具", en: "list tools" },
    roles: [{ id: "cm", zh: "客户经理", en: "customer manager" }],
    rules: [
      {
        id: "T",
        explain: false,
        tool: {
          inputs: {
            items: { list: { group: { type: "text" }, amount: { unit: "money" } } },
            days: { optional: true, list: { date: { type: "date" } } },
          },
          results: [
            { name: "groups", formula: "UNIQUE(items.group)" },
            {
              name: "totals",
              forEach: "groups",
              results: [
                { name: "n", formula: "COUNTIF(items.group, group)" },
                { name: "sum", unit: "money", when: "n > 1", formula: "SUMIFS(items.amount, items.group, group)" },
              ],
            },
            { name: "dayCount", when: "NOT(ISNA(days))", formula: "ROWS(days)", explain: { zh: "{dayCount} 天", en: "{dayCount} days" } },
          ],
        },
      },
    ],
  };
  const compiled = compileRulebook(doc);
  if (!compiled.ok) throw new Error(compiled.problems.join("\n"));
  const run = (input: unknown) => runTool(compiled.book, Settings.resolve(compiled.book.doc).settings, "T", input);

  it("groups with UNIQUE, walks the groups, leaves a row's result empty where its when fails, reads 1.5万", () => {
    const out = run({ items: [{ group: "a", amount: "1.5万" }, { group: "b", amount: "10" }, { group: "a", amount: "5000" }] });
    if (isUnavailable(out)) throw new Error(out.en);
    expect((out.value as { totals: unknown }).totals).toEqual([
      { group: "a", n: "2", sum: "20000.00" },
      { group: "b", n: "1", sum: null },
    ]);
    // "explain": false and no result with a line of its own: no lines at all.
    expect(out.reasons).toEqual([]);
  });

  it("takes a one-column list as plain values, and checks each", () => {
    const out = run({ items: [], days: ["2026-01-01", "2026-01-02"] });
    if (isUnavailable(out)) throw new Error(out.en);
    expect((out.value as { dayCount: string }).dayCount).toBe("2");
    expect(out.reasons).toEqual([{ rule: "T", zh: "2 天", en: "2 days" }]);
    const bad = run({ items: [], days: ["2026-02-30"] });
    expect(isUnavailable(bad) && bad.en).toBe('days[0].date: "2026-02-30" is not a date (YYYY-MM-DD)');
  });

  it("refuses forEach over a name that is neither a list input nor an earlier list", () => {
    const broken = { ...doc, rules: [{ id: "T", tool: { inputs: { x: { unit: "number" } }, results: [{ name: "y", forEach: "x", results: [] }] } }] };
    const r = compileRulebook(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join("\n")).toContain("neither a list input nor a list computed by an earlier result");
  });
});
