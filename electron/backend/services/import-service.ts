import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { failedImport, IMPORT_CANCELLED_REASON } from '../../../shared/api/import-outcome';
import type { ImportOutcome } from '../../../shared/api/types';
import { wordCount } from '../../../shared/content/canonical-text';
import { signatureToBytes } from '../../../shared/similarity/minhash';
import type { Database } from '../db/connection';
import { findByHashes, indexArticles, insertArticle, nextArticleId } from '../db/repositories/articles';
import { findBandMatches, indexBands, nextStoryId } from '../db/repositories/stories';
import { isArchivePath } from '../import/archive/expand-archive';
import type { SourceFile } from '../import/article-reader';
import { fsReason, type Prepared, type PrepareTask } from '../import/prepare-article';
import { type PoolOptions, PreparePool, sharedPreparePool } from '../import/prepare-pool';
import { importableList, readerFor } from '../import/readers';
import { StoryMatcher } from './story-service';

export interface ImportProgress {
  /** Files finished (stored, found to be duplicates, or failed). */
  done: number;
  total: number;
  /** The file being read now, or the last one finished. */
  path: string;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Stops the import between files: what was read before is stored (each
   * file complete or not at all), the files not reached are reported as
   * not imported.
   */
  signal?: AbortSignal;
  /** Files per write transaction; each file still has its own savepoint. */
  batchSize?: number;
  /** Worker threads of this import's own; without it, the shared pool (sharedPreparePool). */
  workers?: PoolOptions;
  now?: () => Date;
}

async function store(db: Database, batch: Prepared[], now: () => Date): Promise<ImportOutcome[]> {
  return db.write(async (tx) => {
    const ready = batch.filter((p) => p.kind === 'ready');
    const existing = await findByHashes(tx, ready.map((p) => p.sha256), ready.map((p) => p.textSha256));
    // Same bytes or same text as an article already stored, or earlier in this batch.
    const known = new Map<string, { id: number; title: string; saving?: Promise<boolean> }>();
    for (const e of existing) known.set(e.sha256, e).set(e.textSha256, e);
    // Near-copies: stored articles sharing a band key with any file of the
    // batch (one query), then the files of the batch as they are added.
    const stories = new StoryMatcher(await findBandMatches(tx, ready.flatMap((p) => p.fingerprint.bands)));
    let nextId = await nextArticleId(tx);
    let nextStory = await nextStoryId(tx);
    const bandsOf = new Map<number, number[]>();
    const importedAt = now().toISOString();

    // Each file is one atomic INSERT (a failure undoes that file only) and the
    // batch shares one commit. The inserts are independent (ids assigned
    // here), so they are queued together and SQLite runs them back to back.
    const outcomes = batch.map(async (p): Promise<ImportOutcome> => {
      if (p.kind === 'failed') return p.outcome;
      const duplicate = known.get(p.sha256) ?? known.get(p.textSha256);
      if (duplicate) {
        if ((await duplicate.saving) === false) return failedImport(p.file.path, 'the same file, given twice, could not be saved');
        return { path: p.file.path, status: 'duplicate', articleId: duplicate.id, title: duplicate.title };
      }
      const id = nextId++;
      // The closest near-copy's story, else a new one (the trigger creates it
      // with the article, so a file that fails leaves no story behind).
      const match = stories.bestMatch(p.fingerprint);
      const storyId = match?.storyId ?? nextStory++;
      stories.add(p.fingerprint, id, storyId, p.parsed.title);
      bandsOf.set(id, p.fingerprint.bands);
      const inserting = insertArticle(tx, id, {
        ...p.parsed,
        contentJson: p.contentJson,
        importedAt,
        original: { sha256: p.sha256, bytes: p.file.bytes, sourcePath: p.file.path, mediaType: p.mediaType },
        text: p.text,
        textSha256: p.textSha256,
        wordCount: wordCount(p.text),
        storyId,
        signature: signatureToBytes(p.fingerprint.signature),
      });
      const saving = inserting.then(() => true, () => false);
      const entry = { id, title: p.parsed.title, saving };
      known.set(p.sha256, entry).set(p.textSha256, entry);
      try {
        await inserting;
        const outcome: ImportOutcome = { path: p.file.path, status: 'imported', articleId: id, title: p.parsed.title, storyId };
        if (match) outcome.nearCopyOf = { articleId: match.articleId, title: match.title };
        return outcome;
      } catch (err) {
        return failedImport(p.file.path, `it could not be saved (${(err as Error).message})`);
      }
    });
    const settled = await Promise.all(outcomes);
    const imported = settled.filter((o) => o.status === 'imported').map((o) => o.articleId!);
    await indexArticles(tx, imported);
    await indexBands(tx, imported.map((articleId) => ({ articleId, bands: bandsOf.get(articleId)! })));
    return settled;
  });
}

type Item = { kind: 'task'; task: PrepareTask } | { kind: 'failed'; outcome: ImportOutcome };

const pathOf = (item: Item) => (item.kind === 'task' ? item.task.path : item.outcome.path);

/** Files per worker message, when their format is quick to read. */
const QUICK_CHUNK = 16;

/**
 * A batch also ends once its files hold this much (original bytes and
 * text): two batches are in memory at once (one read, one written), so this
 * bounds the import's memory for big files as batchSize does for small ones.
 */
const BATCH_BYTES = 24 * 1024 * 1024;

function sizeOf(prepared: Prepared[][]): number {
  let bytes = 0;
  for (const list of prepared) {
    for (const p of list) if (p.kind === 'ready') bytes += p.file.bytes.length + 2 * (p.text.length + p.contentJson.length);
  }
  return bytes;
}

async function importInBatches(db: Database, items: Item[], options: ImportOptions): Promise<ImportOutcome[]> {
  const batchSize = options.batchSize ?? 500;
  const now = options.now ?? (() => new Date());
  // Options of its own (tests) get a pool of its own, closed at the end.
  const pool = options.workers ? new PreparePool(options.workers) : sharedPreparePool();
  const release = pool.acquire();
  // Enough messages in flight to keep every worker busy; few enough that a
  // cancel is not held up by a long queue.
  const inFlight = pool.size * 2;
  const outcomes: ImportOutcome[] = [];
  let reached = 0;
  let stored = 0;
  const loadBatch = async (): Promise<Prepared[]> => {
    const pending: Promise<Prepared[][]>[] = [];
    let count = 0;
    let bytes = 0;
    while (count < batchSize && bytes < BATCH_BYTES && reached < items.length && !options.signal?.aborted) {
      const chunk: PrepareTask[] = [];
      const first = items[reached]!;
      if (first.kind === 'failed') {
        reached++;
        count++;
        pending.push(Promise.resolve([[first]]));
        continue;
      }
      options.onProgress?.({ done: stored, total: items.length, path: first.task.path });
      const limit = readerFor(first.task.path)?.quick ? Math.min(QUICK_CHUNK, batchSize - count) : 1;
      while (chunk.length < limit && reached < items.length) {
        const item = items[reached]!;
        if (item.kind !== 'task' || (chunk.length > 0 && !readerFor(item.task.path)?.quick)) break;
        chunk.push(item.task);
        reached++;
      }
      count += chunk.length;
      pending.push(
        pool.prepare(chunk).then((prepared) => {
          bytes += sizeOf(prepared);
          return prepared;
        }),
      );
      if (pending.length >= inFlight) await pending[pending.length - inFlight];
    }
    return (await Promise.all(pending)).flat(2);
  };
  try {
    // Read and parse the next batch (in the workers) while the database writes this one.
    let next: Promise<Prepared[]> | undefined = loadBatch();
    while (next) {
      const batch = await next;
      const batchEnd = reached;
      next = reached < items.length && !options.signal?.aborted ? loadBatch() : undefined;
      if (batch.length === 0) continue;
      outcomes.push(...(await store(db, batch, now)));
      stored = batchEnd;
      options.onProgress?.({ done: stored, total: items.length, path: pathOf(items[stored - 1]!) });
    }
  } finally {
    release();
    if (options.workers) await pool.close();
  }
  for (const item of items.slice(reached)) outcomes.push(failedImport(pathOf(item), IMPORT_CANCELLED_REASON));
  return outcomes;
}

/** Imports files already in memory (uploads from the UI, tests). */
export function importFiles(db: Database, files: SourceFile[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
  return importInBatches(db, files.map((f) => ({ kind: 'task', task: { path: f.path, bytes: f.bytes } })), options);
}


async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && (readerFor(entry.name) || isArchivePath(entry.name))) out.push(full);
  }
}

/** Expands folders (recursively) into the supported files they hold. */
export async function findImportable(paths: string[]): Promise<Item[]> {
  const found: Item[] = [];
  for (const given of paths) {
    try {
      const info = await stat(given);
      if (info.isDirectory()) {
        const files: string[] = [];
        await walk(given, files);
        if (files.length === 0) found.push({ kind: 'failed', outcome: failedImport(given, `the folder holds no ${importableList('or')} files`) });
        for (const f of files) found.push({ kind: 'task', task: { path: f } });
      } else {
        found.push({ kind: 'task', task: { path: given } });
      }
    } catch (err) {
      found.push({ kind: 'failed', outcome: failedImport(given, fsReason(err)) });
    }
  }
  return found;
}

/** Imports files and folders from disk: what the CLI and the desktop app's "Import" do. */
export async function importPaths(db: Database, paths: string[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
  return importInBatches(db, await findImportable(paths), options);
}

export function samplesDir(resourcesDir: string): string {
  return resolve(resourcesDir, 'samples');
}
