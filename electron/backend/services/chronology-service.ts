import { UserError } from '../../../shared/api/result';
import type { ChronologyDetail, ChronologyEvent, ChronologySummary, Stance } from '../../../shared/api/types';
import { canonicalText } from '../../../shared/content/canonical-text';
import { paragraph, type ContentDoc } from '../../../shared/content/doc';
import { parseEventDate } from '../../../shared/dates/event-date';
import type { Database, ReadDb, WriteDb } from '../db/connection';
import { existingActorIds } from '../db/repositories/actors';
import { getClaim } from '../db/repositories/claims';
import {
  deleteChronologyRow,
  deleteEventRow,
  findChronologyByName,
  getChronology,
  getEvent,
  insertChronology,
  insertEvent,
  linkEvidence,
  linkPassage,
  listEvents,
  renameChronology,
  setEventActors,
  setEventTags,
  unlinkEvidence,
  unlinkPassage,
  writeEvent,
  type EventFields,
  type StoredEvent,
} from '../db/repositories/chronologies';
import { corroborate } from '../../../shared/chronology/corroboration';
import { eventEvidence } from '../../../shared/chronology/event-evidence';
import { quantitySeries } from '../../../shared/chronology/quantity-series';
import { existingTagIds } from '../db/repositories/tags';
import { requirePassage } from './annotation-service';

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
  const stored = await listEvents(db, id);
  const inputs = stored.map(eventEvidence);
  const corroboration = corroborate(inputs);
  const events = stored.map((e): ChronologyEvent => ({ ...e, corroboration: corroboration.get(e.id)! }));
  return { ...summary, events, quantitySeries: quantitySeries(inputs) };
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

/** An event with its corroboration, which is worked out across its whole chronology (figures are compared between events). */
async function eventDetail(db: ReadDb, id: number): Promise<ChronologyEvent> {
  const event = await requireEvent(db, id);
  return (await chronologyDetail(db, event.chronologyId)).events.find((e) => e.id === id)!;
}

async function requireEvent(db: ReadDb, id: number): Promise<StoredEvent> {
  const event = await getEvent(db, id);
  if (!event) throw new UserError('not_found', `There is no event ${id} in this project.`);
  return event;
}

/** A description as the contract gives it: rich text, or plain text with a paragraph per line. */
function descriptionOf(value: string | ContentDoc | null | undefined): { text: string; doc: ContentDoc | null } {
  if (value === null || value === undefined) return { text: '', doc: null };
  const doc: ContentDoc = typeof value === 'string' ? { type: 'doc', content: value.split(/\r?\n/).filter((l) => l.trim()).map((l) => paragraph(l.trim())) } : value;
  const text = canonicalText(doc).text.trim();
  return text ? { text, doc } : { text: '', doc: null };
}

export interface EventInput {
  title?: string | undefined;
  date?: string | undefined;
  time?: string | null | undefined;
  timeZone?: string | null | undefined;
  place?: string | null | undefined;
  description?: string | ContentDoc | null | undefined;
  actorIds?: number[] | undefined;
  tagIds?: number[] | undefined;
}

function checkTimeZone(zone: string | null): string | null {
  if (!zone?.trim()) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone.trim() });
  } catch {
    throw new UserError('invalid_input', `“${zone}” is not a time zone Annalist knows; use an IANA name such as America/Caracas or UTC.`);
  }
  return zone.trim();
}

async function writeEventLinks(tx: WriteDb, eventId: number, input: EventInput): Promise<void> {
  if (input.actorIds !== undefined) {
    const ids = [...new Set(input.actorIds)];
    const known = await existingActorIds(tx, ids);
    const missing = ids.filter((i) => !known.has(i));
    if (missing.length) throw new UserError('not_found', `There is no actor ${missing.join(', ')} in this project.`);
    await setEventActors(tx, eventId, ids);
  }
  if (input.tagIds !== undefined) {
    const ids = [...new Set(input.tagIds)];
    const known = await existingTagIds(tx, ids);
    const missing = ids.filter((i) => !known.has(i));
    if (missing.length) throw new UserError('not_found', `There is no tag ${missing.join(', ')} in this project.`);
    await setEventTags(tx, eventId, ids);
  }
}

function eventFields(base: EventFields, input: EventInput): EventFields {
  const next = { ...base };
  if (input.title !== undefined) next.title = input.title;
  if (input.date !== undefined) {
    const date = parseEventDate(input.date);
    Object.assign(next, { date: date.edtf, sortStart: date.sortStart, sortEnd: date.sortEnd });
  }
  if (input.time !== undefined) next.time = input.time;
  if (input.timeZone !== undefined) next.timeZone = checkTimeZone(input.timeZone);
  if (input.place !== undefined) next.place = input.place?.trim() || null;
  if (input.description !== undefined) {
    const d = descriptionOf(input.description);
    next.description = d.text;
    next.descriptionDoc = d.doc;
  }
  return next;
}

export async function createEvent(
  db: Database,
  input: EventInput & { chronologyId: number; title: string; date: string; claimIds?: number[]; highlightIds?: number[] },
  now = new Date(),
): Promise<ChronologyEvent> {
  const empty: EventFields = { title: '', date: '', sortStart: 0, sortEnd: 0, time: null, timeZone: null, place: null, description: '', descriptionDoc: null };
  const fields = eventFields(empty, input);
  const id = await db.write(async (tx) => {
    await requireChronology(tx, input.chronologyId);
    for (const claimId of input.claimIds ?? []) await requireClaim(tx, claimId);
    for (const highlightId of input.highlightIds ?? []) await requirePassage(tx, highlightId);
    const eventId = await insertEvent(tx, input.chronologyId, fields, now.toISOString());
    await writeEventLinks(tx, eventId, input);
    for (const claimId of input.claimIds ?? []) await linkEvidence(tx, eventId, claimId, 'supports');
    for (const highlightId of input.highlightIds ?? []) await linkPassage(tx, eventId, highlightId, 'supports');
    return eventId;
  });
  return eventDetail(db, id);
}

export async function updateEvent(db: Database, id: number, input: EventInput, now = new Date()): Promise<ChronologyEvent> {
  await db.write(async (tx) => {
    const event = await requireEvent(tx, id);
    const date = parseEventDate(event.date);
    const base: EventFields = {
      title: event.title,
      date: event.date,
      sortStart: date.sortStart,
      sortEnd: date.sortEnd,
      time: event.time,
      timeZone: event.timeZone,
      place: event.place,
      description: event.description,
      descriptionDoc: event.descriptionDoc,
    };
    await writeEvent(tx, id, eventFields(base, input), now.toISOString());
    await writeEventLinks(tx, id, input);
  });
  return eventDetail(db, id);
}

/** Removes an event; its claims and passages stay in the project. */
export async function deleteEvent(db: Database, id: number): Promise<{ deleted: number }> {
  return db.write(async (tx) => {
    await requireEvent(tx, id);
    return { deleted: await deleteEventRow(tx, id) };
  });
}

export async function linkClaimToEvent(db: Database, input: { eventId: number; claimId: number; stance: Stance }): Promise<ChronologyEvent> {
  await db.write(async (tx) => {
    await requireEvent(tx, input.eventId);
    await requireClaim(tx, input.claimId);
    await linkEvidence(tx, input.eventId, input.claimId, input.stance);
  });
  return eventDetail(db, input.eventId);
}

export async function unlinkClaimFromEvent(db: Database, input: { eventId: number; claimId: number }): Promise<ChronologyEvent> {
  await db.write(async (tx) => {
    const event = await requireEvent(tx, input.eventId);
    if ((await unlinkEvidence(tx, input.eventId, input.claimId)) === 0) {
      throw new UserError('not_found', `Claim ${input.claimId} is not evidence of “${event.title}”.`);
    }
  });
  return eventDetail(db, input.eventId);
}

export async function linkPassageToEvent(db: Database, input: { eventId: number; highlightId: number; stance: Stance }): Promise<ChronologyEvent> {
  await db.write(async (tx) => {
    await requireEvent(tx, input.eventId);
    await requirePassage(tx, input.highlightId);
    await linkPassage(tx, input.eventId, input.highlightId, input.stance);
  });
  return eventDetail(db, input.eventId);
}

export async function unlinkPassageFromEvent(db: Database, input: { eventId: number; highlightId: number }): Promise<ChronologyEvent> {
  await db.write(async (tx) => {
    const event = await requireEvent(tx, input.eventId);
    if ((await unlinkPassage(tx, input.eventId, input.highlightId)) === 0) {
      throw new UserError('not_found', `That passage is not evidence of “${event.title}”.`);
    }
  });
  return eventDetail(db, input.eventId);
}

export async function renameChronologyTo(db: Database, id: number, name: string): Promise<ChronologySummary> {
  await db.write(async (tx) => {
    await requireChronology(tx, id);
    const taken = await findChronologyByName(tx, name);
    if (taken && taken.id !== id) throw new UserError('conflict', `There is already a chronology named “${taken.name}”; choose another name.`);
    await renameChronology(tx, id, name);
  });
  return (await getChronology(db, id))!;
}

/** Removes a chronology with its events; the claims and passages stay. */
export async function deleteChronology(db: Database, id: number): Promise<{ deleted: number }> {
  return db.write(async (tx) => {
    await requireChronology(tx, id);
    return { deleted: await deleteChronologyRow(tx, id) };
  });
}
