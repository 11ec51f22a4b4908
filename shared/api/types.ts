import type { AnchorStatus } from '../anchoring/anchor';
import type { ContentDoc } from '../content/doc';

export type { AnchorStatus };

export interface ArticleSummary {
  id: number;
  title: string;
  /** True when the file gave no title and Annalist made one from the text. */
  titleInferred: boolean;
  outlet: string | null;
  author: string | null;
  /** YYYY-MM-DD, or null when the article gives no date. */
  publishedAt: string | null;
  url: string | null;
  tags: string[];
  sha256: string;
  sourcePath: string;
  wordCount: number;
  importedAt: string;
  /**
   * The story cluster the article belongs to: near-copies of one text (the
   * same wire story under several outlets) share a story and count as one
   * source.
   */
  storyId: number;
  /** Articles in that story, this one included (1 when it has no copies). */
  storyArticleCount: number;
}

export interface ArticleDetail extends ArticleSummary {
  /** Full publication timestamp as the source gave it, when it had a time. */
  publishedAtFull: string | null;
  subtitle: string | null;
  section: string | null;
  language: string | null;
  /** The original file's media type (text/html, application/pdf, ...). */
  mediaType: string;
  /** The version of the text shown: 1 is the text read from the original file, each correction adds one. */
  textVersion: number;
  /** Every version of the text, oldest first. */
  textVersions: TextVersionInfo[];
  content: ContentDoc;
  /** The canonical plain text; highlight offsets are UTF-16 code units of it. */
  text: string;
  /** Where each metadata field came from (front matter, first line, ...). */
  fieldSources: Record<string, string>;
}

export interface TextVersionInfo {
  version: number;
  createdAt: string;
  wordCount: number;
  /** What the researcher said was corrected (null for version 1). */
  correctionNote: string | null;
}

/** What saving a corrected text did to the article's highlights. */
export interface TextCorrection {
  articleId: number;
  /** The new text version. */
  version: number;
  /** How many highlights ended in each anchoring status. */
  anchors: Record<AnchorStatus, number>;
}

export type ImportStatus = 'imported' | 'duplicate' | 'failed';

export interface ImportOutcome {
  path: string;
  status: ImportStatus;
  articleId?: number;
  title?: string;
  error?: string;
  /** The story the imported article joined (shared with its near-copies, if any). */
  storyId?: number;
  /** The article already in the project that this one nearly copies (same story), if any. */
  nearCopyOf?: { articleId: number; title: string };
}

export interface StoryInfo {
  id: number;
  /** True once a researcher has joined or split it. */
  manual: boolean;
  articleIds: number[];
}

export interface Highlight {
  id: number;
  articleId: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  color: string;
  createdAt: string;
  /**
   * How the highlight sits on the current text: anchored (where it was
   * made), moved (same words, elsewhere after a correction), fuzzy (similar
   * words after a correction) or orphaned (its words were not found; start
   * and end then name where it was in text version `textVersion`, and it is
   * not drawn until re-attached).
   */
  status: AnchorStatus;
  /** The text version its offsets refer to. */
  textVersion: number;
  /** For a fuzzy re-attachment: the words it was first made on (exact is what the text now says). */
  originalExact: string | null;
  /** The researcher's note as rich text (Tiptap JSON), or null. */
  note: ContentDoc | null;
  /** The note's plain text ("" without a note). */
  noteText: string;
  tags: TagRef[];
}

/** A tag as a highlight carries it. */
export interface TagRef {
  id: number;
  name: string;
  color: string;
}

/** A project tag, with the number of highlights that carry it. */
export interface Tag extends TagRef {
  highlightCount: number;
  createdAt: string;
}

/** A highlight found across the project (by tag), with its article's title. */
export interface HighlightInArticle extends Highlight {
  articleTitle: string;
}

export interface Claim {
  id: number;
  statement: string;
  highlightId: number;
  articleId: number;
  quote: string;
  createdAt: string;
}

export type Stance = 'supports' | 'disputes';

export interface EvidenceCitation {
  claimId: number;
  statement: string;
  stance: Stance;
  quote: string;
  articleId: number;
  articleTitle: string;
  outlet: string | null;
  publishedAt: string | null;
  sha256: string;
}

export interface ChronologyEvent {
  id: number;
  chronologyId: number;
  title: string;
  /** EDTF (ISO 8601-2) date string, e.g. 2025-12-31, 2025-12, 2025-12~. */
  date: string;
  /** The date in words, e.g. "31 December 2025". */
  dateLabel: string;
  description: string;
  evidence: EvidenceCitation[];
  createdAt: string;
}

export interface ChronologySummary {
  id: number;
  name: string;
  eventCount: number;
  createdAt: string;
}

export interface ChronologyDetail extends ChronologySummary {
  /** Events in date order, earliest first. */
  events: ChronologyEvent[];
}

export interface ProjectInfo {
  path: string;
  articleCount: number;
  /** Which shell the UI runs in: the Electron app or a browser. */
  transport: 'ipc' | 'http';
}

export interface PdfFile {
  fileName: string;
  /** The PDF's bytes, base64-encoded so both transports carry them as JSON. */
  base64: string;
}
