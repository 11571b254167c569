/**
 * Quantities as the rule files write them: "30%", "99.5%", "800万", "2.5亿", "300", "3000万美元".
 * Rulebook data keeps the seed's wording so a reviewer can compare it with the quote; this turns it into an exact
 * decimal in the engine's units (元, USD, fractions for rates) at load time.
 */
import { Dec } from "./decimal";

const SUFFIXES: ReadonlyArray<[string, string]> = [
  ["万美元", "10000"],
  ["亿元", "100000000"],
  ["万元", "10000"],
  ["亿", "100000000"],
  ["万", "10000"],
  ["元", "1"],
  ["%", "0.01"],
];

export function parseQuantity(text: string | number): Dec {
  if (typeof text === "number") {
    // Rulebook JSON numbers are only allowed as integers (counts, months); decimals must be strings.
    if (!Number.isSafeInteger(text)) {
      // A literal beyond a double's range (1e400) arrives as Infinity: do not echo that as if the user wrote it.
      const shown = Number.isFinite(text) ? String(text) : "a number out of range (beyond ±1.8e308)";
      throw new Error(`decimal quantities must be written as strings: ${shown}`);
    }
    return new Dec(text);
  }
  const trimmed = text.trim();
  for (const [suffix, factor] of SUFFIXES) {
    if (trimmed.endsWith(suffix)) {
      return literal(trimmed.slice(0, trimmed.lastIndexOf(suffix)), text).times(factor);
    }
  }
  return literal(trimmed, text);
}

function literal(body: string, original: string): Dec {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(body.trim())) throw new Error(`not a quantity: "${original}"`);
  return new Dec(body.trim());
}
