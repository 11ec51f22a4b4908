// How well the text beside a candidate match agrees with a selector's prefix
// or suffix: 1 - (edit distance / context length), where the comparison is
// pinned to the match boundary and free at the far end, so a context that
// merely occurs somewhere nearby does not count, while an edit inside it
// costs one error rather than the rest of the string.

/**
 * Similarity of `expected` to the text that ends at `at` (a prefix), read
 * backwards from the boundary.
 */
export function prefixSimilarity(expected: string, text: string, at: number): number {
  const m = expected.length;
  if (m === 0) return 1;
  const available = Math.min(at, m + (m >> 1) + 1);
  return 1 - anchoredDistance(m, available, (i) => expected.charCodeAt(m - 1 - i), (j) => text.charCodeAt(at - 1 - j)) / m;
}

/** Similarity of `expected` to the text that starts at `at` (a suffix). */
export function suffixSimilarity(expected: string, text: string, at: number): number {
  const m = expected.length;
  if (m === 0) return 1;
  const available = Math.min(text.length - at, m + (m >> 1) + 1);
  return 1 - anchoredDistance(m, available, (i) => expected.charCodeAt(i), (j) => text.charCodeAt(at + j)) / m;
}

let row = new Int32Array(64);

// Edit distance between the whole pattern and the best-fitting beginning of
// the window: both start at the boundary; the window's tail is free.
function anchoredDistance(m: number, n: number, pattern: (i: number) => number, window: (j: number) => number): number {
  if (row.length < n + 1) row = new Int32Array(2 * (n + 1));
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= m; i++) {
    const p = pattern(i - 1);
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= n; j++) {
      const above = row[j] as number;
      const cost = diagonal + (p === window(j - 1) ? 0 : 1);
      const left = (row[j - 1] as number) + 1;
      const up = above + 1;
      row[j] = cost < left ? (cost < up ? cost : up) : left < up ? left : up;
      diagonal = above;
    }
  }
  let best = m;
  for (let j = 0; j <= n; j++) if ((row[j] as number) < best) best = row[j] as number;
  return best;
}
