import type { AnchorStatus, Highlight, HighlightInArticle, TagRef } from '../../../../shared/api/types';
import type { ContentDoc } from '../../../../shared/content/doc';
import type { ReadDb, WriteDb } from '../connection';

interface HighlightRow {
  id: number;
  article_id: number;
  text_version: number;
  start_offset: number;
  end_offset: number;
  exact: string;
  prefix: string;
  suffix: string;
  color: string;
  created_at: string;
  note: string | null;
  note_text: string;
  anchor_status: AnchorStatus;
  original_exact: string | null;
}

function toHighlight(r: HighlightRow, tags: TagRef[]): Highlight {
  return {
    id: r.id,
    articleId: r.article_id,
    start: r.start_offset,
    end: r.end_offset,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    color: r.color,
    createdAt: r.created_at,
    status: r.anchor_status,
    textVersion: r.text_version,
    originalExact: r.original_exact,
    note: r.note ? (JSON.parse(r.note) as ContentDoc) : null,
    noteText: r.note_text,
    tags,
  };
}

/** The tags of these highlights, by highlight id, each list by name. */
async function tagsOf(db: ReadDb, highlightIds: number[]): Promise<Map<number, TagRef[]>> {
  const out = new Map<number, TagRef[]>();
  if (highlightIds.length === 0) return out;
  const rows = await db.all<{ highlight_id: number; id: number; name: string; color: string }>(
    `SELECT ht.highlight_id, t.id, t.name, t.color FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
      WHERE ht.highlight_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
    [JSON.stringify(highlightIds)],
  );
  for (const r of rows) {
    const list = out.get(r.highlight_id) ?? [];
    list.push({ id: r.id, name: r.name, color: r.color });
    out.set(r.highlight_id, list);
  }
  return out;
}

async function withTags(db: ReadDb, rows: HighlightRow[]): Promise<Highlight[]> {
  const tags = await tagsOf(db, rows.map((r) => r.id));
  return rows.map((r) => toHighlight(r, tags.get(r.id) ?? []));
}

export interface NewHighlight extends Omit<HighlightAnchor, 'status'> {
  articleId: number;
  color: string;
  createdAt: string;
  /** 'anchored' when made by hand; an imported annotation keeps how it anchored. */
  status?: AnchorStatus;
  originalExact?: string | null;
}

export async function insertHighlight(db: WriteDb, h: NewHighlight): Promise<number> {
  const { lastID } = await db.run(
    `INSERT INTO highlights (article_id, text_version, start_offset, end_offset, exact, prefix, suffix, color, created_at,
                             anchor_status, original_exact)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [h.articleId, h.textVersion, h.start, h.end, h.exact, h.prefix, h.suffix, h.color, h.createdAt, h.status ?? 'anchored', h.originalExact ?? null],
  );
  return lastID;
}

/** Where a highlight sits on one text version, as anchoring found it (or where it was, when orphaned). */
export interface HighlightAnchor {
  textVersion: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  status: AnchorStatus;
}

/** The selectors of every highlight of an article, Undo-able deleted ones included, for re-anchoring. */
export async function highlightAnchors(db: ReadDb, articleId: number): Promise<(HighlightAnchor & { id: number; deleted: number })[]> {
  return db.all<HighlightAnchor & { id: number; deleted: number }>(
    `SELECT id, text_version AS textVersion, start_offset AS start, end_offset AS end, exact, prefix, suffix,
            anchor_status AS status, deleted_at IS NOT NULL AS deleted
       FROM highlights WHERE article_id = ? ORDER BY start_offset, id`,
    [articleId],
  );
}

/**
 * Moves a highlight to a new anchor. When its words change (a fuzzy
 * match, a re-attachment by hand) the words it was first made on are kept
 * in original_exact, once: later moves never overwrite them.
 */
export async function setHighlightAnchor(db: WriteDb, id: number, a: HighlightAnchor): Promise<void> {
  await db.run(
    `UPDATE highlights
        SET original_exact = CASE WHEN original_exact IS NULL AND exact <> ? THEN exact ELSE original_exact END,
            text_version = ?, start_offset = ?, end_offset = ?, exact = ?, prefix = ?, suffix = ?, anchor_status = ?
      WHERE id = ?`,
    [a.exact, a.textVersion, a.start, a.end, a.exact, a.prefix, a.suffix, a.status, id],
  );
}

/** Marks a highlight orphaned, keeping where it was. */
export async function setHighlightOrphaned(db: WriteDb, id: number): Promise<void> {
  await db.run("UPDATE highlights SET anchor_status = 'orphaned' WHERE id = ?", [id]);
}

/** A highlight; one marked deleted only when asked for (Undo looks for it). */
export async function getHighlight(db: ReadDb, id: number, options: { deleted?: boolean } = {}): Promise<Highlight | undefined> {
  const row = await db.get<HighlightRow>(
    `SELECT * FROM highlights WHERE id = ? AND deleted_at IS ${options.deleted ? 'NOT NULL' : 'NULL'}`,
    [id],
  );
  return row && (await withTags(db, [row]))[0];
}

export async function listHighlights(db: ReadDb, articleId: number): Promise<Highlight[]> {
  const rows = await db.all<HighlightRow>(
    'SELECT * FROM highlights WHERE article_id = ? AND deleted_at IS NULL ORDER BY start_offset, end_offset, id',
    [articleId],
  );
  return withTags(db, rows);
}

/** Highlights carrying a tag, across the project, in article and reading order. */
export async function highlightsWithTag(db: ReadDb, tagId: number): Promise<HighlightInArticle[]> {
  const rows = await db.all<HighlightRow & { article_title: string }>(
    `SELECT h.*, a.title AS article_title FROM highlights h
       JOIN highlight_tags ht ON ht.highlight_id = h.id AND ht.tag_id = ?
       JOIN articles a ON a.id = h.article_id
      WHERE h.deleted_at IS NULL
      ORDER BY a.title COLLATE NOCASE, h.article_id, h.start_offset, h.id`,
    [tagId],
  );
  const highlights = await withTags(db, rows);
  return highlights.map((h, i) => ({ ...h, articleTitle: rows[i]!.article_title }));
}

/** Marks a highlight deleted (it disappears everywhere); Undo clears the mark. */
export async function markHighlightDeleted(db: WriteDb, id: number, at: string | null): Promise<number> {
  return (await db.run('UPDATE highlights SET deleted_at = ? WHERE id = ?', [at, id])).changes;
}

/** Removes for good the highlights marked deleted (on open: Undo lasts a session). */
export async function purgeDeletedHighlights(db: WriteDb): Promise<number> {
  return (await db.run('DELETE FROM highlights WHERE deleted_at IS NOT NULL')).changes;
}

export async function setHighlightNote(db: WriteDb, id: number, note: ContentDoc | null, noteText: string): Promise<void> {
  await db.run('UPDATE highlights SET note = ?, note_text = ? WHERE id = ?', [note ? JSON.stringify(note) : null, noteText, id]);
}

export async function setHighlightColor(db: WriteDb, id: number, color: string): Promise<void> {
  await db.run('UPDATE highlights SET color = ? WHERE id = ?', [color, id]);
}

export async function setHighlightTags(db: WriteDb, id: number, tagIds: number[]): Promise<void> {
  await db.run('DELETE FROM highlight_tags WHERE highlight_id = ?', [id]);
  if (tagIds.length === 0) return;
  await db.run('INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) SELECT ?, value FROM json_each(?)', [id, JSON.stringify(tagIds)]);
}

// ---- Annotation interchange (W3C Web Annotation export and import)

/** What an annotation's target is matched against: each article's address and original-file hash (one article, or all). */
export async function articleSources(db: ReadDb, articleId?: number): Promise<{ id: number; title: string; url: string | null; sha256: string }[]> {
  return db.all<{ id: number; title: string; url: string | null; sha256: string }>(
    `SELECT a.id, a.title, a.url, o.sha256 FROM articles a JOIN originals o ON o.article_id = a.id
      ${articleId === undefined ? '' : 'WHERE a.id = ?'} ORDER BY a.id`,
    articleId === undefined ? [] : [articleId],
  );
}

/** The highlights of the project (or of one article) in article and reading order, those marked deleted left out. */
export async function listProjectHighlights(db: ReadDb, articleId?: number): Promise<Highlight[]> {
  const rows = await db.all<HighlightRow>(
    `SELECT * FROM highlights WHERE deleted_at IS NULL ${articleId === undefined ? '' : 'AND article_id = ?'}
      ORDER BY article_id, start_offset, end_offset, id`,
    articleId === undefined ? [] : [articleId],
  );
  return withTags(db, rows);
}
