import { FileRejected, type ParsedArticle } from '../article-reader';
import { readHtmlArticle } from '../html/html-article';
import { checkHtmlSize } from '../html/html-limits';
import { header, leafParts, parseMime, type MimePart } from './mime-parts';

// A page saved as a single file (.mhtml, .mht: Chrome's and Edge's "Webpage,
// Single File", Internet Explorer's "Web Archive"): a multipart/related MIME
// message whose root part is the page's HTML, followed by its stylesheets,
// images and frames. The root part goes through the HTML reader, with the
// part's charset (when it declares one; Chromium leaves that to the page's
// <meta>) and the address the page was saved from.

export const NOT_A_SAVED_PAGE = 'it holds no web page (no text/html part)';

function contentId(part: MimePart): string | null {
  return header(part, 'content-id')?.replace(/^<|>$/g, '').trim() ?? null;
}

/**
 * The page's own HTML: the part the multipart/related `start` parameter
 * names, else the text/html part at the saved address, else the first
 * text/html part (Chromium and Internet Explorer both write the page first,
 * then its frames).
 */
export function mainHtmlPart(root: MimePart, savedFrom: string | null): MimePart | null {
  const html = leafParts(root).filter((p) => p.contentType.type === 'text/html' || p.contentType.type === 'application/xhtml+xml');
  const start = root.contentType.params['start']?.replace(/^<|>$/g, '');
  return (
    (start ? html.find((p) => contentId(p) === start) : undefined) ??
    (savedFrom ? html.find((p) => header(p, 'content-location') === savedFrom) : undefined) ??
    html[0] ??
    null
  );
}

/** Reads a .mhtml/.mht file's bytes into an article, or throws FileRejected. */
export function readMhtmlArticle(bytes: Uint8Array): ParsedArticle {
  if (bytes.length === 0) throw new FileRejected('the file is empty');
  checkHtmlSize(bytes);
  const root = parseMime(bytes);
  const snapshot = header(root, 'snapshot-content-location');
  const part = mainHtmlPart(root, snapshot);
  if (!part) throw new FileRejected(NOT_A_SAVED_PAGE);
  const location = header(part, 'content-location');
  const url = [snapshot, location].find((u) => u && /^https?:\/\//i.test(u)) ?? null;
  return readHtmlArticle(part.body, {
    charset: part.contentType.params['charset'] ?? null,
    url,
    urlSource: url === snapshot ? 'Snapshot-Content-Location' : 'Content-Location',
  });
}
