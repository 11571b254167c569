/**
 * A seeded random source for the generated branches, so every run (and every machine) appraises the same input and
 * figures of different runs are comparable. mulberry32: 32 bits of state, fast, and good enough to spread synthetic
 * managers over grades and outcomes; not for anything that needs real randomness.
 */
import { fixed } from "./scaled";

/** A number in [0, 1) on each call. */
export type Rng = () => number;

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from lo to hi, both included. */
export function int(r: Rng, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

/** True with probability p. */
export function chance(r: Rng, p: number): boolean {
  return r() < p;
}

/** One element, each equally likely (repeat an element to weight it). */
export function pick<T>(r: Rng, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

/** The twelve months of a year as periods: "2026-01" … "2026-12". */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}`);
}

/**
 * Whole units → decimal text with `digits` decimals (scaled(123456, 2) = "1234.56"): generated amounts are drawn as
 * whole fen or basis points and written as text, so no binary fraction ever reaches the input.
 */
export const scaled: (units: number, digits: number) => string = fixed;
