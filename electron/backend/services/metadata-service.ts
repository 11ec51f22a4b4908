import {
  type ArticleMetadata,
  EDITED_SOURCE,
  fieldProblem,
  METADATA_FIELDS,
  type MetadataChanges,
  type MetadataField,
  type MetadataUpdate,
  type MetadataUpdateResult,
} from '../../../shared/api/article-metadata';
import { UserError } from '../../../shared/api/result';
import type { Database } from '../db/connection';
import { articleFieldSources, listArticleMetadata, replaceArticleTags, writeArticleMetadata } from '../db/repositories/article-metadata';

// Corrections from the metadata review table: a batch over many articles,
// checked whole before anything is written and written in one transaction,
// so a refused batch leaves every article as it was. A field whose value
// changes records "edited by researcher" as its source.

type Value = string | string[] | null;

function normalise(field: MetadataField, value: Value): Value {
  if (field === 'tags') {
    const seen = new Set<string>();
    return (Array.isArray(value) ? value : []).map((t) => t.trim().replace(/\s+/g, ' ')).filter((t) => {
      const key = t.toLocaleLowerCase();
      if (!t || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  const text = typeof value === 'string' ? value.trim() : '';
  if (field === 'title' || field === 'author' || field === 'outlet' || field === 'section' || field === 'subtitle') {
    return text.replace(/\s+/g, ' ') || null;
  }
  return text || null;
}

function same(a: Value, b: Value): boolean {
  return Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a ?? []) === JSON.stringify(b ?? []) : (a ?? null) === (b ?? null);
}

function describe(article: ArticleMetadata): string {
  const title = article.title.length > 60 ? `${article.title.slice(0, 57)}…` : article.title;
  return `the article “${title}” (#${article.id})`;
}

/** The batch as one set of changes per article (a later change to the same field wins). */
function merged(updates: MetadataUpdate[]): Map<number, MetadataChanges> {
  const byArticle = new Map<number, MetadataChanges>();
  for (const u of updates) byArticle.set(u.articleId, { ...byArticle.get(u.articleId), ...u.fields });
  return byArticle;
}

export async function listMetadata(db: Database, articleIds?: number[]): Promise<ArticleMetadata[]> {
  return listArticleMetadata(db, articleIds);
}

export async function updateMetadata(db: Database, updates: MetadataUpdate[]): Promise<MetadataUpdateResult> {
  const changes = merged(updates);
  const ids = [...changes.keys()];
  const updated = await db.write(async (tx) => {
    const current = new Map((await listArticleMetadata(tx, ids)).map((a) => [a.id, a]));
    const missing = ids.filter((id) => !current.has(id));
    if (missing.length > 0) {
      const which = missing.length === 1 ? `article ${missing[0]}` : `articles ${missing.join(', ')}`;
      throw new UserError('not_found', `There is no ${which} in this project (deleted meanwhile?), so none of the corrections were saved.`);
    }

    // Every value is checked before the first write: a refusal names the
    // article and the field, and nothing is half-written.
    const next: { before: ArticleMetadata; after: ArticleMetadata; fields: MetadataField[] }[] = [];
    for (const [id, fields] of changes) {
      const before = current.get(id)!;
      const after: ArticleMetadata = { ...before, tags: [...before.tags] };
      const changed: MetadataField[] = [];
      for (const field of METADATA_FIELDS) {
        if (!(field in fields)) continue;
        const value = normalise(field, (fields as Record<string, Value>)[field] ?? null);
        const problem = fieldProblem(field, value);
        if (problem) {
          throw new UserError(
            field === 'publishedAt' ? 'invalid_date' : 'invalid_input',
            `The ${field === 'publishedAt' ? 'published date' : field === 'url' ? 'URL' : field} of ${describe(before)} cannot be saved: ${problem}. None of the corrections were saved.`,
          );
        }
        if (same(value, before[field] as Value)) continue;
        (after as unknown as Record<string, Value>)[field] = value;
        if (field === 'title') after.titleInferred = false;
        changed.push(field);
      }
      if (changed.length > 0) next.push({ before, after, fields: changed });
    }

    for (const { after, fields } of next) {
      const sources = await articleFieldSources(tx, after.id);
      for (const field of fields) sources[field] = EDITED_SOURCE;
      await writeArticleMetadata(tx, after, sources);
      if (fields.includes('tags')) await replaceArticleTags(tx, after.id, after.tags);
    }
    return next.length;
  });
  return { updated, articles: await listArticleMetadata(db, ids) };
}
