/**
 * G001-RATE-ROUNDING: every percentage a rulebook reports is rounded once, at output, to `decimals` places of the
 * percent with the rulebook's mode (halfUp = 四舍五入 / Excel ROUND, ties away from zero; or halfEven). Given a
 * fraction, or a numerator and denominator (a share such as 2 279.01 of 4 385.82 → 51.96 %).
 */
import { z } from "zod";
import { plain } from "../../format";
import { isUnavailable, reason, unavailable } from "../../outcome";
import type { ToolKind } from "../types";
import { approx, checkSettingRefs, DecInput, PercentParams, percentSpec, percentValue } from "./common";

const Params = z.object({ percent: PercentParams }).strict();
type Params = z.infer<typeof Params>;

// One object rather than a union, so a bad figure is reported by name ("fraction: text … is not a number").
const Input = z
  .object({ fraction: DecInput.optional(), numerator: DecInput.optional(), denominator: DecInput.optional() })
  .strict()
  .refine((i) => (i.fraction !== undefined ? i.numerator === undefined && i.denominator === undefined : i.numerator !== undefined && i.denominator !== undefined), {
    message: "give fraction, or numerator and denominator",
  });
type Input = z.infer<typeof Input>;

export const percentRounding: ToolKind<Params, Input> = {
  kind: "percentRounding",
  stage: "tool",
  params: Params,
  input: Input,
  check: checkSettingRefs,
  run(rule, input, book, settings) {
    const spec = percentSpec(rule.params.percent, book, settings, rule.id);
    if (isUnavailable(spec)) return spec;
    let fraction;
    let shown;
    if (input.fraction !== undefined) {
      fraction = input.fraction;
      shown = "";
    } else {
      const numerator = input.numerator!;
      const denominator = input.denominator!;
      if (denominator.isZero()) return unavailable("value", rule.id, "分母为 0,无法计算百分比", "denominator is 0");
      fraction = numerator.div(denominator);
      shown = `${plain(numerator)} ÷ ${plain(denominator)} = `;
    }
    const v = percentValue(fraction, spec);
    const modeZh = { halfUp: "四舍五入", halfEven: "四舍六入五成双", down: "截尾" }[spec.mode];
    return {
      value: v,
      reasons: [
        reason(
          rule.id,
          `${shown}${approx(fraction.times(100))}%,保留 ${spec.decimals} 位小数(${modeZh})→ ${v.text}`,
          `${shown}${approx(fraction.times(100))}%, ${spec.decimals} decimals (${spec.mode}) → ${v.text}`,
        ),
      ],
    };
  },
};
