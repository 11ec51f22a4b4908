import { FileRejected, type ParsedArticle, type SourceFile } from '../article-reader';
import { withZip } from '../archive/zip-entries';
import { assembleDocumentArticle } from '../office/document-article';
import { docxBody } from '../office/docx-content';
import { docxFields } from '../office/docx-properties';
import { parseXml } from '../office/xml-document';

// Word documents (.docx): the package is opened and checked with the ZIP
// limits (archive/zip-entries.ts) and every part inflated once under them
// before mammoth, which trusts the package's headers, is given the bytes;
// the body becomes blocks through mammoth's HTML (office/docx-content.ts);
// the core properties give title, author, date, language and keywords
// (office/docx-properties.ts); office/document-article.ts puts it together.

/** The largest document part read (word/document.xml, core.xml): more than any article's text needs. */
export const MAX_DOCX_PART_BYTES = 64 * 1024 * 1024;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface DocxReadOptions {
  /** Today, for judging the document's dates (tests pin it). */
  now?: Date;
}

/** Reads a Word document. Rejects with FileRejected and a reason that completes "Could not import NAME: ...". */
export async function readDocxArticle(file: SourceFile, options: DocxReadOptions = {}): Promise<ParsedArticle> {
  // Word saves a password-protected .docx, and older .doc files are, in an OLE compound file, not a ZIP package.
  if (OLE_MAGIC.every((byte, i) => file.bytes[i] === byte)) {
    throw new FileRejected('it is a password-protected Word document or an old-style .doc file; save it as .docx without a password');
  }
  return withZip(
    file.bytes,
    { noun: 'document', notZipReason: 'it is not a Word document (a .docx file is a ZIP package, and this file is not one)' },
    async (zip) => {
      if (zip.find('content.xml') && zip.find('mimetype')) throw new FileRejected('it is an OpenDocument file, not a Word document; rename it to .odt');
      const main = zip.find('word/document.xml', { ignoreCase: true });
      if (!main) throw new FileRejected('it is a ZIP file but not a Word document (it has no word/document.xml)');
      if (main.size > MAX_DOCX_PART_BYTES) throw new FileRejected(`its text (word/document.xml) would unpack to more than ${MAX_DOCX_PART_BYTES / 1024 / 1024} MB`);
      await zip.verify();

      const coreEntry = zip.find('docProps/core.xml', { ignoreCase: true });
      let core: Document | null = null;
      if (coreEntry) {
        try {
          core = parseXml(await zip.readText(coreEntry.name, { maxBytes: MAX_DOCX_PART_BYTES }), 'its properties (docProps/core.xml)');
        } catch (err) {
          // Damaged properties lose the metadata, not the article.
          if (!(err instanceof FileRejected)) throw err;
        }
      }
      const body = await docxBody(file.bytes);
      return assembleDocumentArticle(body.blocks, docxFields(core, options.now), { title: body.title, subtitle: body.subtitle });
    },
  );
}
