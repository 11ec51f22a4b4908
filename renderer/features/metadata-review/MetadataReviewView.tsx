import { useCallback, useEffect, useMemo, useState } from 'react';
import { METADATA_LABELS } from '../../../shared/api/article-metadata';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { useDataVersion } from '../../app/data-version';
import { plural } from '../../app/format';
import { navigate } from '../../app/router';
import { ErrorNote, Loading } from '../../app/ui';
import {
  clamp,
  type Cursor,
  editKey,
  editProblems,
  type Edits,
  editsToUpdates,
  fillDown,
  REVIEW_COLUMNS,
  type ReviewField,
  selectedRows,
  withEdits,
} from './review-grid';
import { ReviewGrid } from './ReviewGrid';

// The review table after a bulk import (or for any articles): correct
// titles, outlets, dates... across many articles from the keyboard, then
// write every correction in one call that the back end applies all together
// or not at all.

const NO_EDITS: Edits = new Map();

function KeyHelp() {
  return (
    <p className="review-help">
      <kbd>↑↓←→</kbd> <kbd>Tab</kbd> move · <kbd>Enter</kbd> <kbd>F2</kbd> or typing edits, <kbd>Enter</kbd> keeps and goes down, <kbd>Esc</kbd>{' '}
      cancels · <kbd>Shift</kbd>+<kbd>↓</kbd> or Shift+click selects down a column · <kbd>Ctrl</kbd>+<kbd>D</kbd> fills down · <kbd>Delete</kbd> clears
    </p>
  );
}

export function MetadataReviewView({ articleIds }: { articleIds?: number[] }) {
  const input = useMemo(() => (articleIds ? { articleIds } : {}), [articleIds]);
  const query = useQuery('articles.metadata', input);
  const { changed } = useDataVersion();
  const rows = useMemo(() => query.data ?? [], [query.data]);
  const [edits, setEdits] = useState<Edits>(NO_EDITS);
  const [cursor, setCursor] = useState<Cursor>({ row: 0, col: 0, anchor: 0 });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Bumped to put the keyboard back in the grid (on the cell that needs fixing).
  const [focusRequest, setFocusRequest] = useState(0);

  const problemList = useMemo(() => editProblems(edits, rows), [edits, rows]);
  const problems = useMemo(() => new Map(problemList.map((p) => [editKey(p.articleId, p.field), p])), [problemList]);
  const editedArticles = useMemo(() => new Set([...edits.keys()].map((k) => k.split(':')[0])).size, [edits]);

  // A shorter list after a reload must not leave the cursor outside it.
  const safeCursor = useMemo(
    () => (rows.length ? { ...cursor, row: clamp(cursor.row, 0, rows.length - 1), anchor: clamp(cursor.anchor, 0, rows.length - 1) } : cursor),
    [cursor, rows.length],
  );
  const field = REVIEW_COLUMNS[safeCursor.col]!.field;

  const edit = useCallback(
    (f: ReviewField, rowIndexes: number[], text: string) => {
      setSaved(null);
      setEdits((e) => withEdits(e, rows, f, rowIndexes, text));
    },
    [rows],
  );

  const onFillDown = useCallback(() => {
    setSaved(null);
    setEdits((e) => fillDown(e, rows, field, safeCursor.anchor, safeCursor.row));
  }, [rows, field, safeCursor.anchor, safeCursor.row]);

  const onClear = useCallback(() => edit(field, selectedRows(safeCursor), ''), [edit, field, safeCursor]);

  // Closing the window with corrections not saved asks first.
  useEffect(() => {
    if (edits.size === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [edits.size]);

  const save = async () => {
    setError(null);
    setSaved(null);
    const first = problemList[0];
    if (first) {
      const row = rows.findIndex((r) => r.id === first.articleId);
      const col = REVIEW_COLUMNS.findIndex((c) => c.field === first.field);
      if (row >= 0) setCursor({ row, col, anchor: row });
      const title = rows[row]?.title ?? `article ${first.articleId}`;
      const what = first.field === 'publishedAt' ? 'published date' : first.field === 'url' ? 'URL' : METADATA_LABELS[first.field].toLocaleLowerCase();
      setFocusRequest((n) => n + 1);
      setError(
        `Nothing was saved: the ${what} of “${title}” needs fixing first. ${first.message.charAt(0).toLocaleUpperCase()}${first.message.slice(1)}.` +
          (problemList.length > 1 ? ` ${plural(problemList.length - 1, 'other cell')} marked in red need${problemList.length === 2 ? 's' : ''} fixing too.` : ''),
      );
      return;
    }
    const updates = editsToUpdates(edits, rows);
    if (updates.length === 0) return;
    setSaving(true);
    const result = await call('articles.updateMetadata', { updates });
    setSaving(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const cells = edits.size;
    setEdits(NO_EDITS);
    setSaved(`Saved ${plural(cells, 'correction')} to ${plural(updates.length, 'article')}.`);
    changed();
  };

  const discard = () => {
    setEdits(NO_EDITS);
    setError(null);
    setSaved(null);
  };

  const scope = articleIds ? 'chosen from the library or an import' : 'every article in the library';

  return (
    <div className="view review-view">
      <nav className="crumbs" aria-label="Breadcrumb">
        <a href="#/library">Library</a> <span className="muted">/</span> Review metadata
      </nav>
      <header className="view-header review-header-bar">
        <div>
          <h1>Review metadata</h1>
          <p className="view-sub">
            {query.data ? `${plural(rows.length, 'article')} · ${scope}` : '\u00a0'}
            {edits.size > 0 && (
              <span className="review-pending" data-testid="pending-count">
                {' '}
                · {plural(edits.size, 'unsaved correction')} in {plural(editedArticles, 'article')}
              </span>
            )}
          </p>
        </div>
        <div className="view-actions">
          <button type="button" className="btn btn-secondary" disabled={edits.size === 0 || saving} onClick={discard}>
            Discard
          </button>
          <button type="button" className="btn btn-primary" disabled={edits.size === 0 || saving} onClick={() => void save()}>
            {saving ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      </header>

      <ErrorNote>{error}</ErrorNote>
      <ErrorNote>{query.error?.message}</ErrorNote>
      {saved && (
        <p className="notice notice-ok" role="status">
          {saved}
        </p>
      )}
      {query.data === undefined && !query.error && <Loading />}
      {query.data && rows.length === 0 && <p className="muted">There are no articles to review.</p>}
      {rows.length > 0 && (
        <>
          <KeyHelp />
          <ReviewGrid
            rows={rows}
            edits={edits}
            problems={problems}
            cursor={safeCursor}
            onCursor={setCursor}
            onEdit={edit}
            onFillDown={onFillDown}
            onClear={onClear}
            focusRequest={focusRequest}
          />
        </>
      )}
      {rows.length > 0 && (
        <p className="review-foot muted">
          Each value shows where it came from underneath. Dates are a day (2025-12-31) or a date and time with its offset
          (2025-12-31T14:30+01:00). <button type="button" className="btn btn-link" onClick={() => navigate({ view: 'library' })}>Back to the library</button>
        </p>
      )}
    </div>
  );
}
