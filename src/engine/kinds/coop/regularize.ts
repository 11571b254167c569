/**
 * C000-FUT-REGULARIZE: a brokerage CM becomes regular (转正) at the end of the probation, EDATE(hire date, N months),
 * if during the probation at least one client had funds at the threshold or more (一个5W以上客户). Otherwise the CM is
 * not regularised; the seed gives no consequence, so none is computed.
 */
import { z } from "zod";
import { Condition, holds, opOf, SYMBOL } from "../../compare";
import { reason } from "../../outcome";
import { addMonths } from "../../periods";
import type { ToolKind } from "../types";
import { checkSettingRefs } from "../general/common";
import { dateInput, decimalInput } from "../tools/toolInput";
import { yuan } from "./common";

const Params = z.object({ probationMonths: z.number().int().min(1), client: Condition, regularGrade: z.string() }).strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    hireDate: dateInput("hireDate"),
    clients: z.array(z.object({ id: z.string().optional(), date: dateInput("clients[].date"), amount: decimalInput("clients[].amount", { nonNegative: true }) }).strict(), { error: "clients must be a list of {id, date, amount}" }).default([]),
  })
  .strict();
type Input = z.infer<typeof Input>;

export const coopRegularize: ToolKind<Params, Input> = {
  kind: "coopRegularize",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book) {
    const problems = checkSettingRefs(rule, book);
    if (!book.gradeIds.includes(rule.params.regularGrade)) problems.push(`unknown grade ${rule.params.regularGrade}`);
    return problems;
  },
  run(rule, input, book, settings) {
    const p = rule.params;
    const end = addMonths(input.hireDate, p.probationMonths);
    const op = opOf(book, settings, p.client);
    // The probation runs from the hire date up to, not including, its end date.
    const inside = input.clients.filter((c) => c.date >= input.hireDate && c.date < end);
    const hit = inside.find((c) => holds(c.amount, op, p.client.value));
    const gate = `${SYMBOL[op]} ${yuan(p.client.value, book)}`;
    if (hit) {
      const who = hit.id ? `客户 ${hit.id} ` : "";
      const whoEn = hit.id ? `client ${hit.id} ` : "a client ";
      return {
        value: { regular: true, regularFrom: end, grade: p.regularGrade },
        reasons: [
          reason(
            rule.id,
            `${input.hireDate} 入职,试用期 ${p.probationMonths} 个月内 ${hit.date} ${who}资金 ${yuan(hit.amount, book)} ${gate} → 自 ${end} 起转正`,
            `hired ${input.hireDate}; within the ${p.probationMonths}-month probation, on ${hit.date} ${whoEn}had funds of ${yuan(hit.amount, book)} ${gate} → regular from ${end}`,
          ),
        ],
      };
    }
    return {
      value: { regular: false, status: "notRegularized", decidedOn: end },
      reasons: [
        reason(
          rule.id,
          `${input.hireDate} 入职,试用期至 ${end} 前没有资金 ${gate} 的客户 → 未转正(原文未规定后果)`,
          `hired ${input.hireDate}; no client with funds ${gate} before ${end} → not regularised (the seed states no consequence)`,
        ),
      ],
    };
  },
};
