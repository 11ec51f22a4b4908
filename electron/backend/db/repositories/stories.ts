import type { StoryInfo } from '../../../../shared/api/types';
import type { ReadDb, WriteDb } from '../connection';

// Story clusters (migration 0002): near-copies of one text share a story.

/** The id the next new story will get; call inside the write transaction. */
export async function nextStoryId(db: WriteDb): Promise<number> {
  return (await db.get<{ id: number }>('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM stories'))?.id ?? 1;
}

export interface BandMatch {
  bandKey: number;
  articleId: number;
  storyId: number;
  title: string;
  signature: Buffer;
}

/**
 * Stored articles sharing any of these LSH band keys, with their story and
 * signature: one query per import batch (the keys travel as one JSON array,
 * so no limit on bound parameters applies).
 */
export async function findBandMatches(db: ReadDb, bandKeys: number[]): Promise<BandMatch[]> {
  if (bandKeys.length === 0) return [];
  return db.all<BandMatch>(
    `SELECT b.band_key AS bandKey, b.article_id AS articleId, a.story_id AS storyId, a.title, s.signature
       FROM article_bands b
       JOIN articles a ON a.id = b.article_id
       JOIN article_signatures s ON s.article_id = b.article_id
      WHERE b.band_key IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(bandKeys)],
  );
}

/** Articles without a signature (imported before migration 0002), with their first text. */
export async function articlesWithoutSignature(db: ReadDb, limit: number): Promise<{ id: number; text: string }[]> {
  return db.all<{ id: number; text: string }>(
    `SELECT a.id, t.text FROM articles a
       JOIN article_texts t ON t.article_id = a.id AND t.version = 1
      WHERE NOT EXISTS (SELECT 1 FROM article_signatures s WHERE s.article_id = a.id)
      ORDER BY a.id LIMIT ?`,
    [limit],
  );
}

export async function insertSignature(db: WriteDb, articleId: number, signature: Uint8Array): Promise<void> {
  await db.run('INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES (?, ?)', [
    articleId,
    Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength),
  ]);
}

/**
 * Puts the band keys of these articles into the band index with one
 * statement, in key order: sorted inserts touch each index page once, where
 * one file at a time would scatter them over the whole index.
 */
export async function indexBands(db: WriteDb, entries: { articleId: number; bands: number[] }[]): Promise<void> {
  const rows: [number, number][] = [];
  for (const e of entries) for (const key of e.bands) rows.push([key, e.articleId]);
  if (rows.length === 0) return;
  rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  await db.run(
    `INSERT OR IGNORE INTO article_bands (band_key, article_id)
     SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)`,
    [JSON.stringify(rows)],
  );
}

/** Story ids of these articles; articles that do not exist are missing from the map. */
export async function storiesOf(db: ReadDb, articleIds: number[]): Promise<Map<number, number>> {
  const rows = await db.all<{ id: number; story_id: number }>(
    'SELECT id, story_id FROM articles WHERE id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(articleIds)],
  );
  return new Map(rows.map((r) => [r.id, r.story_id]));
}

export async function createStory(db: WriteDb, createdAt: string, manual: boolean): Promise<number> {
  return (await db.run('INSERT INTO stories (created_at, manual) VALUES (?, ?)', [createdAt, manual ? 1 : 0])).lastID;
}

/** Moves every article of the given stories into `target`, marks it manual and removes the emptied stories. */
export async function mergeStories(db: WriteDb, target: number, storyIds: number[]): Promise<void> {
  const others = JSON.stringify(storyIds.filter((s) => s !== target));
  await db.run('UPDATE articles SET story_id = ? WHERE story_id IN (SELECT value FROM json_each(?))', [target, others]);
  await db.run('UPDATE stories SET manual = 1 WHERE id = ?', [target]);
  await db.run('DELETE FROM stories WHERE id IN (SELECT value FROM json_each(?))', [others]);
}

export async function moveArticle(db: WriteDb, articleId: number, storyId: number): Promise<void> {
  await db.run('UPDATE articles SET story_id = ? WHERE id = ?', [storyId, articleId]);
}

export async function markManual(db: WriteDb, storyId: number): Promise<void> {
  await db.run('UPDATE stories SET manual = 1 WHERE id = ?', [storyId]);
}

export async function getStory(db: ReadDb, id: number): Promise<StoryInfo | undefined> {
  const story = await db.get<{ id: number; manual: number }>('SELECT id, manual FROM stories WHERE id = ?', [id]);
  if (!story) return undefined;
  const rows = await db.all<{ id: number }>('SELECT id FROM articles WHERE story_id = ? ORDER BY id', [id]);
  return { id: story.id, manual: story.manual === 1, articleIds: rows.map((r) => r.id) };
}

export async function countArticlesInStory(db: ReadDb, storyId: number): Promise<number> {
  return (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM articles WHERE story_id = ?', [storyId]))?.n ?? 0;
}
