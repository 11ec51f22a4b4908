import { describe, expect, it } from 'vitest';
import { buildSearchIndex, findMatches, firstMatchFrom, foldQuery } from '../../../renderer/features/reader/find-text';

// Find in article searches the canonical text and answers in its offsets
// (UTF-16 code units), so a match can be decorated through the offset map
// exactly as a highlight is.
const found = (text: string, query: string) => findMatches(buildSearchIndex(text), query).map((m) => text.slice(m.start, m.end));

describe('find in article', () => {
  it('ignores case and diacritics, and answers in offsets of the original text', () => {
    const text = 'Él dijo: “El presidente habló en Bogotá.” El PRESIDENTE de Colombia, Petro, respondió.';
    expect(found(text, 'el')).toEqual(['Él', 'El', 'El']);
    expect(found(text, 'bogota')).toEqual(['Bogotá']);
    expect(found(text, 'HABLO')).toEqual(['habló']);
    expect(found(text, 'presidente')).toEqual(['presidente', 'PRESIDENTE']);
    expect(found(text, 'Ré')).toEqual(['re', 'RE', 're']);
  });

  it('matches decomposed accents and characters outside the BMP', () => {
    const text = 'Cafe\u0301 au lait 😀 at the café 😀.';
    const matches = findMatches(buildSearchIndex(text), 'café');
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['Cafe\u0301', 'café']);
    const emoji = findMatches(buildSearchIndex(text), '😀 at');
    expect(emoji).toHaveLength(1);
    expect(text.slice(emoji[0]!.start, emoji[0]!.end)).toBe('😀 at');
  });

  it('treats any run of spaces and line breaks as one space', () => {
    const text = 'five\u00a0people on board.\n\nFive  people\nwere killed';
    expect(found(text, 'five people')).toEqual(['five\u00a0people', 'Five  people']);
    expect(found(text, 'board. five')).toEqual(['board.\n\nFive']);
    expect(found(text, '   ')).toEqual([]);
    expect(foldQuery('  Île  ')).toBe('ile');
  });

  it('keeps letters whose lower case is longer than they are', () => {
    const text = 'İstanbul and istanbul';
    expect(found(text, 'istanbul')).toEqual(['İstanbul', 'istanbul']);
  });

  it('finds nothing for an empty query and does not overlap matches', () => {
    expect(found('aaaa', '')).toEqual([]);
    expect(findMatches(buildSearchIndex('aaaa'), 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
  });

  it('starts at the first match at or after the reader’s place, else the first', () => {
    const matches = [10, 50, 90].map((start) => ({ start, end: start + 3 }));
    expect(firstMatchFrom(matches, 0)).toBe(0);
    expect(firstMatchFrom(matches, 50)).toBe(1);
    expect(firstMatchFrom(matches, 51)).toBe(2);
    expect(firstMatchFrom(matches, 91)).toBe(0);
    expect(firstMatchFrom([], 5)).toBe(0);
  });

  it('finds every match in 200 KB of text, accents folded', () => {
    const para = 'The Venezuelan government said the strike near Carúpano killed five people; officials in Caracas disputed it. ';
    const text = Array.from({ length: 1900 }, (_, i) => para + (i % 10 === 0 ? '\n\n' : '')).join('');
    expect(text.length).toBeGreaterThan(200_000);
    const matches = findMatches(buildSearchIndex(text), 'carupano');
    expect(matches).toHaveLength(1900);
    expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe('Carúpano');
  });
});
