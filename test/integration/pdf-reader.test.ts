import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FileRejected, type ParsedArticle } from '../../electron/backend/import/article-reader';
import { formatSize, readPdfContent } from '../../electron/backend/import/pdf/pdf-document';
import { readerFor } from '../../electron/backend/import/readers';
import { readPdfArticle, type PdfReadOptions } from '../../electron/backend/import/readers/pdf-reader';

const pdfReader = readerFor('article.pdf')!;
import { blockText, canonicalText, textBlocksOf } from '../../shared/content/canonical-text';
import type { Block } from '../../shared/content/doc';

// The PDF reader on real PDFs: printed by Chromium, stamped and encrypted by
// qpdf (test/fixtures/pdf/make-fixtures.ts made them).

const FIXTURES = fileURLToPath(new URL('../fixtures/pdf/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => new Uint8Array(readFileSync(FIXTURES + name));

async function read(name: string, bytes: Uint8Array = fixture(name), options?: PdfReadOptions): Promise<ParsedArticle> {
  return options ? readPdfArticle({ path: name, bytes }, options) : pdfReader.read({ path: name, bytes });
}

async function reason(name: string, bytes?: Uint8Array, options?: PdfReadOptions): Promise<string> {
  try {
    await read(name, bytes, options);
  } catch (error) {
    return error instanceof FileRejected ? error.reason : `unexpected: ${String(error)}`;
  }
  return 'accepted';
}

const textOf = (a: ParsedArticle) => canonicalText(a.content).text;
const headingsOf = (a: ParsedArticle) => a.content.content.filter((b): b is Extract<Block, { type: 'heading' }> => b.type === 'heading').map((h) => `h${h.attrs.level}: ${blockText(h)}`);
const topLevel = (a: ParsedArticle, type: Block['type']) => a.content.content.filter((b) => b.type === type);

afterEach(() => vi.restoreAllMocks());

describe('the fixtures hold what the tests expect', () => {
  it('the article has its running header and page numbers in the PDF itself', async () => {
    const content = await readPdfContent(fixture('news-article.pdf'));
    const raw = content.pages.map((p) => p.items.map((i) => i.text).join(' '));
    expect(content.pages).toHaveLength(3);
    for (const [i, page] of raw.entries()) {
      expect(page).toContain('The Caribbean Ledger — December 2025');
      expect(page).toContain(`Page ${i + 1} of 3`);
    }
    expect(raw[0]).toMatch(/will ?‐/u); // "willingness", hyphenated at a line end
  });
});

describe('a news article printed by Chromium (3 pages)', () => {
  it('reads the title and metadata from the document information', async () => {
    const a = await read('news-article.pdf');
    expect(a.title).toBe('Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues');
    expect(a.titleInferred).toBe(false);
    expect(a.author).toBe('Ana Ruiz');
    expect(a.subtitle).toBe('Caracas says it is ready to talk about drugs, oil and migration');
    expect(a.tags).toEqual(['Venezuela', 'drug trafficking', 'US military']);
    // Created by a browser, but page 1 carries the same date: "December 3, 2025".
    expect(a.publishedAt).toBe('2025-12-03');
    expect(a.fieldSources).toEqual({
      title: 'PDF metadata',
      subtitle: 'PDF metadata',
      author: 'PDF metadata',
      publishedAt: 'PDF creation date',
      tags: 'PDF metadata',
    });
  });

  it('finds the headings, paragraphs and the list, without the title in the body', async () => {
    const a = await read('news-article.pdf');
    expect(headingsOf(a)).toEqual([
      'h2: Background of US Strikes on Drug Traffickers',
      'h2: Recent Military Actions',
      'h2: Maduro’s Response',
      'h2: US Policy Toward Venezuela',
      'h2: Migration Crisis and Economic Strain',
      'h2: Venezuelan Oil Sanctions',
      'h2: Legal and Ethical Implications',
    ]);
    expect(topLevel(a, 'paragraph')).toHaveLength(10); // the byline and nine paragraphs
    expect(blockText(a.content.content[0] as Extract<Block, { type: 'paragraph' }>)).toBe('By Ana Ruiz, Caracas — December 3, 2025');
    const [list] = topLevel(a, 'bulletList') as Array<Extract<Block, { type: 'bulletList' }>>;
    // The list runs over the page break from page 1 to page 2.
    expect(list!.content.map((item) => canonicalText({ type: 'doc', content: item.content }).text)).toEqual([
      'Date of first attack: September 2',
      'Number of strikes: Over 30',
      'Casualties: More than 110 killed',
      'Latest attack: Recent Wednesday, 5 fatalities',
    ]);
    expect(textOf(a)).not.toContain('Maduro Invites US Dialogue');
  });

  it('leaves out the running header and the page numbers, and joins a paragraph across the page break', async () => {
    const text = textOf(await read('news-article.pdf'));
    expect(text).not.toContain('Caribbean Ledger');
    expect(text).not.toMatch(/Page \d of 3/);
    expect(text).toContain('Maduro is responsible for “emptying his prisons and insane asylums,” forcing migrants');
  });

  it('joins words hyphenated at line ends and keeps real hyphens', async () => {
    const text = textOf(await read('news-article.pdf'));
    expect(text).toContain('has expressed willingness to engage');
    expect(text).toContain('international waters');
    expect(text).toContain('a non-international armed conflict');
    expect(text).toContain('narco-trafficking routes');
    expect(text).not.toMatch(/[‐\u00ad]/u);
    expect(text).not.toMatch(/\p{L}- \p{Ll}/u);
  });

  it('gives the same article from the same bytes and leaves the caller’s bytes intact', async () => {
    const bytes = fixture('news-article.pdf');
    const copy = bytes.slice();
    const a = await read('news-article.pdf', bytes);
    const b = await read('news-article.pdf', bytes);
    expect(b).toEqual(a);
    expect(bytes.byteLength).toBe(copy.byteLength); // not detached by pdf.js
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(copy))).toBe(0);
  });
});

describe('a two-column page with XMP metadata', () => {
  it('reads column by column, takes the title from the largest text and the rest from XMP', async () => {
    const a = await read('two-column.pdf');
    expect(a.title).toBe('Trump and Maduro Discussed a Meeting, Times Says'); // the document title is "about:blank"
    expect(a.titleInferred).toBe(false);
    expect(a.author).toBe('Luis Ortega, Mei Chen');
    expect(a.tags).toEqual(['Venezuela', 'diplomacy']);
    expect(a.language).toBe('en-US');
    expect(a.publishedAt).toBeNull(); // a browser's creation date, not shown on the page
    expect(a.fieldSources).toEqual({
      title: 'largest text on page 1',
      author: 'PDF XMP metadata',
      language: 'PDF XMP metadata',
      tags: 'PDF XMP metadata',
    });
    expect(headingsOf(a)).toEqual(['h2: A Second Strike']);
    const paragraphs = textBlocksOf(a.content).map(blockText);
    // The paragraph that runs from the foot of the left column to the top of the right one is one paragraph.
    expect(paragraphs).toContain('The United States also sent an aircraft carrier to waters near Venezuela, and Air Force bombers to the region, in addition to preparing secret action plans and regularly threatening to use force.');
    expect(paragraphs[0]).toMatch(/^Donald Trump and Nicolas Maduro spoke by phone last week\./);
    expect(paragraphs[0]).toContain('alleged “narco-terrorist groups”');
    expect(paragraphs[paragraphs.length - 1]).toMatch(/future legal action, TWP reports\.$/);
    expect(textOf(a)).not.toMatch(/(^|\n)1(\n|$)/); // the page number
  });
});

describe('a PDF with no title anywhere', () => {
  it('infers the title from the opening sentence and says so', async () => {
    const a = await read('no-headline.pdf');
    expect(a.title).toBe('Donald Trump and Nicolas Maduro spoke by phone last week');
    expect(a.titleInferred).toBe(true);
    expect(a.fieldSources).toEqual({ title: 'inferred from the text' });
    expect(topLevel(a, 'paragraph')).toHaveLength(3);
    expect(textOf(a)).toMatch(/^Donald Trump and Nicolas Maduro spoke by phone last week\. They discussed/);
  });
});

describe('files the reader refuses, each with its sentence', () => {
  it('an image-only (scanned) PDF', async () => {
    expect(await reason('scanned-image.pdf')).toBe('this PDF has no text layer (scanned image); OCR is not supported');
  });

  it('a truncated PDF', async () => {
    expect(await reason('truncated.pdf')).toBe('the PDF is damaged and cannot be read');
  });

  it('a password-protected PDF', async () => {
    expect(await reason('password-protected.pdf')).toBe('the PDF is password-protected');
  });

  it('random bytes named .pdf, with and without a PDF header', async () => {
    let seed = 42;
    const random = Uint8Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) & 0xff);
    expect(await reason('noise.pdf', random)).toBe('it is not a PDF file (it does not start with %PDF)');
    const withHeader = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...random, ...new TextEncoder().encode('\n%%EOF\n')]);
    expect(await reason('noise.pdf', withHeader)).toBe('the PDF is damaged and cannot be read');
    expect(await reason('letter.pdf', new TextEncoder().encode('Dear editor, this is a text file.'))).toBe('it is not a PDF file (it does not start with %PDF)');
    expect(await reason('empty.pdf', new Uint8Array())).toBe('the file is empty');
  });

  it('a PDF over the page or size limit', async () => {
    expect(await reason('news-article.pdf', undefined, { limits: { maxBytes: 200 * 1024 * 1024, maxPages: 2 } })).toBe(
      'the PDF has 3 pages, more than the 2 Annalist can import',
    );
    expect(await reason('news-article.pdf', undefined, { limits: { maxBytes: 10 * 1024, maxPages: 2000 } })).toMatch(
      /^the PDF is \d+ KB, more than the 10 KB Annalist can import$/,
    );
    expect(formatSize(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatSize(3.45 * 1024 * 1024)).toBe('3.5 MB');
    expect(formatSize(2_500_000_000)).toBe('2,384 MB');
  });
});

describe('pdf.js in Node', () => {
  it('says nothing on the console while reading good and bad files', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
    await read('news-article.pdf');
    await read('two-column.pdf');
    for (const name of ['scanned-image.pdf', 'truncated.pdf', 'password-protected.pdf']) await reason(name);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('lets the process end once a PDF is read', async () => {
    const script = [
      "import { readFileSync } from 'node:fs';",
      "import { readerFor } from './electron/backend/import/readers/index.ts';",
      "Promise.resolve(readerFor('a.pdf').read({ path: 'a.pdf', bytes: readFileSync('test/fixtures/pdf/news-article.pdf') }))",
      '  .then((a) => console.log(a.title));',
    ].join('\n');
    const started = Date.now();
    const { stdout, stderr } = await promisify(execFile)(`${ROOT}node_modules/.bin/tsx`, ['-e', script], { cwd: ROOT, timeout: 30_000 });
    expect(stdout.trim()).toBe('Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues');
    expect(stderr).toBe('');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('is the reader for .pdf files', () => {
    expect(pdfReader.extensions).toEqual(['pdf']);
    expect(pdfReader.mediaType).toBe('application/pdf');
  });
});
