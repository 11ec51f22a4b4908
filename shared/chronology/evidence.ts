// A chronology's events with their evidence, in the flat shape the
// corroboration analysis reads. The back end builds these from SQL (one row
// per highlight behind each linked claim); the analysis never sees the
// database, so it runs as well in the renderer as in the CLI.

import type { Comparator, Quantity, Stance } from '../api/types';

// The claim vocabulary is the API's: a stance, a comparator ("> 80" is more
// than 80, "~ 80" about 80) and a quantity with its unit and as-of date.
export type { Comparator, Stance };
export type QuantityClaim = Quantity;

export interface EvidenceItem {
  /** null when a passage is linked directly (no claim). */
  claimId: number | null;
  highlightId: number;
  stance: Stance;
  articleId: number;
  /** Near-copies of one text (syndicated wire copy, a page saved twice) share one. */
  storyId: number;
  /** As the article gives it; compared case-insensitively, trimmed. */
  outlet: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  /** EDTF date the claim asserts for the event, if any. */
  date: string | null;
  quantity: QuantityClaim | null;
  /** Who asserts it. */
  actor: string | null;
}

export interface EventInput {
  id: number;
  /** EDTF */
  date: string;
  evidence: EvidenceItem[];
}

/** The claim an item stands for: the claim id, or the passage itself when linked without a claim. */
export function claimKey(item: Pick<EvidenceItem, 'claimId' | 'highlightId'>): string {
  return item.claimId === null ? `h${item.highlightId}` : `c${item.claimId}`;
}

/** Stances that back the event: counted on the badge and compared for dates. */
export function backsEvent(stance: Stance): boolean {
  return stance !== 'disputes';
}
