import { UserError } from '../../../shared/api/result';
import type { Database } from './connection';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/migration';

export async function schemaVersion(db: Database): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/**
 * Brings the project up to the newest schema, each migration in its own
 * transaction together with its user_version bump (as Signal Desktop does),
 * and refuses a file written by a newer Annalist rather than guessing.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = allMigrations): Promise<number> {
  const latest = migrations.length;
  const current = await schemaVersion(db);
  if (current > latest) {
    throw new UserError(
      'project_newer',
      `${db.path} was saved by a newer version of Annalist (project format ${current}; this version reads up to ${latest}). Update Annalist to open it; the file has not been changed.`,
    );
  }
  for (const m of migrations.slice(current)) {
    await db.write(async (tx) => {
      await tx.exec(m.sql);
      await tx.exec(`PRAGMA user_version = ${m.version}`);
    });
  }
  return latest;
}
