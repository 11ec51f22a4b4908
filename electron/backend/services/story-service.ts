import { UserError } from '../../../shared/api/result';
import type { StoryInfo } from '../../../shared/api/types';
import { estimatedJaccard, type Fingerprint, fingerprint, signatureFromBytes, signatureToBytes } from '../../../shared/similarity/minhash';
import type { Database } from '../db/connection';
import type { BandMatch } from '../db/repositories/stories';
import {
  articlesWithoutSignature,
  createStory,
  getStory,
  indexBands,
  insertSignature,
  markManual,
  mergeStories,
  moveArticle,
  storiesOf,
  countArticlesInStory,
} from '../db/repositories/stories';

/**
 * Two texts are near-copies when their estimated shingle Jaccard similarity
 * is at least this. Near-copies measured on the samples: 0.7–0.9 (the same
 * wire text with other page chrome and a reworded sentence); unrelated news
 * texts, and even a rewrite of the same facts in other words (seeds 000 and
 * 003), stay below 0.02. The estimate's standard error is about 0.045 at
 * J = 0.7 (128 values), so 0.5 keeps real copies at J ≥ 0.65 from being
 * missed, and a copy cut to half its length by one outlet still joins.
 */
export const NEAR_COPY_THRESHOLD = 0.5;

interface Member {
  articleId: number;
  storyId: number;
  title: string;
  signature: Uint32Array;
}

/**
 * Finds the story of a text's closest near-copy among stored articles
 * (given by one band-key query per batch) and the articles added since.
 */
export class StoryMatcher {
  private readonly byBand = new Map<number, Member[]>();

  constructor(stored: BandMatch[]) {
    const signatures = new Map<number, Uint32Array>();
    for (const row of stored) {
      let signature = signatures.get(row.articleId);
      if (!signature) signatures.set(row.articleId, (signature = signatureFromBytes(row.signature)));
      this.index(row.bandKey, { articleId: row.articleId, storyId: row.storyId, title: row.title, signature });
    }
  }

  private index(band: number, member: Member) {
    const list = this.byBand.get(band);
    if (list) list.push(member);
    else this.byBand.set(band, [member]);
  }

  /** The most similar candidate at or above the threshold (lowest article id on a tie). */
  bestMatch(f: Fingerprint): (Member & { similarity: number }) | undefined {
    let best: (Member & { similarity: number }) | undefined;
    const seen = new Set<number>();
    for (const band of f.bands) {
      for (const m of this.byBand.get(band) ?? []) {
        if (seen.has(m.articleId)) continue;
        seen.add(m.articleId);
        const similarity = estimatedJaccard(f.signature, m.signature);
        if (similarity < NEAR_COPY_THRESHOLD) continue;
        if (!best || similarity > best.similarity || (similarity === best.similarity && m.articleId < best.articleId)) {
          best = { ...m, similarity };
        }
      }
    }
    return best;
  }

  add(f: Fingerprint, articleId: number, storyId: number, title: string) {
    const member = { articleId, storyId, title, signature: f.signature };
    for (const band of f.bands) this.index(band, member);
  }
}

/**
 * Computes the signatures that migration 0002 could not (articles imported
 * before it), in batches, when a project is opened. Those articles keep the
 * story of their own that the migration gave them; later imports find their
 * near-copies among them. Costs one indexed query when nothing is missing.
 */
export async function backfillSignatures(db: Database, batchSize = 500): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await articlesWithoutSignature(db, batchSize);
    if (rows.length === 0) return done;
    await db.write(async (tx) => {
      const entries = rows.map((row) => ({ articleId: row.id, ...fingerprint(row.text) }));
      for (const e of entries) await insertSignature(tx, e.articleId, signatureToBytes(e.signature));
      await indexBands(tx, entries);
    });
    done += rows.length;
  }
}

async function requireArticles(db: Parameters<typeof storiesOf>[0], ids: number[]): Promise<Map<number, number>> {
  const stories = await storiesOf(db, ids);
  const missing = ids.filter((id) => !stories.has(id));
  if (missing.length > 0) {
    throw new UserError(
      'not_found',
      missing.length === 1 ? `There is no article ${missing[0]} in this project.` : `There are no articles ${missing.join(', ')} in this project.`,
    );
  }
  return stories;
}

/**
 * Puts these articles into one story, marked as decided by a researcher.
 * Their stories merge whole: a copy of one of them is a copy of all.
 */
export async function joinStories(db: Database, articleIds: number[]): Promise<StoryInfo> {
  const ids = [...new Set(articleIds)];
  if (ids.length < 2) throw new UserError('invalid_input', 'Choose at least two different articles to put into one story.');
  const storyId = await db.write(async (tx) => {
    const stories = await requireArticles(tx, ids);
    const storyIds = [...new Set(stories.values())];
    const target = Math.min(...storyIds);
    await mergeStories(tx, target, storyIds);
    return target;
  });
  return (await getStory(db, storyId))!;
}

/** Takes an article out of its story into a story of its own, marked as decided by a researcher. */
export async function splitStory(db: Database, articleId: number, now = new Date()): Promise<StoryInfo> {
  const storyId = await db.write(async (tx) => {
    const current = (await requireArticles(tx, [articleId])).get(articleId)!;
    if ((await countArticlesInStory(tx, current)) <= 1) {
      await markManual(tx, current);
      return current;
    }
    const own = await createStory(tx, now.toISOString(), true);
    await moveArticle(tx, articleId, own);
    return own;
  });
  return (await getStory(db, storyId))!;
}
