import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { FileRejected } from '../article-reader';

// Every ZIP-based format (.docx, .odt, .epub) and ZIP archives of articles
// are opened here, and only here, with limits, because a ZIP file states its
// own sizes and can lie about them. The limits, each refused with a sentence
// that completes "Could not import NAME: ...":
//   - entry names: no absolute paths, drive letters, ".." or backslashes (a
//     name that could point outside the archive's folder is a sign of a
//     crafted file even though nothing here writes to disk), no control
//     characters, no name given twice (readers of the same file would
//     disagree about which one counts);
//   - at most 10,000 entries (the count in the end record is checked before
//     any entry is read);
//   - at most 1 GB unpacked in all: the declared sizes are added up first,
//     and then the bytes actually inflated are counted as they stream, so a
//     header that understates an entry gains nothing (yauzl also stops an
//     entry that inflates beyond its declared size);
//   - no entry larger than 1 MB that compresses more than 100 to 1, declared
//     or as it inflates (Apache POI's default for Office files; text and XML
//     compress 5 to 20 times, runs of zeros 1,000 times);
//   - encrypted entries are not read.
// Bytes in, bytes out: nothing touches the file system.

export interface ZipLimits {
  maxEntries: number;
  /** Unpacked bytes, all entries together (nested archives included when they share a budget). */
  maxTotalBytes: number;
  maxRatio: number;
  /** Entries up to this size may compress any amount (a short run of spaces compresses very well). */
  ratioGraceBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioGraceBytes: 1024 * 1024,
};

export interface ZipEntryInfo {
  /** The entry's path inside the archive, with forward slashes; folders end with "/". */
  name: string;
  directory: boolean;
  /** The unpacked size the archive declares. */
  size: number;
  compressedSize: number;
  encrypted: boolean;
}

export interface OpenZipOptions {
  limits?: ZipLimits;
  /** What the file is called in sentences: "archive" (default), "document", "book". */
  noun?: string;
  /** The reason given when the bytes are not a ZIP file at all. */
  notZipReason?: string;
  /** A budget shared with an enclosing archive, so that nesting cannot multiply the limit. */
  budget?: UnpackBudget;
}

export interface ReadEntryOptions {
  /** A lower limit for this one entry (a part that will be parsed whole, say). */
  maxBytes?: number;
  /** The reason given when the entry is larger than maxBytes. */
  tooLargeReason?: string;
}

/** Writes a byte count the way a researcher reads it: "1 GB", "64 MB", "512 KB". */
export function sizeInWords(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [unit, name] of units) {
    if (bytes >= unit) return `${Number((bytes / unit).toFixed(1)).toLocaleString('en-US')} ${name}`;
  }
  return `${bytes} bytes`;
}

/** How a name is shown in a sentence: quoted, control characters escaped, cut at 80 characters. */
function shown(name: string): string {
  const safe = JSON.stringify(name.length > 80 ? `${name.slice(0, 79)}…` : name);
  return `“${safe.slice(1, -1)}”`;
}

/** The unpacked bytes an archive may still produce; shared by an archive and the archives inside it. */
export class UnpackBudget {
  private used = 0;
  constructor(
    readonly limit: number,
    readonly noun = 'archive',
  ) {}

  get exhausted(): boolean {
    return this.used > this.limit;
  }

  /** Counts `bytes` more unpacked bytes, or throws when the total passes the limit. */
  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limit) throw this.overLimit();
  }

  overLimit(): FileRejected {
    return new FileRejected(`the ${this.noun} would unpack to more than ${sizeInWords(this.limit)}`);
  }
}

/** Why an entry's name is refused, or null when it is a plain relative path. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\\')) return `it holds an entry whose name (${shown(name)}) uses backslashes, which could point outside the archive's folder`;
  if (/^\/|^[a-zA-Z]:/.test(name)) return `it holds an entry with an absolute path (${shown(name)}), which points outside the archive's folder`;
  if (name.split('/').includes('..')) return `it holds an entry whose path (${shown(name)}) climbs out of the archive's folder with “..”`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  if (/[\u0000-\u001f\u007f]/.test(name)) return `it holds an entry whose name (${shown(name)}) contains control characters`;
  return null;
}

function ratioTooHigh(name: string, noun: string, limits: ZipLimits): FileRejected {
  return new FileRejected(`${shown(name)} in the ${noun} is compressed more than ${limits.maxRatio} to 1, a sign of a “zip bomb”`);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function openBuffer(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // Names are decoded and checked here (decodeStrings: false), so that a bad name is refused with a sentence.
    yauzl.fromBuffer(buffer, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, zip) =>
      err ? reject(err) : resolve(zip),
    );
  });
}

function readCentralDirectory(zip: ZipFile, onEntry: (entry: Entry) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      try {
        onEntry(entry);
        zip.readEntry();
      } catch (err) {
        reject(err as Error);
      }
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** An opened ZIP file whose entries have passed the checks; entries are unpacked on demand. */
export class ZipArchive {
  readonly entries: readonly ZipEntryInfo[];
  private readonly byName = new Map<string, { info: ZipEntryInfo; entry: Entry }>();
  private readonly byLowerName = new Map<string, string>();

  constructor(
    private readonly zip: ZipFile,
    found: { info: ZipEntryInfo; entry: Entry }[],
    private readonly limits: ZipLimits,
    private readonly budget: UnpackBudget,
    private readonly noun: string,
  ) {
    this.entries = found.map((f) => f.info);
    for (const f of found) {
      this.byName.set(f.info.name, f);
      if (!this.byLowerName.has(f.info.name.toLowerCase())) this.byLowerName.set(f.info.name.toLowerCase(), f.info.name);
    }
  }

  /** The entry of that name (exactly, or ignoring case when asked: OOXML part names are case-insensitive). */
  find(name: string, options: { ignoreCase?: boolean } = {}): ZipEntryInfo | undefined {
    const exact = this.byName.get(name);
    if (exact || !options.ignoreCase) return exact?.info;
    const actual = this.byLowerName.get(name.toLowerCase());
    return actual ? this.byName.get(actual)?.info : undefined;
  }

  /** The unpacked bytes of one entry. Rejects with FileRejected when a limit is passed or the data is damaged. */
  read(name: string, options: ReadEntryOptions = {}): Promise<Uint8Array> {
    const found = this.byName.get(name);
    if (!found) return Promise.reject(new FileRejected(`the ${this.noun} has no entry named ${shown(name)}`));
    return this.unpack(found.info, found.entry, options, true);
  }

  /** An entry as text (UTF-8, a byte order mark dropped). */
  async readText(name: string, options: ReadEntryOptions = {}): Promise<string> {
    return new TextDecoder('utf-8').decode(await this.read(name, options));
  }

  /**
   * Inflates every entry and throws the bytes away: proves, before a library
   * that trusts the archive's headers is given it (mammoth, through JSZip),
   * that no entry inflates beyond the limits or fails to inflate at all.
   */
  async verify(): Promise<void> {
    for (const { info, entry } of this.byName.values()) {
      if (!info.directory) await this.unpack(info, entry, {}, false);
    }
  }

  close(): void {
    this.zip.close();
  }

  private unpack(info: ZipEntryInfo, entry: Entry, options: ReadEntryOptions, keep: boolean): Promise<Uint8Array> {
    if (info.encrypted) return Promise.reject(new FileRejected(`it is password-protected (${shown(info.name)} is encrypted)`));
    const maxBytes = options.maxBytes ?? Infinity;
    if (info.size > maxBytes) return Promise.reject(new FileRejected(options.tooLargeReason ?? this.entryTooLarge(info, maxBytes)));
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, (err, stream) => {
        if (err) {
          reject(this.damaged(info, err));
          return;
        }
        const chunks: Buffer[] = [];
        let inflated = 0;
        let settled = false;
        const fail = (reason: Error) => {
          if (settled) return;
          settled = true;
          stream.destroy();
          reject(reason instanceof FileRejected ? reason : this.damaged(info, reason));
        };
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          inflated += chunk.length;
          try {
            this.budget.take(chunk.length);
            if (inflated > maxBytes) throw new FileRejected(options.tooLargeReason ?? this.entryTooLarge(info, maxBytes));
            if (inflated > this.limits.ratioGraceBytes && inflated / Math.max(1, info.compressedSize) > this.limits.maxRatio) {
              throw ratioTooHigh(info.name, this.noun, this.limits);
            }
          } catch (limit) {
            fail(limit as Error);
            return;
          }
          if (keep) chunks.push(chunk);
        });
        stream.once('error', fail);
        stream.once('end', () => {
          if (settled) return;
          settled = true;
          const whole = Buffer.concat(chunks, keep ? inflated : 0);
          resolve(new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength));
        });
      });
    });
  }

  private entryTooLarge(info: ZipEntryInfo, maxBytes: number): string {
    return `${shown(info.name)} in the ${this.noun} would unpack to more than ${sizeInWords(maxBytes)}`;
  }


  private damaged(info: ZipEntryInfo, err: Error): FileRejected {
    if (/too many bytes/i.test(err.message)) {
      return new FileRejected(`${shown(info.name)} in the ${this.noun} unpacks to more bytes than the ${this.noun} says it holds`);
    }
    if (/compression method/i.test(err.message)) {
      return new FileRejected(`${shown(info.name)} in the ${this.noun} is packed with a compression method Annalist cannot unpack`);
    }
    return new FileRejected(`the ${this.noun} is damaged: ${shown(info.name)} cannot be unpacked`);
  }
}

/**
 * Opens a ZIP file held in memory and checks its directory: entry count,
 * names, declared sizes and ratios. Rejects with FileRejected; nothing is
 * unpacked until an entry is read.
 */
export async function openZip(bytes: Uint8Array, options: OpenZipOptions = {}): Promise<ZipArchive> {
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  const noun = options.noun ?? 'archive';
  const notZip = options.notZipReason ?? `it is not a ZIP ${noun}`;
  if (bytes.length === 0) throw new FileRejected('the file is empty');
  // A ZIP file starts with a local header ("PK\x03\x04"), or an end record when it is empty ("PK\x05\x06").
  const startsLikeZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7);

  let zip: ZipFile;
  try {
    zip = await openBuffer(asBuffer(bytes));
  } catch (err) {
    const message = (err as Error).message;
    if (/end of central directory record signature not found/i.test(message)) {
      throw new FileRejected(startsLikeZip ? `the ${noun} is incomplete: it was cut short (the directory at the end of the ZIP file is missing)` : notZip);
    }
    if (/multi-disk/i.test(message)) throw new FileRejected(`it is one part of a ${noun} split over several files`);
    throw new FileRejected(`the ${noun} is damaged and cannot be unpacked`);
  }

  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new FileRejected(`the ${noun} holds more than ${limits.maxEntries.toLocaleString('en-US')} entries (${zip.entryCount.toLocaleString('en-US')})`);
    }
    const found: { info: ZipEntryInfo; entry: Entry }[] = [];
    const seen = new Set<string>();
    let declared = 0;
    try {
      await readCentralDirectory(zip, (entry) => {
        // Strict: backslashes are kept as they are, so that they can be refused.
        const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
        const unsafe = unsafeEntryName(name);
        if (unsafe) throw new FileRejected(unsafe);
        if (seen.has(name)) throw new FileRejected(`it holds two entries named ${shown(name)}, so what it contains is ambiguous`);
        seen.add(name);
        const info: ZipEntryInfo = {
          name,
          directory: name.endsWith('/'),
          size: entry.uncompressedSize,
          compressedSize: entry.compressedSize,
          encrypted: entry.isEncrypted(),
        };
        declared += info.size;
        found.push({ info, entry });
      });
    } catch (err) {
      if (err instanceof FileRejected) throw err;
      if (/strong encryption/i.test((err as Error).message)) throw new FileRejected(`it is password-protected with strong encryption`);
      throw new FileRejected(`the ${noun} is damaged and cannot be unpacked (its directory cannot be read)`);
    }
    if (declared > limits.maxTotalBytes) throw new FileRejected(`the ${noun} would unpack to more than ${sizeInWords(limits.maxTotalBytes)}`);
    const bomb = found.find(({ info }) => info.size > limits.ratioGraceBytes && info.size / Math.max(1, info.compressedSize) > limits.maxRatio);
    if (bomb) throw ratioTooHigh(bomb.info.name, noun, limits);
    const budget = options.budget ?? new UnpackBudget(limits.maxTotalBytes, noun);
    return new ZipArchive(zip, found, limits, budget, noun);
  } catch (err) {
    zip.close();
    throw err;
  }
}

/** Opens a ZIP file, hands it to `use`, and closes it whatever happens. */
export async function withZip<T>(bytes: Uint8Array, options: OpenZipOptions, use: (zip: ZipArchive) => Promise<T>): Promise<T> {
  const zip = await openZip(bytes, options);
  try {
    return await use(zip);
  } finally {
    zip.close();
  }
}
