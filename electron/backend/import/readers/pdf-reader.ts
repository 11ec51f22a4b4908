import { repairMojibake } from '../../../../shared/text/mojibake';
import { FileRejected, type ParsedArticle, type SourceFile } from '../article-reader';
import { articleFrom, hasArticleText, withoutTitleBlock } from '../article-fields';
import { chooseTitle, sameTitle } from '../article-title';
import { stripTrailingBoilerplate } from '../site-boilerplate';
import { DEFAULT_PDF_LIMITS, type PdfLimits, REASONS, readPdfContent } from '../pdf/pdf-document';
import { pdfMetadataFields } from '../pdf/pdf-metadata';
import { structurePages } from '../pdf/pdf-structure';
import { HEADING_SCALE, type LaidOutBlock, toDocBlocks } from '../pdf/pdf-text-layout';

// PDF articles: pdf.js gives each page's text runs (pdf/pdf-document.ts);
// runs become lines (pdf-lines.ts); running heads, feet and page numbers go
// (running-furniture.ts); two-column pages are put in reading order
// (pdf-columns.ts); lines become headings, paragraphs and lists, with
// hyphenation at line ends undone (pdf-text-layout.ts, line-break-hyphens.ts;
// the pure steps together in pdf-structure.ts);
// the document's metadata gives the title, author, subject, keywords and,
// when it can be trusted, the date (pdf-metadata.ts). The title is the
// metadata's when it is a real one, else the largest text on page 1, else
// found in the text as for any other article (article-title.ts).

export const LARGEST_TEXT_SOURCE = 'largest text on page 1';

export interface PdfReadOptions {
  limits?: PdfLimits;
  /** Today, for judging creation dates (tests pin it). */
  now?: Date;
}


/** A stated title "Headline | Outlet" whose one part is the headline on page 1 gives that part. */
function headlinePart(stated: string, headline: string | null): string {
  if (!headline) return stated;
  const parts = stated.split(/\s+[|–—-]\s+/u);
  return parts.length > 1 && parts.some((p) => sameTitle(p, headline)) ? headline : stated;
}

/** The heading in the largest type on the first page with text, when it is larger than the body text. */
function largestOnFirstPage(blocks: LaidOutBlock[], bodySize: number): LaidOutBlock | null {
  const firstPage = blocks[0]?.page;
  let best: LaidOutBlock | null = null;
  for (const b of blocks) {
    if (b.page !== firstPage) break;
    if (b.kind === 'heading' && b.fontSize >= HEADING_SCALE * bodySize && (!best || b.fontSize > best.fontSize)) best = b;
  }
  return best;
}

/** Reads a PDF article. Rejects with FileRejected and a reason that completes "Could not import NAME: ...". */
export async function readPdfArticle(file: SourceFile, options: PdfReadOptions = {}): Promise<ParsedArticle> {
  const content = await readPdfContent(file.bytes, options.limits ?? DEFAULT_PDF_LIMITS);

  const structure = structurePages(content.pages);
  if (!structure.hasText) throw new FileRejected(REASONS.noText);
  const { layout } = structure;
  for (const b of layout.blocks) b.text = repairMojibake(b.text);

  const trailing = stripTrailingBoilerplate(toDocBlocks(layout.blocks));
  let blocks = trailing.blocks;
  if (!hasArticleText(blocks)) {
    throw new FileRejected('it holds no article text');
  }

  const meta = pdfMetadataFields({
    info: content.info,
    xmp: content.xmp,
    firstPageText: structure.firstPageLines.map((l) => l.text).join('\n'),
    ...(options.now ? { now: options.now } : {}),
  });

  const largest = largestOnFirstPage(layout.blocks, layout.bodySize);
  let stated: { title: string; source: string } | null = null;
  if (meta.title) stated = { title: headlinePart(meta.title.value, largest?.text ?? null), source: meta.title.source };
  else if (largest) stated = { title: largest.text, source: LARGEST_TEXT_SOURCE };

  const choice = chooseTitle(blocks, stated ? { statedTitle: stated.title, statedTitleSource: stated.source } : {});
  blocks = stated ? withoutTitleBlock(choice.blocks, stated.title) : choice.blocks;

  return articleFrom(
    choice,
    { subtitle: meta.subtitle, author: meta.author, publishedAt: meta.publishedAt, language: meta.language, tags: meta.tags },
    trailing.siteName,
    blocks,
  );
}
