import { UserError } from '../../../shared/api/result';
import type { Claim, ClaimKind, Comparator, DateSuggestions, Source, Stance } from '../../../shared/api/types';
import { findDateMentions } from '../../../shared/dates/date-mentions';
import { dateLabel, parseEventDate } from '../../../shared/dates/event-date';
import type { Database, ReadDb, WriteDb } from '../db/connection';
import { getHighlight } from '../db/repositories/annotations';
import { getActor } from '../db/repositories/actors';
import { publishedDay } from '../db/repositories/articles';
import {
  deleteClaimRow,
  eventsCitingClaim,
  getClaim,
  insertClaim,
  removeClaimEvidence,
  setClaimEvidence,
  writeClaim,
  type ClaimFields,
} from '../db/repositories/claims';
import { listSources, outletArticleCount, setOutletGrade } from '../db/repositories/sources';
import { actorNamed } from './actor-service';
import { requirePassage } from './annotation-service';

// Claims: a statement in the researcher's words, what kind of assertion it
// is, who makes it, the date or quantity it asserts, how credible it is,
// and the passages that are its evidence, each with a stance.

export interface QuantityInput {
  value: number;
  comparator: Comparator;
  unit: string;
  asOf?: string | null | undefined;
}

/** Fields as the contract gives them: undefined leaves a field as it is, null clears it. */
export interface ClaimChanges {
  statement?: string | undefined;
  kind?: ClaimKind | undefined;
  actorId?: number | null | undefined;
  actorName?: string | null | undefined;
  date?: string | null | undefined;
  datePhrase?: string | null | undefined;
  quantity?: QuantityInput | null | undefined;
  credibility?: number | null | undefined;
}

async function requireClaim(db: ReadDb, id: number): Promise<Claim> {
  const claim = await getClaim(db, id);
  if (!claim) throw new UserError('not_found', `There is no claim ${id} in this project.`);
  return claim;
}

/** A claim's fields after these changes, checked: an unreadable date or an incomplete quantity is refused with the reason. */
async function resolveFields(tx: WriteDb, base: ClaimFields, changes: ClaimChanges, now: Date): Promise<ClaimFields> {
  const next: ClaimFields = { ...base };
  if (changes.statement !== undefined) next.statement = changes.statement;
  if (changes.kind !== undefined) next.kind = changes.kind;
  if (changes.actorName !== undefined) next.actorId = changes.actorName === null ? null : await actorNamed(tx, changes.actorName, now);
  if (changes.actorId !== undefined) {
    if (changes.actorId !== null && !(await getActor(tx, changes.actorId))) throw new UserError('not_found', `There is no actor ${changes.actorId} in this project.`);
    next.actorId = changes.actorId;
  }
  if (changes.date !== undefined) next.date = changes.date === null ? null : parseEventDate(changes.date).edtf;
  if (changes.datePhrase !== undefined) next.datePhrase = changes.datePhrase?.trim() || null;
  if (next.date === null) next.datePhrase = null;
  if (changes.quantity !== undefined) {
    const q = changes.quantity;
    if (q === null) next.quantity = null;
    else {
      const unit = q.unit.replace(/\s+/g, ' ').trim();
      if (!unit) throw new UserError('invalid_input', 'A quantity needs a unit: what is counted, e.g. “people killed”.');
      const asOf = q.asOf ? parseEventDate(q.asOf).edtf : null;
      next.quantity = { value: q.value, comparator: q.comparator, unit, asOf };
    }
  }
  if (changes.credibility !== undefined) next.credibility = changes.credibility;
  return next;
}

const EMPTY: ClaimFields = { statement: '', kind: 'other', actorId: null, date: null, datePhrase: null, quantity: null, credibility: null };

export async function createClaim(
  db: Database,
  input: ClaimChanges & { statement: string; highlightId: number; stance?: Stance | undefined },
  now = new Date(),
): Promise<Claim> {
  const id = await db.write(async (tx) => {
    await requirePassage(tx, input.highlightId);
    const kind = input.kind ?? (input.quantity ? 'quantity' : 'event');
    const fields = await resolveFields(tx, EMPTY, { ...input, kind }, now);
    const claimId = await insertClaim(tx, fields, now.toISOString());
    await setClaimEvidence(tx, claimId, input.highlightId, input.stance ?? 'supports');
    return claimId;
  });
  return (await getClaim(db, id))!;
}

export async function updateClaim(db: Database, id: number, changes: ClaimChanges, now = new Date()): Promise<Claim> {
  await db.write(async (tx) => {
    const claim = await requireClaim(tx, id);
    const base: ClaimFields = {
      statement: claim.statement,
      kind: claim.kind,
      actorId: claim.actor?.id ?? null,
      date: claim.date,
      datePhrase: claim.datePhrase,
      quantity: claim.quantity,
      credibility: claim.credibility,
    };
    await writeClaim(tx, id, await resolveFields(tx, base, changes, now), now.toISOString());
  });
  return (await getClaim(db, id))!;
}

/** Adds a passage (from any article) to a claim's evidence, or changes the stance it has there. */
export async function setEvidence(db: Database, input: { claimId: number; highlightId: number; stance: Stance }): Promise<Claim> {
  await db.write(async (tx) => {
    await requireClaim(tx, input.claimId);
    await requirePassage(tx, input.highlightId);
    await setClaimEvidence(tx, input.claimId, input.highlightId, input.stance);
  });
  return (await getClaim(db, input.claimId))!;
}

export async function removeEvidence(db: Database, input: { claimId: number; highlightId: number }): Promise<Claim> {
  await db.write(async (tx) => {
    const claim = await requireClaim(tx, input.claimId);
    if (!claim.evidence.some((e) => e.highlightId === input.highlightId)) {
      throw new UserError('not_found', `That passage is not evidence of the claim “${claim.statement}”.`);
    }
    if (claim.evidence.length === 1) {
      throw new UserError('invalid_input', `“${claim.statement}” has no other evidence; a claim keeps at least one passage (delete the claim instead).`);
    }
    await removeClaimEvidence(tx, input.claimId, input.highlightId);
  });
  return (await getClaim(db, input.claimId))!;
}

export async function deleteClaim(db: Database, id: number): Promise<{ deleted: number }> {
  return db.write(async (tx) => {
    const claim = await requireClaim(tx, id);
    const events = await eventsCitingClaim(tx, id);
    if (events > 0) {
      throw new UserError('conflict', `“${claim.statement}” is evidence of ${events === 1 ? 'an event' : `${events} events`}; remove it from ${events === 1 ? 'that event' : 'them'} first.`);
    }
    await tx.run('DELETE FROM claim_evidence WHERE claim_id = ?', [id]);
    return { deleted: await deleteClaimRow(tx, id) };
  });
}

export { listSources };

/** Grades an outlet's reliability (A-F), or clears the grade with null. */
export async function gradeSource(db: Database, input: { outlet: string; reliability: string | null }, now = new Date()): Promise<Source[]> {
  const outlet = input.outlet.trim();
  await db.write(async (tx) => {
    if ((await outletArticleCount(tx, outlet)) === 0) throw new UserError('not_found', `No article in this project comes from “${outlet}”.`);
    await setOutletGrade(tx, outlet, input.reliability, now.toISOString());
  });
  return listSources(db);
}

/**
 * The dates a passage mentions, resolved against its article's publication
 * date ("on Wednesday" in an article of Friday 2 January 2026 is
 * 2025-12-31). Without a publication date only dates written in full get a
 * value: the researcher is asked for the publication date instead of a guess.
 */
export async function suggestDates(db: ReadDb, highlightId: number): Promise<DateSuggestions> {
  const h = await getHighlight(db, highlightId);
  if (!h) throw new UserError('not_found', `There is no highlight ${highlightId} in this project.`);
  const article = await db.get<{ published_at: string | null }>('SELECT published_at FROM articles WHERE id = ?', [h.articleId]);
  const reference = publishedDay(article?.published_at ?? null);
  return {
    articleId: h.articleId,
    reference,
    suggestions: findDateMentions(h.exact, reference).map((m) => ({ text: m.text, edtf: m.edtf, label: m.edtf ? dateLabel(m.edtf) : null })),
  };
}
