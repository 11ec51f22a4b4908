import { collapseSpaces, removeInvisibles } from '../../../../shared/text/whitespace';

// A PDF page's text arrives as positioned runs of characters (pdf.js text
// items), in whatever order the producer drew them. This module puts runs
// that share a baseline into lines, reading left to right, and splits a line
// where a wide empty gap (a column gutter, a tab stop) separates its parts.
// Pure: plain numbers in, plain numbers out, no pdf.js.

/** One run of text as the page draws it. Coordinates in points, from the page's top-left corner. */
export interface PdfTextItem {
  text: string;
  /** Left edge of the run. */
  x: number;
  /** The baseline, measured down from the top of the page. */
  y: number;
  /** Advance width of the run. */
  width: number;
  fontSize: number;
}

export interface PdfPageText {
  /** 1-based. */
  pageNumber: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** A stretch of a line with no wide gap in it: one column's part of a baseline. */
export interface LineSegment {
  text: string;
  x0: number;
  x1: number;
  fontSize: number;
}

/** Everything drawn on one baseline of a page. */
export interface PdfLine {
  page: number;
  /** Baseline, from the top of the page. */
  y: number;
  x0: number;
  x1: number;
  /** The font size most of the line's characters have. */
  fontSize: number;
  /** The segments' texts joined by a space. */
  text: string;
  /** Left to right; usually one, two or more when a gutter or tab stop splits the baseline. */
  segments: LineSegment[];
}

/** Items whose baselines differ by less than this share of the font size are on one line. */
const SAME_BASELINE = 0.4;
/**
 * A gap wider than this many font sizes between runs splits a line into
 * segments. Column gutters are one to two font sizes wide (LaTeX's is about
 * one). A word space stretched that wide by justification splits a line
 * harmlessly: the segments of one column's part of a line are rejoined.
 */
const SEGMENT_GAP = 1.0;
/** A gap wider than this share of the font size between runs is a space between words. */
const WORD_GAP = 0.15;

/** The value most of the weights sit on (font sizes rounded to a quarter point). */
export function dominantSize(sizes: Array<{ size: number; weight: number }>): number {
  const totals = new Map<number, number>();
  for (const { size, weight } of sizes) {
    const key = Math.round(size * 4) / 4;
    totals.set(key, (totals.get(key) ?? 0) + weight);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, weight] of totals) {
    if (weight > bestWeight || (weight === bestWeight && size < best)) [best, bestWeight] = [size, weight];
  }
  return best;
}

function cleanText(text: string): string {
  return collapseSpaces(removeInvisibles(text));
}

/** Joins runs on one baseline into segments, with a space where runs are a word gap apart. */
function segmentsOf(items: PdfTextItem[]): LineSegment[] {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const segments: LineSegment[] = [];
  let pieces: string[] = [];
  let sizes: Array<{ size: number; weight: number }> = [];
  let x0 = 0;
  let x1 = 0;
  let size = 0;
  const flush = () => {
    const text = cleanText(pieces.join(''));
    if (text) segments.push({ text, x0, x1, fontSize: dominantSize(sizes) });
    pieces = [];
    sizes = [];
  };
  for (const item of sorted) {
    const blank = item.text.trim() === '';
    if (blank && item.width > SEGMENT_GAP * Math.max(size, item.fontSize)) {
      // pdf.js bridges a wide gap with a space run as wide as the gap: a gutter, or a stretched word space.
      flush();
      continue;
    }
    if (pieces.length > 0) {
      const gap = item.x - x1;
      if (gap > SEGMENT_GAP * Math.max(size, item.fontSize) && !blank) {
        flush();
      } else if (gap > WORD_GAP * Math.max(size, item.fontSize) && !/\s$/u.test(pieces[pieces.length - 1]!) && !/^\s/u.test(item.text)) {
        pieces.push(' ');
      }
    }
    if (pieces.length === 0) {
      if (blank) continue; // a space run never starts a segment
      x0 = item.x;
      x1 = item.x;
      size = item.fontSize;
    }
    pieces.push(item.text);
    if (!blank) {
      x1 = Math.max(x1, item.x + item.width);
      sizes.push({ size: item.fontSize, weight: item.text.length });
      size = item.fontSize;
    } else {
      x1 = Math.max(x1, item.x + item.width);
    }
  }
  flush();
  return segments;
}

/**
 * The lines of a page, top to bottom. Runs are on one line when their
 * baselines are within 0.4 of a font size of each other; rotated runs are
 * dropped by the caller. Segments of a line are split at gaps wider than a
 * font size.
 */
export function pageLines(page: PdfPageText): PdfLine[] {
  const items = page.items.filter((item) => item.text !== '' && item.fontSize > 0 && Number.isFinite(item.x + item.y + item.width));
  items.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  let current: PdfTextItem[] = [];
  let baseline = 0;
  let size = 0;
  for (const item of items) {
    const blank = item.text.trim() === '';
    if (current.length > 0 && Math.abs(item.y - baseline) <= SAME_BASELINE * Math.max(size, blank ? 0 : item.fontSize)) {
      current.push(item);
      continue;
    }
    if (blank) {
      // A space on a baseline of its own is nothing to read.
      if (current.length === 0) continue;
      current.push(item);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [item];
    baseline = item.y;
    size = item.fontSize;
  }
  if (current.length > 0) groups.push(current);

  const lines: PdfLine[] = [];
  for (const group of groups) {
    const segments = segmentsOf(group);
    if (segments.length === 0) continue;
    const textItems = group.filter((item) => item.text.trim() !== '');
    const y = dominantSize(textItems.map((item) => ({ size: item.y, weight: item.text.length })));
    lines.push({
      page: page.pageNumber,
      y,
      x0: segments[0]!.x0,
      x1: segments[segments.length - 1]!.x1,
      fontSize: dominantSize(segments.map((s) => ({ size: s.fontSize, weight: s.text.length }))),
      text: segments.map((s) => s.text).join(' '),
      segments,
    });
  }
  return lines;
}
