/**
 * The status stage of the six-grade scheme (B002-ANNUAL-DECISION): one status from the triggers that fired.
 * `outcomes` is the precedence, strongest first, as data: each entry is a trigger action with its status code
 * (dismiss, yellowCard, admonition, …) or the marker `{"annual": true}` — in a year period the annual appointment
 * decision (annualDecision.ts) takes that place and sets the resulting grade. The first entry that applies gives
 * the status; every other trigger that fired is still stated (flagged in addition). With nothing fired, a period
 * inside an admonition reports `admonished`, else `none`. Every trigger action of the rulebook must have a place.
 */
import { z } from "zod";
import type { Reason } from "../../model";
import { isUnavailable, reason } from "../../outcome";
import { monthRange, periodKind } from "../../periods";
import type { StatusKind, Trigger } from "../types";
import { IntegerOrSetting, isSettingRef } from "../ledger/common";
import { admonitionsOf, activeIn } from "./admonition";
import { admonitionMonths } from "./allowance";
import { AnnualParams, annualDecision, checkAnnual } from "./annualDecision";
import { Code, Labelled } from "./common";

const Entry = z.union([Labelled.extend({ action: Code }).strict(), z.object({ annual: z.literal(true) }).strict()]);

const Params = z
  .object({
    outcomes: z.array(Entry).min(1),
    annual: AnnualParams,
    none: Labelled,
    admonished: Labelled,
    admonitionMonths: IntegerOrSetting,
  })
  .strict();
type Params = z.infer<typeof Params>;

const ids = (ts: Trigger[], sep: string) => [...new Set(ts.map((t) => t.rule))].join(sep);

/** Actions a trigger rule may fire, read from its params (action, or an expiry's expired / cleared). */
function actionsOf(params: unknown): string[] {
  const p = params as { action?: unknown; expired?: unknown; cleared?: unknown; clauses?: Array<{ action?: unknown }> };
  return [p.action, p.expired, p.cleared, ...(p.clauses ?? []).map((c) => c.action)].filter((a): a is string => typeof a === "string");
}

export const tenureStatus: StatusKind<Params> = {
  kind: "tenureStatus",
  stage: "status",
  params: Params,
  check(rule, book) {
    const p = rule.params;
    const problems = checkAnnual(p.annual, book);
    if (isSettingRef(p.admonitionMonths) && !book.doc.settings[p.admonitionMonths.setting]) problems.push(`setting ${p.admonitionMonths.setting} is not declared`);
    if (!p.outcomes.some((e) => "annual" in e)) problems.push("outcomes must place the annual decision");
    const known = new Set([p.annual.floorAction, ...p.outcomes.flatMap((e) => ("action" in e ? [e.action] : []))]);
    for (const t of book.rules.filter((r) => r.kind.stage === "trigger")) {
      for (const a of actionsOf(t.params)) if (!known.has(a)) problems.push(`trigger ${t.id} fires "${a}", which the status does not handle`);
    }
    return problems;
  },
  status(rule, ctx, fired) {
    const p = rule.params;
    const year = periodKind(ctx.period) === "year";
    const reasons: Reason[] = [];
    let status: string | undefined;
    let grade: string | undefined;
    let decidedBy: string | undefined;
    for (const e of p.outcomes) {
      if ("annual" in e) {
        if (!year) continue;
        const d = annualDecision(p.annual, ctx, fired, rule.id);
        status = d.status;
        grade = d.grade;
        reasons.push(...d.reasons);
        // The floor trigger is consumed by the decision (row 1), not flagged again.
        decidedBy = p.annual.floorAction;
        break;
      }
      const ts = fired.filter((t) => t.action === e.action);
      if (ts.length === 0) continue;
      status = e.status;
      decidedBy = e.action;
      reasons.push(reason(rule.id, `${e.label.zh},依据 ${ids(ts, "、")}`, `${e.label.en}, per ${ids(ts, ", ")}`));
      break;
    }
    if (year && decidedBy !== p.annual.floorAction && status !== undefined) {
      // A stronger outcome (dismissal) decided; the annual decision is still stated for HR.
      const d = annualDecision(p.annual, ctx, fired, rule.id);
      reasons.push(reason(rule.id, `另行:年度聘任决定为 ${d.reasons[0].zh}`, `also: the annual decision would be ${d.reasons[0].en}`));
    }
    for (const e of p.outcomes) {
      if ("annual" in e || e.action === decidedBy || (year && e.action === p.annual.floorAction)) continue;
      const ts = fired.filter((t) => t.action === e.action);
      if (ts.length > 0) reasons.push(reason(rule.id, `另行标记:${e.label.zh},依据 ${ids(ts, "、")}`, `flagged in addition: ${e.label.en}, per ${ids(ts, ", ")}`));
    }
    if (status !== undefined) return { status, grade, reasons };
    const months = admonitionMonths(p.admonitionMonths, ctx.settings, rule.id);
    const list = isUnavailable(months) ? [] : admonitionsOf(ctx.history, months, rule.id);
    const range = monthRange(ctx.period);
    const a = isUnavailable(list) ? undefined : activeIn(range.first, range.last, list);
    if (a) {
      return { status: p.admonished.status, reasons: [reason(rule.id, `${p.admonished.label.zh}(${a.start} 至 ${a.end})`, `${p.admonished.label.en} (${a.start} to ${a.end})`)] };
    }
    return { status: p.none.status, reasons: [reason(rule.id, p.none.label.zh, p.none.label.en)] };
  },
};
