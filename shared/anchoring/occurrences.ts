// Every place a string occurs in a long text, for many strings. Anchoring asks
// this once per highlight; scanning a 200 KB article with indexOf for each of
// a thousand highlights costs more than all the rest of the work. An index of
// the text's 8-character substrings (hashed into buckets, positions chained in
// ascending order) lets each query walk only the positions that share the
// quote's rarest 8 characters, each confirmed by a direct comparison.
const GRAM = 8;
const BUCKET_BITS = 16;
// Below this the index costs more to build than the scans it saves.
const INDEX_MIN_LENGTH = 8192;

const MULTIPLIER = 0x01000193;

// MULTIPLIER ** GRAM, to drop the character leaving a rolling hash.
const DROP = (() => {
  let p = 1;
  for (let i = 0; i < GRAM; i++) p = Math.imul(p, MULTIPLIER);
  return p;
})();

function rolling(s: string, from: number, to: number, visit: (at: number, hash: number) => void): void {
  if (to - from < GRAM) return;
  let h = 0;
  for (let i = from; i < from + GRAM; i++) h = (Math.imul(h, MULTIPLIER) + s.charCodeAt(i)) | 0;
  visit(from, h);
  for (let i = from + GRAM; i < to; i++) {
    h = (Math.imul(h, MULTIPLIER) - Math.imul(s.charCodeAt(i - GRAM), DROP) + s.charCodeAt(i)) | 0;
    visit(i - GRAM + 1, h);
  }
}

const bucketOf = (hash: number) => Math.imul(hash, 0x9e3779b1) >>> (32 - BUCKET_BITS);

export class OccurrenceIndex {
  private head: Int32Array | null = null;
  private next: Int32Array | null = null;
  private count: Int32Array | null = null;

  constructor(private readonly text: string) {}

  /** Start offsets of every (possibly overlapping) occurrence of `needle`, ascending. */
  find(needle: string): number[] {
    const { text } = this;
    const out: number[] = [];
    if (needle.length === 0) return out;
    if (needle.length < GRAM || text.length < INDEX_MIN_LENGTH) {
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) out.push(at);
      return out;
    }
    this.build();
    const head = this.head as Int32Array;
    const next = this.next as Int32Array;
    const count = this.count as Int32Array;
    // The needle's substring that the fewest text positions share.
    let offset = 0;
    let bucket = -1;
    rolling(needle, 0, needle.length, (at, hash) => {
      const b = bucketOf(hash);
      if (bucket === -1 || (count[b] as number) < (count[bucket] as number)) {
        bucket = b;
        offset = at;
      }
    });
    for (let at = head[bucket] as number; at !== -1; at = next[at] as number) {
      const start = at - offset;
      if (start >= 0 && text.startsWith(needle, start)) out.push(start);
    }
    return out;
  }

  private build(): void {
    if (this.head) return;
    const { text } = this;
    const head = new Int32Array(1 << BUCKET_BITS).fill(-1);
    const next = new Int32Array(Math.max(0, text.length - GRAM + 1));
    const count = new Int32Array(1 << BUCKET_BITS);
    const buckets = new Int32Array(next.length);
    rolling(text, 0, text.length, (at, hash) => {
      buckets[at] = bucketOf(hash);
    });
    // Chained from the end, so that each chain runs in ascending order.
    for (let at = next.length - 1; at >= 0; at--) {
      const b = buckets[at] as number;
      next[at] = head[b] as number;
      head[b] = at;
      count[b] = (count[b] as number) + 1;
    }
    this.head = head;
    this.next = next;
    this.count = count;
  }
}
