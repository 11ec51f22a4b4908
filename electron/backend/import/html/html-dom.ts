import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom';
import { parseHTML } from 'linkedom';
import { parse as parseHtml5, serialize as serializeHtml5 } from 'parse5';

// The one jsdom window the HTML reader works in. Each page is parsed into a
// document of its own with the window's DOMParser, which is how a browser
// parses markup it will never display: the document has no browsing
// context, so scripts never run (jsdom runs none unless `runScripts` is set,
// and it is not set here either), frames get no window, and nothing is
// fetched (`resources` is not set: no stylesheet, image or frame is
// loaded). The window's own address is about:blank. Making a window costs
// far more than a document (every DOM interface is installed on it), so it
// is made once, on first use.

let shared: DOMWindow | null = null;
let parsed = 0;

/**
 * Documents parsed in a window stay reachable from it (a jsdom window holds
 * on to about 2.5 MB for each 100 KB page, measured over 120 corpus pages),
 * so after this many pages the window is closed and a new one made.
 */
const PAGES_PER_WINDOW = 10;

/** The reader's jsdom window (made on first use). */
export function htmlWindow(): DOMWindow {
  shared ??= new JSDOM('<!DOCTYPE html><title></title>', { contentType: 'text/html', virtualConsole: new VirtualConsole() }).window;
  return shared;
}

/**
 * The window for one more page's documents: the shared one, renewed every
 * PAGES_PER_WINDOW pages (documents parsed in it, DOMPurify's included,
 * stay reachable from it).
 */
export function pageWindow(): DOMWindow {
  if (++parsed > PAGES_PER_WINDOW && shared) {
    shared.close();
    shared = null;
    parsed = 1;
  }
  return htmlWindow();
}

/** Parses a page's markup into a new, inert jsdom document. */
export function parsePage(html: string): Document {
  return new (pageWindow().DOMParser)().parseFromString(html, 'text/html');
}

/**
 * Parses a page for READING only (metadata, Readability): linkedom, which
 * builds a light DOM about ten times faster than jsdom and lets it go with
 * the page. Nothing read here reaches the article without passing through
 * DOMPurify on jsdom (sanitize-html.ts), because DOMPurify silently does
 * nothing on linkedom.
 *
 * linkedom does not apply the HTML parsing rules that imply <html>, <head>
 * and <body>: a page without a <body> tag (old pages, fragments such as
 * Readability's own output) would leave its text outside the body. Such
 * markup is first put in standard form by parse5 (the parser jsdom uses),
 * which costs about 10 ms for a 100 KB page and is skipped for the rest.
 */
export function readPage(html: string): Document {
  if (!/<body[\s>]/i.test(html)) return linkedomDocument(standardForm(html));
  const doc = linkedomDocument(html);
  const bodyText = doc.body?.textContent?.trim() ?? '';
  if (bodyText === '' && (doc.documentElement?.textContent?.trim() ?? '') !== '') return linkedomDocument(standardForm(html));
  return doc;
}

function linkedomDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** The markup as an HTML parser sees it: <html>, <head> and <body> where the rules imply them. */
function standardForm(html: string): string {
  return serializeHtml5(parseHtml5(html));
}
