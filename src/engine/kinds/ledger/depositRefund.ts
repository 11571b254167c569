/**
 * Refund of a withheld deposit after leaving the post (H003-RISKDEP-REFUND): refundable from
 * addMonths(leaveDate, N) (clamped to the month's last day: 2025-08-31 + 6 = 2026-02-28); at settlement the verified
 * losses and fines are paid from the balance first, the rest is refunded, and a shortfall is still owed. No interest.
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { money } from "../../format";
import type { Reason } from "../../model";
import { reason, unavailable } from "../../outcome";
import { addMonths, isIsoDate, parseIsoDate } from "../../periods";
import { RULE_ID } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { IntegerOrSetting, isSettingRef, NonNegativeDecimalIn, resolveInteger, undeclared } from "./common";
import { settleRiskDeposit } from "./riskLedger";

const Params = z
  .object({
    delayMonths: IntegerOrSetting,
    /** Rule id the conservation line of the explanation cites. */
    ledgerRule: z.string().regex(RULE_ID).optional(),
  })
  .strict();
type Params = z.infer<typeof Params>;

const IsoDate = z.string().refine(isIsoDate, { message: "not a date (YYYY-MM-DD)" });

const Input = z
  .object({
    balance: NonNegativeDecimalIn,
    leaveDate: IsoDate,
    /** Verified losses and fines in 元 (0 when verified clean): required, because "no losses" must be verified. */
    compensationYuan: NonNegativeDecimalIn,
    /** Settlement date; before the refund date the refund is not yet due. */
    asOf: IsoDate.optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

export const depositRefund: ToolKind<Params, Input> = {
  kind: "depositRefund",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book) {
    return undeclared(book, [rule.params.delayMonths]);
  },
  run(rule, input, book, settings) {
    const id = rule.id;
    const n = resolveInteger(rule.params.delayMonths, settings);
    if (!n.ok) {
      return n.missing
        ? unavailable("na", id, `未设置 ${n.missing}`, `setting ${n.missing} is not set`)
        : unavailable("value", id, `设置有误:${n.bad}`, `bad setting: ${n.bad}`);
    }
    const refundDate = addMonths(input.leaveDate, n.value);
    const m = (d: Dec) => money(d, book.doc.rounding.money);
    const s = settleRiskDeposit(input.balance, input.compensationYuan);
    const reasons: Reason[] = [];
    const clamped = parseIsoDate(refundDate)[2] !== parseIsoDate(input.leaveDate)[2];
    const note = isSettingRef(rule.params.delayMonths) ? `(${rule.params.delayMonths.setting})` : "";
    reasons.push(
      reason(
        id,
        `转岗、离岗日 ${input.leaveDate} 后 ${n.value} 个月${note} → ${refundDate} 起经查实后退还${clamped ? "(该月无此日,取月末)" : ""}`,
        `left the post on ${input.leaveDate}; ${n.value} months later${note ? ` ${note}` : ""} → refund from ${refundDate} once verified${clamped ? " (clamped to the month's last day)" : ""}`,
      ),
    );
    const due = input.asOf === undefined ? undefined : input.asOf >= refundDate;
    if (due === false) {
      reasons.push(reason(id, `截至 ${input.asOf} 未满 ${n.value} 个月,暂不退还`, `as of ${input.asOf} the ${n.value} months have not passed: not yet refundable`));
    }
    if (s.compensation.isZero()) {
      reasons.push(reason(id, `查实无违规、无损失,余额 ${m(s.balance)} 全部退还`, `verified with no violation and no loss: the whole balance ${m(s.balance)} is refunded`));
    } else if (s.stillOwed.isZero()) {
      reasons.push(
        reason(id, `余额 ${m(s.balance)} 先全额赔偿查实损失 ${m(s.compensation)},余款 ${m(s.refund)} 退还`, `balance ${m(s.balance)} first pays the verified losses ${m(s.compensation)}; the remainder ${m(s.refund)} is refunded`),
      );
    } else {
      reasons.push(
        reason(
          id,
          `查实损失 ${m(s.compensation)} 超过余额 ${m(s.balance)}:余额全部抵扣,退还 ${m(s.refund)},尚欠 ${m(s.stillOwed)}`,
          `verified losses ${m(s.compensation)} exceed the balance ${m(s.balance)}: all of it is applied, refund ${m(s.refund)}, still owed ${m(s.stillOwed)}`,
        ),
      );
    }
    if (rule.params.ledgerRule) {
      reasons.push(
        reason(
          rule.params.ledgerRule,
          `余额 ${m(s.balance)} − 抵扣损失 ${m(s.applied)} − 退还 ${m(s.refund)} = ${m(s.closing)}`,
          `balance ${m(s.balance)} − applied to losses ${m(s.applied)} − refunded ${m(s.refund)} = ${m(s.closing)}`,
        ),
      );
    }
    const value: Record<string, unknown> = { refundDate, applied: s.applied, refund: s.refund, stillOwed: s.stillOwed, closing: s.closing };
    if (due !== undefined) value.due = due;
    return { value, reasons };
  },
};
