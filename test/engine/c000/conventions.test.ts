/**
 * C000-CONV-UNITS, C000-CONV-BOUNDARY and C000-CONV-COMPLETION: units as the seed writes them, the threshold words
 * (以下 by c000.boundary.yixia) and completion = actual ÷ plan, exact unless c000.rate.roundBeforeCompare = pct2.
 */
import { opOf } from "../../../src/engine/compare";
import { isUnavailable } from "../../../src/engine/outcome";
import { parseQuantity } from "../../../src/engine/quantity";
import { loadPreset } from "../../../src/engine/rulebooks";
import { Settings } from "../../../src/engine/settings";
import { runTool } from "../../../src/engine/tools";

const coop = loadPreset("c000-credit-coop");
const settings = (book = coop, s: Record<string, unknown> = {}) => {
  const r = Settings.resolve(book.doc, s);
  expect(r.problems).toEqual([]);
  return r.settings;
};

describe("C000-CONV-UNITS", () => {
  it("C000-CONV-UNITS: the rule file's example — 5万元 = 50 000.00 元", () => {
    expect(parseQuantity("5万元").toFixed(2)).toBe("50000.00");
  });

  it.each([
    ["C000-AUTH-LIMITS director per loan 1万", () => (coop.byId.get("C000-AUTH-LIMITS")!.params as any).limits.director.perLoan.value, "10000"],
    ["C000-AUTH-LIMITS director household 5万", () => (coop.byId.get("C000-AUTH-LIMITS")!.params as any).limits.director.household.value, "50000"],
    ["C000-OUTLET-STAFF step 一千万元", () => (coop.byId.get("C000-OUTLET-STAFF")!.params as any).outlet.step, "10000000"],
    ["C000-FUT-PAY 五万 / 5W", () => (loadPreset("c000-snip-brokerage").byId.get("C000-FUT-PAY")!.params as any).base.deposits.value, "50000"],
    ["C000-KTV-BASE 4万", () => (loadPreset("c000-snip-venue").byId.get("C000-KTV-BASE")!.params as any).target, "40000"],
  ])("C000-CONV-UNITS: %s is %s 元 in the compiled rulebook", (_name, read, yuan) => {
    expect(read().toFixed()).toBe(yuan);
  });

  it("C000-CONV-UNITS: each rulebook records the convention (money in 元, two decimals at output)", () => {
    for (const id of ["c000-credit-coop", "c000-snip-brokerage", "c000-snip-venue"]) {
      const b = loadPreset(id);
      expect(b.byId.get("C000-CONV-UNITS")?.doc.kind).toBe("engineConvention");
      expect(b.doc.rounding.money).toEqual({ decimals: 2, mode: "halfUp" });
    }
  });
});

describe("C000-CONV-BOUNDARY", () => {
  it.each([
    ["不足", "lt"],
    ["以内", "le"],
    ["不超过", "le"],
    ["以下", "le"],
    ["以上", "ge"],
    ["低于", "lt"],
    ["超过", "gt"],
  ])("C000-CONV-BOUNDARY: %s → %s (default)", (word, op) => {
    expect(opOf(coop, settings(), { word })).toBe(op);
  });

  it("C000-CONV-BOUNDARY: c000.boundary.yixia = exclusive makes 以下 strict (<) and leaves the other words alone", () => {
    const s = settings(coop, { "c000.boundary.yixia": "exclusive" });
    expect(opOf(coop, s, { word: "以下" })).toBe("lt");
    expect(opOf(coop, s, { word: "以上" })).toBe("ge");
    expect(opOf(coop, s, { word: "以内" })).toBe("le");
  });

  it("C000-CONV-BOUNDARY: the snippet rulebooks read 以上, 以内, 低于 and 超过 the same way", () => {
    for (const id of ["c000-snip-brokerage", "c000-snip-venue"]) {
      const b = loadPreset(id);
      const s = settings(b);
      expect([opOf(b, s, { word: "以上" }), opOf(b, s, { word: "以内" }), opOf(b, s, { word: "低于" }), opOf(b, s, { word: "超过" })]).toEqual(["ge", "le", "lt", "gt"]);
    }
  });

  it("C000-CONV-BOUNDARY: the rule file's example — exactly 30.00 % is not 不足30% (a month at 30.00 % classifies without the floor)", () => {
    const out = runTool(coop, settings(), "C000-TASK-MONTH", { tasks: [{ item: "deposits", plan: "1000000", actual: "300000" }] });
    if (isUnavailable(out)) throw new Error(out.en);
    expect((out.value as any).items[0].completion).toBe("0.3");
    expect(opOf(coop, settings(), { word: "不足" })).toBe("lt");
  });
});

describe("C000-CONV-COMPLETION", () => {
  const completion = (actual: string, plan: string, s: Record<string, unknown> = {}) => {
    const out = runTool(coop, settings(coop, s), "C000-TASK-MONTH", { tasks: [{ item: "deposits", plan, actual }] });
    if (isUnavailable(out)) throw new Error(out.en);
    return (out.value as any).items[0];
  };

  it("C000-CONV-COMPLETION: the rule file's example — P 1 000 000, A 299 950 → 29.995 %, kept exact (shown as 29.995%, not 30.00%)", () => {
    expect(completion("299950", "1000000")).toEqual({ item: "deposits", completion: "0.29995", text: "29.995%" });
  });

  it("C000-CONV-COMPLETION: c000.rate.roundBeforeCompare = pct2 rounds to 0.01 % first: 29.995 % → 30.00 %", () => {
    expect(completion("299950", "1000000", { "c000.rate.roundBeforeCompare": "pct2" })).toEqual({ item: "deposits", completion: "0.3", text: "30.00%" });
  });

  it("C000-CONV-COMPLETION: a negative actual gives a negative completion (a net fall in deposits)", () => {
    expect(completion("-50000", "1000000").completion).toBe("-0.05");
  });

  it("C000-CONV-COMPLETION: over-completion is not capped", () => {
    expect(completion("1234567", "1000000").text).toBe("123.4567%");
  });

  it("C000-CONV-COMPLETION: an item with plan ≤ 0 has no task that month and is skipped (c000.task.zeroPlan = skip)", () => {
    const out = runTool(coop, settings(), "C000-TASK-MONTH", { tasks: [{ item: "shareCapital", plan: "0", actual: "5" }, { item: "deposits", plan: "100", actual: "100" }] });
    if (isUnavailable(out)) throw new Error(out.en);
    expect(out.value).toMatchObject({ state: "completed", skipped: ["shareCapital"] });
  });
});
