import type { SourceGroup } from '../../../shared/chronology/independent-sources';
import { stanceThroughClaim } from '../../../shared/chronology/event-evidence';
import type { ChronologyEvent, EventClaim, Stance } from '../../../shared/api/types';

// The passages behind an event as the list shows them: every passage of
// every linked claim (with the claim's statement, and the stance the passage
// takes on the event through it), then the passages linked directly. Built
// from the claims rather than the flattened citations, because only the
// claims carry each passage's outlet grade and the claim's credibility.

export interface EvidenceEntry {
  /** Unique within the event: a passage can back two of its claims. */
  key: string;
  highlightId: number;
  articleId: number;
  articleTitle: string;
  outlet: string | null;
  publishedAt: string | null;
  /** The outlet's reliability grade, A-F, or null when not graded. */
  reliability: string | null;
  quote: string;
  /** The stance toward the event. */
  stance: Stance;
  /** The claim it is evidence through, or null for a passage linked directly. */
  claim: EventClaim | null;
}

export function evidenceEntries(event: Pick<ChronologyEvent, 'claims' | 'passages'>): EvidenceEntry[] {
  const entries: EvidenceEntry[] = [];
  for (const claim of event.claims) {
    for (const p of claim.evidence) {
      entries.push({
        key: `c${claim.id}-h${p.highlightId}`,
        highlightId: p.highlightId,
        articleId: p.articleId,
        articleTitle: p.articleTitle,
        outlet: p.outlet,
        publishedAt: p.publishedAt,
        reliability: p.reliability,
        quote: p.quote,
        stance: stanceThroughClaim(claim.eventStance, p.stance),
        claim,
      });
    }
  }
  for (const p of event.passages) {
    entries.push({
      key: `h${p.highlightId}`,
      highlightId: p.highlightId,
      articleId: p.articleId,
      articleTitle: p.articleTitle,
      outlet: p.outlet,
      publishedAt: p.publishedAt,
      reliability: p.reliability,
      quote: p.quote,
      stance: p.stance,
      claim: null,
    });
  }
  return entries;
}

/** Where the reader opens a passage. */
export function readerHref(articleId: number, highlightId: number): string {
  return `#/article/${articleId}/highlight/${highlightId}`;
}

export interface SourceArticle {
  articleId: number;
  title: string;
  outlet: string | null;
  publishedAt: string | null;
  reliability: string | null;
}

export interface SourceListing {
  key: string;
  name: string;
  articles: SourceArticle[];
}

/** Independent sources with the articles behind each, titled and graded from the event's passages. */
export function sourceListings(groups: readonly SourceGroup[], entries: readonly EvidenceEntry[]): SourceListing[] {
  const byArticle = new Map<number, SourceArticle>();
  for (const e of entries) {
    if (!byArticle.has(e.articleId)) {
      byArticle.set(e.articleId, { articleId: e.articleId, title: e.articleTitle, outlet: e.outlet, publishedAt: e.publishedAt, reliability: e.reliability });
    }
  }
  return groups.map((g) => ({
    key: g.key,
    name: g.name,
    articles: g.articleIds.flatMap((id) => {
      const article = byArticle.get(id);
      return article ? [article] : [];
    }),
  }));
}

export function sourceCountWords(n: number): string {
  return n === 1 ? '1 source' : `${n.toLocaleString('en-GB')} sources`;
}
