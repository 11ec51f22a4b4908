import type { ArticleReader } from '../article-reader';
import { markdownReader } from './markdown-reader';
import { pdfReader } from './pdf-reader';
import { textReader } from './text-reader';

/** Every format Annalist imports, one reader each. */
export const readers: ArticleReader[] = [textReader, markdownReader, pdfReader];

/** Lower-case extensions without the dot, in the order they are named to the researcher. */
export const SUPPORTED_EXTENSIONS: string[] = readers.flatMap((reader) => [...reader.extensions]);

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
