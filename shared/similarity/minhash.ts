// Near-copy detection: word shingles → one-permutation MinHash → LSH bands.
//
// Pure and deterministic (no node:*): the same text gives the same signature
// on every machine, so signatures can be stored and compared later.
//
// Cost is O(words): each shingle is hashed once and lands in one of 128 bins
// whose minimum it may replace (one-permutation hashing, Li, Owen & Zhang
// 2012); empty bins borrow from the next non-empty bin to their right, with
// the distance folded into the value (densification by rotation, Shrivastava
// & Li 2014). The classic 128 independent permutations would cost 128 hashes
// per shingle, a visible share of the import time.

/** Values in a signature. */
export const SIGNATURE_SIZE = 128;
/** Words per shingle; texts with fewer words use all their words as one shingle. */
export const SHINGLE_WORDS = 5;
/**
 * LSH: 16 bands of 3 rows (the first 48 values; verification uses all 128).
 * Two texts share at least one band key with probability 1 − (1 − J³)¹⁶:
 * 0.88 at J = 0.5, 0.98 at J = 0.6, 0.996 at J = 0.7, 0.12 at J = 0.2 and
 * next to nothing for unrelated texts (J ≈ 0.01). Each band key is a row in
 * an index with random keys, the costliest part of storing a signature, so
 * fewer, shorter bands beat the textbook 32 × 4 (which costs twice the rows
 * for 0.99 at J = 0.6).
 */
export const BANDS = 16;
export const ROWS_PER_BAND = 3;

const BIN_BITS = 7; // 2^7 = 128 bins
const VALUE_BITS = 32 - BIN_BITS; // the low 25 bits are the value within a bin
const VALUE_MASK = (1 << VALUE_BITS) - 1;
const EMPTY = 0xffffffff;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the string's UTF-16 code units, as an unsigned 32-bit integer. */
export function fnv1a(s: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Murmur3's finaliser: every input bit reaches every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One Murmur3 block step: folds a 32-bit word into the running hash. */
function mixIn(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Hashes of the text's words: runs of letters and digits (\p{L}\p{N}),
 * lower-cased, each hashed with FNV-1a. A character loop with an ASCII fast
 * path, so no word strings are built; punctuation, apostrophes and hyphens
 * split words ("Maduro’s" is "maduro" + "s" in both copies alike).
 */
export function wordHashes(text: string): number[] {
  const out: number[] = [];
  let h = FNV_OFFSET;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 128) {
      if (c >= 65 && c <= 90) c |= 32;
      else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) c = -1;
      if (c >= 0) {
        h = Math.imul(h ^ c, FNV_PRIME);
        inWord = true;
        continue;
      }
    } else {
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
      const ch = pair ? text.slice(i, i + 2) : text[i]!;
      if (pair) i += 1;
      if (LETTER_OR_DIGIT.test(ch)) {
        const lower = ch.toLowerCase();
        for (let j = 0; j < lower.length; j++) h = Math.imul(h ^ lower.charCodeAt(j), FNV_PRIME);
        inWord = true;
        continue;
      }
    }
    if (inWord) {
      out.push(h >>> 0);
      h = FNV_OFFSET;
      inWord = false;
    }
  }
  if (inWord) out.push(h >>> 0);
  return out;
}

/**
 * Hashes of the text's word shingles: every run of SHINGLE_WORDS consecutive
 * words (fewer when the text is shorter). A text without words is one
 * shingle: the hash of its characters.
 */
export function shingleHashes(text: string, size = SHINGLE_WORDS): number[] {
  const words = wordHashes(text);
  if (words.length === 0) return [fmix32(fnv1a(text))];
  const k = Math.min(size, words.length);
  const out = new Array<number>(words.length - k + 1);
  for (let i = 0; i + k <= words.length; i++) {
    let h = k;
    for (let j = 0; j < k; j++) h = mixIn(h, words[i + j]!);
    out[i] = fmix32(h ^ k);
  }
  return out;
}

/** The MinHash signature of a text: SIGNATURE_SIZE unsigned 32-bit values. */
export function minhashSignature(text: string): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  for (const h of shingleHashes(text)) {
    const bin = h >>> VALUE_BITS;
    const value = h & VALUE_MASK;
    if (value < sig[bin]!) sig[bin] = value;
  }
  // Densify: an empty bin takes the next non-empty bin's value (circularly)
  // tagged with the distance, so two texts agree on it only when they agree
  // on that bin and on the bins between. There is always one non-empty bin.
  const filled = sig.slice();
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    if (filled[i] !== EMPTY) continue;
    for (let t = 1; t < SIGNATURE_SIZE; t++) {
      const v = filled[(i + t) % SIGNATURE_SIZE]!;
      if (v !== EMPTY) {
        sig[i] = ((t << VALUE_BITS) | v) >>> 0;
        break;
      }
    }
  }
  return sig;
}

/** Share of positions where two signatures agree: an estimate of the shingle sets' Jaccard similarity. */
export function estimatedJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same += 1;
  return same / a.length;
}

/**
 * LSH band keys: each band of ROWS_PER_BAND values (and the band's number)
 * hashed to one signed 32-bit integer (SQLite stores it in 4 bytes). Two texts are candidate near-copies
 * when they share any key.
 */
export function bandKeys(sig: ArrayLike<number>): number[] {
  const keys = new Array<number>(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = mixIn(0x5bd1e995, b);
    for (let r = 0; r < ROWS_PER_BAND; r++) h = mixIn(h, sig[b * ROWS_PER_BAND + r]!);
    keys[b] = fmix32(h ^ ROWS_PER_BAND) | 0;
  }
  return keys;
}

/** The signature as bytes (little-endian), as it is stored. */
export function signatureToBytes(sig: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(sig.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < sig.length; i++) view.setUint32(i * 4, sig[i]!, true);
  return bytes;
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = new Uint32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < sig.length; i++) sig[i] = view.getUint32(i * 4, true);
  return sig;
}

/** What near-copy detection keeps of a text: its signature and the band keys that find candidates. */
export interface Fingerprint {
  signature: Uint32Array;
  bands: number[];
}

export function fingerprint(text: string): Fingerprint {
  const signature = minhashSignature(text);
  return { signature, bands: bandKeys(signature) };
}
