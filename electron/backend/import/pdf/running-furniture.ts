import type { PdfLine } from './pdf-lines';

// Running heads and feet: the publication's name, the date, the page number
// that a printed document repeats at the top or bottom of every page. They
// are not the article, and left in they would break its paragraphs at every
// page turn. Removed here, before paragraphs are made:
//
// - a line among the top (or bottom) three of a page, within the top (or
//   bottom) fifth of it, whose text (digits ignored) appears there on at
//   least half of the pages and on two pages at least;
// - a bare page number there: "3", "- 3 -", "Page 3", "Page 3 of 7", "3/7",
//   "iv".
// Pure: works on lines, knows nothing of pdf.js.

export interface PageLines {
  /** Height of the page in points, so that "near the top" can be told. */
  height: number;
  /** The page's lines, top to bottom. */
  lines: PdfLine[];
}

/** How many lines at each end of a page are looked at. */
const EDGE_LINES = 3;
/** The share of the page's height, from the top and from the bottom, where running lines live. */
const EDGE_ZONE = 0.2;

const PAGE_NUMBER: RegExp[] = [
  /^\d{1,4}$/,
  /^\(?\[?\d{1,4}\]?\)?$/,
  /^[-–—]\s*\d{1,4}\s*[-–—]$/,
  /^(?:page|pg\.?|p\.|seite|página|pagina|страница|σελίδα)\s*\d{1,4}(?:\s*(?:of|\/|de|von|sur|di|из|από)\s*\d{1,4})?$/iu,
  /^\d{1,4}\s*(?:\/|of)\s*\d{1,4}$/i,
  /^(?=[ivxlc]{1,7}$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/, // lower-case roman numerals: front matter
];

/** "3", "- 3 -", "Page 3 of 7", "3/7", "iv": a line that only numbers the page. */
export function isPageNumber(text: string): boolean {
  const t = text.trim().replace(/\s+/g, ' ');
  return t !== '' && PAGE_NUMBER.some((pattern) => pattern.test(t));
}

/** The text a running line keeps from page to page: case, spacing and digits (page numbers, dates) ignored. */
export function runningKey(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

interface EdgeLine {
  page: number;
  index: number;
  key: string;
  edge: 'top' | 'bottom';
}

function edgeLines(page: PageLines, pageIndex: number): EdgeLine[] {
  const out: EdgeLine[] = [];
  const { lines, height } = page;
  for (let i = 0; i < Math.min(EDGE_LINES, lines.length); i++) {
    if (lines[i]!.y > height * EDGE_ZONE) break;
    out.push({ page: pageIndex, index: i, key: runningKey(lines[i]!.text), edge: 'top' });
  }
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - EDGE_LINES); i--) {
    if (lines[i]!.y < height * (1 - EDGE_ZONE)) break;
    if (out.some((e) => e.index === i)) break;
    out.push({ page: pageIndex, index: i, key: runningKey(lines[i]!.text), edge: 'bottom' });
  }
  return out;
}

export interface FurnitureResult {
  /** Each page's lines without its running heads, feet and page numbers. */
  pages: PdfLine[][];
  /** The texts removed, for tests and diagnostics. */
  removed: string[];
}

/** Removes running headers, footers and page numbers from every page. */
export function removeRunningFurniture(pages: PageLines[]): FurnitureResult {
  const edges = pages.map(edgeLines);
  // On how many pages each key occurs at each edge.
  const counts = new Map<string, number>();
  for (const pageEdges of edges) {
    const seen = new Set(pageEdges.map((e) => `${e.edge}\u0000${e.key}`));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const removed: string[] = [];
  const out = pages.map((page, p) => {
    const drop = new Set<number>();
    for (const e of edges[p]!) {
      const line = page.lines[e.index]!;
      const repeated = (counts.get(`${e.edge}\u0000${e.key}`) ?? 0) >= needed && /[\p{L}\p{N}]/u.test(e.key);
      if (repeated || isPageNumber(line.text)) drop.add(e.index);
    }
    for (const i of [...drop].sort((a, b) => a - b)) removed.push(page.lines[i]!.text);
    return page.lines.filter((_, i) => !drop.has(i));
  });
  return { pages: out, removed };
}
