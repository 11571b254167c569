/**
 * A candidate trigger with reason codes (B002-ADMON-TRIGGERS 诫勉, B002-YELLOW-TRIGGERS 黄牌警告,
 * B002-DISMISS-TRIGGERS 解聘): the seed lists reasons to *propose* a measure; imposing it is a human decision. Each
 * code holds when any of its tests holds; the trigger fires (its `action`) with every code that holds. A code
 * that cannot be judged (missing quarterly data) is never read as "not held": if no code holds the trigger is
 * unavailable with the reason; otherwise the explanation also says what could not be judged.
 * Tests: an event flag in the period, a run of quarters below a completion bar, a duration of at least N months,
 * a main client's decline, another trigger rule firing (the floor, B002-FLOOR), an event repeated in the next year.
 * `judgeIn` lists the period kinds the rule is judged in (quarterly rules: quarters and years).
 */
import { z } from "zod";
import type { Reason } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import { periodKind } from "../../periods";
import type { CompiledRulebook } from "../../rulebook/compile";
import { appliesTo, variantFor } from "../../rulebook/variants";
import { Bilingual, RULE_ID } from "../../rulebook/schema";
import type { EvalContext, TriggerKind } from "../types";
import { Code } from "./common";
import { checkDecline, DeclineTest, evaluateDeclineTest } from "./testDecline";
import { checkDuration, DurationTest, evaluateDurationTest } from "./testDuration";
import { evaluateFlagsTest, FlagsTest } from "./testFlags";
import { checkQuarterRun, evaluateQuarterRun, QuarterRunTest } from "./testQuarterRun";
import { checkRepeat, evaluateRepeatTest, RepeatTest } from "./testRepeat";
import type { TestResult } from "./testTypes";

const RuleFiresTest = z.object({ ruleFires: z.string().regex(RULE_ID) }).strict();
type RuleFiresTest = z.infer<typeof RuleFiresTest>;

const Test = z.union([FlagsTest, QuarterRunTest, DurationTest, DeclineTest, RuleFiresTest, RepeatTest]);
type Test = z.infer<typeof Test>;

const CodeDef = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    label: Bilingual,
    any: z.array(Test).min(1),
  })
  .strict();

const Params = z
  .object({
    action: Code,
    /** What the trigger proposes, e.g. 可提出诫勉 / admonition may be proposed. */
    label: Bilingual,
    judgeIn: z.array(z.enum(["month", "quarter", "halfYear", "year"])).min(1),
    codes: z.array(CodeDef).min(1),
  })
  .strict()
  .refine((p) => new Set(p.codes.map((c) => c.code)).size === p.codes.length, { message: "codes must be unique" });
type Params = z.infer<typeof Params>;

function checkTest(t: Test, self: string, book: CompiledRulebook): string[] {
  if ("completion" in t) return checkQuarterRun(t, book);
  if ("duration" in t) return checkDuration(t, book);
  if ("decline" in t) return checkDecline(t, book);
  if ("repeat" in t) return checkRepeat(t, book);
  if ("ruleFires" in t) {
    const target = book.byId.get(t.ruleFires);
    if (!target) return [`unknown rule ${t.ruleFires}`];
    if (t.ruleFires === self) return ["a rule cannot test itself"];
    return target.kind.stage === "trigger" ? [] : [`${t.ruleFires} is not a trigger rule`];
  }
  return [];
}

function ruleFires(t: RuleFiresTest, ctx: EvalContext): TestResult {
  const target = ctx.book.byId.get(t.ruleFires)!;
  if (!appliesTo(target, ctx.role, ctx.grade)) return { held: false, reasons: [] };
  const v = variantFor(target, (k) => ctx.settings.get(k), ctx.role, ctx.grade);
  const res = (v.kind as TriggerKind<unknown>).trigger(v, ctx);
  if (res === undefined) return { held: false, reasons: [] };
  if (isUnavailable(res)) return res;
  // The other rule explains itself in full; here its conclusion (last line) is enough.
  return { held: true, reasons: res.reasons.slice(-1) };
}

function evaluateTest(t: Test, ctx: EvalContext, rule: string): TestResult {
  if ("flags" in t) return evaluateFlagsTest(t, ctx, rule);
  if ("completion" in t) return evaluateQuarterRun(t, ctx, rule);
  if ("duration" in t) return evaluateDurationTest(t, ctx, rule);
  if ("decline" in t) return evaluateDeclineTest(t, ctx, rule);
  if ("repeat" in t) return evaluateRepeatTest(t, ctx, rule);
  return ruleFires(t, ctx);
}

export interface CodeOutcome {
  code: string;
  label: { zh: string; en: string };
  result: TestResult;
}

/** Every code of the rule judged on this context (undefined when the rule is not judged in this period kind). */
export function evaluateCodes(rule: { id: string; params: Params }, ctx: EvalContext): CodeOutcome[] | undefined {
  const kind = periodKind(ctx.period);
  if (!kind || !rule.params.judgeIn.includes(kind)) return undefined;
  return rule.params.codes.map((c) => {
    const held: Reason[] = [];
    let unknown: Unavailable | undefined;
    for (const t of c.any) {
      const r = evaluateTest(t, ctx, rule.id);
      if (isUnavailable(r)) unknown ??= r;
      else if (r.held) held.push(...r.reasons);
    }
    const result: TestResult = held.length > 0 ? { held: true, reasons: held } : (unknown ?? { held: false, reasons: [] });
    return { code: c.code, label: c.label, result };
  });
}

export const codedTrigger: TriggerKind<Params> = {
  kind: "codedTrigger",
  stage: "trigger",
  params: Params,
  check(rule, book) {
    return rule.params.codes.flatMap((c) => c.any.flatMap((t) => checkTest(t, rule.id, book)));
  },
  trigger(rule, ctx) {
    const outcomes = evaluateCodes(rule, ctx);
    if (!outcomes) return undefined;
    const p = rule.params;
    const held = outcomes.filter((o) => !isUnavailable(o.result) && o.result.held);
    const unknown = outcomes.filter((o) => isUnavailable(o.result));
    if (held.length === 0) {
      if (unknown.length === 0) return undefined;
      const us = unknown.map((o) => o.result as Unavailable);
      return unavailable(us[0].code, rule.id, unknown.map((o, i) => `${o.code}:${us[i].zh}`).join(";"), unknown.map((o, i) => `${o.code}: ${us[i].en}`).join("; "));
    }
    const reasons: Reason[] = held.map((o) => {
      const rs = (o.result as { reasons: Reason[] }).reasons;
      return reason(
        rule.id,
        `${p.label.zh} [${o.code} ${o.label.zh}]:${rs.map((r) => r.zh).join(";")}`,
        `${p.label.en} [${o.code} ${o.label.en}]: ${rs.map((r) => r.en).join("; ")}`,
      );
    });
    for (const o of unknown) {
      const u = o.result as Unavailable;
      reasons.push(reason(rule.id, `无法判断 ${o.code}:${u.zh}`, `cannot tell ${o.code}: ${u.en}`));
    }
    return { rule: rule.id, action: p.action, reasons };
  },
};
