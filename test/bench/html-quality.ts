// How close the HTML reader comes to Mozilla Readability's own output on
// its test pages (/work/shared/corpus/readability-test-pages: source.html,
// expected.html, expected-metadata.json per page). expected.html is what
// Readability 0.6 extracts, so this measures agreement with Readability
// (and what our conversion, sanitising and title handling keep of it), not
// accuracy against a human's reading.
//
//   npx tsx test/bench/html-quality.ts [corpus-dir]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { canonicalText } from '../../shared/content/canonical-text';
import { FileRejected, type ParsedArticle } from '../../electron/backend/import/article-reader';
import { readHtmlArticle } from '../../electron/backend/import/html/html-article';

export const DEFAULT_CORPUS = resolve(import.meta.dirname, '../../../shared/corpus/readability-test-pages');

export interface HtmlQuality {
  pages: number;
  /** Mean over pages of the multiset F1 of word tokens: our canonical text against expected.html's text. */
  meanTokenF1: number;
  medianTokenF1: number;
  /** Share of pages whose title equals the expected title (white space normalised). */
  titleAgreement: number;
  /** Share of pages with an expected byline whose author equals it (white space normalised, a leading "By" ignored). */
  bylineAgreement: number;
  /** Pages that could not be read, with the reason. */
  failures: string[];
}

export interface HtmlQualityDetail extends HtmlQuality {
  /** Share of pages where either title contains the other, ignoring case. */
  titleContainment: number;
  /** Same as bylineAgreement, but either containing the other, ignoring case, counts. */
  bylineContainment: number;
  pagesWithByline: number;
  /** For each field, the pages whose expected metadata has it, and on how many of those we found one. */
  found: Record<'publishedAt' | 'outlet' | 'language', { expected: number; found: number }>;
  perPage: { name: string; f1: number; title: string | null; expectedTitle: string | null; author: string | null; expectedByline: string | null }[];
  seconds: number;
}

interface ExpectedMetadata {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
// The name without the word that introduces it ("By", "Par", "Von"), as the reader stores it.
const bylineNorm = (s: string | null | undefined) => norm(s).replace(/^(?:by|par|por|von|door|przez)\s*:?\s+/i, '');

/** Lower-cased word tokens (runs of letters and digits). */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Multiset F1 of two token lists (1 when both are empty). */
export function tokenF1(ours: string[], expected: string[]): number {
  if (ours.length === 0 && expected.length === 0) return 1;
  if (ours.length === 0 || expected.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of expected) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of ours) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(t, left - 1);
    }
  }
  const precision = overlap / ours.length;
  const recall = overlap / expected.length;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

const BLOCK_TAG = /<\/?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|table|thead|tbody|tr|td|th|caption|pre|br|hr|figure|figcaption|section|article|header|footer|aside|nav|img|details|summary)\b[^>]*>/gi;

/** The text of expected.html, with a space at every block boundary so that words of adjacent blocks do not run together. */
export function expectedText(html: string): string {
  const dom = new JSDOM(`<body>${html.replace(BLOCK_TAG, ' $&')}</body>`, { virtualConsole: new VirtualConsole() });
  try {
    return dom.window.document.body.textContent ?? '';
  } finally {
    dom.window.close();
  }
}

function readPage(path: string): ParsedArticle {
  return readHtmlArticle(readFileSync(path));
}

/** The full report, with per-page figures. */
export async function htmlQualityDetail(corpusDir: string = DEFAULT_CORPUS): Promise<HtmlQualityDetail> {
  const names = readdirSync(corpusDir)
    .filter((n) => existsSync(join(corpusDir, n, 'source.html')))
    .sort();
  const start = performance.now();
  const perPage: HtmlQualityDetail['perPage'] = [];
  const failures: string[] = [];
  let titleEqual = 0;
  let titleContained = 0;
  let bylinePages = 0;
  let bylineEqual = 0;
  let bylineContained = 0;
  const found: HtmlQualityDetail['found'] = {
    publishedAt: { expected: 0, found: 0 },
    outlet: { expected: 0, found: 0 },
    language: { expected: 0, found: 0 },
  };
  for (const name of names) {
    const dir = join(corpusDir, name);
    const expectedMeta = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata;
    const expectedTokens = tokens(expectedText(readFileSync(join(dir, 'expected.html'), 'utf8')));
    let article: ParsedArticle | null = null;
    try {
      article = readPage(join(dir, 'source.html'));
    } catch (err) {
      failures.push(`${name}: ${err instanceof FileRejected ? err.reason : `threw ${String(err)}`}`);
    }
    const f1 = article ? tokenF1(tokens(canonicalText(article.content).text), expectedTokens) : 0;
    const title = article?.title ?? null;
    const expectedTitle = expectedMeta.title ?? null;
    if (norm(title) === norm(expectedTitle)) titleEqual++;
    const [t, e] = [norm(title).toLowerCase(), norm(expectedTitle).toLowerCase()];
    if (t === e || (t && e && (t.includes(e) || e.includes(t)))) titleContained++;
    const expectedByline = bylineNorm(expectedMeta.byline);
    if (expectedByline) {
      bylinePages++;
      const ours = bylineNorm(article?.author);
      if (ours === expectedByline) bylineEqual++;
      const [o, x] = [ours.toLowerCase(), expectedByline.toLowerCase()];
      if (o && (o.includes(x) || x.includes(o))) bylineContained++;
    }
    const count = (field: keyof typeof found, expected: unknown, ours: unknown) => {
      if (!expected) return;
      found[field].expected++;
      if (ours) found[field].found++;
    };
    count('publishedAt', expectedMeta.publishedTime, article?.publishedAt);
    count('outlet', expectedMeta.siteName, article?.outlet);
    count('language', expectedMeta.lang, article?.language);
    perPage.push({ name, f1, title, expectedTitle, author: article?.author ?? null, expectedByline: expectedMeta.byline ?? null });
    // Let the event loop breathe between pages (this runs inside tests too).
    await new Promise((r) => setImmediate(r));
  }
  const pages = names.length;
  return {
    pages,
    meanTokenF1: perPage.reduce((sum, p) => sum + p.f1, 0) / Math.max(pages, 1),
    medianTokenF1: median(perPage.map((p) => p.f1)),
    titleAgreement: titleEqual / Math.max(pages, 1),
    titleContainment: titleContained / Math.max(pages, 1),
    bylineAgreement: bylineEqual / Math.max(bylinePages, 1),
    bylineContainment: bylineContained / Math.max(bylinePages, 1),
    pagesWithByline: bylinePages,
    found,
    failures,
    perPage,
    seconds: (performance.now() - start) / 1000,
  };
}

/** The figures the brief asks for. */
export async function htmlQualityReport(corpusDir: string): Promise<HtmlQuality> {
  const { pages, meanTokenF1, medianTokenF1, titleAgreement, bylineAgreement, failures } = await htmlQualityDetail(corpusDir);
  return { pages, meanTokenF1, medianTokenF1, titleAgreement, bylineAgreement, failures };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Prints the quality report (called by `npm run bench` and when this file is run). Returns whether the F1 target is met. */
export async function printHtmlQuality(corpusDir: string = DEFAULT_CORPUS): Promise<boolean> {
  const corpus = resolve(corpusDir);
  const r = await htmlQualityDetail(corpus);
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const worst = [...r.perPage].sort((a, b) => a.f1 - b.f1).slice(0, 10);
  console.log(`HTML reader against Readability's expected output: ${corpus}`);
  console.log(`pages                      ${r.pages} (${r.seconds.toFixed(1)} s, ${((r.seconds * 1000) / Math.max(r.pages, 1)).toFixed(0)} ms a page)`);
  console.log(`mean token F1              ${r.meanTokenF1.toFixed(4)}   target ≥ 0.95: ${r.meanTokenF1 >= 0.95 ? 'met' : 'NOT met'}`);
  console.log(`median token F1            ${r.medianTokenF1.toFixed(4)}`);
  console.log(`pages with F1 ≥ 0.95       ${r.perPage.filter((p) => p.f1 >= 0.95).length}`);
  console.log(`title equal                ${pct(r.titleAgreement)}`);
  console.log(`title contained (any case) ${pct(r.titleContainment)}`);
  console.log(`byline equal               ${pct(r.bylineAgreement)} of ${r.pagesWithByline} pages with an expected byline`);
  console.log(`byline contained           ${pct(r.bylineContainment)}`);
  for (const [field, { expected, found }] of Object.entries(r.found)) {
    console.log(`${`${field} found`.padEnd(26)} ${found} of ${expected} pages that have one`);
  }
  console.log(`failures                   ${r.failures.length}${r.failures.map((f) => `\n  ${f}`).join('')}`);
  console.log('lowest F1:');
  for (const p of worst) console.log(`  ${p.f1.toFixed(3)}  ${p.name}`);
  if (process.env.HTML_QUALITY_VERBOSE) {
    for (const p of r.perPage) {
      if (norm(p.title) !== norm(p.expectedTitle)) console.log(`title  ${p.name}: ours ${JSON.stringify(p.title)} expected ${JSON.stringify(p.expectedTitle)}`);
    }
    for (const p of r.perPage) {
      if (bylineNorm(p.expectedByline) && bylineNorm(p.author) !== bylineNorm(p.expectedByline)) {
        console.log(`byline ${p.name}: ours ${JSON.stringify(p.author)} expected ${JSON.stringify(p.expectedByline)}`);
      }
    }
  }
  return r.meanTokenF1 >= 0.95;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await printHtmlQuality(process.argv[2] ?? DEFAULT_CORPUS);
