import type { EvidenceItem } from './evidence';

// Independent sources. Two articles are one source when they are copies of
// one story (the import's near-copy clusters: a wire story run by AP and by
// The Independent) or come from one outlet (two stories by one newsroom are
// one voice, however many times it speaks). The relation is transitive, so
// the sources are the connected components of articles joined by either
// link. Articles without an outlet join by their story alone.
//
// Components are taken over the evidence in hand (one event's, one claim's),
// not over the whole project: across a whole project a syndicated wire
// story would chain nearly every outlet into one "source".

export interface SourceGroup {
  /** Stable for the same evidence: "s" and the group's smallest article id. */
  key: string;
  /** "AP / The Independent"; "Unknown outlet (story 12)" when no article names its outlet. */
  name: string;
  /** Distinct outlets as first written, in alphabetical order. */
  outlets: string[];
  articleIds: number[];
  storyIds: number[];
  /** Claims backed by this source's passages (passages linked without a claim are in highlightIds only). */
  claimIds: number[];
  highlightIds: number[];
}

const MAX_REMEMBERED = 10_000;
const keys = new Map<string, string | null>();
const spellings = new Map<string, string>();

function remember<T>(cache: Map<string, T>, outlet: string, value: T): T {
  if (cache.size >= MAX_REMEMBERED) cache.clear();
  cache.set(outlet, value);
  return value;
}

/** The outlet as compared: trimmed, inner white space collapsed, lower case; null when empty. */
export function outletKey(outlet: string | null): string | null {
  if (outlet === null) return null;
  const known = keys.get(outlet);
  if (known !== undefined) return known;
  const key = outletSpelling(outlet).toLowerCase();
  return remember(keys, outlet, key === '' ? null : key);
}

/** The outlet as shown: as written, without stray white space. */
function outletSpelling(outlet: string): string {
  return spellings.get(outlet) ?? remember(spellings, outlet, outlet.trim().replace(/\s+/g, ' '));
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    const up = parent[parent[i]!]!;
    parent[i] = up;
    i = up;
  }
  return i;
}

function union(parent: number[], a: number, b: number): void {
  const ra = find(parent, a);
  const rb = find(parent, b);
  // The earlier article becomes the root, so a group's order is its first appearance.
  if (ra < rb) parent[rb] = ra;
  else if (rb < ra) parent[ra] = rb;
}

const byName = (a: string, b: string) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};
const ascending = (a: number, b: number) => a - b;

function addOnce(list: number[], value: number): void {
  if (!list.includes(value)) list.push(value);
}

// Evidence for one event or one claim is a handful of passages: plain arrays
// searched in order beat maps and sets there, and allocate far less (a whole
// chronology's worth of maps kept the collector busy for a third of the time).
// Past a few dozen articles, maps keep it linear.
const FEW = 32;

interface Building {
  outlets: string[];
  outletKeys: string[];
  articleIds: number[];
  storyIds: number[];
  claimIds: number[];
  highlightIds: number[];
}

/** The independent sources among these passages, in the order their first passage appears. */
export function groupSources(items: readonly EvidenceItem[]): SourceGroup[] {
  if (items.length === 0) return [];
  // Articles in order of first appearance, with the first item naming each.
  const articles: EvidenceItem[] = [];
  const articleIds: number[] = [];
  const index = items.length > FEW ? new Map<number, number>() : null;
  const itemArticle = new Array<number>(items.length);
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    let i = index ? (index.get(item.articleId) ?? -1) : articleIds.indexOf(item.articleId);
    if (i === -1) {
      i = articles.length;
      articles.push(item);
      articleIds.push(item.articleId);
      index?.set(item.articleId, i);
    }
    itemArticle[k] = i;
  }
  const parent = articles.map((_, i) => i);
  const outletKeys = articles.map((a) => outletKey(a.outlet));
  if (index) {
    const stories = new Map<number, number>();
    const outlets = new Map<string, number>();
    for (let i = 0; i < articles.length; i++) {
      const story = stories.get(articles[i]!.storyId);
      if (story === undefined) stories.set(articles[i]!.storyId, i);
      else union(parent, story, i);
      const outlet = outletKeys[i]!;
      if (outlet === null) continue;
      const same = outlets.get(outlet);
      if (same === undefined) outlets.set(outlet, i);
      else union(parent, same, i);
    }
  } else {
    for (let i = 1; i < articles.length; i++) {
      for (let j = 0; j < i; j++) {
        if (articles[j]!.storyId === articles[i]!.storyId || (outletKeys[i] !== null && outletKeys[j] === outletKeys[i])) {
          union(parent, j, i);
        }
      }
    }
  }

  // Indexed by root article; roots come first in their group, so groups
  // come out in the order their first passage appears.
  const building: (Building | undefined)[] = new Array(articles.length);
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const root = find(parent, itemArticle[k]!);
    const key = outletKeys[itemArticle[k]!]!;
    const b = building[root];
    if (!b) {
      // Literals sized to their first value: most sources are one article
      // behind one claim, and arrays grown by push reserve room for 17.
      building[root] = {
        outlets: key === null ? [] : [outletSpelling(item.outlet!)],
        outletKeys: key === null ? [] : [key],
        articleIds: [item.articleId],
        storyIds: [item.storyId],
        claimIds: item.claimId === null ? [] : [item.claimId],
        highlightIds: [item.highlightId],
      };
      continue;
    }
    if (key !== null && !b.outletKeys.includes(key)) {
      b.outletKeys.push(key);
      b.outlets.push(outletSpelling(item.outlet!));
    }
    addOnce(b.articleIds, item.articleId);
    addOnce(b.storyIds, item.storyId);
    if (item.claimId !== null) addOnce(b.claimIds, item.claimId);
    addOnce(b.highlightIds, item.highlightId);
  }

  const groups: SourceGroup[] = [];
  for (const b of building) {
    if (!b) continue;
    if (b.outlets.length > 1) b.outlets.sort(byName);
    if (b.articleIds.length > 1) b.articleIds.sort(ascending);
    if (b.storyIds.length > 1) b.storyIds.sort(ascending);
    if (b.claimIds.length > 1) b.claimIds.sort(ascending);
    if (b.highlightIds.length > 1) b.highlightIds.sort(ascending);
    groups.push({
      key: `s${b.articleIds[0]}`,
      name: b.outlets.length > 0 ? b.outlets.join(' / ') : `Unknown outlet (story ${b.storyIds.join(', ')})`,
      outlets: b.outlets,
      articleIds: b.articleIds,
      storyIds: b.storyIds,
      claimIds: b.claimIds,
      highlightIds: b.highlightIds,
    });
  }
  return groups;
}

/** The group holding an article, if any. */
export function sourceOf(groups: readonly SourceGroup[], articleId: number): SourceGroup | undefined {
  return groups.find((g) => g.articleIds.includes(articleId));
}
