/** Every built-in function by name (and by each Chinese alias), grouped by mechanism in the files beside this one. */
import { DATES } from "./dates";
import type { FunctionDef } from "./define";
import { LOGIC } from "./logic";
import { LOOKUP } from "./lookup";
import { MATH } from "./math";
import { VOCABULARY } from "./vocabulary";
import { WINDOWS } from "./windows";
import { TEXTS } from "./text";
import { LISTS } from "./lists";
import { WORKDAYS } from "./workdays";
import { RECORDS } from "./records";

export const ALL_FUNCTIONS: readonly FunctionDef[] = [...LOGIC, ...MATH, ...LOOKUP, ...DATES, ...WINDOWS, ...VOCABULARY, ...TEXTS, ...LISTS, ...WORKDAYS, ...RECORDS];

function byName(defs: readonly FunctionDef[]): ReadonlyMap<string, FunctionDef> {
  const map = new Map<string, FunctionDef>();
  for (const d of defs) {
    for (const n of [d.name, ...(d.aliases ?? [])]) {
      if (map.has(n.toUpperCase())) throw new Error(`function name ${n} is defined twice`);
      map.set(n.toUpperCase(), d);
    }
  }
  return map;
}

/** Names are looked up case-insensitively, as Excel does (round = ROUND). */
export const FUNCTIONS: ReadonlyMap<string, FunctionDef> = byName(ALL_FUNCTIONS);

export type { FunctionDef } from "./define";
