// How well the text beside a candidate match agrees with a selector's prefix
// or suffix: 1 - (edit distance / context length), where the comparison is
// pinned to the match boundary and free at the far end, so a context that
// merely occurs somewhere nearby does not count, while an edit inside it
// costs one error rather than the rest of the string.
//
// A context cut short by the start or end of the text says more than its
// characters: that the text stopped there. With `edge`, the text's edge is
// compared as one more character, so a candidate followed by more text reads
// one character worse than one at the end, as the highlight was.

/**
 * Similarity of `expected` to the text that ends at `at` (a prefix), read
 * backwards from the boundary.
 */
export function prefixSimilarity(expected: string, text: string, at: number, edge = false): number {
  const m = expected.length;
  if (m === 0) return 1;
  const window = m + (m >> 1) + 1;
  return similarity(expected, true, text, at, Math.min(at, window), edge ? at <= window : undefined);
}

/** Similarity of `expected` to the text that starts at `at` (a suffix). */
export function suffixSimilarity(expected: string, text: string, at: number, edge = false): number {
  const m = expected.length;
  if (m === 0) return 1;
  const window = m + (m >> 1) + 1;
  return similarity(expected, false, text, at, Math.min(text.length - at, window), edge ? text.length - at <= window : undefined);
}

function similarity(expected: string, backwards: boolean, text: string, at: number, n: number, edge: boolean | undefined): number {
  // With `edge`, the pattern ends in the edge marker, and the window does too when it reaches the text's edge.
  const m = expected.length + (edge === undefined ? 0 : 1);
  const distance = m <= 32 ? bitParallel(expected, backwards, text, at, n, edge) : table(expected, backwards, text, at, n, edge);
  return 1 - distance / m;
}

// Edit distance between the whole pattern and the best-fitting beginning of
// the window: both start at the boundary; the window's tail is free. Read
// backwards from `at` for a prefix, forwards for a suffix. This runs for
// every candidate of every highlight, so contexts of up to 32 characters
// (the usual) use Myers's bit-parallel algorithm, one machine word per column.
//
// `edge`: undefined, no edge marker; otherwise the pattern has one after its
// last character, and the window has one after its last character if true.

// Character → bit mask of its positions in the pattern; cleared after each use.
let masks: Int32Array | null = null;

function bitParallel(expected: string, backwards: boolean, text: string, at: number, n: number, edge: boolean | undefined): number {
  const peq = (masks ??= new Int32Array(65536));
  const chars = expected.length;
  for (let i = 0; i < chars; i++) {
    const c = expected.charCodeAt(backwards ? chars - 1 - i : i);
    peq[c] = (peq[c] as number) | (1 << i);
  }
  const m = chars + (edge === undefined ? 0 : 1);
  const last = 1 << (m - 1);
  let pv = m === 32 ? -1 : (1 << m) - 1;
  let mv = 0;
  let score = m;
  let best = m;
  const columns = n + (edge ? 1 : 0);
  for (let j = 0; j < columns; j++) {
    // The edge marker matches only itself (the pattern's bit `chars`).
    const eq = j < n ? (peq[text.charCodeAt(backwards ? at - 1 - j : at + j)] as number) : 1 << chars;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    // Row 0 is the empty pattern against j window characters: j edits, hence the 1 shifted in.
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) best = score;
  }
  for (let i = 0; i < chars; i++) peq[expected.charCodeAt(i)] = 0;
  return best;
}

let row = new Int32Array(64);

// The plain dynamic programme, for contexts longer than a machine word.
function table(expected: string, backwards: boolean, text: string, at: number, n: number, edge: boolean | undefined): number {
  const chars = expected.length;
  const m = chars + (edge === undefined ? 0 : 1);
  const columns = n + (edge ? 1 : 0);
  // -1 is the edge marker, in the pattern and the window alike.
  const patternAt = (i: number) => (i < chars ? expected.charCodeAt(backwards ? chars - 1 - i : i) : -1);
  const windowAt = (j: number) => (j < n ? text.charCodeAt(backwards ? at - 1 - j : at + j) : -1);
  if (row.length < columns + 1) row = new Int32Array(2 * (columns + 1));
  for (let j = 0; j <= columns; j++) row[j] = j;
  for (let i = 1; i <= m; i++) {
    const p = patternAt(i - 1);
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= columns; j++) {
      const above = row[j] as number;
      const cost = diagonal + (p === windowAt(j - 1) ? 0 : 1);
      const left = (row[j - 1] as number) + 1;
      const up = above + 1;
      row[j] = cost < left ? (cost < up ? cost : up) : left < up ? left : up;
      diagonal = above;
    }
  }
  let best = m;
  for (let j = 0; j <= columns; j++) if ((row[j] as number) < best) best = row[j] as number;
  return best;
}
