/**
 * Notice and handover periods (H003-NOTICE-HANDOVER): whoever ends the contract gives written notice `noticeDays`
 * calendar days ahead, so the separation is on or after notice + noticeDays; the handover is completed within
 * `handoverDays` counted from the notice (default) or from the separation (`from` setting). Without a separation
 * date the earliest permitted one is used.
 */
import { z } from "zod";
import { isUnavailable, reason } from "../../outcome";
import { addDays } from "../../periods";
import type { ToolKind } from "../types";
import { daysBetween } from "./calendar";
import { checkSettingRefs, IsoDate, orSetting, resolveParam } from "./common";

const From = z.enum(["notice", "separation"]);
const Params = z.object({ noticeDays: z.number().int().min(0), handoverDays: z.number().int().min(0), from: orSetting(From) }).strict();
type Params = z.infer<typeof Params>;

const Input = z.object({ noticeDate: IsoDate, separationDate: IsoDate.optional() }).strict();
type Input = z.infer<typeof Input>;

export interface HandoverValue {
  earliestSeparation: string;
  separationDate: string;
  /** False when the given separation date is earlier than notice + noticeDays. */
  noticeSufficient: boolean;
  handoverDeadline: string;
}

export const noticeHandover: ToolKind<Params, Input> = {
  kind: "noticeHandover",
  stage: "tool",
  params: Params,
  input: Input,
  check: checkSettingRefs,
  run(rule, input, _book, settings) {
    const p = rule.params;
    const from = resolveParam(p.from, From, settings, rule.id);
    if (isUnavailable(from)) return from;
    const earliest = addDays(input.noticeDate, p.noticeDays);
    const separation = input.separationDate ?? earliest;
    const sufficient = separation >= earliest;
    const handoverDeadline = addDays(from === "notice" ? input.noticeDate : separation, p.handoverDays);
    const value: HandoverValue = { earliestSeparation: earliest, separationDate: separation, noticeSufficient: sufficient, handoverDeadline };
    const reasons = [
      reason(
        rule.id,
        `${input.noticeDate} 书面通知,须提前 ${p.noticeDays} 天:最早 ${earliest} 解除`,
        `written notice ${input.noticeDate}, ${p.noticeDays} days ahead: separation on or after ${earliest}`,
      ),
    ];
    if (!sufficient) {
      const short = daysBetween(separation, earliest);
      reasons.push(reason(rule.id, `${separation} 解除,通知期不足 ${p.noticeDays} 天(差 ${short} 天)`, `separation ${separation} is ${short} day(s) short of the ${p.noticeDays}-day notice`));
    }
    const base = from === "notice" ? { zh: `自通知日 ${input.noticeDate}`, en: `from the notice ${input.noticeDate}` } : { zh: `自解除日 ${separation}${input.separationDate ? "" : "(最早解除日)"}`, en: `from the separation ${separation}${input.separationDate ? "" : " (earliest)"}` };
    reasons.push(reason(rule.id, `${base.zh} 起 ${p.handoverDays} 天内完成工作移交:${handoverDeadline} 前`, `handover within ${p.handoverDays} days ${base.en}: by ${handoverDeadline}`));
    return { value, reasons };
  },
};
