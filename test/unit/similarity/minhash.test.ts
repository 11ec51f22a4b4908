import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../../shared/content/canonical-text';
import {
  BANDS,
  bandKeys,
  estimatedJaccard,
  fnv1a,
  minhashSignature,
  SIGNATURE_SIZE,
  shingleHashes,
  signatureFromBytes,
  signatureToBytes,
  wordHashes,
} from '../../../shared/similarity/minhash';
import { readerFor } from '../../../electron/backend/import/readers';
import { readSeed } from '../import/read-seed';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'near-copies');

function seedText(prefix: string): string {
  return canonicalText(readSeed(prefix).content).text;
}

function fixtureText(name: string): string {
  const path = join(FIXTURES, name);
  const parsed = readerFor(path)!.read({ path, bytes: readFileSync(path) });
  if (parsed instanceof Promise) throw new Error('expected a synchronous reader');
  return canonicalText(parsed.content).text;
}

/** The exact Jaccard similarity of two texts' shingle sets. */
function jaccard(a: string, b: string): number {
  const A = new Set(shingleHashes(a));
  const B = new Set(shingleHashes(b));
  let shared = 0;
  for (const h of A) if (B.has(h)) shared += 1;
  return shared / (A.size + B.size - shared);
}

describe('words and shingles', () => {
  it('hashes lower-cased runs of letters and digits, Unicode included', () => {
    expect(wordHashes('Nicolás MADURO, 2 September!')).toEqual(['nicolás', 'maduro', '2', 'september'].map((w) => fnv1a(w)));
    expect(wordHashes('Maduro’s “war on drugs”')).toEqual(['maduro', 's', 'war', 'on', 'drugs'].map((w) => fnv1a(w)));
    expect(wordHashes('Ελληνικά κείμενα')).toEqual([fnv1a('ελληνικά'), fnv1a('κείμενα')]);
  });

  it('makes one shingle per run of five words, and falls back to fewer words for short texts', () => {
    expect(shingleHashes('one two three four five six seven')).toHaveLength(3);
    expect(shingleHashes('only three words')).toHaveLength(1);
    expect(shingleHashes('— … —')).toHaveLength(1);
    expect(shingleHashes('only three words')).not.toEqual(shingleHashes('only three other'));
  });
});

describe('MinHash signatures', () => {
  const a003 = seedText('003');

  it('are 128 values, deterministic, and survive a round trip through bytes', () => {
    const sig = minhashSignature(a003);
    expect(sig).toHaveLength(SIGNATURE_SIZE);
    expect(minhashSignature(a003)).toEqual(sig);
    expect(signatureFromBytes(signatureToBytes(sig))).toEqual(sig);
    expect(bandKeys(sig)).toHaveLength(BANDS);
    expect(bandKeys(minhashSignature(a003))).toEqual(bandKeys(sig));
    // Fixed values: a change to the hashing would silently orphan stored signatures.
    expect(fnv1a('maduro')).toBe(fnv1a('maduro'));
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('give 1 for the same text and for a text differing only in case and punctuation', () => {
    expect(estimatedJaccard(minhashSignature(a003), minhashSignature(a003))).toBe(1);
    expect(estimatedJaccard(minhashSignature(a003), minhashSignature(a003.toUpperCase().replace(/[,.]/g, ' ; ')))).toBe(1);
  });

  it('stay far apart for unrelated news texts, and for a rewrite of the same facts in other words', () => {
    const seeds = ['000', '001', '002', '003', '004'].map((p) => ({ p, sig: minhashSignature(seedText(p)) }));
    for (const x of seeds) {
      for (const y of seeds) {
        if (x.p < y.p) expect(estimatedJaccard(x.sig, y.sig), `${x.p} ~ ${y.p}`).toBeLessThan(0.2);
      }
    }
    // 000 retells 003's facts in other words: a separate source for near-copy detection.
    expect(jaccard(seedText('000'), a003)).toBeLessThan(0.05);
  });

  it('stay close for a copy with other page chrome and a reworded sentence', () => {
    const copy = fixtureText('003-syndicated.txt');
    expect(copy).toContain('Share this story');
    const exact = jaccard(a003, copy);
    const estimate = estimatedJaccard(minhashSignature(a003), minhashSignature(copy));
    expect(exact).toBeGreaterThan(0.7);
    expect(Math.abs(estimate - exact)).toBeLessThan(0.15);
    expect(estimate).toBeGreaterThan(0.6);
    const a = new Set(bandKeys(minhashSignature(a003)));
    expect(bandKeys(minhashSignature(copy)).some((k) => a.has(k))).toBe(true);
  });

  it('estimate the Jaccard similarity within a few points on a synthetic sweep', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${(i * 7919) % 100003}`);
    for (const keep of [0.9, 0.7, 0.5, 0.3]) {
      const a = words.join(' ');
      const b = words.map((w, i) => (i % 100 < keep * 100 ? w : `x${i}`)).join(' ');
      const exact = jaccard(a, b);
      expect(Math.abs(estimatedJaccard(minhashSignature(a), minhashSignature(b)) - exact), `keep ${keep}`).toBeLessThan(0.12);
    }
  });

  it('densify short texts so that a few words still compare', () => {
    const sig = minhashSignature('Strike on a boat');
    expect(sig.every((v) => v !== 0xffffffff)).toBe(true);
    expect(estimatedJaccard(sig, minhashSignature('strike on a boat'))).toBe(1);
    expect(estimatedJaccard(sig, minhashSignature('Talks on drug trafficking'))).toBeLessThan(0.2);
  });
});
