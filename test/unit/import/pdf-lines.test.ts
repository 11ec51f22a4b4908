import { describe, expect, it } from 'vitest';
import { dominantSize, pageLines, type PdfTextItem } from '../../../electron/backend/import/pdf/pdf-lines';
import { words } from './pdf-synthetic';

const pageOf = (items: PdfTextItem[]) => ({ pageNumber: 1, width: 400, height: 600, items });

describe('pageLines', () => {
  it('puts runs that share a baseline on one line, top to bottom and left to right, whatever their order', () => {
    const items = [...words('second line here', 50, 112), ...words('first line', 50, 100)].reverse();
    const lines = pageLines(pageOf(items));
    expect(lines.map((l) => l.text)).toEqual(['first line', 'second line here']);
    expect(lines[0]).toMatchObject({ page: 1, y: 100, x0: 50, fontSize: 10 });
    expect(lines[0]!.x1).toBeCloseTo(50 + 'first line'.length * 5);
  });

  it('adds a space only where runs are a word gap apart', () => {
    const items: PdfTextItem[] = [
      { text: 'Vene', x: 50, y: 100, width: 20, fontSize: 10 },
      { text: 'zuelan', x: 70, y: 100, width: 30, fontSize: 10 }, // touching: one word split in two runs
      { text: 'soil.', x: 105, y: 100, width: 25, fontSize: 10 }, // 5 pt apart: a space
    ];
    expect(pageLines(pageOf(items))[0]!.text).toBe('Venezuelan soil.');
  });

  it('keeps the producer’s own space runs and collapses spaces, soft hyphens and no-break spaces', () => {
    const items: PdfTextItem[] = [
      { text: 'the', x: 50, y: 100, width: 15, fontSize: 10 },
      { text: ' ', x: 65, y: 100, width: 12, fontSize: 10 },
      { text: 'in\u00adter\u00a0\u00a0view', x: 77, y: 100, width: 60, fontSize: 10 },
    ];
    expect(pageLines(pageOf(items))[0]!.text).toBe('the inter view');
  });

  it('keeps a raised footnote mark on its line and ignores blank runs on their own', () => {
    const items: PdfTextItem[] = [
      ...words('a claim', 50, 100),
      { text: '3', x: 86, y: 97, width: 3, fontSize: 6 },
      { text: ' ', x: 50, y: 300, width: 5, fontSize: 10 },
    ];
    const lines = pageLines(pageOf(items));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.text).toBe('a claim3');
    expect(lines[0]!.fontSize).toBe(10);
  });

  it('splits a baseline into segments at a gap wider than a font size (a column gutter)', () => {
    const items = [...words('left column text', 50, 100), ...words('right column', 230, 100)];
    const [line] = pageLines(pageOf(items));
    expect(line!.segments.map((s) => s.text)).toEqual(['left column text', 'right column']);
    expect(line!.text).toBe('left column text right column');
    expect(line!.segments[1]!.x0).toBe(230);
  });
});

describe('dominantSize', () => {
  it('is the size that carries the most weight', () => {
    expect(dominantSize([{ size: 10, weight: 300 }, { size: 22, weight: 40 }, { size: 10.1, weight: 5 }])).toBe(10);
    expect(dominantSize([])).toBe(0);
  });
});
