import type { PdfPageText, PdfTextItem } from '../../../electron/backend/import/pdf/pdf-lines';

// Test helpers: pages of text runs as pdf.js gives them, typeset by hand.
// Every character is half a font size wide; words are separate runs with no
// space runs between them (as many producers write them), so the reader's
// own spacing is exercised.

export const CHAR = 0.5;
export const LEFT = 50;
export const RIGHT = 350;

/** One run per word, from x, left to right, with a space's width between words. */
export function words(text: string, x: number, y: number, size = 10): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  let cx = x;
  for (const word of text.split(' ')) {
    items.push({ text: word, x: cx, y, width: word.length * CHAR * size, fontSize: size });
    cx += (word.length + 1) * CHAR * size;
  }
  return items;
}

/** One run per word, spread so that the line runs from x0 to x1 exactly (justified). */
export function justified(text: string, x0: number, x1: number, y: number, size = 10): PdfTextItem[] {
  const ws = text.split(' ');
  const ink = ws.reduce((sum, w) => sum + w.length * CHAR * size, 0);
  const gap = ws.length > 1 ? (x1 - x0 - ink) / (ws.length - 1) : 0;
  const items: PdfTextItem[] = [];
  let cx = x0;
  for (const word of ws) {
    items.push({ text: word, x: cx, y, width: word.length * CHAR * size, fontSize: size });
    cx += word.length * CHAR * size + gap;
  }
  return items;
}

export interface LineSpec {
  text: string;
  size?: number;
  /** Extra space above the line, in points. */
  gapBefore?: number;
  /** Left edge (default: the margin). */
  x?: number;
  /** Justify to the right margin. */
  full?: boolean;
}

/**
 * A page of lines, top to bottom from y = top, each line 1.2 font sizes
 * below the one before plus its gapBefore. Strings are justified body lines
 * (10 pt); a string starting with "." is a last line (ragged, not stretched),
 * without the dot.
 */
export function page(pageNumber: number, specs: Array<LineSpec | string>, options: { top?: number; height?: number } = {}): PdfPageText {
  let y = options.top ?? 80;
  const items: PdfTextItem[] = [];
  let first = true;
  for (const raw of specs) {
    const spec: LineSpec = typeof raw === 'string' ? (raw.startsWith('.') ? { text: raw.slice(1) } : { text: raw, full: true }) : raw;
    const size = spec.size ?? 10;
    if (!first) y += 1.2 * size + (spec.gapBefore ?? 0);
    first = false;
    const x = spec.x ?? LEFT;
    items.push(...(spec.full ? justified(spec.text, x, RIGHT, y, size) : words(spec.text, x, y, size)));
  }
  return { pageNumber, width: 400, height: options.height ?? 600, items };
}
