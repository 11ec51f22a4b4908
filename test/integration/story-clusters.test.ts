import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listArticles } from '../../electron/backend/db/repositories/articles';
import { importFiles, importPaths } from '../../electron/backend/services/import-service';
import type { ArticleSummary } from '../../shared/api/types';
import { contractProject } from '../support/contract-calls';
import { REPO_ROOT, SEEDS_DIR, tempProject } from '../support/temp-project';

// Near-copies (the same wire text with other page chrome and a reworded
// sentence) share a story; everything else is a story of its own.
const COPY = join(REPO_ROOT, 'test', 'fixtures', 'near-copies', '003-syndicated.txt');

const env = contractProject();
const { call, value } = env;

const bySeed = (articles: ArticleSummary[], prefix: string) => articles.find((a) => a.sourcePath.includes(`${prefix}_`) || a.sourcePath.endsWith(prefix))!;

async function count(table: string): Promise<number> {
  return (await env.project.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n;
}

describe('story clusters on import', () => {
  it('puts a near-copy into the story of the article it copies, and keeps a rewrite apart', async () => {
    await importPaths(env.project.db, [SEEDS_DIR]);
    const outcomes = await importPaths(env.project.db, [COPY]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.status).toBe('imported');

    const articles = await listArticles(env.project.db);
    const a003 = bySeed(articles, '003');
    const copy = bySeed(articles, '003-syndicated.txt');
    expect(outcomes[0]!.storyId).toBe(a003.storyId);
    // The import report names the article it copies.
    expect(outcomes[0]!.nearCopyOf).toEqual({ articleId: a003.id, title: a003.title });
    expect(copy.storyId).toBe(a003.storyId);
    expect([a003.storyArticleCount, copy.storyArticleCount]).toEqual([2, 2]);
    // 000 tells 003's story in other words: a separate source, its own story.
    for (const p of ['000', '001', '002', '004']) {
      expect(bySeed(articles, p).storyId, p).not.toBe(a003.storyId);
      expect(bySeed(articles, p).storyArticleCount, p).toBe(1);
    }
    expect(new Set(articles.map((a) => a.storyId)).size).toBe(5);
    expect(await count('stories')).toBe(5);
  });

  it('clusters near-copies within one batch and across batches alike', async () => {
    const files = [SEEDS_DIR + '/003_dc84ef2651f1eff7.txt', COPY, SEEDS_DIR + '/000_7ea9055fedf3e41c.txt'];
    const sources = await Promise.all(files.map(async (path) => ({ path, bytes: await readFile(path) })));
    for (const batchSize of [500, 1]) {
      const fresh = await tempProject();
      try {
        const outcomes = await importFiles(fresh.db, sources, { batchSize });
        expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported']);
        expect(outcomes[1]!.storyId, `batch size ${batchSize}`).toBe(outcomes[0]!.storyId);
        expect(outcomes[2]!.storyId).not.toBe(outcomes[0]!.storyId);
        const articles = await listArticles(fresh.db);
        expect(articles.map((a) => a.storyArticleCount)).toEqual([2, 2, 1]);
      } finally {
        await fresh.cleanup();
      }
    }
  });

  it('leaves no story, signature or band behind for a file that fails to be saved', async () => {
    await env.project.db.withWriter((w) =>
      w.exec(`CREATE TRIGGER test_refuse BEFORE INSERT ON articles WHEN new.title = 'Refused here' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`),
    );
    const enc = new TextEncoder();
    const body = 'A long enough body of words so that the article has several shingles to its name and more.';
    const outcomes = await importFiles(env.project.db, [
      { path: 'refused.txt', bytes: enc.encode(`Refused here\n\n${body}`) },
      { path: 'kept.txt', bytes: enc.encode(`Kept here\n\nAnother body entirely, with words of its own that do not repeat the first one.`) },
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'imported']);
    expect(await count('articles')).toBe(1);
    expect(await count('stories')).toBe(1);
    expect(await count('article_signatures')).toBe(1);
    expect((await env.project.db.get<{ n: number }>('SELECT COUNT(DISTINCT article_id) AS n FROM article_bands'))!.n).toBe(1);
    expect((await env.project.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM articles WHERE story_id NOT IN (SELECT id FROM stories)'))!.n).toBe(0);
  });
});

describe('stories over the contract', () => {
  it('joins articles into one manual story and splits one out again', async () => {
    await value('library.importSamples', {});
    const articles = await value('library.list', {});
    const [a, b, c] = [bySeed(articles, '000'), bySeed(articles, '003'), bySeed(articles, '001')];

    const joined = await value('stories.join', { articleIds: [b.id, a.id] });
    expect(joined.manual).toBe(true);
    expect(joined.articleIds).toEqual([a.id, b.id].sort((x, y) => x - y));
    let listed = await value('library.list', {});
    expect(bySeed(listed, '000')).toMatchObject({ storyId: joined.id, storyArticleCount: 2 });
    expect(bySeed(listed, '003')).toMatchObject({ storyId: joined.id, storyArticleCount: 2 });

    // Joining merges whole stories: c joins a and b.
    const three = await value('stories.join', { articleIds: [c.id, b.id] });
    expect(three.articleIds).toHaveLength(3);
    expect(await count('stories')).toBe(3);

    const split = await value('stories.split', { articleId: a.id });
    expect(split).toMatchObject({ manual: true, articleIds: [a.id] });
    listed = await value('library.list', {});
    expect(bySeed(listed, '000')).toMatchObject({ storyId: split.id, storyArticleCount: 1 });
    expect(bySeed(listed, '003').storyArticleCount).toBe(2);

    // Splitting an article already alone keeps its story and marks it manual.
    expect(await value('stories.split', { articleId: a.id })).toEqual(split);
  });

  it('refuses unknown articles and a join of one article with a sentence', async () => {
    await value('library.importSamples', {});
    expect(await call('stories.join', { articleIds: [1, 999] })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no article 999 in this project.' },
    });
    expect(await call('stories.split', { articleId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('stories.join', { articleIds: [1] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('stories.join', { articleIds: [2, 2] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Choose at least two different articles to put into one story.' },
    });
  });
});
