/**
 * Clauses over the records of a window (H003-DISMISS-CM-CONDUCT, H003-DISMISS-PRESIDENT-ACCIDENT):
 * - `flags`: an event flag in any record of the window (重大违规违纪, 重大经济损失, 重大安全责任事故);
 * - `sum`: a field summed over the window against a threshold (违规扣分 15 分(含)以上), optionally only over the
 *   records carrying an event flag (the loss caused by a major accident, "万元以上").
 * `absent` says what it means when no record of the window reports the field: `none` for values recorded only
 * when something happened (conduct deductions are entered per violation), `unavailable` where a missing figure
 * cannot be read as zero (the loss of an accident that did happen).
 */
import { z } from "zod";
import { holds, NEGATED_SYMBOL, SYMBOL } from "../../compare";
import { sum, ZERO } from "../../decimal";
import { FIELDS, FLAGS, isFieldName, type FieldName, type FlagName } from "../../fields";
import { isUnavailable, reason, unavailable } from "../../outcome";
import type { EvalContext } from "../types";
import { show } from "../scoring/common";
import { Action, readChoice, resolveThreshold, Threshold, type ClauseResult } from "./common";
import { nonOverlapping, recordsIn, windowOf, WindowChoice, windowText, type WindowName } from "./window";

const FlagRef = z.string().refine((f) => Object.prototype.hasOwnProperty.call(FLAGS, f), { message: "not a flag of the data model" });
const FieldRef = z.string().refine(isFieldName, { message: "not a field of the data model" });

export const FlagsClause = z.object({ id: z.string().min(1), action: Action.optional(), flags: z.array(FlagRef).min(1), window: WindowChoice }).strict();
export type FlagsClause = z.infer<typeof FlagsClause>;

export const SumClause = z
  .object({
    id: z.string().min(1),
    action: Action.optional(),
    sum: FieldRef,
    window: WindowChoice,
    ofFlagged: FlagRef.optional(),
    when: Threshold,
    absent: z.enum(["none", "unavailable"]),
  })
  .strict();
export type SumClause = z.infer<typeof SumClause>;

const flagLabel = (f: string) => FLAGS[f as FlagName];

export function evaluateFlagsClause(c: FlagsClause, ctx: EvalContext, rule: string): ClauseResult {
  const w = windowOf(readChoice<WindowName>(c.window, ctx.settings), ctx.period);
  const records = recordsIn(ctx.history, w);
  const found = c.flags
    .map((f) => ({ f, periods: records.filter((r) => r.flags.includes(f)).map((r) => r.period) }))
    .filter((x) => x.periods.length > 0);
  if (found.length === 0) {
    const why = () => {
      const wt = windowText(w);
      const zh = c.flags.map((f) => flagLabel(f).zh).join("、");
      const en = c.flags.map((f) => flagLabel(f).en).join(", ");
      return [reason(rule, `${wt.zh}无${zh}`, `no ${en} in the ${wt.en}`)];
    };
    return { id: c.id, held: false, action: c.action, why };
  }
  const why = () => {
    const wt = windowText(w);
    return found.map((x) =>
      reason(rule, `${wt.zh}出现${flagLabel(x.f).zh}(${x.periods.join("、")})`, `${flagLabel(x.f).en} in the ${wt.en} (${x.periods.join(", ")})`),
    );
  };
  return { id: c.id, held: true, action: c.action, why };
}

export function evaluateSumClause(c: SumClause, ctx: EvalContext, rule: string): ClauseResult {
  const field = c.sum as FieldName;
  const def = FIELDS[field];
  const w = windowOf(readChoice<WindowName>(c.window, ctx.settings), ctx.period);
  const wt = () => windowText(w);
  let records = recordsIn(ctx.history, w);
  const ofFlagged = c.ofFlagged;
  const of = () => (ofFlagged ? { zh: `${flagLabel(ofFlagged).zh}造成的`, en: ` caused by ${flagLabel(ofFlagged).en}` } : { zh: "", en: "" });
  if (ofFlagged) {
    records = records.filter((r) => r.flags.includes(ofFlagged));
    if (records.length === 0) {
      const f = flagLabel(ofFlagged);
      return { id: c.id, held: false, action: c.action, why: () => [reason(rule, `${wt().zh}无${f.zh}`, `no ${f.en} in the ${wt().en}`)] };
    }
  }
  const picked = nonOverlapping(records, field);
  if (picked.length === 0 && c.absent === "unavailable") {
    return { ...unavailable("na", rule, `${wt().zh}缺少${of().zh}${def.zh}(${field})`, `${wt().en}: missing ${def.en}${of().en} (${field})`), id: c.id, action: c.action };
  }
  const t = resolveThreshold(c.when, ctx.book, ctx.settings, rule);
  if (isUnavailable(t)) return { ...t, id: c.id, action: c.action };
  const total = picked.length === 0 ? ZERO : sum(picked.map((r) => r.values[field]!));
  const held = holds(total, t.op, t.value);
  const sym = held ? SYMBOL[t.op] : NEGATED_SYMBOL[t.op];
  const book = ctx.book;
  const why = () => {
    const x = show(total, def.unit, book);
    const v = show(t.value, def.unit, book);
    const parts =
      picked.length === 0
        ? { zh: "(无记录,按 0 计)", en: " (none recorded, counted as 0)" }
        : picked.length > 1
          ? {
              zh: `(${picked.map((r) => `${r.period} ${show(r.values[field]!, def.unit, book)}`).join("、")})`,
              en: ` (${picked.map((r) => `${r.period} ${show(r.values[field]!, def.unit, book)}`).join(", ")})`,
            }
          : { zh: "", en: "" };
    const wtx = wt();
    const o = of();
    // No space after a full-width parenthesis (Chinese typography); the English text keeps its spaces.
    return [reason(rule, `${wtx.zh}${o.zh}${def.zh}合计 ${x}${parts.zh || " "}${sym} ${v}`, `${def.en}${o.en} in the ${wtx.en}: ${x}${parts.en} ${sym} ${v}`)];
  };
  return { id: c.id, held, action: c.action, why };
}
