import type { Claim, PassageEvidence } from '../../../shared/api/types';
import type { DateMention } from '../../../shared/dates/date-mentions';
import { dateLabel } from '../../../shared/dates/event-date';

// Dates an event's evidence offers for the event: the dates its claims
// assert (as accepted on each claim) and the dates its passages mention,
// resolved against each passage's article publication date. Every one is a
// suggestion until the researcher clicks it; a relative phrase in an
// article without a publication date is named, never guessed.

/** shared/dates/date-mentions.ts findDateMentions; passed in so the form can load chrono-node when it opens. */
export type FindDateMentions = (text: string, reference: string | null) => DateMention[];

export interface DateSuggestionChip {
  edtf: string;
  label: string;
  /** Where it came from, each as "“on Wednesday” in BBC, 2 January 2026" or "claim “…” (BBC)". */
  origins: string[];
  /** The first phrase it was read from, if any. */
  phrase: string | null;
  /** True when a claim asserts it (accepted there); false when only read from a passage. */
  asserted: boolean;
}

export interface UndatablePhrase {
  phrase: string;
  articleTitle: string;
}

export interface EventDateSuggestions {
  chips: DateSuggestionChip[];
  undatable: UndatablePhrase[];
}

function sourceName(p: Pick<PassageEvidence, 'outlet' | 'articleTitle'>): string {
  return p.outlet ?? p.articleTitle;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

export function eventDateSuggestions(
  claims: readonly Pick<Claim, 'id' | 'statement' | 'date' | 'datePhrase' | 'evidence'>[],
  passages: readonly PassageEvidence[],
  find: FindDateMentions,
): EventDateSuggestions {
  const chips = new Map<string, DateSuggestionChip>();
  const add = (edtf: string, origin: string, phrase: string | null, asserted: boolean) => {
    const chip = chips.get(edtf);
    if (chip) {
      if (!chip.origins.includes(origin)) chip.origins.push(origin);
      chip.asserted ||= asserted;
      chip.phrase ??= phrase;
      return;
    }
    chips.set(edtf, { edtf, label: dateLabel(edtf), origins: [origin], phrase, asserted });
  };

  for (const claim of claims) {
    if (!claim.date) continue;
    const first = claim.evidence[0];
    add(claim.date, `claim “${truncate(claim.statement, 60)}”${first ? ` (${sourceName(first)})` : ''}`, claim.datePhrase, true);
  }

  const undatable: UndatablePhrase[] = [];
  const seenPassages = new Set<number>();
  const allPassages = [...claims.flatMap((c) => c.evidence), ...passages];
  for (const p of allPassages) {
    if (seenPassages.has(p.highlightId)) continue;
    seenPassages.add(p.highlightId);
    for (const mention of find(p.quote, p.publishedAt)) {
      if (mention.edtf) {
        const from = p.publishedAt ? `, ${dateLabel(p.publishedAt)}` : '';
        add(mention.edtf, `“${mention.text}” in ${sourceName(p)}${from}`, mention.text, false);
      } else if (mention.reason === 'needs-publication-date') {
        if (!undatable.some((u) => u.phrase === mention.text && u.articleTitle === p.articleTitle)) {
          undatable.push({ phrase: mention.text, articleTitle: p.articleTitle });
        }
      }
    }
  }
  return { chips: [...chips.values()], undatable };
}
