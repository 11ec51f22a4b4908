import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Database } from '../../electron/backend/db/connection';
import { openProject } from '../../electron/backend/project/open-project';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const RESOURCES_DIR = join(REPO_ROOT, 'resources');
export const SEEDS_DIR = join(RESOURCES_DIR, 'samples');

/** A fresh folder under the system temp dir, removed by the returned cleanup. */
export async function tempDir(prefix = 'annalist-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A real project file in a temp folder. */
export async function tempProject(): Promise<{ db: Database; path: string; dir: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = await tempDir();
  const path = join(dir, 'test.annalist');
  const db = await openProject(path);
  return {
    db,
    path,
    dir,
    cleanup: async () => {
      await db.close().catch(() => undefined);
      await cleanup();
    },
  };
}
