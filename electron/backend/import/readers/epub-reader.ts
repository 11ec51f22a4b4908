import type { Block } from '../../../../shared/content/doc';
import { FileRejected, type ParsedArticle, type SourceFile } from '../article-reader';
import { sizeInWords, withZip } from '../archive/zip-entries';
import { chapterBlocks, classLooks, withChapterTitle } from '../epub/epub-chapters';
import { readEpubPackage } from '../epub/epub-package';
import { MAX_HTML_BYTES } from '../html/html-limits';
import { assembleDocumentArticle } from '../office/document-article';

// E-books (.epub, EPUB 2 and 3) as one article: the package is opened with
// the ZIP limits (archive/zip-entries.ts); the container and OPF give the
// metadata, the chapters in spine order and their titles
// (epub/epub-package.ts); each chapter's XHTML goes through the HTML path
// (epub/epub-chapters.ts), its title from the table of contents as its
// heading; the chapters' blocks, in order, are the article's.

/** The chapters' text, all together: a long book is 1–2 MB of XHTML. */
export const MAX_BOOK_TEXT_BYTES = 100 * 1024 * 1024;

const MAX_STYLESHEET_BYTES = 2 * 1024 * 1024;

/** Reads an e-book. Rejects with FileRejected and a reason that completes "Could not import NAME: ...". */
export function readEpubArticle(file: SourceFile): Promise<ParsedArticle> {
  return withZip(file.bytes, { noun: 'book', notZipReason: 'it is not an EPUB book (an .epub file is a ZIP package, and this file is not one)' }, async (zip) => {
    const book = await readEpubPackage(zip);
    const stylesheets: string[] = [];
    for (const sheet of book.stylesheets) {
      if (sheet.mediaType === 'text/css' && (zip.find(sheet.path)?.size ?? Infinity) <= MAX_STYLESHEET_BYTES) {
        stylesheets.push(await zip.readText(sheet.path, { maxBytes: MAX_STYLESHEET_BYTES }));
      }
    }
    const looks = classLooks(stylesheets);

    const blocks: Block[] = [];
    let textBytes = 0;
    for (const chapter of book.chapters) {
      const bytes = await zip.read(chapter.path, { maxBytes: MAX_HTML_BYTES, tooLargeReason: `its chapter “${chapter.path}” is larger than ${sizeInWords(MAX_HTML_BYTES)}` });
      textBytes += bytes.length;
      if (textBytes > MAX_BOOK_TEXT_BYTES) throw new FileRejected(`its chapters hold more than ${sizeInWords(MAX_BOOK_TEXT_BYTES)} of text, more than one article can be`);
      let chapterContent: Block[];
      try {
        chapterContent = chapterBlocks(bytes, looks, chapter.path);
      } catch (err) {
        if (err instanceof RangeError) throw new FileRejected(`its chapter “${chapter.path}” is nested too deeply to be read`);
        throw err;
      }
      blocks.push(...withChapterTitle(chapterContent, book.tocTitles.get(chapter.path)));
    }
    return assembleDocumentArticle(blocks, book.fields);
  });
}
