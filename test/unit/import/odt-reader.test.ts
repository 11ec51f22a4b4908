import { describe, expect, it } from 'vitest';
import { readOdtArticle } from '../../../electron/backend/import/readers/odt-reader';
import { readerFor } from '../../../electron/backend/import/readers';
import { fixture, headings, listItems, marked, paragraphs, rejection } from './document-fixtures';

// Real OpenDocument texts written by LibreOffice (test/fixtures/office/make-fixtures.ts).

const NOW = new Date('2026-01-10T12:00:00Z');

describe('ODT reader', () => {
  it('reads the title, author, date, language and keywords from meta.xml', async () => {
    const a = await readOdtArticle(fixture('odt/news-article.odt'), { now: NOW });
    expect(a.title).toBe('Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues');
    expect(a.titleInferred).toBe(false);
    expect(a.author).toBe('Elena Ruiz');
    expect(a.publishedAt).toBe('2025-12-18T08:30:00');
    expect(a.language).toBe('en-US');
    expect(a.tags).toEqual(['Venezuela', 'drug trafficking', 'US military']);
    expect(a.fieldSources).toEqual({
      title: 'ODT document properties',
      author: 'ODT document properties',
      publishedAt: 'ODT document properties (created)',
      language: 'ODT document properties',
      tags: 'ODT document properties',
    });
  });

  it('gives headings with their outline levels, paragraphs, lists, bold, italic and links', async () => {
    const a = await readOdtArticle(fixture('odt/news-article.odt'), { now: NOW });
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
    expect(listItems(blocks.find((b) => b.type === 'bulletList'))).toEqual([
      'Date of first attack: September 2',
      'Number of strikes: Over 30',
      '  Caribbean Sea',
      '  Eastern Pacific',
      'Casualties: More than 110 killed',
      'Latest attack: Recent Wednesday, 5 fatalities',
    ]);
    const numbered = blocks.find((b) => b.type === 'orderedList');
    expect(numbered).toMatchObject({ attrs: { start: 1 } });
    expect(listItems(numbered)).toEqual(['September 2: first strike in international waters', 'December 10: oil tanker seized', 'More tankers seized']);
    expect(marked(a.content, 'bold')).toEqual(['willingness to engage in dialogue', 'more than 110 individuals']);
    expect(marked(a.content, 'italic')).toEqual(['“international piracy.”']);
    expect(marked(a.content, 'link')).toEqual(['Southern Command → https://www.southcom.mil/']);
  });

  it('takes the paragraph styled Title when meta.xml has no title, and every meta:keyword', async () => {
    const a = await readOdtArticle(fixture('odt/no-title-property.odt'), { now: NOW });
    expect(a.title).toBe('CIA carries out first drone strike on Venezuelan soil targeting drug gangs');
    expect(a.fieldSources.title).toBe('paragraph styled “Title”');
    expect(a.author).toBe('Sam Whitfield');
    expect(a.tags).toEqual(['Venezuela', 'CIA']);
    expect(paragraphs(a.content)).toHaveLength(6);
    expect(paragraphs(a.content)[0]).toMatch(/^The CIA reportedly carried out a drone strike/);
  });

  it('is the reader chosen for .odt files', async () => {
    const file = fixture('odt/news-article.odt');
    const a = await readerFor(file.path)!.read(file);
    expect(a.author).toBe('Elena Ruiz');
  });

  it('refuses broken and mislabelled files with a sentence', async () => {
    expect(await rejection(readOdtArticle(fixture('odt/truncated.odt')))).toBe(
      'the document is incomplete: it was cut short (the directory at the end of the ZIP file is missing)',
    );
    expect(await rejection(readOdtArticle({ ...fixture('docx/text-renamed.docx'), path: 'notes.odt' }))).toBe(
      'it is not an OpenDocument text (an .odt file is a ZIP package, and this file is not one)',
    );
    expect(await rejection(readOdtArticle(fixture('docx/news-article.docx')))).toBe('it is a Word document, not an OpenDocument text; rename it to .docx');
    expect(await rejection(readOdtArticle(fixture('epub/hand-made.epub')))).toBe('it is an EPUB book, not an OpenDocument text; rename it to .epub');
    expect(await rejection(readOdtArticle(fixture('zip/bomb-lying.zip')))).toBe('it is a ZIP file but not an OpenDocument text (it has no content.xml)');
  });
});
