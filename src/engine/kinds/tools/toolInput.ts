/**
 * Input pieces shared by the tool kinds: every tool validates its explicit inputs with zod, and every message names
 * the input field, so a cell function, the taskpane and the command line report `amount: amount must be …` the same
 * way. Amounts arrive as JSON numbers or decimal strings (DATA-MODEL: money in 元, rates as fractions) and become
 * Dec at once, through the same reader as the appraisal JSON.
 */
import { z } from "zod";
import type { Dec } from "../../decimal";
import { readDecimal } from "../../input";
import { isIsoDate } from "../../periods";

/** A decimal amount (元, or a fraction for rates); `nonNegative` rejects values below zero. */
export function decimalInput(field: string, opts: { nonNegative?: boolean } = {}): z.ZodType<Dec> {
  return z
    .union([z.string(), z.number()], {
      error: (iss) => (iss.input === undefined ? `${field} is missing` : `${field} must be a number or a decimal string`),
    })
    .transform((raw, ctx) => {
      const v = readDecimal(raw);
      if (typeof v === "string") {
        ctx.addIssue({ code: "custom", message: `${field} must be a decimal number (${v})` });
        return z.NEVER;
      }
      if (opts.nonNegative && v.isNegative() && !v.isZero()) {
        ctx.addIssue({ code: "custom", message: `${field} must not be negative (${v.toString()})` });
        return z.NEVER;
      }
      return v;
    }) as unknown as z.ZodType<Dec>;
}

/** A whole number (counts, days, years). */
export function countInput(field: string, opts: { min?: number } = {}): z.ZodType<number> {
  const min = opts.min ?? 0;
  return z
    .number({ error: (iss) => (iss.input === undefined ? `${field} is missing` : `${field} must be a whole number`) })
    .int({ error: `${field} must be a whole number` })
    .min(min, { error: `${field} must be at least ${min}` });
}

/** An ISO date, YYYY-MM-DD. */
export function dateInput(field: string): z.ZodType<string> {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${field} is missing` : `${field} must be a date (YYYY-MM-DD)`) })
    .refine(isIsoDate, { error: `${field} must be a date (YYYY-MM-DD)` });
}

/** A month, YYYY-MM. */
export function monthInput(field: string): z.ZodType<string> {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${field} is missing` : `${field} must be a month (YYYY-MM)`) })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: `${field} must be a month (YYYY-MM)` });
}

export function textInput(field: string): z.ZodType<string> {
  return z.string({ error: (iss) => (iss.input === undefined ? `${field} is missing` : `${field} must be text`) }).min(1, { error: `${field} must not be empty` });
}

export function flagInput(field: string): z.ZodType<boolean> {
  return z.boolean({ error: `${field} must be true or false` });
}
