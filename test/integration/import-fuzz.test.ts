import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_EXTENSIONS, readerFor, readers } from '../../electron/backend/import/readers';
import { importPaths } from '../../electron/backend/services/import-service';
import { REPO_ROOT, SEEDS_DIR, tempProject } from '../support/temp-project';

// Random, truncated and damaged files of every format Annalist reads, all
// imported in one go: each must end as "imported" or as one clear sentence
// naming the file; none may crash the import or leave anything half
// written. The bytes are made from real files with a fixed seed, so a
// failure here is reproducible.

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');

/** A real, good file of each format (the first one found). */
function realFiles(): Map<string, string> {
  const byExt = new Map<string, string>();
  const dirs = [SEEDS_DIR, ...readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(FIXTURES, d.name))];
  const bad = /truncated|junk|bomb|slip|encrypted|password|scanned|renamed|no-|broken|empty|too-many|nested|attachment-only|binary/;
  for (const dir of dirs) {
    for (const name of readdirSync(dir).sort()) {
      const ext = extname(name).slice(1).toLowerCase();
      if (byExt.has(ext) || bad.test(name) || !(readerFor(name) || ARCHIVE_EXTENSIONS.includes(ext))) continue;
      byExt.set(ext, join(dir, name));
    }
  }
  return byExt;
}

/** Mulberry32: small, fast, seedable. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function variants(bytes: Buffer, rand: () => number): [string, Buffer][] {
  const cut = (share: number) => bytes.subarray(0, Math.floor(bytes.length * share));
  const flipped = (count: number) => {
    const copy = Buffer.from(bytes);
    for (let i = 0; i < count; i++) copy[Math.floor(rand() * copy.length)] = Math.floor(rand() * 256);
    return copy;
  };
  const noise = Buffer.alloc(2048);
  for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(rand() * 256);
  return [
    ['cut-1-byte', cut(0).subarray(0, 1)],
    ['cut-10pc', cut(0.1)],
    ['cut-50pc', cut(0.5)],
    ['cut-last-byte', bytes.subarray(0, bytes.length - 1)],
    ['flipped-8', flipped(8)],
    ['flipped-200', flipped(200)],
    ['random', noise],
    ['random-after-head', Buffer.concat([bytes.subarray(0, 64), noise])],
  ];
}

let project: Awaited<ReturnType<typeof tempProject>>;
const made: string[] = [];

beforeAll(async () => {
  project = await tempProject();
  const folder = join(project.dir, 'fuzz');
  await mkdir(folder);
  const rand = random(20261123);
  for (const [ext, path] of realFiles()) {
    for (const [name, bytes] of variants(readFileSync(path), rand)) {
      const file = join(folder, `${basename(path, extname(path))}.${name}.${ext}`);
      await writeFile(file, bytes);
      made.push(file);
    }
  }
});

afterAll(async () => {
  await project.cleanup();
});

describe('fuzzed files of every format', () => {
  it('has a real file of every format to start from', () => {
    const have = new Set(made.map((f) => extname(f).slice(1)));
    const needed = readers.map((r) => r.extensions[0]!).concat(ARCHIVE_EXTENSIONS);
    expect(needed.filter((ext) => !have.has(ext))).toEqual([]);
  });

  it('ends each file as imported or as one sentence naming it, with nothing half written', async () => {
    const outcomes = await importPaths(project.db, [join(project.dir, 'fuzz')]);
    const unexpected = outcomes.filter((o) => o.status === 'failed' && /unexpectedly|stopped the reader/.test(o.error ?? ''));
    expect(unexpected.map((o) => o.error)).toEqual([]);
    for (const o of outcomes) {
      if (o.status !== 'failed') continue;
      expect(o.error).toMatch(/^Could not import \S.*: [^\n]+[.)]$/);
      expect(o.error!.startsWith(`Could not import ${o.path}: `)).toBe(true);
    }
    // Every file given is accounted for (archives may give several outcomes).
    const outcomePaths = new Set(outcomes.map((o) => o.path.replace(/(\.zip)\/.*$/, '$1')));
    expect(made.filter((f) => !outcomePaths.has(f))).toEqual([]);

    const stored = outcomes.filter((o) => o.status === 'imported').length;
    const count = async (table: string) => (await project.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n;
    expect(await count('articles')).toBe(stored);
    expect(await count('originals')).toBe(stored);
    expect(await count('article_texts')).toBe(stored);
    expect(await count('article_search')).toBe(stored);
    expect(await count('article_signatures')).toBe(stored);
    expect(await count('stories')).toBe((await project.db.get<{ n: number }>('SELECT COUNT(DISTINCT story_id) AS n FROM articles'))!.n);
  }, 300_000);
});
