/**
 * G001-NET-INCREASE-YTD: 比年初净增 = balance now − balance at the start of the year (may be negative). Any two of
 * the three figures give the third; with all three the identity is checked to the fen (the rulebook's money
 * decimals) and a mismatch names the row and the three columns.
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { money } from "../../format";
import { reason } from "../../outcome";
import { roundTo } from "../../rounding";
import type { ToolKind } from "../types";
import { DecInput } from "./common";

const Params = z.object({}).strict();
type Params = z.infer<typeof Params>;

const Columns = z.object({ balanceNow: z.string(), balanceYearStart: z.string(), netIncrease: z.string() }).strict();
const Input = z
  .object({
    balanceNow: DecInput.optional(),
    balanceYearStart: DecInput.optional(),
    netIncrease: DecInput.optional(),
    /** Row or record the figures come from, and the column headers, for the mismatch message. */
    where: z.string().optional(),
    columns: Columns.optional(),
  })
  .strict()
  .refine((i) => [i.balanceNow, i.balanceYearStart, i.netIncrease].filter((v) => v !== undefined).length >= 2, {
    message: "give at least two of balanceNow, balanceYearStart and netIncrease",
  });
type Input = z.infer<typeof Input>;

export interface NetIncreaseValue {
  balanceNow: Dec;
  balanceYearStart: Dec;
  netIncrease: Dec;
  /** Only when all three were given. */
  consistent?: boolean;
  /** Given net increase − (balance now − balance at the start of the year), when inconsistent. */
  difference?: Dec;
}

export const netIncreaseYtd: ToolKind<Params, Input> = {
  kind: "netIncreaseYtd",
  stage: "tool",
  params: Params,
  input: Input,
  run(rule, input, book) {
    const m = book.doc.rounding.money;
    const cols = input.columns ?? { balanceNow: "balanceNow", balanceYearStart: "balanceYearStart", netIncrease: "netIncrease" };
    const { balanceNow: now, balanceYearStart: start, netIncrease: given } = input;
    if (now !== undefined && start !== undefined && given !== undefined) {
      const expected = now.minus(start);
      const difference = roundTo(given, m).minus(roundTo(expected, m));
      const consistent = difference.isZero();
      const value: NetIncreaseValue = { balanceNow: now, balanceYearStart: start, netIncrease: given, consistent };
      const at = input.where ? `${input.where}:` : "";
      const atEn = input.where ? `${input.where}: ` : "";
      if (consistent) {
        return {
          value,
          reasons: [reason(rule.id, `${at}比年初净增 ${money(given, m)} = ${money(now, m)} − ${money(start, m)},一致`, `${atEn}net increase ${money(given, m)} = ${money(now, m)} − ${money(start, m)}, consistent`)],
        };
      }
      value.difference = difference;
      return {
        value,
        reasons: [
          reason(
            rule.id,
            `${at}${cols.netIncrease} ${money(given, m)} ≠ ${cols.balanceNow} ${money(now, m)} − ${cols.balanceYearStart} ${money(start, m)} = ${money(expected, m)},相差 ${money(difference, m)}`,
            `${atEn}${cols.netIncrease} ${money(given, m)} ≠ ${cols.balanceNow} ${money(now, m)} − ${cols.balanceYearStart} ${money(start, m)} = ${money(expected, m)}, off by ${money(difference, m)}`,
          ),
        ],
      };
    }
    const balanceNow = now ?? start!.plus(given!);
    const balanceYearStart = start ?? balanceNow.minus(given!);
    const netIncrease = given ?? balanceNow.minus(balanceYearStart);
    const value: NetIncreaseValue = { balanceNow, balanceYearStart, netIncrease };
    return {
      value,
      reasons: [
        reason(
          rule.id,
          `余额 ${money(balanceNow, m)} − 年初余额 ${money(balanceYearStart, m)} = 比年初净增 ${money(netIncrease, m)}`,
          `balance ${money(balanceNow, m)} − start-of-year balance ${money(balanceYearStart, m)} = net increase ${money(netIncrease, m)}`,
        ),
      ],
    };
  },
};
