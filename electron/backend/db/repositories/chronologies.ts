import type {
  ChronologyEvent,
  ChronologySummary,
  EvidenceCitation,
  Stance,
} from '../../../../shared/api/types';
import { dateLabel } from '../../../../shared/dates/event-date';
import type { ReadDb, WriteDb } from '../connection';
import { publishedDay } from './articles';

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

export interface NewEvent {
  chronologyId: number;
  title: string;
  date: string;
  sortStart: number;
  sortEnd: number;
  description: string;
  createdAt: string;
}

export async function insertEvent(db: WriteDb, e: NewEvent): Promise<number> {
  const { lastID } = await db.run(
    `INSERT INTO events (chronology_id, title, date_edtf, sort_start, sort_end, description, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [e.chronologyId, e.title, e.date, e.sortStart, e.sortEnd, e.description, e.createdAt],
  );
  return lastID;
}

export async function linkEvidence(db: WriteDb, eventId: number, claimId: number, stance: Stance): Promise<void> {
  await db.run(
    `INSERT INTO event_evidence (event_id, claim_id, stance, position)
     VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM event_evidence WHERE event_id = ?))
     ON CONFLICT (event_id, claim_id) DO UPDATE SET stance = excluded.stance`,
    [eventId, claimId, stance, eventId],
  );
}

interface EventRow {
  id: number;
  chronology_id: number;
  title: string;
  date_edtf: string;
  description: string;
  created_at: string;
}

interface EvidenceRow {
  event_id: number;
  claim_id: number;
  statement: string;
  stance: Stance;
  quote: string;
  article_id: number;
  article_title: string;
  outlet: string | null;
  published_at: string | null;
  sha256: string;
}

// One query for the events, one for all their evidence: a chronology of
// thousands of events opens without a query per event.
async function loadEvents(db: ReadDb, where: string, params: (number | string)[]): Promise<ChronologyEvent[]> {
  const events = await db.all<EventRow>(
    `SELECT id, chronology_id, title, date_edtf, description, created_at FROM events e
      WHERE ${where} ORDER BY sort_start, sort_end, id`,
    params,
  );
  const evidence = await db.all<EvidenceRow>(
    `SELECT ee.event_id, c.id AS claim_id, c.statement, ee.stance, h.exact AS quote,
            a.id AS article_id, a.title AS article_title, a.outlet, a.published_at, o.sha256
       FROM event_evidence ee
       JOIN events e ON e.id = ee.event_id
       JOIN claims c ON c.id = ee.claim_id
       JOIN claim_evidence ce ON ce.claim_id = c.id
       JOIN highlights h ON h.id = ce.highlight_id
       JOIN articles a ON a.id = h.article_id
       JOIN originals o ON o.article_id = a.id
      WHERE ${where}
      ORDER BY ee.event_id, ee.position, h.id`,
    params,
  );
  const byEvent = new Map<number, EvidenceCitation[]>();
  for (const r of evidence) {
    const list = byEvent.get(r.event_id) ?? [];
    list.push({
      claimId: r.claim_id,
      statement: r.statement,
      stance: r.stance,
      quote: r.quote,
      articleId: r.article_id,
      articleTitle: r.article_title,
      outlet: r.outlet,
      publishedAt: publishedDay(r.published_at),
      sha256: r.sha256,
    });
    byEvent.set(r.event_id, list);
  }
  return events.map((e) => ({
    id: e.id,
    chronologyId: e.chronology_id,
    title: e.title,
    date: e.date_edtf,
    dateLabel: dateLabel(e.date_edtf),
    description: e.description,
    evidence: byEvent.get(e.id) ?? [],
    createdAt: e.created_at,
  }));
}

export function listEvents(db: ReadDb, chronologyId: number): Promise<ChronologyEvent[]> {
  return loadEvents(db, 'e.chronology_id = ?', [chronologyId]);
}

export async function getEvent(db: ReadDb, id: number): Promise<ChronologyEvent | undefined> {
  return (await loadEvents(db, 'e.id = ?', [id]))[0];
}
