/**
 * The known word nearest to a misspelt one, for "did you mean --period?" after `--peroid`. Edit distance counts a
 * swap of two neighbouring letters as one edit (the commonest typing slip); a known word that starts with the typed
 * one (`--out` → `--output`) is near too.
 */

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps each cost 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1; // int: string length
  const cols = b.length + 1; // int: string length
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) { // int: index
    for (let j = 1; j < cols; j++) { // int: index
      const cost = a[i - 1] === b[j - 1] ? 0 : 1; // int: edit cost
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost); // int: edit count
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1); // int: edit count
    }
  }
  return d[rows - 1][cols - 1]; // int: index
}

/** The nearest known word, or undefined when none is close enough to be what was meant. */
export function nearest(typed: string, known: readonly string[]): string | undefined {
  const t = typed.toLowerCase();
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const w = word.toLowerCase();
    const distance = t.length >= 3 && w.startsWith(t) ? 1 : editDistance(t, w);
    if (!best || distance < best.distance) best = { word, distance };
  }
  // A third of the word may be wrong, at least two letters: `--peroid`, `--rulbook`, `--forse` are found; `--x` is not.
  const allowed = Math.max(2, Math.floor(t.length / 3)); // int: edit count
  return best && best.distance <= allowed ? best.word : undefined;
}
