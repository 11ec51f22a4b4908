import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../electron/backend/db/connection';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/backend/db/migrations';
import { listArticles } from '../../electron/backend/db/repositories/articles';
import { ANNALIST_APPLICATION_ID, openProject } from '../../electron/backend/project/open-project';
import { tempDir } from '../support/temp-project';

// Each migration is tested on a real SQLite file, as Signal Desktop does.
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function freshFile(): Promise<string> {
  const t = await tempDir();
  cleanup = t.cleanup;
  return join(t.dir, 'p.annalist');
}

async function tableNames(db: Database): Promise<string[]> {
  const rows = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name");
  return rows.map((r) => r.name);
}

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('0001 creates the schema and sets user_version 1', async () => {
    const db = await Database.open(await freshFile());
    await migrate(db, migrations.slice(0, 1));
    expect(await schemaVersion(db)).toBe(1);
    const tables = await tableNames(db);
    for (const t of ['articles', 'originals', 'article_texts', 'article_tags', 'article_search', 'highlights', 'claims', 'claim_evidence', 'chronologies', 'events', 'event_evidence']) {
      expect(tables).toContain(t);
    }
    await db.close();
  });

  it('0002 gives every existing article a story of its own, and the next open computes their signatures', async () => {
    const path = await freshFile();
    const v1 = await Database.open(path);
    await v1.withWriter((w) => w.exec(`PRAGMA application_id = ${ANNALIST_APPLICATION_ID}`));
    await migrate(v1, migrations.slice(0, 1));
    await v1.write(async (tx) => {
      for (const id of [1, 2, 3]) {
        // Schema 1's import view, as Annalist 0.1 wrote articles.
        await tx.run(
          `INSERT INTO article_imports (id, title, title_inferred, field_sources, imported_at, sha256, bytes, source_path,
                                        media_type, content, text, text_sha256, word_count, tags)
           VALUES (?, ?, 0, '{}', '2026-01-02T00:00:00.000Z', ?, ?, ?, 'text/plain', '{"type":"doc","content":[]}', ?, ?, 9, '[]')`,
          [id, `Article ${id}`, `sha-${id}`, Buffer.from(`bytes ${id}`), `/tmp/${id}.txt`, `The text of article number ${id} is short.`, `text-sha-${id}`],
        );
      }
    });
    await migrate(v1, migrations.slice(0, 2));
    expect(await schemaVersion(v1)).toBe(2);
    expect(await tableNames(v1)).toEqual(expect.arrayContaining(['stories', 'article_signatures', 'article_bands']));
    const rows = await v1.all<{ id: number; story_id: number | null }>('SELECT id, story_id FROM articles ORDER BY id');
    expect(rows).toEqual([
      { id: 1, story_id: 1 },
      { id: 2, story_id: 2 },
      { id: 3, story_id: 3 },
    ]);
    expect((await v1.get<{ n: number }>('SELECT COUNT(*) AS n FROM stories WHERE manual = 0'))!.n).toBe(3);
    expect((await v1.get<{ n: number }>('SELECT COUNT(*) AS n FROM article_signatures'))!.n).toBe(0);
    await v1.close();

    // Opening the project backfills the signatures the SQL could not compute.
    const db = await openProject(path);
    expect((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM article_signatures'))!.n).toBe(3);
    expect((await db.get<{ n: number }>('SELECT COUNT(DISTINCT article_id) AS n FROM article_bands'))!.n).toBe(3);
    const listed = await listArticles(db);
    expect(listed.map((a) => [a.storyId, a.storyArticleCount])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    await db.close();
  });

  it('0003 keeps every highlight as it was, with no note, no tags and not deleted', async () => {
    const path = await freshFile();
    const v2 = await Database.open(path);
    await v2.withWriter((w) => w.exec(`PRAGMA application_id = ${ANNALIST_APPLICATION_ID}`));
    await migrate(v2, migrations.slice(0, 2));
    await v2.write(async (tx) => {
      await tx.run(
        `INSERT INTO article_imports (id, title, title_inferred, field_sources, imported_at, sha256, bytes, source_path,
                                      media_type, content, text, text_sha256, word_count, tags, story_id)
         VALUES (1, 'Article', 0, '{}', '2026-01-02T00:00:00.000Z', 'sha', ?, '/tmp/a.txt', 'text/plain', '{"type":"doc","content":[]}',
                 'Five people were killed on Wednesday.', 'tsha', 6, '[]', 1)`,
        [Buffer.from('bytes')],
      );
      await tx.run(
        `INSERT INTO highlights (article_id, text_version, start_offset, end_offset, exact, prefix, suffix, color, created_at)
         VALUES (1, 1, 0, 11, 'Five people', '', ' were killed', 'yellow', '2026-01-03T00:00:00.000Z')`,
      );
    });
    await migrate(v2, migrations.slice(0, 3));
    expect(await schemaVersion(v2)).toBe(3);
    expect(await tableNames(v2)).toEqual(expect.arrayContaining(['tags', 'highlight_tags']));
    expect(await v2.get('SELECT exact, color, note, note_text, deleted_at FROM highlights WHERE id = 1')).toEqual({
      exact: 'Five people',
      color: 'yellow',
      note: null,
      note_text: '',
      deleted_at: null,
    });
    await v2.close();
  });

  it('0004 keeps every highlight anchored where it was and every text version uncorrected', async () => {
    const path = await freshFile();
    const v3 = await Database.open(path);
    await v3.withWriter((w) => w.exec(`PRAGMA application_id = ${ANNALIST_APPLICATION_ID}`));
    await migrate(v3, migrations.slice(0, 3));
    await v3.write(async (tx) => {
      await tx.run(
        `INSERT INTO article_imports (id, title, title_inferred, field_sources, imported_at, sha256, bytes, source_path,
                                      media_type, content, text, text_sha256, word_count, tags, story_id)
         VALUES (1, 'Article', 0, '{}', '2026-01-02T00:00:00.000Z', 'sha', ?, '/tmp/a.txt', 'text/plain', '{"type":"doc","content":[]}',
                 'Five people were killed on Wednesday.', 'tsha', 6, '[]', 1)`,
        [Buffer.from('bytes')],
      );
      await tx.run(
        `INSERT INTO highlights (article_id, text_version, start_offset, end_offset, exact, prefix, suffix, color, created_at, note_text)
         VALUES (1, 1, 0, 11, 'Five people', '', ' were killed', 'blue', '2026-01-03T00:00:00.000Z', 'check the toll')`,
      );
    });
    await migrate(v3, migrations.slice(0, 4));
    expect(await schemaVersion(v3)).toBe(4);
    expect(await v3.get('SELECT start_offset, end_offset, exact, color, note_text, anchor_status, original_exact FROM highlights WHERE id = 1')).toEqual({
      start_offset: 0,
      end_offset: 11,
      exact: 'Five people',
      color: 'blue',
      note_text: 'check the toll',
      anchor_status: 'anchored',
      original_exact: null,
    });
    expect(await v3.get('SELECT version, correction_note FROM article_texts WHERE article_id = 1')).toEqual({ version: 1, correction_note: null });
    await expect(v3.withWriter((w) => w.exec("UPDATE highlights SET anchor_status = 'lost' WHERE id = 1"))).rejects.toThrow(/CHECK/);
    await v3.close();
  });

  it('replays all migrations on an empty file and is idempotent on reopen', async () => {
    const path = await freshFile();
    const db = await openProject(path);
    expect(await schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    await db.close();
    const again = await openProject(path);
    expect(await schemaVersion(again)).toBe(LATEST_SCHEMA_VERSION);
    await again.close();
  });

  it('opens projects with WAL, foreign keys and synchronous=FULL', async () => {
    const db = await openProject(await freshFile());
    expect((await db.get<{ journal_mode: string }>('PRAGMA journal_mode'))?.journal_mode).toBe('wal');
    expect((await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))?.foreign_keys).toBe(1);
    expect((await db.get<{ synchronous: number }>('PRAGMA synchronous'))?.synchronous).toBe(2);
    await db.close();
  });

  it('refuses a project written by a newer Annalist, with a sentence, and leaves it alone', async () => {
    const path = await freshFile();
    const db = await openProject(path);
    await db.withWriter((w) => w.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 1}`));
    await db.close();
    await expect(openProject(path)).rejects.toThrow(/newer version of Annalist .*Update Annalist/);
    const raw = await Database.open(path);
    expect(await schemaVersion(raw)).toBe(LATEST_SCHEMA_VERSION + 1);
    await raw.close();
  });

  it('refuses a file that is not a SQLite database', async () => {
    const path = await freshFile();
    await writeFile(path, 'this is a text file, not a project');
    await expect(openProject(path)).rejects.toThrow(/is not an Annalist project/);
  });

  it('refuses a SQLite database made by another program', async () => {
    const path = await freshFile();
    const other = await Database.open(path);
    await other.withWriter((w) => w.exec('CREATE TABLE t (x); PRAGMA user_version = 7'));
    await other.close();
    await expect(openProject(path)).rejects.toThrow(/made by another program/);
  });

  it('rolls a failing migration back completely', async () => {
    const db = await Database.open(await freshFile());
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE half (x); SELECT * FROM no_such_table;' }];
    await expect(migrate(db, broken)).rejects.toThrow();
    expect(await schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(await tableNames(db)).not.toContain('half');
    await db.close();
  });
});
