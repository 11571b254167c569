/**
 * The status stage (H003-DEMOTE-LADDER): one outcome from the triggers that fired.
 * - Dismissal wins over everything ("解除劳动合同" ends the appointment; a demotion that also fired is moot).
 * - Otherwise a demotion moves exactly one grade down in the rulebook's `grades` order (highest first), however
 *   many demotion triggers fired; the result's grade is the grade after demotion.
 * - Roles listed in `demote.keepGrade` (branch presidents) are demoted in appointment: the seed does not say to
 *   what, so the grade stays and the status says so (demoteAppointment).
 * - Below the lowest grade, a setting decides (`h003.demotion.belowJunior`: agent with consent, or termination).
 * - Flags (off post to collect) are not demotions. Chosen reporting: `status` carries the strongest outcome
 *   (dismissal > demotion > flag > normal), so a flag shows as the status only when nothing stronger fired, and
 *   every flag that fired is always stated in an extra explanation line, so it is never hidden by a demotion.
 * Every outcome names the rule ids of all triggers that decided it.
 */
import { z } from "zod";
import type { Reason } from "../../model";
import { reason } from "../../outcome";
import { Bilingual } from "../../rulebook/schema";
import type { StatusKind, Trigger } from "../types";
import { Action, checkSetting } from "./common";

const Outcome = z.object({ status: z.string().regex(/^[a-z][A-Za-z]*$/), label: Bilingual }).strict();
type Outcome = z.infer<typeof Outcome>;

const Params = z
  .object({
    none: Outcome,
    dismiss: Outcome.extend({ action: Action }).strict(),
    demote: Outcome.extend({
      action: Action,
      keepGrade: Outcome.extend({ roles: z.array(z.string()).min(1) }).strict().optional(),
      belowLowest: z.object({ setting: z.string(), cases: z.record(z.string(), Outcome) }).strict(),
    }).strict(),
    flags: z.array(Outcome.extend({ action: Action }).strict()).default([]),
  })
  .strict();
type Params = z.infer<typeof Params>;

const ids = (ts: Trigger[]) => [...new Set(ts.map((t) => t.rule))].join("、");
const idsEn = (ts: Trigger[]) => [...new Set(ts.map((t) => t.rule))].join(", ");

export const statusLadder: StatusKind<Params> = {
  kind: "statusLadder",
  stage: "status",
  params: Params,
  check(rule, book) {
    const p = rule.params;
    const problems = checkSetting(p.demote.belowLowest.setting, book);
    const def = book.doc.settings[p.demote.belowLowest.setting];
    for (const v of def?.values ?? []) if (!p.demote.belowLowest.cases[String(v)]) problems.push(`belowLowest has no case for ${String(v)}`);
    for (const r of p.demote.keepGrade?.roles ?? []) if (!book.roleIds.includes(r)) problems.push(`unknown role ${r}`);
    // Every action a trigger of this rulebook can fire must have a place on the ladder.
    const known = new Set([p.dismiss.action, p.demote.action, ...p.flags.map((f) => f.action)]);
    for (const t of book.rules.filter((r) => r.kind.stage === "trigger")) {
      const tp = t.params as { action?: unknown; clauses?: Array<{ action?: unknown }> };
      for (const a of [tp.action, ...(tp.clauses ?? []).map((c) => c.action)]) {
        if (typeof a === "string" && !known.has(a as never)) problems.push(`trigger ${t.id} fires "${a}", which the ladder does not handle`);
      }
    }
    return problems;
  },
  status(rule, ctx, fired) {
    const p = rule.params;
    const of = (action: string) => fired.filter((t) => t.action === action);
    const dismiss = of(p.dismiss.action);
    const demote = of(p.demote.action);
    const flags = p.flags.map((f) => ({ f, ts: of(f.action) })).filter((x) => x.ts.length > 0);
    const reasons: Reason[] = [];
    let status: string;
    let grade: string | undefined;
    if (dismiss.length > 0) {
      status = p.dismiss.status;
      const moot = demote.length > 0 ? { zh: `;同时触发的${p.demote.label.zh}(${ids(demote)})不再执行`, en: `; the ${p.demote.label.en} also triggered (${idsEn(demote)}) is moot` } : { zh: "", en: "" };
      reasons.push(reason(rule.id, `${p.dismiss.label.zh}(解聘优先于降级),依据 ${ids(dismiss)}${moot.zh}`, `${p.dismiss.label.en} (dismissal wins over demotion), per ${idsEn(dismiss)}${moot.en}`));
    } else if (demote.length > 0) {
      const keep = p.demote.keepGrade;
      const gi = ctx.grade !== undefined ? ctx.book.gradeIds.indexOf(ctx.grade) : -1; // int: not found
      const gradeName = (id: string) => ctx.book.doc.grades.find((g) => g.id === id)!;
      if (keep && keep.roles.includes(ctx.role)) {
        status = keep.status;
        reasons.push(reason(rule.id, `${keep.label.zh}(原文未规定降至何级,等级不变),依据 ${ids(demote)}`, `${keep.label.en} (the seed does not say to what; grade unchanged), per ${idsEn(demote)}`));
      } else if (gi < 0) {
        status = p.demote.status;
        reasons.push(reason(rule.id, `${p.demote.label.zh}一级,但当前等级未知,无法确定降至何级;依据 ${ids(demote)}`, `${p.demote.label.en} by one grade, but the current grade is unknown; per ${idsEn(demote)}`));
      } else if (gi === ctx.book.gradeIds.length - 1) { // int: last index
        const value = String(ctx.settings.get(p.demote.belowLowest.setting));
        const below = p.demote.belowLowest.cases[value];
        status = below.status;
        const g = gradeName(ctx.grade!);
        reasons.push(reason(rule.id, `${g.zh}再降级 → ${below.label.zh}(${p.demote.belowLowest.setting} = ${value}),依据 ${ids(demote)}`, `${g.en} demoted below the lowest grade → ${below.label.en} (${p.demote.belowLowest.setting} = ${value}), per ${idsEn(demote)}`));
      } else {
        status = p.demote.status;
        grade = ctx.book.gradeIds[gi + 1]; // int: next grade down
        const from = gradeName(ctx.grade!);
        const to = gradeName(grade);
        const many = demote.length > 1 ? { zh: `(触发 ${demote.length} 项,只降一级)`, en: ` (${demote.length} triggers, one grade only)` } : { zh: "", en: "" };
        reasons.push(reason(rule.id, `${p.demote.label.zh}一级:${from.zh} → ${to.zh}${many.zh},依据 ${ids(demote)}`, `${p.demote.label.en} by one grade: ${from.en} → ${to.en}${many.en}, per ${idsEn(demote)}`));
      }
    } else if (flags.length > 0) {
      status = flags[0].f.status;
    } else if (ctx.unjudged && ctx.unjudged.length > 0) {
      // Nothing fired, but some conditions could not be judged: "normal" would be a guess.
      status = "undetermined";
      const list = ctx.unjudged.join(", ");
      reasons.push(reason(rule.id, `未触发降级或解聘条件,但 ${list} 缺数据无法判断 → 待定`, `no trigger fired, but ${list} could not be judged for lack of data → undetermined`));
    } else {
      status = p.none.status;
      reasons.push(reason(rule.id, `未触发降级或解聘条件 → ${p.none.label.zh}`, `no demotion or dismissal trigger → ${p.none.label.en}`));
    }
    for (const { f, ts } of flags) {
      const note = status === f.status ? { zh: "(不是降级)", en: " (not a demotion)" } : { zh: `(另行标记,不改变上述状态)`, en: " (flagged in addition; the status above stands)" };
      reasons.push(reason(rule.id, `${f.label.zh}${note.zh},依据 ${ids(ts)}`, `${f.label.en}${note.en}, per ${idsEn(ts)}`));
    }
    return { status, grade, reasons };
  },
};
