import type { ArticleDetail, ArticleSummary, TextVersionInfo } from '../../../../shared/api/types';
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
  /** The structured content (ContentDoc) as JSON. */
  contentJson: string;
  text: string;
  textSha256: string;
  wordCount: number;
  /** The story the article joins; created with the article when new. */
  storyId: number;
  /** MinHash signature (signatureToBytes); its band keys go in per batch. */
  signature: Uint8Array;
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
  story_id: number;
  story_count: number;
}

interface DetailRow extends SummaryRow {
  subtitle: string | null;
  section: string | null;
  language: string | null;
  media_type: string;
  field_sources: string;
  version: number;
  content: string;
  text: string;
}

const SUMMARY_COLUMNS = `
  a.id, a.title, a.title_inferred, a.outlet, a.author, a.published_at, a.url, a.imported_at,
  o.sha256, o.source_path, t.word_count, a.story_id,
  (SELECT COUNT(*) FROM articles s WHERE s.story_id = a.story_id) AS story_count,
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
    storyId: row.story_id,
    storyArticleCount: row.story_count,
  };
}

/** The id the next inserted article will get; call inside the write transaction. */
export async function nextArticleId(db: WriteDb): Promise<number> {
  return ((await db.get<{ id: number }>('SELECT COALESCE(MAX(id), 0) + 1 AS id FROM articles'))?.id ?? 1);
}

/** Stores an article, its original and its first text as one atomic statement. */
export async function insertArticle(db: WriteDb, id: number, a: NewArticle): Promise<number> {
  await db.run(
    `INSERT INTO article_imports (id, title, title_inferred, subtitle, outlet, author, published_at, url, section,
                                  language, field_sources, imported_at, sha256, bytes, source_path, media_type,
                                  content, text, text_sha256, word_count, tags, story_id, signature)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
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
      a.original.sha256,
      Buffer.from(a.original.bytes.buffer, a.original.bytes.byteOffset, a.original.bytes.byteLength),
      a.original.sourcePath,
      a.original.mediaType,
      a.contentJson,
      a.text,
      a.textSha256,
      a.wordCount,
      JSON.stringify(a.tags),
      a.storyId,
      Buffer.from(a.signature.buffer, a.signature.byteOffset, a.signature.byteLength),
    ],
  );
  return id;
}

export interface ExistingArticle {
  id: number;
  title: string;
  sha256: string;
  textSha256: string;
}

/**
 * Articles already holding any of these original-file or text hashes: one
 * query per import batch instead of one per file.
 */
export async function findByHashes(db: ReadDb, sha256s: string[], textSha256s: string[]): Promise<ExistingArticle[]> {
  if (sha256s.length === 0 && textSha256s.length === 0) return [];
  const marks = (n: number) => Array(n).fill('?').join(', ');
  // Two indexed lookups; one OR across both would scan every article.
  return db.all<ExistingArticle>(
    `SELECT a.id, a.title, o.sha256, t.text_sha256 AS textSha256
       FROM originals o JOIN articles a ON a.id = o.article_id JOIN article_texts t ON t.article_id = a.id
      WHERE o.sha256 IN (${marks(sha256s.length)})
     UNION
     SELECT a.id, a.title, o.sha256, t.text_sha256 AS textSha256
       FROM article_texts t JOIN articles a ON a.id = t.article_id JOIN originals o ON o.article_id = a.id
      WHERE t.text_sha256 IN (${marks(textSha256s.length)})`,
    [...sha256s, ...textSha256s],
  );
}

/** Puts the current text of these articles into the full-text index. */
export async function indexArticles(db: WriteDb, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.run(
    `INSERT OR REPLACE INTO article_search (rowid, title, text)
     SELECT a.id, a.title, t.text FROM articles a
       JOIN article_texts t ON t.article_id = a.id
        AND t.version = (SELECT MAX(version) FROM article_texts WHERE article_id = a.id)
      WHERE a.id IN (${ids.map(() => '?').join(', ')})`,
    ids,
  );
}

export async function listArticles(db: ReadDb): Promise<ArticleSummary[]> {
  const rows = await db.all<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM articles a ${CURRENT_TEXT_JOIN} ORDER BY a.id`);
  return rows.map(toSummary);
}

export async function getArticle(db: ReadDb, id: number): Promise<ArticleDetail | undefined> {
  const row = await db.get<DetailRow>(
    `SELECT ${SUMMARY_COLUMNS}, a.subtitle, a.section, a.language, o.media_type, a.field_sources, t.version, t.content, t.text
       FROM articles a ${CURRENT_TEXT_JOIN} WHERE a.id = ?`,
    [id],
  );
  if (!row) return undefined;
  const versions = await db.all<TextVersionInfo>(
    `SELECT version, created_at AS createdAt, word_count AS wordCount, correction_note AS correctionNote
       FROM article_texts WHERE article_id = ? ORDER BY version`,
    [id],
  );
  return {
    ...toSummary(row),
    publishedAtFull: row.published_at,
    subtitle: row.subtitle,
    section: row.section,
    language: row.language,
    mediaType: row.media_type,
    textVersion: row.version,
    textVersions: versions,
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

/** Adds a text version (a correction); earlier versions are never changed. */
export async function insertTextVersion(
  db: WriteDb,
  v: { articleId: number; version: number; contentJson: string; text: string; textSha256: string; wordCount: number; createdAt: string; correctionNote: string | null },
): Promise<void> {
  await db.run(
    `INSERT INTO article_texts (article_id, version, content, text, text_sha256, word_count, created_at, correction_note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [v.articleId, v.version, v.contentJson, v.text, v.textSha256, v.wordCount, v.createdAt, v.correctionNote],
  );
}

export async function countArticles(db: ReadDb): Promise<number> {
  return (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM articles'))?.n ?? 0;
}
