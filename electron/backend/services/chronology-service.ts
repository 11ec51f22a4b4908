import { UserError } from '../../../shared/api/result';
import type { ChronologyDetail, ChronologyEvent, ChronologySummary, Stance } from '../../../shared/api/types';
import { parseEventDate } from '../../../shared/dates/event-date';
import type { Database, ReadDb } from '../db/connection';
import { getClaim } from '../db/repositories/annotations';
import {
  findChronologyByName,
  getChronology,
  getEvent,
  insertChronology,
  insertEvent,
  linkEvidence,
  listEvents,
} from '../db/repositories/chronologies';

export async function createChronology(db: Database, name: string, now = new Date()): Promise<ChronologySummary> {
  const id = await db.write(async (tx) => {
    if (await findChronologyByName(tx, name)) {
      throw new UserError('conflict', `There is already a chronology named “${name}”; choose another name.`);
    }
    return insertChronology(tx, name, now.toISOString());
  });
  return (await getChronology(db, id))!;
}

async function requireChronology(db: ReadDb, id: number): Promise<ChronologySummary> {
  const found = await getChronology(db, id);
  if (!found) throw new UserError('not_found', `There is no chronology ${id} in this project.`);
  return found;
}

export async function chronologyDetail(db: ReadDb, id: number): Promise<ChronologyDetail> {
  const summary = await requireChronology(db, id);
  return { ...summary, events: await listEvents(db, id) };
}

/** A chronology by its id (digits) or its name, as the CLI accepts it. */
export async function findChronology(db: ReadDb, nameOrId: string): Promise<ChronologySummary> {
  const byName = await findChronologyByName(db, nameOrId);
  if (byName) return byName;
  if (/^\d+$/.test(nameOrId)) {
    const byId = await getChronology(db, Number(nameOrId));
    if (byId) return byId;
  }
  throw new UserError('not_found', `There is no chronology named or numbered “${nameOrId}” in this project.`);
}

async function requireClaim(db: ReadDb, claimId: number): Promise<void> {
  if (!(await getClaim(db, claimId))) throw new UserError('not_found', `There is no claim ${claimId} in this project.`);
}

export async function createEvent(
  db: Database,
  input: { chronologyId: number; title: string; date: string; description: string; claimIds: number[] },
  now = new Date(),
): Promise<ChronologyEvent> {
  const date = parseEventDate(input.date);
  const id = await db.write(async (tx) => {
    await requireChronology(tx, input.chronologyId);
    for (const claimId of input.claimIds) await requireClaim(tx, claimId);
    const eventId = await insertEvent(tx, {
      chronologyId: input.chronologyId,
      title: input.title,
      date: date.edtf,
      sortStart: date.sortStart,
      sortEnd: date.sortEnd,
      description: input.description,
      createdAt: now.toISOString(),
    });
    for (const claimId of input.claimIds) await linkEvidence(tx, eventId, claimId, 'supports');
    return eventId;
  });
  return (await getEvent(db, id))!;
}

export async function linkClaimToEvent(
  db: Database,
  input: { eventId: number; claimId: number; stance: Stance },
): Promise<ChronologyEvent> {
  await db.write(async (tx) => {
    if (!(await getEvent(tx, input.eventId))) throw new UserError('not_found', `There is no event ${input.eventId} in this project.`);
    await requireClaim(tx, input.claimId);
    await linkEvidence(tx, input.eventId, input.claimId, input.stance);
  });
  return (await getEvent(db, input.eventId))!;
}
