/**
 * Losses and fines deducted from income (H003-MGMT-LOSS-DEDUCT): each case deducts round(amount × share), the
 * share given per case or by a setting; the total is capped at the period's income (income never goes negative
 * through a deduction); what cannot be deducted is reported as unrecovered, not carried forward. The score is not
 * touched. Which roles it applies to can depend on a setting (`h003.mgmtLoss.appliesToCMs`).
 *
 * A tool rule with explicit inputs; the risk-deposit ledger also uses `deductLosses` when it withholds from
 * income after deductions (`h003.riskDeposit.incomeBase = afterLossDeductions`).
 */
import { z } from "zod";
import { Dec, ONE, ZERO } from "../../decimal";
import { money, plain } from "../../format";
import type { PeriodRecord } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import { roundTo, type RoundingSpec } from "../../rounding";
import type { CompiledRule, CompiledRulebook } from "../../rulebook/compile";
import type { Settings } from "../../settings";
import type { Reason } from "../../model";
import type { ToolKind } from "../types";
import { DecimalIn, NonNegativeDecimalIn, QuantityOrSetting, resolveQuantity, roleName, undeclared } from "./common";

const Params = z
  .object({
    /** Default share of a case when the case does not give one (`h003.mgmtLoss.share`). */
    share: QuantityOrSetting,
    /** Roles the deduction applies to: a fixed list, or a list per value of a setting. */
    roles: z.union([
      z.array(z.string()).min(1),
      z.object({ setting: z.string().min(1), cases: z.record(z.string(), z.array(z.string())) }).strict(),
    ]),
  })
  .strict();
export type LossDeductionParams = z.infer<typeof Params>;

const Input = z
  .object({
    income: DecimalIn,
    cases: z
      .array(
        z
          .object({
            amount: NonNegativeDecimalIn,
            share: DecimalIn.refine((d) => d.gte(0) && d.lte(1), { message: "share must be between 0 and 1 (a fraction: 50% is 0.5)" }).optional(),
          })
          .strict(),
      )
      .min(1),
    role: z.string().min(1).optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

export interface LossCase {
  amount: Dec;
  share?: Dec;
  /** What the amount is, for the explanation: 损失 / 罚款. */
  label?: { zh: string; en: string };
}

export interface LossDeductionResult {
  /** Deducted from income: min(Σ round(amount × share), max(0, income)). */
  deduction: Dec;
  incomeAfter: Dec;
  /** Σ round(amount × share) − deduction: reported, not carried forward. */
  unrecovered: Dec;
  cases: Array<{ amount: Dec; share: Dec; deduction: Dec }>;
  applies: boolean;
  reasons: Reason[];
}

/** Roles the rule covers under the settings in force. */
export function coveredRoles(p: LossDeductionParams, settings: Settings): string[] | undefined {
  if (Array.isArray(p.roles)) return p.roles;
  return p.roles.cases[String(settings.get(p.roles.setting))];
}

/** The deduction for one period; `role` undefined is fine only when every role is covered the same way. */
export function deductLosses(
  rule: CompiledRule<LossDeductionParams>,
  book: CompiledRulebook,
  settings: Settings,
  income: Dec,
  cases: readonly LossCase[],
  role: string | undefined,
): LossDeductionResult | Unavailable {
  const p = rule.params;
  const id = rule.id;
  const rounding: RoundingSpec = book.doc.rounding.money;
  const roles = coveredRoles(p, settings);
  if (!roles) return unavailable("na", id, `设置 ${settingKey(p)} 的取值没有对应的适用岗位`, `no roles listed for the value of ${settingKey(p)}`);
  // Without a role the deduction is computed only when the settings in force narrow nothing (every role the rule
  // can cover is covered now); otherwise the role decides, so it must be given.
  const widest = Array.isArray(p.roles) ? p.roles : Object.values(p.roles.cases).flat();
  if (role === undefined && !widest.every((r) => roles.includes(r))) {
    return unavailable("value", id, `需要岗位(role):损失扣减只适用于 ${roles.join("、")}`, `role needed: the deduction applies only to ${roles.join(", ")}`);
  }
  if (role !== undefined && !roles.includes(role)) {
    const n = roleName(book, role);
    const why = Array.isArray(p.roles) ? "" : `(${settingKey(p)} = ${String(settings.get(p.roles.setting))})`;
    return {
      deduction: ZERO,
      incomeAfter: income,
      unrecovered: ZERO,
      cases: [],
      applies: false,
      reasons: [reason(id, `损失、罚款扣减收入不适用于${n.zh}${why},不扣减`, `loss and fine deductions do not apply to a ${n.en}${why}; nothing deducted`)],
    };
  }
  const dflt = resolveQuantity(p.share, settings);
  if (!dflt.ok) {
    return unavailable("na", id, `未设置扣减比例 ${dflt.missing ?? dflt.bad}`, `deduction share not configured: ${dflt.missing ?? dflt.bad}`);
  }
  if (dflt.value.lt(0) || dflt.value.gt(ONE)) {
    return unavailable("value", id, `扣减比例 ${dflt.value.toString()} 应在 0 到 1 之间`, `deduction share ${dflt.value.toString()} must be between 0 and 1`);
  }
  // Shares from a record (lossShare) are not range-checked by the input reader: do it here, for every caller.
  const outOfRange = cases.find((c) => c.share !== undefined && (c.share.lt(0) || c.share.gt(ONE)));
  if (outOfRange?.share) {
    return unavailable("value", id, `扣减比例 ${outOfRange.share.toString()} 应在 0 到 1 之间(50% 写作 0.5)`, `deduction share ${outOfRange.share.toString()} must be between 0 and 1 (50% is 0.5)`);
  }
  const rows = cases.map((c) => {
    const share = c.share ?? dflt.value;
    return { amount: c.amount, share, deduction: roundTo(c.amount.times(share), rounding), label: c.label };
  });
  let asked = ZERO;
  for (const r of rows) asked = asked.plus(r.deduction);
  const room = Dec.max(ZERO, income);
  const deduction = Dec.min(asked, room);
  const unrecovered = asked.minus(deduction);
  const incomeAfter = income.minus(deduction);
  const m = (d: Dec) => money(d, rounding);
  const parts = rows.map((r) => ({
    zh: `${r.label?.zh ?? "损失或罚款"} ${m(r.amount)} × ${pctText(r.share)} = ${m(r.deduction)}`,
    en: `${r.label?.en ?? "loss or fine"} ${m(r.amount)} × ${pctText(r.share)} = ${m(r.deduction)}`,
  }));
  const what = { zh: parts.map((x) => x.zh).join(";"), en: parts.map((x) => x.en).join("; ") };
  const reasons: Reason[] = [];
  if (unrecovered.isZero()) {
    reasons.push(reason(id, `${what.zh},从本期收入 ${m(income)} 中扣减 → ${m(incomeAfter)}`, `${what.en}, deducted from this period's income ${m(income)} → ${m(incomeAfter)}`));
  } else {
    reasons.push(
      reason(
        id,
        `${what.zh},以本期收入 ${m(room)} 为限只扣 ${m(deduction)},收入为 ${m(incomeAfter)},未扣回 ${m(unrecovered)} 单独列报(不结转)`,
        `${what.en}, capped at this period's income ${m(room)}: ${m(deduction)} deducted, income ${m(incomeAfter)}, ${m(unrecovered)} unrecovered (reported, not carried forward)`,
      ),
    );
  }
  return { deduction, incomeAfter, unrecovered, cases: rows.map(({ amount, share, deduction: d }) => ({ amount, share, deduction: d })), applies: true, reasons };
}

/** The cases of a period record: its `lossYuan` and `fineYuan`, each at the record's `lossShare` if given. */
export function recordCases(record: PeriodRecord): LossCase[] {
  const share = record.values.lossShare;
  const out: LossCase[] = [];
  const loss = record.values.lossYuan;
  const fine = record.values.fineYuan;
  if (loss !== undefined && !loss.isZero()) out.push({ amount: loss, share, label: { zh: "损失", en: "loss" } });
  if (fine !== undefined && !fine.isZero()) out.push({ amount: fine, share, label: { zh: "罚款", en: "fine" } });
  return out;
}

function settingKey(p: LossDeductionParams): string {
  return Array.isArray(p.roles) ? "roles" : p.roles.setting;
}

function pctText(share: Dec): string {
  return `${plain(share.times(100))}%`;
}

export const lossDeduction: ToolKind<LossDeductionParams, Input> = {
  kind: "lossDeduction",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book) {
    const p = rule.params;
    const problems = undeclared(book, [p.share, Array.isArray(p.roles) ? undefined : { setting: p.roles.setting }]);
    const lists = Array.isArray(p.roles) ? [p.roles] : Object.values(p.roles.cases);
    for (const list of lists) for (const r of list) if (!book.roleIds.includes(r)) problems.push(`unknown role ${r}`);
    return problems;
  },
  run(rule, input, book, settings) {
    const res = deductLosses(rule, book, settings, input.income, input.cases, input.role);
    if (isUnavailable(res)) return res;
    return {
      value: { deduction: res.deduction, incomeAfter: res.incomeAfter, unrecovered: res.unrecovered, applies: res.applies, cases: res.cases },
      reasons: res.reasons,
    };
  },
};
