// Markup that can never become article text, taken out of the page's source
// before it is parsed: comments, scripts (JSON-LD metadata excepted),
// stylesheets, templates, inline SVG and frames. Saved pages are often more script
// and CSS than text (SingleFile pages inline every stylesheet and image), and
// jsdom builds a CSS object model for every <style>, so this halves the
// parse on a typical news page. It is a speed-up, not a safety measure: the
// article is sanitised by DOMPurify after extraction whatever this leaves.
//
// Attribute values longer than 10,000 characters (inlined images as data:
// URIs, a hostile 50 MB attribute) are emptied for the same reason.

/** Removed with their content, in one left-to-right pass so that a "<script>" inside a comment is not mistaken for one. */
const INERT = /<!--[\s\S]*?(?:-->|$)|<(script|style|template|svg|iframe|noembed|noframes)\b([^>]*)>[\s\S]*?(?:<\/\1\s*>|$)/gi;

/** Longer attribute values are emptied: no article needs them, and jsdom would copy each into the DOM. */
const MAX_ATTRIBUTE = 10_000;
// Quoted values without "<" (so that a stray quote in the text cannot swallow markup). Written without
// a counted repeat: V8 runs "[^"]{10000,}" recursively, and a 30 MB value overflows its stack.
const ATTRIBUTE = /(\s[^\s"'<>/=]+\s*=\s*)(?:"[^"<]*"|'[^'<]*')/g;

/** The page's source without comments, scripts, styles, templates, inline SVG, iframes and overlong attribute values. */
export function stripInertMarkup(html: string): string {
  return html
    .replace(INERT, (whole, tag: string | undefined, attrs: string | undefined) =>
      tag?.toLowerCase() === 'script' && /ld\+json/i.test(attrs ?? '') ? whole : '',
    )
    .replace(ATTRIBUTE, (whole, name: string) => (whole.length - name.length > MAX_ATTRIBUTE ? `${name}""` : whole));
}

/**
 * The address a browser recorded when it saved the page: Chrome and
 * Internet Explorer write `<!-- saved from url=(0042)https://… -->`,
 * SingleFile writes `<!-- Page saved with SingleFile url: https://… -->`.
 * Looked for near the top only.
 */
export function savedFromUrl(html: string): string | null {
  const head = html.slice(0, 4096);
  const m = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(head) ?? /<!--[^>]*?Page saved with SingleFile\s+url:\s*(\S+)/i.exec(html.slice(0, 16384));
  const url = m?.[1];
  return url && /^https?:\/\//i.test(url) ? url : null;
}

const VOID = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));

/** Whether the source is XHTML (an XML declaration or the XHTML namespace at the top). */
export function looksLikeXhtml(html: string): boolean {
  const head = html.slice(0, 2048);
  return /^\s*<\?xml\b/i.test(head) || /<html\b[^>]*xmlns\s*=\s*["']http:\/\/www\.w3\.org\/1999\/xhtml["']/i.test(head);
}

/**
 * XHTML read as HTML (which is how browsers show saved pages, and what
 * Readability expects): self-closed elements that are not void ("<div/>",
 * "<a id='x'/>") get an end tag, since the HTML parser would otherwise leave
 * them open around the rest of the page.
 */
export function xhtmlAsHtml(html: string): string {
  return html.replace(/<([a-zA-Z][\w:-]*)(\s[^<>]*?)?\s*\/>/g, (whole, name: string, attrs: string | undefined) =>
    VOID.has(name.toLowerCase()) ? whole : `<${name}${attrs ?? ''}></${name}>`,
  );
}
