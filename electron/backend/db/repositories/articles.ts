import type { ArticleDetail, ArticleSummary } from '../../../../shared/api/types';
import type { ContentDoc } from '../../../../shared/content/doc';
import type { ReadDb, WriteDb } from '../connection';

// Plain functions over the db handle that map rows to domain types.

export interface NewArticle {
  title: string;
  titleInferred: boolean;
  subtitle: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  section: string | null;
  language: string | null;
  tags: string[];
  fieldSources: Record<string, string>;
  importedAt: string;
  original: { sha256: string; bytes: Uint8Array; sourcePath: string; mediaType: string };
  content: ContentDoc;
  text: string;
  textSha256: string;
  wordCount: number;
}

interface SummaryRow {
  id: number;
  title: string;
  title_inferred: number;
  outlet: string | null;
  author: string | null;
  published_at: string | null;
  url: string | null;
  tags: string | null;
  sha256: string;
  source_path: string;
  word_count: number;
  imported_at: string;
}

interface DetailRow extends SummaryRow {
  section: string | null;
  field_sources: string;
  content: string;
  text: string;
}

const SUMMARY_COLUMNS = `
  a.id, a.title, a.title_inferred, a.outlet, a.author, a.published_at, a.url, a.imported_at,
  o.sha256, o.source_path, t.word_count,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM article_tags WHERE article_id = a.id ORDER BY position)) AS tags`;

// The current text is the newest version.
const CURRENT_TEXT_JOIN = `
  JOIN originals o ON o.article_id = a.id
  JOIN article_texts t ON t.article_id = a.id
   AND t.version = (SELECT MAX(version) FROM article_texts WHERE article_id = a.id)`;

/** YYYY-MM-DD of an ISO 8601 date or date-time, or null. */
export function publishedDay(publishedAt: string | null): string | null {
  const m = publishedAt ? /^(\d{4}-\d{2}-\d{2})/.exec(publishedAt) : null;
  return m ? m[1]! : null;
}

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    titleInferred: row.title_inferred === 1,
    outlet: row.outlet,
    author: row.author,
    publishedAt: publishedDay(row.published_at),
    url: row.url,
    tags: row.tags ? (JSON.parse(row.tags) as string[]) : [],
    sha256: row.sha256,
    sourcePath: row.source_path,
    wordCount: row.word_count,
    importedAt: row.imported_at,
  };
}

export async function insertArticle(db: WriteDb, a: NewArticle): Promise<number> {
  const { lastID: id } = await db.run(
    `INSERT INTO articles (title, title_inferred, subtitle, outlet, author, published_at, url, section, language, field_sources, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      a.title,
      a.titleInferred ? 1 : 0,
      a.subtitle,
      a.outlet,
      a.author,
      a.publishedAt,
      a.url,
      a.section,
      a.language,
      JSON.stringify(a.fieldSources),
      a.importedAt,
    ],
  );
  await db.run(
    'INSERT INTO originals (article_id, sha256, bytes, size, source_path, media_type) VALUES (?, ?, ?, ?, ?, ?)',
    [id, a.original.sha256, Buffer.from(a.original.bytes), a.original.bytes.byteLength, a.original.sourcePath, a.original.mediaType],
  );
  await db.run(
    'INSERT INTO article_texts (article_id, version, content, text, text_sha256, word_count, created_at) VALUES (?, 1, ?, ?, ?, ?, ?)',
    [id, JSON.stringify(a.content), a.text, a.textSha256, a.wordCount, a.importedAt],
  );
  for (const [position, tag] of a.tags.entries()) {
    await db.run('INSERT OR IGNORE INTO article_tags (article_id, tag, position) VALUES (?, ?, ?)', [id, tag, position]);
  }
  await db.run('INSERT INTO article_search (rowid, title, text) VALUES (?, ?, ?)', [id, a.title, a.text]);
  return id;
}

/** The article already holding these original bytes or this exact text, if any. */
export async function findDuplicate(
  db: ReadDb,
  sha256: string,
  textSha256: string,
): Promise<{ id: number; title: string } | undefined> {
  return db.get<{ id: number; title: string }>(
    `SELECT a.id, a.title FROM articles a
      WHERE a.id IN (SELECT article_id FROM originals WHERE sha256 = ?)
         OR a.id IN (SELECT article_id FROM article_texts WHERE text_sha256 = ?)
      ORDER BY a.id LIMIT 1`,
    [sha256, textSha256],
  );
}

export async function listArticles(db: ReadDb): Promise<ArticleSummary[]> {
  const rows = await db.all<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM articles a ${CURRENT_TEXT_JOIN} ORDER BY a.id`);
  return rows.map(toSummary);
}

export async function getArticle(db: ReadDb, id: number): Promise<ArticleDetail | undefined> {
  const row = await db.get<DetailRow>(
    `SELECT ${SUMMARY_COLUMNS}, a.section, a.field_sources, t.content, t.text
       FROM articles a ${CURRENT_TEXT_JOIN} WHERE a.id = ?`,
    [id],
  );
  if (!row) return undefined;
  return {
    ...toSummary(row),
    publishedAtFull: row.published_at,
    section: row.section,
    content: JSON.parse(row.content) as ContentDoc,
    text: row.text,
    fieldSources: JSON.parse(row.field_sources) as Record<string, string>,
  };
}

export async function currentText(db: ReadDb, articleId: number): Promise<{ version: number; text: string } | undefined> {
  return db.get<{ version: number; text: string }>(
    'SELECT version, text FROM article_texts WHERE article_id = ? ORDER BY version DESC LIMIT 1',
    [articleId],
  );
}

export async function countArticles(db: ReadDb): Promise<number> {
  return (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM articles'))?.n ?? 0;
}
