/**
 * B002-GRADE-SENIOR, B002-GRADE-1 … B002-GRADE-4 with B002-SINGLE-ACCOUNT, B002-CLIENT-EXCLUSION,
 * B002-AGREEMENT-DEPOSITS and B002-NEW-DEPOSITS: the rule file's examples end to end (grades decided by the client
 * list of the appraised record), every item threshold at / just below / just above, and each setting alternative.
 */
import { Settings } from "../../../src/engine/settings";
import { parseAppraisalInput } from "../../../src/engine/input";
import { loadPreset } from "../../../src/engine/rulebooks";
import { makeBasis } from "../../../src/engine/kinds/grading/measures";
import { testItems, type GradeIndicatorsParams } from "../../../src/engine/kinds/grading/gradeIndicators";
import { variantFor } from "../../../src/engine/rulebook/variants";
import { isUnavailable } from "../../../src/engine/outcome";
import { appraise, client, gradeOf, gradeUnavailable, zh, type ClientSpec } from "./grades-fixture";

const book = loadPreset("b002-bank-grades");

/** The B002-GRADE-SENIOR example; K4's settlement (900万美元) and prior year (300万) are the figures the B002-GRADE-RESULT example implies. */
const SENIOR: ClientSpec[] = [
  { id: "K1", dep: 12000, prev: 9000 },
  { id: "K2", dep: 8000, loans: 16000, usd: 1500, prev: 6000 },
  { id: "K3", dep: 6000, loans: 10000, usd: 800, prev: 5500 },
  { id: "K4", dep: 450, loans: 12000, usd: 900, prev: 300 },
];

/** The B002-GRADE-1 example: deposits 1.6亿 (largest 2800万), loans 2.1亿 (largest 9000万), settlement 500万美元, new 2000万. */
const GRADE1: ClientSpec[] = [
  { id: "C1", dep: 2800, loans: 9000, usd: 500, prev: 2800 },
  { id: "C2", dep: 2800, loans: 6000, prev: 2800 },
  { id: "C3", dep: 2800, loans: 6000, prev: 2800 },
  { id: "C4", dep: 2800, prev: 2800 },
  { id: "C5", dep: 2800, prev: 2800 },
  { id: "C6", dep: 2000, prev: 0 },
];

describe("B002-GRADE-SENIOR", () => {
  it("B002-GRADE-SENIOR: the rule file's example — a met with K1, b c not, d 5500万 met → 2 of 4 → 高级", () => {
    const r = appraise(SENIOR, { grade: "grade1" });
    expect(zh(r, "B002-GRADE-SENIOR", "a ")).toBe("a 日均存款(不含协议存款)¥260,000,000.00 ≥ ¥250,000,000.00;单户最高 ¥120,000,000.00(K1)≥ ¥100,000,000.00 → 达标");
    expect(zh(r, "B002-GRADE-SENIOR", "b ")).toBe("b 日均贷款 ¥260,000,000.00 < ¥350,000,000.00;单户最高 ¥160,000,000.00(K2)≥ ¥150,000,000.00 → 未达标");
    expect(zh(r, "B002-GRADE-SENIOR", "c ")).toBe("c 年国际结算额(美元)US$23,000,000.00 < US$30,000,000.00 → 未达标");
    expect(zh(r, "B002-GRADE-SENIOR", "d ")).toBe("d 年新增日均存款 ¥55,000,000.00 ≥ ¥50,000,000.00 → 达标");
    expect(zh(r, "B002-GRADE-SENIOR", "高级客户经理:具备")).toBe("高级客户经理:具备 2 项 ≥ 2 项 → 指标达到");
    expect(gradeOf(r)).toBe("senior");
    expect(r.nextGrade).toBeUndefined();
  });

  it("B002-GRADE-SENIOR: K4 (450万 < 500万) is dropped, so its 1.2亿 of loans is not in item b", () => {
    const r = appraise(SENIOR);
    expect(zh(r, "B002-CLIENT-EXCLUSION", "高级客户经理")).toBe("高级客户经理:统计日均存款 ≥ ¥5,000,000.00 的客户 3 户(设置 b002.exclusion.boundary = belowOnly);剔除 K4 ¥4,500,000.00");
  });
});

describe("B002-GRADE-1", () => {
  it("B002-GRADE-1: the rule file's example — a fails the single-client test, only b met → 1 of 4 → not 一级", () => {
    const r = appraise(GRADE1);
    expect(zh(r, "B002-GRADE-1", "a ")).toBe("a 日均存款(不含协议存款)¥160,000,000.00 ≥ ¥150,000,000.00;单户最高 ¥28,000,000.00(C1)< ¥30,000,000.00 → 未达标");
    expect(zh(r, "B002-GRADE-1", "b ")).toBe("b 日均贷款 ¥210,000,000.00 ≥ ¥200,000,000.00;单户最高 ¥90,000,000.00(C1)≥ ¥75,000,000.00 → 达标");
    expect(zh(r, "B002-GRADE-1", "c ")).toBe("c 年国际结算额(美元)US$5,000,000.00 < US$20,000,000.00 → 未达标");
    expect(zh(r, "B002-GRADE-1", "d ")).toBe("d 年新增日均存款 ¥20,000,000.00 < ¥30,000,000.00 → 未达标");
    expect(zh(r, "B002-GRADE-1", "一级客户经理:具备")).toBe("一级客户经理:具备 1 项 < 2 项 → 指标未达到");
  });
});

describe("B002-GRADE-2", () => {
  it("B002-GRADE-2: the rule file's example (continuing 一级) — a met (2800万 ≥ 2500万) and b met → 二级", () => {
    const r = appraise(GRADE1);
    expect(zh(r, "B002-GRADE-2", "a ")).toBe("a 日均存款(不含协议存款)¥160,000,000.00 ≥ ¥75,000,000.00;单户最高 ¥28,000,000.00(C1)≥ ¥25,000,000.00 → 达标");
    expect(zh(r, "B002-GRADE-2", "b ")).toBe("b 日均贷款 ¥210,000,000.00 ≥ ¥180,000,000.00;单户最高 ¥90,000,000.00(C1)≥ ¥50,000,000.00 → 达标");
    expect(zh(r, "B002-GRADE-2", "二级客户经理:具备")).toBe("二级客户经理:具备 2 项 ≥ 1 项 → 指标达到");
    expect(gradeOf(r)).toBe("grade2");
  });
});

const G3: ClientSpec[] = [
  { id: "D1", dep: 2000, loans: 3000, prev: 1500 },
  { id: "D2", dep: 2000, prev: 1500 },
];

describe("B002-GRADE-3", () => {
  it("B002-GRADE-3: the rule file's example — deposits 4000万 ≥ 3800万 (item a read as deposits) → 三级", () => {
    const r = appraise(G3);
    expect(zh(r, "B002-GRADE-3", "a ")).toBe("a 日均存款(不含协议存款)(设置 b002.grade3.indicatorA.kind = deposits)¥40,000,000.00 ≥ ¥38,000,000.00 → 达标");
    expect(gradeOf(r)).toBe("grade3");
  });

  it("B002-GRADE-3: setting b002.grade3.indicatorA.kind = loans — a 3000万 < 3800万, nothing met → falls to 四级", () => {
    const r = appraise(G3, { settings: { "b002.grade3.indicatorA.kind": "loans" } });
    expect(zh(r, "B002-GRADE-3", "a ")).toBe("a 日均贷款(设置 b002.grade3.indicatorA.kind = loans)¥30,000,000.00 < ¥38,000,000.00 → 未达标");
    expect(zh(r, "B002-GRADE-3", "d ")).toBe("d 年新增日均存款 ¥10,000,000.00 < ¥15,000,000.00 → 未达标");
    expect(gradeOf(r)).toBe("grade4");
  });

  it("B002-GRADE-3: no single-client condition (one client of 3800万 or many small ones count alike)", () => {
    const many = Array.from({ length: 38 }, (_, i) => ({ id: `S${i}`, dep: 100, prev: 100 }));
    expect(gradeOf(appraise(many))).toBe("grade3");
  });
});

const G4: ClientSpec[] = [{ id: "E1", dep: 1000, loans: 1000, usd: 200, prev: 500 }];

describe("B002-GRADE-4", () => {
  it("B002-GRADE-4: the rule file's example — settlement 200万美元 × 7.10 = 1420万元 ≥ 1000万元 → 四级", () => {
    const r = appraise(G4, { values: { usdCnyRate: "7.10" } });
    expect(zh(r, "B002-GRADE-4", "c ")).toBe("c 年国际结算额(人民币)(设置 b002.grade4.intlSettlement.unit = cny)¥14,200,000.00 ≥ ¥10,000,000.00(美元按汇率 7.1 折算(E1))→ 达标");
    expect(zh(r, "B002-GRADE-4", "a ")).toBe("a 日均存款(不含协议存款)(设置 b002.grade4.indicatorA.kind = deposits)¥10,000,000.00 < ¥15,000,000.00 → 未达标");
    expect(gradeOf(r)).toBe("grade4");
  });

  it("B002-GRADE-4: setting b002.grade4.intlSettlement.unit = usd — 200万 < 1000万美元 → no grade", () => {
    const r = appraise(G4, { values: { usdCnyRate: "7.10" }, settings: { "b002.grade4.intlSettlement.unit": "usd" } });
    expect(zh(r, "B002-GRADE-4", "c ")).toBe("c 年国际结算额(美元)(设置 b002.grade4.intlSettlement.unit = usd)US$2,000,000.00 < US$10,000,000.00 → 未达标");
    expect(gradeOf(r)).toBe("none");
  });

  it("B002-GRADE-4: settlement in USD without a rate cannot be judged → the grade is #N/A naming usdCnyRate, never a guess", () => {
    const u = gradeUnavailable(appraise(G4));
    expect(u?.code).toBe("na");
    expect(u?.zh).toContain("须提供美元兑人民币汇率(usdCnyRate)或人民币结算额(intlSettlementCny)");
  });

  it("B002-GRADE-4: zero settlement needs no rate", () => {
    const r = appraise([{ id: "E1", dep: 1600, prev: 1600 }]);
    expect(zh(r, "B002-GRADE-4", "c ")).toBe("c 年国际结算额(人民币)(设置 b002.grade4.intlSettlement.unit = cny)¥0.00 < ¥10,000,000.00 → 未达标");
    expect(gradeOf(r)).toBe("grade4");
  });

  it("B002-GRADE-4: a 元 settlement figure (intlSettlementCny) is used as given", () => {
    const r = appraise([{ id: "E1", dep: 100, prev: 100, cny: 1000 }]);
    expect(gradeOf(r)).toBe("grade4");
  });

  it("B002-GRADE-4: setting b002.grade4.indicatorA.kind = loans — a 1600万 of loans meets 1500万; under the default deposits (100万) it does not", () => {
    const c: ClientSpec[] = [{ id: "E1", dep: 100, loans: 1600, prev: 100 }];
    expect(gradeOf(appraise(c))).toBe("none");
    const r = appraise(c, { settings: { "b002.grade4.indicatorA.kind": "loans" } });
    expect(zh(r, "B002-GRADE-4", "a ")).toBe("a 日均贷款(设置 b002.grade4.indicatorA.kind = loans)¥16,000,000.00 ≥ ¥15,000,000.00 → 达标");
    expect(gradeOf(r)).toBe("grade4");
  });

  it("B002-GRADE-4: item d equals 三级's 1500万, so new deposits of 1500万 already give 三级", () => {
    expect(gradeOf(appraise([{ id: "E1", dep: 1500, prev: 0 }]))).toBe("grade3");
  });
});

// ---- Item thresholds at / just below / just above, per grade (unit level: the grade's items on given clients) ----

function record(clients: ClientSpec[], values: Record<string, unknown> = {}) {
  const parsed = parseAppraisalInput({ period: "2024", managers: [{ id: "T", role: "cm", history: [{ period: "2024", clients: clients.map(client), ...values }] }] });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value.managers[0].history[0];
}

function itemHeld(ruleId: string, itemId: string, clients: ClientSpec[], values: Record<string, unknown> = {}, settings: Record<string, unknown> = {}): boolean | undefined {
  const s = Settings.resolve(book.doc, settings).settings;
  const rec = record(clients, values);
  const basis = makeBasis(book, s, { agreement: "B002-AGREEMENT-DEPOSITS", newDeposits: "B002-NEW-DEPOSITS" }, rec, "T");
  if (isUnavailable(basis)) throw new Error(basis.en);
  const rule = variantFor(book.byId.get(ruleId)!, (k) => s.get(k), "cm", undefined);
  const out = testItems(ruleId, rule.params as GradeIndicatorsParams, basis, () => rec.clients);
  return out.items.find((i) => i.id === itemId)!.held;
}

type Builder = (v: string) => ClientSpec[];
const dep: Builder = (v) => [{ id: "X", dep: v, prev: v }];
const loans: Builder = (v) => [{ id: "X", dep: 0, loans: v, prev: 0 }];
const usd: Builder = (v) => [{ id: "X", dep: 0, usd: v, prev: 0 }];
const cny: Builder = (v) => [{ id: "X", dep: 0, cny: v, prev: 0 }];
const fresh: Builder = (v) => [{ id: "X", dep: v, prev: 0 }];

// [rule, item, builder, threshold in 万 (万美元 for USD)]
const THRESHOLDS: Array<[string, string, Builder, string]> = [
  ["B002-GRADE-SENIOR", "a", dep, "25000"],
  ["B002-GRADE-SENIOR", "b", loans, "35000"],
  ["B002-GRADE-SENIOR", "c", usd, "3000"],
  ["B002-GRADE-SENIOR", "d", fresh, "5000"],
  ["B002-GRADE-1", "a", dep, "15000"],
  ["B002-GRADE-1", "b", loans, "20000"],
  ["B002-GRADE-1", "c", usd, "2000"],
  ["B002-GRADE-1", "d", fresh, "3000"],
  ["B002-GRADE-2", "a", dep, "7500"],
  ["B002-GRADE-2", "b", loans, "18000"],
  ["B002-GRADE-2", "c", usd, "1000"],
  ["B002-GRADE-2", "d", fresh, "2500"],
  ["B002-GRADE-3", "a", dep, "3800"],
  ["B002-GRADE-3", "b", loans, "7200"],
  ["B002-GRADE-3", "c", usd, "500"],
  ["B002-GRADE-3", "d", fresh, "1500"],
  ["B002-GRADE-4", "a", dep, "1500"],
  ["B002-GRADE-4", "b", loans, "3600"],
  ["B002-GRADE-4", "c", cny, "1000"],
  ["B002-GRADE-4", "d", fresh, "1500"],
];

const below = (t: string) => `${Number(t) - 1}.999999`; // 0.01 元 (or US$0.01) under a whole number of 万
const above = (t: string) => `${t}.000001`; // 0.01 over

describe.each(THRESHOLDS)("%s item %s threshold (B002-CONV-BOUNDARY 以上)", (rule, item, build, t) => {
  it(`${rule} ${item}: at ${t}万 → met`, () => expect(itemHeld(rule, item, build(t))).toBe(true));
  it(`${rule} ${item}: 0.01 below ${t}万 → not met`, () => expect(itemHeld(rule, item, build(below(t)))).toBe(false));
  it(`${rule} ${item}: 0.01 above ${t}万 → met`, () => expect(itemHeld(rule, item, build(above(t)))).toBe(true));
  it(`${rule} ${item}: setting b002.boundary.yishang = exclusive → at ${t}万 not met, just above met`, () => {
    const s = { "b002.boundary.yishang": "exclusive" };
    expect(itemHeld(rule, item, build(t), {}, s)).toBe(false);
    expect(itemHeld(rule, item, build(above(t)), {}, s)).toBe(true);
  });
});

describe("B002-SINGLE-ACCOUNT", () => {
  // [rule, item, measure, single threshold 万, total threshold 万]; fillers of half the single threshold make up the total.
  const SINGLES: Array<[string, string, "dep" | "loans", number, number]> = [
    ["B002-GRADE-SENIOR", "a", "dep", 10000, 25000],
    ["B002-GRADE-SENIOR", "b", "loans", 15000, 35000],
    ["B002-GRADE-1", "a", "dep", 3000, 15000],
    ["B002-GRADE-1", "b", "loans", 7500, 20000],
    ["B002-GRADE-2", "a", "dep", 2500, 7500],
    ["B002-GRADE-2", "b", "loans", 5000, 18000],
  ];
  const withSingle = (m: "dep" | "loans", single: string, half: number, total: number): ClientSpec[] => {
    const n = Math.ceil(total / half);
    const fill = Array.from({ length: n }, (_, i) => (m === "dep" ? { id: `F${i}`, dep: half, prev: half } : { id: `F${i}`, dep: 0, loans: half, prev: 0 }));
    return [m === "dep" ? { id: "S", dep: single, prev: single } : { id: "S", dep: 0, loans: single, prev: 0 }, ...fill];
  };
  it.each(SINGLES)("B002-SINGLE-ACCOUNT %s %s: one client at / just below / just above %s万 (total met)", (rule, item, m, single, total) => {
    const half = single / 2;
    expect(itemHeld(rule, item, withSingle(m, String(single), half, total))).toBe(true);
    expect(itemHeld(rule, item, withSingle(m, below(String(single)), half, total))).toBe(false);
    expect(itemHeld(rule, item, withSingle(m, above(String(single)), half, total))).toBe(true);
  });

  it("B002-SINGLE-ACCOUNT: the rule file's example — 1.6亿 total with the largest client 2800万 → 一级 item a not met", () => {
    expect(itemHeld("B002-GRADE-1", "a", GRADE1)).toBe(false);
  });

  it("B002-SINGLE-ACCOUNT: grades 三级 and 四级 have no single-client condition", () => {
    for (const id of ["B002-GRADE-3", "B002-GRADE-4"]) {
      const p = book.byId.get(id)!.params as GradeIndicatorsParams;
      expect(p.items.filter((i) => i.single !== undefined)).toEqual([]);
    }
  });

  it("B002-SINGLE-ACCOUNT: item a's single client is measured net of agreement deposits, like the total", () => {
    const c: ClientSpec[] = [{ id: "S", dep: 11000, agr: 1500, prev: 11000 }, { id: "F1", dep: 8000, prev: 8000 }, { id: "F2", dep: 8000, prev: 8000 }];
    // net single 9500万 < 1亿 although its gross deposits are 1.1亿 (the total 2.55亿 is met)
    expect(itemHeld("B002-GRADE-SENIOR", "a", c)).toBe(false);
    expect(itemHeld("B002-GRADE-SENIOR", "a", c.map((x) => (x.id === "S" ? { ...x, agr: 1000 } : x)))).toBe(true);
  });

  it("B002-SINGLE-ACCOUNT: the single client must be a counted client — a dropped client's loans cannot be the large one", () => {
    // L1 has 1.6亿 of loans but only 400万 of deposits: dropped for 高级 (cut-off 500万), so 高级 b has no single client ≥ 1.5亿.
    const c: ClientSpec[] = [{ id: "L1", dep: 400, loans: 16000, prev: 400 }, { id: "L2", dep: 600, loans: 10000, prev: 600 }];
    expect(zh(appraise(c), "B002-GRADE-SENIOR", "b ")).toBe("b 日均贷款 ¥100,000,000.00 < ¥350,000,000.00;单户最高 ¥100,000,000.00(L2)< ¥150,000,000.00 → 未达标");
    const all = appraise(c, { settings: { "b002.exclusion.scope": "depositIndicatorsOnly" } });
    expect(zh(all, "B002-GRADE-SENIOR", "b ")).toBe("b 日均贷款 ¥260,000,000.00 < ¥350,000,000.00;单户最高 ¥160,000,000.00(L1)≥ ¥150,000,000.00 → 未达标");
  });
});

describe("B002-CLIENT-EXCLUSION", () => {
  const cut = (r: ReturnType<typeof appraise>, g: string) => zh(r, "B002-CLIENT-EXCLUSION", g);
  it.each([
    ["高级客户经理", "500"],
    ["一级客户经理", "300"],
    ["二级客户经理", "100"],
    ["三级客户经理", "50"],
    ["四级客户经理", "50"],
  ])("B002-CLIENT-EXCLUSION %s: a client at %s万 counts; 0.01 元 below is dropped; 0.01 元 above counts", (g, x) => {
    const one = (v: string) => appraise([{ id: "Y", dep: v, prev: v }]);
    expect(cut(one(x), g)).toContain("的客户 1 户");
    expect(cut(one(x), g)).toContain("无剔除");
    expect(cut(one(below(x)), g)).toContain(`剔除 Y ¥`);
    expect(cut(one(above(x)), g)).toContain("的客户 1 户");
  });

  it("B002-CLIENT-EXCLUSION: the rule file's boundary example — exactly 5 000 000.00 counts for 高级 (belowOnly)", () => {
    expect(cut(appraise([{ id: "Y", dep: 500, prev: 500 }]), "高级客户经理")).toBe("高级客户经理:统计日均存款 ≥ ¥5,000,000.00 的客户 1 户(设置 b002.exclusion.boundary = belowOnly);无剔除");
  });

  it("B002-CLIENT-EXCLUSION: setting b002.exclusion.boundary = atOrBelow — exactly 5 000 000.00 is dropped for 高级", () => {
    const r = appraise([{ id: "Y", dep: 500, prev: 500 }], { settings: { "b002.exclusion.boundary": "atOrBelow" } });
    expect(cut(r, "高级客户经理")).toBe("高级客户经理:统计日均存款 > ¥5,000,000.00 的客户 0 户(设置 b002.exclusion.boundary = atOrBelow);剔除 Y ¥5,000,000.00");
  });

  it("B002-CLIENT-EXCLUSION: the rule file's example — K4 (450万, loans 1.2亿) dropped for 高级, counted for 一级", () => {
    const r = appraise(SENIOR);
    expect(cut(r, "高级客户经理")).toContain("剔除 K4 ¥4,500,000.00");
  });

  it("B002-CLIENT-EXCLUSION: setting b002.exclusion.scope = depositIndicatorsOnly — K4's loans count for 高级 item b", () => {
    const c = SENIOR.map((x) => (x.id === "K1" ? { ...x, prev: 10000 } : x));
    const r = appraise(c, { settings: { "b002.exclusion.scope": "depositIndicatorsOnly" } });
    expect(zh(r, "B002-GRADE-SENIOR", "b ")).toBe("b 日均贷款 ¥380,000,000.00 ≥ ¥350,000,000.00;单户最高 ¥160,000,000.00(K2)≥ ¥150,000,000.00 → 达标");
    expect(zh(r, "B002-GRADE-SENIOR", "c ")).toBe("c 年国际结算额(美元)US$32,000,000.00 ≥ US$30,000,000.00 → 达标");
    expect(zh(r, "B002-GRADE-SENIOR", "a ")).toContain("¥260,000,000.00");
    expect(gradeOf(r)).toBe("senior");
  });
});

describe("B002-AGREEMENT-DEPOSITS", () => {
  const C: ClientSpec[] = [{ id: "A1", dep: 3000, agr: 1000, prev: 3000 }];

  it("B002-AGREEMENT-DEPOSITS: the rule file's example — item a uses 2000万; the 高级 cut-off uses 3000万 (counted)", () => {
    const r = appraise(C);
    expect(zh(r, "B002-GRADE-2", "a ")).toBe("a 日均存款(不含协议存款)¥20,000,000.00 < ¥75,000,000.00;单户最高 ¥20,000,000.00(A1)< ¥25,000,000.00 → 未达标");
    expect(zh(r, "B002-CLIENT-EXCLUSION", "高级客户经理")).toContain("的客户 1 户");
  });

  it("B002-AGREEMENT-DEPOSITS: item d and the client size use gross deposits by default", () => {
    const r = appraise([{ id: "A1", dep: 3000, agr: 1000, prev: 0 }]);
    expect(zh(r, "B002-GRADE-2", "d ")).toBe("d 年新增日均存款 ¥30,000,000.00 ≥ ¥25,000,000.00 → 达标");
  });

  it("B002-AGREEMENT-DEPOSITS: setting b002.agreementDeposits.excludeFrom = [indicatorA, indicatorD, floor, clientSize] — item d and the cut-off are net too", () => {
    const all = { "b002.agreementDeposits.excludeFrom": ["indicatorA", "indicatorD", "floor", "clientSize"] };
    const r = appraise([{ id: "A1", dep: 3000, agr: 1000, prev: 0 }], { settings: all });
    expect(zh(r, "B002-GRADE-2", "d ")).toBe("d 年新增日均存款(不含协议存款)¥20,000,000.00 < ¥25,000,000.00 → 未达标");
    const small = appraise([{ id: "A2", dep: 600, agr: 200, prev: 600 }], { settings: all });
    expect(zh(small, "B002-CLIENT-EXCLUSION", "高级客户经理")).toContain("剔除 A2 ¥4,000,000.00");
    expect(zh(appraise([{ id: "A2", dep: 600, agr: 200, prev: 600 }]), "B002-CLIENT-EXCLUSION", "高级客户经理")).toContain("无剔除");
  });

  it("B002-AGREEMENT-DEPOSITS: an unknown use in the setting is reported, not ignored", () => {
    const u = gradeUnavailable(appraise(C, { settings: { "b002.agreementDeposits.excludeFrom": ["indicatorA", "everything"] } }));
    expect(u?.code).toBe("value");
    expect(u?.en).toBe("setting b002.agreementDeposits.excludeFrom names unknown uses everything (known: indicatorA, indicatorD, floor, clientSize)");
  });

  it("B002-AGREEMENT-DEPOSITS: agreement deposits above the client's deposits are an input error", () => {
    const u = gradeUnavailable(appraise([{ id: "A1", dep: 100, agr: 200, prev: 100 }]));
    expect(u?.code).toBe("value");
    expect(u?.zh).toBe("客户 A1 的协议存款 ¥2,000,000.00 大于日均存款 ¥1,000,000.00");
  });
});

describe("B002-NEW-DEPOSITS", () => {
  const C: ClientSpec[] = [
    { id: "N1", dep: 13000, prev: 10000 },
    { id: "N2", dep: 7000, prev: 5000 },
    { id: "N3", dep: 1500, prev: 1000 },
    { id: "N4", dep: 1200, prev: 2000 },
  ];

  it("B002-NEW-DEPOSITS: the rule file's example — +3000万 +2000万 +500万 −800万 → net 4700万", () => {
    expect(zh(appraise(C), "B002-GRADE-SENIOR", "d ")).toBe("d 年新增日均存款 ¥47,000,000.00 < ¥50,000,000.00 → 未达标");
  });

  it("B002-NEW-DEPOSITS: setting b002.newDeposits.netting = positiveOnly → 5500万", () => {
    const r = appraise(C, { settings: { "b002.newDeposits.netting": "positiveOnly" } });
    expect(zh(r, "B002-GRADE-SENIOR", "d ")).toBe("d 年新增日均存款 ¥55,000,000.00 ≥ ¥50,000,000.00(只计存款增加的客户(设置 b002.newDeposits.netting = positiveOnly))→ 达标");
  });

  it("B002-NEW-DEPOSITS: a client without last year's figure is new (0) and named", () => {
    const r = appraise([{ id: "N1", dep: 2000, prev: 1000 }, { id: "N9", dep: 1600 }]);
    expect(zh(r, "B002-GRADE-2", "d ")).toBe("d 年新增日均存款 ¥26,000,000.00 ≥ ¥25,000,000.00(N9 无上年数据,按新客户计(上年为 0))→ 达标");
  });

  it("B002-NEW-DEPOSITS: no client carries last year's figure → the manager-level newAvgDeposits is used as is, said to skip the cut-off", () => {
    const r = appraise([{ id: "N1", dep: 80 }], { values: { newAvgDeposits: W2(1500) } });
    expect(zh(r, "B002-GRADE-3", "d ")).toBe("d 年新增日均存款 ¥15,000,000.00 ≥ ¥15,000,000.00(采用经理层面的新增日均存款,未按客户规模剔除)→ 达标");
  });

  it("B002-NEW-DEPOSITS: neither last year's figures nor newAvgDeposits → item d cannot be judged and the grade is #N/A", () => {
    const u = gradeUnavailable(appraise([{ id: "N1", dep: 80 }]));
    expect(u?.code).toBe("na");
    expect(u?.zh).toContain("客户均无上年日均存款(prevAvgDeposits),也未提供新增日均存款(newAvgDeposits)");
  });
});

function W2(wan: number): string {
  return `${wan}0000.00`;
}
