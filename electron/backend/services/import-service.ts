import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { failedImport, IMPORT_CANCELLED_REASON } from '../../../shared/api/import-outcome';
import type { ImportOutcome } from '../../../shared/api/types';
import { canonicalText, wordCount } from '../../../shared/content/canonical-text';
import type { Database } from '../db/connection';
import { findByHashes, indexArticles, insertArticle, nextArticleId } from '../db/repositories/articles';
import { findBandMatches, indexBands, nextStoryId } from '../db/repositories/stories';
import { FileRejected, type ParsedArticle, type SourceFile } from '../import/article-reader';
import { readerFor, SUPPORTED_EXTENSIONS } from '../import/readers';
import { fingerprint, type Fingerprint, signatureBytes, StoryMatcher } from './story-service';

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
  now?: () => Date;
}

type Prepared =
  | {
      kind: 'ready';
      file: SourceFile;
      parsed: ParsedArticle;
      mediaType: string;
      sha256: string;
      text: string;
      textSha256: string;
      /** MinHash signature and band keys, for near-copy detection. */
      fingerprint: Fingerprint;
    }
  | { kind: 'failed'; outcome: ImportOutcome };

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function supportedList(): string {
  const exts = SUPPORTED_EXTENSIONS.map((e) => `.${e}`);
  return exts.length > 1 ? `${exts.slice(0, -1).join(', ')} and ${exts[exts.length - 1]}` : exts.join('');
}


function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'there is no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission to read it was denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOTDIR') return 'a part of its path is a file, not a folder';
  if (code === 'ELOOP') return 'it is a symbolic link that points to itself';
  return `it cannot be read (${(err as Error).message})`;
}

/** Parses one file without touching the database. */
async function prepare(file: SourceFile): Promise<Prepared> {
  const reader = readerFor(file.path);
  if (!reader) {
    const ext = extname(file.path).toLowerCase();
    const what = ext ? `${ext} files are not supported` : 'it has no file extension, so its format is unknown';
    return { kind: 'failed', outcome: failedImport(file.path, `${what}; Annalist imports ${supportedList()} files`) };
  }
  try {
    const parsed = await reader.read(file);
    const { text } = canonicalText(parsed.content);
    if (!text.trim()) return { kind: 'failed', outcome: failedImport(file.path, 'it holds no article text') };
    return {
      kind: 'ready',
      file,
      parsed,
      mediaType: reader.mediaType,
      sha256: sha256(file.bytes),
      text,
      textSha256: sha256(text),
      fingerprint: fingerprint(text),
    };
  } catch (err) {
    if (err instanceof FileRejected) return { kind: 'failed', outcome: failedImport(file.path, err.reason) };
    return { kind: 'failed', outcome: failedImport(file.path, `reading it failed unexpectedly (${(err as Error).message})`) };
  }
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
      const storyId = stories.bestMatch(p.fingerprint)?.storyId ?? nextStory++;
      stories.add(p.fingerprint, id, storyId);
      bandsOf.set(id, p.fingerprint.bands);
      const inserting = insertArticle(tx, id, {
        ...p.parsed,
        importedAt,
        original: { sha256: p.sha256, bytes: p.file.bytes, sourcePath: p.file.path, mediaType: p.mediaType },
        text: p.text,
        textSha256: p.textSha256,
        wordCount: wordCount(p.text),
        storyId,
        signature: signatureBytes(p.fingerprint),
      });
      const saving = inserting.then(() => true, () => false);
      const entry = { id, title: p.parsed.title, saving };
      known.set(p.sha256, entry).set(p.textSha256, entry);
      try {
        await inserting;
        return { path: p.file.path, status: 'imported', articleId: id, title: p.parsed.title, storyId };
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

async function importInBatches<T>(
  db: Database,
  items: T[],
  load: (item: T) => Promise<Prepared>,
  pathOf: (item: T) => string,
  options: ImportOptions,
): Promise<ImportOutcome[]> {
  const batchSize = options.batchSize ?? 500;
  const now = options.now ?? (() => new Date());
  const outcomes: ImportOutcome[] = [];
  let reached = 0;
  // One file at a time, yielding between files, so that the database's
  // callbacks for the batch being written are served in between.
  const loadBatch = async () => {
    const batch: Prepared[] = [];
    while (batch.length < batchSize && reached < items.length && !options.signal?.aborted) {
      await new Promise((r) => setImmediate(r));
      if (options.signal?.aborted) break;
      const item = items[reached++]!;
      options.onProgress?.({ done: outcomes.length, total: items.length, path: pathOf(item) });
      batch.push(await load(item));
    }
    return batch;
  };
  // Read and parse the next batch while the database writes this one.
  let next: Promise<Prepared[]> | undefined = loadBatch();
  while (next) {
    const batch = await next;
    next = reached < items.length && !options.signal?.aborted ? loadBatch() : undefined;
    if (batch.length === 0) continue;
    outcomes.push(...(await store(db, batch, now)));
    options.onProgress?.({ done: outcomes.length, total: items.length, path: pathOf(items[outcomes.length - 1]!) });
  }
  for (const item of items.slice(outcomes.length)) outcomes.push(failedImport(pathOf(item), IMPORT_CANCELLED_REASON));
  return outcomes;
}

/** Imports files already in memory (uploads from the UI, tests). */
export function importFiles(db: Database, files: SourceFile[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
  return importInBatches(db, files, prepare, (f) => f.path, options);
}

type Found = { kind: 'file'; path: string } | { kind: 'failed'; outcome: ImportOutcome };

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && readerFor(entry.name)) out.push(full);
  }
}

/** Expands folders (recursively) into the supported files they hold. */
export async function findImportable(paths: string[]): Promise<Found[]> {
  const found: Found[] = [];
  for (const given of paths) {
    try {
      const info = await stat(given);
      if (info.isDirectory()) {
        const files: string[] = [];
        await walk(given, files);
        if (files.length === 0) found.push({ kind: 'failed', outcome: failedImport(given, `the folder holds no ${supportedList()} files`) });
        for (const f of files) found.push({ kind: 'file', path: f });
      } else {
        found.push({ kind: 'file', path: given });
      }
    } catch (err) {
      found.push({ kind: 'failed', outcome: failedImport(given, fsReason(err)) });
    }
  }
  return found;
}

// Most article files are a few kilobytes: reading those synchronously costs
// microseconds, where the asynchronous route costs four trips through the
// thread pool that the database also needs. Big files are read asynchronously.
const SYNC_READ_LIMIT = 1024 * 1024;

async function readBytes(path: string): Promise<Uint8Array> {
  return statSync(path).size <= SYNC_READ_LIMIT ? readFileSync(path) : readFile(path);
}

/** Imports files and folders from disk: what the CLI and the desktop app's "Import" do. */
export async function importPaths(db: Database, paths: string[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
  const found = await findImportable(paths);
  const load = async (item: Found): Promise<Prepared> => {
    if (item.kind === 'failed') return item;
    try {
      return prepare({ path: item.path, bytes: await readBytes(item.path) });
    } catch (err) {
      return { kind: 'failed', outcome: failedImport(item.path, fsReason(err)) };
    }
  };
  return importInBatches(db, found, load, (item) => (item.kind === 'file' ? item.path : item.outcome.path), options);
}

export function samplesDir(resourcesDir: string): string {
  return resolve(resourcesDir, 'samples');
}
