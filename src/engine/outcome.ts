/**
 * What a rule gives back when it cannot produce a number: the Excel error it maps to (#VALUE! for bad input,
 * #N/A for something not available or not configured) and a bilingual message naming the rule. Never a silent 0.
 */
import type { Reason } from "./model";

export interface Unavailable {
  unavailable: true;
  code: "value" | "na";
  rule: string;
  zh: string;
  en: string;
}

export function unavailable(code: "value" | "na", rule: string, zh: string, en: string): Unavailable {
  return { unavailable: true, code, rule, zh, en };
}

export function isUnavailable(x: unknown): x is Unavailable {
  return typeof x === "object" && x !== null && (x as Unavailable).unavailable === true;
}

export function reason(rule: string, zh: string, en: string): Reason {
  return { rule, zh, en };
}

export function asReason(u: Unavailable): Reason {
  return { rule: u.rule, zh: u.zh, en: u.en };
}

/** Raised for rulebook or programming errors, never for bad user input (that is an Unavailable or a problem). */
export class RulebookError extends Error {}
