import type { DocumentFields } from './document-article';
import { documentAuthor, documentDate, documentLanguage, documentTags, documentTitle } from './document-metadata';
import { descendantsNS, firstText, NS } from './xml-document';

// An OpenDocument's properties (meta.xml, office:meta): dc:title; the
// author is meta:initial-creator (in ODF, dc:creator is whoever saved the
// file last), else dc:creator; meta:creation-date and dc:date (the last
// save) judged in document-metadata.ts; dc:language; every meta:keyword,
// each split at semicolons and commas.

export const ODT_PROPERTIES_SOURCE = 'ODT document properties';

export function odtFields(meta: Document | null, now?: Date): DocumentFields {
  if (!meta) return { title: null, author: null, publishedAt: null, language: null, tags: null };
  const text = (ns: string, local: string) => firstText(meta, ns, local);
  return {
    title: documentTitle(text(NS.dc, 'title'), ODT_PROPERTIES_SOURCE),
    author:
      documentAuthor([text(NS.meta, 'initial-creator')], ODT_PROPERTIES_SOURCE) ??
      documentAuthor([text(NS.dc, 'creator')], `${ODT_PROPERTIES_SOURCE} (last saved by)`),
    publishedAt: documentDate(
      [
        { value: text(NS.meta, 'creation-date'), source: `${ODT_PROPERTIES_SOURCE} (created)` },
        { value: text(NS.dc, 'date'), source: `${ODT_PROPERTIES_SOURCE} (modified)` },
      ],
      now,
    ),
    language: documentLanguage(text(NS.dc, 'language'), ODT_PROPERTIES_SOURCE),
    tags: documentTags(
      descendantsNS(meta, NS.meta, 'keyword').map((k) => k.textContent),
      ODT_PROPERTIES_SOURCE,
    ),
  };
}
