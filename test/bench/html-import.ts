// The saved-page import benchmark: 1,000 HTML pages of about 100 KB,
// imported by the built `annalist import` into a fresh project, as a
// researcher imports a folder of saved pages. Prints pages a second, total
// seconds and the import process's peak RSS (its worker threads included)
// beside the targets (≤ 60 s, ≤ 500 MB). The built command is measured, not
// the sources under tsx, whose loader would add its own memory to both
// threads; `npm run bench` builds first.
//
// The pages are real ones from the Readability test corpus (those of
// 60–150 KB), each copy made different from the others: its title
// numbered, and a paragraph of another corpus article's sentences put at
// the top of its article and the copy's number after each paragraph, so
// that no two files or texts are duplicates.
//
//   npx tsx test/bench/html-import.ts        (run by `npm run bench`, in a process of its own)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_CORPUS, expectedText } from './html-quality';

const PAGES = Number(process.env.BENCH_HTML_PAGES ?? 1000);
const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 500;

const CLI = resolve(import.meta.dirname, '..', '..', 'bin', 'annalist.js');

/** The kernel's record of a process's peak resident memory (VmHWM), in bytes; 0 where /proc is not there. */
function peakRssOf(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs `annalist import FOLDER --json`; its outcomes, wall time and peak RSS. */
function importWithCli(folder: string, project: string): Promise<{ outcomes: { status: string; error?: string }[]; seconds: number; peakRss: number }> {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, 'import', folder, '--project', project, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peakRss = 0;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, peakRssOf(child.pid!))), 50);
    child.on('error', reject);
    child.on('exit', () => {
      clearInterval(sampler);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      try {
        resolvePromise({ outcomes: JSON.parse(stdout) as { status: string; error?: string }[], seconds, peakRss });
      } catch {
        reject(new Error(`annalist import printed no JSON: ${stdout.slice(0, 300)}`));
      }
    });
  });
}

async function corpusPages(): Promise<{ html: string; sentences: string[] }[]> {
  const out: { html: string; sentences: string[] }[] = [];
  for (const name of (await readdir(DEFAULT_CORPUS)).sort()) {
    const source = join(DEFAULT_CORPUS, name, 'source.html');
    const size = (await stat(source).catch(() => null))?.size ?? 0;
    if (size < 60_000 || size > 150_000) continue;
    const html = await readFile(source, 'utf8');
    const text = expectedText(await readFile(join(DEFAULT_CORPUS, name, 'expected.html'), 'utf8'));
    const sentences = text.replace(/\s+/g, ' ').match(/[^.!?]{40,300}[.!?]/g) ?? [];
    out.push({ html, sentences });
  }
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Copy `i` of a corpus page: numbered title, and a paragraph of another page's sentences at the top of the body text. */
function variant(pages: { html: string; sentences: string[] }[], i: number): string {
  const page = pages[i % pages.length]!;
  const donor = pages[(i * 7 + 3) % pages.length]!;
  const picked = Array.from({ length: 6 }, (_, k) => donor.sentences[(i + k * 5) % Math.max(donor.sentences.length, 1)] ?? '').join(' ');
  const paragraph = `<p>Copy ${i}. ${escapeHtml(picked)}</p>`;
  let html = page.html.replace(/<title>([^<]*)<\/title>/i, (_, t: string) => `<title>${t} (${i})</title>`);
  // Before the first paragraph: inside the article on nearly every page.
  const at = html.search(/<p[\s>]/i);
  html = at >= 0 ? html.slice(0, at) + paragraph + html.slice(at) : html.replace(/<body[^>]*>/i, (b) => b + paragraph);
  // And the copy's number at the end of every paragraph, for pages whose article starts elsewhere.
  return html.replace(/<\/p>/gi, ` [${i}]</p>`);
}

async function main(): Promise<void> {
  const work = join(tmpdir(), `annalist-html-bench-${process.pid}`);
  const folder = join(work, 'pages');
  await rm(work, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  try {
    const pages = await corpusPages();
    let bytes = 0;
    for (let i = 0; i < PAGES; i++) {
      const html = variant(pages, i);
      bytes += Buffer.byteLength(html);
      await writeFile(join(folder, `page-${String(i).padStart(4, '0')}.html`), html);
    }
    console.log(`${PAGES} saved pages from ${pages.length} corpus pages, ${(bytes / PAGES / 1024).toFixed(0)} KB on average, ${(bytes / 1e6).toFixed(0)} MB in all`);

    const { outcomes, seconds, peakRss } = await importWithCli(folder, join(work, 'bench.annalist'));

    const imported = outcomes.filter((o) => o.status === 'imported').length;
    const failed = outcomes.filter((o) => o.status === 'failed');
    const rssMb = peakRss / 1e6;
    const row = (name: string, value: string, target: string) => console.log(`${name.padEnd(34)} ${value.padStart(10)}  ${target}`);
    row(`import ${PAGES} × ~100 KB .html (pages/s)`, (PAGES / seconds).toFixed(1), '');
    row('  total (s)', seconds.toFixed(1), `≤ ${TARGET_SECONDS} s: ${seconds <= TARGET_SECONDS ? 'met' : 'NOT met'}`);
    const rssVerdict = rssMb === 0 ? 'not measured (no /proc on this system)' : rssMb <= TARGET_RSS_MB ? 'met' : 'NOT met';
    row('  peak RSS of the import (MB)', rssMb > 0 ? rssMb.toFixed(0) : 'n/a', `≤ ${TARGET_RSS_MB} MB: ${rssVerdict}`);
    row('  imported / duplicates / failed', `${imported}/${outcomes.length - imported - failed.length}/${failed.length}`, failed[0] ? `first failure: ${failed[0].error}` : '');
    process.exitCode = seconds <= TARGET_SECONDS && rssMb > 0 && rssMb <= TARGET_RSS_MB && failed.length === 0 ? 0 : 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
