/**
 * The risk-deposit ledger as a tool rule (H003-RISKDEP-LEDGER): the same ledger as the appraisal's risk-deposit
 * stage, over months given explicitly (a cell range or a taskpane table), with every month's movements and the
 * conservation identity in the explanation.
 */
import { z } from "zod";
import { ZERO, type Dec } from "../../decimal";
import { money } from "../../format";
import type { Reason } from "../../model";
import { isUnavailable, reason } from "../../outcome";
import { appliesTo } from "../../rulebook/variants";
import type { ToolKind } from "../types";
import { DecimalIn, NonNegativeDecimalIn } from "./common";
import type { LossCase } from "./lossDeduction";
import { runRiskLedger } from "./riskLedger";
import { buildMonth, checkRateUntilCap, describeStep, RateUntilCapParams, resolveLedger, type MonthBuilt } from "./rateUntilCapParams";

const Share = DecimalIn.refine((d) => d.gte(0) && d.lte(1), { message: "share must be between 0 and 1 (a fraction: 50% is 0.5)" });

const Input = z
  .object({
    /** Balance before the first month; 0 for a new account. */
    opening: NonNegativeDecimalIn.optional(),
    /** Grade and role for months that do not give their own. */
    grade: z.string().min(1).optional(),
    role: z.string().min(1).optional(),
    months: z
      .array(
        z
          .object({
            period: z.string().min(1).optional(),
            income: DecimalIn,
            grade: z.string().min(1).optional(),
            role: z.string().min(1).optional(),
            lossYuan: NonNegativeDecimalIn.optional(),
            fineYuan: NonNegativeDecimalIn.optional(),
            lossShare: Share.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
type Input = z.infer<typeof Input>;

export const rateUntilCapTool: ToolKind<RateUntilCapParams, Input> = {
  kind: "rateUntilCapTool",
  stage: "tool",
  params: RateUntilCapParams,
  input: Input,
  check: checkRateUntilCap,
  run(rule, input, book, settings) {
    const resolved = resolveLedger(rule, book, settings);
    if (isUnavailable(resolved)) return resolved;
    const months: MonthBuilt[] = [];
    for (let i = 0; i < input.months.length; i++) { // int: list index
      const mi = input.months[i];
      const period = mi.period ?? `#${i + 1}`; // int: list position
      const grade = mi.grade ?? input.grade;
      const role = mi.role ?? input.role;
      const cases: LossCase[] = [];
      if (mi.lossYuan !== undefined && !mi.lossYuan.isZero()) cases.push({ amount: mi.lossYuan, share: mi.lossShare, label: { zh: "损失", en: "loss" } });
      if (mi.fineYuan !== undefined && !mi.fineYuan.isZero()) cases.push({ amount: mi.fineYuan, share: mi.lossShare, label: { zh: "罚款", en: "fine" } });
      // Without a role the caller asks for the ledger itself: the month is withheld from.
      const covered = role === undefined || appliesTo(rule, role, grade);
      const built = buildMonth(rule, book, settings, resolved, { period, income: mi.income, grade, role, cases }, covered);
      if (isUnavailable(built)) return built;
      months.push(built);
    }
    const opening = input.opening ?? ZERO;
    const run = runRiskLedger(opening, months, resolved.options);
    const reasons: Reason[] = [];
    run.steps.forEach((s, i) => reasons.push(...describeStep(rule, book, resolved, s, months[i], true)));
    const m = (d: Dec) => money(d, book.doc.rounding.money);
    reasons.push(
      reason(
        rule.params.cites.ledger,
        `期初 ${m(opening)} + 提取 ${m(run.withheld)} − 退还 ${m(run.refunded)} = 期末 ${m(run.closing)}`,
        `opening ${m(opening)} + withheld ${m(run.withheld)} − refunded ${m(run.refunded)} = closing ${m(run.closing)}`,
      ),
    );
    return {
      value: {
        opening,
        withheld: run.withheld,
        refunded: run.refunded,
        balance: run.closing,
        months: run.steps.map((s) => ({ period: s.period, grade: s.grade, income: s.income, withheld: s.withheld, refunded: s.refunded, balance: s.closing, outcome: s.outcome })),
      },
      reasons,
    };
  },
};
