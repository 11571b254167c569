/**
 * A small cache of appraised tables by argument value. GRADE, SCORE, COMMISSION … in neighbouring columns over the
 * same range each appraise the same rows; Excel also re-calls functions on structural edits (ojs #3332). Keyed by the
 * arguments' JSON and the rulebook context object, so a changed cell or a switched rulebook misses the cache.
 */
const MAX_ENTRIES = 16;
/** Keys above this many characters (a very large range) are not kept, to bound the memory the cache holds. */
const MAX_KEY_CHARS = 2_000_000;
const entries = new Map<string, { ctx: object; value: unknown }>();

export function memo<T>(args: unknown[], ctx: object, compute: () => T): T {
  let key: string;
  try {
    key = JSON.stringify(args);
  } catch {
    return compute(); // values JSON cannot hold: not cached
  }
  const hit = entries.get(key);
  if (hit && hit.ctx === ctx) {
    entries.delete(key); // most recently used last
    entries.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  if (key.length > MAX_KEY_CHARS) return value;
  entries.set(key, { ctx, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}

export function clearMemo(): void {
  entries.clear();
}
