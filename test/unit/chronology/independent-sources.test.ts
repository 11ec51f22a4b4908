import { describe, expect, it } from 'vitest';
import type { EvidenceItem } from '../../../shared/chronology/evidence';
import { groupSources, outletKey } from '../../../shared/chronology/independent-sources';
import { rng } from '../../bench/generated-articles';
import { item } from './evidence-fixtures';

const OUTLETS = ['AP', 'ap ', 'Reuters', 'BBC', 'The  Independent', 'the independent', null, null];

function randomEvidence(seed: number, count: number): EvidenceItem[] {
  const next = rng(seed);
  const outletOf = new Map<number, string | null>();
  const storyOf = new Map<number, number>();
  return Array.from({ length: count }, () => {
    const articleId = 1 + Math.floor(next() * count * 0.8);
    if (!outletOf.has(articleId)) {
      outletOf.set(articleId, OUTLETS[Math.floor(next() * OUTLETS.length)]!);
      storyOf.set(articleId, 1 + Math.floor(next() * count * 0.5));
    }
    return item({ articleId, outlet: outletOf.get(articleId)!, storyId: storyOf.get(articleId)! });
  });
}

/** The components by search over the relation itself: the answer union-find must give. */
function reference(items: EvidenceItem[]): number[][] {
  const articles = [...new Map(items.map((i) => [i.articleId, i])).values()];
  const linked = (a: EvidenceItem, b: EvidenceItem) =>
    a.storyId === b.storyId || (outletKey(a.outlet) !== null && outletKey(a.outlet) === outletKey(b.outlet));
  const seen = new Set<number>();
  const components: number[][] = [];
  for (const start of articles) {
    if (seen.has(start.articleId)) continue;
    const component: number[] = [];
    const queue = [start];
    seen.add(start.articleId);
    while (queue.length > 0) {
      const a = queue.pop()!;
      component.push(a.articleId);
      for (const b of articles) {
        if (!seen.has(b.articleId) && linked(a, b)) {
          seen.add(b.articleId);
          queue.push(b);
        }
      }
    }
    components.push(component.sort((x, y) => x - y));
  }
  return components;
}

describe('independent sources', () => {
  it.each([
    [1, 6],
    [2, 12],
    [3, 30],
    [4, 40],
    [5, 200],
  ])('are the components of "same story or same outlet" (seed %d, %d passages)', (seed, count) => {
    const items = randomEvidence(seed, count);
    expect(groupSources(items).map((g) => g.articleIds)).toEqual(reference(items));
  });

  it('list each article, story, claim and passage once, in order', () => {
    const a = item({ articleId: 3, storyId: 1, outlet: 'AP' });
    const b = item({ articleId: 1, storyId: 1, outlet: 'The Independent', claimId: a.claimId });
    const c = item({ articleId: 3, storyId: 1, outlet: 'AP' });
    const [group] = groupSources([a, b, c]);
    expect(group).toEqual({
      key: 's1',
      name: 'AP / The Independent',
      outlets: ['AP', 'The Independent'],
      articleIds: [1, 3],
      storyIds: [1],
      claimIds: [a.claimId, c.claimId].sort((x, y) => x! - y!),
      highlightIds: [a.highlightId, b.highlightId, c.highlightId].sort((x, y) => x - y),
    });
  });

  it('keep the outlet as first written, without stray white space, and compare it folded', () => {
    const groups = groupSources([
      item({ articleId: 1, storyId: 1, outlet: '  The   Independent ' }),
      item({ articleId: 2, storyId: 2, outlet: 'THE INDEPENDENT' }),
    ]);
    expect(groups.map((g) => g.outlets)).toEqual([['The Independent']]);
    expect(outletKey('  The   Independent ')).toBe(outletKey('the independent'));
    expect(outletKey('   ')).toBeNull();
  });

  it('are none for no evidence', () => {
    expect(groupSources([])).toEqual([]);
  });
});
