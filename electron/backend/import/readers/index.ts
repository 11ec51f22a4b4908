import type { ArticleReader } from '../article-reader';
import { docxReader } from './docx-reader';
import { emlReader } from './eml-reader';
import { epubReader } from './epub-reader';
import { htmlReader } from './html-reader';
import { markdownReader } from './markdown-reader';
import { mhtmlReader } from './mhtml-reader';
import { odtReader } from './odt-reader';
import { pdfReader } from './pdf-reader';
import { rtfReader } from './rtf-reader';
import { textReader } from './text-reader';

/** Every format Annalist imports, one reader each. */
export const readers: ArticleReader[] = [textReader, markdownReader, pdfReader, docxReader, odtReader, epubReader, rtfReader, htmlReader, mhtmlReader, emlReader];

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
