import { UserError } from '../../../shared/api/result';
import type { Claim, Highlight } from '../../../shared/api/types';
import { quoteSelector } from '../../../shared/anchoring/text-quote';
import type { Database } from '../db/connection';
import { currentText } from '../db/repositories/articles';
import {
  claimsCitingHighlight,
  deleteHighlight as removeHighlight,
  getClaim,
  getHighlight,
  insertClaim,
  insertHighlight,
} from '../db/repositories/annotations';

export async function createHighlight(
  db: Database,
  input: { articleId: number; start: number; end: number; color: string },
  now = new Date(),
): Promise<Highlight> {
  const id = await db.write(async (tx) => {
    const current = await currentText(tx, input.articleId);
    if (!current) throw new UserError('not_found', `There is no article ${input.articleId} in this project.`);
    const { start, end } = input;
    if (end <= start || end > current.text.length) {
      throw new UserError(
        'invalid_input',
        `The selection ${start}–${end} is not inside the article's text, which is ${current.text.length} characters long.`,
      );
    }
    const quote = quoteSelector(current.text, start, end);
    if (!quote.exact.trim()) throw new UserError('invalid_input', 'The selection holds only spaces; select some words to highlight.');
    return insertHighlight(tx, {
      articleId: input.articleId,
      textVersion: current.version,
      start,
      end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      color: input.color,
      createdAt: now.toISOString(),
    });
  });
  return (await getHighlight(db, id))!;
}

export async function deleteHighlight(db: Database, id: number): Promise<{ deleted: number }> {
  return db.write(async (tx) => {
    if (!(await getHighlight(tx, id))) throw new UserError('not_found', `There is no highlight ${id} in this project.`);
    const claims = await claimsCitingHighlight(tx, id);
    if (claims > 0) {
      throw new UserError(
        'conflict',
        `This highlight is the evidence of ${claims === 1 ? 'a claim' : `${claims} claims`}; remove it from ${claims === 1 ? 'that claim' : 'those claims'} before deleting it.`,
      );
    }
    return { deleted: await removeHighlight(tx, id) };
  });
}

export async function createClaim(db: Database, input: { highlightId: number; statement: string }, now = new Date()): Promise<Claim> {
  const id = await db.write(async (tx) => {
    if (!(await getHighlight(tx, input.highlightId))) {
      throw new UserError('not_found', `There is no highlight ${input.highlightId} in this project.`);
    }
    return insertClaim(tx, input.statement, input.highlightId, now.toISOString());
  });
  return (await getClaim(db, id))!;
}
