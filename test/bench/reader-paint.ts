// Opening a long, heavily annotated article in the reader, in a real
// Chromium through browser mode: a 200 KB article with 500 highlights (some
// overlapping, some across a paragraph break), made through the back end's
// own services in a fresh project under .bench/. The figure is the time from
// the navigation to the first frame in which the article's every block and
// every highlight decoration are in the DOM (an in-page probe checks once a
// frame and takes the time once that frame has been painted), judged against
// the target of 300 ms.
//
// Two ways in are timed: from the library (the app already loaded, as a
// researcher opens an article) and a full page load straight onto the
// article's address (the whole app boots: for information). Then, on the
// same article: a new highlight from selection + H until it is painted, and
// frame times while scrolling through the whole article.
//
//   npx electron-vite build && npx tsx test/bench/reader-paint.ts
//
// BENCH_PAINT_RUNS and BENCH_PAINT_COLD_RUNS set the number of runs (7, 5);
// BENCH_PAINT_PROFILE=file.json adds one traced open for DevTools.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { openProject } from '../../electron/backend/project/open-project';
import { createHighlight } from '../../electron/backend/services/annotation-service';
import { importFiles } from '../../electron/backend/services/import-service';
import { currentText } from '../../electron/backend/db/repositories/articles';
import { HEADLESS_CHROMIUM_ARGS } from '../../electron/backend/export/chromium-pdf-renderer';
import { startServer, TOKEN_HEADER, type RunningServer } from '../../electron/server/http-server';
import { HIGHLIGHT_COLORS } from '../../shared/api/annotation-colors';
import type { Output } from '../../shared/api/contract';
import { canonicalText } from '../../shared/content/canonical-text';
import { CHROMIUM, NO_CHROMIUM } from '../support/browser-session';
import { generateArticle, rng } from './generated-articles';

const WORK = resolve(import.meta.dirname, '..', '..', '.bench', 'reader-paint');
const ARTICLE_BYTES = 200_000;
const HIGHLIGHTS = 500;
const TARGET_MS = 300;
const RUNS = Number(process.env.BENCH_PAINT_RUNS ?? 7);
const COLD_RUNS = Number(process.env.BENCH_PAINT_COLD_RUNS ?? 5);
const NEW_HIGHLIGHTS = 5;
const SEED = 20260214;
const VIEWPORT = { width: 1400, height: 900 };

interface Span {
  start: number;
  end: number;
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

function toWordStart(text: string, at: number): number {
  while (at < text.length && !(isSpace(text[at - 1]) && !isSpace(text[at]))) at++;
  return at;
}

function toWordEnd(text: string, at: number): number {
  while (at < text.length && !(isSpace(text[at]) && !isSpace(text[at - 1]))) at++;
  return at;
}

/**
 * Spread evenly with jitter; every fifth overlaps the one before it and every
 * tenth runs on into the next paragraph, since those are the cases that
 * split decorations into several elements.
 */
function chooseSpans(text: string, count: number): Span[] {
  const next = rng(SEED);
  const stride = text.length / count;
  const spans: Span[] = [];
  for (let i = 0; i < count; i++) {
    const prev = spans[spans.length - 1];
    let start: number;
    if (prev && i % 5 === 4) start = toWordStart(text, prev.start + Math.floor((prev.end - prev.start) / 2));
    else start = toWordStart(text, Math.floor(i * stride + next() * stride * 0.5));
    let end = toWordEnd(text, start + 20 + Math.floor(next() * 200));
    if (i % 10 === 9) {
      const gap = text.indexOf('\n\n', start);
      if (gap !== -1) end = toWordEnd(text, gap + 2 + 20 + Math.floor(next() * 100));
    }
    if (prev && end <= prev.end && i % 5 === 4) end = toWordEnd(text, prev.end + 10);
    end = Math.min(end, text.length);
    if (start >= end || !text.slice(start, end).trim()) continue;
    spans.push({ start, end });
  }
  return spans;
}

interface Prepared {
  articleId: number;
  kilobytes: number;
  highlights: number;
  overlapping: number;
  acrossParagraphs: number;
}

async function prepareProject(projectPath: string): Promise<Prepared> {
  await rm(projectPath, { force: true });
  await rm(`${projectPath}-wal`, { force: true });
  await rm(`${projectPath}-shm`, { force: true });
  const db = await openProject(projectPath);
  try {
    const article = generateArticle(SEED, ARTICLE_BYTES);
    const [outcome] = await importFiles(db, [{ path: 'long-article.txt', bytes: new TextEncoder().encode(article.file) }]);
    if (outcome?.status !== 'imported' || outcome.articleId === undefined) {
      throw new Error(`The generated article did not import: ${outcome?.error ?? outcome?.status}`);
    }
    const articleId = outcome.articleId;
    const { text } = (await currentText(db, articleId))!;
    const spans = chooseSpans(text, HIGHLIGHTS);
    for (const [i, s] of spans.entries()) {
      await createHighlight(db, { articleId, start: s.start, end: s.end, color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length]! });
    }
    return {
      articleId,
      kilobytes: new TextEncoder().encode(text).length / 1000,
      highlights: spans.length,
      overlapping: spans.filter((s, i) => i > 0 && s.start < spans[i - 1]!.end).length,
      acrossParagraphs: spans.filter((s) => text.slice(s.start, s.end).includes('\n\n')).length,
    };
  } finally {
    await db.close();
  }
}

interface Expectation {
  blocks: number;
  lastBlock: string;
  highlights: number;
}

// Runs in the page (a string, as the bench is typed without the DOM). Once a
// frame, while armed, it checks what the frame about to be painted holds;
// each time is taken in a task queued from that frame, which runs once the
// frame has been painted. Three moments: every block of the article's text
// (text), every highlight decoration as well (painted: the figure judged),
// and every card in the highlight panel (panel).
function probeScript(cold: Expectation): string {
  return `(() => {
  let armed = null;
  let result = null;
  function textIn(body, exp) {
    const blocks = body.querySelectorAll('p, h1, h2, h3, h4, h5, h6');
    return blocks.length === exp.blocks && blocks[blocks.length - 1].textContent === exp.lastBlock;
  }
  function highlightsIn(body, exp) {
    const ids = new Set();
    for (const el of body.querySelectorAll('[data-highlight-id]')) ids.add(el.getAttribute('data-highlight-id'));
    return ids.size >= exp.highlights;
  }
  const cardsIn = (exp) => document.querySelectorAll('[data-highlight-card]').length >= exp.highlights;
  function afterPaint(a, key) {
    a.pending++;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      a.times[key] = performance.now() - a.t0;
      if (--a.pending === 0 && a.times.painted !== undefined && a.times.panel !== undefined) result = { ...a.times, frames: a.frames };
    };
    channel.port2.postMessage(null);
  }
  function frame() {
    const a = armed;
    if (!a) return;
    const body = document.querySelector('.article-body');
    if (body && !a.seen.text && textIn(body, a.exp)) (a.seen.text = true), afterPaint(a, 'text');
    if (body && a.seen.text && !a.seen.painted && highlightsIn(body, a.exp)) (a.seen.painted = true), afterPaint(a, 'painted');
    if (!a.seen.panel && cardsIn(a.exp)) (a.seen.panel = true), afterPaint(a, 'panel');
    if (a.seen.painted && a.seen.panel) {
      armed = null;
      return;
    }
    a.frames++;
    requestAnimationFrame(frame);
  }
  const probe = {
    arm(exp, t0) {
      result = null;
      armed = { exp, t0: t0 ?? performance.now(), frames: 0, pending: 0, seen: {}, times: {} };
      requestAnimationFrame(frame);
    },
    // Timed from the key press itself (its event's time stamp), not from when the bench sent it.
    armOnKey(exp) {
      result = null;
      document.addEventListener('keydown', (e) => probe.arm(exp, e.timeStamp), { capture: true, once: true });
    },
    result() { return result; },
  };
  Object.defineProperty(window, '__annalistPaint', { value: probe });
  // A full load onto the article's address: timed from the navigation's start.
  if (location.hash.startsWith('#/article/')) probe.arm(${JSON.stringify(cold)}, 0);
})();`;
}

interface PaintResult {
  text: number;
  painted: number;
  panel: number;
  frames: number;
}

interface ProbeGlobal {
  __annalistPaint: { result(): PaintResult | null };
}

async function waitForPaint(page: Page): Promise<PaintResult> {
  // A function, not a string: the app's CSP forbids eval in the page.
  const handle = await page.waitForFunction(() => (globalThis as unknown as ProbeGlobal).__annalistPaint.result(), undefined, {
    timeout: 60_000,
    polling: 50,
  });
  return (await handle.jsonValue()) as PaintResult;
}

async function backToLibrary(page: Page): Promise<void> {
  await page.evaluate(`location.hash = '#/library'`);
  await page.locator('.article-table').waitFor();
  // Let the library settle (its queries, fonts) so the open starts from rest.
  await page.waitForTimeout(400);
}

async function openFromLibrary(page: Page, articleId: number, exp: Expectation): Promise<PaintResult> {
  await page.evaluate(`window.__annalistPaint.arm(${JSON.stringify(exp)}); location.hash = '#/article/${articleId}'`);
  return waitForPaint(page);
}

/**
 * Selects a few words of a paragraph no highlight touches, a different one
 * each time, and presses H: from the key press until the frame that shows
 * the new highlight has been painted (the request to the back end and the
 * reader's reloads included).
 */
async function newHighlight(page: Page, exp: Expectation, nth: number): Promise<PaintResult> {
  const picked = await page.evaluate(`(() => {
    const body = document.querySelector('.article-body');
    const free = [...body.querySelectorAll('p')].filter((p) => !p.querySelector('[data-highlight-id]') && p.textContent.length > 80);
    const p = free[Math.floor((free.length * (${nth} * 2 + 1)) / ${NEW_HIGHLIGHTS * 2})];
    if (!p) return false;
    p.scrollIntoView({ block: 'center' });
    const text = p.firstChild;
    const start = text.data.indexOf(' ') + 1;
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, text.data.indexOf(' ', start + 30));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    window.__annalistPaint.armOnKey(${JSON.stringify(exp)});
    return true;
  })()`);
  if (!picked) throw new Error('The article has no paragraph left without a highlight to select words in.');
  // Scrolling and selecting settle before the key is pressed.
  await page.waitForTimeout(300);
  await page.keyboard.press('h');
  return waitForPaint(page);
}

interface ScrollResult {
  frames: number;
  median: number;
  p95: number;
  worst: number;
  over50: number;
}

/** Through the whole article, top to bottom, a steady 60 px a frame; the time between frames. */
async function scrollThrough(page: Page): Promise<ScrollResult> {
  return (await page.evaluate(`new Promise((done) => {
    const main = document.querySelector('.reader-main');
    main.scrollTop = 0;
    const gaps = [];
    let last = 0;
    function step(now) {
      if (last) gaps.push(now - last);
      last = now;
      if (main.scrollTop + main.clientHeight >= main.scrollHeight - 1) {
        gaps.sort((a, b) => a - b);
        const at = (q) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))];
        done({ frames: gaps.length, median: at(0.5), p95: at(0.95), worst: gaps[gaps.length - 1], over50: gaps.filter((g) => g > 50).length });
        return;
      }
      main.scrollTop += 60;
      requestAnimationFrame(step);
    }
    requestAnimationFrame(step);
  })`)) as ScrollResult;
}

async function openCold(page: Page, url: string): Promise<PaintResult> {
  await page.goto('about:blank');
  await page.goto(url);
  return waitForPaint(page);
}

/**
 * BENCH_PAINT_PROFILE=file.json: one more open from the library, traced as
 * DevTools' Performance panel records (JavaScript samples, style, layout,
 * paint); load the file there.
 */
async function profileOpen(page: Page, articleId: number, exp: Expectation, path: string): Promise<void> {
  await backToLibrary(page);
  const cdp = await page.context().newCDPSession(page);
  const categories = [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'disabled-by-default-devtools.timeline.frame',
    'disabled-by-default-devtools.timeline.stack',
    'v8.execute',
    'disabled-by-default-v8.cpu_profiler',
    'blink.user_timing',
  ];
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: categories } });
  const result = await openFromLibrary(page, articleId, exp);
  const complete = new Promise<string>((done) => cdp.once('Tracing.tracingComplete', (e) => done(e.stream ?? '')));
  await cdp.send('Tracing.end');
  const stream = await complete;
  const chunks: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  await writeFile(path, chunks.join(''));
  await cdp.detach();
  console.log(`  trace of one open (${result.painted.toFixed(0)} ms, traced) written to ${path}`);
}

export async function runReaderPaintBenchmark(): Promise<boolean> {
  if (!CHROMIUM) {
    console.log(NO_CHROMIUM);
    return false;
  }
  await mkdir(WORK, { recursive: true });
  const projectPath = join(WORK, 'reader.annalist');
  const prepared = await prepareProject(projectPath);
  let server: RunningServer | undefined;
  const context = await chromium.launchPersistentContext(join(WORK, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [...HEADLESS_CHROMIUM_ARGS],
    viewport: VIEWPORT,
  });
  try {
    server = await startServer({ projectPath, port: 0 });
    const res = await fetch(new URL('/api/reader.getArticle', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      body: JSON.stringify({ id: prepared.articleId }),
    });
    const got = (await res.json()) as { ok: true; value: Output<'reader.getArticle'> };
    const blocks = canonicalText(got.value.content).blocks;
    const exp: Expectation = { blocks: blocks.length, lastBlock: blocks[blocks.length - 1]!.text, highlights: prepared.highlights };

    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.addInitScript(probeScript(exp));
    const articleUrl = `${server.url}#/article/${prepared.articleId}`;

    const cold: PaintResult[] = [];
    for (let run = 0; run <= COLD_RUNS; run++) cold.push(await openCold(page, articleUrl));
    const warm: PaintResult[] = [];
    for (let run = 0; run <= RUNS; run++) {
      await backToLibrary(page);
      warm.push(await openFromLibrary(page, prepared.articleId, exp));
    }
    const created: PaintResult[] = [];
    for (let i = 0; i < NEW_HIGHLIGHTS; i++) {
      created.push(await newHighlight(page, { ...exp, highlights: exp.highlights + i + 1 }, i));
    }
    const scroll = await scrollThrough(page);
    if (pageErrors.length > 0) throw new Error(`The page reported errors: ${pageErrors.join('; ')}`);

    console.log(
      `\nReader paint: a ${prepared.kilobytes.toFixed(0)} KB article (${blocks.length} blocks) with ${prepared.highlights} highlights ` +
        `(${prepared.overlapping} overlapping the one before, ${prepared.acrossParagraphs} across a paragraph break), Chromium ${VIEWPORT.width}×${VIEWPORT.height}`,
    );
    const ok = report('open from the library', warm);
    report('full page load onto the article', cold, true);
    const made = created.map((r) => r.painted);
    console.log(
      `  ${'new highlight, select + H to paint'.padEnd(34)} median ${median(made).toFixed(0).padStart(5)} ms, worst ${Math.max(...made).toFixed(0).padStart(5)} ms over ${made.length}        ` +
        `for information (the back end's write and the reader's reloads included)`,
    );
    console.log(
      `  ${'scrolling through, 60 px a frame'.padEnd(34)} median ${scroll.median.toFixed(0).padStart(5)} ms, p95 ${scroll.p95.toFixed(0)} ms, worst ${scroll.worst.toFixed(0)} ms between frames; ` +
        `${scroll.over50} of ${scroll.frames} over 50 ms   for information (16.7 ms = 60 frames a second)`,
    );
    if (process.env.BENCH_PAINT_PROFILE) await profileOpen(page, prepared.articleId, exp, resolve(process.env.BENCH_PAINT_PROFILE));
    return ok;
  } finally {
    await context.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await rm(WORK, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Judged on the median: one slow run on a shared machine says little; the worst is printed beside it. */
function report(name: string, runs: PaintResult[], forInformation = false): boolean {
  const [first, ...rest] = runs;
  const painted = rest.map((r) => r.painted);
  const med = median(painted);
  const met = med <= TARGET_MS;
  const verdict = forInformation ? 'for information' : met ? 'met' : 'NOT met';
  console.log(
    `  ${name.padEnd(34)} median ${med.toFixed(0).padStart(5)} ms, worst ${Math.max(...painted).toFixed(0).padStart(5)} ms over ${painted.length} runs ` +
      `(first ${first!.painted.toFixed(0)} ms, not counted)   target <= ${TARGET_MS} ms: ${verdict}`,
  );
  console.log(
    `    runs (ms): ${painted.map((p) => p.toFixed(0)).join(', ')}; text alone painted at median ${median(rest.map((r) => r.text)).toFixed(0)} ms, ` +
      `all panel cards at ${median(rest.map((r) => r.panel)).toFixed(0)} ms`,
  );
  return forInformation || met;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runReaderPaintBenchmark().then(
    (ok) => process.exit(ok ? 0 : 1),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
