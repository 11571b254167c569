/**
 * Checks on client rows (B002-CLIENT-ASSIGN-50W, B002-TRAINEE-NO-CREDIT): each row is tested against a list of
 * tests — a measure (the first of its fields a row gives; a field a row leaves out is 0) against a threshold word,
 * or event flags. `ifAny`: a row where any test holds is a finding (a trainee with loans); `unlessAny`: a row where
 * no test holds is (a client below 50万 in both loans and deposits). Rules may apply only to some appointed grades.
 * A finding never changes a number; it tells the user which row to look at.
 */
import { z } from "zod";
import { Condition, holds, NEGATED_SYMBOL, opOf, SYMBOL } from "../../compare";
import { ZERO } from "../../decimal";
import { FIELDS, FLAGS, isFieldName, type FieldName, type FlagName } from "../../fields";
import type { Client } from "../../model";
import { reason, unavailable } from "../../outcome";
import type { CompiledRulebook } from "../../rulebook/compile";
import { Bilingual } from "../../rulebook/schema";
import type { Settings } from "../../settings";
import type { ToolKind } from "../types";
import { show } from "../scoring/common";
import { finding, SeveritySchema, type Finding } from "../tools/findings";
import { ClientsInput } from "./clientInput";
import { gradeName } from "./common";

const FieldRef = z.string().refine(isFieldName, { message: "not a field of the data model" }) as unknown as z.ZodType<FieldName>;
const FlagRef = z.string().refine((f) => Object.prototype.hasOwnProperty.call(FLAGS, f), { message: "not a flag of the data model" });

const Test = z.union([
  z.object({ fields: z.array(FieldRef).min(1), when: Condition }).strict(),
  z.object({ flags: z.array(FlagRef).min(1) }).strict(),
]);
type Test = z.infer<typeof Test>;

const Params = z
  .object({
    /** Appointed grades the check applies to; absent = everyone. */
    grades: z.array(z.string()).optional(),
    finding: z.enum(["ifAny", "unlessAny"]),
    tests: z.array(Test).min(1),
    severity: SeveritySchema,
    message: Bilingual,
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    grade: z.string({ error: "grade must be a grade id" }).optional(),
    clients: ClientsInput,
  })
  .strict();
type Input = z.infer<typeof Input>;

function evaluate(t: Test, c: Client, book: CompiledRulebook, settings: Settings): { held: boolean; zh: string; en: string } {
  if ("flags" in t) {
    const found = t.flags.filter((f) => c.flags.includes(f));
    const names = (fs: string[], k: "zh" | "en") => fs.map((f) => FLAGS[f as FlagName][k]).join(k === "zh" ? "、" : ", ");
    return found.length > 0 ? { held: true, zh: `有${names(found, "zh")}`, en: `${names(found, "en")}` } : { held: false, zh: `无${names(t.flags, "zh")}`, en: `no ${names(t.flags, "en")}` };
  }
  const field = t.fields.find((f) => c.values[f] !== undefined) ?? t.fields[0];
  const v = c.values[field] ?? ZERO;
  const op = opOf(book, settings, t.when);
  const held = holds(v, op, t.when.value);
  const def = FIELDS[field];
  const unit = def.unit === "usd" ? "usd" : "money";
  const text = `${show(v, unit, book)} ${held ? SYMBOL[op] : NEGATED_SYMBOL[op]} ${show(t.when.value, unit, book)}`;
  return { held, zh: `${def.zh} ${text}`, en: `${def.en} ${text}` };
}

export const clientRowChecks: ToolKind<Params, Input> = {
  kind: "clientRowChecks",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book) {
    return (rule.params.grades ?? []).filter((g) => !book.gradeIds.includes(g)).map((g) => `unknown grade ${g}`);
  },
  run(rule, input, book, settings) {
    const p = rule.params;
    if (input.grade !== undefined && !book.gradeIds.includes(input.grade)) {
      return unavailable("value", rule.id, `grade:"${input.grade}" 不是等级(${book.gradeIds.join("、")})`, `grade: "${input.grade}" is not a grade (${book.gradeIds.join(", ")})`);
    }
    if (p.grades) {
      if (input.grade === undefined) return unavailable("value", rule.id, `grade:此检查只适用于 ${p.grades.join("、")},须给出等级`, `grade: is missing (the check applies to ${p.grades.join(", ")})`);
      if (!p.grades.includes(input.grade)) {
        const g = gradeName(book, input.grade);
        return { value: { applies: false, findings: [] }, reasons: [reason(rule.id, `${g.zh}不受此项检查`, `${g.en} is not checked by this rule`)] };
      }
    }
    const findings: Finding[] = [];
    for (const c of input.clients) {
      const results = p.tests.map((t) => evaluate(t, c, book, settings));
      const any = results.some((r) => r.held);
      const hit = p.finding === "ifAny" ? any : !any;
      if (!hit) continue;
      const shown = p.finding === "ifAny" ? results.filter((r) => r.held) : results;
      findings.push(finding(p.severity, rule.id, `${p.message.zh}:${shown.map((r) => r.zh).join(";")}`, `${p.message.en}: ${shown.map((r) => r.en).join("; ")}`, c.id));
    }
    const reasons =
      findings.length === 0
        ? [reason(rule.id, `未发现问题(${input.clients.length} 户)`, `no findings (${input.clients.length} clients)`)]
        : findings.map((f) => reason(rule.id, `${f.ref}:${f.message.zh}`, `${f.ref}: ${f.message.en}`));
    return { value: { applies: true, findings }, reasons };
  },
};
