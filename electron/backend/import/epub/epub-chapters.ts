import type { Block, Heading } from '../../../../shared/content/doc';
import { blockText } from '../../../../shared/content/canonical-text';
import { FileRejected } from '../article-reader';
import { sameTitle } from '../article-title';
import { decodeHtml } from '../html/html-charset';
import { htmlWindow, parsePage } from '../html/html-dom';
import { checkHtmlShape, MAX_HTML_BYTES } from '../html/html-limits';
import { looksLikeXhtml, stripInertMarkup, xhtmlAsHtml } from '../html/html-prefilter';
import { htmlToBlocks } from '../html/html-to-content';
import { sanitizeNode } from '../html/sanitize-html';

// An EPUB chapter (XHTML) to blocks, through the HTML reader's path: the
// same limits, inert markup removed, DOMPurify, html-to-content. Two things
// are particular to books:
//   - bold and italic are often given by CSS classes rather than <b> and
//     <i> (LibreOffice's and InDesign's EPUBs: <span class="span2">), so
//     the book's stylesheets are read for simple class rules
//     (".c { font-weight: bold }", "span.c { font-style: italic }") and such
//     elements are wrapped in <b> or <i> before sanitising;
//   - the chapter's title from the table of contents becomes its heading:
//     the chapter's first paragraph when that is the title, else a heading
//     put before the chapter, unless the chapter opens with a heading or the
//     title is a tool's placeholder ("Section 3").

export interface ClassLook {
  bold?: boolean;
  italic?: boolean;
}

/** Class name → the bold and italic its rules give, from simple class selectors only. */
export function classLooks(stylesheets: string[]): Map<string, ClassLook> {
  const looks = new Map<string, ClassLook>();
  for (const css of stylesheets) {
    const plain = css.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const rule of plain.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
      const declarations = rule[2]!;
      const look: ClassLook = {};
      const weight = /(?:^|;)\s*font-weight\s*:\s*([^;!]+)/i.exec(declarations)?.[1]?.trim().toLowerCase();
      if (weight) look.bold = weight === 'bold' || weight === 'bolder' || (/^\d+$/.test(weight) && Number(weight) >= 600);
      const style = /(?:^|;)\s*font-style\s*:\s*([^;!]+)/i.exec(declarations)?.[1]?.trim().toLowerCase();
      if (style) look.italic = style === 'italic' || style === 'oblique';
      if (look.bold === undefined && look.italic === undefined) continue;
      for (const selector of rule[1]!.split(',')) {
        const name = /^\s*[a-z0-9]*\.([\w-]+)\s*$/i.exec(selector)?.[1];
        if (name) looks.set(name, { ...looks.get(name), ...look });
      }
    }
  }
  return looks;
}

const HEADING = /^h[1-6]$/;

/** Wraps the content of elements whose classes make them bold or italic in <b> or <i>. */
function applyClassLooks(doc: Document, looks: Map<string, ClassLook>): void {
  if (looks.size === 0) return;
  for (const el of Array.from(doc.body?.querySelectorAll('[class]') ?? [])) {
    if (HEADING.test(el.localName) || el.closest('h1, h2, h3, h4, h5, h6')) continue;
    const look: ClassLook = {};
    for (const name of el.classList) Object.assign(look, looks.get(name));
    for (const [wanted, tag] of [
      [look.bold, 'b'],
      [look.italic, 'i'],
    ] as const) {
      if (!wanted) continue;
      const wrapper = doc.createElement(tag);
      while (el.firstChild) wrapper.appendChild(el.firstChild);
      el.appendChild(wrapper);
    }
  }
}

/** Titles tools give sections they could not name. */
const PLACEHOLDER_TITLE = /^(?:section|chapter|part|page|untitled)?\s*\d*$/i;

function asHeading(block: Block): Heading | null {
  if (block.type === 'heading') return block;
  if (block.type === 'paragraph' && block.content) return { type: 'heading', attrs: { level: 1 }, content: block.content.map(({ text }) => ({ type: 'text', text })) };
  return null;
}

/** The chapter's blocks with its title from the table of contents as its heading. */
export function withChapterTitle(blocks: Block[], title: string | undefined): Block[] {
  const first = blocks[0];
  if (!title || !first) return blocks;
  if ((first.type === 'paragraph' || first.type === 'heading') && sameTitle(blockText(first), title)) {
    return [asHeading(first) ?? first, ...blocks.slice(1)];
  }
  if (first.type === 'heading' || PLACEHOLDER_TITLE.test(title.trim())) return blocks;
  return [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] }, ...blocks];
}

/** One chapter's bytes to blocks. Throws FileRejected (limits). */
export function chapterBlocks(bytes: Uint8Array, looks: Map<string, ClassLook>, name: string): Block[] {
  if (bytes.length > MAX_HTML_BYTES) throw new FileRejected(`its chapter “${name}” is larger than ${MAX_HTML_BYTES / 1024 / 1024} MB`);
  if (bytes.length === 0) return [];
  let html = stripInertMarkup(decodeHtml(bytes).html);
  if (looksLikeXhtml(html)) html = xhtmlAsHtml(html);
  checkHtmlShape(html);
  const doc = parsePage(html);
  if (!doc.body) return [];
  applyClassLooks(doc, looks);
  return htmlToBlocks(sanitizeNode(htmlWindow(), doc.body));
}
