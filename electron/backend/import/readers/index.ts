import type { ArticleReader, SourceFile } from '../article-reader';
import { markdownReader } from './markdown-reader';
import { textReader } from './text-reader';

// Every format Annalist imports. The plain-text readers are light and
// loaded with this list; every other reader's module (and its libraries:
// pdf.js, jsdom, Readability, mammoth, yauzl, the RTF tokenizer) loads on
// its first file. So the process that only lists formats (the import's main
// thread, the CLI, the app's main process) never loads a parser, and an
// import worker loads only the parsers of the formats it meets.

/** A reader whose module is imported when its first file is read. */
function onFirstFile(
  format: Pick<ArticleReader, 'extensions' | 'mediaType'>,
  load: () => Promise<(file: SourceFile) => ReturnType<ArticleReader['read']>>,
): ArticleReader {
  let read: Promise<(file: SourceFile) => ReturnType<ArticleReader['read']>> | null = null;
  return { ...format, read: async (file) => (await (read ??= load()))(file) };
}

/** Every format Annalist imports, one reader each, in the order they are named to the researcher. */
export const readers: ArticleReader[] = [
  textReader,
  markdownReader,
  onFirstFile({ extensions: ['pdf'], mediaType: 'application/pdf' }, async () => (await import('./pdf-reader')).readPdfArticle),
  onFirstFile(
    { extensions: ['docx'], mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    async () => (await import('./docx-reader')).readDocxArticle,
  ),
  onFirstFile({ extensions: ['odt'], mediaType: 'application/vnd.oasis.opendocument.text' }, async () => (await import('./odt-reader')).readOdtArticle),
  onFirstFile({ extensions: ['epub'], mediaType: 'application/epub+zip' }, async () => (await import('./epub-reader')).readEpubArticle),
  onFirstFile({ extensions: ['rtf'], mediaType: 'application/rtf' }, async () => (await import('./rtf-reader')).readRtfArticle),
  // Saved web pages: the article Readability finds, sanitised, with the page's metadata.
  onFirstFile({ extensions: ['html', 'htm', 'xhtml'], mediaType: 'text/html' }, async () => {
    const { readHtmlArticle } = await import('../html/html-article');
    return (file) => readHtmlArticle(file.bytes);
  }),
  // Pages saved as one file: the page's HTML part, read as a saved page.
  onFirstFile({ extensions: ['mhtml', 'mht'], mediaType: 'multipart/related' }, async () => {
    const { readMhtmlArticle } = await import('../mime/mhtml-article');
    return (file) => readMhtmlArticle(file.bytes);
  }),
  // E-mail: subject, sender and date from the headers, the HTML or plain-text body.
  onFirstFile({ extensions: ['eml'], mediaType: 'message/rfc822' }, async () => {
    const { readEmlArticle } = await import('../mime/eml-article');
    return (file) => readEmlArticle(file.bytes);
  }),
];

/** Lower-case extensions without the dot, in the order they are named to the researcher. */
export const SUPPORTED_EXTENSIONS: string[] = readers.flatMap((reader) => [...reader.extensions]);

/** Archives of articles: not read themselves, opened into their files (archive/expand-archive.ts). */
export const ARCHIVE_EXTENSIONS: readonly string[] = ['zip'];

/** ".txt, .md, … and .zip": everything Annalist imports, as a researcher reads it in a sentence. */
export function importableList(conjunction: 'and' | 'or' = 'and'): string {
  const exts = [...SUPPORTED_EXTENSIONS, ...ARCHIVE_EXTENSIONS].map((e) => `.${e}`);
  return `${exts.slice(0, -1).join(', ')} ${conjunction} ${exts[exts.length - 1]}`;
}

/** The extension of a path or file name, lower-case and without the dot ("" when it has none). */
export function extensionOf(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The reader for a file, chosen by its extension, or undefined when Annalist cannot read it. */
export function readerFor(path: string): ArticleReader | undefined {
  const ext = extensionOf(path);
  return ext ? readers.find((reader) => reader.extensions.includes(ext)) : undefined;
}
