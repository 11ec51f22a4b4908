import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../../shared/content/canonical-text';
import type { Block } from '../../../shared/content/doc';
import { FileRejected, type ParsedArticle } from '../../../electron/backend/import/article-reader';
import { readerFor } from '../../../electron/backend/import/readers';
import { creationDate, keywordTags, readRtfArticle, RTF_INFO_SOURCE } from '../../../electron/backend/import/readers/rtf-reader';
import { REPO_ROOT } from '../../support/temp-project';

// Fixtures are real RTF: LibreOffice's export of seed 000, a WordPad-style
// file, and broken ones (see test/fixtures/rtf/make-fixtures.ts).
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'rtf');
const NOW = new Date('2026-03-01T12:00:00Z');

async function read(name: string): Promise<ParsedArticle> {
  return readRtfArticle({ path: name, bytes: readFileSync(join(FIXTURES, name)) }, NOW);
}

async function rejection(name: string, bytes?: Uint8Array): Promise<string> {
  try {
    await readRtfArticle({ path: name, bytes: bytes ?? readFileSync(join(FIXTURES, name)) }, NOW);
  } catch (err) {
    if (err instanceof FileRejected) return err.reason;
    throw err;
  }
  throw new Error(`${name} was not rejected`);
}

const textOf = (a: ParsedArticle) => canonicalText(a.content).text;
const types = (blocks: Block[]) => blocks.map((b) => (b.type === 'heading' ? `h${b.attrs.level}` : b.type));

// Words from the font table, colour table, stylesheet and list table of the
// LibreOffice file: none of them may reach the article.
const RTF_FURNITURE = ['Times New Roman', 'Liberation', 'OpenSymbol', 'DejaVu', 'Heading 1', 'Text Body', 'Default Page Style', 'LibreOffice', '\\red', 'HYPERLINK', ';'];

describe('RTF reader: LibreOffice export of a news article', () => {
  it('is the reader for .rtf files', () => {
    expect(readerFor('/articles/Maduro.RTF')?.mediaType).toBe('application/rtf');
  });

  it('takes title, author, date and keywords from the document info, naming the source', async () => {
    const a = await read('news-article.rtf');
    expect(a.title).toBe('Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues');
    expect(a.titleInferred).toBe(false);
    expect(a.author).toBe('Ana Pérez');
    expect(a.publishedAt).toBe('2026-01-02T09:30');
    expect(a.tags).toEqual(['Venezuela', 'drug trafficking', 'Nicolás Maduro']);
    expect(a.fieldSources).toMatchObject({ title: RTF_INFO_SOURCE, author: RTF_INFO_SOURCE, publishedAt: RTF_INFO_SOURCE, tags: RTF_INFO_SOURCE });
  });

  it('keeps the paragraphs, headings and bullet list, without repeating the headline', async () => {
    const a = await read('news-article.rtf');
    const blocks = a.content.content;
    expect(types(blocks).slice(0, 4)).toEqual(['paragraph', 'h2', 'paragraph', 'h2']);
    expect(blocks.filter((b) => b.type === 'heading').length).toBe(7);
    const list = blocks.find((b) => b.type === 'bulletList');
    expect(list?.type === 'bulletList' && list.content.length).toBe(4);
    const text = textOf(a);
    expect(text.startsWith('Venezuelan President Nicolás Maduro has expressed willingness')).toBe(true);
    expect(text).toContain('\n\nBackground of US Strikes on Drug Traffickers\n\n');
    expect(text).toContain('Date of first attack: September 2\n\nNumber of strikes: Over 30');
    expect(text).not.toContain('Maduro Invites US Dialogue');
    expect(text.endsWith('known narco-trafficking routes.')).toBe(true);
  });

  it('spells non-ASCII letters, the euro sign and curly quotes right', async () => {
    const text = textOf(await read('news-article.rtf'));
    expect(text).toContain('Nicolás Maduro');
    expect(text).toContain('about €43 million');
    expect(text).toContain('“international piracy.”');
    expect(text).toContain('Venezuela’s oil');
    expect(text).not.toMatch(/Ã|â€|\uFFFD|\?s oil/);
  });

  it('keeps bold and italic as marks', async () => {
    const a = await read('news-article.rtf');
    const first = a.content.content[0]!;
    expect(first.type === 'paragraph' && first.content?.find((n) => n.text === 'Nicolás Maduro')?.marks).toEqual([{ type: 'bold' }]);
    const nodes = a.content.content.flatMap((b) => (b.type === 'paragraph' ? (b.content ?? []) : []));
    // LibreOffice leaves the opening quote outside the italic run.
    expect(nodes.find((n) => n.text.startsWith('international piracy.'))?.marks).toEqual([{ type: 'italic' }]);
  });

  it('lets no font table, stylesheet or other RTF furniture into the text', async () => {
    const text = textOf(await read('news-article.rtf'));
    for (const junk of RTF_FURNITURE) expect(text, junk).not.toContain(junk);
    expect(text).not.toMatch(/[{}\\]/);
  });
});

describe('RTF reader: a WordPad file in Windows-1252', () => {
  it('decodes \\\'hh escapes through \\ansicpg1252', async () => {
    const text = textOf(await read('wordpad.rtf'));
    expect(text).toContain('Venezuelan President Nicolás Maduro said on Thursday');
    expect(text).toContain('officials in Bogotá said');
    expect(text).toContain('now €43 million');
    expect(text).toContain('“a pretext”');
    expect(text).toContain('a topic – among others – for a later conversation');
    expect(text).not.toMatch(/Calibri|Symbol|Riched20|\uFFFD/);
  });

  it('takes the title from the first line when the file has no document info', async () => {
    const a = await read('wordpad.rtf');
    expect(a.title).toBe('Venezuela’s Maduro says he is open to US talks');
    expect(a.fieldSources.title).toBe('first line');
    expect(a.author).toBeNull();
    expect(a.publishedAt).toBeNull();
    expect(a.tags).toEqual([]);
  });

  it('reads \\pntext bullets as a list', async () => {
    const a = await read('wordpad.rtf');
    const list = a.content.content.find((b) => b.type === 'bulletList');
    expect(list?.type === 'bulletList' && list.content.map((item) => canonicalText({ type: 'doc', content: item.content }).text)).toEqual([
      'More than 30 strikes since 2 September',
      'More than 110 people killed',
      'A drone strike on a dock, the first on Venezuelan soil',
    ]);
    expect(textOf(a)).not.toContain('·');
  });
});

describe('RTF reader: files it must refuse', () => {
  it('refuses a file cut short', async () => {
    expect(await rejection('truncated.rtf')).toBe(
      'the RTF document is cut short (it ends before its last group is closed), so part of the article may be missing',
    );
  });

  it('refuses binary junk named .rtf', async () => {
    expect(await rejection('binary-junk.rtf')).toBe('it is not an RTF document (it does not begin with “{\\rtf”)');
  });

  it('refuses an RTF document with no text', async () => {
    expect(await rejection('no-text.rtf')).toBe('it holds no article text');
  });

  it('refuses an empty file and a broken header', async () => {
    expect(await rejection('empty.rtf', new Uint8Array())).toBe('the file is empty');
    expect(await rejection('bad.rtf', new TextEncoder().encode('{\\rtf2 hello}'))).toMatch(/^its RTF cannot be read \(/);
  });
});

describe('RTF reader: pieces', () => {
  it('turns \\creatim into ISO 8601 and refuses unset or future times', () => {
    expect(creationDate({ year: 2026, month: 1, day: 2, hour: 9, minute: 30 }, NOW)).toBe('2026-01-02T09:30');
    expect(creationDate({ year: 2026, month: 1, day: 2, hour: null, minute: null }, NOW)).toBe('2026-01-02');
    expect(creationDate({ year: 0, month: 0, day: 0, hour: 0, minute: 0 }, NOW)).toBeNull();
    expect(creationDate({ year: 2027, month: 1, day: 2, hour: 0, minute: 0 }, NOW)).toBeNull();
    expect(creationDate({ year: 2026, month: 2, day: 30, hour: 0, minute: 0 }, NOW)).toBeNull();
  });

  it('splits keywords into tags', () => {
    expect(keywordTags('Venezuela, oil;  oil ; ')).toEqual(['Venezuela', 'oil']);
    expect(keywordTags(null)).toEqual([]);
  });

  it('reads \\uN with its fallback skipped, groups, hyperlinks and hidden text', async () => {
    const rtf =
      '{\\rtf1\\ansi\\ansicpg1252\\uc1{\\fonttbl{\\f0 Arial;}}{\\info{\\title Caf\\u233\\\'e9 report}}' +
      '\\pard Caf\\u233\\\'e9 {\\b bold}{\\v hidden} and {\\field{\\*\\fldinst HYPERLINK "https://example.org/a"}{\\fldrslt a link}}.\\par' +
      '{\\*\\unknowndest secret}Second {\\i para}graph.\\par}';
    const a = await readRtfArticle({ path: 'x.rtf', bytes: new TextEncoder().encode(rtf) }, NOW);
    expect(a.title).toBe('Café report');
    expect(textOf(a)).toBe('Café bold and a link.\n\nSecond paragraph.');
    const nodes = a.content.content.flatMap((b) => (b.type === 'paragraph' ? (b.content ?? []) : []));
    expect(nodes.find((n) => n.text === 'a link')?.marks).toEqual([{ type: 'link', attrs: { href: 'https://example.org/a' } }]);
    expect(nodes.find((n) => n.text === 'bold')?.marks).toEqual([{ type: 'bold' }]);
  });
});
