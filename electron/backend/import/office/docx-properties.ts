import type { DocumentFields } from './document-article';
import { documentAuthor, documentDate, documentLanguage, documentTags, documentTitle } from './document-metadata';
import { descendantsNS, firstText, NS } from './xml-document';

// A Word document's core properties (docProps/core.xml, Open Packaging
// Conventions): dc:title, dc:creator (the author; cp:lastModifiedBy is the
// last editor and is not used), dc:language, cp:keywords (split at
// semicolons and commas: Word keeps what was typed; LibreOffice joins its
// keywords with spaces, which cannot be told apart from a keyword of
// several words, so that string stays one tag), dcterms:created and
// dcterms:modified (judged in document-metadata.ts).

export const DOCX_PROPERTIES_SOURCE = 'DOCX core properties';

export function docxFields(core: Document | null, now?: Date): DocumentFields {
  if (!core) return { title: null, author: null, publishedAt: null, language: null, tags: null };
  const text = (ns: string, local: string) => firstText(core, ns, local);
  return {
    title: documentTitle(text(NS.dc, 'title'), DOCX_PROPERTIES_SOURCE),
    author: documentAuthor([text(NS.dc, 'creator')], DOCX_PROPERTIES_SOURCE),
    publishedAt: documentDate(
      [
        { value: text(NS.dcterms, 'created'), source: `${DOCX_PROPERTIES_SOURCE} (created)` },
        { value: text(NS.dcterms, 'modified'), source: `${DOCX_PROPERTIES_SOURCE} (modified)` },
      ],
      now,
    ),
    language: documentLanguage(text(NS.dc, 'language'), DOCX_PROPERTIES_SOURCE),
    tags: documentTags(
      descendantsNS(core, NS.cp, 'keywords').map((k) => k.textContent),
      DOCX_PROPERTIES_SOURCE,
    ),
  };
}
