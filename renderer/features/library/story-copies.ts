import type { ArticleSummary } from '../../../shared/api/types';

// Near-copies (the same text under other outlets or page chrome) share a
// story; the library marks them so a researcher sees which articles count as
// one source.

/** For each article whose story holds others, the titles of those others. */
export function otherTitlesInStory(articles: ArticleSummary[]): Map<number, string[]> {
  const byStory = new Map<number, ArticleSummary[]>();
  for (const a of articles) {
    if (a.storyArticleCount < 2) continue;
    const list = byStory.get(a.storyId);
    if (list) list.push(a);
    else byStory.set(a.storyId, [a]);
  }
  const out = new Map<number, string[]>();
  for (const members of byStory.values()) {
    for (const a of members) out.set(a.id, members.filter((m) => m.id !== a.id).map((m) => m.title));
  }
  return out;
}

export function sameStoryLabel(storyArticleCount: number): string {
  const others = storyArticleCount - 1;
  return `same story as ${others === 1 ? '1 other' : `${others.toLocaleString('en-GB')} others`}`;
}

export function sameStoryTooltip(otherTitles: string[]): string {
  return `Near-copies of one text count as one source. Also in this story: ${otherTitles.map((t) => `“${t}”`).join('; ')}`;
}
