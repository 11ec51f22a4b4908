import { UserError } from '../../../shared/api/result';
import type { Actor } from '../../../shared/api/types';
import type { Database, ReadDb, WriteDb } from '../db/connection';
import { deleteActorRow, findActorByName, getActor, insertActor, mergeActorInto, renameActor } from '../db/repositories/actors';

// Actors are a managed list, as tags are: one name (unique whatever its
// case) for every claim and event that names them, so "US Southern Command"
// renamed or merged with "SOUTHCOM" is right everywhere at once.

const cleanName = (name: string) => name.replace(/\s+/g, ' ').trim();

async function requireActor(db: ReadDb, id: number): Promise<Actor> {
  const actor = await getActor(db, id);
  if (!actor) throw new UserError('not_found', `There is no actor ${id} in this project.`);
  return actor;
}

async function refuseTakenName(db: ReadDb, name: string, except?: number): Promise<void> {
  if (!name) throw new UserError('invalid_input', 'An actor needs a name.');
  const taken = await findActorByName(db, name);
  if (taken && taken.id !== except) {
    throw new UserError('conflict', `There is already an actor “${taken.name}”; merge the two if they are the same.`);
  }
}

/** The actor of this name, created when the project has none (claim and event forms name actors by typing). */
export async function actorNamed(tx: WriteDb, name: string, now: Date): Promise<number> {
  const clean = cleanName(name);
  if (!clean) throw new UserError('invalid_input', 'An actor needs a name.');
  return (await findActorByName(tx, clean))?.id ?? insertActor(tx, clean, now.toISOString());
}

export async function createActor(db: Database, name: string, now = new Date()): Promise<Actor> {
  const clean = cleanName(name);
  const id = await db.write(async (tx) => {
    await refuseTakenName(tx, clean);
    return insertActor(tx, clean, now.toISOString());
  });
  return (await getActor(db, id))!;
}

export async function updateActor(db: Database, id: number, name: string): Promise<Actor> {
  const clean = cleanName(name);
  await db.write(async (tx) => {
    await requireActor(tx, id);
    await refuseTakenName(tx, clean, id);
    await renameActor(tx, id, clean);
  });
  return (await getActor(db, id))!;
}

export async function mergeActors(db: Database, fromId: number, intoId: number): Promise<Actor> {
  if (fromId === intoId) throw new UserError('invalid_input', 'Choose two different actors to merge.');
  await db.write(async (tx) => {
    await requireActor(tx, fromId);
    await requireActor(tx, intoId);
    await mergeActorInto(tx, fromId, intoId);
  });
  return (await getActor(db, intoId))!;
}

/** Removes an actor: its claims keep their statements without an actor, its events lose it. */
export async function deleteActor(db: Database, id: number): Promise<{ deleted: number }> {
  return db.write(async (tx) => {
    await requireActor(tx, id);
    return { deleted: await deleteActorRow(tx, id) };
  });
}
