import { type ArticleMetadata, METADATA_FIELDS, type MetadataField } from '../../../../shared/api/article-metadata';
import type { ReadDb, WriteDb } from '../connection';

// The editable metadata of articles (the review table after an import) and
// the one statement that writes a corrected row.

interface MetadataRow {
  id: number;
  source_path: string;
  title: string;
  title_inferred: number;
  subtitle: string | null;
  outlet: string | null;
  author: string | null;
  published_at: string | null;
  language: string | null;
  section: string | null;
  url: string | null;
  field_sources: string;
  tags: string | null;
}

const COLUMNS = `
  a.id, o.source_path, a.title, a.title_inferred, a.subtitle, a.outlet, a.author, a.published_at, a.language,
  a.section, a.url, a.field_sources,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM article_tags WHERE article_id = a.id ORDER BY position)) AS tags`;

function parseSources(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function toMetadata(row: MetadataRow): ArticleMetadata {
  const all = parseSources(row.field_sources);
  const fieldSources: Partial<Record<MetadataField, string>> = {};
  for (const field of METADATA_FIELDS) if (typeof all[field] === 'string') fieldSources[field] = all[field];
  return {
    id: row.id,
    sourcePath: row.source_path,
    title: row.title,
    titleInferred: row.title_inferred === 1,
    subtitle: row.subtitle,
    outlet: row.outlet,
    author: row.author,
    publishedAt: row.published_at,
    language: row.language,
    section: row.section,
    tags: row.tags ? (JSON.parse(row.tags) as string[]) : [],
    url: row.url,
    fieldSources,
  };
}

// SQLite allows 32,766 parameters per statement; stay well below.
const IDS_PER_QUERY = 5000;

/** The metadata of these articles in the order of the ids given (unknown ids are left out), or of every article by id. */
export async function listArticleMetadata(db: ReadDb, ids?: number[]): Promise<ArticleMetadata[]> {
  if (!ids) {
    const rows = await db.all<MetadataRow>(`SELECT ${COLUMNS} FROM articles a JOIN originals o ON o.article_id = a.id ORDER BY a.id`);
    return rows.map(toMetadata);
  }
  const byId = new Map<number, ArticleMetadata>();
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const chunk = ids.slice(i, i + IDS_PER_QUERY);
    const rows = await db.all<MetadataRow>(
      `SELECT ${COLUMNS} FROM articles a JOIN originals o ON o.article_id = a.id WHERE a.id IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const row of rows) byId.set(row.id, toMetadata(row));
  }
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
}

/** Writes an article's metadata row and its tags as they are now; the caller owns the transaction. */
export async function writeArticleMetadata(db: WriteDb, a: ArticleMetadata, allSources: Record<string, string>): Promise<void> {
  await db.run(
    `UPDATE articles SET title = ?, title_inferred = ?, subtitle = ?, outlet = ?, author = ?, published_at = ?,
                         language = ?, section = ?, url = ?, field_sources = ?
      WHERE id = ?`,
    [a.title, a.titleInferred ? 1 : 0, a.subtitle, a.outlet, a.author, a.publishedAt, a.language, a.section, a.url, JSON.stringify(allSources), a.id],
  );
}

export async function replaceArticleTags(db: WriteDb, articleId: number, tags: string[]): Promise<void> {
  await db.run('DELETE FROM article_tags WHERE article_id = ?', [articleId]);
  for (const [position, tag] of tags.entries()) {
    await db.run('INSERT OR IGNORE INTO article_tags (article_id, tag, position) VALUES (?, ?, ?)', [articleId, tag, position]);
  }
}

/** The raw field_sources JSON of an article (all keys, not only the editable ones). */
export async function articleFieldSources(db: ReadDb, articleId: number): Promise<Record<string, string>> {
  const row = await db.get<{ field_sources: string }>('SELECT field_sources FROM articles WHERE id = ?', [articleId]);
  return row ? parseSources(row.field_sources) : {};
}
