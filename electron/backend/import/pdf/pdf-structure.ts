import { readingOrder } from './pdf-columns';
import { dominantSize, type PdfLine, type PdfPageText, pageLines } from './pdf-lines';
import { layoutText, type TextLayout } from './pdf-text-layout';
import { removeRunningFurniture } from './running-furniture';

// The pure half of reading a PDF: pages of positioned text runs in, the
// article's blocks out. Runs become lines (pdf-lines.ts); running heads,
// feet and page numbers go (running-furniture.ts); two-column pages are put
// in reading order (pdf-columns.ts); lines become headings, paragraphs and
// list items (pdf-text-layout.ts).

export interface PdfStructure {
  layout: TextLayout;
  /** The lines kept on the first page that has any, top to bottom (date lines, bylines...). */
  firstPageLines: PdfLine[];
  /** Whether any text is left once the running furniture is gone. */
  hasText: boolean;
  /** The running heads, feet and page numbers removed. */
  removed: string[];
}

export function structurePages(pages: PdfPageText[]): PdfStructure {
  const lines = pages.map(pageLines);
  const furniture = removeRunningFurniture(pages.map((page, i) => ({ height: page.height, lines: lines[i]! })));
  const kept = furniture.pages.flat();
  const hasText = kept.some((line) => /[\p{L}\p{N}]/u.test(line.text));
  const bodySize = dominantSize(kept.map((l) => ({ size: l.fontSize, weight: l.text.length })));
  const flow = furniture.pages.flatMap((pageKept) => readingOrder(pageKept, bodySize));
  return {
    layout: layoutText(flow),
    firstPageLines: furniture.pages.find((page) => page.length > 0) ?? [],
    hasText,
    removed: furniture.removed,
  };
}
