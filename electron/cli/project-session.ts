import type { Database } from '../backend/db/connection';
import { openProject } from '../backend/project/open-project';
import { resolveProjectPath } from '../backend/project/project-location';

/** Opens the project (--project, or the default one) for one command and closes it after, whatever happens. */
export async function withProject<T>(project: string | undefined, fn: (db: Database, path: string) => Promise<T>): Promise<T> {
  const path = resolveProjectPath(project);
  const db = await openProject(path);
  try {
    return await fn(db, path);
  } finally {
    await db.close();
  }
}
