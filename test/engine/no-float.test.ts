/**
 * Proof that src/engine does no binary floating-point arithmetic on money, rates or points (H003-CONV-DECIMAL).
 * The TypeScript type checker walks every engine file: any arithmetic operator whose operands are JS numbers,
 * any unary +/- on a number variable, and any call that turns amounts into floats (parseFloat, Number(), Math.*,
 * toFixed on a number) is a violation, unless the line is marked `// int:` — calendar and index arithmetic on
 * whole numbers, which never touches an amount. Decimal config may not be changed globally.
 */
import * as path from "node:path";
import { findFloatViolations } from "../helpers/floatLint";
import { Dec } from "../../src/engine/decimal";
import DecimalJs from "decimal.js";

const ENGINE = path.resolve(__dirname, "../../src/engine");

describe("H003-CONV-DECIMAL: no binary floating point in src/engine", () => {
  it("has no number arithmetic, float conversion or Math on amounts in any engine file", () => {
    expect(findFloatViolations(ENGINE)).toEqual([]);
  });

  it("catches a violation when one is planted (the check is not vacuous)", () => {
    const name = path.join(ENGINE, "__planted_float__.ts");
    const text = "export function bad(a: number, b: number): number {\n  return a * b;\n}\nexport const c = parseFloat('1.5');\n";
    const found = findFloatViolations(ENGINE, { name, text }).filter((v) => v.includes("__planted_float__"));
    expect(found).toEqual([
      "__planted_float__.ts:2: number arithmetic: a * b",
      "__planted_float__.ts:4: float conversion: parseFloat('1.5')",
    ]);
  });

  it("computes with a private Decimal of at least 34 significant digits and leaves the global config alone", () => {
    expect(Dec.precision).toBeGreaterThanOrEqual(34);
    expect(Dec.rounding).toBe(DecimalJs.ROUND_HALF_UP);
    expect(DecimalJs.precision).toBe(20);
    expect(new Dec("99.8").minus("99.5").div("0.1").toString()).toBe("3");
  });
});
