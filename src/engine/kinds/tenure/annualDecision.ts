/**
 * B002-ANNUAL-DECISION (with B002-PROMOTE and B002-DEMOTE-TARGET): the year's appointment outcome, first match wins:
 *  1. floor missed (the floor rule fired) → exit the CM sequence next year (B002-FLOOR-FAIL-EXIT);
 *  2. main indicators not completed, or in the bottom N two years running → demote or exit (discretionary; the
 *     suggested target per B002-DEMOTE-TARGET, one grade down when the results still support the current grade);
 *  3. appraisal 称职 or better, targets completed, results support a higher grade, promotion exam passed → promote
 *     one grade (exceptional promotion: to the grade supported, B002-PROMOTE);
 *  4. appraisal 称职 or better, targets completed, results support the current grade or higher → renew;
 *  5. results below the current grade (or none) → demote (B002-DEMOTE-TARGET);
 *  6. otherwise (supported, but appraisal below 称职 or targets not completed) → review: the seed gives no outcome.
 * A trainee (period over) is appointed at the grade the results support (row 1 still applies); none → review.
 * Inputs: appointed grade (ctx.grade), attained grade (ctx.attainedGrade from the grade stage), the year record's
 * tasks or completion fields, appraisal / exam / ranking flags and fields. An input that a row needs and that is
 * missing gives `review` with the reason — never a guessed outcome.
 */
import { z } from "zod";
import { Condition, holds, NEGATED_SYMBOL, opOf, SYMBOL } from "../../compare";
import type { FieldName } from "../../fields";
import type { Reason } from "../../model";
import { isUnavailable, reason } from "../../outcome";
import { yearOf } from "../../periods";
import type { CompiledRulebook } from "../../rulebook/compile";
import { RULE_ID } from "../../rulebook/schema";
import type { EvalContext, Trigger } from "../types";
import { checkChoice, choice, readChoice } from "../status/common";
import { Code, FieldRef, flagText, FlagRef, gradeIndex, gradeText, Labelled, show } from "./common";
import { checkMeasure, completionOf, Measure } from "./completion";
import { DEMOTION_TARGETS, demoteTarget, oneStepDown, type Target } from "./demoteTarget";

const OUTCOMES = ["exit", "demoteOrExit", "promote", "renew", "demote", "review", "appoint"] as const;

export const AnnualParams = z
  .object({
    floorAction: Code,
    traineeGrade: z.string(),
    lowestGrade: z.string(),
    completion: Measure,
    completed: Condition,
    targetsField: FieldRef,
    appraisal: z.object({ atLeastCompetent: z.array(FlagRef).min(1), belowCompetent: z.array(FlagRef).min(1) }).strict(),
    examFlag: FlagRef,
    exceptionalFlag: FlagRef,
    bottom: z.object({ flag: FlagRef, rankField: FieldRef, sizeField: FieldRef, last: z.number().int().min(1), years: z.number().int().min(1) }).strict(),
    demotionTarget: choice(DEMOTION_TARGETS),
    cites: z.object({ promote: z.string().regex(RULE_ID), demoteTarget: z.string().regex(RULE_ID), floorExit: z.string().regex(RULE_ID) }).strict(),
    outcomes: z.object(Object.fromEntries(OUTCOMES.map((o) => [o, Labelled])) as Record<(typeof OUTCOMES)[number], typeof Labelled>).strict(),
  })
  .strict();
export type AnnualParams = z.infer<typeof AnnualParams>;

export function checkAnnual(p: AnnualParams, book: CompiledRulebook): string[] {
  const problems = [...checkChoice(p.demotionTarget, DEMOTION_TARGETS, book), ...checkMeasure(p.completion, book)];
  for (const g of [p.traineeGrade, p.lowestGrade]) if (!book.gradeIds.includes(g)) problems.push(`unknown grade ${g}`);
  return problems;
}

export interface Decision {
  status: string;
  grade?: string;
  reasons: Reason[];
}

type Tri = boolean | undefined;
const yesNo = (b: Tri, yes: string, no: string, unknown: string) => (b === undefined ? unknown : b ? yes : no);

/** Bottom N in this year and the N−1 years before, from a flag or from rank and unit size per year. */
function bottomRun(p: AnnualParams, ctx: EvalContext): { value: boolean; zh: string; en: string } {
  const b = p.bottom;
  if (ctx.record?.flags.includes(b.flag)) {
    const f = flagText(b.flag);
    return { value: true, zh: f.zh, en: f.en };
  }
  const year = yearOf(ctx.period);
  const parts: string[] = [];
  const partsEn: string[] = [];
  for (let k = 0; k < b.years; k++) { // int: year count
    const y = String(year - k); // int: calendar year
    const r = ctx.history.find((x) => x.period === y);
    const rank = r?.values[b.rankField as FieldName];
    const size = r?.values[b.sizeField as FieldName];
    if (rank === undefined || size === undefined) {
      return { value: false, zh: `${y} 年未提供排名,按未进入后 ${b.last} 名处理`, en: `no ${y} ranking given: not counted as bottom ${b.last}` };
    }
    const cut = size.minus(b.last).plus(1);
    const small = size.lte(b.last) ? { zh: `(仅 ${size.toFixed()} 人,人人都在后 ${b.last} 名)`, en: ` (only ${size.toFixed()} ranked: everyone is bottom ${b.last})` } : { zh: "", en: "" };
    if (!rank.gte(cut)) return { value: false, zh: `${y} 年排名 ${rank.toFixed()}/${size.toFixed()},不在后 ${b.last} 名`, en: `${y}: rank ${rank.toFixed()} of ${size.toFixed()}, not bottom ${b.last}` };
    parts.push(`${y} 年 ${rank.toFixed()}/${size.toFixed()}${small.zh}`);
    partsEn.push(`${y}: ${rank.toFixed()} of ${size.toFixed()}${small.en}`);
  }
  return { value: true, zh: `连续 ${b.years} 年在后 ${b.last} 名(${parts.join("、")})`, en: `bottom ${b.last} ${b.years} years running (${partsEn.join("; ")})` };
}

export function annualDecision(p: AnnualParams, ctx: EvalContext, fired: Trigger[], rule: string): Decision {
  const book = ctx.book;
  const o = p.outcomes;
  const r = (zh: string, en: string, id = rule) => reason(id, zh, en);
  const current = ctx.grade;
  const c = gradeText(book, current);
  // The grade stage sets attainedGrade (undefined = no grade supported); absent = it could not run.
  const known = Object.prototype.hasOwnProperty.call(ctx, "attainedGrade");
  const qualified = ctx.attainedGrade;
  const q = qualified === undefined ? { zh: "未达到任何等级", en: "no grade" } : gradeText(book, qualified);
  const done = (outcome: Labelled, zh: string, en: string, grade?: string, extra: Reason[] = []): Decision => ({
    status: outcome.status,
    grade,
    reasons: [r(`${outcome.label.zh}:${zh}`, `${outcome.label.en}: ${en}`), ...extra],
  });

  if (current === undefined || !book.gradeIds.includes(current)) return done(o.review, "现聘等级未知", "the appointed grade is unknown");
  const floor = fired.filter((t) => t.action === p.floorAction);
  if (floor.length > 0) {
    const ids = [...new Set(floor.map((t) => t.rule))].join("、");
    const via = ids === p.cites.floorExit ? "" : `、${p.cites.floorExit}`;
    return done(o.exit, `未达到在岗最低及格线(${ids}${via}),次年退出客户经理序列,待岗培训`, `the on-post floor was missed (${ids}${via ? `, ${p.cites.floorExit}` : ""}): leaves the CM sequence next year, on standby for training`);
  }
  if (!known) {
    return done(o.review, "业绩达到的等级未能测算(见等级规则的说明)", "the grade the results support could not be determined (see the grade rule)");
  }
  if (current === p.traineeGrade) {
    if (qualified === undefined) return done(o.review, "见习期满,业绩未达到任何客户经理等级", "trainee period over, the results support no CM grade");
    return done(o.appoint, `见习期满,对照各级标准聘任为 ${q.zh}`, `trainee period over: appointed at the grade the results support, ${q.en}`, qualified);
  }

  const op = opOf(book, ctx.settings, p.completed);
  const bar = show(p.completed.value, "rate", book);
  const main = completionOf(p.completion, ctx.record, book, ctx.settings, rule, ctx.period);
  const mainDone: Tri = isUnavailable(main) ? undefined : holds(main.value, op, p.completed.value);
  const mainText = isUnavailable(main) ? { zh: main.zh, en: main.en } : { zh: `${main.zh} ${mainDone ? SYMBOL[op] : NEGATED_SYMBOL[op]} ${bar}`, en: `${main.en} ${mainDone ? SYMBOL[op] : NEGATED_SYMBOL[op]} ${bar}` };
  const bottom = bottomRun(p, ctx);

  const gi = gradeIndex(book, current);
  const qi = qualified === undefined ? book.gradeIds.length : gradeIndex(book, qualified);
  const mode = readChoice(p.demotionTarget, ctx.settings);
  const targetReason = (t: Target) => r(t.zh, t.en, p.cites.demoteTarget);
  const summary = r(`现聘 ${c.zh},业绩达到 ${q.zh}`, `appointed ${c.en}, results support ${q.en}`);

  if (mainDone === false || bottom.value) {
    const why = mainDone === false ? { zh: `未完成主要业务指标(${mainText.zh})`, en: `main indicators not completed (${mainText.en})` } : { zh: bottom.zh, en: bottom.en };
    const t = demoteTarget(book, current, qualified, mode, p.lowestGrade) ?? oneStepDown(book, current, p.lowestGrade);
    const to = t.grade ? gradeText(book, t.grade) : undefined;
    const sugg = to ? { zh: `建议低聘至 ${to.zh}`, en: `suggested lower grade ${to.en}` } : { zh: "无可低聘的等级", en: "no lower grade" };
    return done(o.demoteOrExit, `${why.zh};视实际情况予以低聘或退出客户经理序列(${sugg.zh})`, `${why.en}; lower appointment or exit as circumstances warrant (${sugg.en})`, t.grade, [summary, targetReason(t)]);
  }
  if (mainDone === undefined) return done(o.review, `无法判断是否完成主要业务指标:${mainText.zh}`, `cannot tell whether the main indicators were completed: ${mainText.en}`, undefined, [summary]);

  if (qi > gi) {
    const t = demoteTarget(book, current, qualified, mode, p.lowestGrade)!;
    if (t.grade === undefined) return done(o.review, t.zh, t.en, undefined, [summary, targetReason(t)]);
    return done(o.demote, `业绩达到的等级低于现聘等级(${q.zh} < ${c.zh}),予以低聘(${readSetting(p, mode)})`, `the results support a grade below the appointed one (${q.en} < ${c.en}): lower appointment (${readSetting(p, mode)})`, t.grade, [summary, targetReason(t)]);
  }

  const rec = ctx.record;
  const competent: Tri = rec?.flags.some((f) => p.appraisal.atLeastCompetent.includes(f)) ? true : rec?.flags.some((f) => p.appraisal.belowCompetent.includes(f)) ? false : undefined;
  const appraisal = [...p.appraisal.atLeastCompetent, ...p.appraisal.belowCompetent].find((f) => rec?.flags.includes(f));
  const apText = appraisal ? flagText(appraisal) : { zh: "未提供年度考核结果", en: "no annual appraisal given" };
  const tv = rec?.values[p.targetsField as FieldName];
  const targets: Tri = tv !== undefined ? holds(tv, op, p.completed.value) : mainDone;
  const tText = tv !== undefined ? { zh: `年度目标任务完成率 ${show(tv, "rate", book)}`, en: `annual target completion ${show(tv, "rate", book)}` } : { zh: "年度目标任务按主要业务指标计", en: "annual targets taken as the main indicators" };
  const facts = r(
    `现聘 ${c.zh},业绩达到 ${q.zh};${apText.zh};${tText.zh}(${yesNo(targets, "完成", "未完成", "未知")});${mainText.zh}`,
    `appointed ${c.en}, results support ${q.en}; ${apText.en}; ${tText.en} (${yesNo(targets, "completed", "not completed", "unknown")}); ${mainText.en}`,
  );
  if (competent === undefined) return done(o.review, "缺少年度考核结果(优秀/称职/基本称职/不称职),无法决定续聘或晋升", "no annual appraisal result (excellent / competent / basic / incompetent): cannot decide renewal or promotion", undefined, [facts]);
  if (competent && targets) {
    if (qi < gi) {
      const exam = rec?.flags.includes(p.examFlag) ?? false;
      if (exam) {
        const exceptional = rec?.flags.includes(p.exceptionalFlag) ?? false;
        const to = exceptional ? qualified! : book.gradeIds[gi - 1]; // int: one grade up
        const t = gradeText(book, to);
        const how = exceptional
          ? r(`业绩特别突出,破格晋升至业绩达到的等级:${c.zh} → ${t.zh}`, `exceptional promotion to the grade the results support: ${c.en} → ${t.en}`, p.cites.promote)
          : r(`晋升一级:${c.zh} → ${t.zh}(业绩达到 ${q.zh})`, `promoted one grade: ${c.en} → ${t.en} (results support ${q.en})`, p.cites.promote);
        return done(o.promote, "称职及以上、完成年度目标任务、达到上一等级任职条件且升等考试合格", "competent or better, annual targets completed, next grade's conditions met and the promotion exam passed", to, [facts, how]);
      }
      const ex = flagText(p.examFlag);
      return done(o.renew, `达到更高等级但未${ex.zh}(未考或未通过),续聘 ${c.zh}`, `a higher grade is supported but no ${ex.en}: renewed at ${c.en}`, current, [facts]);
    }
    return done(o.renew, `称职及以上、完成年度目标任务,继续达到 ${c.zh} 任职条件`, `competent or better, annual targets completed, still meets ${c.en}`, current, [facts]);
  }
  if (targets === undefined) return done(o.review, "无法判断是否完成年度目标任务", "cannot tell whether the annual targets were completed", undefined, [facts]);
  return done(o.review, "达到现聘等级,但年度考核低于称职或未完成年度目标任务,原文未规定结果", "the current grade is supported, but the appraisal is below competent or the targets were not completed: the seed gives no outcome", undefined, [facts]);
}

function readSetting(p: AnnualParams, mode: string): string {
  return typeof p.demotionTarget === "string" ? mode : `${p.demotionTarget.setting} = ${mode}`;
}
