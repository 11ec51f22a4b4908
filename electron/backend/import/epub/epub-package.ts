import { FileRejected } from '../article-reader';
import type { ZipArchive } from '../archive/zip-entries';
import type { DocumentFields } from '../office/document-article';
import { documentAuthor, documentLanguage, documentTags, documentTitle, type Sourced } from '../office/document-metadata';
import { childrenNS, cleanText, descendantsNS, NS, parseXml } from '../office/xml-document';
import { normalisePublishedDate } from '../published-date';

// An EPUB's package (EPUB 2 and 3): META-INF/container.xml names the OPF
// package document; its metadata gives the book's title, creators, date,
// language, publisher and subjects; its manifest and spine give the
// chapters in reading order; the table of contents (EPUB 3's navigation
// document, else EPUB 2's NCX) gives each chapter's title.

export const EPUB_METADATA_SOURCE = 'EPUB package metadata';
export const MAX_PACKAGE_PART_BYTES = 16 * 1024 * 1024;

export interface ManifestItem {
  id: string;
  /** The entry's path in the archive. */
  path: string;
  mediaType: string;
  properties: string[];
}

export interface EpubPackage {
  fields: DocumentFields;
  /** The chapters in reading order (linear spine items; all of them when none is linear). */
  chapters: ManifestItem[];
  stylesheets: ManifestItem[];
  /** Chapter path → its title in the table of contents (the first entry that points into it). */
  tocTitles: Map<string, string>;
}

const XHTML_TYPES = new Set(['application/xhtml+xml', 'text/html', 'application/xml', 'text/x-oeb1-document']);

/** Font obfuscation (IDPF, Adobe) scrambles fonts only: the text is readable. */
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);

/** A manifest href (relative to `base`, percent-encoded) as an archive path; null when it leaves the book. */
export function resolveHref(base: string, href: string): string | null {
  try {
    const url = new URL(href, `http://book.invalid/${base}`);
    if (url.host !== 'book.invalid') return null;
    return decodeURIComponent(url.pathname.slice(1));
  } catch {
    return null;
  }
}

async function readXml(zip: ZipArchive, path: string, what: string): Promise<Document> {
  return parseXml(await zip.readText(path, { maxBytes: MAX_PACKAGE_PART_BYTES }), what);
}

/** The OPF path named by META-INF/container.xml. */
async function packagePath(zip: ZipArchive): Promise<string> {
  const container = zip.find('META-INF/container.xml', { ignoreCase: true });
  if (!container) throw new FileRejected('it is not an EPUB book (it has no META-INF/container.xml)');
  const doc = await readXml(zip, container.name, 'its META-INF/container.xml');
  const rootfiles = descendantsNS(doc, NS.container, 'rootfile');
  const rootfile = rootfiles.find((r) => r.getAttribute('media-type') === 'application/oebps-package+xml') ?? rootfiles[0];
  const path = rootfile?.getAttribute('full-path');
  if (!path) throw new FileRejected('it is not a complete EPUB book (its container.xml names no package document)');
  const found = zip.find(path) ?? zip.find(decodeURIComponent(path));
  if (!found) throw new FileRejected(`it is not a complete EPUB book (its package document “${path}” is missing)`);
  return found.name;
}

/** EPUB 3 "refines" metadata: id → property → values. */
function refinements(metadata: Element): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const meta of childrenNS(metadata, NS.opf, 'meta')) {
    const refines = meta.getAttribute('refines')?.replace(/^#/, '');
    const property = meta.getAttribute('property');
    if (!refines || !property) continue;
    if (!out.has(refines)) out.set(refines, new Map());
    out.get(refines)!.set(property, cleanText(meta));
  }
  return out;
}

function bookTitle(metadata: Element, refined: Map<string, Map<string, string>>): Sourced<string> | null {
  const titles = childrenNS(metadata, NS.dc, 'title');
  const main = titles.find((t) => refined.get(t.getAttribute('id') ?? '')?.get('title-type') === 'main') ?? titles[0];
  return documentTitle(cleanText(main), EPUB_METADATA_SOURCE);
}

function bookAuthors(metadata: Element, refined: Map<string, Map<string, string>>): Sourced<string> | null {
  const creators = childrenNS(metadata, NS.dc, 'creator');
  const roleOf = (c: Element) => c.getAttributeNS(NS.opf, 'role') ?? refined.get(c.getAttribute('id') ?? '')?.get('role') ?? null;
  const authors = creators.some((c) => roleOf(c) !== null) ? creators.filter((c) => roleOf(c) === 'aut' || roleOf(c) === null) : creators;
  return documentAuthor(authors.map((c) => cleanText(c)), EPUB_METADATA_SOURCE);
}

/** dc:date: the publication event's (EPUB 2 opf:event), else the first full date. A bare year is no day, and is left out. */
function bookDate(metadata: Element): Sourced<string> | null {
  const dates = childrenNS(metadata, NS.dc, 'date');
  const event = (d: Element) => d.getAttributeNS(NS.opf, 'event');
  const ordered = [...dates.filter((d) => event(d) === 'publication'), ...dates.filter((d) => !event(d) || event(d) === 'original-publication')];
  for (const date of ordered) {
    const iso = normalisePublishedDate(cleanText(date));
    if (iso) return { value: iso, source: EPUB_METADATA_SOURCE };
  }
  return null;
}

function metadataFields(opf: Document): DocumentFields {
  const metadata = descendantsNS(opf, NS.opf, 'metadata')[0];
  if (!metadata) return { title: null, author: null, publishedAt: null, language: null, outlet: null, tags: null };
  const refined = refinements(metadata);
  const texts = (local: string) => childrenNS(metadata, NS.dc, local).map((el) => cleanText(el));
  const publisher = texts('publisher').find((p) => /\p{L}/u.test(p) && p.length <= 200);
  return {
    title: bookTitle(metadata, refined),
    author: bookAuthors(metadata, refined),
    publishedAt: bookDate(metadata),
    language: documentLanguage(texts('language')[0], EPUB_METADATA_SOURCE),
    outlet: publisher ? { value: publisher, source: EPUB_METADATA_SOURCE } : null,
    tags: documentTags(texts('subject'), EPUB_METADATA_SOURCE),
  };
}

function manifestOf(opf: Document, opfPath: string): Map<string, ManifestItem> {
  const items = new Map<string, ManifestItem>();
  for (const item of descendantsNS(opf, NS.opf, 'item')) {
    const id = item.getAttribute('id');
    const path = resolveHref(opfPath, item.getAttribute('href') ?? '');
    if (!id || !path) continue;
    const properties = (item.getAttribute('properties') ?? '').split(/\s+/).filter(Boolean);
    items.set(id, { id, path, mediaType: (item.getAttribute('media-type') ?? '').toLowerCase(), properties });
  }
  return items;
}

/** Chapter path → title, from the navigation document's toc nav or the NCX's navMap, in reading order. */
async function tableOfContents(zip: ZipArchive, manifest: Map<string, ManifestItem>, spineToc: string | null): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  const add = (base: string, href: string | null, label: string) => {
    const path = href ? resolveHref(base, href.replace(/#.*$/, '')) : null;
    if (path && label && !titles.has(path)) titles.set(path, label);
  };
  const items = [...manifest.values()];
  const nav = items.find((i) => i.properties.includes('nav'));
  try {
    if (nav && zip.find(nav.path)) {
      const doc = await readXml(zip, nav.path, 'its navigation document');
      const navs = descendantsNS(doc, NS.xhtml, 'nav');
      const toc = navs.find((n) => (n.getAttributeNS(NS.epub, 'type') ?? '').split(/\s+/).includes('toc')) ?? navs[0];
      for (const a of toc ? descendantsNS(toc, NS.xhtml, 'a') : []) add(nav.path, a.getAttribute('href'), cleanText(a));
      if (titles.size > 0) return titles;
    }
    const ncx = (spineToc ? manifest.get(spineToc) : undefined) ?? items.find((i) => i.mediaType === 'application/x-dtbncx+xml');
    if (ncx && zip.find(ncx.path)) {
      const doc = await readXml(zip, ncx.path, 'its table of contents (NCX)');
      for (const point of descendantsNS(doc, NS.ncx, 'navPoint')) {
        const label = cleanText(descendantsNS(childrenNS(point, NS.ncx, 'navLabel')[0] ?? point, NS.ncx, 'text')[0]);
        add(ncx.path, childrenNS(point, NS.ncx, 'content')[0]?.getAttribute('src') ?? null, label);
      }
    }
  } catch (err) {
    // A damaged table of contents costs the chapter titles, not the book.
    if (!(err instanceof FileRejected) || !/not well-formed/.test(err.reason)) throw err;
  }
  return titles;
}

/** Refuses a book whose chapters are encrypted (DRM); obfuscated fonts are no obstacle. */
async function checkEncryption(zip: ZipArchive, chapters: ManifestItem[]): Promise<void> {
  const entry = zip.find('META-INF/encryption.xml', { ignoreCase: true });
  if (!entry) return;
  let doc: Document;
  try {
    doc = await readXml(zip, entry.name, 'its META-INF/encryption.xml');
  } catch {
    return;
  }
  const encrypted = new Set<string>();
  for (const data of Array.from(doc.getElementsByTagNameNS('*', 'EncryptedData'))) {
    const method = data.getElementsByTagNameNS('*', 'EncryptionMethod')[0]?.getAttribute('Algorithm') ?? '';
    if (FONT_OBFUSCATION.has(method)) continue;
    for (const ref of Array.from(data.getElementsByTagNameNS('*', 'CipherReference'))) {
      const path = resolveHref('', ref.getAttribute('URI') ?? '');
      if (path) encrypted.add(path);
    }
  }
  if (chapters.some((c) => encrypted.has(c.path))) throw new FileRejected('its chapters are encrypted (the book is protected by DRM)');
}

/** Reads the package: metadata, chapters in reading order, stylesheets and chapter titles. Throws FileRejected. */
export async function readEpubPackage(zip: ZipArchive): Promise<EpubPackage> {
  const opfPath = await packagePath(zip);
  const opf = await readXml(zip, opfPath, 'its package document');
  const manifest = manifestOf(opf, opfPath);
  const spine = descendantsNS(opf, NS.opf, 'spine')[0];
  const refs = spine ? childrenNS(spine, NS.opf, 'itemref') : [];
  const spineItems = refs
    .map((ref) => ({ item: manifest.get(ref.getAttribute('idref') ?? ''), linear: ref.getAttribute('linear') !== 'no' }))
    .filter((r): r is { item: ManifestItem; linear: boolean } => r.item !== undefined && XHTML_TYPES.has(r.item.mediaType) && !r.item.properties.includes('nav'));
  const linear = spineItems.filter((r) => r.linear);
  const chapters = (linear.length > 0 ? linear : spineItems).map((r) => r.item).filter((item) => zip.find(item.path));
  if (chapters.length === 0) throw new FileRejected('the book has no chapters to read (its spine lists no XHTML documents in the book)');
  await checkEncryption(zip, chapters);
  return {
    fields: metadataFields(opf),
    chapters,
    stylesheets: [...manifest.values()].filter((i) => i.mediaType === 'text/css' && zip.find(i.path)),
    tocTitles: await tableOfContents(zip, manifest, spine?.getAttribute('toc') ?? null),
  };
}
