// What the annotation interchange (W3C Web Annotation JSON-LD) says across
// the API, the CLI and the UI. Types and constants only, without zod, so the
// renderer can import this module without bundling the validators.
import type { AnchorStatus } from '../anchoring/anchor';

/** How one annotation of an imported file ended: an anchoring status, or failed (not stored at all). */
export type AnnotationImportStatus = AnchorStatus | 'failed';

/**
 * One annotation of an imported file, in file order. This is exactly what
 * `annalist annotations import --json` prints.
 */
export interface AnnotationImportOutcome {
  /** The annotation's id in the file, or `#N` (its position, from 1) when it has none. */
  id: string;
  status: AnnotationImportStatus;
  /** The article it was attached to (orphaned ones included: they wait there to be re-attached by hand). */
  articleId?: number;
  /** Where it attached in the article's current text (UTF-16 code units); absent when orphaned or failed. */
  start?: number;
  end?: number;
  /** Why it failed, or why it was orphaned: a sentence for the researcher. */
  error?: string;
}

export interface AnnotationImportReport {
  fileName: string;
  annotations: AnnotationImportOutcome[];
  /** Highlights written by this import. */
  added: number;
  /**
   * Positions in `annotations` (from 0) of those equal to a highlight already
   * in the project (same article, same place, same note and tags; for one
   * that does not anchor, the same words): reported as that highlight stands,
   * with its status and place, and not written again.
   */
  alreadyPresent: number[];
  /** Titles of the articles the outcomes name, for the report. */
  articles: { id: number; title: string }[];
}

export interface WebAnnotationExport {
  fileName: string;
  /** The AnnotationCollection as JSON-LD text. */
  json: string;
  /** Number of annotations in it. */
  total: number;
}

/** The media type of the files written (W3C Web Annotation profile of JSON-LD). */
export const WEB_ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** Larger files are refused before they are read: 50 MB of JSON is well over 100,000 annotations. */
export const MAX_ANNOTATION_FILE_BYTES = 50 * 1024 * 1024;

/** At most this many annotations in one file (each becomes a highlight in one transaction). */
export const MAX_ANNOTATIONS_PER_FILE = 200_000;
