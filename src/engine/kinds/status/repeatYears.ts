/**
 * "连续2年者解除劳动合同" (H003-DISMISS-PRESIDENT-REPEAT): a condition trigger (the target rule) that holds in the
 * appraised year and in each of the N−1 years before fires this rule's action instead of a second demotion.
 *
 * Earlier years are judged from the history, never assumed: the record whose period is that year (YYYY) is appraised
 * with the same rulebook and settings (so its own score is computed by the same scoring rules), and the target
 * rule's clauses are evaluated on it. `match` (`h003.president.repeatRule`): `anyConditionBothYears` = any clause
 * in every year; `sameCondition` = one clause id held in every year (the key-indicator clause counts as one
 * condition, whichever key indicator missed).
 * A year with no record is reported as unavailable when the appraised year holds (it could be a dismissal).
 */
import { z } from "zod";
import { evaluateManager, makeContext } from "../../evaluate";
import type { Reason } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import { yearOf } from "../../periods";
import type { CompiledRule } from "../../rulebook/compile";
import { appliesTo, variantFor } from "../../rulebook/variants";
import { RULE_ID } from "../../rulebook/schema";
import type { EvalContext, TriggerKind } from "../types";
import { Action, ACTIONS, checkChoice, choice, readChoice } from "./common";
import { combineUnknown, evaluateConditions, type ConditionParams, type ConditionsOutcome } from "./conditionTrigger";

const MATCH = ["anyConditionBothYears", "sameCondition"] as const;

const Params = z
  .object({
    target: z.string().regex(RULE_ID),
    years: z.number().int().min(2),
    match: choice(MATCH),
    action: Action,
  })
  .strict();
type Params = z.infer<typeof Params>;

/** The target rule judged on one context, or undefined when it does not apply there. */
function judge(target: CompiledRule<ConditionParams>, ctx: EvalContext): ConditionsOutcome | Unavailable | undefined {
  if (!appliesTo(target, ctx.role, ctx.grade)) return undefined;
  const variant = variantFor(target, (k) => ctx.settings.get(k), ctx.role, ctx.grade);
  const o = evaluateConditions(variant, ctx);
  return o === "skip" ? undefined : o;
}

function yearReasons(year: number, o: ConditionsOutcome, ids?: Set<string>): { zh: string; en: string } {
  const rs: Reason[] = o.held.filter((c) => !ids || ids.has(c.id)).flatMap((c) => c.why());
  return { zh: `${year}:${rs.map((r) => r.zh).join(";")}`, en: `${year}: ${rs.map((r) => r.en).join("; ")}` };
}

export const repeatInConsecutiveYears: TriggerKind<Params> = {
  kind: "repeatInConsecutiveYears",
  stage: "trigger",
  params: Params,
  check(rule, book) {
    const target = book.byId.get(rule.params.target);
    const problems = checkChoice(rule.params.match, MATCH, book);
    if (!target) problems.push(`unknown target rule ${rule.params.target}`);
    else if (target.kind.kind !== "conditionTrigger") problems.push(`target ${target.id} must be a conditionTrigger rule`);
    return problems;
  },
  trigger(rule, ctx) {
    const p = rule.params;
    const target = ctx.book.byId.get(p.target) as CompiledRule<ConditionParams>;
    const year = yearOf(ctx.period);
    const current = judge(target, ctx);
    // The appraised year must hold for sure; if it cannot be judged, the target rule already reports why.
    if (!current || isUnavailable(current) || current.held.length === 0) return undefined;
    const years: Array<{ year: number; o: ConditionsOutcome }> = [{ year, o: current }];
    for (let k = 1; k < p.years; k++) { // int: count of earlier years
      const y = year - k; // int: calendar year
      const period = String(y);
      if (!ctx.history.some((r) => r.period === period)) {
        return unavailable(
          "na",
          rule.id,
          `${year} 年触发 ${target.id},但缺少 ${y} 年度记录,无法判断是否连续 ${p.years} 年`,
          `${target.id} holds in ${year} but there is no ${y} record to tell whether it held ${p.years} years in a row`,
        );
      }
      const yctx = makeContext(ctx.book, ctx.settings, ctx.manager, period);
      yctx.score = evaluateManager(ctx.book, ctx.settings, ctx.manager, period).score;
      const o = judge(target, yctx);
      if (!o) return undefined;
      if (isUnavailable(o)) return o;
      years.push({ year: y, o });
    }
    const match = readChoice(p.match, ctx.settings);
    const unknownIds = (o: ConditionsOutcome) => o.unknown.map((u) => u.id);
    const heldIds = (o: ConditionsOutcome) => o.held.map((c) => c.id);
    let definite: Set<string>;
    let possible: Set<string>;
    if (match === "anyConditionBothYears") {
      const all = years.every((y) => y.o.held.length > 0);
      definite = new Set(all ? ["any"] : []);
      possible = new Set(years.every((y) => y.o.held.length > 0 || y.o.unknown.length > 0) ? ["any"] : []);
    } else {
      definite = new Set(heldIds(years[0].o).filter((id) => years.every((y) => heldIds(y.o).includes(id))));
      possible = new Set(
        [...heldIds(years[0].o), ...unknownIds(years[0].o)].filter((id) => years.every((y) => heldIds(y.o).includes(id) || unknownIds(y.o).includes(id))),
      );
    }
    if (definite.size === 0) {
      if (possible.size === 0) return undefined;
      return combineUnknown(rule.id, years.flatMap((y) => y.o.unknown));
    }
    const ids = match === "sameCondition" ? definite : undefined;
    const per = years.map((y) => yearReasons(y.year, y.o, ids));
    const act = ACTIONS[p.action];
    const yearsText = years.map((y) => y.year).join("、");
    const same = ids ? { zh: "同一条件", en: " on the same condition" } : { zh: "", en: "" };
    return {
      rule: rule.id,
      action: p.action,
      reasons: [
        reason(
          rule.id,
          `${yearsText} 年连续 ${p.years} 年${same.zh}触发 ${target.id}(${per.map((x) => x.zh).join(" | ")})→ ${act.zh}`,
          `${target.id} held ${p.years} years in a row${same.en} (${per.map((x) => x.en).join(" | ")}) → ${act.en}`,
        ),
      ],
    };
  },
};
