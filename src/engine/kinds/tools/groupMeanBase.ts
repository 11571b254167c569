/**
 * The mean of a group as a base, split of one's own amount into stock (up to the base) and increment (above it)
 * (H003-AGENT-BASE-DEPOSIT: a promoted agent's base deposits = the mean deposits of the junior CMs; the excess is
 * increment). If the rulebook's stock and increment rates are configured, the income on both parts is given too;
 * those rates are required settings without defaults, so without them the income is left out and said so, never 0.
 */
import { z } from "zod";
import { Quantity } from "../../compare";
import { Dec, sum, ZERO } from "../../decimal";
import { money } from "../../format";
import type { Reason } from "../../model";
import { reason } from "../../outcome";
import { fixed, roundTo } from "../../rounding";
import type { CompiledRulebook } from "../../rulebook/compile";
import { Bilingual } from "../../rulebook/schema";
import type { ToolKind } from "../types";
import { checkNumberRef, NumberRefSchema, readNumber } from "./settingChoice";
import { decimalInput } from "./toolInput";

const Params = z
  .object({
    groupLabel: Bilingual,
    ownLabel: Bilingual,
    /** Income = stock / per × stockRate + increment / per × incrementRate, when both rates are set. */
    pay: z
      .object({ stockRate: NumberRefSchema, incrementRate: NumberRefSchema, per: Quantity, rule: z.string() })
      .strict()
      .optional(),
  })
  .strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    group: z.array(decimalInput("group[]", { nonNegative: true }), { error: "group must be a list of amounts" }).min(1, { error: "group must not be empty" }),
    own: decimalInput("own", { nonNegative: true }),
  })
  .strict();
type Input = z.infer<typeof Input>;

export const groupMeanBase: ToolKind<Params, Input> = {
  kind: "groupMeanBase",
  stage: "tool",
  params: Params,
  input: Input,
  check(rule, book: CompiledRulebook) {
    const pay = rule.params.pay;
    return pay ? [...checkNumberRef(pay.stockRate, book), ...checkNumberRef(pay.incrementRate, book)] : [];
  },
  run(rule, input, book, settings) {
    const p = rule.params;
    const M = book.doc.rounding.money;
    const total = sum(input.group);
    const base = roundTo(total.div(input.group.length), M);
    const stock = Dec.min(input.own, base);
    const increment = Dec.max(ZERO, input.own.minus(base));
    const reasons: Reason[] = [
      reason(rule.id, `基数 = ${p.groupLabel.zh}合计 ${money(total, M)} / ${input.group.length} 人 = ${money(base, M)}`, `base = ${p.groupLabel.en} total ${money(total, M)} / ${input.group.length} = ${money(base, M)}`),
      reason(rule.id, `${p.ownLabel.zh} ${money(input.own, M)}:存量 ${money(stock, M)},增量 ${money(increment, M)}`, `${p.ownLabel.en} ${money(input.own, M)}: stock ${money(stock, M)}, increment ${money(increment, M)}`),
    ];
    const value: Record<string, string> = { base: fixed(base, M), stock: fixed(stock, M), increment: fixed(increment, M) };
    if (p.pay) {
      const sr = readNumber(p.pay.stockRate, settings);
      const ir = readNumber(p.pay.incrementRate, settings);
      if (sr === undefined || ir === undefined) {
        reasons.push(reason(p.pay.rule, "存量、增量含量未配置(H003 原文未给出),不计算收入", "stock and increment rates not configured (H003 gives none): income not computed"));
      } else {
        // Each line is rounded to the fen before adding, as the monthly pay rule does, so printed lines add up.
        const income = roundTo(stock.div(p.pay.per).times(sr), M).plus(roundTo(increment.div(p.pay.per).times(ir), M));
        value.income = fixed(income, M);
        reasons.push(reason(p.pay.rule, `收入 = 存量 ${money(stock, M)} × ${sr.toString()} 元/${money(p.pay.per, M)} + 增量 ${money(increment, M)} × ${ir.toString()} 元/${money(p.pay.per, M)} = ${money(income, M)}`, `income = stock ${money(stock, M)} × ${sr.toString()} per ${money(p.pay.per, M)} + increment ${money(increment, M)} × ${ir.toString()} per ${money(p.pay.per, M)} = ${money(income, M)}`));
      }
    }
    return { value, reasons };
  },
};
