/**
 * C000-CM-LEVELS-5: the CM levels, who appoints each (the approval route) and which way is up. The seed gives no
 * criteria for a level: the level is an input, and this rule checks it and its appointment record. Which end is
 * highest is deduced, not stated (c000.levels.highest): it decides the rank and the next level up.
 */
import { z } from "zod";
import type { Reason } from "../../model";
import { reason } from "../../outcome";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { checkSettingRefs } from "../general/common";
import { finding, SeveritySchema, type Finding } from "../tools/findings";
import { countInput } from "../tools/toolInput";
import { checkPicked, note, pick, picked } from "./common";

const Params = z
  .object({
    /** Level number → grade id of the rulebook. */
    levels: z.record(z.string().regex(/^\d+$/), z.string()),
    routes: z.array(z.object({ levels: z.array(z.number().int()).min(1), steps: z.array(z.string()).min(1), directorDismisses: z.boolean() }).strict()).min(1),
    steps: z.record(z.string(), Bilingual),
    highest: picked(z.enum(["lowestNumber", "highestNumber"])),
    missingStep: SeveritySchema,
    invalidLevel: SeveritySchema,
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    level: countInput("level", { min: 0 }),
    /** The appointment record: which steps of the route it shows. */
    appointment: z.record(z.string(), z.boolean({ error: "appointment steps must be true or false" })).optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

export const coopLevelRoute: ToolKind<Params, Input> = {
  kind: "coopLevelRoute",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book) {
    const p = rule.params;
    const problems = [...checkSettingRefs(rule, book), ...checkPicked(p.highest, rule, book)];
    for (const g of Object.values(p.levels)) if (!book.gradeIds.includes(g)) problems.push(`unknown grade ${g}`);
    for (const r of p.routes) {
      for (const l of r.levels) if (!(String(l) in p.levels)) problems.push(`route level ${l} is not a level`);
      for (const s of r.steps) if (!p.steps[s]) problems.push(`route step ${s} has no label`);
    }
    for (const l of Object.keys(p.levels)) if (!p.routes.some((r) => r.levels.includes(Number.parseInt(l, 10)))) problems.push(`level ${l} has no route`);
    return problems;
  },
  run(rule, input, book, settings) {
    const p = rule.params;
    const numbers = Object.keys(p.levels).map((l) => Number.parseInt(l, 10)).sort((a, b) => a - b); // int: sort comparator
    const findings: Finding[] = [];
    const reasons: Reason[] = [];
    if (!numbers.includes(input.level)) {
      const f = finding(p.invalidLevel, rule.id, `客户经理级别 ${input.level} 无效(应为 ${numbers.join("、")})`, `CM level ${input.level} is not valid (${numbers.join(", ")})`);
      return { value: { valid: false, findings: [f] }, reasons: [reason(rule.id, f.message.zh, f.message.en)] };
    }
    const highest = pick(p.highest, settings);
    const order = highest.value === "lowestNumber" ? numbers : [...numbers].reverse();
    const at = order.indexOf(input.level);
    const rank = at + 1; // int: position in the order, 1 = highest
    const nextHigher = at > 0 ? order[at - 1] : null; // int: list index
    const route = p.routes.find((r) => r.levels.includes(input.level))!;
    const grade = p.levels[String(input.level)];
    const gradeName = book.doc.grades.find((g) => g.id === grade);
    const steps = route.steps.map((s) => p.steps[s]);
    const n = note(highest);
    reasons.push(
      reason(
        rule.id,
        `${gradeName?.zh ?? grade}:聘任程序 ${steps.map((s) => s.zh).join(" → ")};${route.directorDismisses ? "主任可解聘" : "主任只推荐人选"};按级别排第 ${rank} 位(${order[0]} 级最高)${nextHigher === null ? ",已是最高级" : `,上一级为 ${nextHigher} 级`}${n.zh}`,
        `${gradeName?.en ?? grade}: route ${steps.map((s) => s.en).join(" → ")}; ${route.directorDismisses ? "the director may dismiss" : "the director only recommends"}; rank ${rank} (level ${order[0]} highest)${nextHigher === null ? ", already the highest" : `, next up is level ${nextHigher}`}${n.en}`,
      ),
    );
    if (input.appointment) {
      for (const s of route.steps) {
        if (input.appointment[s] === true) continue;
        const f = finding(p.missingStep, rule.id, `${input.level} 级客户经理的聘任记录缺少“${p.steps[s].zh}”`, `the level-${input.level} appointment record lacks "${p.steps[s].en}"`);
        findings.push(f);
        reasons.push(reason(rule.id, f.message.zh, f.message.en));
      }
    }
    return {
      value: { valid: true, level: input.level, grade, rank, nextHigher, route: route.steps, directorMayDismiss: route.directorDismisses, findings },
      reasons,
    };
  },
};
