import { useEffect, useRef } from 'react';
import type { Find } from './use-find';

/** "3 of 12", "No matches", or nothing before a query. */
export function matchCountLabel(find: Pick<Find, 'query' | 'searched' | 'matches' | 'current'>): string {
  if (!find.query.trim() || !find.searched.trim()) return '';
  const n = find.matches.length;
  if (n === 0) return 'No matches';
  return `${(find.current + 1).toLocaleString('en-GB')} of ${n.toLocaleString('en-GB')}`;
}

/** The reader's own find bar; `focusKey` changes each time Ctrl/Cmd+F is pressed, to focus and select the query again. */
export function FindBar({ find, focusKey }: { find: Find; focusKey: number }) {
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusKey]);

  const label = matchCountLabel(find);
  const none = find.matches.length === 0;

  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={inputRef}
        className="input find-input"
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={find.query}
        spellCheck={false}
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            find.step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            find.close();
          }
        }}
      />
      <span className={`find-count${label === 'No matches' ? ' is-none' : ''}`} data-testid="find-count" aria-live="polite">
        {label}
      </span>
      <button type="button" className="btn btn-quiet btn-small btn-icon" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={none} onClick={() => find.step(-1)}>
        ↑
      </button>
      <button type="button" className="btn btn-quiet btn-small btn-icon" aria-label="Next match" title="Next match (Enter)" disabled={none} onClick={() => find.step(1)}>
        ↓
      </button>
      <button type="button" className="btn btn-quiet btn-small btn-icon" aria-label="Close find" title="Close (Escape)" onClick={find.close}>
        ×
      </button>
    </div>
  );
}
