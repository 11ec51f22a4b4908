import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { failedImport } from '../../../shared/api/import-outcome';
import type { ImportOutcome } from '../../../shared/api/types';
import { canonicalText } from '../../../shared/content/canonical-text';
import { type Fingerprint, fingerprint } from '../../../shared/similarity/minhash';
import { expandArchive, isArchivePath } from './archive/expand-archive';
import { FileRejected, type ParsedArticle, type SourceFile } from './article-reader';
import { importableList, readerFor } from './readers';

// Everything an import does to a file before the database: read its bytes,
// parse it with its format's reader, derive the canonical text, hash both,
// fingerprint the text for near-copies. Runs in the import worker threads
// (import-worker.ts), so it must not touch the database; the result crosses
// the thread boundary by structured clone.

export type Prepared =
  | {
      kind: 'ready';
      file: SourceFile;
      /** The article without its content, which travels as contentJson. */
      parsed: Omit<ParsedArticle, 'content'>;
      /**
       * The structured content as stored (JSON). Serialised here, in the
       * worker, because the database wants it so and a string crosses to the
       * main thread several times faster than the object tree.
       */
      contentJson: string;
      mediaType: string;
      sha256: string;
      text: string;
      textSha256: string;
      /** MinHash signature and band keys, for near-copy detection. */
      fingerprint: Fingerprint;
    }
  | { kind: 'failed'; outcome: ImportOutcome };

/** One unit of import work: a file on disk, or bytes already in memory (an upload). */
export interface PrepareTask {
  path: string;
  bytes?: Uint8Array;
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Why a path could not be read, as the end of "Could not import NAME: ...". */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'there is no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission to read it was denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOTDIR') return 'a part of its path is a file, not a folder';
  if (code === 'ELOOP') return 'it is a symbolic link that points to itself';
  return `it cannot be read (${(err as Error).message})`;
}

/** Larger files are refused before they are read: no article is this big, and reading it could exhaust memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const tooLarge = (size: number) =>
  `it is ${(size / 1024 / 1024).toFixed(0)} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB Annalist reads in one file`;

/** Parses one file in memory. */
export async function prepareFile(file: SourceFile): Promise<Prepared> {
  if (file.bytes.length > MAX_FILE_BYTES) return { kind: 'failed', outcome: failedImport(file.path, tooLarge(file.bytes.length)) };
  const reader = readerFor(file.path);
  if (!reader) {
    const ext = extname(file.path).toLowerCase();
    const what = ext ? `${ext} files are not supported` : 'it has no file extension, so its format is unknown';
    return { kind: 'failed', outcome: failedImport(file.path, `${what}; Annalist imports ${importableList()} files`) };
  }
  try {
    const { content, ...parsed } = await reader.read(file);
    const { text } = canonicalText(content);
    if (!text.trim()) return { kind: 'failed', outcome: failedImport(file.path, 'it holds no article text') };
    return {
      kind: 'ready',
      file,
      parsed,
      contentJson: JSON.stringify(content),
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

/**
 * Reads (when not already in memory) and parses one task. A task gives a
 * list because an archive gives one result per file inside it.
 */
export async function prepareTask(task: PrepareTask): Promise<Prepared[]> {
  let bytes = task.bytes;
  if (!bytes) {
    try {
      const size = statSync(task.path).size;
      if (size > MAX_FILE_BYTES) return [{ kind: 'failed', outcome: failedImport(task.path, tooLarge(size)) }];
      // Synchronous: this runs in a worker thread, where blocking costs the
      // UI nothing and saves the thread pool trips the database also needs.
      bytes = readFileSync(task.path);
    } catch (err) {
      return [{ kind: 'failed', outcome: failedImport(task.path, fsReason(err)) }];
    }
  }
  if (isArchivePath(task.path)) return prepareArchive({ path: task.path, bytes });
  return [await prepareFile({ path: task.path, bytes })];
}

/** The readable files inside a .zip, each prepared as a file of its own; entries that cannot be opened fail alone. */
async function prepareArchive(archive: SourceFile): Promise<Prepared[]> {
  try {
    const { files, failures } = await expandArchive(archive);
    const prepared: Prepared[] = [];
    for (const file of files) prepared.push(await prepareFile(file));
    for (const f of failures) prepared.push({ kind: 'failed', outcome: failedImport(f.path, f.reason) });
    return prepared;
  } catch (err) {
    const reason = err instanceof FileRejected ? err.reason : `reading it failed unexpectedly (${(err as Error).message})`;
    return [{ kind: 'failed', outcome: failedImport(archive.path, reason) }];
  }
}
