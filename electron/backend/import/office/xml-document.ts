import { FileRejected } from '../article-reader';
import { htmlWindow } from '../html/html-dom';

// The XML parts of office documents and e-books (core.xml, content.xml,
// meta.xml, container.xml, the OPF package) parsed with the XML parser of
// jsdom's DOMParser (saxes), in the HTML reader's window, so that no second
// window is built. saxes reads no DTD: no external entity is fetched and no
// entity defined in the document is expanded, so "billion laughs" files
// cost nothing. A document that is not well-formed is refused with a sentence.

export const NS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  meta: 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  xlink: 'http://www.w3.org/1999/xlink',
  container: 'urn:oasis:names:tc:opendocument:xmlns:container',
  opf: 'http://www.idpf.org/2007/opf',
  ncx: 'http://www.daisy.org/z3986/2005/ncx/',
  xhtml: 'http://www.w3.org/1999/xhtml',
  epub: 'http://www.idpf.org/2007/ops',
} as const;

/** Parses an XML part; `what` names it in the sentence ("its content.xml"). Throws FileRejected. */
export function parseXml(text: string, what: string): Document {
  const doc = new (htmlWindow().DOMParser)().parseFromString(text.replace(/^\uFEFF/, ''), 'application/xml');
  const root = doc.documentElement;
  if (!root || root.localName === 'parsererror' || root.getElementsByTagName('parsererror').length > 0) {
    throw new FileRejected(`${what} is damaged (it is not well-formed XML)`);
  }
  return doc;
}

/** The element's children in namespace `ns` named `local`. */
export function childrenNS(parent: Element | Document, ns: string, local: string): Element[] {
  return Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local);
}

/** The elements below `root` in namespace `ns` named `local`, in document order. */
export function descendantsNS(root: Element | Document, ns: string, local: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, local));
}

/** An element's text with white space collapsed and trimmed. */
export function cleanText(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The trimmed text of the first element below `root` in `ns` named `local`, or "" when there is none. */
export function firstText(root: Element | Document, ns: string, local: string): string {
  return cleanText(descendantsNS(root, ns, local)[0]);
}
