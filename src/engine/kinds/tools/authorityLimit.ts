/**
 * Authority limit by grade with an escalation role (H003-LOAN-AUTHORITY: senior, intermediate and junior CMs approve
 * credit of 500万 / 300万 / 100万 or less; above that the branch president). Limits are listed from the lowest
 * authority up; the required approver is the first grade whose limit covers the amount, else the escalation role.
 * Roles without authority (agents, H003-AGENT-NO-LOANS) are never within authority.
 */
import { z } from "zod";
import { Condition, holds, opOf, SYMBOL } from "../../compare";
import { money } from "../../format";
import type { Reason } from "../../model";
import { reason, unavailable } from "../../outcome";
import { fixed } from "../../rounding";
import type { CompiledRulebook } from "../../rulebook/compile";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { decimalInput } from "./toolInput";

const Params = z
  .object({
    amountLabel: Bilingual,
    /** Lowest authority first: the first limit that covers the amount names the required approver. */
    limits: z.array(z.object({ grade: z.string(), within: Condition }).strict()).min(1),
    /** Who approves above every limit; this role is within authority for any amount. */
    escalation: z.object({ role: z.string() }).strict(),
    /** Roles with no authority at all, and the rule that says so. */
    noAuthority: z.object({ roles: z.array(z.string()).min(1), rule: z.string(), message: Bilingual }).strict().optional(),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    amount: decimalInput("amount", { nonNegative: true }),
    grade: z.string({ error: "grade must be a grade id" }).optional(),
    role: z.string({ error: "role must be a role id" }).optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

function named(list: Array<{ id: string; zh: string; en: string }>, id: string): { zh: string; en: string } {
  const x = list.find((g) => g.id === id);
  return x ? { zh: x.zh, en: x.en } : { zh: id, en: id };
}

export const authorityLimit: ToolKind<Params, Input> = {
  kind: "authorityLimit",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book: CompiledRulebook) {
    const p = rule.params;
    const problems: string[] = [];
    for (const l of p.limits) if (!book.gradeIds.includes(l.grade)) problems.push(`unknown grade ${l.grade}`);
    if (!book.roleIds.includes(p.escalation.role)) problems.push(`unknown role ${p.escalation.role}`);
    for (const r of p.noAuthority?.roles ?? []) if (!book.roleIds.includes(r)) problems.push(`unknown role ${r}`);
    return problems;
  },
  run(rule, input, book, settings) {
    const p = rule.params;
    const amt = money(input.amount, book.doc.rounding.money);
    const reasons: Reason[] = [];
    const limits = p.limits.map((l) => ({ grade: l.grade, op: opOf(book, settings, l.within), value: l.within.value }));
    const cover = limits.find((l) => holds(input.amount, l.op, l.value));
    const requiredApprover = cover ? cover.grade : p.escalation.role;
    const approver = cover ? named(book.doc.grades, cover.grade) : named(book.doc.roles, p.escalation.role);
    const coverText = cover
      ? { zh: `(${SYMBOL[cover.op]} ${money(cover.value, book.doc.rounding.money)})`, en: ` (${SYMBOL[cover.op]} ${money(cover.value, book.doc.rounding.money)})` }
      : { zh: "(超出所有等级权限)", en: " (above every grade's limit)" };
    reasons.push(reason(rule.id, `${p.amountLabel.zh} ${amt} → 须由${approver.zh}审批${coverText.zh}`, `${p.amountLabel.en} ${amt} → approved by ${approver.en}${coverText.en}`));

    if (input.role !== undefined && !book.roleIds.includes(input.role)) {
      return unavailable("value", rule.id, `role:"${input.role}" 不是角色(${book.roleIds.join("、")})`, `role: "${input.role}" is not a role (${book.roleIds.join(", ")})`);
    }
    if (input.role !== undefined && p.noAuthority?.roles.includes(input.role)) {
      const m = p.noAuthority.message;
      reasons.push(reason(p.noAuthority.rule, `${m.zh}:权限为 0`, `${m.en}: no authority`));
      return { value: { requiredApprover, withinAuthority: false, limit: "0.00" }, reasons };
    }
    if (input.role === p.escalation.role) {
      const r = named(book.doc.roles, input.role);
      reasons.push(reason(rule.id, `${r.zh}审批超出各级权限的贷款 → 在权限内`, `${r.en} approves above every grade's limit → within authority`));
      return { value: { requiredApprover, withinAuthority: true }, reasons };
    }
    if (input.grade === undefined) {
      if (input.role !== undefined) return unavailable("value", rule.id, `grade:角色 ${input.role} 须给出等级`, `grade: is missing for role ${input.role}`);
      return { value: { requiredApprover }, reasons };
    }
    const own = limits.find((l) => l.grade === input.grade);
    if (!own) return unavailable("value", rule.id, `grade:"${input.grade}" 没有授权额度(${limits.map((l) => l.grade).join("、")})`, `grade: "${input.grade}" has no authority limit (${limits.map((l) => l.grade).join(", ")})`);
    const within = holds(input.amount, own.op, own.value);
    const g = named(book.doc.grades, own.grade);
    const lim = `${SYMBOL[own.op]} ${money(own.value, book.doc.rounding.money)}`;
    reasons.push(
      within
        ? reason(rule.id, `${g.zh}权限 ${lim}:${amt} 在权限内`, `${g.en} limit ${lim}: ${amt} is within authority`)
        : reason(rule.id, `${g.zh}权限 ${lim}:${amt} 超出权限`, `${g.en} limit ${lim}: ${amt} exceeds authority`),
    );
    return { value: { requiredApprover, withinAuthority: within, limit: fixed(own.value, book.doc.rounding.money) }, reasons };
  },
};
