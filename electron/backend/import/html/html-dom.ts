import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom';

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

/** Parses a page's markup into a new, inert document (in a fresh window every PAGES_PER_WINDOW pages). */
export function parsePage(html: string): Document {
  if (++parsed > PAGES_PER_WINDOW && shared) {
    shared.close();
    shared = null;
    parsed = 1;
  }
  return new (htmlWindow().DOMParser)().parseFromString(html, 'text/html');
}
