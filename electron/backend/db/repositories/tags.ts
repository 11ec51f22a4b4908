import type { Tag } from '../../../../shared/api/types';
import type { ReadDb, WriteDb } from '../connection';

// The project's tags. Counts leave out highlights marked deleted.

interface TagRow {
  id: number;
  name: string;
  color: string;
  created_at: string;
  highlight_count: number;
}

const toTag = (r: TagRow): Tag => ({ id: r.id, name: r.name, color: r.color, createdAt: r.created_at, highlightCount: r.highlight_count });

const SELECT_TAGS = `
  SELECT t.id, t.name, t.color, t.created_at,
         (SELECT COUNT(*) FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id
           WHERE ht.tag_id = t.id AND h.deleted_at IS NULL) AS highlight_count
    FROM tags t`;

export async function listTags(db: ReadDb): Promise<Tag[]> {
  return (await db.all<TagRow>(`${SELECT_TAGS} ORDER BY t.name COLLATE NOCASE`)).map(toTag);
}

export async function getTag(db: ReadDb, id: number): Promise<Tag | undefined> {
  const row = await db.get<TagRow>(`${SELECT_TAGS} WHERE t.id = ?`, [id]);
  return row && toTag(row);
}

export async function findTagByName(db: ReadDb, name: string): Promise<Tag | undefined> {
  const row = await db.get<TagRow>(`${SELECT_TAGS} WHERE t.name = ? COLLATE NOCASE`, [name]);
  return row && toTag(row);
}

/** Which of these ids are tags of the project. */
export async function existingTagIds(db: ReadDb, ids: number[]): Promise<Set<number>> {
  const rows = await db.all<{ id: number }>('SELECT id FROM tags WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)]);
  return new Set(rows.map((r) => r.id));
}

export async function insertTag(db: WriteDb, name: string, color: string, createdAt: string): Promise<number> {
  return (await db.run('INSERT INTO tags (name, color, created_at) VALUES (?, ?, ?)', [name, color, createdAt])).lastID;
}

export async function updateTag(db: WriteDb, id: number, fields: { name?: string; color?: string }): Promise<void> {
  if (fields.name !== undefined) await db.run('UPDATE tags SET name = ? WHERE id = ?', [fields.name, id]);
  if (fields.color !== undefined) await db.run('UPDATE tags SET color = ? WHERE id = ?', [fields.color, id]);
}

/** Every highlight tagged `from` is tagged `into` instead; `from` is gone. */
export async function mergeTagInto(db: WriteDb, from: number, into: number): Promise<void> {
  await db.run('INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) SELECT highlight_id, ? FROM highlight_tags WHERE tag_id = ?', [into, from]);
  await db.run('DELETE FROM tags WHERE id = ?', [from]);
}

export async function deleteTag(db: WriteDb, id: number): Promise<number> {
  return (await db.run('DELETE FROM tags WHERE id = ?', [id])).changes;
}
