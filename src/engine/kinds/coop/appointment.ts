/**
 * Appointment checks of seed 000, from yes/no facts and dates of an appointment row:
 * - coopRequirements (C000-CM-QUALIFY): each named fact must have the required value (first-responsible-person
 *   status yes, a major bad-loan record no); a missing fact is an input error, never read as met;
 * - coopAppointmentTerm (C000-APPOINT-TERM): the term is at most N months (EDATE(start, N) − 1 day; 一般 → warning),
 *   a renewal needs a passed evaluation, and the target-responsibility letter must be on file.
 */
import { z } from "zod";
import type { Reason } from "../../model";
import { reason, unavailable } from "../../outcome";
import { addDays, addMonths } from "../../periods";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { finding, SeveritySchema, type Finding } from "../tools/findings";
import { dateInput } from "../tools/toolInput";

const RequirementsParams = z
  .object({
    requirements: z.array(z.object({ input: z.string().min(1), must: z.boolean(), label: Bilingual, severity: SeveritySchema, message: Bilingual }).strict()).min(1),
  })
  .strict();
type RequirementsParams = z.infer<typeof RequirementsParams>;
const Facts = z.record(z.string(), z.boolean({ error: "each fact must be true or false" }));
type Facts = z.infer<typeof Facts>;

export const coopRequirements: ToolKind<RequirementsParams, Facts> = {
  kind: "coopRequirements",
  stage: "tool",
  params: RequirementsParams,
  input: Facts,
  run(rule, input) {
    const findings: Finding[] = [];
    const reasons: Reason[] = [];
    for (const r of rule.params.requirements) {
      const v = input[r.input];
      if (v === undefined) return unavailable("value", rule.id, `缺少 ${r.input}(${r.label.zh},是/否)`, `${r.input} is missing (${r.label.en}, true or false)`);
      const yes = { zh: v ? "是" : "否", en: v ? "yes" : "no" };
      if (v === r.must) {
        reasons.push(reason(rule.id, `${r.label.zh}:${yes.zh},符合`, `${r.label.en}: ${yes.en}, as required`));
        continue;
      }
      const f = finding(r.severity, rule.id, `${r.label.zh}:${yes.zh} — ${r.message.zh}`, `${r.label.en}: ${yes.en} — ${r.message.en}`);
      findings.push(f);
      reasons.push(reason(rule.id, f.message.zh, f.message.en));
    }
    for (const k of Object.keys(input)) {
      if (!rule.params.requirements.some((r) => r.input === k)) return unavailable("value", rule.id, `未知输入 ${k}`, `unknown input ${k}`);
    }
    return { value: { qualified: findings.length === 0, findings }, reasons };
  },
};

const TermParams = z
  .object({
    maxMonths: z.number().int().min(1),
    termSeverity: SeveritySchema,
    renewal: z.object({ requires: z.string().min(1), severity: SeveritySchema, message: Bilingual }).strict(),
    letter: z.object({ input: z.string().min(1), severity: SeveritySchema, message: Bilingual }).strict(),
  })
  .strict();
type TermParams = z.infer<typeof TermParams>;
const TermInput = z
  .object({
    termStart: dateInput("termStart"),
    termEnd: dateInput("termEnd"),
    renewal: z.boolean({ error: "renewal must be true or false" }).optional(),
  })
  .catchall(z.boolean({ error: "facts must be true or false" }));
type TermInput = z.infer<typeof TermInput>;

export const coopAppointmentTerm: ToolKind<TermParams, TermInput> = {
  kind: "coopAppointmentTerm",
  stage: "tool",
  params: TermParams,
  input: TermInput,
  run(rule, input) {
    const p = rule.params;
    if (input.termEnd < input.termStart) {
      return unavailable("value", rule.id, `termEnd ${input.termEnd} 早于 termStart ${input.termStart}`, `termEnd ${input.termEnd} is before termStart ${input.termStart}`);
    }
    const latest = addDays(addMonths(input.termStart, p.maxMonths), -1);
    const findings: Finding[] = [];
    const reasons: Reason[] = [];
    const push = (f: Finding) => {
      findings.push(f);
      reasons.push(reason(rule.id, f.message.zh, f.message.en));
    };
    if (input.termEnd > latest) {
      push(finding(p.termSeverity, rule.id, `聘期 ${input.termStart} 至 ${input.termEnd} 超过 ${p.maxMonths} 个月(最迟 ${latest}):一般聘期最长一年`, `term ${input.termStart} to ${input.termEnd} exceeds ${p.maxMonths} months (latest end ${latest}): the term is generally at most one year`));
    } else {
      reasons.push(reason(rule.id, `聘期 ${input.termStart} 至 ${input.termEnd},不超过 ${p.maxMonths} 个月(最迟 ${latest})`, `term ${input.termStart} to ${input.termEnd}, within ${p.maxMonths} months (latest end ${latest})`));
    }
    if (input.renewal === true && input[p.renewal.requires] !== true) push(finding(p.renewal.severity, rule.id, p.renewal.message.zh, p.renewal.message.en));
    if (input[p.letter.input] !== true) push(finding(p.letter.severity, rule.id, p.letter.message.zh, p.letter.message.en));
    return { value: { latestEnd: latest, findings }, reasons };
  },
};
