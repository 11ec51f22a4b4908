import { createHash } from 'node:crypto';
import { anchorAll, type AnchorStatus } from '../../../shared/anchoring/anchor';
import { quoteSelector } from '../../../shared/anchoring/text-quote';
import { UserError } from '../../../shared/api/result';
import type { TextCorrection } from '../../../shared/api/types';
import { canonicalText, wordCount } from '../../../shared/content/canonical-text';
import type { ContentDoc } from '../../../shared/content/doc';
import type { Database } from '../db/connection';
import { highlightAnchors, setHighlightAnchor, setHighlightOrphaned } from '../db/repositories/annotations';
import { indexArticles, insertTextVersion } from '../db/repositories/articles';

/**
 * Saves a researcher's correction of an article's text as its next version
 * and re-anchors every highlight against it, all in one transaction: either
 * the new version exists with every highlight re-anchored, or nothing
 * changed. The original file and the earlier versions are never touched.
 *
 * A highlight that anchors keeps selectors taken from the new text (so its
 * quote is what the article now says; the words it was made on stay in
 * original_exact when they differ). One that does not is marked orphaned
 * and keeps its old selectors and offsets, so it can be anchored again by a
 * later correction or re-attached by hand.
 */
export async function correctArticleText(
  db: Database,
  input: { articleId: number; baseVersion: number; content: ContentDoc; note?: string | undefined },
  now = new Date(),
): Promise<TextCorrection> {
  const { text } = canonicalText(input.content);
  if (!text.trim()) throw new UserError('invalid_input', 'The corrected text is empty; an article cannot be corrected to nothing.');
  const contentJson = JSON.stringify(input.content);

  return db.write(async (tx) => {
    const current = await tx.get<{ version: number; content: string; title: string }>(
      `SELECT t.version, t.content, a.title FROM article_texts t JOIN articles a ON a.id = t.article_id
        WHERE t.article_id = ? ORDER BY t.version DESC LIMIT 1`,
      [input.articleId],
    );
    if (!current) throw new UserError('not_found', `There is no article ${input.articleId} in this project.`);
    if (current.version !== input.baseVersion) {
      throw new UserError(
        'conflict',
        `“${current.title}” was corrected again (version ${current.version}) after you began this correction on version ${input.baseVersion}; reopen the article and make your correction on the newest text.`,
      );
    }
    if (current.content === contentJson) {
      throw new UserError('invalid_input', `The corrected text of “${current.title}” is the same as version ${current.version}; there is nothing to save.`);
    }

    const version = current.version + 1;
    await insertTextVersion(tx, {
      articleId: input.articleId,
      version,
      contentJson,
      text,
      textSha256: createHash('sha256').update(text).digest('hex'),
      wordCount: wordCount(text),
      createdAt: now.toISOString(),
      correctionNote: input.note?.trim() || null,
    });
    await indexArticles(tx, [input.articleId]);

    const stored = await highlightAnchors(tx, input.articleId);
    const results = anchorAll(
      text,
      stored.map((h) => ({
        quote: { type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix },
        position: { type: 'TextPositionSelector', start: h.start, end: h.end },
      })),
    );
    const anchors: Record<AnchorStatus, number> = { anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    for (const [i, h] of stored.entries()) {
      const result = results[i]!;
      if (!h.deleted) anchors[result.status] += 1;
      if (result.status === 'orphaned' || result.start === undefined || result.end === undefined) {
        await setHighlightOrphaned(tx, h.id);
        continue;
      }
      const { exact, prefix, suffix } = quoteSelector(text, result.start, result.end);
      await setHighlightAnchor(tx, h.id, { textVersion: version, start: result.start, end: result.end, exact, prefix, suffix, status: result.status });
    }
    return { articleId: input.articleId, version, anchors };
  });
}
