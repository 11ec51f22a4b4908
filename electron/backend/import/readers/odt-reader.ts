import { FileRejected, type ParsedArticle, type SourceFile } from '../article-reader';
import { withZip, type ZipArchive } from '../archive/zip-entries';
import { assembleDocumentArticle } from '../office/document-article';
import { odtBody } from '../office/odt-content';
import { odtFields } from '../office/odt-properties';
import { OdtStyles } from '../office/odt-styles';
import { descendantsNS, NS, parseXml } from '../office/xml-document';

// OpenDocument texts (.odt, from LibreOffice, OpenOffice, Google Docs,
// AbiWord): the package is opened with the ZIP limits
// (archive/zip-entries.ts); content.xml gives the body
// (office/odt-content.ts) with the styles of content.xml and styles.xml
// (office/odt-styles.ts); meta.xml the properties (office/odt-properties.ts).

/** The largest XML part parsed (content.xml): far more than any article's text needs. */
export const MAX_ODT_PART_BYTES = 64 * 1024 * 1024;

const TEXT_TYPES = /^application\/vnd\.oasis\.opendocument\.text(?:-template|-master)?$/;

export interface OdtReadOptions {
  /** Today, for judging the document's dates (tests pin it). */
  now?: Date;
}

async function optionalPart(zip: ZipArchive, name: string): Promise<Document | null> {
  if (!zip.find(name)) return null;
  try {
    return parseXml(await zip.readText(name, { maxBytes: MAX_ODT_PART_BYTES }), `its ${name}`);
  } catch (err) {
    // Damaged styles or properties lose their details, not the article; a limit passed still refuses the file.
    if (err instanceof FileRejected && /not well-formed/.test(err.reason)) return null;
    throw err;
  }
}

async function checkKind(zip: ZipArchive): Promise<void> {
  if (zip.find('word/document.xml', { ignoreCase: true })) throw new FileRejected('it is a Word document, not an OpenDocument text; rename it to .docx');
  const mimetype = zip.find('mimetype') ? (await zip.readText('mimetype', { maxBytes: 256 })).trim() : '';
  if (mimetype === 'application/epub+zip') throw new FileRejected('it is an EPUB book, not an OpenDocument text; rename it to .epub');
  if (mimetype && !TEXT_TYPES.test(mimetype)) {
    if (!mimetype.startsWith('application/vnd.oasis.opendocument.')) throw new FileRejected(`it is not an OpenDocument text (it says it is ${mimetype})`);
    const kind = /spreadsheet/.test(mimetype) ? 'a spreadsheet' : /presentation/.test(mimetype) ? 'a presentation' : 'not a text document';
    throw new FileRejected(`it is an OpenDocument file but ${kind} (${mimetype})`);
  }
  if (!zip.find('content.xml')) throw new FileRejected('it is a ZIP file but not an OpenDocument text (it has no content.xml)');
}

/** Reads an OpenDocument text. Rejects with FileRejected and a reason that completes "Could not import NAME: ...". */
export function readOdtArticle(file: SourceFile, options: OdtReadOptions = {}): Promise<ParsedArticle> {
  return withZip(
    file.bytes,
    { noun: 'document', notZipReason: 'it is not an OpenDocument text (an .odt file is a ZIP package, and this file is not one)' },
    async (zip) => {
      await checkKind(zip);
      const content = parseXml(await zip.readText('content.xml', { maxBytes: MAX_ODT_PART_BYTES }), 'its text (content.xml)');
      const styles = new OdtStyles([await optionalPart(zip, 'styles.xml'), content]);
      const text = descendantsNS(content, NS.office, 'text')[0];
      if (!text) throw new FileRejected('it is an OpenDocument file without a text body');
      let body: ReturnType<typeof odtBody>;
      try {
        body = odtBody(text, styles);
      } catch (err) {
        if (err instanceof RangeError) throw new FileRejected('its text is nested too deeply to be read');
        throw err;
      }
      const meta = await optionalPart(zip, 'meta.xml');
      return assembleDocumentArticle(body.blocks, odtFields(meta, options.now), { title: body.title, subtitle: body.subtitle });
    },
  );
}
