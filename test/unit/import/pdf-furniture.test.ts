import { describe, expect, it } from 'vitest';
import { pageLines } from '../../../electron/backend/import/pdf/pdf-lines';
import { isPageNumber, removeRunningFurniture, runningKey } from '../../../electron/backend/import/pdf/running-furniture';
import { page } from './pdf-synthetic';

describe('isPageNumber', () => {
  it('recognises the ways pages are numbered', () => {
    for (const text of ['3', '12', '- 3 -', '— 14 —', 'Page 3', 'Page 3 of 7', 'page 3/7', 'p. 4', '3 / 7', '3 of 7', 'iv', 'xii', '[5]', 'Página 2 de 9']) {
      expect(isPageNumber(text), text).toBe(true);
    }
  });

  it('leaves lines that say more', () => {
    for (const text of ['2025 was a hard year', 'Page one', '3 killed', 'Chapter 3', 'I', 'Dec. 3', 'vice', '']) {
      expect(isPageNumber(text), text).toBe(false);
    }
  });
});

describe('runningKey', () => {
  it('ignores case, spacing and digits', () => {
    expect(runningKey('The Ledger   — December 2025 · 3')).toBe(runningKey('the ledger — december 2025 · 14'));
  });
});

const BODY = 'Body text of the article fills the page from side to';
/** Three different body lines for page n (running text does not repeat). */
const bodyOf = (n: number) => ['alpha', 'bravo', 'charlie'].map((w) => `${w} ${'xyz'.repeat(n)} text of the article fills the page`);

function threePages(header: (n: number) => string, footer: (n: number) => string) {
  return [1, 2, 3].map((n) => {
    const [a, b, c] = bodyOf(n);
    return page(n, [{ text: header(n), size: 7 }, { text: a!, full: true, gapBefore: 30 }, b!, c!, { text: footer(n), size: 7, gapBefore: 400 }], { top: 20 });
  });
}

describe('removeRunningFurniture', () => {
  it('removes a header repeated at the top of most pages and the page numbers at the bottom', () => {
    const pages = threePages((n) => `The Caribbean Ledger — December 2025 · ${n}`, (n) => `Page ${n} of 3`);
    const result = removeRunningFurniture(pages.map((p) => ({ height: p.height, lines: pageLines(p) })));
    expect(result.pages.map((lines) => lines.map((l) => l.text))).toEqual([1, 2, 3].map(bodyOf));
    expect(result.removed).toContain('The Caribbean Ledger — December 2025 · 2');
    expect(result.removed).toContain('Page 3 of 3');
  });

  it('keeps edge lines that do not repeat, and repeated lines away from the edges', () => {
    const pages = threePages((n) => (n === 1 ? 'Investigation' : `Special report part ${n}`), () => 'Reporting by Ana Ruiz');
    pages.forEach((p, i) => p.items.push(...page(i + 1, [{ text: 'Reporting by Ana Ruiz', size: 7 }], { top: 300 }).items));
    const result = removeRunningFurniture(pages.map((p) => ({ height: p.height, lines: pageLines(p) })));
    const texts = result.pages.map((lines) => lines.map((l) => l.text));
    expect(texts[0]).toContain('Investigation'); // only on page 1
    expect(texts[1]).not.toContain('Special report part 2'); // repeated, digits aside, on pages 2 and 3: half or more
    expect(texts.every((t) => t.includes('Reporting by Ana Ruiz'))).toBe(true); // the middle copy stays
    expect(texts.every((t) => t.filter((l) => l === 'Reporting by Ana Ruiz').length === 1)).toBe(true); // the footer copy goes
  });

  it('removes a bare page number on a one-page document but keeps its title', () => {
    const one = page(1, [{ text: 'A Title at the Top', size: 18 }, { text: BODY, full: true, gapBefore: 10 }, { text: '- 1 -', size: 8, gapBefore: 450 }], { top: 40 });
    const result = removeRunningFurniture([{ height: one.height, lines: pageLines(one) }]);
    expect(result.pages[0]!.map((l) => l.text)).toEqual(['A Title at the Top', BODY]);
  });
});
