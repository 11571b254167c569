import { failure, outcome, value, G } from "./run";

const R = "G004-EXIT-AUDIT";

describe(`${R}: leaving a post needs an exit audit before the refund`, () => {
  it("reproduces the rule file: left 2025-08-31, audit 2025-10-15 finds 1 200 → balance − 1 200 on or after 2026-02-28", () => {
    const r = outcome(G, R, { balance: "7350.40", leftOn: "2025-08-31", auditDate: "2025-10-15", verifiedLosses: "1200", violations: false });
    const v = r.value as { status: string; payableFrom: string; refund: string; stillOwed: string };
    expect([v.status, v.payableFrom, v.refund, v.stillOwed]).toEqual(["settled", "2026-02-28", "6150.40", "0.00"]);
    expect(r.reasons[0].zh).toBe("2025-10-15 离岗审计查实损失 ¥1,200.00,无违规:退还 ¥7,350.40 − ¥1,200.00 = ¥6,150.40,2026-02-28 起可退");
  });

  it("without an audit record the refund stays pending (never paid automatically)", () => {
    const r = outcome(G, R, { balance: "7350.40", leftOn: "2025-08-31" });
    expect(r.value).toEqual({ status: "pending", payableFrom: "2026-02-28" });
    expect(r.reasons[0].en).toContain("not paid automatically");
  });

  it.each([
    ["1000", "1200", "0.00", "200.00"], // losses above the balance: nothing back, the rest still owed
    ["1200", "1200", "0.00", "0.00"], // equal
    ["1200.01", "1200", "0.01", "0.00"], // a fen above
    ["7350.40", "0", "7350.40", "0.00"],
  ])("balance %s, losses %s → refund %s, still owed %s", (balance, verifiedLosses, refund, owed) => {
    const v = value(G, R, { balance, leftOn: "2025-08-31", auditDate: "2025-10-15", verifiedLosses, violations: false });
    expect([v.refund, v.stillOwed]).toEqual([refund, owed]);
  });

  it("a violation without losses still refunds the balance (compensation is for losses)", () => {
    const r = outcome(G, R, { balance: "500", leftOn: "2025-01-15", auditDate: "2025-02-01", verifiedLosses: "0", violations: true });
    expect((r.value as { refund: string }).refund).toBe("500.00");
    expect(r.reasons[0].zh).toContain("查有违规");
  });

  it("negative losses or balance are #VALUE!", () => {
    expect(failure(G, R, { balance: "500", leftOn: "2025-01-15", auditDate: "2025-02-01", verifiedLosses: "-1", violations: false }).code).toBe("value");
    expect(failure(G, R, { balance: "-1", leftOn: "2025-01-15" }).code).toBe("value");
  });
});
