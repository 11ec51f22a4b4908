import { describe, expect, it } from 'vitest';
import { findGutter, readingOrder } from '../../../electron/backend/import/pdf/pdf-columns';
import { pageLines, type PdfTextItem } from '../../../electron/backend/import/pdf/pdf-lines';
import { justified, words } from './pdf-synthetic';

// A4-ish page: columns 50–250 and 274–474 (a 24 pt gutter), 10 pt text, 12 pt leading.
function twoColumnPage(left: string[], right: string[], options: { title?: string; footer?: string } = {}) {
  const items: PdfTextItem[] = [];
  let top = 60;
  if (options.title) {
    items.push(...justified(options.title, 50, 474, top, 20));
    top += 40;
  }
  left.forEach((text, i) => items.push(...justified(text, 50, 250, top + 12 * i)));
  right.forEach((text, i) => items.push(...justified(text, 274, 474, top + 12 * i)));
  if (options.footer) items.push(...words(options.footer, 50, top + 12 * Math.max(left.length, right.length) + 20));
  return { pageNumber: 1, width: 524, height: 700, items };
}

// About forty characters a line, as a 200 pt column of 10 pt text holds.
const L = ['left one starts the article, and it goes', 'left two carries it on for some words', 'left three goes on more and then some', 'left four ends the column without a stop'];
const R = ['right one continues it in the other one', 'right two carries on as the first did', 'right three goes on as far as the edge', 'right four ends it all with a full stop.'];

describe('two-column pages', () => {
  it('finds the gutter between columns', () => {
    const gutter = findGutter(pageLines(twoColumnPage(L, R)), 10);
    expect(gutter).not.toBeNull();
    expect(gutter!.from).toBeGreaterThanOrEqual(250);
    expect(gutter!.to).toBeLessThanOrEqual(274);
  });

  it('reads the left column, then the right, with a full-width headline and note where they stand', () => {
    const lines = pageLines(twoColumnPage(L, R, { title: 'A Headline Across Both Columns Of The Page', footer: 'A note under both columns of the page, set in the same type as the columns are' }));
    const order = readingOrder(lines, 10);
    expect(order.map((l) => l.text)).toEqual(['A Headline Across Both Columns Of The Page', ...L, ...R, 'A note under both columns of the page, set in the same type as the columns are']);
    expect(order.map((l) => l.slot)).toEqual(['1/0', '2/0', '2/0', '2/0', '2/0', '2/1', '2/1', '2/1', '2/1', '1/0']);
  });

  it('leaves a one-column page alone, short lines and tab-separated parts included', () => {
    const items: PdfTextItem[] = [];
    ['one full line of body text that runs across the page from side to side', 'another full line of text across the page as wide as the first', 'and a third one, just as wide as the other two of them'].forEach((t, i) =>
      items.push(...justified(t, 50, 474, 60 + 12 * i)),
    );
    items.push(...words('a short last line.', 50, 96));
    items.push(...words('Date:', 50, 120), ...words('3 December 2025', 300, 120));
    const lines = pageLines({ pageNumber: 1, width: 524, height: 700, items });
    expect(findGutter(lines, 10)).toBeNull();
    expect(readingOrder(lines, 10).map((l) => l.text)).toContain('Date: 3 December 2025');
  });
});
