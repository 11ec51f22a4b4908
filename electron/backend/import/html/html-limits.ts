import { FileRejected } from '../article-reader';

// Limits that keep a hostile or broken page from taking the importer down.
// jsdom and Readability are built for pages a browser shows; some of their
// work grows with the square of the nesting depth (Readability at 1,000
// nested divs takes most of a minute), and a deep enough tree overflows the
// stack of any recursive walk. So the page's shape is measured first, with
// one linear scan of its tags, and a page that no browser would build is
// refused before it is parsed.

export const MAX_HTML_BYTES = 200 * 1024 * 1024;

/**
 * Chromium's HTML parser stops nesting at 512 levels (deeper elements are
 * made siblings), so no page that displays properly needs more.
 */
export const MAX_NESTING_DEPTH = 512;

/** Ten times the largest page of the Readability test corpus (a long Wikipedia article has about 10,000). */
export const MAX_ELEMENTS = 100_000;

/** Elements that have no end tag. */
const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen image command'.split(' '),
);

/** Elements whose end tag may be left out: they are closed by what follows, so they never count as nesting. */
const OPTIONAL_END = new Set('p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rtc rp html head body'.split(' '));

/** How far down the stack an end tag looks for its start tag; further off, it is a stray and ignored. */
const END_TAG_REACH = 32;

export interface HtmlShape {
  elements: number;
  /** Deepest nesting seen, counting only elements that need an end tag (a lower bound of the DOM's depth). */
  depth: number;
}

/**
 * Counts start tags and the nesting depth of a page's markup in one pass
 * (comments, scripts and styles already removed). Stops early once a limit
 * is passed, so a hostile page costs no more than a legitimate one.
 */
export function measureHtml(html: string, limits = { depth: MAX_NESTING_DEPTH, elements: MAX_ELEMENTS }): HtmlShape {
  const stack: string[] = [];
  let elements = 0;
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/g)) {
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      const floor = Math.max(0, stack.length - END_TAG_REACH);
      for (let i = stack.length - 1; i >= floor; i--) {
        if (stack[i] === name) {
          stack.length = i;
          break;
        }
      }
      continue;
    }
    elements++;
    if (elements > limits.elements) break;
    if (VOID.has(name) || OPTIONAL_END.has(name) || m[0].endsWith('/>')) continue;
    stack.push(name);
    if (stack.length > depth) {
      depth = stack.length;
      if (depth > limits.depth) break;
    }
  }
  return { elements, depth };
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Refuses a file too large to be a saved page. */
export function checkHtmlSize(bytes: Uint8Array): void {
  if (bytes.length > MAX_HTML_BYTES) {
    throw new FileRejected(`the page is larger than ${megabytes(MAX_HTML_BYTES)} (${megabytes(bytes.length)}), more than any saved article needs`);
  }
}

/** Refuses markup nested deeper, or with more elements, than the limits. */
export function checkHtmlShape(html: string): void {
  const shape = measureHtml(html);
  if (shape.depth > MAX_NESTING_DEPTH) {
    throw new FileRejected(`its HTML elements are nested more than ${MAX_NESTING_DEPTH} levels deep, which no browser would display`);
  }
  if (shape.elements > MAX_ELEMENTS) {
    throw new FileRejected(`the page has more than ${MAX_ELEMENTS.toLocaleString('en-US')} HTML elements, far more than an article page`);
  }
}
