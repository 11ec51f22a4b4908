import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { FindState } from '../../editor/ArticleEditor';
import { buildSearchIndex, findMatches, firstMatchFrom, type FoundRange, type SearchIndex } from './find-text';

interface Searched {
  query: string;
  matches: FoundRange[];
  current: number;
}

const NONE: Searched = { query: '', matches: [], current: 0 };

export interface Find {
  open: boolean;
  query: string;
  /** The query the matches belong to (the typed one, once the pause after typing has passed). */
  searched: string;
  matches: FoundRange[];
  current: number;
  /** What the editor decorates: nothing while the bar is closed. */
  state: FindState | null;
  show(): void;
  close(): void;
  setQuery(query: string): void;
  /** Moves to the next (+1) or previous (-1) match, wrapping round. */
  step(direction: 1 | -1): void;
}

/**
 * Find in the article's canonical text. The text is folded once, on first
 * use; a query runs after a short pause in typing (longer for one or two
 * letters, which match most often), and starts at the first match at or
 * after `anchor()`, the reader's place.
 */
export function useFind(text: string, anchor: () => number): Find {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState<Searched>(NONE);
  const indexRef = useRef<{ text: string; index: SearchIndex } | null>(null);
  const readAnchor = useEffectEvent(anchor);

  useEffect(() => {
    if (!open) return;
    const wait = query.trim().length < 3 ? 250 : 100;
    const timer = window.setTimeout(() => {
      if (indexRef.current?.text !== text) indexRef.current = { text, index: buildSearchIndex(text) };
      const matches = findMatches(indexRef.current.index, query);
      setSearched({ query, matches, current: firstMatchFrom(matches, readAnchor()) });
    }, wait);
    return () => window.clearTimeout(timer);
  }, [open, query, text]);

  const { matches, current } = searched;
  const state = useMemo<FindState | null>(
    () => (open && matches.length > 0 ? { ranges: matches, current } : null),
    [open, matches, current],
  );

  return {
    open,
    query,
    searched: searched.query,
    matches,
    current,
    state,
    show: () => setOpen(true),
    close: () => setOpen(false),
    setQuery,
    step(direction) {
      setSearched((s) => {
        const n = s.matches.length;
        return n === 0 ? s : { ...s, current: (s.current + direction + n) % n };
      });
    },
  };
}
