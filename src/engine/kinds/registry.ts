/**
 * Every rule kind the engine can interpret. A rulebook naming any other kind is rejected at load time.
 * Each group lives in its own folder; add a kind to its group's index, not here.
 */
import { boundaryWords, engineConvention } from "./conventions";
import { TOOL_KINDS } from "./tools";
import { GRADING_KINDS } from "./grading";
import { TENURE_KINDS } from "./tenure";
import type { AnyKind } from "./types";

const ALL: AnyKind[] = [boundaryWords, engineConvention, ...TOOL_KINDS, ...GRADING_KINDS, ...TENURE_KINDS];

function byName(kinds: AnyKind[]): ReadonlyMap<string, AnyKind> {
  const map = new Map<string, AnyKind>();
  for (const k of kinds) {
    // Two groups defining the same kind name would make one silently replace the other.
    if (map.has(k.kind)) throw new Error(`rule kind "${k.kind}" is defined twice`);
    map.set(k.kind, k);
  }
  return map;
}

export const KINDS: ReadonlyMap<string, AnyKind> = byName(ALL);
