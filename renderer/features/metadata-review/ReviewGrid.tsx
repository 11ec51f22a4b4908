import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { EDITED_SOURCE, type ArticleMetadata } from '../../../shared/api/article-metadata';
import {
  cellText,
  type CellProblem,
  type Cursor,
  editKey,
  type Edits,
  moveCursor,
  REVIEW_COLUMNS,
  type ReviewField,
  tabCursor,
} from './review-grid';

// A spreadsheet-like grid over the articles' metadata. Only the rows in view
// (and a few either side) are in the DOM, so a review of thousands of
// articles scrolls and types as fast as one of five. Rows have one fixed
// height, which makes the window a division rather than a measurement.

export const ROW_HEIGHT = 50;
const OVERSCAN = 8;
const GRID_COLUMNS = `44px ${REVIEW_COLUMNS.map((c) => c.width).join(' ')}`;

export interface ReviewGridProps {
  rows: ArticleMetadata[];
  edits: Edits;
  problems: ReadonlyMap<string, CellProblem>;
  cursor: Cursor;
  onCursor: (cursor: Cursor) => void;
  /** Sets the cell text of the given rows in one column. */
  onEdit: (field: ReviewField, rowIndexes: number[], text: string) => void;
  /** Ctrl+D over the selection. */
  onFillDown: () => void;
  /** Delete or Backspace over the selection. */
  onClear: () => void;
  /** A new value puts the keyboard focus in the grid. */
  focusRequest?: number;
}

interface Draft {
  row: number;
  col: number;
  text: string;
}

const cellId = (row: number, col: number) => `review-cell-${row}-${col}`;

function sourceLabel(article: ArticleMetadata, field: ReviewField, edited: boolean, problem: CellProblem | undefined): string {
  if (problem) return 'cannot be saved';
  if (edited) return 'unsaved';
  return article.fieldSources[field] ?? '';
}

interface RowProps {
  article: ArticleMetadata;
  index: number;
  edits: Edits;
  problems: ReadonlyMap<string, CellProblem>;
  /** Columns of this row that are active or selected (empty for most rows, so memo holds). */
  activeCol: number | null;
  selectedCols: string;
  draft: Draft | null;
  onCellMouseDown: (event: MouseEvent, row: number, col: number) => void;
  onCellDoubleClick: (row: number, col: number) => void;
  onDraftChange: (text: string) => void;
  onDraftKey: (event: KeyboardEvent<HTMLInputElement>) => void;
  onDraftBlur: () => void;
}

const ReviewRow = memo(function ReviewRow(props: RowProps) {
  const { article, index, edits, problems, activeCol, selectedCols, draft } = props;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`review-row${index % 2 ? ' is-odd' : ''}`}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)`, gridTemplateColumns: GRID_COLUMNS }}
      data-article-id={article.id}
    >
      <div role="rowheader" className="review-rowhead" title={article.sourcePath}>
        <span className="review-rownum">{index + 1}</span>
      </div>
      {REVIEW_COLUMNS.map((column, col) => {
        const key = editKey(article.id, column.field);
        const edited = edits.has(key);
        const problem = problems.get(key);
        const text = cellText(article, column.field, edits);
        const active = activeCol === col;
        const selected = selectedCols.includes(`|${col}|`);
        const editing = draft !== null && draft.col === col;
        const inferred = column.field === 'title' && article.titleInferred && !edited;
        const source = sourceLabel(article, column.field, edited, problem);
        const classes = ['review-cell', `review-col-${column.field}`];
        if (active) classes.push('is-active');
        if (selected) classes.push('is-selected');
        if (edited) classes.push('is-edited');
        if (problem) classes.push('is-invalid');
        if (editing) classes.push('is-editing');
        return (
          <div
            key={column.field}
            id={cellId(index, col)}
            role="gridcell"
            aria-colindex={col + 2}
            aria-selected={selected || active}
            aria-invalid={problem ? true : undefined}
            className={classes.join(' ')}
            title={problem ? problem.message : text || undefined}
            onMouseDown={(e) => props.onCellMouseDown(e, index, col)}
            onDoubleClick={() => props.onCellDoubleClick(index, col)}
          >
            {editing ? (
              <input
                className="review-input"
                autoFocus
                value={draft.text}
                placeholder={column.placeholder}
                aria-label={`${column.label} of “${article.title}”`}
                spellCheck={column.field === 'title' || column.field === 'section'}
                onChange={(e) => props.onDraftChange(e.currentTarget.value)}
                onKeyDown={props.onDraftKey}
                onBlur={props.onDraftBlur}
                onMouseDown={(e) => e.stopPropagation()}
              />
            ) : (
              <span className={`review-value${text ? '' : ' is-empty'}`}>{text || (column.field === 'publishedAt' ? 'Undated' : '—')}</span>
            )}
            <span className="review-source">
              {inferred && <span className="review-flag">inferred</span>}
              {source && <span className={edited ? 'review-source-edited' : undefined}>{source === EDITED_SOURCE ? 'edited' : source}</span>}
            </span>
          </div>
        );
      })}
    </div>
  );
});

function isPrintable(event: KeyboardEvent): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
}

export function ReviewGrid(props: ReviewGridProps) {
  const { rows, edits, problems, cursor, onCursor, onEdit } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [draft, setDraft] = useState<Draft | null>(null);
  // Escape and Enter end the draft before the input's blur would commit it again.
  const draftDone = useRef(false);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keep the active cell in view as the keyboard moves it.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const header = ROW_HEIGHT * 0.8;
    const top = cursor.row * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight - header) el.scrollTop = top + ROW_HEIGHT - el.clientHeight + header;
  }, [cursor.row]);

  const focusGrid = useCallback(() => scroller.current?.focus({ preventScroll: true }), []);

  useEffect(() => {
    if (props.focusRequest) focusGrid();
  }, [props.focusRequest, focusGrid]);

  const startEdit = useCallback(
    (row: number, col: number, text?: string) => {
      const article = rows[row];
      const column = REVIEW_COLUMNS[col];
      if (!article || !column) return;
      draftDone.current = false;
      setDraft({ row, col, text: text ?? cellText(article, column.field, edits) });
    },
    [rows, edits],
  );

  const commit = useCallback(
    (next: Cursor | null) => {
      if (!draft || draftDone.current) return;
      draftDone.current = true;
      onEdit(REVIEW_COLUMNS[draft.col]!.field, [draft.row], draft.text);
      setDraft(null);
      if (next) onCursor(next);
      focusGrid();
    },
    [draft, onEdit, onCursor, focusGrid],
  );

  const cancel = useCallback(() => {
    draftDone.current = true;
    setDraft(null);
    focusGrid();
  }, [focusGrid]);

  const onDraftKey = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      event.stopPropagation();
      if (event.key === 'Enter') {
        event.preventDefault();
        commit(moveCursor(cursor, rows.length, event.shiftKey ? -1 : 1, 0));
      } else if (event.key === 'Tab') {
        event.preventDefault();
        commit(tabCursor(cursor, rows.length, event.shiftKey));
      } else if (event.key === 'Escape') {
        event.preventDefault();
        cancel();
      }
    },
    [commit, cancel, cursor, rows.length],
  );

  const onDraftBlur = useCallback(() => commit(null), [commit]);
  const onDraftChange = useCallback((text: string) => setDraft((d) => (d ? { ...d, text } : d)), []);

  const onCellMouseDown = useCallback(
    (event: MouseEvent, row: number, col: number) => {
      if (draft) commit(null);
      event.preventDefault();
      focusGrid();
      if (event.shiftKey && col === cursor.col) onCursor({ ...cursor, row });
      else onCursor({ row, col, anchor: row });
    },
    [cursor, onCursor, focusGrid, draft, commit],
  );

  const onCellDoubleClick = useCallback((row: number, col: number) => startEdit(row, col), [startEdit]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (draft || rows.length === 0) return;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const mod = event.ctrlKey || event.metaKey;
    let next: Cursor | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = moveCursor(cursor, rows.length, 1, 0, event.shiftKey);
        break;
      case 'ArrowUp':
        next = moveCursor(cursor, rows.length, -1, 0, event.shiftKey);
        break;
      case 'ArrowLeft':
        if (!event.shiftKey) next = moveCursor(cursor, rows.length, 0, -1);
        break;
      case 'ArrowRight':
        if (!event.shiftKey) next = moveCursor(cursor, rows.length, 0, 1);
        break;
      case 'PageDown':
        next = moveCursor(cursor, rows.length, page, 0, event.shiftKey);
        break;
      case 'PageUp':
        next = moveCursor(cursor, rows.length, -page, 0, event.shiftKey);
        break;
      case 'Home':
        next = mod ? moveCursor(cursor, rows.length, -rows.length, 0, event.shiftKey) : { row: cursor.row, col: 0, anchor: cursor.row };
        break;
      case 'End':
        next = mod
          ? moveCursor(cursor, rows.length, rows.length, 0, event.shiftKey)
          : { row: cursor.row, col: REVIEW_COLUMNS.length - 1, anchor: cursor.row };
        break;
      case 'Tab':
        next = tabCursor(cursor, rows.length, event.shiftKey);
        // Tab leaves the grid from its last cell (and Shift+Tab from its first), as focus should.
        if (next === cursor) return;
        break;
      case 'Enter':
      case 'F2':
        event.preventDefault();
        startEdit(cursor.row, cursor.col);
        return;
      case 'Delete':
      case 'Backspace':
        event.preventDefault();
        props.onClear();
        return;
      default:
        if (mod && (event.key === 'd' || event.key === 'D')) {
          event.preventDefault();
          props.onFillDown();
          return;
        }
        if (isPrintable(event)) {
          event.preventDefault();
          startEdit(cursor.row, cursor.col, event.key);
        }
        return;
    }
    if (next) {
      event.preventDefault();
      onCursor(next);
    }
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length - 1, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const selTop = Math.min(cursor.row, cursor.anchor);
  const selBottom = Math.max(cursor.row, cursor.anchor);
  const visible: number[] = [];
  for (let i = first; i <= last; i++) visible.push(i);
  // The row being edited and the active row stay rendered even when scrolled away.
  if (draft && (draft.row < first || draft.row > last)) visible.push(draft.row);

  return (
    <div
      ref={scroller}
      className="review-scroller"
      role="grid"
      aria-label="Article metadata"
      aria-rowcount={rows.length + 1}
      aria-colcount={REVIEW_COLUMNS.length + 1}
      aria-multiselectable="true"
      aria-activedescendant={rows.length ? cellId(cursor.row, cursor.col) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid="review-grid"
    >
      <div role="row" aria-rowindex={1} className="review-header" style={{ gridTemplateColumns: GRID_COLUMNS }}>
        <div role="columnheader" className="review-rowhead">
          #
        </div>
        {REVIEW_COLUMNS.map((c, col) => (
          <div key={c.field} role="columnheader" aria-colindex={col + 2} className={`review-colhead${col === cursor.col ? ' is-current' : ''}`}>
            {c.label}
          </div>
        ))}
      </div>
      <div className="review-body" style={{ height: rows.length * ROW_HEIGHT }}>
        {visible.map((i) => {
          const article = rows[i]!;
          const selectedHere = i >= selTop && i <= selBottom ? `|${cursor.col}|` : '';
          return (
            <ReviewRow
              key={article.id}
              article={article}
              index={i}
              edits={edits}
              problems={problems}
              activeCol={i === cursor.row ? cursor.col : null}
              selectedCols={selTop !== selBottom ? selectedHere : ''}
              draft={draft && draft.row === i ? draft : null}
              onCellMouseDown={onCellMouseDown}
              onCellDoubleClick={onCellDoubleClick}
              onDraftChange={onDraftChange}
              onDraftKey={onDraftKey}
              onDraftBlur={onDraftBlur}
            />
          );
        })}
      </div>
    </div>
  );
}
