/**
 * G001-DAILY-AVG-VS-BALANCE: 日均 (the period's daily average) and 余额/时点 (the period-end balance) are different
 * measures. A daily average above the balance is normal (funds left before the period end) and is never an error;
 * the validator adds at most an information note, or nothing (`mode` = info | off).
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { money } from "../../format";
import { isUnavailable, reason } from "../../outcome";
import type { ToolKind } from "../types";
import { checkSettingRefs, DecInput, orSetting, resolveParam } from "./common";

const Mode = z.enum(["info", "off"]);
const Params = z.object({ mode: orSetting(Mode) }).strict();
type Params = z.infer<typeof Params>;

const Input = z
  .object({
    dailyAverage: DecInput,
    balance: DecInput,
    /** Where the figures come from (sheet row, record path), for the note. */
    where: z.string().optional(),
  })
  .strict();
type Input = z.infer<typeof Input>;

export interface DailyAvgCheck {
  /** Always false: this comparison never makes an error. */
  error: false;
  aboveBalance: boolean;
  /** The note the validator shows, if any. */
  level: "info" | "none";
}

export const dailyAvgVsBalance: ToolKind<Params, Input> = {
  kind: "dailyAvgVsBalance",
  stage: "tool",
  params: Params,
  input: Input,
  check: checkSettingRefs,
  run(rule, input, book, settings) {
    const mode = resolveParam(rule.params.mode, Mode, settings, rule.id);
    if (isUnavailable(mode)) return mode;
    const above = input.dailyAverage.gt(input.balance);
    const value: DailyAvgCheck = { error: false, aboveBalance: above, level: above && mode === "info" ? "info" : "none" };
    if (value.level === "none") return { value, reasons: [] };
    const m = book.doc.rounding.money;
    const at = input.where ? `${input.where}:` : "";
    const atEn = input.where ? `${input.where}: ` : "";
    const a: Dec = input.dailyAverage;
    return {
      value,
      reasons: [
        reason(
          rule.id,
          `${at}日均 ${money(a, m)} > 余额 ${money(input.balance, m)}(正常:资金在期末前流出),不是错误`,
          `${atEn}daily average ${money(a, m)} > balance ${money(input.balance, m)} (normal: funds left before the period end), not an error`,
        ),
      ],
    };
  },
};
