import { describe, expect, it } from 'vitest';
import { structurePages } from '../../../electron/backend/import/pdf/pdf-structure';
import { listMarker, toDocBlocks } from '../../../electron/backend/import/pdf/pdf-text-layout';
import type { PdfPageText } from '../../../electron/backend/import/pdf/pdf-lines';
import { canonicalText } from '../../../shared/content/canonical-text';
import type { Block } from '../../../shared/content/doc';
import { LEFT, page } from './pdf-synthetic';

/** Blocks as short strings: "p: text", "h2: text", "ul: a | b", "ol(3): a | b". */
function outline(pages: PdfPageText[]): string[] {
  const blocks: Block[] = toDocBlocks(structurePages(pages).layout.blocks);
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

describe('paragraphs', () => {
  it('ends a paragraph at a wider gap between lines', () => {
    const pages = [page(1, ['The first paragraph runs across the whole column', 'and ends on a line that also fills the column.', { text: 'The second paragraph starts after some space and', full: true, gapBefore: 8 }, '.ends here.'])];
    expect(outline(pages)).toEqual([
      'p: The first paragraph runs across the whole column and ends on a line that also fills the column.',
      'p: The second paragraph starts after some space and ends here.',
    ]);
  });

  it('ends a paragraph at a line that stops well short of the column, without any gap', () => {
    const pages = [page(1, ['The first paragraph runs across the whole column', '.and stops short.', 'The second one follows at once on the next line', '.and stops too.'])];
    expect(outline(pages)).toEqual([
      'p: The first paragraph runs across the whole column and stops short.',
      'p: The second one follows at once on the next line and stops too.',
    ]);
  });

  it('keeps a ragged line that ends short only because the next word would not fit', () => {
    // Ragged right: the line ends 20 pt short of the margin, and "counterintelligence" needs 95 pt.
    const pages = [page(1, [{ text: 'A ragged line ends a little short of the', x: LEFT }, { text: 'counterintelligence officers said on Monday.' }])];
    expect(outline(pages)).toEqual(['p: A ragged line ends a little short of the counterintelligence officers said on Monday.']);
  });

  it('starts a paragraph at a first-line indent, and not at the lines after it', () => {
    const pages = [
      page(1, [
        { text: 'An indented first line starts this paragraph', x: LEFT + 12, full: true },
        'and the next line is back at the margin of the',
        'column, which does not start a new paragraph, here.',
        { text: 'Another indented first line starts the next', x: LEFT + 12, full: true },
        '.one.',
      ]),
    ];
    expect(outline(pages)).toEqual([
      'p: An indented first line starts this paragraph and the next line is back at the margin of the column, which does not start a new paragraph, here.',
      'p: Another indented first line starts the next one.',
    ]);
  });

  it('undoes hyphenation at line ends and keeps compound hyphens', () => {
    const pages = [page(1, ['Officials described the attack as an inter-', 'national incident involving non-', '.state actors and well-known smugglers.'])];
    expect(outline(pages)).toEqual(['p: Officials described the attack as an international incident involving non-state actors and well-known smugglers.']);
  });

  it('carries a paragraph across a page break, with the running lines gone', () => {
    const header = (n: number) => ({ text: `The Caribbean Ledger — December 2025 — ${n}`, size: 7 });
    const pages = [
      page(1, [header(1), { text: 'A paragraph that begins on the first page and', full: true, gapBefore: 30 }, 'runs to the very bottom of it, where it is cut', { text: '1', size: 7, gapBefore: 450 }], { top: 20 }),
      page(2, [header(2), { text: 'off by the page break and then carries on here', full: true, gapBefore: 30 }, '.until it ends.', { text: '2', size: 7, gapBefore: 450 }], { top: 20 }),
    ];
    expect(outline(pages)).toEqual([
      'p: A paragraph that begins on the first page and runs to the very bottom of it, where it is cut off by the page break and then carries on here until it ends.',
    ]);
  });

  it('starts a new paragraph after a page break when the last line ended short', () => {
    const pages = [
      page(1, ['A paragraph that ends at the bottom of the page', '.right here.']),
      page(2, ['A new paragraph starts at the top of the next', '.page.']),
    ];
    expect(outline(pages)).toHaveLength(2);
  });
});

describe('headings', () => {
  it('makes short lines in a larger font headings, levels by size, and joins a heading’s lines', () => {
    const pages = [
      page(1, [
        { text: 'Maduro Invites US Dialogue on', size: 22 },
        { text: 'Drug Trafficking', size: 22 },
        { text: 'The first paragraph is in body text and it runs', full: true, gapBefore: 8 },
        '.to a second line.',
        { text: 'Background of the Strikes', size: 14, gapBefore: 10 },
        { text: 'More body text follows the heading and fills the', full: true, gapBefore: 4 },
        '.column.',
      ]),
    ];
    expect(outline(pages)).toEqual([
      'h1: Maduro Invites US Dialogue on Drug Trafficking',
      'p: The first paragraph is in body text and it runs to a second line.',
      'h2: Background of the Strikes',
      'p: More body text follows the heading and fills the column.',
    ]);
  });

  it('does not make a heading of a long passage in large type, or of a line in smaller type', () => {
    const standfirst = 'Caracas says it is ready to talk about drugs, oil and migration after weeks of pressure from Washington, and a drone strike on a dock that it has not confirmed, while officials in both capitals say that no meeting has been planned yet and that talks could take months to start';
    const pages = [
      page(1, [
        ...['Caracas says it is ready to talk about drugs, oil and migration after', 'weeks of pressure from Washington, and a drone strike on a dock that', 'it has not confirmed, while officials in both capitals say that no', 'meeting has been planned yet and that talks could take months to start'].map((text) => ({ text, size: 13 })),
        { text: 'By Ana Ruiz, Caracas', size: 8, gapBefore: 6 },
        { text: 'Body text, which is most of the text, runs on here', full: true, gapBefore: 6 },
        ...Array.from({ length: 8 }, () => 'and on across the column, line after line, to the'),
        '.end.',
      ]),
    ];
    expect(outline(pages)).toEqual([
      `p: ${standfirst}`,
      'p: By Ana Ruiz, Caracas',
      `p: Body text, which is most of the text, runs on here ${'and on across the column, line after line, to the '.repeat(8)}end.`,
    ]);
  });
});

describe('lists', () => {
  it('makes items of lines that start with a bullet or a number, with their wrapped lines', () => {
    const pages = [
      page(1, [
        'The figures so far, as the military gives them, are:',
        { text: '• Date of first attack: September 2', x: LEFT + 4 },
        { text: '• Casualties: more than 110 killed in about thirty separate', x: LEFT + 4 },
        { text: 'strikes at sea', x: LEFT + 12 },
        { text: 'The next steps were set out in order:', gapBefore: 8 },
        { text: '1. Seize the tankers', x: LEFT + 4 },
        { text: '2. Close the airspace', x: LEFT + 4 },
        { text: 'Both were carried out within the month, officials', full: true, gapBefore: 8 },
        '.said.',
      ]),
    ];
    expect(outline(pages)).toEqual([
      'p: The figures so far, as the military gives them, are:',
      'ul: Date of first attack: September 2 | Casualties: more than 110 killed in about thirty separate strikes at sea',
      'p: The next steps were set out in order:',
      'ol(1): Seize the tankers | Close the airspace',
      'p: Both were carried out within the month, officials said.',
    ]);
  });

  it('does not make a list item of a wrapped line that happens to start with a dash', () => {
    const pages = [page(1, ['The strike, which the CIA carried out on a dock', '– the first on Venezuelan soil – was confirmed on', '.Monday.'])];
    expect(outline(pages)).toEqual(['p: The strike, which the CIA carried out on a dock – the first on Venezuelan soil – was confirmed on Monday.']);
  });

  it('reads list markers', () => {
    expect(listMarker('• Item')).toMatchObject({ kind: 'bullet', certain: true });
    expect(listMarker('\uf0b7 Word’s Symbol bullet')).toMatchObject({ kind: 'bullet', certain: true });
    expect(listMarker('- item')).toMatchObject({ kind: 'bullet', certain: false });
    expect(listMarker('12) Item')).toMatchObject({ kind: 'ordered', number: 12 });
    expect(listMarker('-5 degrees')).toBeNull();
    expect(listMarker('2025. A year')).toBeNull();
  });
});
