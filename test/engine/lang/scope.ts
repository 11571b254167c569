/** A small scope for formula tests: names bound to fixed values (by period), no rulebook around them. */
import { Dec } from "../../../src/engine/decimal";
import { compileNode, type Scope } from "../../../src/engine/lang/compile";
import type { Frame, Host, MissingPolicy } from "../../../src/engine/lang/frame";
import { parseFormula } from "../../../src/engine/lang/parser";
import { num, type VType } from "../../../src/engine/lang/types";
import { isMissing, type Value } from "../../../src/engine/lang/values";
import { monthRange, periodKind, type PeriodKind } from "../../../src/engine/periods";

export type Bindings = Record<string, { type: VType; at: Record<string, Value | undefined> | Value }>;

export const money = (v: string | number) => ({ type: num("money"), at: new Dec(v) });
export const rate = (v: string | number) => ({ type: num("rate"), at: new Dec(v) });
export const count = (v: string | number) => ({ type: num("count"), at: new Dec(v) });

function isByPeriod(x: unknown): x is Record<string, Value | undefined> {
  return typeof x === "object" && x !== null && !(x instanceof Dec) && Object.getPrototypeOf(x) === Object.prototype;
}

export function scopeOf(bindings: Bindings, grades: string[] = ["senior", "intermediate", "junior"]): Scope {
  return {
    name(n) {
      const b = bindings[n];
      if (!b) return undefined;
      return {
        type: b.type,
        label: { zh: n, en: n },
        run: (f: Frame) => {
          const v = isByPeriod(b.at) ? b.at[f.period] : b.at;
          return v === undefined ? ({ code: "na" } as never) : v;
        },
      };
    },
    userFunction: () => undefined,
    vocabulary: { grades, flags: ["majorViolation"], roles: ["cm", "president"] },
    suggest: () => [],
  };
}

export function frameAt(period: string, bindings: Bindings, policy: MissingPolicy = "undetermined", grades = ["senior", "intermediate", "junior"]): Frame {
  const periods = new Set<string>();
  for (const b of Object.values(bindings)) if (isByPeriod(b.at)) for (const p of Object.keys(b.at)) periods.add(p);
  const host: Host = {
    grades,
    firstPeriod(kind: PeriodKind) {
      const ps = [...periods].filter((p) => periodKind(p) === kind).sort((a, b) => monthRange(a).first - monthRange(b).first);
      return ps[0];
    },
    hasRecord: (p) => periods.has(p),
    flags: () => [],
  };
  const make = (p: string): Frame => ({ period: p, host, policy, at: make });
  return make(period);
}

/** Evaluates a formula against bindings at a period; returns the value or the compile problem. */
export function evaluate(formula: string, bindings: Bindings = {}, period = "2026-10", policy: MissingPolicy = "undetermined"): Value | { problem: string } {
  const parsed = parseFormula(formula);
  if (!parsed.ok) return { problem: parsed.problem.zh };
  const c = compileNode(parsed.node, scopeOf(bindings));
  if (!c.ok) return { problem: c.problem.zh };
  return c.compiled.run(frameAt(period, bindings, policy));
}

/** A value as text for table-driven expectations: decimals exact, TRUE/FALSE, dates ISO, missing as #N/A or #VALUE!. */
export function shown(v: Value | { problem: string }): string {
  if (typeof v === "object" && v !== null && "problem" in v) return `problem: ${v.problem}`;
  if (isMissing(v as Value)) return (v as { code: string }).code === "na" ? "#N/A" : "#VALUE!";
  if (v instanceof Dec) return v.toFixed();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "object" && v !== null && "iso" in v) return (v as { iso: string }).iso;
  return String(v);
}
