/**
 * The coop's risk deposit (风险抵押金), a lump sum by role, and how much of it member share capital may secure.
 * - coopRiskDepositByRole (C000-RISKDEP-ROLE): the amount of a role, from a setting; a role may follow another
 *   role's amount (counter staff pay by the CM standard); garbled seed amounts (director 0 元, specialist 1 元)
 *   stay unset unless `literal` is chosen; a role the seed does not list has no amount. No amount → #N/A naming
 *   the setting, never 0. A role may be read as another (a demoted CM as a specialist, c000.generalMarketer.as).
 * - coopPledge (C000-RISKDEP-PLEDGE): pledged = min(share capital, required), or all-or-nothing, or no pledging.
 */
import { z } from "zod";
import { Dec } from "../../decimal";
import type { Reason } from "../../model";
import { isUnavailable, reason, unavailable, type Unavailable } from "../../outcome";
import { Quantity } from "../../compare";
import type { CompiledRule, CompiledRulebook } from "../../rulebook/compile";
import { RULE_ID } from "../../rulebook/schema";
import type { Settings } from "../../settings";
import type { ToolKind } from "../types";
import { checkSettingRefs } from "../general/common";
import { QuantityOrSetting, resolveQuantity, roleName } from "../ledger/common";
import { decimalInput, textInput } from "../tools/toolInput";
import { checkPicked, note, pick, picked, yuan } from "./common";

const Amount = z
  .object({
    amount: QuantityOrSetting,
    /** When the amount's setting is not set: the amount of this role (按客户经理交纳标准). */
    sameAs: z.string().optional(),
    /** The seed's figure, visibly damaged: used only when the garbled setting says `literal`. */
    garbled: Quantity.optional(),
  })
  .strict();

const RoleParams = z
  .object({
    amounts: z.record(z.string(), Amount),
    garbled: picked(z.enum(["unset", "literal"])),
    roleAs: z.record(z.string(), picked(z.string())).default({}),
  })
  .strict();
type RoleParams = z.infer<typeof RoleParams>;

export interface RequiredDeposit {
  role: string;
  readAs: string;
  amount: Dec;
  reasons: Reason[];
}

/** The deposit a role pays under the settings in force, or #N/A with the setting to fill in. */
export function depositOfRole(rule: CompiledRule<RoleParams>, role: string, book: CompiledRulebook, settings: Settings): RequiredDeposit | Unavailable {
  const p = rule.params;
  if (!book.roleIds.includes(role)) {
    return unavailable("value", rule.id, `role:"${role}" 不是岗位(${book.roleIds.join("、")})`, `role: "${role}" is not a role (${book.roleIds.join(", ")})`);
  }
  const reasons: Reason[] = [];
  let readAs = role;
  if (p.roleAs[role] !== undefined) {
    const c = pick(p.roleAs[role], settings);
    readAs = c.value;
    if (readAs !== role) {
      const n = note(c);
      reasons.push(reason(rule.id, `${roleName(book, role).zh}按${roleName(book, readAs).zh}交纳${n.zh}`, `${roleName(book, role).en} pays as ${roleName(book, readAs).en}${n.en}`));
    }
  }
  const r = roleName(book, readAs);
  const resolve = (id: string, depth: number): { amount: Dec; via?: string; literal?: boolean } | Unavailable => {
    const a = p.amounts[id];
    const name = roleName(book, id);
    if (!a) {
      return unavailable("na", rule.id, `原文(seed 000)未规定${name.zh}的风险抵押金`, `seed 000 sets no risk deposit for ${name.en}`);
    }
    const v = resolveQuantity(a.amount, settings);
    if (v.ok) return { amount: v.value };
    if (v.bad) return unavailable("value", rule.id, `设置有误:${v.bad}`, `bad setting: ${v.bad}`);
    if (a.sameAs && depth === 0) {
      const s = resolve(a.sameAs, 1);
      return isUnavailable(s) ? s : { amount: s.amount, via: a.sameAs };
    }
    if (a.garbled !== undefined) {
      const g = pick(p.garbled, settings);
      if (g.value === "literal") return { amount: a.garbled, literal: true };
      return unavailable(
        "na",
        rule.id,
        `${name.zh}的风险抵押金在原文中为乱码(“${a.garbled.toFixed()}元”),请设置 ${v.missing}`,
        `risk deposit for ${name.en} is garbled in seed 000 ("${a.garbled.toFixed()} 元"); set ${v.missing}`,
      );
    }
    return unavailable("na", rule.id, `未设置 ${v.missing}`, `${v.missing} is not set`);
  };
  const res = resolve(readAs, 0);
  if (isUnavailable(res)) return res;
  const how = res.via
    ? { zh: `按${roleName(book, res.via).zh}交纳标准`, en: ` by the ${roleName(book, res.via).en} standard` }
    : res.literal
      ? { zh: `按原文字面(设置 ${(p.garbled as { setting: string }).setting} = literal)`, en: ` as the seed literally reads (setting ${(p.garbled as { setting: string }).setting} = literal)` }
      : { zh: "", en: "" };
  reasons.push(reason(rule.id, `${r.zh}交纳风险抵押金${how.zh} ${yuan(res.amount, book)}`, `${r.en} pays a risk deposit${how.en} of ${yuan(res.amount, book)}`));
  return { role, readAs, amount: res.amount, reasons };
}

function checkRoleParams(rule: CompiledRule<RoleParams>, book: CompiledRulebook): string[] {
  const p = rule.params;
  const problems = [...checkSettingRefs(rule, book), ...checkPicked(p.garbled, rule, book)];
  for (const [role, a] of Object.entries(p.amounts)) {
    if (!book.roleIds.includes(role)) problems.push(`unknown role ${role}`);
    if (a.sameAs && !p.amounts[a.sameAs]) problems.push(`${role}: sameAs ${a.sameAs} has no amount`);
  }
  for (const [role, t] of Object.entries(p.roleAs)) {
    if (!book.roleIds.includes(role)) problems.push(`unknown role ${role}`);
    problems.push(...checkPicked(t, rule, book));
  }
  return problems;
}

const RoleInput = z.object({ role: textInput("role") }).strict();
type RoleInput = z.infer<typeof RoleInput>;

export const coopRiskDepositByRole: ToolKind<RoleParams, RoleInput> = {
  kind: "coopRiskDepositByRole",
  stage: "tool",
  params: RoleParams,
  input: RoleInput,
  check: checkRoleParams,
  run(rule, input, book, settings) {
    const d = depositOfRole(rule, input.role, book, settings);
    if (isUnavailable(d)) return d;
    return { value: { role: d.role, readAs: d.readAs, required: d.amount.toFixed(book.doc.rounding.money.decimals) }, reasons: d.reasons };
  },
};

const PledgeParams = z
  .object({
    mode: picked(z.enum(["partial", "allOrNothing", "none"])),
    /** The rule giving the amount by role, when the input names a role. */
    amountRule: z.string().regex(RULE_ID),
  })
  .strict();
type PledgeParams = z.infer<typeof PledgeParams>;

const PledgeInput = z
  .object({
    role: textInput("role").optional(),
    required: decimalInput("required", { nonNegative: true }).optional(),
    shareCapital: decimalInput("shareCapital", { nonNegative: true }),
  })
  .strict()
  .refine((i) => (i.role === undefined) !== (i.required === undefined), { message: "give role or required, not both" });
type PledgeInput = z.infer<typeof PledgeInput>;

export const coopPledge: ToolKind<PledgeParams, PledgeInput> = {
  kind: "coopPledge",
  stage: "tool",
  params: PledgeParams,
  input: PledgeInput,
  check(rule, book) {
    const problems = [...checkSettingRefs(rule, book), ...checkPicked(rule.params.mode, rule, book)];
    const target = book.byId.get(rule.params.amountRule);
    if (!target || target.kind.kind !== "coopRiskDepositByRole") problems.push(`amountRule ${rule.params.amountRule} must be a coopRiskDepositByRole rule`);
    return problems;
  },
  run(rule, input, book, settings) {
    const reasons: Reason[] = [];
    let required: Dec;
    if (input.role !== undefined) {
      const d = depositOfRole(book.byId.get(rule.params.amountRule) as CompiledRule<RoleParams>, input.role, book, settings);
      if (isUnavailable(d)) return d;
      required = d.amount;
      reasons.push(...d.reasons);
    } else required = input.required!;
    const mode = pick(rule.params.mode, settings);
    const share = input.shareCapital;
    let pledged: Dec;
    if (mode.value === "partial") pledged = Dec.min(share, required);
    else if (mode.value === "allOrNothing") pledged = share.gte(required) ? required : new Dec(0);
    else pledged = new Dec(0);
    const cash = required.minus(pledged);
    const n = note(mode);
    const how = {
      partial: { zh: "入社股金可抵押部分金额", en: "share capital may secure part of it" },
      allOrNothing: { zh: "入社股金须足额才可抵押", en: "share capital secures it only if it covers it all" },
      none: { zh: "不以入社股金抵押", en: "no pledging of share capital" },
    }[mode.value];
    reasons.push(
      reason(
        rule.id,
        `应交 ${yuan(required, book)},入社股金 ${yuan(share, book)}(${how.zh}${n.zh})→ 股金抵押 ${yuan(pledged, book)},应交现金 ${yuan(cash, book)}`,
        `required ${yuan(required, book)}, share capital ${yuan(share, book)} (${how.en}${n.en}) → pledged ${yuan(pledged, book)}, cash due ${yuan(cash, book)}`,
      ),
    );
    const d = book.doc.rounding.money.decimals;
    return { value: { required: required.toFixed(d), pledged: pledged.toFixed(d), cashDue: cash.toFixed(d) }, reasons };
  },
};
