import { FileRejected, type SourceFile } from '../article-reader';
import { ARCHIVE_EXTENSIONS, extensionOf, importableList, readerFor } from '../readers';
import { DEFAULT_ZIP_LIMITS, openZip, UnpackBudget, type ZipArchive, type ZipLimits } from './zip-entries';

// A .zip of articles becomes the files inside it that Annalist can read,
// each named "<the archive's path>/<its path inside the archive>", e.g.
// "/home/ana/inbox.zip/2025/december/strike.docx" (the archive's own path
// as given, then forward slashes whatever the platform), so every outcome
// names the file the researcher would find by opening the archive.
//
// An archive inside the archive is opened too (".../inbox.zip/old.zip/a.txt"),
// but no deeper: an archive at the second level is reported, not opened.
// All of it shares one set of limits (zip-entries.ts): 1 GB unpacked and
// 10,000 entries counting the nested archives' too, so nesting cannot
// multiply them.
//
// Outcomes:
//  - the whole archive is refused (FileRejected, reason completing "Could
//    not import inbox.zip: ...") when it is not a ZIP file or is damaged, when
//    a limit is passed anywhere inside it, when any entry's path could point
//    outside it, when an entry it would read is encrypted, and when it holds
//    nothing Annalist reads;
//  - one entry fails (in `failures`, with the entry's path and a reason)
//    when it is a nested archive that cannot be opened, or one nested too
//    deep; its siblings are still imported;
//  - entries Annalist does not read are skipped and listed in `skipped`;
//    folders, hidden files and macOS's "__MACOSX/" copies are left out silently.

/** Whether a path names an archive that expandArchive opens. */
export function isArchivePath(path: string): boolean {
  return ARCHIVE_EXTENSIONS.includes(extensionOf(path));
}

export interface ArchiveEntryFailure {
  /** "<archive path>/<entry path>", as for the files. */
  path: string;
  /** Completes "Could not import PATH: ...". */
  reason: string;
}

export interface ExpandedArchive {
  /** The entries Annalist has a reader for, sorted by path, bytes unpacked. */
  files: SourceFile[];
  failures: ArchiveEntryFailure[];
  /** Paths of the entries skipped because Annalist does not read their format. */
  skipped: string[];
}

export interface ExpandOptions {
  limits?: ZipLimits;
}

export const TOO_DEEP_REASON = 'it is an archive inside an archive inside an archive; Annalist opens archives nested one level deep only';

/** Entries that are not the archive's content: hidden files, macOS resource forks. */
function isFurniture(name: string): boolean {
  return name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
}

interface Walk {
  budget: UnpackBudget;
  limits: ZipLimits;
  entriesSeen: number;
  out: ExpandedArchive;
}

async function collect(zip: ZipArchive, prefix: string, depth: number, walk: Walk): Promise<void> {
  walk.entriesSeen += zip.entries.length;
  if (walk.entriesSeen > walk.limits.maxEntries) {
    throw new FileRejected(
      `the archive holds more than ${walk.limits.maxEntries.toLocaleString('en-US')} entries, counting those of the archives inside it`,
    );
  }
  const entries = zip.entries
    .filter((e) => !e.directory && !isFurniture(e.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  const encrypted = entries.find((e) => e.encrypted && (readerFor(e.name) || isArchivePath(e.name)));
  if (encrypted) throw new FileRejected(`it is password-protected (“${encrypted.name}” is encrypted)`);

  for (const entry of entries) {
    const path = `${prefix}/${entry.name}`;
    if (isArchivePath(entry.name)) {
      if (depth >= 1) {
        walk.out.failures.push({ path, reason: TOO_DEEP_REASON });
        continue;
      }
      await collectNested(await zip.read(entry.name), path, walk);
    } else if (readerFor(entry.name)) {
      walk.out.files.push({ path, bytes: await zip.read(entry.name) });
    } else {
      walk.out.skipped.push(path);
    }
  }
}

/** An archive inside the archive: its failures are the entry's own, except a limit of the whole. */
async function collectNested(bytes: Uint8Array, path: string, walk: Walk): Promise<void> {
  const before = { files: walk.out.files.length, failures: walk.out.failures.length, skipped: walk.out.skipped.length };
  let inner: ZipArchive | null = null;
  try {
    inner = await openZip(bytes, { limits: walk.limits, budget: walk.budget, notZipReason: 'it is not a ZIP archive' });
    await collect(inner, path, 1, walk);
  } catch (err) {
    if (!(err instanceof FileRejected) || walk.budget.exhausted || walk.entriesSeen > walk.limits.maxEntries) throw err;
    // Nothing of a refused inner archive is imported, not even what was read before the refusal.
    walk.out.files.length = before.files;
    walk.out.failures.length = before.failures;
    walk.out.skipped.length = before.skipped;
    walk.out.failures.push({ path, reason: err.reason });
  } finally {
    inner?.close();
  }
}

/**
 * The files inside a .zip that Annalist can read, unpacked, with the
 * entries that failed and those skipped. Rejects with FileRejected when the
 * archive as a whole cannot be imported. Pure: bytes in, files out.
 */
export async function expandArchive(archive: SourceFile, options: ExpandOptions = {}): Promise<ExpandedArchive> {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  const budget = new UnpackBudget(limits.maxTotalBytes, 'archive');
  const zip = await openZip(archive.bytes, { limits, budget });
  const walk: Walk = { budget, limits, entriesSeen: 0, out: { files: [], failures: [], skipped: [] } };
  try {
    await collect(zip, archive.path, 0, walk);
  } finally {
    zip.close();
  }
  const { out } = walk;
  if (out.files.length === 0 && out.failures.length === 0) {
    const others = out.skipped.length > 0 ? ` (only ${out.skipped.length} ${out.skipped.length === 1 ? 'file' : 'files'} of other kinds)` : '';
    throw new FileRejected(`the archive holds no ${importableList('or')} files${others}`);
  }
  return out;
}
