// Links in an event's description. A citation is a link into the reader
// (#/article/:id/highlight/:hid) whose text is the quoted words; other links
// are kept only when they are web or mail addresses, so a description
// pasted from elsewhere cannot carry a javascript: or file: address.

const CITATION = /^#\/article\/(\d+)\/highlight\/(\d+)$/;
const ROUTE = /^#\/[\w/-]*$/;
const WEB = /^(?:https?:\/\/|mailto:)/i;

export interface Citation {
  articleId: number;
  highlightId: number;
}

export function citationHref(c: Citation): string {
  return `#/article/${c.articleId}/highlight/${c.highlightId}`;
}

export function parseCitation(href: string): Citation | null {
  const m = CITATION.exec(href.trim());
  return m ? { articleId: Number(m[1]), highlightId: Number(m[2]) } : null;
}

/** The address to render, or null to show the words without a link. */
export function safeHref(href: unknown): { href: string; internal: boolean } | null {
  if (typeof href !== 'string') return null;
  const h = href.trim();
  if (ROUTE.test(h)) return { href: h, internal: true };
  if (WEB.test(h)) return { href: h, internal: false };
  return null;
}
