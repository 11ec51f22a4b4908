import { describe, expect, it } from 'vitest';
import { readDocxArticle } from '../../../electron/backend/import/readers/docx-reader';
import { readerFor } from '../../../electron/backend/import/readers';
import { fixture, headings, listItems, marked, paragraphs, rejection } from './document-fixtures';

// Real Word documents written by LibreOffice (test/fixtures/office/make-fixtures.ts).

const NOW = new Date('2026-01-10T12:00:00Z');

describe('DOCX reader', () => {
  it('reads the title, author, date, language and keywords from the core properties', async () => {
    const a = await readDocxArticle(fixture('docx/news-article.docx'), { now: NOW });
    expect(a.title).toBe('Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues');
    expect(a.titleInferred).toBe(false);
    expect(a.author).toBe('Elena Ruiz');
    expect(a.publishedAt).toBe('2025-12-18T08:30:00Z');
    expect(a.language).toBe('en-US');
    expect(a.tags).toEqual(['Venezuela', 'drug trafficking', 'US military']);
    expect(a.fieldSources).toEqual({
      title: 'DOCX core properties',
      author: 'DOCX core properties',
      publishedAt: 'DOCX core properties (created)',
      language: 'DOCX core properties',
      tags: 'DOCX core properties',
    });
  });

  it('gives the headings, paragraphs, lists and marks the document shows, without the title paragraph', async () => {
    const a = await readDocxArticle(fixture('docx/news-article.docx'), { now: NOW });
    const blocks = a.content.content;
    expect(paragraphs(a.content)[0]).toMatch(/^Venezuelan President Nicolás Maduro has expressed willingness/);
    expect(paragraphs(a.content)).not.toContain(a.title);
    expect(headings(a.content)).toEqual([
      'h1 Background of US Strikes on Drug Traffickers',
      'h2 Recent Military Actions',
      'h1 Maduro’s Response',
      'h1 US Policy Toward Venezuela',
      'h1 Migration Crisis and Economic Strain',
      'h1 Venezuelan Oil Sanctions',
      'h1 Timeline',
      'h1 Legal and Ethical Implications',
    ]);
    const bullets = blocks.find((b) => b.type === 'bulletList');
    expect(listItems(bullets)).toEqual([
      'Date of first attack: September 2',
      'Number of strikes: Over 30',
      '  Caribbean Sea',
      '  Eastern Pacific',
      'Casualties: More than 110 killed',
      'Latest attack: Recent Wednesday, 5 fatalities',
    ]);
    const numbered = blocks.find((b) => b.type === 'orderedList');
    expect(listItems(numbered)).toEqual(['September 2: first strike in international waters', 'December 10: oil tanker seized', 'More tankers seized']);
    expect(marked(a.content, 'bold')).toEqual(['willingness to engage in dialogue', 'more than 110 individuals']);
    expect(marked(a.content, 'italic')).toEqual(['“international piracy.”']);
    expect(marked(a.content, 'link')).toEqual(['Southern Command → https://www.southcom.mil/']);
  });

  it('takes the paragraph styled Title when the properties give no title', async () => {
    const a = await readDocxArticle(fixture('docx/no-title-property.docx'), { now: NOW });
    expect(a.title).toBe('CIA carries out first drone strike on Venezuelan soil targeting drug gangs');
    expect(a.fieldSources.title).toBe('paragraph styled “Title”');
    expect(a.author).toBe('Sam Whitfield');
    expect(a.publishedAt).toBe('2025-12-24T16:05:00Z');
    expect(paragraphs(a.content)[0]).toMatch(/^The CIA reportedly carried out a drone strike/);
    expect(paragraphs(a.content)).toHaveLength(6);
  });

  it('leaves out a creation date that lies in the future', async () => {
    const a = await readDocxArticle(fixture('docx/news-article.docx'), { now: new Date('2025-06-01T00:00:00Z') });
    expect(a.publishedAt).toBeNull();
    expect(a.fieldSources.publishedAt).toBeUndefined();
  });

  it('is the reader chosen for .docx files', async () => {
    const file = fixture('docx/news-article.docx');
    const a = await readerFor(file.path)!.read(file);
    expect(a.title).toBe('Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues');
  });

  it('refuses broken and mislabelled files with a sentence', async () => {
    expect(await rejection(readDocxArticle(fixture('docx/truncated.docx')))).toBe(
      'the document is incomplete: it was cut short (the directory at the end of the ZIP file is missing)',
    );
    expect(await rejection(readDocxArticle(fixture('docx/text-renamed.docx')))).toBe(
      'it is not a Word document (a .docx file is a ZIP package, and this file is not one)',
    );
    expect(await rejection(readDocxArticle(fixture('docx/odt-renamed.docx')))).toBe('it is an OpenDocument file, not a Word document; rename it to .odt');
    expect(await rejection(readDocxArticle(fixture('epub/hand-made.epub')))).toBe('it is a ZIP file but not a Word document (it has no word/document.xml)');
    expect(await rejection(readDocxArticle({ path: 'empty.docx', bytes: new Uint8Array() }))).toBe('the file is empty');
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await rejection(readDocxArticle({ path: 'locked.docx', bytes: ole }))).toBe(
      'it is a password-protected Word document or an old-style .doc file; save it as .docx without a password',
    );
  });

  it('checks the package with the ZIP limits before mammoth unpacks it', async () => {
    const asDocx = (name: string) => ({ ...fixture(`zip/${name}`), path: `/research/${name}.docx` });
    expect(await rejection(readDocxArticle(asDocx('bomb-ratio.zip')))).toBe('“zeros.txt” in the document is compressed more than 100 to 1, a sign of a “zip bomb”');
    expect(await rejection(readDocxArticle(asDocx('bomb-declared.zip')))).toBe('the document would unpack to more than 1 GB');
    expect(await rejection(readDocxArticle(asDocx('zip-slip.zip')))).toBe('it holds an entry whose path (“../evil.txt”) climbs out of the archive\'s folder with “..”');
  });
});
