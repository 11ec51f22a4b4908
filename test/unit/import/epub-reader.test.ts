import { describe, expect, it } from 'vitest';
import { readEpubArticle } from '../../../electron/backend/import/readers/epub-reader';
import { readerFor } from '../../../electron/backend/import/readers';
import { classLooks, withChapterTitle } from '../../../electron/backend/import/epub/epub-chapters';
import { resolveHref } from '../../../electron/backend/import/epub/epub-package';
import { fixture, headings, listItems, marked, paragraphs, rejection } from './document-fixtures';

// A book exported by LibreOffice and one written file by file and packed
// with zip (test/fixtures/office/make-fixtures.ts).

describe('EPUB reader', () => {
  it('reads the package metadata: title, authors (not the editor), date, language, publisher, subjects', async () => {
    const a = await readEpubArticle(fixture('epub/hand-made.epub'));
    expect(a.title).toBe('Trump and Maduro: The Phone Call');
    expect(a.titleInferred).toBe(false);
    expect(a.author).toBe('Lucía Fernández, Mark Ellison');
    expect(a.publishedAt).toBe('2025-12-30');
    expect(a.language).toBe('en-GB');
    expect(a.outlet).toBe('The Caribbean Ledger');
    expect(a.tags).toEqual(['Venezuela', 'US foreign policy']);
    for (const field of ['title', 'author', 'publishedAt', 'language', 'outlet', 'tags']) {
      expect(a.fieldSources[field]).toBe('EPUB package metadata');
    }
  });

  it('gives the chapters in spine order, each titled, with lists, quotes, marks and links', async () => {
    const a = await readEpubArticle(fixture('epub/hand-made.epub'));
    // The cover holds only an image; the notes are outside the reading order (linear="no").
    expect(headings(a.content)).toEqual(['h1 The Call', 'h1 Kill Them All', 'h1 What Comes Next']);
    expect(paragraphs(a.content).some((p) => p.includes('not part of the reading order'))).toBe(false);
    const blocks = a.content.content;
    expect(blocks[1]).toMatchObject({ type: 'paragraph' });
    expect(paragraphs(a.content)[0]).toMatch(/^Donald Trump and Nicolas Maduro spoke by phone last week/);
    expect(listItems(blocks.find((b) => b.type === 'bulletList'))).toEqual([
      'An aircraft carrier near Venezuela',
      'Air Force bombers in the region',
      'Secret action plans',
    ]);
    expect(listItems(blocks.find((b) => b.type === 'orderedList'))).toEqual(['The phone call', 'The designation of the Suns Cartel', 'Ground operations']);
    expect(blocks.find((b) => b.type === 'blockquote')).toMatchObject({ content: [{ content: [{ text: '“The order was to kill everyone.”' }] }] });
    expect(marked(a.content, 'bold')).toEqual(['Marco Rubio']);
    // The lead paragraph is italic through its CSS class, "Two survivors" through <em>.
    expect(marked(a.content, 'italic')).toEqual([expect.stringMatching(/^Donald Trump and Nicolas Maduro/), 'Two survivors']);
    expect(marked(a.content, 'link')).toEqual(['The New York Times → https://www.nytimes.com/']);
  });

  it('reads LibreOffice’s EPUB export: chapter titles from the NCX become headings, CSS classes give bold and italic', async () => {
    const a = await readEpubArticle(fixture('epub/news-article.epub'));
    expect(a.title).toBe('Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues');
    expect(a.author).toBe('Elena Ruiz');
    expect(a.language).toBe('en-US');
    // LibreOffice writes only dcterms:modified (when the file was made), which is not a publication date.
    expect(a.publishedAt).toBeNull();
    expect(paragraphs(a.content)[0]).toMatch(/^Venezuelan President Nicolás Maduro has expressed willingness/);
    expect(headings(a.content)).toEqual([
      'h1 Background of US Strikes on Drug Traffickers',
      'h1 Maduro’s Response',
      'h1 US Policy Toward Venezuela',
      'h1 Migration Crisis and Economic Strain',
      'h1 Venezuelan Oil Sanctions',
      'h1 Timeline',
      'h1 Legal and Ethical Implications',
    ]);
    expect(marked(a.content, 'bold')).toEqual(expect.arrayContaining(['willingness to engage in dialogue', 'more than 110 individuals']));
    expect(marked(a.content, 'italic')).toEqual(['“international piracy.”']);
    expect(marked(a.content, 'link')).toEqual(['Southern Command → https://www.southcom.mil/']);
  });

  it('is the reader chosen for .epub files', async () => {
    const file = fixture('epub/hand-made.epub');
    expect((await readerFor(file.path)!.read(file)).title).toBe('Trump and Maduro: The Phone Call');
  });

  it('refuses files that are not whole EPUB books with a sentence', async () => {
    expect(await rejection(readEpubArticle(fixture('epub/no-container.epub')))).toBe('it is not an EPUB book (it has no META-INF/container.xml)');
    expect(await rejection(readEpubArticle(fixture('docx/news-article.docx')))).toBe('it is not an EPUB book (it has no META-INF/container.xml)');
    expect(await rejection(readEpubArticle({ ...fixture('docx/text-renamed.docx'), path: 'book.epub' }))).toBe(
      'it is not an EPUB book (an .epub file is a ZIP package, and this file is not one)',
    );
    const book = fixture('epub/hand-made.epub');
    expect(await rejection(readEpubArticle({ ...book, bytes: book.bytes.subarray(0, 3000) }))).toBe(
      'the book is incomplete: it was cut short (the directory at the end of the ZIP file is missing)',
    );
  });
});

describe('EPUB details', () => {
  it('resolves manifest addresses against the package and keeps them inside the book', () => {
    expect(resolveHref('OEBPS/package.opf', 'text/ch%202.xhtml')).toBe('OEBPS/text/ch 2.xhtml');
    expect(resolveHref('OEBPS/package.opf', '../META-INF/x.xml')).toBe('META-INF/x.xml');
    expect(resolveHref('OEBPS/package.opf', 'https://example.com/a.xhtml')).toBeNull();
  });

  it('reads bold and italic from simple class rules only', () => {
    const looks = classLooks(['/* c */ .b { font-weight: 700 } span.i, p.x { font-style: italic; } div .nested { font-weight: bold } .n { font-weight: normal }']);
    expect(Object.fromEntries(looks)).toEqual({ b: { bold: true }, i: { italic: true }, x: { italic: true }, n: { bold: false } });
  });

  it('puts a chapter title from the table of contents as a heading, but not a placeholder', () => {
    const p = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
    expect(withChapterTitle([p('Body text.')], 'The Call')[0]).toEqual({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'The Call' }] });
    expect(withChapterTitle([p('The Call'), p('Body.')], 'The Call')[0]).toMatchObject({ type: 'heading' });
    expect(withChapterTitle([p('Body text.')], 'Section 1')).toEqual([p('Body text.')]);
  });
});
