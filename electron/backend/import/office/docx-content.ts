import mammoth from 'mammoth';
import type { Block } from '../../../../shared/content/doc';
import { FileRejected } from '../article-reader';
import { htmlWindow, parsePage } from '../html/html-dom';
import { htmlToBlocks } from '../html/html-to-content';
import { sanitizeNode } from '../html/sanitize-html';

// A Word document's body to blocks: mammoth turns the document's paragraphs,
// styles, lists, runs and links into simple HTML, which goes through the
// same sanitising and conversion as a saved web page (html/). Paragraphs
// styled Title and Subtitle are marked by the style map and taken out as
// the title and subtitle; quotes become blockquotes. Images are not read
// (their bytes are never unpacked for nothing: the converter gives an empty
// address without calling read()); linked files outside the document are
// never opened (externalFileAccess: false).

const STYLE_MAP = [
  "p[style-name='Title'] => h1.docx-title:fresh",
  "p[style-name='Subtitle'] => p.docx-subtitle:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
];

export interface DocxBody {
  blocks: Block[];
  title: string | null;
  subtitle: string | null;
}

const collapse = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Takes the first element matching `selector` out of the document and gives its text. */
function takeOut(doc: Document, selector: string): string | null {
  const el = doc.querySelector(selector);
  if (!el) return null;
  el.remove();
  return collapse(el.textContent) || null;
}

export async function docxBody(bytes: Uint8Array): Promise<DocxBody> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch (err) {
    const message = (err as Error).message;
    if (/main document part|body element/i.test(message)) throw new FileRejected('it is a ZIP file but not a Word document (it has no main document part)');
    throw new FileRejected('the Word document is damaged and its text cannot be read');
  }
  const doc = parsePage(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const title = takeOut(doc, 'h1.docx-title');
  const subtitle = takeOut(doc, 'p.docx-subtitle');
  // Footnotes' "↑" links back to their references carry no text worth keeping.
  for (const back of Array.from(doc.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'))) back.remove();
  let blocks: Block[];
  try {
    blocks = htmlToBlocks(sanitizeNode(htmlWindow(), doc.body));
  } catch (err) {
    // Tables nested thousands deep overflow any recursive walk; no real document is built so.
    if (err instanceof RangeError) throw new FileRejected('its text is nested too deeply to be read');
    throw err;
  }
  return { blocks, title, subtitle };
}
