/**
 * compare (src/engine/decimal.ts) is Dec.cmp without decimal.js's copy of its argument: for any two finite
 * decimals — money to the fen, rates, huge and tiny values, zeros of either sign — it answers exactly as cmp does,
 * and max2/min2 choose exactly as Dec.max/Dec.min.
 */
import fc from "fast-check";
import { compare, Dec, max2, min2 } from "../../../src/engine/decimal";
import { runs } from "./gen";

/** Decimal text: sign, up to 30 integer digits, up to 25 fraction digits, or an exponent form. */
const decimalText = fc.oneof(
  fc.tuple(fc.boolean(), fc.stringMatching(/^\d{1,30}$/), fc.option(fc.stringMatching(/^\d{1,25}$/))).map(([neg, i, f]) => `${neg ? "-" : ""}${i}${f ? `.${f}` : ""}`),
  fc.tuple(fc.integer({ min: -999999, max: 999999 }), fc.integer({ min: -40, max: 40 })).map(([m, e]) => `${m}e${e}`),
  fc.constantFrom("0", "-0", "0.00", "1", "-1", "10000000", "9999999", "0.0000001", "12345678.90"),
);

describe("compare equals Dec.cmp", () => {
  it("on any two finite decimals", () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const x = new Dec(a);
        const y = new Dec(b);
        expect(compare(x, y)).toBe(x.cmp(y));
        expect(compare(y, x)).toBe(y.cmp(x));
        expect(max2(x, y).eq(Dec.max(x, y))).toBe(true);
        expect(min2(x, y).eq(Dec.min(x, y))).toBe(true);
      }),
      { ...runs(2000), seed: 20261208 },
    );
  });

  it("on equal values written differently, and on results of arithmetic", () => {
    const pairs: Array<[Dec, Dec]> = [
      [new Dec("1.10"), new Dec("1.1")],
      [new Dec("0.1").plus("0.2"), new Dec("0.3")],
      [new Dec("-0"), new Dec("0")],
      [new Dec("1e7"), new Dec("10000000.0000001")],
      [new Dec("-12345678.9"), new Dec("-12345678.91")],
    ];
    for (const [x, y] of pairs) expect([compare(x, y), compare(y, x)]).toEqual([x.cmp(y), y.cmp(x)]);
  });
});
