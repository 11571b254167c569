/**
 * B002-FLOOR-FAIL-EXIT (kind `floorTrigger`, trigger stage): the appraised record's clients are measured against
 * the appointed grade's on-post floor (the clientFloor rule it names); missing it fires the rule's action
 * (`floorMissed`: leave the CM sequence from the first day of the next assessment year, on standby for training).
 * The status stage decides precedence; this outcome outranks every other annual outcome in the seed.
 */
import { z } from "zod";
import { isUnavailable, reason, unavailable } from "../../outcome";
import { yearOf } from "../../periods";
import { Bilingual } from "../../rulebook/schema";
import type { TriggerKind } from "../types";
import { checkGate, EvaluateIn, judgedRecord } from "./gate";
import { floorOf, type ClientFloorParams } from "./clientFloor";
import { checkRef, gradeName, referenced } from "./common";

const Params = z
  .object({
    floor: z.string(),
    action: z.string().regex(/^[a-z][A-Za-z]*$/),
    outcome: Bilingual,
    evaluateIn: EvaluateIn.optional(),
  })
  .strict();
type Params = z.infer<typeof Params>;

export const floorTrigger: TriggerKind<Params> = {
  kind: "floorTrigger",
  stage: "trigger",
  params: Params,
  check: (rule, book) => [...checkRef(book, rule.params.floor, "clientFloor"), ...checkGate(rule.params, book)],
  trigger(rule, ctx) {
    const p = rule.params;
    const judged = judgedRecord(p, ctx, rule.id);
    if (judged === "skip") return undefined;
    if (!judged.record) return unavailable("na", rule.id, `缺少 ${judged.period} 的记录,无法判断在岗最低及格线`, `no record for ${judged.period}: the on-post floor cannot be judged`);
    if (ctx.grade === undefined) return unavailable("na", rule.id, `未给出聘任等级,无法确定在岗最低及格线`, `no appointed grade: the on-post floor is unknown`);
    const fr = referenced<ClientFloorParams>(ctx.book, ctx.settings, p.floor, ctx.role, ctx.grade);
    const o = floorOf(p.floor, fr.params, ctx.book, ctx.settings, ctx.grade, judged.record);
    if (isUnavailable(o)) return o;
    if (o.met) return undefined;
    const next = `${yearOf(judged.period) + 1}-01-01`; // int: calendar year
    const g = gradeName(ctx.book, ctx.grade);
    return {
      rule: rule.id,
      action: p.action,
      reasons: [
        ...o.reasons,
        reason(rule.id, `${g.zh}未达到在岗最低及格线 → ${p.outcome.zh}(自 ${next} 起)`, `${g.en} missed the on-post floor → ${p.outcome.en} (from ${next})`),
      ],
    };
  },
};
