import { describe, expect, it } from 'vitest';
import { otherTitlesInStory, sameStoryLabel, sameStoryTooltip } from '../../../renderer/features/library/story-copies';
import type { ArticleSummary } from '../../../shared/api/types';

function article(id: number, storyId: number, storyArticleCount: number, title: string): ArticleSummary {
  return {
    id, title, storyId, storyArticleCount, titleInferred: false, outlet: null, author: null, publishedAt: null, url: null,
    tags: [], sha256: '', sourcePath: '', wordCount: 1, importedAt: '',
  };
}

describe('the library’s same-story badge', () => {
  it('names the other articles of a story, and nothing for articles alone', () => {
    const map = otherTitlesInStory([article(1, 1, 2, 'Wire'), article(2, 9, 1, 'Alone'), article(3, 1, 2, 'Wire, syndicated')]);
    expect(map.get(1)).toEqual(['Wire, syndicated']);
    expect(map.get(3)).toEqual(['Wire']);
    expect(map.has(2)).toBe(false);
    expect(sameStoryLabel(2)).toBe('same story as 1 other');
    expect(sameStoryLabel(4)).toBe('same story as 3 others');
    expect(sameStoryTooltip(['A', 'B'])).toBe('Near-copies of one text count as one source. Also in this story: “A”; “B”');
  });
});
