import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';
import type { DOMWindow } from 'jsdom';

// Imported HTML is untrusted. Before the article is turned into structured
// content it goes through DOMPurify on the page's own jsdom window (on a DOM
// that is not a real browser DOM, linkedom for one, DOMPurify silently
// returns its input). Only the elements the converter understands survive;
// scripts, styles, frames, forms, media, SVG and MathML go with their
// content; event-handler attributes, inline styles and javascript: links go.
// Unknown elements are unwrapped, their text kept.

/** Everything html-to-content turns into content; every other element is dropped or unwrapped. */
export const ALLOWED_TAGS = [
  'html', 'body', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'menu', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'figure', 'figcaption', 'pre', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'center', 'details', 'summary',
  'hgroup', 'br', 'hr', 'strong', 'b', 'em', 'i', 'a', 'span', 'font', 'small', 'big', 'sub', 'sup', 'code', 'kbd',
  'samp', 'tt', 'var', 'mark', 'abbr', 'acronym', 'time', 'q', 'cite', 'dfn', 'u', 's', 'strike', 'del', 'ins',
  'bdi', 'bdo', 'data', 'label', 'nobr', 'wbr',
];

/** Elements removed together with their content (DOMPurify's own list plus what carries no article text). */
const FORBID_CONTENTS = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'math', 'audio', 'video', 'picture', 'canvas', 'map', 'select', 'textarea', 'button', 'option',
  'datalist', 'title', 'head', 'xmp', 'plaintext', 'dialog', 'form', 'input',
];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'start', 'datetime'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  FORBID_CONTENTS,
  KEEP_CONTENT: true,
  // Only web and e-mail links are worth keeping; anything else (javascript:, data:, vbscript:) loses its href.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  WHOLE_DOCUMENT: false,
};

let purifier: { window: DOMWindow; purify: DOMPurify } | null = null;

/**
 * A sanitised copy of `node` (which belongs to a document of `window`), as
 * the body element of a new document. The node itself is left as it was.
 */
export function sanitizeNode(window: DOMWindow, node: Node): HTMLElement {
  return purifierFor(window).sanitize(node) as unknown as HTMLElement;
}

/** Markup (from any source, linkedom included) parsed and sanitised in `window`: the body element of a new document. */
export function sanitizeHtml(window: DOMWindow, html: string): HTMLElement {
  return purifierFor(window).sanitize(html) as unknown as HTMLElement;
}

function purifierFor(window: DOMWindow): DOMPurify {
  if (purifier?.window !== window) {
    const purify = createDOMPurify(window as unknown as WindowLike);
    purify.setConfig({ ...CONFIG, RETURN_DOM: true });
    purifier = { window, purify };
  }
  return purifier.purify;
}
