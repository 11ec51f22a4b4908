import type {
  ActorRef,
  ChronologyEvent,
  ChronologySummary,
  EvidenceCitation,
  PassageEvidence,
  Stance,
  TagRef,
} from '../../../../shared/api/types';
import { stanceThroughClaim } from '../../../../shared/chronology/event-evidence';
import type { ContentDoc } from '../../../../shared/content/doc';
import { dateLabel } from '../../../../shared/dates/event-date';
import type { ReadDb, WriteDb } from '../connection';
import { claimsById, PASSAGE_JOINS, passageColumns, passagesByOwner, type PassageRow } from './claims';

interface ChronologyRow {
  id: number;
  name: string;
  created_at: string;
  event_count: number;
}

const CHRONOLOGY_SELECT = `
  SELECT c.id, c.name, c.created_at, (SELECT COUNT(*) FROM events e WHERE e.chronology_id = c.id) AS event_count
    FROM chronologies c`;

function toChronology(r: ChronologyRow): ChronologySummary {
  return { id: r.id, name: r.name, eventCount: r.event_count, createdAt: r.created_at };
}

export async function insertChronology(db: WriteDb, name: string, createdAt: string): Promise<number> {
  return (await db.run('INSERT INTO chronologies (name, created_at) VALUES (?, ?)', [name, createdAt])).lastID;
}

export async function listChronologies(db: ReadDb): Promise<ChronologySummary[]> {
  return (await db.all<ChronologyRow>(`${CHRONOLOGY_SELECT} ORDER BY c.id`)).map(toChronology);
}

export async function getChronology(db: ReadDb, id: number): Promise<ChronologySummary | undefined> {
  const row = await db.get<ChronologyRow>(`${CHRONOLOGY_SELECT} WHERE c.id = ?`, [id]);
  return row && toChronology(row);
}

export async function findChronologyByName(db: ReadDb, name: string): Promise<ChronologySummary | undefined> {
  const row = await db.get<ChronologyRow>(`${CHRONOLOGY_SELECT} WHERE c.name = ? COLLATE NOCASE`, [name]);
  return row && toChronology(row);
}

export interface EventFields {
  title: string;
  date: string;
  sortStart: number;
  sortEnd: number;
  time: string | null;
  timeZone: string | null;
  place: string | null;
  /** Plain text of the description. */
  description: string;
  descriptionDoc: ContentDoc | null;
}

export async function insertEvent(db: WriteDb, chronologyId: number, e: EventFields, createdAt: string): Promise<number> {
  const { lastID } = await db.run(
    `INSERT INTO events (chronology_id, title, date_edtf, sort_start, sort_end, time, time_zone, place, description, description_doc, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [chronologyId, e.title, e.date, e.sortStart, e.sortEnd, e.time, e.timeZone, e.place, e.description, e.descriptionDoc ? JSON.stringify(e.descriptionDoc) : null, createdAt],
  );
  return lastID;
}

export async function writeEvent(db: WriteDb, id: number, e: EventFields, updatedAt: string): Promise<void> {
  await db.run(
    `UPDATE events SET title = ?, date_edtf = ?, sort_start = ?, sort_end = ?, time = ?, time_zone = ?, place = ?,
                       description = ?, description_doc = ?, updated_at = ?
      WHERE id = ?`,
    [e.title, e.date, e.sortStart, e.sortEnd, e.time, e.timeZone, e.place, e.description, e.descriptionDoc ? JSON.stringify(e.descriptionDoc) : null, updatedAt, id],
  );
}

export async function setEventActors(db: WriteDb, eventId: number, actorIds: number[]): Promise<void> {
  await db.run('DELETE FROM event_actors WHERE event_id = ?', [eventId]);
  await db.run('INSERT OR IGNORE INTO event_actors (event_id, actor_id) SELECT ?, value FROM json_each(?)', [eventId, JSON.stringify(actorIds)]);
}

export async function setEventTags(db: WriteDb, eventId: number, tagIds: number[]): Promise<void> {
  await db.run('DELETE FROM event_tags WHERE event_id = ?', [eventId]);
  await db.run('INSERT OR IGNORE INTO event_tags (event_id, tag_id) SELECT ?, value FROM json_each(?)', [eventId, JSON.stringify(tagIds)]);
}

export async function linkEvidence(db: WriteDb, eventId: number, claimId: number, stance: Stance): Promise<void> {
  await db.run(
    `INSERT INTO event_evidence (event_id, claim_id, stance, position)
     VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM event_evidence WHERE event_id = ?))
     ON CONFLICT (event_id, claim_id) DO UPDATE SET stance = excluded.stance`,
    [eventId, claimId, stance, eventId],
  );
}

export async function unlinkEvidence(db: WriteDb, eventId: number, claimId: number): Promise<number> {
  return (await db.run('DELETE FROM event_evidence WHERE event_id = ? AND claim_id = ?', [eventId, claimId])).changes;
}

export async function linkPassage(db: WriteDb, eventId: number, highlightId: number, stance: Stance): Promise<void> {
  await db.run(
    `INSERT INTO event_passages (event_id, highlight_id, stance, position)
     VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM event_passages WHERE event_id = ?))
     ON CONFLICT (event_id, highlight_id) DO UPDATE SET stance = excluded.stance`,
    [eventId, highlightId, stance, eventId],
  );
}

export async function unlinkPassage(db: WriteDb, eventId: number, highlightId: number): Promise<number> {
  return (await db.run('DELETE FROM event_passages WHERE event_id = ? AND highlight_id = ?', [eventId, highlightId])).changes;
}

export async function deleteEventRow(db: WriteDb, id: number): Promise<number> {
  return (await db.run('DELETE FROM events WHERE id = ?', [id])).changes;
}

export async function renameChronology(db: WriteDb, id: number, name: string): Promise<void> {
  await db.run('UPDATE chronologies SET name = ? WHERE id = ?', [name, id]);
}

export async function deleteChronologyRow(db: WriteDb, id: number): Promise<number> {
  return (await db.run('DELETE FROM chronologies WHERE id = ?', [id])).changes;
}

interface EventRow {
  id: number;
  chronology_id: number;
  title: string;
  date_edtf: string;
  time: string | null;
  time_zone: string | null;
  place: string | null;
  description: string;
  description_doc: string | null;
  created_at: string;
  updated_at: string | null;
}

function group<T extends { event_id: number }, U>(rows: T[], map: (r: T) => U): Map<number, U[]> {
  const out = new Map<number, U[]>();
  for (const r of rows) {
    const list = out.get(r.event_id) ?? [];
    list.push(map(r));
    out.set(r.event_id, list);
  }
  return out;
}

// A fixed number of queries whatever the number of events: the events, their
// claims (with every claim's passages), their direct passages, actors and
// tags. A chronology of thousands of events opens without a query per event.
async function loadEvents(db: ReadDb, where: string, params: (number | string)[]): Promise<StoredEvent[]> {
  const events = await db.all<EventRow>(
    `SELECT id, chronology_id, title, date_edtf, time, time_zone, place, description, description_doc, created_at, updated_at
       FROM events e WHERE ${where} ORDER BY sort_start, sort_end, id`,
    params,
  );
  if (events.length === 0) return [];
  const links = await db.all<{ event_id: number; claim_id: number; stance: Stance }>(
    `SELECT ee.event_id, ee.claim_id, ee.stance FROM event_evidence ee JOIN events e ON e.id = ee.event_id
      WHERE ${where} ORDER BY ee.event_id, ee.position`,
    params,
  );
  const claims = new Map((await claimsById(db, [...new Set(links.map((l) => l.claim_id))])).map((c) => [c.id, c]));
  const passages = await db.all<PassageRow>(
    `SELECT ${passageColumns('x.event_id')} FROM event_passages x JOIN events e ON e.id = x.event_id ${PASSAGE_JOINS}
      WHERE ${where} ORDER BY x.event_id, x.position`,
    params,
  );
  const actors = await db.all<{ event_id: number; id: number; name: string }>(
    `SELECT ea.event_id, ac.id, ac.name FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id JOIN events e ON e.id = ea.event_id
      WHERE ${where} ORDER BY ac.name COLLATE NOCASE`,
    params,
  );
  const tags = await db.all<{ event_id: number; id: number; name: string; color: string }>(
    `SELECT et.event_id, t.id, t.name, t.color FROM event_tags et JOIN tags t ON t.id = et.tag_id JOIN events e ON e.id = et.event_id
      WHERE ${where} ORDER BY t.name COLLATE NOCASE`,
    params,
  );
  const claimsByEvent = group(links, (l) => ({ ...claims.get(l.claim_id)!, eventStance: l.stance }));
  const passagesByEvent = await passagesByOwner(db, passages);
  const actorsByEvent = group(actors, (a): ActorRef => ({ id: a.id, name: a.name }));
  const tagsByEvent = group(tags, (t): TagRef => ({ id: t.id, name: t.name, color: t.color }));

  return events.map((e): StoredEvent => {
    const eventClaims = (claimsByEvent.get(e.id) ?? []).filter((c) => c.id !== undefined);
    const direct = passagesByEvent.get(e.id) ?? [];
    const evidence: EvidenceCitation[] = [
      ...eventClaims.flatMap((c) =>
        c.evidence.map((p) => citation(p, c.id, c.statement, stanceThroughClaim(c.eventStance, p.stance))),
      ),
      ...direct.map((p) => citation(p, null, null, p.stance)),
    ];
    return {
      id: e.id,
      chronologyId: e.chronology_id,
      title: e.title,
      date: e.date_edtf,
      dateLabel: dateLabel(e.date_edtf),
      time: e.time,
      timeZone: e.time_zone,
      place: e.place,
      description: e.description,
      descriptionDoc: e.description_doc ? (JSON.parse(e.description_doc) as ContentDoc) : null,
      actors: actorsByEvent.get(e.id) ?? [],
      tags: tagsByEvent.get(e.id) ?? [],
      claims: eventClaims,
      passages: direct,
      evidence,
      createdAt: e.created_at,
      updatedAt: e.updated_at,
    };
  });
}

function citation(p: PassageEvidence, claimId: number | null, statement: string | null, stance: Stance): EvidenceCitation {
  return { ...p, claimId, statement, stance };
}

/** An event as stored; corroboration is computed over a whole chronology (chronology-service). */
export type StoredEvent = Omit<ChronologyEvent, 'corroboration'>;

export function listEvents(db: ReadDb, chronologyId: number): Promise<StoredEvent[]> {
  return loadEvents(db, 'e.chronology_id = ?', [chronologyId]);
}

export async function getEvent(db: ReadDb, id: number): Promise<StoredEvent | undefined> {
  return (await loadEvents(db, 'e.id = ?', [id]))[0];
}
