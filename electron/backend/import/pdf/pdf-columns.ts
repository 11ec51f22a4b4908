import type { LineSegment, PdfLine } from './pdf-lines';

// Reading order on a page. Most article PDFs have one column: their lines
// are read top to bottom. A page set in two columns is recognised by a
// gutter: a vertical strip in the middle of the page that no line of either
// column crosses, with lines on both sides. Such a page is read in bands:
// full-width lines (a headline across both columns) where they stand, and
// between them the left column's lines, then the right column's.
// Pure: works on lines and segments.

/** A line as paragraphs are made from it: one column's text on one baseline. */
export interface FlowLine {
  page: number;
  /** Baseline, from the top of the page. */
  y: number;
  x0: number;
  x1: number;
  fontSize: number;
  text: string;
  /**
   * Which part of the layout the line is in: "1/0" for a page with one
   * column (and lines across both columns of a two-column page), "2/0" and
   * "2/1" for the left and right columns. Lines of one slot share margins.
   */
  slot: string;
}

export interface Gutter {
  /** Left and right edges of the empty strip. */
  from: number;
  to: number;
}

/** Narrower than this share of the text's width: a line that can belong to one column. */
const COLUMN_LINE = 0.6;
/** The gutter is looked for between these shares of the text's width. */
const MIDDLE = [0.3, 0.7] as const;

function mostCommonShare(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  const best = Math.max(0, ...[...counts.keys()].map((k) => (counts.get(k - 1) ?? 0) + counts.get(k)! + (counts.get(k + 1) ?? 0)));
  return values.length ? best / values.length : 0;
}

/**
 * The gutter of a two-column page, or null when the page has one column.
 * `bodySize` is the document's usual font size: the gutter must be at least
 * that wide, each column must have three lines or more, and the right
 * column's lines must mostly start at one left edge.
 */
export function findGutter(lines: PdfLine[], bodySize: number): Gutter | null {
  const segments = lines.flatMap((line) => line.segments);
  if (segments.length < 6) return null;
  const minX = Math.min(...segments.map((s) => s.x0));
  const maxX = Math.max(...segments.map((s) => s.x1));
  const width = maxX - minX;
  if (width < 10 * bodySize) return null;

  const narrow = segments.filter((s) => s.x1 - s.x0 < COLUMN_LINE * width);
  const cells = Math.ceil(width) + 1;
  const coverage = new Uint16Array(cells);
  for (const s of narrow) {
    for (let x = Math.max(0, Math.floor(s.x0 - minX)); x <= Math.min(cells - 1, Math.ceil(s.x1 - minX)); x++) coverage[x]!++;
  }
  // A stray line or two across the gutter (a caption's words spread wide) is tolerated.
  const tolerated = Math.floor(0.05 * lines.length);
  let best: Gutter | null = null;
  let runStart = -1;
  const [lo, hi] = [Math.floor(MIDDLE[0] * width), Math.ceil(MIDDLE[1] * width)];
  for (let x = lo; x <= hi + 1; x++) {
    const empty = x <= hi && coverage[x]! <= tolerated;
    if (empty && runStart < 0) runStart = x;
    if (!empty && runStart >= 0) {
      if (!best || x - runStart > best.to - best.from) best = { from: minX + runStart, to: minX + x - 1 };
      runStart = -1;
    }
  }
  if (!best || best.to - best.from < 0.8 * bodySize) return null;

  // Counted by lines, not segments: a line with wide word spaces may be in several segments.
  const gutter = best;
  const across = lines.filter((line) => line.segments.some((s) => s.x0 < gutter.from && s.x1 > gutter.to)).length;
  const left = lines.filter((line) => line.segments.some((s) => s.x1 <= gutter.from + 0.5)).length;
  const rightStarts = lines.flatMap((line) => {
    const right = line.segments.filter((s) => s.x0 >= gutter.to - 0.5);
    return right.length > 0 ? [right[0]!.x0] : [];
  });
  if (left < 3 || rightStarts.length < 3 || across >= left + rightStarts.length) return null;
  if (mostCommonShare(rightStarts) < 0.5) return null;
  return gutter;
}

/** One flow line from some of a line's segments (all of them when none are given), left to right. */
function flowLine(line: PdfLine, segments: LineSegment[] | null, slot: string): FlowLine {
  if (!segments) return { page: line.page, y: line.y, x0: line.x0, x1: line.x1, fontSize: line.fontSize, text: line.text, slot };
  const first = segments[0]!;
  const widest = segments.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  return {
    page: line.page,
    y: line.y,
    x0: first.x0,
    x1: segments[segments.length - 1]!.x1,
    fontSize: widest.fontSize,
    text: segments.map((s) => s.text).join(' '),
    slot,
  };
}

/** A page's lines in reading order (lines given top to bottom). */
export function readingOrder(lines: PdfLine[], bodySize: number): FlowLine[] {
  const gutter = findGutter(lines, bodySize);
  if (!gutter) return lines.map((line) => flowLine(line, null, '1/0'));

  const out: FlowLine[] = [];
  let leftColumn: FlowLine[] = [];
  let rightColumn: FlowLine[] = [];
  const endBand = () => {
    out.push(...leftColumn, ...rightColumn);
    leftColumn = [];
    rightColumn = [];
  };
  for (const line of lines) {
    const crossing = line.segments.some((s) => s.x0 < gutter.from && s.x1 > gutter.to);
    if (crossing) {
      endBand();
      out.push(flowLine(line, null, '1/0'));
      continue;
    }
    // A column's part of a line may be in several segments (a stretched word space): one line again.
    const left = line.segments.filter((s) => s.x1 <= gutter.from + 0.5);
    const right = line.segments.filter((s) => s.x1 > gutter.from + 0.5);
    if (left.length > 0) leftColumn.push(flowLine(line, left, '2/0'));
    if (right.length > 0) rightColumn.push(flowLine(line, right, '2/1'));
  }
  endBand();
  return out;
}
