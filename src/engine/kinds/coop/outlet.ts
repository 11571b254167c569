/**
 * C000-OUTLET-STAFF: a savings outlet is staffed with 4 or fewer, one more for each whole step of deposit increase
 * (每增加一千万元,可增加一人); a settlement counter generally has 3 or fewer. Which amount the steps count is a setting
 * (the increase over the staffing baseline, or the outlet's whole balance); 以下 follows c000.boundary.yixia.
 */
import { z } from "zod";
import { Condition, holds, NEGATED_SYMBOL, opOf, Quantity, SYMBOL } from "../../compare";
import { Dec } from "../../decimal";
import type { Reason } from "../../model";
import { reason, unavailable } from "../../outcome";
import type { ToolKind } from "../types";
import { checkSettingRefs } from "../general/common";
import { finding, SeveritySchema, type Finding } from "../tools/findings";
import { countInput, decimalInput } from "../tools/toolInput";
import { checkPicked, note, pick, picked, yuan } from "./common";

const Params = z
  .object({
    outlet: z.object({ within: Condition, step: Quantity, perStep: z.number().int().min(1), severity: SeveritySchema }).strict(),
    settlement: z.object({ within: Condition, severity: SeveritySchema }).strict(),
    basis: picked(z.enum(["depositIncrease", "depositBalance"])),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    outletStaff: countInput("outletStaff").optional(),
    depositIncrease: decimalInput("depositIncrease").optional(),
    depositBalance: decimalInput("depositBalance", { nonNegative: true }).optional(),
    settlementStaff: countInput("settlementStaff").optional(),
  })
  .strict()
  .refine((i) => i.outletStaff !== undefined || i.settlementStaff !== undefined, { message: "give outletStaff or settlementStaff" });
type Input = z.infer<typeof Input>;

export const coopOutletStaff: ToolKind<Params, Input> = {
  kind: "coopOutletStaff",
  stage: "tool",
  params: Params,
  input: Input,
  check: (rule, book) => [...checkSettingRefs(rule, book), ...checkPicked(rule.params.basis, rule, book)],
  run(rule, input, book, settings) {
    const p = rule.params;
    const findings: Finding[] = [];
    const reasons: Reason[] = [];
    const value: Record<string, unknown> = {};
    if (input.outletStaff !== undefined) {
      const basis = pick(p.basis, settings);
      const amount = input[basis.value];
      const n = note(basis);
      if (amount === undefined) {
        return unavailable("value", rule.id, `缺少 ${basis.value}${n.zh}`, `${basis.value} is missing${n.en}`);
      }
      const steps = Dec.max(amount, 0).div(p.outlet.step).floor();
      const max = p.outlet.within.value.plus(steps.times(p.outlet.perStep));
      const op = opOf(book, settings, p.outlet.within);
      const staff = new Dec(input.outletStaff);
      const ok = holds(staff, op, max);
      const label = basis.value === "depositIncrease" ? { zh: "存款增加额", en: "deposit increase" } : { zh: "网点存款余额", en: "outlet deposit balance" };
      const line = {
        zh: `储蓄网点定员 ${p.outlet.within.value.toFixed()} 人,${label.zh} ${yuan(amount, book)} 满 ${steps.toFixed()} 个 ${yuan(p.outlet.step, book)},增加 ${steps.times(p.outlet.perStep).toFixed()} 人 → 定员 ${max.toFixed()} 人;现有 ${input.outletStaff} 人 ${ok ? SYMBOL[op] : NEGATED_SYMBOL[op]} ${max.toFixed()}${n.zh}`,
        en: `savings outlet staff ${p.outlet.within.value.toFixed()}, ${label.en} ${yuan(amount, book)} = ${steps.toFixed()} whole step(s) of ${yuan(p.outlet.step, book)}, +${steps.times(p.outlet.perStep).toFixed()} → limit ${max.toFixed()}; ${input.outletStaff} staff ${ok ? SYMBOL[op] : NEGATED_SYMBOL[op]} ${max.toFixed()}${n.en}`,
      };
      value.maxOutletStaff = Number.parseInt(max.toFixed(0), 10);
      value.outletOk = ok;
      if (ok) reasons.push(reason(rule.id, line.zh, line.en));
      else {
        const f = finding(p.outlet.severity, rule.id, `${line.zh}:超编`, `${line.en}: over the limit`);
        findings.push(f);
        reasons.push(reason(rule.id, f.message.zh, f.message.en));
      }
    }
    if (input.settlementStaff !== undefined) {
      const op = opOf(book, settings, p.settlement.within);
      const ok = holds(new Dec(input.settlementStaff), op, p.settlement.within.value);
      const lim = p.settlement.within.value.toFixed();
      const line = {
        zh: `结算服务柜 ${input.settlementStaff} 人 ${ok ? SYMBOL[op] : NEGATED_SYMBOL[op]} ${lim}(一般设三人以下)`,
        en: `settlement counter ${input.settlementStaff} staff ${ok ? SYMBOL[op] : NEGATED_SYMBOL[op]} ${lim} (generally 3 or fewer)`,
      };
      value.settlementOk = ok;
      if (ok) reasons.push(reason(rule.id, line.zh, line.en));
      else {
        const f = finding(p.settlement.severity, rule.id, line.zh, line.en);
        findings.push(f);
        reasons.push(reason(rule.id, f.message.zh, f.message.en));
      }
    }
    return { value: { ...value, findings }, reasons };
  },
};
