/**
 * C000-DEMOTE-EFFECT as the status stage of the credit-cooperative rulebook: one status from the demotion cycle
 * (./cycle.ts) and the triggers that fired.
 * - demote: a demotion was triggered in the appraised period; the person becomes a general marketer and loses the
 *   base salary from the effective month (c000.demotion.effective).
 * - reinstate: a general marketer who may apply to be re-appointed CM (C000-REINSTATE);
 * - demoted: a general marketer still counting completed months;
 * - none: otherwise, with the current count of missed months;
 * - flags (C000-OPT-NO-PROMOTION-2Y's "noPromotion") show as the status only when nothing else happened, and are
 *   always stated;
 * - undetermined: the cycle could not be computed (the reason is given; never reported as normal).
 * The grade (CM level) is never changed here: the seed demotes in role, not in level.
 */
import type { Reason } from "../../model";
import { isUnavailable, reason } from "../../outcome";
import { monthOfIndex } from "../../periods";
import type { Trigger, StatusKind } from "../types";
import { roleName } from "../ledger/common";
import { checkPicked, note, pick } from "./common";
import { checkCycle, cycleOf, demotionsIn } from "./cycle";
import { DemotionStatusParams } from "./cycleParams";

const ids = (ts: Trigger[]) => [...new Set(ts.map((t) => t.rule))];

export const coopDemotionStatus: StatusKind<DemotionStatusParams> = {
  kind: "coopDemotionStatus",
  stage: "status",
  params: DemotionStatusParams,
  check(rule, book) {
    const p = rule.params;
    const problems = [...checkCycle(book), ...checkPicked(p.effective, rule, book)];
    for (const r of [...p.subjectRoles, p.demotedRole]) if (!book.roleIds.includes(r)) problems.push(`unknown role ${r}`);
    const known = new Set([p.demote.action, p.reinstate.action, ...p.flags.map((f) => f.action)]);
    for (const t of book.rules.filter((r) => r.kind.stage === "trigger")) {
      const a = (t.params as { action?: unknown }).action;
      if (typeof a === "string" && !known.has(a)) problems.push(`trigger ${t.id} fires "${a}", which the status rule does not handle`);
    }
    return problems;
  },
  status(rule, ctx, fired) {
    const p = rule.params;
    const c = cycleOf(ctx);
    const reasons: Reason[] = [];
    const marketer = roleName(ctx.book, p.demotedRole);
    let status = p.none.status;
    if (isUnavailable(c)) {
      status = p.undetermined.status;
      reasons.push(reason(rule.id, `${p.undetermined.label.zh}:${c.zh}`, `${p.undetermined.label.en}: ${c.en}`));
    } else if (c !== "skip") {
      const month = c.months.get(c.end);
      if (month) reasons.push(...month.reasons);
      reasons.push(...c.notes);
      const now = demotionsIn(c, ctx);
      const eff = pick(p.effective, ctx.settings);
      const n = note(eff);
      if (now.length > 0) {
        status = p.demote.status;
        for (const d of now) {
          const rules = d.triggers.map((t) => t.rule);
          reasons.push(
            reason(
              rule.id,
              `${monthOfIndex(d.month!)} 触发降级(${rules.join("、")})→ 自 ${monthOfIndex(d.effective)} 起转为${marketer.zh},${p.cancels.zh}${n.zh}`,
              `demotion triggered in ${monthOfIndex(d.month!)} (${rules.join(", ")}) → ${marketer.en} from ${monthOfIndex(d.effective)}, ${p.cancels.en}${n.en}`,
            ),
          );
        }
      } else if (c.phase === "marketer" && c.current) {
        const d = c.current;
        const since = d.month !== undefined
          ? { zh: `${monthOfIndex(d.month)} 触发降级,自 ${monthOfIndex(d.effective)} 起为${marketer.zh}`, en: `demoted in ${monthOfIndex(d.month)}: ${marketer.en} since ${monthOfIndex(d.effective)}` }
          : { zh: `自 ${monthOfIndex(d.effective)} 起记录为${marketer.zh}`, en: `recorded as ${marketer.en} since ${monthOfIndex(d.effective)}` };
        if (d.eligibleFrom !== undefined) {
          status = p.reinstate.status;
          reasons.push(
            reason(
              rule.id,
              `${since.zh},${p.cancels.zh};${p.reinstate.label.zh}:自 ${monthOfIndex(d.eligibleFrom)} 起可申请(须本人申请并经组织考核)`,
              `${since.en}, ${p.cancels.en}; ${p.reinstate.label.en}: may apply from ${monthOfIndex(d.eligibleFrom)} (needs an application and an assessment)`,
            ),
          );
        } else {
          status = p.demoted.status;
          const done = d.completed.length;
          reasons.push(
            reason(
              rule.id,
              `${since.zh},${p.cancels.zh};已连续完成任务 ${done} 个月`,
              `${since.en}, ${p.cancels.en}; tasks completed ${done} month(s) in a row`,
            ),
          );
        }
      } else if (c.phase === "cm") {
        const k = c.run.length;
        reasons.push(
          reason(
            rule.id,
            k > 0 ? `${p.none.label.zh}:已连续 ${k} 个月未完成任务(${c.run.map(monthOfIndex).join("、")})` : `${p.none.label.zh}:当前没有连续未完成任务的月份`,
            k > 0 ? `${p.none.label.en}: tasks missed ${k} month(s) in a row (${c.run.map(monthOfIndex).join(", ")})` : `${p.none.label.en}: no run of missed months`,
          ),
        );
      } else {
        const r = roleName(ctx.book, c.role);
        reasons.push(reason(rule.id, `${r.zh}不适用客户经理降级与重新转聘规则`, `the CM demotion and reinstatement rules do not apply to ${r.en}`));
      }
    }
    const flags = p.flags.map((f) => ({ f, ts: fired.filter((t) => t.action === f.action) })).filter((x) => x.ts.length > 0);
    if (status === p.none.status && flags.length > 0) status = flags[0].f.status;
    for (const { f, ts } of flags) {
      reasons.push(reason(rule.id, `${f.label.zh},依据 ${ids(ts).join("、")}`, `${f.label.en}, per ${ids(ts).join(", ")}`));
    }
    return { status, reasons };
  },
};
