import { UserError } from '../../../shared/api/result';
import type { Highlight } from '../../../shared/api/types';
import { quoteSelector } from '../../../shared/anchoring/text-quote';
import type { Database, ReadDb } from '../db/connection';
import { currentText } from '../db/repositories/articles';
import { canonicalText } from '../../../shared/content/canonical-text';
import type { ContentDoc } from '../../../shared/content/doc';
import {
  getHighlight,
  insertHighlight,
  markHighlightDeleted,
  setHighlightAnchor,
  setHighlightColor,
  setHighlightNote,
  setHighlightTags as writeHighlightTags,
} from '../db/repositories/annotations';
import { evidenceUses } from '../db/repositories/claims';
import { existingTagIds } from '../db/repositories/tags';

/** The quote selector of a selection in the current text, refused when it is outside the text or only spaces. */
function selectionQuote(current: { text: string }, start: number, end: number) {
  if (end <= start || end > current.text.length) {
    throw new UserError(
      'invalid_input',
      `The selection ${start}–${end} is not inside the article's text, which is ${current.text.length} characters long.`,
    );
  }
  const quote = quoteSelector(current.text, start, end);
  if (!quote.exact.trim()) throw new UserError('invalid_input', 'The selection holds only spaces; select some words to highlight.');
  return quote;
}

async function requireCurrentText(db: Parameters<typeof currentText>[0], articleId: number) {
  const current = await currentText(db, articleId);
  if (!current) throw new UserError('not_found', `There is no article ${articleId} in this project.`);
  return current;
}

export async function createHighlight(
  db: Database,
  input: { articleId: number; start: number; end: number; color: string },
  now = new Date(),
): Promise<Highlight> {
  const id = await db.write(async (tx) => {
    const current = await requireCurrentText(tx, input.articleId);
    const quote = selectionQuote(current, input.start, input.end);
    return insertHighlight(tx, {
      articleId: input.articleId,
      textVersion: current.version,
      start: input.start,
      end: input.end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      color: input.color,
      createdAt: now.toISOString(),
    });
  });
  return (await getHighlight(db, id))!;
}

/**
 * Puts a highlight on a range of the article's current text chosen by hand
 * (an orphaned highlight after a correction, or a fuzzy one put right). It
 * keeps its note, tags, colour and claims; the words it was first made on
 * stay in originalExact.
 */
export async function reattachHighlight(db: Database, input: { id: number; start: number; end: number }): Promise<Highlight> {
  await db.write(async (tx) => {
    const highlight = await requireHighlight(tx, input.id);
    const current = await requireCurrentText(tx, highlight.articleId);
    const quote = selectionQuote(current, input.start, input.end);
    await setHighlightAnchor(tx, input.id, {
      textVersion: current.version,
      start: input.start,
      end: input.end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      status: 'anchored',
    });
  });
  return (await getHighlight(db, input.id))!;
}

/**
 * Deletes a highlight so that Undo can bring it back (restoreHighlight) with
 * its note and tags; it is removed for good when the project is next opened.
 */
export async function deleteHighlight(db: Database, id: number, now = new Date()): Promise<{ deleted: number }> {
  return db.write(async (tx) => {
    if (!(await getHighlight(tx, id))) throw new UserError('not_found', `There is no highlight ${id} in this project.`);
    const uses = await evidenceUses(tx, id);
    if (uses.claims > 0 || uses.events > 0) {
      const what = [
        uses.claims > 0 ? (uses.claims === 1 ? 'a claim' : `${uses.claims} claims`) : null,
        uses.events > 0 ? (uses.events === 1 ? 'an event' : `${uses.events} events`) : null,
      ].filter(Boolean).join(' and ');
      const them = uses.claims + uses.events > 1 ? 'them' : uses.claims === 1 ? 'that claim' : 'that event';
      throw new UserError('conflict', `This highlight is the evidence of ${what}; remove it from ${them} before deleting it.`);
    }
    return { deleted: await markHighlightDeleted(tx, id, now.toISOString()) };
  });
}

/** Undoes deleteHighlight. */
export async function restoreHighlight(db: Database, id: number): Promise<Highlight> {
  await db.write(async (tx) => {
    if (!(await getHighlight(tx, id, { deleted: true }))) {
      throw new UserError('not_found', `There is no deleted highlight ${id} to bring back in this project (deleting is undone until the project is closed).`);
    }
    await markHighlightDeleted(tx, id, null);
  });
  return (await getHighlight(db, id))!;
}

async function requireHighlight(db: Parameters<typeof getHighlight>[0], id: number): Promise<Highlight> {
  const highlight = await getHighlight(db, id);
  if (!highlight) throw new UserError('not_found', `There is no highlight ${id} in this project.`);
  return highlight;
}

/** Changes a highlight's colour and/or note (null removes the note; an empty note counts as none). */
export async function updateHighlight(db: Database, id: number, changes: { color?: string; note?: ContentDoc | null }): Promise<Highlight> {
  await db.write(async (tx) => {
    await requireHighlight(tx, id);
    if (changes.color !== undefined) await setHighlightColor(tx, id, changes.color);
    if (changes.note !== undefined) {
      const noteText = changes.note ? canonicalText(changes.note).text.trim() : '';
      await setHighlightNote(tx, id, noteText ? changes.note : null, noteText);
    }
  });
  return (await getHighlight(db, id))!;
}

/** Gives a highlight exactly these tags. */
export async function setHighlightTags(db: Database, id: number, tagIds: number[]): Promise<Highlight> {
  const ids = [...new Set(tagIds)];
  await db.write(async (tx) => {
    await requireHighlight(tx, id);
    const existing = await existingTagIds(tx, ids);
    const missing = ids.filter((t) => !existing.has(t));
    if (missing.length > 0) throw new UserError('not_found', `There is no tag ${missing.join(', ')} in this project.`);
    await writeHighlightTags(tx, id, ids);
  });
  return (await getHighlight(db, id))!;
}

/** A highlight that can be evidence: it exists and sits on words of the current text (an orphan must be re-attached first). */
export async function requirePassage(db: ReadDb, highlightId: number): Promise<void> {
  const h = await getHighlight(db, highlightId);
  if (!h) throw new UserError('not_found', `There is no highlight ${highlightId} in this project.`);
  if (h.status === 'orphaned') {
    throw new UserError('invalid_input', `The highlight “${h.exact.slice(0, 60)}” lost its words after a correction; re-attach it before using it as evidence.`);
  }
}
