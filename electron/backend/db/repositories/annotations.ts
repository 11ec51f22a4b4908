import type { Claim, Highlight } from '../../../../shared/api/types';
import type { ReadDb, WriteDb } from '../connection';

interface HighlightRow {
  id: number;
  article_id: number;
  start_offset: number;
  end_offset: number;
  exact: string;
  prefix: string;
  suffix: string;
  color: string;
  created_at: string;
}

function toHighlight(r: HighlightRow): Highlight {
  return {
    id: r.id,
    articleId: r.article_id,
    start: r.start_offset,
    end: r.end_offset,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    color: r.color,
    createdAt: r.created_at,
  };
}

export interface NewHighlight {
  articleId: number;
  textVersion: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  color: string;
  createdAt: string;
}

export async function insertHighlight(db: WriteDb, h: NewHighlight): Promise<number> {
  const { lastID } = await db.run(
    `INSERT INTO highlights (article_id, text_version, start_offset, end_offset, exact, prefix, suffix, color, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [h.articleId, h.textVersion, h.start, h.end, h.exact, h.prefix, h.suffix, h.color, h.createdAt],
  );
  return lastID;
}

export async function getHighlight(db: ReadDb, id: number): Promise<Highlight | undefined> {
  const row = await db.get<HighlightRow>('SELECT * FROM highlights WHERE id = ?', [id]);
  return row && toHighlight(row);
}

export async function listHighlights(db: ReadDb, articleId: number): Promise<Highlight[]> {
  const rows = await db.all<HighlightRow>(
    'SELECT * FROM highlights WHERE article_id = ? ORDER BY start_offset, end_offset, id',
    [articleId],
  );
  return rows.map(toHighlight);
}

export async function deleteHighlight(db: WriteDb, id: number): Promise<number> {
  return (await db.run('DELETE FROM highlights WHERE id = ?', [id])).changes;
}

export async function claimsCitingHighlight(db: ReadDb, highlightId: number): Promise<number> {
  return (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM claim_evidence WHERE highlight_id = ?', [highlightId]))?.n ?? 0;
}

interface ClaimRow {
  id: number;
  statement: string;
  created_at: string;
  highlight_id: number;
  article_id: number;
  exact: string;
}

const CLAIM_SELECT = `
  SELECT c.id, c.statement, c.created_at, h.id AS highlight_id, h.article_id, h.exact
    FROM claims c
    JOIN claim_evidence ce ON ce.claim_id = c.id
    JOIN highlights h ON h.id = ce.highlight_id`;

function toClaim(r: ClaimRow): Claim {
  return {
    id: r.id,
    statement: r.statement,
    highlightId: r.highlight_id,
    articleId: r.article_id,
    quote: r.exact,
    createdAt: r.created_at,
  };
}

export async function insertClaim(db: WriteDb, statement: string, highlightId: number, createdAt: string): Promise<number> {
  const { lastID } = await db.run('INSERT INTO claims (statement, created_at) VALUES (?, ?)', [statement, createdAt]);
  await db.run("INSERT INTO claim_evidence (claim_id, highlight_id, stance) VALUES (?, ?, 'supports')", [lastID, highlightId]);
  return lastID;
}

export async function getClaim(db: ReadDb, id: number): Promise<Claim | undefined> {
  const row = await db.get<ClaimRow>(`${CLAIM_SELECT} WHERE c.id = ? ORDER BY h.id LIMIT 1`, [id]);
  return row && toClaim(row);
}

export async function listClaims(db: ReadDb, articleId?: number): Promise<Claim[]> {
  const rows =
    articleId === undefined
      ? await db.all<ClaimRow>(`${CLAIM_SELECT} ORDER BY c.id`)
      : await db.all<ClaimRow>(`${CLAIM_SELECT} WHERE h.article_id = ? ORDER BY h.start_offset, c.id`, [articleId]);
  return rows.map(toClaim);
}
