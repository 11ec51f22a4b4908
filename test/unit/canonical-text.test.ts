import { describe, expect, it } from 'vitest';
import { canonicalText, wordCount } from '../../shared/content/canonical-text';
import { bulletList, heading, paragraph } from '../../shared/content/doc';

describe('canonical text', () => {
  it('joins text blocks in document order with a blank line and records their offsets', () => {
    const { text, blocks } = canonicalText({
      type: 'doc',
      content: [heading('Title'), paragraph('First paragraph.'), bulletList(['one', 'two']), { type: 'blockquote', content: [paragraph('Quoted.')] }],
    });
    expect(text).toBe('Title\n\nFirst paragraph.\n\none\n\ntwo\n\nQuoted.');
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(['Title', 'First paragraph.', 'one', 'two', 'Quoted.']);
  });
});

describe('wordCount', () => {
  it.each([
    ['', 0],
    ['Five people were killed.', 4],
    ['Maduro’s non-international armed conflict', 4],
    ["it's 2025-12-31, isn't it", 4],
    ['Nicolás Maduro — “international piracy”', 4],
    ['Κυβέρνηση και στρατός', 3],
    ['𝐁𝐨𝐥𝐝 words 😀 here', 3],
    ['  - - -  ', 0],
  ])('%j has %i words', (text, n) => {
    expect(wordCount(text)).toBe(n);
  });
});
