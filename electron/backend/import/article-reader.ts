import type { ContentDoc } from '../../../shared/content/doc';

// Every file format is read by one module behind this interface; the import
// service does the rest (hashing, duplicates, storage) the same way for all.
export interface ParsedArticle {
  title: string;
  /** True when the file gave no title and it was made from the text. */
  titleInferred: boolean;
  subtitle: string | null;
  outlet: string | null;
  author: string | null;
  /** ISO 8601 as the source gave it: YYYY-MM-DD or a date-time, or null. */
  publishedAt: string | null;
  url: string | null;
  /** A section label such as "USA" that some pages put above the title. */
  section: string | null;
  language: string | null;
  tags: string[];
  content: ContentDoc;
  /** For each metadata field set: where it came from ("front matter", "first line", ...). */
  fieldSources: Record<string, string>;
}

export interface SourceFile {
  /** The path as the researcher gave it (or the file name of an upload). */
  path: string;
  bytes: Uint8Array;
}

export interface ArticleReader {
  /** Lower-case extensions without the dot. */
  readonly extensions: readonly string[];
  readonly mediaType: string;
  /**
   * Quick to read (small text formats): several such files go to an import
   * worker in one message. Slow formats go one file at a time, so that a
   * cancel or a crash holds up only one file.
   */
  readonly quick?: boolean;
  /**
   * Turns the file into an article or throws (rejects with) FileRejected
   * with the reason. Must not touch the file system or the database.
   * Formats whose libraries are asynchronous (PDF) return a promise.
   */
  read(file: SourceFile): ParsedArticle | Promise<ParsedArticle>;
}

/**
 * Thrown by a reader when a file cannot become an article. The reason is a
 * phrase that completes "Could not import NAME: ..." (e.g. "the file is
 * empty"), so that every failure reads as one sentence naming the file.
 */
export class FileRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'FileRejected';
  }
}
