/**
 * G004-EXIT-AUDIT: leaving or transferring off a post creates an exit-audit record (date, verified losses in 元,
 * violations yes/no). The risk-deposit refund (H003-RISKDEP-REFUND) uses it: refund = balance − verified losses
 * (never below 0; a loss above the balance is still owed), payable `refundDelayMonths` after leaving. Without an
 * audit record the refund stays pending: it is never paid automatically.
 */
import { z } from "zod";
import { Dec, ZERO } from "../../decimal";
import { money } from "../../format";
import { isUnavailable, reason, unavailable } from "../../outcome";
import { addMonths } from "../../periods";
import type { ToolKind } from "../types";
import { checkSettingRefs, DecInput, IsoDate, orSetting, resolveParam } from "./common";

const Months = z.number().int().min(0);
const Params = z.object({ refundDelayMonths: orSetting(Months) }).strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    balance: DecInput,
    leftOn: IsoDate,
    audit: z.object({ date: IsoDate, verifiedLosses: DecInput, violations: z.boolean() }).strict().optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

export interface ExitAuditValue {
  status: "pending" | "settled";
  payableFrom: string;
  refund?: Dec;
  stillOwed?: Dec;
}

export const exitAudit: ToolKind<Params, Input> = {
  kind: "exitAudit",
  stage: "tool",
  params: Params,
  input: Input,
  check: checkSettingRefs,
  run(rule, input, book, settings) {
    const delay = resolveParam(rule.params.refundDelayMonths, Months, settings, rule.id);
    if (isUnavailable(delay)) return delay;
    if (input.balance.isNegative()) return unavailable("value", rule.id, "风险金余额不能为负", "the balance must not be negative");
    const m = book.doc.rounding.money;
    const payableFrom = addMonths(input.leftOn, delay);
    if (!input.audit) {
      const value: ExitAuditValue = { status: "pending", payableFrom };
      return {
        value,
        reasons: [
          reason(
            rule.id,
            `${input.leftOn} 离岗,尚无离岗审计记录:风险金 ${money(input.balance, m)} 待审计后退还(最早 ${payableFrom}),不自动支付`,
            `left ${input.leftOn}, no exit audit yet: the balance ${money(input.balance, m)} is pending (payable from ${payableFrom} after the audit), not paid automatically`,
          ),
        ],
      };
    }
    const a = input.audit;
    if (a.verifiedLosses.isNegative()) return unavailable("value", rule.id, "查实损失不能为负", "verified losses must not be negative");
    const refund = Dec.max(ZERO, input.balance.minus(a.verifiedLosses));
    const stillOwed = Dec.max(ZERO, a.verifiedLosses.minus(input.balance));
    const value: ExitAuditValue = { status: "settled", payableFrom, refund, stillOwed };
    const owed = stillOwed.gt(0) ? { zh: `,尚欠 ${money(stillOwed, m)}`, en: `, ${money(stillOwed, m)} still owed` } : { zh: "", en: "" };
    const vio = a.violations ? { zh: ",查有违规", en: ", violations found" } : { zh: ",无违规", en: ", no violations" };
    return {
      value,
      reasons: [
        reason(
          rule.id,
          `${a.date} 离岗审计查实损失 ${money(a.verifiedLosses, m)}${vio.zh}:退还 ${money(input.balance, m)} − ${money(a.verifiedLosses, m)} = ${money(refund, m)}${owed.zh},${payableFrom} 起可退`,
          `exit audit ${a.date}: verified losses ${money(a.verifiedLosses, m)}${vio.en}; refund ${money(input.balance, m)} − ${money(a.verifiedLosses, m)} = ${money(refund, m)}${owed.en}, payable from ${payableFrom}`,
        ),
      ],
    };
  },
};
