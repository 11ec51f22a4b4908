import { mkdir, open as openFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../../../shared/api/result';
import { Database } from '../db/connection';
import { migrate } from '../db/migrate';
import { backfillSignatures } from '../services/story-service';
import { purgeDeletedHighlights } from '../db/repositories/annotations';

// "Annl" — marks the SQLite file as an Annalist project so that another
// program's database is refused instead of being migrated into ours.
export const ANNALIST_APPLICATION_ID = 0x416e6e6c;

const SQLITE_HEADER = 'SQLite format 3\0';

async function readHeader(path: string): Promise<string | null> {
  try {
    const handle = await openFile(path, 'r');
    try {
      const buffer = Buffer.alloc(16);
      const { bytesRead } = await handle.read(buffer, 0, 16, 0);
      return buffer.subarray(0, bytesRead).toString('latin1');
    } finally {
      await handle.close();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError('project_unreadable', `${path} cannot be opened: ${(err as Error).message}.`);
  }
}

/**
 * Opens (or creates) a project file with the pragmas that keep a
 * researcher's work safe: WAL, foreign keys, and a full fsync per commit.
 */
export async function openProject(path: string): Promise<Database> {
  const header = await readHeader(path);
  if (header !== null && header.length > 0 && header !== SQLITE_HEADER) {
    throw new UserError('project_unreadable', `${path} is not an Annalist project (it is not a SQLite database).`);
  }
  await mkdir(dirname(path), { recursive: true });
  let db: Database;
  try {
    db = await Database.open(path);
  } catch (err) {
    throw new UserError('project_unreadable', `${path} cannot be opened: ${(err as Error).message}.`);
  }
  try {
    await db.withWriter(async (w) => {
      await w.exec('PRAGMA journal_mode = WAL');
      await w.exec('PRAGMA synchronous = FULL');
      await w.exec('PRAGMA foreign_keys = ON');
      await w.exec('PRAGMA busy_timeout = 5000');
      // 64 MB of page cache (the default is 2 MB): an import batch touches
      // pages all over the near-copy band index (random keys), and a cache
      // that holds them saves a third of the import time.
      await w.exec('PRAGMA cache_size = -65536');
      const app = await w.get<{ application_id: number }>('PRAGMA application_id');
      const version = await w.get<{ user_version: number }>('PRAGMA user_version');
      if (app?.application_id === 0 && (version?.user_version ?? 0) === 0) {
        await w.exec(`PRAGMA application_id = ${ANNALIST_APPLICATION_ID}`);
      } else if (app?.application_id !== ANNALIST_APPLICATION_ID) {
        throw new UserError('project_unreadable', `${path} is a SQLite database made by another program, not an Annalist project.`);
      }
    });
    await migrate(db);
    // Near-copy signatures of articles imported before schema 2.
    await backfillSignatures(db);
    // Undo of a highlight deletion lasts until the project is closed.
    await db.write((tx) => purgeDeletedHighlights(tx));
  } catch (err) {
    await db.close().catch(() => undefined);
    if (err instanceof UserError) throw err;
    throw new UserError('project_unreadable', `${path} cannot be opened as a project: ${(err as Error).message}.`);
  }
  return db;
}
