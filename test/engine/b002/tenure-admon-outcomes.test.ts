/**
 * B002-ADMON-EXPIRY, B002-ADMON-NOT-APPLIED and B002-LOSS-ACCOUNTABILITY end to end: the rule file's examples, the
 * 100 % bar at / below, the expiry measure alternative, and what does not count.
 */
import { missing, run, wan, zhLines } from "./tenure-fixture";

const START = { period: "2024-03", admonitionStartDay: 16 };

describe("B002-ADMON-EXPIRY", () => {
  const history = (q2: string, extra: Array<Record<string, unknown>> = []) => [
    START,
    { period: "2024-Q1", mainCompletion: "1.2" },
    { period: "2024-Q2", mainCompletion: q2 },
    { period: "2024-Q3", mainCompletion: "1.2" },
    ...extra,
  ];

  it("B002-ADMON-EXPIRY: the rule file's example — 诫勉 to 2024-09-15, last complete quarter Q2 at 88% → demoteOrExit", () => {
    const r = run({ history: history("0.88") }, "2024-Q3");
    expect(zhLines(r, "B002-ADMON-EXPIRY")).toEqual([
      "诫勉期 2024-03-16 至 2024-09-15 期满;最近完整季度 2024-Q2 主要业务指标完成率 88.00% < 100.00% → 仍未完成主要业务指标,予以低聘或退出客户经理序列(B002-DEMOTE-TARGET)",
    ]);
    expect(r.status).toBe("demoteOrExit");
  });
  it("B002-ADMON-EXPIRY: b002.admonition.expiryMeasure = periodCumulative — cumulative 101% (input) → cleared, full allowances from 2024-09-16", () => {
    const r = run({ history: history("0.88", [{ period: "2024-09", admonitionCompletion: "1.01" }]) }, "2024-09", { "b002.admonition.expiryMeasure": "periodCumulative" });
    expect(zhLines(r, "B002-ADMON-EXPIRY")).toEqual([
      "诫勉期 2024-03-16 至 2024-09-15 期满;诫勉期累计主要业务指标完成率 101.00% ≥ 100.00% → 已完成主要业务指标,诫勉解除,自 2024-09-16 起两费恢复全额",
    ]);
    expect(r.status).toBe("cleared");
    expect(r.commission).toBe("195.00");
  });
  it("B002-ADMON-EXPIRY: b002.admonition.expiryMeasure = periodCumulative without the input → unavailable naming admonitionCompletion", () => {
    const r = run({ history: history("0.88") }, "2024-Q3", { "b002.admonition.expiryMeasure": "periodCumulative" });
    expect(missing(r, "B002-ADMON-EXPIRY")!.zh).toContain("admonitionCompletion");
  });
  it.each([
    ["0.9999", "demoteOrExit"],
    ["1", "cleared"],
    ["1.0001", "cleared"],
  ])("B002-ADMON-EXPIRY: Q2 completion %s → %s", (q2, status) => {
    expect(run({ history: history(q2) }, "2024-Q3").status).toBe(status);
  });
  it("B002-ADMON-EXPIRY: an end on a quarter's last day reads that quarter (explicit end 2024-09-30 → Q3)", () => {
    const r = run({ history: history("0.5", [{ period: "2024-09", admonitionEndDay: 30 }]) }, "2024-Q3");
    expect(zhLines(r, "B002-ADMON-EXPIRY")[0]).toBe("诫勉期 2024-03-16 至 2024-09-30 期满;最近完整季度 2024-Q3 主要业务指标完成率 120.00% ≥ 100.00% → 已完成主要业务指标,诫勉解除,自 2024-10-01 起两费恢复全额");
  });
  it("B002-ADMON-EXPIRY: judged only in the period holding the end (Q2 has no expiry line)", () => {
    expect(zhLines(run({ history: history("0.88") }, "2024-Q2"), "B002-ADMON-EXPIRY")).toEqual([]);
  });
});

describe("B002-ADMON-NOT-APPLIED", () => {
  const qs = (q2: string) => [
    { period: "2024-Q1", mainCompletion: "1.2" },
    { period: "2024-Q2", mainCompletion: q2 },
    { period: "2024-Q3", mainCompletion: "1.2" },
  ];
  it("B002-ADMON-NOT-APPLIED: the rule file's example — Q2 candidate, no 诫勉 by 30 Sep, no reason → warning", () => {
    const r = run({ history: qs("0.95") }, "2024-Q3");
    expect(zhLines(r, "B002-ADMON-NOT-APPLIED")).toEqual([
      "2024-Q2 主要业务指标完成率 95.00% < 100.00%,为诫勉候选;至 2024-09-30 未予诫勉,也无书面说明原因(标志 admonitionWaived)→ 提示",
    ]);
    expect(r.status).toBe("warning");
  });
  it("B002-ADMON-NOT-APPLIED: a written reason (admonitionWaived) → no warning", () => {
    const h = [...qs("0.95"), { period: "2024-08", flags: ["admonitionWaived"] }];
    expect(zhLines(run({ history: h }, "2024-Q3"), "B002-ADMON-NOT-APPLIED")).toEqual([]);
  });
  it("B002-ADMON-NOT-APPLIED: admonished on 2024-08-05 → no warning; admonished only from 2024-10-01 → warning", () => {
    expect(zhLines(run({ history: [...qs("0.95"), { period: "2024-08", admonitionStartDay: 5 }] }, "2024-Q3"), "B002-ADMON-NOT-APPLIED")).toEqual([]);
    expect(zhLines(run({ history: [...qs("0.95"), { period: "2024-10", admonitionStartDay: 1 }] }, "2024-Q3"), "B002-ADMON-NOT-APPLIED")).toHaveLength(1);
  });
  it.each([
    ["0.9999", 1],
    ["1", 0],
  ])("B002-ADMON-NOT-APPLIED: Q2 completion %s → %i warning(s)", (q2, n) => {
    expect(zhLines(run({ history: qs(q2) }, "2024-Q3"), "B002-ADMON-NOT-APPLIED")).toHaveLength(n);
  });
  it("B002-ADMON-NOT-APPLIED: also judged in the quarter-end month (2024-09)", () => {
    expect(zhLines(run({ history: qs("0.95") }, "2024-09"), "B002-ADMON-NOT-APPLIED")).toHaveLength(1);
  });
});

describe("B002-LOSS-ACCOUNTABILITY", () => {
  const start = { period: "2024-03", admonitionStartDay: 16, clients: [{ id: "K1", flags: ["advance"] }] };
  it("B002-LOSS-ACCOUNTABILITY: the rule file's example — advance of 80万 in March → 诫勉 to September → unrecovered in October with a loss of 30万 → accountability", () => {
    const r = run({ history: [start, { period: "2024-10", flags: ["creditUnresolved"], lossYuan: wan(30) }] }, "2024-10");
    expect(zhLines(r, "B002-LOSS-ACCOUNTABILITY")).toEqual([
      "2024-03 垫款导致诫勉(2024-03-16 至 2024-09-15);2024-10 仍未清收转化,损失 ¥300,000.00 → 追究责任,降低或取消任职资格(由分行认定)",
    ]);
    expect(r.status).toBe("accountability");
  });
  it.each([
    ["no loss (0)", { period: "2024-10", flags: ["creditUnresolved"], lossYuan: "0" }],
    ["resolved (no creditUnresolved flag)", { period: "2024-10", lossYuan: wan(30) }],
  ])("B002-LOSS-ACCOUNTABILITY: %s → not flagged", (_label, rec) => {
    expect(zhLines(run({ history: [start, rec] }, "2024-10"), "B002-LOSS-ACCOUNTABILITY")).toEqual([]);
  });
  it("B002-LOSS-ACCOUNTABILITY: while the 诫勉 is still running (August) → not flagged", () => {
    expect(zhLines(run({ history: [start, { period: "2024-08", flags: ["creditUnresolved"], lossYuan: wan(30) }] }, "2024-08"), "B002-LOSS-ACCOUNTABILITY")).toEqual([]);
  });
  it("B002-LOSS-ACCOUNTABILITY: an admonition not led to by a credit event → not flagged", () => {
    const plain = { period: "2024-03", admonitionStartDay: 16 };
    expect(zhLines(run({ history: [plain, { period: "2024-10", flags: ["creditUnresolved"], lossYuan: wan(30) }] }, "2024-10"), "B002-LOSS-ACCOUNTABILITY")).toEqual([]);
  });
});
