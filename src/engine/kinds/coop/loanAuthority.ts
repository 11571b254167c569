/**
 * C000-AUTH-LIMITS: who may issue a farmer's loan directly. Each role with authority has a per-loan limit and a
 * limit on the household's cumulative debt (累欠); within both → `direct` (on the farmer's trust card), otherwise
 * the department's credit approval group decides (`committee`). Roles without authority: `notAllowed` (specialists,
 * C000-SPECIALIST) or `committee` (every other role). Whether 累欠 includes the new loan is a setting.
 */
import { z } from "zod";
import { Condition, holds, NEGATED_SYMBOL, opOf, SYMBOL } from "../../compare";
import type { Reason } from "../../model";
import { reason, unavailable } from "../../outcome";
import { Bilingual, RULE_ID } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { checkSettingRefs } from "../general/common";
import { roleName } from "../ledger/common";
import { finding, SeveritySchema, type Finding } from "../tools/findings";
import { decimalInput, textInput } from "../tools/toolInput";
import { checkPicked, note, pick, picked, yuan } from "./common";

const Params = z
  .object({
    limits: z.record(z.string(), z.object({ perLoan: Condition, household: Condition }).strict()),
    noAuthority: z.object({ roles: z.array(z.string()).min(1), rule: z.string().regex(RULE_ID), severity: SeveritySchema, message: Bilingual }).strict(),
    householdIncludesNew: picked(z.boolean()),
    trustCard: z.object({ severity: SeveritySchema, message: Bilingual }).strict(),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    role: textInput("role"),
    loanAmount: decimalInput("loanAmount", { nonNegative: true }).refine((d) => d.gt(0), { message: "loanAmount must be above 0" }),
    householdOutstanding: decimalInput("householdOutstanding", { nonNegative: true }),
    trustCard: z.boolean({ error: "trustCard must be true or false" }).optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

export const coopLoanAuthority: ToolKind<Params, Input> = {
  kind: "coopLoanAuthority",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book) {
    const p = rule.params;
    const problems = [...checkSettingRefs(rule, book), ...checkPicked(p.householdIncludesNew, rule, book)];
    for (const r of [...Object.keys(p.limits), ...p.noAuthority.roles]) if (!book.roleIds.includes(r)) problems.push(`unknown role ${r}`);
    return problems;
  },
  run(rule, input, book, settings) {
    const p = rule.params;
    if (!book.roleIds.includes(input.role)) {
      return unavailable("value", rule.id, `role:"${input.role}" 不是岗位(${book.roleIds.join("、")})`, `role: "${input.role}" is not a role (${book.roleIds.join(", ")})`);
    }
    const r = roleName(book, input.role);
    const amt = yuan(input.loanAmount, book);
    const findings: Finding[] = [];
    const reasons: Reason[] = [];
    if (p.noAuthority.roles.includes(input.role)) {
      const f = finding(p.noAuthority.severity, p.noAuthority.rule, `${r.zh}发放贷款 ${amt}:${p.noAuthority.message.zh}`, `${r.en} issuing a loan of ${amt}: ${p.noAuthority.message.en}`);
      return { value: { decision: "notAllowed", findings: [f] }, reasons: [reason(p.noAuthority.rule, f.message.zh, f.message.en)] };
    }
    const lim = p.limits[input.role];
    if (!lim) {
      return {
        value: { decision: "committee", findings },
        reasons: [reason(rule.id, `${r.zh}没有授信额度:贷款 ${amt} 须经信用社客户经理部信贷审批小组研究决定`, `${r.en} has no credit authority: the loan of ${amt} goes to the credit approval group`)],
      };
    }
    const inc = pick(p.householdIncludesNew, settings);
    const household = inc.value ? input.householdOutstanding.plus(input.loanAmount) : input.householdOutstanding;
    const perOp = opOf(book, settings, lim.perLoan);
    const hhOp = opOf(book, settings, lim.household);
    const perOk = holds(input.loanAmount, perOp, lim.perLoan.value);
    const hhOk = holds(household, hhOp, lim.household.value);
    const n = note(inc);
    const hhText = inc.value
      ? { zh: `单户累欠 ${yuan(input.householdOutstanding, book)} + ${amt} = ${yuan(household, book)}`, en: `household debt ${yuan(input.householdOutstanding, book)} + ${amt} = ${yuan(household, book)}` }
      : { zh: `单户累欠(发放前)${yuan(household, book)}`, en: `household debt before the loan ${yuan(household, book)}` };
    const direct = perOk && hhOk;
    reasons.push(
      reason(
        rule.id,
        `${r.zh}:单笔 ${amt} ${perOk ? SYMBOL[perOp] : NEGATED_SYMBOL[perOp]} ${yuan(lim.perLoan.value, book)};${hhText.zh} ${hhOk ? SYMBOL[hhOp] : NEGATED_SYMBOL[hhOp]} ${yuan(lim.household.value, book)}${n.zh}${n.zh ? "" : " "}→ ${direct ? "授信额度内,可凭农户守信卡直接发放" : "超过授信额度,须经信贷审批小组研究决定"}`,
        `${r.en}: loan ${amt} ${perOk ? SYMBOL[perOp] : NEGATED_SYMBOL[perOp]} ${yuan(lim.perLoan.value, book)}; ${hhText.en} ${hhOk ? SYMBOL[hhOp] : NEGATED_SYMBOL[hhOp]} ${yuan(lim.household.value, book)}${n.en} → ${direct ? "within authority: may be issued directly on the farmer's trust card" : "above authority: decided by the credit approval group"}`,
      ),
    );
    if (direct && input.trustCard !== true) {
      const f = finding(p.trustCard.severity, rule.id, p.trustCard.message.zh, p.trustCard.message.en);
      findings.push(f);
      reasons.push(reason(rule.id, f.message.zh, f.message.en));
    }
    return { value: { decision: direct ? "direct" : "committee", findings }, reasons };
  },
};
