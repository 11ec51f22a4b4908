import type { Claim, ClaimKind, Comparator, PassageEvidence, Stance } from '../../../../shared/api/types';
import { dateLabel } from '../../../../shared/dates/event-date';
import type { ReadDb, WriteDb } from '../connection';
import { publishedDay } from './articles';

// Claims with their passages. A claim is loaded with all of its evidence in
// two queries whatever the number of claims.

interface ClaimRow {
  id: number;
  statement: string;
  kind: ClaimKind;
  actor_id: number | null;
  actor_name: string | null;
  date_edtf: string | null;
  date_phrase: string | null;
  quantity_value: number | null;
  quantity_comparator: Comparator | null;
  quantity_unit: string | null;
  quantity_as_of: string | null;
  credibility: number | null;
  created_at: string;
  updated_at: string | null;
}

export interface PassageRow {
  owner_id: number;
  highlight_id: number;
  stance: Stance;
  exact: string;
  article_id: number;
}

/** The columns of a passage as evidence: `ownerColumn` names what it is evidence of (a claim, an event). */
export function passageColumns(ownerColumn: string): string {
  return `${ownerColumn} AS owner_id, h.id AS highlight_id, x.stance, h.exact, h.article_id`;
}

export const PASSAGE_JOINS = 'JOIN highlights h ON h.id = x.highlight_id';

interface ArticleFacts {
  id: number;
  title: string;
  outlet: string | null;
  published_at: string | null;
  story_id: number;
  sha256: string;
  reliability: string | null;
}

// What a passage's source is, read once per article rather than once per
// passage: a chronology of thousands of events cites the same few thousand
// articles tens of thousands of times.
async function articleFacts(db: ReadDb, rows: PassageRow[]): Promise<Map<number, ArticleFacts>> {
  const ids = [...new Set(rows.map((r) => r.article_id))];
  const facts = await db.all<ArticleFacts>(
    `SELECT a.id, a.title, a.outlet, a.published_at, a.story_id, o.sha256, g.reliability
       FROM articles a JOIN originals o ON o.article_id = a.id LEFT JOIN outlet_grades g ON g.outlet = a.outlet
      WHERE a.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
  return new Map(facts.map((f) => [f.id, f]));
}

/** Passage rows as evidence grouped by what they are evidence of, in the query's order. */
export async function passagesByOwner(db: ReadDb, rows: PassageRow[]): Promise<Map<number, PassageEvidence[]>> {
  const facts = await articleFacts(db, rows);
  const published = new Map<number, string | null>();
  const out = new Map<number, PassageEvidence[]>();
  for (const r of rows) {
    const a = facts.get(r.article_id)!;
    let day = published.get(a.id);
    if (day === undefined) published.set(a.id, (day = publishedDay(a.published_at)));
    const list = out.get(r.owner_id) ?? [];
    list.push({
      highlightId: r.highlight_id,
      stance: r.stance,
      quote: r.exact,
      articleId: a.id,
      articleTitle: a.title,
      outlet: a.outlet,
      publishedAt: day,
      storyId: a.story_id,
      sha256: a.sha256,
      reliability: a.reliability,
    });
    out.set(r.owner_id, list);
  }
  return out;
}

function toClaim(r: ClaimRow, evidence: PassageEvidence[]): Claim {
  const first = evidence[0];
  return {
    id: r.id,
    statement: r.statement,
    kind: r.kind,
    actor: r.actor_id !== null && r.actor_name !== null ? { id: r.actor_id, name: r.actor_name } : null,
    date: r.date_edtf,
    dateLabel: r.date_edtf ? dateLabel(r.date_edtf) : null,
    datePhrase: r.date_phrase,
    quantity:
      r.quantity_value !== null && r.quantity_comparator !== null && r.quantity_unit !== null
        ? { value: r.quantity_value, comparator: r.quantity_comparator, unit: r.quantity_unit, asOf: r.quantity_as_of }
        : null,
    credibility: r.credibility,
    evidence,
    highlightId: first?.highlightId ?? 0,
    articleId: first?.articleId ?? 0,
    quote: first?.quote ?? '',
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Claims by id, in the order of the ids given. */
export async function claimsById(db: ReadDb, ids: number[]): Promise<Claim[]> {
  if (ids.length === 0) return [];
  const json = JSON.stringify(ids);
  const rows = await db.all<ClaimRow>(
    `SELECT c.*, ac.name AS actor_name FROM claims c LEFT JOIN actors ac ON ac.id = c.actor_id
      WHERE c.id IN (SELECT value FROM json_each(?))`,
    [json],
  );
  const passages = await db.all<PassageRow>(
    `SELECT ${passageColumns('x.claim_id')} FROM claim_evidence x ${PASSAGE_JOINS}
      WHERE x.claim_id IN (SELECT value FROM json_each(?))
      ORDER BY x.claim_id, h.id`,
    [json],
  );
  const evidence = await passagesByOwner(db, passages);
  const byId = new Map(rows.map((r) => [r.id, toClaim(r, evidence.get(r.id) ?? [])]));
  return ids.map((id) => byId.get(id)).filter((c): c is Claim => c !== undefined);
}

export async function getClaim(db: ReadDb, id: number): Promise<Claim | undefined> {
  return (await claimsById(db, [id]))[0];
}

/** Every claim, or those with a passage in one article (in that article's reading order). */
export async function listClaims(db: ReadDb, articleId?: number): Promise<Claim[]> {
  const rows =
    articleId === undefined
      ? await db.all<{ id: number }>('SELECT id FROM claims ORDER BY id')
      : await db.all<{ id: number }>(
          `SELECT ce.claim_id AS id FROM claim_evidence ce JOIN highlights h ON h.id = ce.highlight_id
            WHERE h.article_id = ? GROUP BY ce.claim_id ORDER BY MIN(h.start_offset), ce.claim_id`,
          [articleId],
        );
  return claimsById(db, rows.map((r) => r.id));
}

export interface ClaimFields {
  statement: string;
  kind: ClaimKind;
  actorId: number | null;
  date: string | null;
  datePhrase: string | null;
  quantity: { value: number; comparator: Comparator; unit: string; asOf: string | null } | null;
  credibility: number | null;
}

export async function insertClaim(db: WriteDb, fields: ClaimFields, createdAt: string): Promise<number> {
  const q = fields.quantity;
  const { lastID } = await db.run(
    `INSERT INTO claims (statement, kind, actor_id, date_edtf, date_phrase, quantity_value, quantity_comparator, quantity_unit,
                         quantity_as_of, credibility, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [fields.statement, fields.kind, fields.actorId, fields.date, fields.datePhrase, q?.value ?? null, q?.comparator ?? null, q?.unit ?? null, q?.asOf ?? null, fields.credibility, createdAt],
  );
  return lastID;
}

export async function writeClaim(db: WriteDb, id: number, fields: ClaimFields, updatedAt: string): Promise<void> {
  const q = fields.quantity;
  await db.run(
    `UPDATE claims SET statement = ?, kind = ?, actor_id = ?, date_edtf = ?, date_phrase = ?, quantity_value = ?,
                       quantity_comparator = ?, quantity_unit = ?, quantity_as_of = ?, credibility = ?, updated_at = ?
      WHERE id = ?`,
    [fields.statement, fields.kind, fields.actorId, fields.date, fields.datePhrase, q?.value ?? null, q?.comparator ?? null, q?.unit ?? null, q?.asOf ?? null, fields.credibility, updatedAt, id],
  );
}

export async function deleteClaimRow(db: WriteDb, id: number): Promise<number> {
  return (await db.run('DELETE FROM claims WHERE id = ?', [id])).changes;
}

/** Adds a passage to a claim's evidence, or changes its stance if it is there. */
export async function setClaimEvidence(db: WriteDb, claimId: number, highlightId: number, stance: Stance): Promise<void> {
  await db.run(
    `INSERT INTO claim_evidence (claim_id, highlight_id, stance) VALUES (?, ?, ?)
     ON CONFLICT (claim_id, highlight_id) DO UPDATE SET stance = excluded.stance`,
    [claimId, highlightId, stance],
  );
}

export async function removeClaimEvidence(db: WriteDb, claimId: number, highlightId: number): Promise<number> {
  return (await db.run('DELETE FROM claim_evidence WHERE claim_id = ? AND highlight_id = ?', [claimId, highlightId])).changes;
}

/** How many claims and events cite a highlight as evidence. */
export async function evidenceUses(db: ReadDb, highlightId: number): Promise<{ claims: number; events: number }> {
  const row = await db.get<{ claims: number; events: number }>(
    `SELECT (SELECT COUNT(*) FROM claim_evidence WHERE highlight_id = ?) AS claims,
            (SELECT COUNT(*) FROM event_passages WHERE highlight_id = ?) AS events`,
    [highlightId, highlightId],
  );
  return row ?? { claims: 0, events: 0 };
}

/** Events a claim is evidence of. */
export async function eventsCitingClaim(db: ReadDb, claimId: number): Promise<number> {
  return (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM event_evidence WHERE claim_id = ?', [claimId]))?.n ?? 0;
}
