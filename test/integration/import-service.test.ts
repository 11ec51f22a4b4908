import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../electron/backend/db/connection';
import { countArticles, getArticle, listArticles } from '../../electron/backend/db/repositories/articles';
import { importPaths } from '../../electron/backend/services/import-service';
import { IMPORT_CANCELLED_REASON } from '../../shared/api/import-outcome';
import { SEEDS_DIR, tempProject } from '../support/temp-project';

let project: Awaited<ReturnType<typeof tempProject>>;
let db: Database;
beforeEach(async () => {
  project = await tempProject();
  db = project.db;
});
afterEach(async () => project.cleanup());

async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['articles', 'originals', 'article_texts', 'article_tags', 'article_search']) {
    out[t] = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`))!.n;
  }
  return out;
}

describe('importing the seed folder', () => {
  it('imports five articles with their originals and hashes', async () => {
    const outcomes = await importPaths(db, [SEEDS_DIR]);
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported']);
    const articles = await listArticles(db);
    expect(articles).toHaveLength(5);
    for (const a of articles) {
      expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(a.sourcePath.startsWith(SEEDS_DIR)).toBe(true);
      expect(a.wordCount).toBeGreaterThan(300);
    }
    const original = await db.get<{ bytes: Buffer; size: number }>('SELECT bytes, size FROM originals WHERE article_id = ?', [articles[3]!.id]);
    const onDisk = await readFile(articles[3]!.sourcePath);
    expect(Buffer.compare(original!.bytes, onDisk)).toBe(0);
  });

  it('keeps 003’s front matter as metadata, not text', async () => {
    await importPaths(db, [SEEDS_DIR]);
    const a003 = (await listArticles(db)).find((a) => a.sourcePath.includes('003_'))!;
    expect(a003.publishedAt).toBe('2026-01-02');
    expect(a003.author).toBe('badely');
    expect(a003.tags).toEqual(['News']);
    const detail = (await getArticle(db, a003.id))!;
    expect(detail.publishedAtFull).toBe('2026-01-02T02:34:11');
    expect(detail.text).toContain('Nicolás Maduro');
    expect(detail.text).not.toContain('layout: post');
    expect(detail.text).not.toContain('√');
  });

  it('reports the same folder imported again as five duplicates and adds nothing', async () => {
    await importPaths(db, [SEEDS_DIR]);
    const before = await rowCounts();
    const again = await importPaths(db, [SEEDS_DIR]);
    expect(again.map((o) => o.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(again.every((o) => typeof o.articleId === 'number' && o.title)).toBe(true);
    expect(await rowCounts()).toEqual(before);
  });

  it('treats the same text saved with other line endings as a duplicate', async () => {
    await importPaths(db, [SEEDS_DIR]);
    const original = await readFile(join(SEEDS_DIR, '001_83f7e1146e4f08e2.txt'), 'utf8');
    const copy = join(project.dir, 'copy-of-001.txt');
    await writeFile(copy, original.replace(/\n/g, '\r\n'));
    const [outcome] = await importPaths(db, [copy]);
    expect(outcome!.status).toBe('duplicate');
    expect(outcome!.title).toBe('US Conducts Military Action Against Venezuelan Drug Vessel');
    expect(await countArticles(db)).toBe(5);
  });
});

describe('cancelling an import', () => {
  it('keeps the files read before the stop, each whole, and lists the rest as not imported', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const outcomes = await importPaths(db, [SEEDS_DIR], {
      batchSize: 2,
      signal: controller.signal,
      onProgress: (p) => {
        if (!seen.includes(p.path)) seen.push(p.path);
        if (seen.length === 3) controller.abort();
      },
    });
    const imported = outcomes.filter((o) => o.status === 'imported');
    const cancelled = outcomes.filter((o) => o.error?.endsWith(`${IMPORT_CANCELLED_REASON}.`));
    expect(imported.length).toBeGreaterThanOrEqual(2);
    expect(imported.length + cancelled.length).toBe(5);
    expect(cancelled.length).toBeGreaterThan(0);
    const counts = await rowCounts();
    expect(counts.articles).toBe(imported.length);
    expect(counts.originals).toBe(imported.length);
    expect(counts.article_texts).toBe(imported.length);
    expect(counts.article_search).toBe(imported.length);
    // The rest can be imported later; the kept ones are duplicates then.
    const again = await importPaths(db, [SEEDS_DIR]);
    expect(again.filter((o) => o.status === 'imported')).toHaveLength(cancelled.length);
    expect(again.filter((o) => o.status === 'duplicate')).toHaveLength(imported.length);
  });
});

describe('bad input', () => {
  it('gives each bad file a sentence naming it, writes nothing for it, and imports the rest', async () => {
    const dir = join(project.dir, 'mixed');
    await mkdir(dir);
    await copyFile(join(SEEDS_DIR, '000_7ea9055fedf3e41c.txt'), join(dir, 'good.txt'));
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'junk.txt'), Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 0, 0, 0, 12]));
    const missing = join(project.dir, 'no-such-file.txt');
    const emptyFolder = join(project.dir, 'nothing-here');
    await mkdir(emptyFolder);
    await writeFile(join(emptyFolder, 'budget.xlsx'), 'PK');

    const outcomes = await importPaths(db, [dir, missing, emptyFolder]);
    const byPath = (p: string) => outcomes.find((o) => o.path === p)!;
    expect(byPath(join(dir, 'good.txt')).status).toBe('imported');
    expect(byPath(join(dir, 'empty.txt')).error).toBe(`Could not import ${join(dir, 'empty.txt')}: the file is empty.`);
    expect(byPath(join(dir, 'junk.txt')).error).toMatch(/^Could not import .*junk\.txt: .*binary/);
    expect(byPath(missing).error).toBe(`Could not import ${missing}: there is no such file or folder.`);
    expect(byPath(emptyFolder).error).toMatch(/^Could not import .*nothing-here: the folder holds no \.txt.* files\.$/);
    expect(outcomes.filter((o) => o.status === 'failed')).toHaveLength(4);
    expect(await countArticles(db)).toBe(1);
    expect((await rowCounts()).originals).toBe(1);
  });

  it('names a path that cannot be read', async () => {
    const file = join(project.dir, 'plain.txt');
    await writeFile(file, 'A title\n\nSome text here.');
    const inside = join(file, 'inner.txt');
    const [notDir] = await importPaths(db, [inside]);
    expect(notDir!.error).toBe(`Could not import ${inside}: a part of its path is a file, not a folder.`);
    if (process.getuid?.() !== 0) {
      // root reads everything, so permissions can only be tested as another user.
      await chmod(file, 0o000);
      const [locked] = await importPaths(db, [file]);
      expect(locked!.error).toBe(`Could not import ${file}: permission to read it was denied.`);
    }
    expect(await countArticles(db)).toBe(0);
  });

  it('refuses a file type it cannot read, saying which types it can', async () => {
    const p = join(project.dir, 'budget.xlsx');
    await writeFile(p, 'PK not really');
    const [o] = await importPaths(db, [p]);
    expect(o!.status).toBe('failed');
    expect(o!.error).toMatch(/^Could not import .*budget\.xlsx: \.xlsx files are not supported; Annalist imports .*\.txt.*\.md.*\.pdf/);
  });
});
