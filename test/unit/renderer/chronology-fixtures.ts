import type { ChronologyEvent, EventClaim, PassageEvidence, Stance } from '../../../shared/api/types';
import { corroborate } from '../../../shared/chronology/corroboration';
import { eventEvidence, stanceThroughClaim } from '../../../shared/chronology/event-evidence';
import { dateLabel } from '../../../shared/dates/event-date';

// Loaded chronology events as chronology.get hands them to the view, built
// from a few facts; the corroboration is worked out by the shared analysis,
// as the back end does.

let nextHighlight = 1;

export interface ArticleFacts {
  articleId: number;
  title?: string;
  outlet?: string | null;
  publishedAt?: string | null;
  storyId?: number;
  reliability?: string | null;
}

export function passage(article: ArticleFacts, quote = 'words', stance: Stance = 'supports'): PassageEvidence {
  return {
    highlightId: nextHighlight++,
    stance,
    quote,
    articleId: article.articleId,
    articleTitle: article.title ?? `Article ${article.articleId}`,
    outlet: article.outlet ?? null,
    publishedAt: article.publishedAt ?? null,
    storyId: article.storyId ?? article.articleId,
    sha256: 'ab'.repeat(32),
    reliability: article.reliability ?? null,
  };
}

let nextClaim = 1;

export function claim(fields: Partial<EventClaim> & { evidence: PassageEvidence[] }): EventClaim {
  const id = fields.id ?? nextClaim++;
  const first = fields.evidence[0]!;
  return {
    id,
    statement: `Claim ${id}`,
    kind: 'event',
    actor: null,
    date: null,
    dateLabel: fields.date ? dateLabel(fields.date) : null,
    datePhrase: null,
    quantity: null,
    credibility: null,
    highlightId: first.highlightId,
    articleId: first.articleId,
    quote: first.quote,
    createdAt: '2026-01-03T00:00:00.000Z',
    updatedAt: null,
    eventStance: 'supports',
    ...fields,
  };
}

type EventFields = Partial<Omit<ChronologyEvent, 'corroboration' | 'evidence' | 'dateLabel'>> & { id: number; date: string };

/** Events with their evidence and, across them all, the corroboration the back end would compute. */
export function chronologyEvents(list: EventFields[]): ChronologyEvent[] {
  const events = list.map(
    (e): Omit<ChronologyEvent, 'corroboration'> => ({
      chronologyId: 1,
      title: `Event ${e.id}`,
      time: null,
      timeZone: null,
      place: null,
      description: '',
      descriptionDoc: null,
      actors: [],
      tags: [],
      claims: [],
      passages: [],
      createdAt: '2026-01-03T00:00:00.000Z',
      updatedAt: null,
      ...e,
      dateLabel: dateLabel(e.date),
      evidence: [
        ...(e.claims ?? []).flatMap((c) => c.evidence.map((p) => ({ ...p, stance: stanceThroughClaim(c.eventStance, p.stance), claimId: c.id, statement: c.statement }))),
        ...(e.passages ?? []).map((p) => ({ ...p, claimId: null, statement: null })),
      ],
    }),
  );
  const corroboration = corroborate(events.map(eventEvidence));
  return events.map((e) => ({ ...e, corroboration: corroboration.get(e.id)! }));
}
