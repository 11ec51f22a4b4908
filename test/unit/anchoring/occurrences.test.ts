import { describe, expect, it } from 'vitest';
import { OccurrenceIndex } from '../../../shared/anchoring/occurrences';

function scan(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
}

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('OccurrenceIndex', () => {
  // Long enough that the index is built rather than scanned.
  const rand = random(11);
  const words = ['the', 'ministry', 'said', 'five', 'people', 'were', 'killed', '😀', '𝐁𝐨𝐥𝐝', 'ha', 'ha ha', '\n\n'];
  const text = Array.from({ length: 12000 }, () => words[Math.floor(rand() * words.length)]).join(' ');

  it('finds every occurrence, overlapping ones included, in order', () => {
    for (let trial = 0; trial < 300; trial++) {
      const start = Math.floor(rand() * (text.length - 40));
      const needle = text.slice(start, start + 1 + Math.floor(rand() * 40));
      expect(new OccurrenceIndex(text).find(needle)).toEqual(scan(text, needle));
    }
    expect(new OccurrenceIndex(text).find('ha ha ha ha')).toEqual(scan(text, 'ha ha ha ha'));
  });

  it('finds occurrences at the very start and end of the text, and nothing for absent or empty needles', () => {
    const index = new OccurrenceIndex(text);
    expect(index.find(text.slice(0, 25))[0]).toBe(0);
    expect(index.find(text.slice(-25)).at(-1)).toBe(text.length - 25);
    expect(index.find('a phrase that is not in the text')).toEqual([]);
    expect(index.find('')).toEqual([]);
  });

  it('answers the same for short texts, which it scans', () => {
    const short = 'ha ha ha, he said; ha ha.';
    expect(new OccurrenceIndex(short).find('ha ha')).toEqual(scan(short, 'ha ha'));
  });
});
