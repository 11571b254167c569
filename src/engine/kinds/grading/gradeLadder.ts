/**
 * B002-GRADE-RESULT (kind `gradeLadder`, grade stage): the highest grade whose conditions all hold. For each grade
 * of the ladder, highest first: the clients counted for it (B002-CLIENT-EXCLUSION, its own cut-off, so each grade
 * is tested independently), its indicator table (meet N of M, B002-GRADE-*), then the gates — asset quality and
 * the non-performance qualifications. A grade that cannot be judged (missing data) above the first grade that
 * holds makes the result unavailable: the grade is never guessed. The outcome also says what the next grade up
 * still needs (nextGrade.ts).
 *
 * When the grade is judged is data (`evaluateIn`, by `b002.payGrade.basis`): once a year on the yearly record by
 * default; every period on year-to-date figures against the annual thresholds under the quarterly alternative. In
 * a period that is not judged, the appointed grade stands and the explanation says so.
 */
import { z } from "zod";
import { holds, SYMBOL } from "../../compare";
import type { Client, PeriodRecord, Reason } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import { FIELDS } from "../../fields";
import { periodKind } from "../../periods";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";
import type { GradeKind, GradeOutcome } from "../types";
import { show } from "../scoring/common";
import { choose, settingNote } from "../tools/settingChoice";
import { checkGate, EvaluateIn, judgedRecord } from "./gate";
import { testAssetQuality, type AssetQualityParams, type GateOutcome } from "./assetQuality";
import type { CutoffParams } from "./clientConventions";
import { allOf, checkRef, dedupe, gradeName, referenced, type Tri } from "./common";
import { testItems, type GradeIndicatorsParams, type ItemsOutcome } from "./gradeIndicators";
import { depositOf, makeBasis, type Basis } from "./measures";
import { nextGradeOf } from "./nextGrade";
import { testNonPerf, type NonPerfParams } from "./nonPerf";

const Params = z
  .object({
    /** gradeIndicators rules, highest grade first. */
    ladder: z.array(z.string()).min(1),
    cutoff: z.string(),
    agreement: z.string(),
    newDeposits: z.string(),
    assetQuality: z.string(),
    nonPerf: z.string(),
    evaluateIn: EvaluateIn.optional(),
  })
  .strict();
type Params = z.infer<typeof Params>;

interface GradeTest {
  grade: string;
  held: Tri;
  items: ItemsOutcome;
  gates?: { assetQuality: GateOutcome; nonPerf: { held: Tri; reasons: Reason[] } };
  reasons: Reason[];
  unknown: Array<{ zh: string; en: string }>;
}

interface Refs {
  cutoff: CutoffParams;
  assetQuality: AssetQualityParams;
  nonPerf: NonPerfParams;
}

/** The clients counted for a grade, and those its cut-off drops. */
function counting(rule: string, refs: Refs, b: Basis, grade: string): { counted: Client[]; reasons: Reason[] } | Unavailable {
  const p = refs.cutoff;
  const cut = p.cutoffs[grade];
  const g = gradeName(b.book, grade);
  if (cut === undefined) return { counted: b.clients, reasons: [reason(rule, `${g.zh}:不按客户规模剔除`, `${g.en}: no client-size cut-off`)] };
  const op = choose(p.countedIf, b.settings);
  const counted: Client[] = [];
  const dropped: string[] = [];
  for (const c of b.clients) {
    const size = depositOf(b, c, p.size.agreementUse, p.size.field);
    if (isUnavailable(size)) return size;
    if (holds(size, op.value, cut)) counted.push(c);
    else dropped.push(`${c.id} ${show(size, "money", b.book)}`);
  }
  const s = settingNote(op);
  const scope = choose(p.scope, b.settings);
  const sc = scope.value === "depositIndicatorsOnly" ? { zh: `,仅用于存款类指标${settingNote(scope).zh}`, en: `, deposit items only${settingNote(scope).en}` } : { zh: "", en: "" };
  const drop = dropped.length > 0 ? { zh: `;剔除 ${dropped.join("、")}`, en: `; dropped: ${dropped.join(", ")}` } : { zh: ";无剔除", en: "; none dropped" };
  return {
    counted,
    reasons: [
      reason(
        rule,
        `${g.zh}:统计${FIELDS[p.size.field].zh} ${SYMBOL[op.value]} ${show(cut, "money", b.book)} 的客户 ${counted.length} 户${s.zh}${sc.zh}${drop.zh}`,
        `${g.en}: counting clients with ${FIELDS[p.size.field].en} ${SYMBOL[op.value]} ${show(cut, "money", b.book)}: ${counted.length}${s.en}${sc.en}${drop.en}`,
      ),
    ],
  };
}

function testGrade(rule: string, params: Params, refs: Refs, b: Basis, record: PeriodRecord, ladderRule: { id: string; params: GradeIndicatorsParams }): GradeTest | Unavailable {
  const p = ladderRule.params;
  const c = counting(params.cutoff, refs, b, p.grade);
  if (isUnavailable(c)) return c;
  const depositOnly = choose(refs.cutoff.scope, b.settings).value === "depositIndicatorsOnly";
  const items = testItems(ladderRule.id, p, b, (family) => (depositOnly && family === "other" ? b.clients : c.counted));
  // Bad input (agreement deposits above deposits …) is an input error (#VALUE!), not a "cannot tell".
  const bad = items.items.find((i) => i.unknown?.code === "value");
  if (bad) return bad.unknown!;
  const reasons = [...c.reasons, ...items.reasons];
  const unknown = items.items.filter((i) => i.held === undefined && i.unknown).map((i) => ({ zh: i.unknown!.zh, en: i.unknown!.en }));
  if (items.held === false) return { grade: p.grade, held: false, items, reasons, unknown };
  const gates = evaluateGates(params, refs, b, record, p.grade, c.counted);
  if (gates.assetQuality.unknown?.code === "value") return gates.assetQuality.unknown;
  reasons.push(...gates.assetQuality.reasons, ...gates.nonPerf.reasons);
  if (gates.assetQuality.unknown) unknown.push({ zh: gates.assetQuality.unknown.zh, en: gates.assetQuality.unknown.en });
  return { grade: p.grade, held: allOf([items.held, gates.assetQuality.held, gates.nonPerf.held]), items, gates, reasons, unknown };
}

function evaluateGates(params: Params, refs: Refs, b: Basis, record: PeriodRecord, grade: string, counted: Client[]): NonNullable<GradeTest["gates"]> {
  const aqClients = choose(refs.assetQuality.scope, b.settings).value === "countedClients" ? counted : b.clients;
  return {
    assetQuality: testAssetQuality(params.assetQuality, refs.assetQuality, b.book, b.settings, record, aqClients),
    nonPerf: testNonPerf(params.nonPerf, refs.nonPerf, b.book, b.settings, record, grade),
  };
}

function gradeOrderProblems(p: Params, book: CompiledRulebook): string[] {
  const grades = p.ladder.map((id) => (book.byId.get(id)?.params as GradeIndicatorsParams | undefined)?.grade);
  const idx = grades.map((g) => (g === undefined ? -1 : book.gradeIds.indexOf(g))); // int: not found
  for (let i = 1; i < idx.length; i++) { // int: loop index
    if (idx[i] <= idx[i - 1]) return [`ladder must list grades highest first (${grades.join(", ")})`]; // int: index
  }
  return [];
}

export const gradeLadder: GradeKind<Params> = {
  kind: "gradeLadder",
  stage: "grade",
  params: Params,
  check(rule, book) {
    const p = rule.params;
    const problems = [
      ...p.ladder.flatMap((id) => checkRef(book, id, "gradeIndicators")),
      ...checkRef(book, p.cutoff, "clientCutoff"),
      ...checkRef(book, p.agreement, "agreementNetting"),
      ...checkRef(book, p.newDeposits, "newDepositsMeasure"),
      ...checkRef(book, p.assetQuality, "assetQualityGate"),
      ...checkRef(book, p.nonPerf, "nonPerfQualifications"),
      ...checkGate(p, book),
    ];
    return problems.length > 0 ? problems : gradeOrderProblems(p, book);
  },
  grade(rule, ctx) {
    const p = rule.params;
    const { book, settings } = ctx;
    const judged = judgedRecord(p, ctx, rule.id);
    if (judged === "skip") {
      const g = gradeName(book, ctx.grade);
      return { grade: ctx.grade, reasons: [reason(rule.id, `${ctx.period} 不评定等级(等级每年评定一次${gateNote(p, settings).zh}),沿用聘任等级:${g.zh}`, `${ctx.period} is not a grading period (grades are set once a year${gateNote(p, settings).en}); the appointed grade stands: ${g.en}`)] };
    }
    const record = judged.record;
    if (!record) return unavailable("na", rule.id, `缺少 ${judged.period} 的记录,无法评定等级`, `no record for ${judged.period}: the grade cannot be assessed`);
    if (record.clients.length === 0) {
      return unavailable("na", rule.id, `${judged.period} 没有客户明细(clients),无法按客户统计等级指标`, `${judged.period} has no client rows (clients): grade indicators are counted per client`);
    }
    const basis = makeBasis(book, settings, { agreement: p.agreement, newDeposits: p.newDeposits }, record, rule.id);
    if (isUnavailable(basis)) return basis;
    const refs: Refs = {
      cutoff: referenced<CutoffParams>(book, settings, p.cutoff).params,
      assetQuality: referenced<AssetQualityParams>(book, settings, p.assetQuality).params,
      nonPerf: referenced<NonPerfParams>(book, settings, p.nonPerf).params,
    };
    const reasons: Reason[] = [];
    if (periodKind(judged.period) !== "year") {
      reasons.push(reason(rule.id, `按 ${judged.period} 年初至今数据对照年度标准评定`, `graded on ${judged.period} year-to-date figures against the annual thresholds`));
    }
    const tests: GradeTest[] = [];
    let attained: GradeTest | undefined;
    for (const id of p.ladder) {
      const lr = referenced<GradeIndicatorsParams>(book, settings, id, ctx.role, ctx.grade);
      const t = testGrade(rule.id, p, refs, basis, record, { id, params: lr.params });
      if (isUnavailable(t)) return t;
      tests.push(t);
      reasons.push(...t.reasons);
      if (t.held === undefined) {
        const g = gradeName(book, t.grade);
        const why = t.unknown.length > 0 ? t.unknown : [{ zh: "数据不足", en: "insufficient data" }];
        return unavailable("na", rule.id, `无法判断是否符合${g.zh}条件:${why.map((u) => u.zh).join(";")}`, `cannot tell whether the ${g.en} conditions hold: ${why.map((u) => u.en).join("; ")}`);
      }
      if (t.held) {
        attained = t;
        break;
      }
    }
    const name = gradeName(book, attained?.grade);
    reasons.push(
      attained
        ? reason(rule.id, `符合条件的最高等级:${name.zh}`, `highest grade whose conditions all hold: ${name.en}`)
        : reason(rule.id, `各等级条件均未全部满足 → 无符合条件的等级`, `no grade has all its conditions met → none`),
    );
    const out: GradeOutcome = { grade: attained?.grade, reasons };
    const at = attained ? tests.indexOf(attained) : tests.length; // int: index
    if (at > 0) {
      const next = tests[at - 1]; // int: index
      const gates = next.gates ?? evaluateGates(p, refs, basis, record, next.grade, countedFor(refs, basis, next.grade));
      out.nextGrade = nextGradeOf(rule.id, book, next.grade, next.items, [gates.assetQuality, gates.nonPerf]);
      reasons.push(...out.nextGrade.reasons);
    }
    out.reasons = dedupe(reasons);
    return out;
  },
};

function countedFor(refs: Refs, b: Basis, grade: string): Client[] {
  const c = counting("", refs, b, grade);
  return isUnavailable(c) ? b.clients : c.counted;
}

function gateNote(p: Params, settings: Settings): { zh: string; en: string } {
  const e = p.evaluateIn;
  if (!e || Array.isArray(e)) return { zh: "", en: "" };
  return { zh: `;设置 ${e.setting} = ${String(settings.get(e.setting))}`, en: `; setting ${e.setting} = ${String(settings.get(e.setting))}` };
}
