import { describe, expect, it } from 'vitest';
import {
  isMeaningfulTitle,
  parsePdfDate,
  pdfMetadataFields,
  publicationDayFromCreationDate,
  splitKeywords,
} from '../../../electron/backend/import/pdf/pdf-metadata';

const NOW = new Date('2026-01-10T12:00:00Z');

describe('isMeaningfulTitle', () => {
  it('accepts real titles', () => {
    for (const t of ['Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues', 'Report: the 2025 strikes', 'UN', 'Venezuela: a chronology']) {
      expect(isMeaningfulTitle(t), t).toBe(true);
    }
  });

  it('refuses placeholders, file names, tool prefixes, URLs and paths', () => {
    for (const t of [
      '',
      '   ',
      'Untitled',
      'untitled document',
      'Document1',
      'report.docx',
      'scan0001.pdf',
      'Microsoft Word - strikes draft.doc',
      'Microsoft PowerPoint - briefing',
      'about:blank',
      'https://example.com/story',
      'C:\\Users\\ana\\story.doc',
      '/tmp/print',
      'final_v2_ANR',
      '12345',
      'PowerPoint Presentation',
    ]) {
      expect(isMeaningfulTitle(t), t).toBe(false);
    }
  });
});

describe('parsePdfDate', () => {
  it('reads PDF dates and XMP dates as ISO 8601', () => {
    expect(parsePdfDate("D:20251203091500-04'00'")).toBe('2025-12-03T09:15:00-04:00');
    expect(parsePdfDate('D:20251203091500Z')).toBe('2025-12-03T09:15:00Z');
    expect(parsePdfDate('D:20251203')).toBe('2025-12-03');
    expect(parsePdfDate('2025-12-03T09:15:00+01:00')).toBe('2025-12-03T09:15:00+01:00');
  });

  it('refuses what is not a whole valid day', () => {
    expect(parsePdfDate('D:2025')).toBeNull();
    expect(parsePdfDate('D:20251340')).toBeNull();
    expect(parsePdfDate('yesterday')).toBeNull();
  });
});

describe('publicationDayFromCreationDate: conservative', () => {
  const browser = ['Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/150.0.0.0', 'Skia/PDF m150'];

  it('uses the day when page 1 shows that same date', () => {
    expect(publicationDayFromCreationDate("D:20251203091500-04'00'", { tools: browser, firstPageText: 'By Ana Ruiz — December 3, 2025', now: NOW })).toBe('2025-12-03');
    expect(publicationDayFromCreationDate('D:20251203', { tools: browser, firstPageText: 'Caracas, 3 December 2025', now: NOW })).toBe('2025-12-03');
  });

  it('uses the day when a publishing tool made the file', () => {
    expect(publicationDayFromCreationDate('D:20251203', { tools: ['Microsoft® Word for Microsoft 365', ''], firstPageText: '', now: NOW })).toBe('2025-12-03');
    expect(publicationDayFromCreationDate('D:20251203', { tools: ['Adobe InDesign 19.0 (Macintosh)', 'Adobe PDF Library 17.0'], firstPageText: '', now: NOW })).toBe('2025-12-03');
    expect(publicationDayFromCreationDate('D:20251203', { tools: ['LaTeX with hyperref', 'pdfTeX-1.40.25'], firstPageText: '', now: NOW })).toBe('2025-12-03');
  });

  it('does not use the date a browser printed or a scanner saved the page on, nor impossible dates', () => {
    expect(publicationDayFromCreationDate('D:20251203', { tools: browser, firstPageText: 'Published on December 2, 2025', now: NOW })).toBeNull();
    expect(publicationDayFromCreationDate('D:20251203', { tools: ['Canon iR-ADV C5535', 'Adobe PSL'], firstPageText: '', now: NOW })).toBeNull();
    expect(publicationDayFromCreationDate('D:20270101', { tools: ['Microsoft Word'], firstPageText: '', now: NOW })).toBeNull();
    expect(publicationDayFromCreationDate('D:19700101', { tools: ['Microsoft Word'], firstPageText: '', now: NOW })).toBeNull();
    expect(publicationDayFromCreationDate('garbage', { tools: ['Microsoft Word'], firstPageText: '', now: NOW })).toBeNull();
  });
});

describe('splitKeywords', () => {
  it('splits on semicolons and commas, trims and drops repeats', () => {
    expect(splitKeywords('Venezuela; drug trafficking, US military;; venezuela')).toEqual(['Venezuela', 'drug trafficking', 'US military']);
    expect(splitKeywords(['Venezuela', 'diplomacy', ''])).toEqual(['Venezuela', 'diplomacy']);
  });
});

describe('pdfMetadataFields', () => {
  it('takes title, author, subject, keywords and language from the information dictionary', () => {
    const fields = pdfMetadataFields({
      info: { Title: 'Strikes at Sea', Author: 'Ana Ruiz', Subject: 'What the Pentagon says', Keywords: 'Venezuela; strikes', Language: 'en-GB', Producer: 'Skia/PDF m150', CreationDate: 'D:20251203' },
      xmp: null,
      firstPageText: 'Strikes at Sea',
      now: NOW,
    });
    expect(fields).toEqual({
      title: { value: 'Strikes at Sea', source: 'PDF metadata' },
      subtitle: { value: 'What the Pentagon says', source: 'PDF metadata' },
      author: { value: 'Ana Ruiz', source: 'PDF metadata' },
      publishedAt: null,
      language: { value: 'en-GB', source: 'PDF metadata' },
      tags: { value: ['Venezuela', 'strikes'], source: 'PDF metadata' },
    });
  });

  it('prefers usable XMP values and ignores junk in either', () => {
    const fields = pdfMetadataFields({
      info: { Title: 'Microsoft Word - draft.docx', Author: 'Administrator', Keywords: 'old' },
      xmp: { 'dc:title': 'Untitled', 'dc:creator': ['Luis Ortega', 'Mei Chen'], 'dc:subject': ['Venezuela', 'diplomacy'], 'dc:language': 'es', 'xmp:createdate': '2025-12-03T10:00:00Z', 'xmp:creatortool': 'Adobe InDesign 19.0' },
      firstPageText: '',
      now: NOW,
    });
    expect(fields.title).toBeNull();
    expect(fields.author).toEqual({ value: 'Luis Ortega, Mei Chen', source: 'PDF XMP metadata' });
    expect(fields.tags).toEqual({ value: ['Venezuela', 'diplomacy'], source: 'PDF XMP metadata' });
    expect(fields.language).toEqual({ value: 'es', source: 'PDF XMP metadata' });
    expect(fields.publishedAt).toEqual({ value: '2025-12-03', source: 'PDF creation date' });
  });

  it('drops a subject that only repeats the title, and an author nobody would sign with', () => {
    const fields = pdfMetadataFields({ info: { Title: 'Strikes at Sea', Subject: 'strikes at sea', Author: 'Windows User' }, xmp: null, firstPageText: '', now: NOW });
    expect(fields.subtitle).toBeNull();
    expect(fields.author).toBeNull();
  });
});
