import type { ChronologyEvent, EventClaim, PassageEvidence, Stance } from '../api/types';
import type { EventInput, EvidenceItem } from './evidence';

// From a loaded event to the flat evidence the corroboration analysis reads:
// one item per passage behind each linked claim, and one per passage linked
// directly.

/**
 * The stance a passage takes on an event through a claim: a passage
 * supporting a claim that the event's evidence disputes disputes the event;
 * through a supporting claim it keeps its own stance toward the claim.
 */
export function stanceThroughClaim(eventStance: Stance, passageStance: Stance): Stance {
  return eventStance === 'supports' ? passageStance : eventStance;
}

function item(p: PassageEvidence, stance: Stance, claim: EventClaim | null): EvidenceItem {
  return {
    claimId: claim?.id ?? null,
    highlightId: p.highlightId,
    stance,
    articleId: p.articleId,
    storyId: p.storyId,
    outlet: p.outlet,
    publishedAt: p.publishedAt,
    date: claim?.date ?? null,
    quantity: claim?.quantity ?? null,
    actor: claim?.actor?.name ?? null,
  };
}

export function eventEvidence(event: Pick<ChronologyEvent, 'id' | 'date' | 'claims' | 'passages'>): EventInput {
  return {
    id: event.id,
    date: event.date,
    evidence: [
      ...event.claims.flatMap((c) => c.evidence.map((p) => item(p, stanceThroughClaim(c.eventStance, p.stance), c))),
      ...event.passages.map((p) => item(p, p.stance, null)),
    ],
  };
}
