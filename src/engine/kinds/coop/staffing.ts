/**
 * Staffing checks of one coop from its staff list {id, role}:
 * - coopRoleHeadcount (C000-SERVICE-STAFF-3): each listed role held by exactly N people (主任、副主任、内部主任 one each);
 * - coopRoleShare (C000-CM-SHARE-50): people of one role as a share of all staff, within a limit (50%以下, whose
 *   boundary follows c000.boundary.yixia). Counts may be given instead of the list.
 */
import { z } from "zod";
import { Condition, holds, NEGATED_SYMBOL, opOf, SYMBOL } from "../../compare";
import { Dec } from "../../decimal";
import { reason, unavailable } from "../../outcome";
import { Bilingual } from "../../rulebook/schema";
import type { CompiledRulebook } from "../../rulebook/compile";
import type { ToolKind } from "../types";
import { checkSettingRefs } from "../general/common";
import { roleName } from "../ledger/common";
import { finding, SeveritySchema } from "../tools/findings";
import { countInput } from "../tools/toolInput";
import { pctText } from "./common";

const Staff = z.array(z.object({ id: z.string().optional(), role: z.string({ error: "staff[].role must be a role id" }) }).strict(), { error: "staff must be a list of {id, role}" });

function unknownRoles(book: CompiledRulebook, roles: string[]): string[] {
  return roles.filter((r) => !book.roleIds.includes(r)).map((r) => `unknown role ${r}`);
}

const HeadcountParams = z.object({ roles: z.array(z.string()).min(1), each: z.number().int().min(1), severity: SeveritySchema, message: Bilingual }).strict();
type HeadcountParams = z.infer<typeof HeadcountParams>;
const HeadcountInput = z.object({ staff: Staff }).strict();
type HeadcountInput = z.infer<typeof HeadcountInput>;

export const coopRoleHeadcount: ToolKind<HeadcountParams, HeadcountInput> = {
  kind: "coopRoleHeadcount",
  stage: "tool",
  params: HeadcountParams,
  input: HeadcountInput,
  check: (rule, book) => unknownRoles(book, rule.params.roles),
  run(rule, input, book) {
    const p = rule.params;
    const counts: Record<string, number> = {};
    for (const r of p.roles) counts[r] = input.staff.filter((s) => s.role === r).length;
    const off = p.roles.filter((r) => counts[r] !== p.each);
    const list = (lang: "zh" | "en", roles: string[]) => roles.map((r) => `${roleName(book, r)[lang]} ${counts[r]}`).join(lang === "zh" ? "、" : ", ");
    if (off.length === 0) {
      return {
        value: { ok: true, counts, findings: [] },
        reasons: [reason(rule.id, `${list("zh", p.roles)}:各 ${p.each} 人,符合`, `${list("en", p.roles)}: ${p.each} each, as required`)],
      };
    }
    const f = finding(p.severity, rule.id, `${p.message.zh}:${list("zh", off)}`, `${p.message.en}: ${list("en", off)}`);
    return { value: { ok: false, counts, findings: [f] }, reasons: [reason(rule.id, f.message.zh, f.message.en)] };
  },
};

const ShareParams = z.object({ role: z.string(), within: Condition, severity: SeveritySchema, message: Bilingual }).strict();
type ShareParams = z.infer<typeof ShareParams>;
const ShareInput = z
  .object({ staff: Staff.optional(), roleCount: countInput("roleCount").optional(), staffTotal: countInput("staffTotal").optional() })
  .strict()
  .refine((i) => (i.staff !== undefined) !== (i.roleCount !== undefined && i.staffTotal !== undefined), { message: "give staff, or roleCount and staffTotal" });
type ShareInput = z.infer<typeof ShareInput>;

export const coopRoleShare: ToolKind<ShareParams, ShareInput> = {
  kind: "coopRoleShare",
  stage: "tool",
  params: ShareParams,
  input: ShareInput,
  check: (rule, book) => [...unknownRoles(book, [rule.params.role]), ...checkSettingRefs(rule, book)],
  run(rule, input, book, settings) {
    const p = rule.params;
    const n = input.staff ? input.staff.filter((s) => s.role === p.role).length : input.roleCount!;
    const total = input.staff ? input.staff.length : input.staffTotal!;
    if (total === 0) return unavailable("value", rule.id, "职工人数为 0,无法计算占比", "staff total is 0: no share");
    if (n > total) return unavailable("value", rule.id, `roleCount ${n} 大于 staffTotal ${total}`, `roleCount ${n} exceeds staffTotal ${total}`);
    const share = new Dec(n).div(total);
    const op = opOf(book, settings, p.within);
    const ok = holds(share, op, p.within.value);
    const r = roleName(book, p.role);
    const text = {
      zh: `${r.zh} ${n} 人 ÷ 职工 ${total} 人 = ${pctText(share)} ${ok ? SYMBOL[op] : NEGATED_SYMBOL[op]} ${pctText(p.within.value)}`,
      en: `${r.en} ${n} / staff ${total} = ${pctText(share)} ${ok ? SYMBOL[op] : NEGATED_SYMBOL[op]} ${pctText(p.within.value)}`,
    };
    if (ok) return { value: { ok: true, share: share.toString(), findings: [] }, reasons: [reason(rule.id, `${text.zh},符合`, `${text.en}: within the limit`)] };
    const f = finding(p.severity, rule.id, `${text.zh}:${p.message.zh}`, `${text.en}: ${p.message.en}`);
    return { value: { ok: false, share: share.toString(), findings: [f] }, reasons: [reason(rule.id, f.message.zh, f.message.en)] };
  },
};
