import {
  type ArticleMetadata,
  fieldProblem,
  type MetadataChanges,
  type MetadataUpdate,
  parseTags,
} from '../../../shared/api/article-metadata';

// The review table's model, kept apart from React so that it can be tested
// and stays cheap with thousands of rows: the articles as loaded, the
// researcher's pending edits (text as typed, keyed by article and field),
// the active cell and a selection that runs down one column.

export type ReviewField = 'title' | 'outlet' | 'author' | 'publishedAt' | 'language' | 'section' | 'tags' | 'url';

export interface ReviewColumn {
  field: ReviewField;
  label: string;
  /** CSS grid track. */
  width: string;
  placeholder?: string;
}

export const REVIEW_COLUMNS: ReviewColumn[] = [
  { field: 'title', label: 'Title', width: 'minmax(232px, 3fr)' },
  { field: 'outlet', label: 'Outlet', width: 'minmax(110px, 1fr)' },
  { field: 'author', label: 'Author', width: 'minmax(110px, 1fr)' },
  // Wide enough for a date-time with its offset: 2026-01-02T14:30+01:00.
  { field: 'publishedAt', label: 'Published', width: 'minmax(178px, 0.9fr)', placeholder: 'YYYY-MM-DD' },
  { field: 'language', label: 'Language', width: 'minmax(92px, 0.4fr)', placeholder: 'en' },
  { field: 'section', label: 'Section', width: 'minmax(84px, 0.6fr)' },
  { field: 'tags', label: 'Tags', width: 'minmax(110px, 0.9fr)', placeholder: 'tag, tag' },
  { field: 'url', label: 'URL', width: 'minmax(140px, 1fr)', placeholder: 'https://' },
];

/** Pending edits: `${articleId}:${field}` → the cell's text as typed. */
export type Edits = ReadonlyMap<string, string>;

export const editKey = (articleId: number, field: ReviewField) => `${articleId}:${field}`;

/** A cell's stored value as the text the researcher sees and types. */
export function storedText(article: ArticleMetadata, field: ReviewField): string {
  if (field === 'tags') return article.tags.join(', ');
  return article[field] ?? '';
}

export function cellText(article: ArticleMetadata, field: ReviewField, edits: Edits): string {
  return edits.get(editKey(article.id, field)) ?? storedText(article, field);
}

/** Sets cells to text; an edit back to the stored value is no edit. */
export function withEdits(edits: Edits, rows: ArticleMetadata[], field: ReviewField, rowIndexes: number[], text: string): Edits {
  const next = new Map(edits);
  for (const i of rowIndexes) {
    const article = rows[i];
    if (!article) continue;
    const key = editKey(article.id, field);
    if (text === storedText(article, field)) next.delete(key);
    else next.set(key, text);
  }
  return next;
}

/**
 * Ctrl+D as in a spreadsheet: with several cells selected in a column, the
 * top one's value goes into the others; with one, the value of the cell
 * above comes down into it.
 */
export function fillDown(edits: Edits, rows: ArticleMetadata[], field: ReviewField, fromRow: number, toRow: number): Edits {
  const [top, bottom] = fromRow <= toRow ? [fromRow, toRow] : [toRow, fromRow];
  const source = bottom > top ? top : top - 1;
  if (source < 0 || !rows[source]) return edits;
  const text = cellText(rows[source]!, field, edits);
  const targets: number[] = [];
  for (let i = source + 1; i <= bottom; i++) targets.push(i);
  return withEdits(edits, rows, field, targets, text);
}

export interface CellProblem {
  articleId: number;
  field: ReviewField;
  message: string;
}

/** Why edited cells cannot be saved as they are, in table order. */
export function editProblems(edits: Edits, rows: ArticleMetadata[]): CellProblem[] {
  if (edits.size === 0) return [];
  const problems: CellProblem[] = [];
  for (const article of rows) {
    for (const { field } of REVIEW_COLUMNS) {
      const text = edits.get(editKey(article.id, field));
      if (text === undefined) continue;
      const message = fieldProblem(field, field === 'tags' ? parseTags(text) : text.trim());
      if (message) problems.push({ articleId: article.id, field, message });
    }
  }
  return problems;
}

/** The pending edits as the one batch articles.updateMetadata takes. */
export function editsToUpdates(edits: Edits, rows: ArticleMetadata[]): MetadataUpdate[] {
  const updates: MetadataUpdate[] = [];
  for (const article of rows) {
    const fields: MetadataChanges = {};
    let any = false;
    for (const { field } of REVIEW_COLUMNS) {
      const text = edits.get(editKey(article.id, field));
      if (text === undefined) continue;
      any = true;
      if (field === 'tags') fields.tags = parseTags(text);
      else if (field === 'title') fields.title = text.trim();
      else fields[field] = text.trim() || null;
    }
    if (any) updates.push({ articleId: article.id, fields });
  }
  return updates;
}

export interface Cursor {
  row: number;
  col: number;
  /** Where a shift-selection started, in the same column. */
  anchor: number;
}

export const clamp = (n: number, low: number, high: number) => Math.max(low, Math.min(high, n));

export function moveCursor(cursor: Cursor, rowCount: number, dRow: number, dCol: number, extend = false): Cursor {
  const row = clamp(cursor.row + dRow, 0, Math.max(0, rowCount - 1));
  if (extend) return { ...cursor, row };
  const col = clamp(cursor.col + dCol, 0, REVIEW_COLUMNS.length - 1);
  return { row, col, anchor: row };
}

/** Tab and Shift+Tab: along the row, then on to the next or previous row. */
export function tabCursor(cursor: Cursor, rowCount: number, backwards: boolean): Cursor {
  const last = REVIEW_COLUMNS.length - 1;
  if (!backwards && cursor.col < last) return { row: cursor.row, col: cursor.col + 1, anchor: cursor.row };
  if (backwards && cursor.col > 0) return { row: cursor.row, col: cursor.col - 1, anchor: cursor.row };
  const row = clamp(cursor.row + (backwards ? -1 : 1), 0, Math.max(0, rowCount - 1));
  if (row === cursor.row) return cursor;
  return { row, col: backwards ? last : 0, anchor: row };
}

export function selectedRows(cursor: Cursor): number[] {
  const [top, bottom] = cursor.anchor <= cursor.row ? [cursor.anchor, cursor.row] : [cursor.row, cursor.anchor];
  const rows: number[] = [];
  for (let i = top; i <= bottom; i++) rows.push(i);
  return rows;
}

export function isSelected(cursor: Cursor, row: number, col: number): boolean {
  return col === cursor.col && row >= Math.min(cursor.row, cursor.anchor) && row <= Math.max(cursor.row, cursor.anchor);
}
