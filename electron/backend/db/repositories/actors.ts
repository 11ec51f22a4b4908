import type { Actor } from '../../../../shared/api/types';
import type { ReadDb, WriteDb } from '../connection';

// The project's actors: who asserts claims and who takes part in events.

interface ActorRow {
  id: number;
  name: string;
  created_at: string;
  claim_count: number;
  event_count: number;
}

const toActor = (r: ActorRow): Actor => ({ id: r.id, name: r.name, createdAt: r.created_at, claimCount: r.claim_count, eventCount: r.event_count });

const SELECT_ACTORS = `
  SELECT ac.id, ac.name, ac.created_at,
         (SELECT COUNT(*) FROM claims c WHERE c.actor_id = ac.id) AS claim_count,
         (SELECT COUNT(*) FROM event_actors ea WHERE ea.actor_id = ac.id) AS event_count
    FROM actors ac`;

export async function listActors(db: ReadDb): Promise<Actor[]> {
  return (await db.all<ActorRow>(`${SELECT_ACTORS} ORDER BY ac.name COLLATE NOCASE`)).map(toActor);
}

export async function getActor(db: ReadDb, id: number): Promise<Actor | undefined> {
  const row = await db.get<ActorRow>(`${SELECT_ACTORS} WHERE ac.id = ?`, [id]);
  return row && toActor(row);
}

export async function findActorByName(db: ReadDb, name: string): Promise<Actor | undefined> {
  const row = await db.get<ActorRow>(`${SELECT_ACTORS} WHERE ac.name = ? COLLATE NOCASE`, [name]);
  return row && toActor(row);
}

export async function insertActor(db: WriteDb, name: string, createdAt: string): Promise<number> {
  return (await db.run('INSERT INTO actors (name, created_at) VALUES (?, ?)', [name, createdAt])).lastID;
}

export async function renameActor(db: WriteDb, id: number, name: string): Promise<void> {
  await db.run('UPDATE actors SET name = ? WHERE id = ?', [name, id]);
}

/** Every claim and event of `fromId` gets `intoId` instead; `fromId` is removed. */
export async function mergeActorInto(db: WriteDb, fromId: number, intoId: number): Promise<void> {
  await db.run('UPDATE claims SET actor_id = ? WHERE actor_id = ?', [intoId, fromId]);
  await db.run('INSERT OR IGNORE INTO event_actors (event_id, actor_id) SELECT event_id, ? FROM event_actors WHERE actor_id = ?', [intoId, fromId]);
  await db.run('DELETE FROM actors WHERE id = ?', [fromId]);
}

export async function deleteActorRow(db: WriteDb, id: number): Promise<number> {
  return (await db.run('DELETE FROM actors WHERE id = ?', [id])).changes;
}

/** Which of these ids are actors of the project. */
export async function existingActorIds(db: ReadDb, ids: number[]): Promise<Set<number>> {
  const rows = await db.all<{ id: number }>('SELECT id FROM actors WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)]);
  return new Set(rows.map((r) => r.id));
}
