/**
 * C000-ROLES (with C000-SPECIALIST's default): which single role a staff member holds, from the roles a workbook
 * lists for them. One role at a time; some pairs are named errors (a counter-post winner may not be a CM, line 59);
 * a person with no role becomes the default role (the rest become specialists, line 163); some roles are treated as
 * another for other rules (a demoted CM's 一般营销员 as a specialist, c000.generalMarketer.as).
 */
import { z } from "zod";
import type { Reason } from "../../model";
import { reason } from "../../outcome";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { checkSettingRefs } from "../general/common";
import { roleName } from "../ledger/common";
import { finding, SeveritySchema, type Finding } from "../tools/findings";
import { checkPicked, note, pick, picked } from "./common";

const Params = z
  .object({
    oneRole: z.object({ severity: SeveritySchema, message: Bilingual }).strict(),
    exclusive: z.array(z.object({ roles: z.array(z.string()).min(2), severity: SeveritySchema, message: Bilingual }).strict()).default([]),
    defaultRole: z.object({ role: z.string(), rule: z.string(), message: Bilingual }).strict(),
    /** Roles read as another role by other rules, fixed or by a setting. */
    treatAs: z.record(z.string(), picked(z.string())).default({}),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z.object({ roles: z.array(z.string({ error: "roles must be role ids" }), { error: "roles must be a list of role ids" }) }).strict();
type Input = z.infer<typeof Input>;

/** The role another rule should read for `role` (its own, or the one it is treated as), with the setting that decided. */
export function treatedAs(p: Params, role: string, settings: Parameters<typeof pick>[1]): { role: string; setting?: string; settingValue?: string } {
  const t = p.treatAs[role];
  if (t === undefined) return { role };
  const c = pick(t, settings);
  return { role: c.value, setting: c.setting, settingValue: c.settingValue };
}

export const coopRoleAssignment: ToolKind<Params, Input> = {
  kind: "coopRoleAssignment",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book) {
    const p = rule.params;
    const problems = checkSettingRefs(rule, book);
    const roles = [p.defaultRole.role, ...p.exclusive.flatMap((e) => e.roles), ...Object.keys(p.treatAs)];
    for (const r of roles) if (!book.roleIds.includes(r)) problems.push(`unknown role ${r}`);
    for (const t of Object.values(p.treatAs)) {
      problems.push(...checkPicked(t, rule, book));
      const targets = typeof t === "string" ? [t] : Object.values(t.values);
      for (const r of targets) if (!book.roleIds.includes(r)) problems.push(`unknown role ${r}`);
    }
    return problems;
  },
  run(rule, input, book, settings) {
    const p = rule.params;
    const findings: Finding[] = [];
    const reasons: Reason[] = [];
    const roles = [...new Set(input.roles)];
    for (const r of roles) {
      if (!book.roleIds.includes(r)) findings.push(finding("error", rule.id, `"${r}" 不是本规则集的岗位(${book.roleIds.join("、")})`, `"${r}" is not a role of this rulebook (${book.roleIds.join(", ")})`));
    }
    let role: string | undefined;
    if (findings.length === 0 && roles.length === 0) {
      role = p.defaultRole.role;
      const n = roleName(book, role);
      reasons.push(reason(p.defaultRole.rule, `未定岗 → ${n.zh}(${p.defaultRole.message.zh})`, `no other role → ${n.en} (${p.defaultRole.message.en})`));
    } else if (findings.length === 0 && roles.length > 1) {
      const pair = p.exclusive.find((e) => e.roles.every((r) => roles.includes(r)));
      const names = { zh: roles.map((r) => roleName(book, r).zh).join("、"), en: roles.map((r) => roleName(book, r).en).join(", ") };
      if (pair) findings.push(finding(pair.severity, rule.id, `同时为${names.zh}:${pair.message.zh}`, `both ${names.en}: ${pair.message.en}`));
      else findings.push(finding(p.oneRole.severity, rule.id, `同时为${names.zh}:${p.oneRole.message.zh}`, `both ${names.en}: ${p.oneRole.message.en}`));
    } else if (findings.length === 0) role = roles[0];
    if (role === undefined) {
      for (const f of findings) reasons.push(reason(rule.id, f.message.zh, f.message.en));
      return { value: { role: null, findings }, reasons };
    }
    const t = treatedAs(p, role, settings);
    const n = roleName(book, role);
    if (t.role !== role) {
      const as = roleName(book, t.role);
      const s = note(t);
      reasons.push(reason(rule.id, `岗位 ${n.zh},在风险抵押金等规则中按${as.zh}处理${s.zh}`, `role ${n.en}, read as ${as.en} by the risk-deposit rules${s.en}`));
    } else if (roles.length > 0) {
      const s = note(t);
      reasons.push(reason(rule.id, `岗位 ${n.zh}${s.zh}`, `role ${n.en}${s.en}`));
    }
    return { value: { role, treatedAs: t.role, findings }, reasons };
  },
};
