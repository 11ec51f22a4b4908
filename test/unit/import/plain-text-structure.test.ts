import { describe, expect, it } from 'vitest';
import { hardWrapWidth, plainTextBlocks } from '../../../electron/backend/import/plain-text-structure';
import { canonicalText } from '../../../shared/content/canonical-text';
import type { Block } from '../../../shared/content/doc';

/** Blocks as short strings: "p: text", "h2: text", "ul: a | b", "ol(3): a | b". */
function outline(blocks: Block[]): string[] {
  return blocks.map((b) => {
    switch (b.type) {
      case 'paragraph':
        return `p: ${b.content?.map((n) => n.text).join('')}`;
      case 'heading':
        return `h${b.attrs.level}: ${b.content?.map((n) => n.text).join('')}`;
      case 'bulletList':
      case 'orderedList': {
        const items = b.content.map((item) => canonicalText({ type: 'doc', content: item.content }).text).join(' | ');
        return b.type === 'bulletList' ? `ul: ${items}` : `ol(${b.attrs?.start ?? 1}): ${items}`;
      }
      default:
        return b.type;
    }
  });
}

const LONG = 'This paragraph is long enough to count as body text, and it ends the way a sentence ends.';

describe('plainTextBlocks: one paragraph per line', () => {
  it('makes every line a paragraph, with or without blank lines between them', () => {
    expect(outline(plainTextBlocks(`${LONG}\n${LONG}`))).toEqual([`p: ${LONG}`, `p: ${LONG}`]);
    expect(outline(plainTextBlocks(`\n\n${LONG}\n\n\n${LONG}\n\n`))).toEqual([`p: ${LONG}`, `p: ${LONG}`]);
  });

  it('collapses runs of spaces and tabs and trims the lines', () => {
    expect(outline(plainTextBlocks('  Two   spaces\there.   \n\u00a0Next\u00a0\u00a0line. '))).toEqual(['p: Two spaces here.', 'p: Next line.']);
  });

  it('drops decorative rules and never makes an empty block', () => {
    const blocks = plainTextBlocks(`${LONG}\n\n---\n* * *\n=====\n   \n${LONG}`);
    expect(outline(blocks)).toEqual([`p: ${LONG}`, `p: ${LONG}`]);
  });
});

describe('plainTextBlocks: headings', () => {
  it('makes a short line without closing punctuation above a paragraph a heading', () => {
    expect(outline(plainTextBlocks(`Recent Military Actions\n${LONG}`))).toEqual(['h2: Recent Military Actions', `p: ${LONG}`]);
    expect(outline(plainTextBlocks(`Maduro’s Response\n\n${LONG}`))).toEqual(['h2: Maduro’s Response', `p: ${LONG}`]);
  });

  it('does not make a heading of a sentence, a long line, a lower-case line or the last line', () => {
    expect(outline(plainTextBlocks(`He said so.\n${LONG}`))[0]).toBe('p: He said so.');
    expect(outline(plainTextBlocks(`and then the next thing\n${LONG}`))[0]).toBe('p: and then the next thing');
    const thirteenWords = 'One two three four five six seven eight nine ten eleven twelve thirteen';
    expect(outline(plainTextBlocks(`${thirteenWords}\n${LONG}`))[0]).toBe(`p: ${thirteenWords}`);
    expect(outline(plainTextBlocks(`${LONG}\nThe End`))[1]).toBe('p: The End');
  });

  it('does not make a heading of a short line above another short line', () => {
    expect(outline(plainTextBlocks(`USA\n\nA headline here\n\n${LONG}`))).toEqual(['p: USA', 'h2: A headline here', `p: ${LONG}`]);
  });

  it('does not make a heading of what a colon announces', () => {
    expect(outline(plainTextBlocks(`It will start very soon:\n“Kill them all”\n${LONG}`))[1]).toBe('p: “Kill them all”');
  });
});

describe('plainTextBlocks: lists', () => {
  it('groups "- ", "* " and "• " lines into one bullet list', () => {
    expect(outline(plainTextBlocks(`${LONG}\n- one\n* two\n  • three\n${LONG}`))).toEqual([`p: ${LONG}`, 'ul: one | two | three', `p: ${LONG}`]);
  });

  it('makes numbered lines an ordered list that keeps its first number', () => {
    expect(outline(plainTextBlocks('Intro line.\n1. first\n2. second\n3) third'))).toEqual(['p: Intro line.', 'ol(1): first | second | third']);
    expect(outline(plainTextBlocks('4. fourth\n5. fifth'))).toEqual(['ol(4): fourth | fifth']);
  });

  it('keeps list items separated by blank lines in one list', () => {
    expect(outline(plainTextBlocks('- one\n\n- two'))).toEqual(['ul: one | two']);
  });

  it('does not take a hyphenated word or a year for a list marker', () => {
    expect(outline(plainTextBlocks('-5 degrees today.\n2025. A year to remember.'))).toEqual(['p: -5 degrees today.', 'p: 2025. A year to remember.']);
  });
});

describe('plainTextBlocks: hard-wrapped text', () => {
  const wrapped = [
    'Venezuelan leader Nicolás Maduro said on Thursday he was open to talks',
    'with the US on drug trafficking and oil, after weeks of an escalating',
    'pressure campaign against his government, state television reported.',
    '',
    'In an interview with Venezuelan state TV, Maduro said he was ready for',
    'dialogue with the US "wherever they want and whenever they want", and',
    'that well-',
    'known',
    '',
    'Background',
    'He also evaded a question about President Donald Trump saying the US had',
    'attacked a docking facility in Venezuela, reportedly carried out by the CIA.',
  ].join('\n');

  it('recognises the wrap width', () => {
    const groups = wrapped.split('\n\n').map((g) => g.split('\n'));
    expect(hardWrapWidth(groups)).toBe(76);
    expect(hardWrapWidth([[LONG, LONG, LONG]])).toBeNull();
  });

  it('joins the lines of each paragraph, and keeps a short line above a paragraph apart', () => {
    const blocks = outline(plainTextBlocks(wrapped));
    expect(blocks).toHaveLength(4);
    expect(blocks[0]).toBe(
      'p: Venezuelan leader Nicolás Maduro said on Thursday he was open to talks with the US on drug trafficking and oil, after weeks of an escalating pressure campaign against his government, state television reported.',
    );
    expect(blocks[1]).toMatch(/whenever they want", and that well-known$/);
    expect(blocks[2]).toBe('h2: Background');
    expect(blocks[3]).toMatch(/^p: He also evaded .* carried out by the CIA\.$/);
  });

  it('joins a word hyphenated across lines without a space', () => {
    const text = [
      'The campaign against suspected drug dealers has drawn criticism from',
      'lawyers and rights groups, who call the strikes a series of extra-',
      'judicial killings and say the administration has offered no evidence',
      'that the boats it has targeted were carrying drugs at all, reporters say.',
    ].join('\n');
    const [p] = outline(plainTextBlocks(`${text}\n\n${text}`));
    expect(p).toContain('extra-judicial killings');
  });

  it('finds paragraph ends in a wrapped file without blank lines', () => {
    const text = [
      'The order was from Pete Hegseth, the Secretary of War. This occurred',
      'before the first attack against alleged drug boats in the Caribbean.',
      'A missile was launched off the coast of Trinidad, hitting the ship and',
      'setting fire to it from bow to stern. They watched it burn.',
      'Short last line.',
    ].join('\n');
    const blocks = outline(plainTextBlocks(text));
    expect(blocks).toEqual([
      'p: The order was from Pete Hegseth, the Secretary of War. This occurred before the first attack against alleged drug boats in the Caribbean.',
      'p: A missile was launched off the coast of Trinidad, hitting the ship and setting fire to it from bow to stern. They watched it burn.',
      'p: Short last line.',
    ]);
  });
});
