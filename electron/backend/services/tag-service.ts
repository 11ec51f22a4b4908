import { UserError } from '../../../shared/api/result';
import type { Tag } from '../../../shared/api/types';
import type { Database, ReadDb } from '../db/connection';
import { deleteTag as removeTag, findTagByName, getTag, insertTag, mergeTagInto, updateTag as writeTag } from '../db/repositories/tags';

// Tags are the project's: one name (unique whatever its case) and colour
// for every highlight that carries it. Renaming, recolouring, merging and
// deleting reach all of them at once.

const cleanName = (name: string) => name.replace(/\s+/g, ' ').trim();

async function requireTag(db: ReadDb, id: number): Promise<Tag> {
  const tag = await getTag(db, id);
  if (!tag) throw new UserError('not_found', `There is no tag ${id} in this project.`);
  return tag;
}

async function refuseTakenName(db: ReadDb, name: string, except?: number): Promise<void> {
  if (!name) throw new UserError('invalid_input', 'A tag needs a name.');
  const taken = await findTagByName(db, name);
  if (taken && taken.id !== except) {
    throw new UserError('conflict', `There is already a tag “${taken.name}”; merge the two tags if they mean the same.`);
  }
}

export async function createTag(db: Database, input: { name: string; color: string }, now = new Date()): Promise<Tag> {
  const name = cleanName(input.name);
  const id = await db.write(async (tx) => {
    await refuseTakenName(tx, name);
    return insertTag(tx, name, input.color, now.toISOString());
  });
  return (await getTag(db, id))!;
}

/** Renames and/or recolours a tag. */
export async function updateTag(db: Database, id: number, changes: { name?: string; color?: string }): Promise<Tag> {
  await db.write(async (tx) => {
    await requireTag(tx, id);
    const name = changes.name === undefined ? undefined : cleanName(changes.name);
    if (name !== undefined) await refuseTakenName(tx, name, id);
    await writeTag(tx, id, { ...(name !== undefined ? { name } : {}), ...(changes.color !== undefined ? { color: changes.color } : {}) });
  });
  return (await getTag(db, id))!;
}

/** Moves every highlight of tag `fromId` to tag `intoId` and removes `fromId`. */
export async function mergeTags(db: Database, fromId: number, intoId: number): Promise<Tag> {
  if (fromId === intoId) throw new UserError('invalid_input', 'Choose two different tags to merge.');
  await db.write(async (tx) => {
    await requireTag(tx, fromId);
    await requireTag(tx, intoId);
    await mergeTagInto(tx, fromId, intoId);
  });
  return (await getTag(db, intoId))!;
}

/** Removes a tag from every highlight and from the project. */
export async function deleteTag(db: Database, id: number): Promise<{ deleted: number }> {
  return db.write(async (tx) => {
    await requireTag(tx, id);
    return { deleted: await removeTag(tx, id) };
  });
}
