import { describe, expect, it } from 'vitest';
import { prefixSimilarity, suffixSimilarity } from '../../../shared/anchoring/context-similarity';

// Edit distance between `pattern` and the best-fitting start of `window`
// (free at the window's far end), by the textbook table: an independent
// check of the word-parallel version.
function reference(pattern: string[], window: string[]): number {
  let row = Array.from({ length: window.length + 1 }, (_, j) => j);
  for (let i = 1; i <= pattern.length; i++) {
    const next = [i];
    for (let j = 1; j <= window.length; j++) {
      next[j] = Math.min((row[j - 1] as number) + (pattern[i - 1] === window[j - 1] ? 0 : 1), (row[j] as number) + 1, (next[j - 1] as number) + 1);
    }
    row = next;
  }
  return Math.min(...row);
}

const END = '\u0000end';

function expectedSuffix(expected: string, text: string, at: number, edge: boolean): number {
  const m = expected.length;
  const reach = m + (m >> 1) + 1;
  const window = [...text.slice(at, at + reach)];
  if (edge && text.length - at <= reach) window.push(END);
  const pattern = [...expected, ...(edge ? [END] : [])];
  return 1 - reference(pattern, window) / pattern.length;
}

function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

describe('context similarity', () => {
  it('is 1 for an identical context and loses one share per edited character', () => {
    const text = 'the ministry confirmed on Tuesday that five people died';
    const at = text.indexOf('five');
    expect(prefixSimilarity('confirmed on Tuesday that ', text, at)).toBe(1);
    expect(prefixSimilarity('confirmed on Tuesdoy that ', text, at)).toBeCloseTo(1 - 1 / 26, 10);
    expect(suffixSimilarity('five people died', text, at)).toBe(1);
    expect(suffixSimilarity('five peeple died', text, at)).toBeCloseTo(1 - 1 / 16, 10);
  });

  it('compares from the boundary, so the same words a little farther away do not count', () => {
    const text = 'XXXXXXXX said the minister';
    expect(suffixSimilarity('said the minister', text, 9)).toBe(1);
    expect(suffixSimilarity('said the minister', text, 0)).toBeLessThan(0.6);
  });

  it('with `edge`, counts the end of the text as part of a context that was cut short by it', () => {
    const atEnd = 'and the talks ended.';
    const followed = 'and the talks ended. Then more text came.';
    expect(suffixSimilarity(' ended.', atEnd, atEnd.indexOf(' ended'), true)).toBe(1);
    expect(suffixSimilarity(' ended.', followed, followed.indexOf(' ended'), true)).toBeLessThan(1);
    // Without `edge` both read the same.
    expect(suffixSimilarity(' ended.', followed, followed.indexOf(' ended'))).toBe(1);
    expect(prefixSimilarity('In 2020 ', 'In 2020 the talks', 8, true)).toBe(1);
    expect(prefixSimilarity('In 2020 ', 'Then in 2020 the talks', 13, true)).toBeLessThan(1);
  });

  it('agrees with the textbook edit distance for contexts shorter and longer than 32 characters', () => {
    const rand = random(7);
    const letters = 'ab c';
    const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(rand() * letters.length)]).join('');
    for (let trial = 0; trial < 3000; trial++) {
      const expected = word(1 + Math.floor(rand() * 45));
      const text = word(Math.floor(rand() * 90));
      const at = Math.floor(rand() * (text.length + 1));
      const edge = rand() < 0.5;
      expect(suffixSimilarity(expected, text, at, edge)).toBeCloseTo(expectedSuffix(expected, text, at, edge), 12);
      // A prefix is a suffix of the reversed text.
      const reversed = [...text].reverse().join('');
      const back = [...expected].reverse().join('');
      expect(prefixSimilarity(expected, text, at, edge)).toBeCloseTo(expectedSuffix(back, reversed, text.length - at, edge), 12);
    }
  });
});
