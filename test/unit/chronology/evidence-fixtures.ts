import type { EventInput, EvidenceItem } from '../../../shared/chronology/evidence';

// Evidence as the back end would hand it over, with only what a test is
// about spelled out: every item is its own claim and passage, every article
// its own story and outlet-less, unless the test says otherwise.

let next = 1;

export function item(fields: Partial<EvidenceItem> & { articleId: number }): EvidenceItem {
  const id = next++;
  return {
    claimId: id,
    highlightId: id,
    stance: 'supports',
    storyId: fields.articleId,
    outlet: null,
    publishedAt: null,
    date: null,
    quantity: null,
    actor: null,
    ...fields,
  };
}

export function event(id: number, date: string, evidence: EvidenceItem[]): EventInput {
  return { id, date, evidence };
}
