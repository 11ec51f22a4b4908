// `npm run bench`: each figure printed beside its floor, measured in the same
// run on the same machine, so a noisy shared machine moves both together.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sqlite3 from 'sqlite3';
import { openProject } from '../../electron/backend/project/open-project';
import { importPaths } from '../../electron/backend/services/import-service';
import { generateArticle } from './generated-articles';
import { runAnchoringBenchmark } from './anchoring';
import { runChronologyBenchmark } from './chronology-bench';
import { runHtmlBenchmarks } from './html-bench';
import { runReaderPaintBenchmark } from './reader-paint';

const ROOT = resolve(import.meta.dirname, '..', '..');
const WORK = join(ROOT, '.bench');
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function promisify<T>(fn: (cb: (err: Error | null, value?: T) => void) => void): Promise<T> {
  return new Promise((res, rej) => fn((err, value) => (err ? rej(err) : res(value as T))));
}

async function writeCorpus(dir: string): Promise<{ title: string; body: string }[]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const out: { title: string; body: string }[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const a = generateArticle(i);
    out.push(a);
    await writeFile(join(dir, `article-${String(i).padStart(5, '0')}.txt`), a.file);
  }
  return out;
}

/** The floor: the same texts inserted raw, FTS5 included, in one transaction. */
async function rawInsert(path: string, articles: { title: string; body: string }[]): Promise<number> {
  await rm(path, { force: true });
  const db = new sqlite3.Database(path);
  const exec = (sql: string) => promisify<void>((cb) => db.exec(sql, cb));
  await exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
  await exec("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, text TEXT); CREATE VIRTUAL TABLE search USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');");
  const start = process.hrtime.bigint();
  await exec('BEGIN');
  const insert = db.prepare('INSERT INTO articles (title, text) VALUES (?, ?)');
  const fts = db.prepare('INSERT INTO search (rowid, title, text) VALUES (?, ?, ?)');
  for (const [i, a] of articles.entries()) {
    await promisify<void>((cb) => insert.run([a.title, a.body], cb));
    await promisify<void>((cb) => fts.run([i + 1, a.title, a.body], cb));
  }
  await promisify<void>((cb) => insert.finalize(cb));
  await promisify<void>((cb) => fts.finalize(cb));
  await exec('COMMIT');
  const elapsed = seconds(start);
  await promisify<void>((cb) => db.close(cb));
  return elapsed;
}

async function annalistImport(path: string, dir: string): Promise<number> {
  await rm(path, { force: true });
  const db = await openProject(path);
  const start = process.hrtime.bigint();
  const outcomes = await importPaths(db, [dir]);
  const elapsed = seconds(start);
  const failed = outcomes.filter((o) => o.status !== 'imported');
  await db.close();
  if (failed.length > 0) throw new Error(`${failed.length} generated articles did not import: ${failed[0]!.error ?? failed[0]!.status}`);
  return elapsed;
}

function row(name: string, value: string, floor: string, ratio: string, target: string) {
  console.log(`${name.padEnd(34)} ${value.padStart(14)} ${floor.padStart(14)} ${ratio.padStart(8)}  ${target}`);
}

async function main() {
  await mkdir(WORK, { recursive: true });
  const corpus = join(WORK, 'articles');
  console.log(`Generating ${ARTICLES} articles of about 5 KB in ${corpus} …`);
  const articles = await writeCorpus(corpus);
  const files = (await readdir(corpus)).length;

  // Best of three for both, alternating, so a busy moment on a shared
  // machine does not decide the ratio.
  const floorRuns: number[] = [];
  const importRuns: number[] = [];
  let rssBefore = 0;
  for (let run = 0; run < RUNS; run++) {
    floorRuns.push(await rawInsert(join(WORK, 'floor.sqlite'), articles));
    rssBefore = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rssBefore);
    importRuns.push(await annalistImport(join(WORK, 'bench.annalist'), corpus));
  }
  const floorSeconds = Math.min(...floorRuns);
  const importSeconds = Math.min(...importRuns);
  console.log(`runs (s): annalist ${importRuns.map((s) => s.toFixed(2)).join(', ')}; floor ${floorRuns.map((s) => s.toFixed(2)).join(', ')}`);

  const rate = files / importSeconds;
  const floorRate = files / floorSeconds;
  const ratio = importSeconds / floorSeconds;
  console.log('');
  row('measure', 'annalist', 'floor', 'ratio', 'target');
  row(
    `import ${files} × 5 KB .txt (art/s)`,
    rate.toFixed(0),
    floorRate.toFixed(0),
    `${ratio.toFixed(2)}×`,
    `within 3× of the floor: ${ratio <= 3 ? 'met' : 'NOT met'}`,
  );
  row('  elapsed, best of runs (s)', importSeconds.toFixed(2), floorSeconds.toFixed(2), '', 'floor = raw sqlite3 INSERT + FTS5, one transaction');
  row('  peak RSS of the process (MB)', (peakRss / 1e6).toFixed(0), (rssBefore / 1e6).toFixed(0), '', 'floor column = RSS before the last import');
  clearInterval(sampler);
  await rm(WORK, { recursive: true, force: true });
  process.exitCode = ratio <= 3 ? 0 : 1;
}

await main();
if (!(await runHtmlBenchmarks())) process.exitCode = 1;
console.log('\n— Anchoring: highlights re-attached after the text changes —');
if (!(await runAnchoringBenchmark())) process.exitCode = 1;
console.log('\n— Chronology: 5,000 events, 20,000 evidence links —');
if (!(await runChronologyBenchmark())) process.exitCode = 1;
console.log('\n— Reader: opening a 200 KB article with 500 highlights in Chromium —');
if (!(await runReaderPaintBenchmark())) process.exitCode = 1;
