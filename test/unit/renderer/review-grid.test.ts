import { describe, expect, it } from 'vitest';
import type { ArticleMetadata } from '../../../shared/api/article-metadata';
import { publishedAtProblem } from '../../../shared/api/article-metadata';
import {
  cellText,
  editProblems,
  editsToUpdates,
  fillDown,
  moveCursor,
  REVIEW_COLUMNS,
  selectedRows,
  tabCursor,
  withEdits,
  type Edits,
} from '../../../renderer/features/metadata-review/review-grid';
import { idRanges, parseIdRanges } from '../../../renderer/app/router';

const article = (id: number, over: Partial<ArticleMetadata> = {}): ArticleMetadata => ({
  id,
  sourcePath: `/a/${id}.txt`,
  title: `Article ${id}`,
  titleInferred: false,
  subtitle: null,
  outlet: null,
  author: null,
  publishedAt: null,
  language: null,
  section: null,
  tags: [],
  url: null,
  fieldSources: { title: 'first line' },
  ...over,
});

const rows = [article(1, { outlet: 'AP' }), article(2), article(3, { tags: ['a', 'b'] }), article(4)];
const none: Edits = new Map();

describe('review grid model', () => {
  it('fills the top cell of a selection down, or the cell above into a single cell', () => {
    const many = fillDown(none, rows, 'outlet', 0, 2);
    expect(rows.map((r) => cellText(r, 'outlet', many))).toEqual(['AP', 'AP', 'AP', '']);
    const one = fillDown(none, rows, 'outlet', 1, 1);
    expect(rows.map((r) => cellText(r, 'outlet', one))).toEqual(['AP', 'AP', '', '']);
    expect(fillDown(none, rows, 'outlet', 0, 0)).toBe(none);
  });

  it('forgets an edit that returns a cell to its stored value', () => {
    const edited = withEdits(none, rows, 'outlet', [0], 'Reuters');
    expect(edited.size).toBe(1);
    expect(withEdits(edited, rows, 'outlet', [0], 'AP').size).toBe(0);
    expect(withEdits(none, rows, 'tags', [2], 'a, b').size).toBe(0);
  });

  it('turns edits into one batch: tags split, empty cells cleared', () => {
    let edits = withEdits(none, rows, 'outlet', [0, 1], 'Reuters');
    edits = withEdits(edits, rows, 'tags', [2], 'oil,  Venezuela , oil');
    edits = withEdits(edits, rows, 'outlet', [0], '');
    expect(editsToUpdates(edits, rows)).toEqual([
      { articleId: 1, fields: { outlet: null } },
      { articleId: 2, fields: { outlet: 'Reuters' } },
      { articleId: 3, fields: { tags: ['oil', 'Venezuela'] } },
    ]);
  });

  it('flags values the back end would refuse', () => {
    const edits = withEdits(withEdits(none, rows, 'publishedAt', [1], '31/12/2025'), rows, 'title', [3], ' ');
    expect(editProblems(edits, rows).map((p) => [p.articleId, p.field])).toEqual([
      [2, 'publishedAt'],
      [4, 'title'],
    ]);
  });

  it('moves, extends down a column and tabs along rows', () => {
    const c = { row: 1, col: 1, anchor: 1 };
    expect(moveCursor(c, 4, 1, 0)).toEqual({ row: 2, col: 1, anchor: 2 });
    const extended = moveCursor(moveCursor(c, 4, 1, 0, true), 4, 1, 0, true);
    expect(selectedRows(extended)).toEqual([1, 2, 3]);
    expect(moveCursor(c, 4, 10, 0)).toEqual({ row: 3, col: 1, anchor: 3 });
    const last = REVIEW_COLUMNS.length - 1;
    expect(tabCursor({ row: 0, col: last, anchor: 0 }, 4, false)).toEqual({ row: 1, col: 0, anchor: 1 });
    expect(tabCursor({ row: 1, col: 0, anchor: 1 }, 4, true)).toEqual({ row: 0, col: last, anchor: 0 });
  });
});

describe('published dates a researcher types', () => {
  it('takes a day or a date-time with an offset', () => {
    expect(publishedAtProblem('2025-12-31')).toBeNull();
    expect(publishedAtProblem('2025-12-31T14:30+01:00')).toBeNull();
    expect(publishedAtProblem('2025-12-31T13:30:05.120Z')).toBeNull();
    expect(publishedAtProblem('2024-02-29')).toBeNull();
  });

  it('refuses the rest with a sentence', () => {
    expect(publishedAtProblem('2025-02-29')).toContain('not a day of the calendar');
    expect(publishedAtProblem('2025-12-31T14:30')).toContain('no time zone offset');
    expect(publishedAtProblem('2025-12-31T25:00Z')).toContain('not a real date and time');
    expect(publishedAtProblem('yesterday')).toContain('not a date Annalist understands');
  });
});

describe('article ids in the address', () => {
  it('are written as ranges and read back', () => {
    expect(idRanges([3, 4, 5, 6, 9, 11, 12])).toBe('3-6,9,11-12');
    expect(parseIdRanges('3-6,9,11-12')).toEqual([3, 4, 5, 6, 9, 11, 12]);
    expect(parseIdRanges('3-x')).toBeNull();
    expect(parseIdRanges('9-3')).toBeNull();
  });
});
