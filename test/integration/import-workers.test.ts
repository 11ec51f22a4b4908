import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../electron/backend/db/connection';
import { listArticles } from '../../electron/backend/db/repositories/articles';
import { openProject } from '../../electron/backend/project/open-project';
import { PreparePool } from '../../electron/backend/import/prepare-pool';
import { importFiles, importPaths } from '../../electron/backend/services/import-service';
import { SEEDS_DIR as SEEDS } from '../support/temp-project';

// Files are read and parsed in worker threads (import/prepare-pool.ts). A
// file that keeps its worker too long fails alone with a sentence, the
// worker is replaced, and nothing of that file is written.

const ZIPS = resolve(import.meta.dirname, '../fixtures/zip');

let dir: string;
let db: Database;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'annalist-workers-'));
  db = await openProject(join(dir, 'project.annalist'));
});

afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('import worker threads', () => {
  it('fails each file that takes longer than the limit with a sentence, writes nothing for it, and the next import reads them', async () => {
    const slow = await importPaths(db, [SEEDS], { workers: { size: 1, taskTimeoutMs: 1 } });
    expect(slow).toHaveLength(5);
    for (const o of slow) {
      expect(o.status).toBe('failed');
      expect(o.error).toMatch(/^Could not import .*\.(txt|md): reading it took longer than 1 ms\.$/);
    }
    expect(await listArticles(db)).toHaveLength(0);

    const again = await importPaths(db, [SEEDS], { workers: { size: 2 } });
    expect(again.map((o) => o.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported']);
    expect(await listArticles(db)).toHaveLength(5);
  });

  it('reads files given as bytes (uploads) in the workers and keeps the original bytes exactly', async () => {
    const bytes = new TextEncoder().encode('Storm closes the port\n\nThe port of La Guaira closed on Tuesday after a storm.\n');
    const [outcome] = await importFiles(db, [{ path: 'upload.txt', bytes }]);
    expect(outcome).toMatchObject({ status: 'imported', title: 'Storm closes the port' });
    const row = await db.get<{ bytes: Buffer }>('SELECT bytes FROM originals WHERE article_id = ?', [outcome!.articleId!]);
    expect(Buffer.compare(row!.bytes, Buffer.from(bytes))).toBe(0);
    // The caller's buffer is not taken from it by the transfer to the worker.
    expect(bytes.byteLength).toBeGreaterThan(0);
  });
});

describe('the shared pool', () => {
  it('stays open while an import holds it, and ends once idle after it lets go', async () => {
    const pool = new PreparePool({ size: 1, idleCloseMs: 20 });
    const release = pool.acquire();
    const [prepared] = await pool.prepare([{ path: join(SEEDS, '000_7ea9055fedf3e41c.txt') }]);
    expect(prepared![0]!.kind).toBe('ready');
    await new Promise((r) => setTimeout(r, 200));
    expect(pool.isClosed).toBe(false);
    release();
    await expect.poll(() => pool.isClosed, { timeout: 5000 }).toBe(true);
  });
});

describe('archives', () => {
  it('imports the readable files inside a .zip, each named by its path inside it, and skips the rest', async () => {
    const archive = join(ZIPS, 'articles.zip');
    const outcomes = await importPaths(db, [archive]);
    expect(outcomes.map((o) => [o.path.slice(archive.length), o.status])).toEqual([
      ['/inner/folder/news-article.docx', 'imported'],
      // The same article as the .docx, exported by the same word processor: the same text.
      ['/inner/folder/news-article.epub', 'duplicate'],
      ['/inner/folder/no-title-property.odt', 'imported'],
      ['/inner/folder/notes.md', 'imported'],
      ['/phone-call.txt', 'imported'],
    ]);
    const listed = await listArticles(db);
    const stored = outcomes.filter((o) => o.status === 'imported').map((o) => o.path);
    expect(listed.map((a) => a.sourcePath).sort()).toEqual(stored.sort());
    // Importing the archive again adds nothing.
    expect((await importPaths(db, [archive])).map((o) => o.status)).toEqual(Array(5).fill('duplicate'));
  });

  it('opens an archive inside an archive, refuses one nested deeper with a sentence, and imports its siblings', async () => {
    const outcomes = await importPaths(db, [join(ZIPS, 'nested-2.zip')]);
    const failed = outcomes.filter((o) => o.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.error).toMatch(/^Could not import .*nested-2\.zip\/level-1\.zip\/.*\.zip: it is an archive inside an archive inside an archive/);
    expect(outcomes.filter((o) => o.status === 'imported').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a zip bomb, a path escape and an encrypted archive whole, writing nothing', async () => {
    const bad = ['bomb-ratio.zip', 'bomb-declared.zip', 'bomb-lying.zip', 'zip-slip.zip', 'encrypted.zip', 'too-many-entries.zip'];
    const outcomes = await importPaths(db, bad.map((f) => join(ZIPS, f)));
    expect(outcomes).toHaveLength(bad.length);
    for (const [i, o] of outcomes.entries()) {
      expect(o.status).toBe('failed');
      expect(o.error).toMatch(new RegExp(`^Could not import .*${bad[i]!.replace('.', '\\.')}: \\S.*\\.$`));
    }
    expect(await listArticles(db)).toHaveLength(0);
  });
});
