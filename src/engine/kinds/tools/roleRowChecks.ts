/**
 * Row checks by role: for people of the listed roles, rows carrying certain measures are findings (H003-AGENT-NO-LOANS:
 * an agent with a loan or a loan client is an error; NPL or collection figures for an agent are not appraised).
 * The workbook validator passes the person's role and their rows; other columns of a row are ignored.
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { byUnit } from "../../format";
import { readDecimal } from "../../input";
import { reason, unavailable } from "../../outcome";
import type { CompiledRulebook } from "../../rulebook/compile";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { finding, SeveritySchema, type Finding } from "./findings";
import { textInput } from "./toolInput";

const MeasureLabel = z.object({ zh: z.string().min(1), en: z.string().min(1), unit: z.enum(["money", "usd", "rate", "count"]).default("money") }).strict();

const Params = z
  .object({
    roles: z.array(z.string()).min(1),
    checks: z
      .array(
        z
          .object({
            measures: z.record(z.string(), MeasureLabel),
            /** `positive`: a value above 0 is a finding; `present`: any value given is. */
            test: z.enum(["positive", "present"]),
            severity: SeveritySchema,
            message: Bilingual,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    role: textInput("role"),
    rows: z
      .array(z.object({ ref: z.string({ error: "rows[].ref must be text" }).optional() }).catchall(z.unknown()), { error: "rows must be a list of objects" })
      .default([]),
  })
  .strict();
type Input = z.infer<typeof Input>;

export const roleRowChecks: ToolKind<Params, Input> = {
  kind: "roleRowChecks",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book: CompiledRulebook) {
    return rule.params.roles.filter((r) => !book.roleIds.includes(r)).map((r) => `unknown role ${r}`);
  },
  run(rule, input, book) {
    const p = rule.params;
    if (!book.roleIds.includes(input.role)) {
      return unavailable("value", rule.id, `role:"${input.role}" 不是角色(${book.roleIds.join("、")})`, `role: "${input.role}" is not a role (${book.roleIds.join(", ")})`);
    }
    if (!p.roles.includes(input.role)) {
      return { value: { applies: false, findings: [] }, reasons: [reason(rule.id, `角色 ${input.role} 不受此项检查`, `role ${input.role} is not checked by this rule`)] };
    }
    const findings: Finding[] = [];
    for (const [i, row] of input.rows.entries()) {
      const ref = row.ref ?? `rows[${i}]`;
      for (const c of p.checks) {
        for (const [name, label] of Object.entries(c.measures)) {
          const raw = row[name];
          if (raw === undefined || raw === null || raw === "") continue;
          const v: Dec | string = readDecimal(raw);
          if (typeof v === "string") return unavailable("value", rule.id, `rows[${i}].${name}:${v}`, `rows[${i}].${name}: ${v}`);
          if (c.test === "positive" && !v.gt(0)) continue;
          const shown = byUnit(v, label.unit, book.doc.rounding);
          findings.push(finding(c.severity, rule.id, `${c.message.zh} (${rule.id}):${label.zh} ${shown}`, `${c.message.en} (${rule.id}): ${label.en} ${shown}`, ref));
        }
      }
    }
    const reasons = findings.length === 0
      ? [reason(rule.id, `未发现问题(${input.rows.length} 行)`, `no findings (${input.rows.length} rows)`)]
      : findings.map((f) => reason(rule.id, `${f.ref}:${f.message.zh}`, `${f.ref}: ${f.message.en}`));
    return { value: { applies: true, findings }, reasons };
  },
};
