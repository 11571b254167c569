/**
 * B002-COMMFEE, B002-TWO-FEES and B002-PAY-EXTERNAL end to end on b002-bank-grades: the rule file's examples, the
 * cap boundary, each setting alternative, and amounts the seed does not give staying unavailable (never 0).
 */
import { lines, missing, run, wan, zhLines } from "./tenure-fixture";

const month = (grade: string, values: Record<string, unknown> = {}, role = "cm") => ({ role, grade, history: [{ period: "2024-05", ...values }] });
const fee = (grade: string, values: Record<string, unknown> = {}, settings: Record<string, unknown> = {}, role = "cm") => run(month(grade, values, role), "2024-05", settings);

const TRANSPORT = { senior: "500", grade1: "400", grade2: "350", grade3: "300", grade4: "300", trainee: "300" };

describe("B002-COMMFEE: the rule file's examples", () => {
  it("B002-COMMFEE: 二级 with claimed 120 → 120.00", () => {
    const r = fee("grade2", { commFeeClaimed: "120" });
    expect(r.commission).toBe("120.00");
    expect(zhLines(r, "B002-COMMFEE")).toEqual(["2024-05 二级客户经理通讯费标准 ¥200.00/月,报销 ¥120.00 → ¥120.00"]);
  });
  it("B002-COMMFEE: 二级 with no claim → 200.00 (claimed defaults to the cap)", () => {
    const r = fee("grade2");
    expect(r.commission).toBe("200.00");
    expect(zhLines(r, "B002-COMMFEE")).toEqual(["2024-05 二级客户经理通讯费标准 ¥200.00/月(未报销额,按上限)→ ¥200.00"]);
  });
  it("B002-COMMFEE: 四级 → 160.00", () => {
    expect(fee("grade4").commission).toBe("160.00");
  });
  it("B002-COMMFEE: 高级 claiming 350 → 300.00", () => {
    const r = fee("senior", { commFeeClaimed: "350" });
    expect(r.commission).toBe("300.00");
    expect(lines(r, "B002-COMMFEE")[0].en).toBe("2024-05: senior CM communication fee ¥300.00 a month, claimed ¥350.00 → ¥300.00");
  });
  it.each([
    ["senior", "300.00"],
    ["grade1", "260.00"],
    ["grade2", "200.00"],
    ["grade3", "160.00"],
    ["grade4", "160.00"],
    ["trainee", "160.00"],
  ])("B002-COMMFEE: the cap of %s is %s a month", (grade, amount) => {
    expect(fee(grade).commission).toBe(amount);
  });
});

describe("B002-COMMFEE: the cap boundary (payable = min(claimed, cap))", () => {
  it.each([
    ["199.99", "199.99"],
    ["200", "200.00"],
    ["200.01", "200.00"],
    ["0", "0.00"],
  ])("B002-COMMFEE: 二级 claiming %s → %s", (claim, amount) => {
    expect(fee("grade2", { commFeeClaimed: claim }).commission).toBe(amount);
  });
});

describe("B002-COMMFEE: settings", () => {
  it("B002-COMMFEE: b002.commFee.mode = flat pays the cap whatever the claim (二级 claiming 120 → 200.00)", () => {
    const r = fee("grade2", { commFeeClaimed: "120" }, { "b002.commFee.mode": "flat" });
    expect(r.commission).toBe("200.00");
    expect(zhLines(r, "B002-COMMFEE")).toEqual(["2024-05 二级客户经理通讯费标准 ¥200.00/月(定额发放,不看报销)→ ¥200.00"]);
  });
  it("B002-COMMFEE: b002.commFee.caps is data — a branch raising 高级 to 350 gets 350.00", () => {
    const caps = { senior: "350", grade1: "260", grade2: "200", grade3: "160", grade4: "160", trainee: "160" };
    expect(fee("senior", {}, { "b002.commFee.caps": caps }).commission).toBe("350.00");
  });
  it("B002-COMMFEE: b002.commFee.caps without the grade → unavailable naming the setting, never 0", () => {
    const r = fee("grade4", {}, { "b002.commFee.caps": { senior: "300" } });
    expect(missing(r, "B002-COMMFEE")).toMatchObject({ code: "na", zh: "b002.commFee.caps 未给出四级客户经理的通讯费" });
  });
  it("B002-COMMFEE: b002.payGrade.basis = quarterlyAttainedGrade pays the grade the period's figures attain (appointed 一级, figures 二级 → 200.00)", () => {
    // The B002-GRADE-1 example's clients: 1.6亿 deposits (largest 2800万), 2.1亿 loans → 二级, not 一级.
    const clients = [
      { id: "C1", avgDeposits: wan(2800), avgLoans: wan(9000), intlSettlementUsd: wan(500), prevAvgDeposits: wan(2800), totalLoans: wan(9000), normalLoans: wan(9000) },
      { id: "C2", avgDeposits: wan(2800), avgLoans: wan(6000), prevAvgDeposits: wan(2800), totalLoans: wan(6000), normalLoans: wan(6000) },
      { id: "C3", avgDeposits: wan(2800), avgLoans: wan(6000), prevAvgDeposits: wan(2800), totalLoans: wan(6000), normalLoans: wan(6000) },
      { id: "C4", avgDeposits: wan(2800), prevAvgDeposits: wan(2800) },
      { id: "C5", avgDeposits: wan(2800), prevAvgDeposits: wan(2800) },
      { id: "C6", avgDeposits: wan(2000), prevAvgDeposits: "0" },
    ];
    const m = { grade: "grade1", history: [{ period: "2024-05", clients }] };
    expect(run(m, "2024-05").commission).toBe("260.00");
    const r = run(m, "2024-05", { "b002.payGrade.basis": "quarterlyAttainedGrade" });
    expect(r.commission).toBe("200.00");
    expect(zhLines(r, "B002-COMMFEE")).toEqual(["通讯费按本期业绩达到的等级(二级客户经理)发放", "2024-05 二级客户经理通讯费标准 ¥200.00/月(未报销额,按上限)→ ¥200.00"]);
  });
});

describe("B002-COMMFEE: who gets which amount", () => {
  it("B002-COMMFEE: back-office staff (B002-SCOPE) → 0.00, with the reason", () => {
    const r = fee("grade3", {}, {}, "backOffice");
    expect(r.commission).toBe("0.00");
    expect(zhLines(r, "B002-COMMFEE")).toEqual(["2024-05 内勤人员(不享受客户经理待遇)不是客户经理,不享受通讯费(B002-SCOPE)→ ¥0.00"]);
  });
  it("B002-COMMFEE: a transferred trainee uses the former post's fee (originalCommFee 220 → 220.00; claim 100 → 100.00)", () => {
    expect(fee("trainee", { originalCommFee: "220" }).commission).toBe("220.00");
    expect(fee("trainee", { originalCommFee: "220", commFeeClaimed: "100" }).commission).toBe("100.00");
  });
  it("B002-COMMFEE: a CM managing no clients gets the branch amount (branchCommFee 100 → 100.00)", () => {
    const r = fee("grade2", { flags: ["noClientsManaged"], branchCommFee: "100" });
    expect(r.commission).toBe("100.00");
  });
  it("B002-COMMFEE: a CM managing no clients without the branch amount → unavailable (#N/A), never the grade cap", () => {
    const r = fee("grade2", { flags: ["noClientsManaged"] });
    expect(r.commission).toBeUndefined();
    expect(missing(r, "B002-COMMFEE")).toMatchObject({ code: "na", zh: "2024-05 非管户客户经理的通讯费按分行现行办法执行,缺少非管户客户经理通讯费(分行标准)(branchCommFee)" });
  });
  it("B002-COMMFEE: allowances are monthly — a quarter or a year has no communication-fee line", () => {
    const q = run({ grade: "grade2", history: [{ period: "2024-Q2", quarterlyBonus: "0" }] }, "2024-Q2");
    expect(lines(q, "B002-COMMFEE")).toEqual([]);
    expect(missing(q, "B002-COMMFEE")).toBeUndefined();
  });
});

describe("B002-TWO-FEES", () => {
  it("B002-TWO-FEES: b002.transportFee set — the rule file's example: 一级, transport 400 (input), communication 260 → two fees 660.00", () => {
    const r = fee("grade1", {}, { "b002.transportFee": TRANSPORT });
    expect(r.commission).toBe("660.00");
    expect(zhLines(r, "B002-TWO-FEES")).toEqual(["2024-05 一级客户经理交通费标准 ¥400.00/月 → ¥400.00"]);
  });
  it("B002-TWO-FEES: the rule file's example — under 诫勉 (the whole month) → 330.00", () => {
    const m = { grade: "grade1", history: [{ period: "2024-04", admonitionStartDay: 1 }, { period: "2024-05" }] };
    const r = run(m, "2024-05", { "b002.transportFee": TRANSPORT });
    expect(r.commission).toBe("330.00");
    expect(zhLines(r, "B002-TWO-FEES")).toEqual(["2024-05 一级客户经理交通费标准 ¥400.00/月;诫勉期覆盖全月,按 50.00% 发放:¥400.00 × 50.00% → ¥200.00"]);
  });
  it("B002-TWO-FEES: b002.transportFee unset (the seed gives no amount) → unavailable naming the setting; the two fees are the communication part only", () => {
    const r = fee("grade1");
    expect(r.commission).toBe("260.00");
    expect(missing(r, "B002-TWO-FEES")).toMatchObject({ code: "na", output: "commission" });
    expect(missing(r, "B002-TWO-FEES")!.zh).toContain("b002.transportFee");
  });
  it("B002-TWO-FEES: back-office staff get no transport fee either", () => {
    expect(fee("grade1", {}, { "b002.transportFee": TRANSPORT }, "backOffice").commission).toBe("0.00");
  });
});

describe("B002-PAY-EXTERNAL", () => {
  it("B002-PAY-EXTERNAL: the rule file's example — a quarterly bonus of 6000 input → 6000.00, unchanged", () => {
    const r = run({ grade: "grade2", history: [{ period: "2024-Q2", quarterlyBonus: "6000" }] }, "2024-Q2");
    expect(r.commission).toBe("6000.00");
    expect(zhLines(r, "B002-PAY-EXTERNAL")).toEqual(["2024-Q2 季度业绩奖金按输入 ¥6,000.00,本办法不调整"]);
  });
  it("B002-PAY-EXTERNAL: a quarter without the bonus input → unavailable naming quarterlyBonus, never 0", () => {
    const r = run({ grade: "grade2", history: [{ period: "2024-Q2" }] }, "2024-Q2");
    expect(r.commission).toBeUndefined();
    expect(missing(r, "B002-PAY-EXTERNAL")!.zh).toContain("quarterlyBonus");
  });
  it("B002-PAY-EXTERNAL: position pay unset (b002.positionPay has no default) → unavailable naming the setting", () => {
    const r = fee("grade2");
    expect(missing(r, "B002-PAY-EXTERNAL")).toMatchObject({ code: "na" });
    expect(missing(r, "B002-PAY-EXTERNAL")!.zh).toContain("b002.positionPay");
  });
  it("B002-PAY-EXTERNAL: b002.positionPay set → paid by grade, and not reduced during 诫勉", () => {
    const pay = { senior: "5000", grade1: "4000", grade2: "3000", grade3: "2500", grade4: "2000", trainee: "1500" };
    expect(fee("grade1", {}, { "b002.positionPay": pay }).commission).toBe("4260.00");
    const m = { grade: "grade1", history: [{ period: "2024-04", admonitionStartDay: 1 }, { period: "2024-05" }] };
    const r = run(m, "2024-05", { "b002.positionPay": pay });
    expect(r.commission).toBe("4130.00");
    expect(zhLines(r, "B002-PAY-EXTERNAL")).toEqual(["2024-05 一级客户经理职位工资 ¥4,000.00", "诫勉期间职位工资照常发放(职位工资及其他福利按有关规定发放)"]);
  });
});
