import type { ArticleSummary } from '../../../shared/api/types';

export type SortKey = 'title' | 'outlet' | 'date';
export type SortDir = 'asc' | 'desc';

export interface SortState {
  key: SortKey;
  dir: SortDir;
}

export const DEFAULT_SORT: SortState = { key: 'date', dir: 'desc' };

/** The first click on a column sorts it the natural way: A→Z, newest first. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'date' ? 'desc' : 'asc' };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Sorts a copy. Missing values (no outlet, no date) go last either way. */
export function sortArticles(articles: ArticleSummary[], { key, dir }: SortState): ArticleSummary[] {
  const sign = dir === 'asc' ? 1 : -1;
  const value = (a: ArticleSummary): string | null =>
    key === 'title' ? a.title : key === 'outlet' ? a.outlet : a.publishedAt;
  return [...articles].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || va === '') return vb === null || vb === '' ? collator.compare(a.title, b.title) : 1;
    if (vb === null || vb === '') return -1;
    const primary = key === 'date' ? (va < vb ? -1 : va > vb ? 1 : 0) : collator.compare(va, vb);
    return primary !== 0 ? sign * primary : collator.compare(a.title, b.title) || a.id - b.id;
  });
}
