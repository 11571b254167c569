/**
 * Synthetic branches grown from a sample workbook in assets/ (read and mapped exactly as `appraise grade` reads it):
 * each sample manager is copied many times under new ids, with every amount of every record and client scaled by a
 * seeded factor per copy and task results by a factor per month, so the copies land on different grades, triggers
 * and statuses. Used for the rulebooks whose input is not a plain monthly table (b002 grades by clients, c000 tasks).
 */
import { FIELDS, isFieldName } from "../../src/engine/fields";
import type { RawInput, RawManager, RawRecord } from "./h003";
import { rng, scaled, type Rng } from "../lib/rng";

/** "28000000" × factor (in thousandths) → whole yuan, as text; keeps zero and sign. */
function scaleMoney(text: string, permille: number): string {
  const [int, frac = ""] = text.replace("-", "").split(".");
  const fen = BigInt(int + frac.padEnd(2, "0").slice(0, 2));
  const scaledFen = (fen * BigInt(permille)) / 1000n;
  return (text.startsWith("-") ? "-" : "") + scaled(Number(scaledFen / 100n), 0);
}

function scaleValues(obj: Record<string, unknown>, permille: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = typeof v === "string" && isFieldName(k) && FIELDS[k].unit === "money" && /^-?\d+(\.\d+)?$/.test(v) ? scaleMoney(v, permille) : v;
  }
  return out;
}

function jitter(r: Rng, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

export function replicate(template: RawInput, count: number, seed = 2026): RawInput {
  const r = rng(seed);
  const managers: RawManager[] = [];
  for (let i = 0; i < count; i++) {
    const base = template.managers[i % template.managers.length];
    const permille = i < template.managers.length ? 1000 : jitter(r, 820, 1220);
    const history = base.history.map((rec) => {
      const out = scaleValues(rec, permille) as RawRecord;
      if (Array.isArray(rec.clients)) out.clients = (rec.clients as Array<Record<string, unknown>>).map((c) => scaleValues(c, permille));
      if (Array.isArray(rec.tasks)) {
        const month = jitter(r, 880, 1150);
        out.tasks = (rec.tasks as Array<{ item: string; plan: string; actual: string }>).map((t) => ({ ...t, actual: scaleMoney(t.actual, month) }));
      }
      return out;
    });
    managers.push({ ...base, id: `${base.id}-${String(i).padStart(6, "0")}`, history });
  }
  return { ...template, managers };
}
