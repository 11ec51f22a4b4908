import type { AnchorStatus } from '../anchoring/anchor';
import type { EventCorroboration } from '../chronology/corroboration';
import type { QuantitySeries } from '../chronology/quantity-series';
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

export type ClaimKind = 'event' | 'quantity' | 'quote' | 'allegation' | 'denial' | 'other';
export type Stance = 'supports' | 'disputes' | 'qualifies';
/** How a quantity's value is meant: "more than 110" is '>', "about 80" is '~'. */
export type Comparator = '=' | '>' | '>=' | '<' | '<=' | '~';

export interface Quantity {
  value: number;
  comparator: Comparator;
  /** What is counted, e.g. "people killed", "strikes"; claims with one unit measure one thing. */
  unit: string;
  /** EDTF date the figure holds at, e.g. 2026-01-02. */
  asOf: string | null;
}

export interface ActorRef {
  id: number;
  name: string;
}

/** A managed actor (who asserts claims, who takes part in events). */
export interface Actor extends ActorRef {
  claimCount: number;
  eventCount: number;
  createdAt: string;
}

/** A passage that is evidence, with where it comes from. */
export interface PassageEvidence {
  highlightId: number;
  stance: Stance;
  quote: string;
  articleId: number;
  articleTitle: string;
  outlet: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  storyId: number;
  sha256: string;
  /** The outlet's reliability grade (A-F), if graded. */
  reliability: string | null;
}

export interface Claim {
  id: number;
  statement: string;
  kind: ClaimKind;
  /** Who asserts it. */
  actor: ActorRef | null;
  /** EDTF date the claim asserts, as accepted by the researcher. */
  date: string | null;
  /** The date in words ("31 December 2025"). */
  dateLabel: string | null;
  /** The words the date was read from ("on Wednesday"). */
  datePhrase: string | null;
  quantity: Quantity | null;
  /** Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged). */
  credibility: number | null;
  /** Its passages, the first first. */
  evidence: PassageEvidence[];
  /** The first passage's highlight, article and words (every claim has at least one). */
  highlightId: number;
  articleId: number;
  quote: string;
  createdAt: string;
  updatedAt: string | null;
}

/** A date expression found in a passage, resolved against its article's publication date. */
export interface DateSuggestion {
  /** The words as they stand in the passage ("on Wednesday"). */
  text: string;
  /** EDTF value, or null when it cannot be resolved without a publication date. */
  edtf: string | null;
  /** The value in words. */
  label: string | null;
}

export interface DateSuggestions {
  articleId: number;
  /** The reference date used (the article's publication date), or null when the article has none. */
  reference: string | null;
  suggestions: DateSuggestion[];
}

/** An outlet with its Admiralty source-reliability grade. */
export interface Source {
  outlet: string;
  /** A (completely reliable) to F (cannot be judged); null when not graded. */
  reliability: string | null;
  articleCount: number;
}

/** One passage behind an event, through a claim or linked directly. */
export interface EvidenceCitation extends PassageEvidence {
  /** The claim it is evidence through, or null for a passage linked to the event directly. */
  claimId: number | null;
  statement: string | null;
}

/** A claim as evidence of an event, with the stance it has there. */
export interface EventClaim extends Claim {
  eventStance: Stance;
}

export interface ChronologyEvent {
  id: number;
  chronologyId: number;
  title: string;
  /** EDTF (ISO 8601-2) date string, e.g. 2025-12-31, 2025-12, 2025-12~. */
  date: string;
  /** The date in words, e.g. "31 December 2025". */
  dateLabel: string;
  /** HH:MM local to timeZone, if known. */
  time: string | null;
  timeZone: string | null;
  place: string | null;
  /** The description's plain text. */
  description: string;
  /** The description as rich text (Tiptap JSON), or null. */
  descriptionDoc: ContentDoc | null;
  actors: ActorRef[];
  tags: TagRef[];
  /** Claims that are its evidence, in the order they were linked. */
  claims: EventClaim[];
  /** Passages linked to it directly. */
  passages: PassageEvidence[];
  /** Every passage behind it, flattened: the claims' passages, then the direct ones. */
  evidence: EvidenceCitation[];
  /** Its independent sources (syndicated copies and one outlet's stories count once) and where its evidence disagrees. */
  corroboration: EventCorroboration;
  createdAt: string;
  updatedAt: string | null;
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
  /** Each measure's figures over time across the chronology (the quantity chart), one mark per source. */
  quantitySeries: QuantitySeries[];
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
