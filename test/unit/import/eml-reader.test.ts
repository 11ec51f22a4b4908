import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileRejected, type ParsedArticle } from '../../../electron/backend/import/article-reader';
import { mailDateToIso, readEmlArticle } from '../../../electron/backend/import/mime/eml-article';
import { readerFor } from '../../../electron/backend/import/readers';
import { blockText, canonicalText } from '../../../shared/content/canonical-text';
import type { Block } from '../../../shared/content/doc';

const emlReader = readerFor('message.eml')!;

// Messages written as a mail client writes them (test/fixtures/eml/make-fixtures.ts),
// read as a researcher imports a saved e-mail.

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/eml');

// The module's own function: the registered reader loads it on first use, so it answers with a promise.
function read(bytes: Uint8Array, _path = 'message.eml'): ParsedArticle {
  return readEmlArticle(bytes);
}

const fixture = (name: string) => read(readFileSync(join(FIXTURES, name)), name);
const textOf = (a: ParsedArticle) => canonicalText(a.content).text;

function rejection(bytes: Uint8Array): string {
  try {
    read(bytes);
  } catch (err) {
    if (err instanceof FileRejected) return err.reason;
    throw err;
  }
  throw new Error('not rejected');
}

describe('a newsletter (multipart/alternative in multipart/mixed, with a PDF attached)', () => {
  const a = fixture('newsletter.eml');
  it('is chosen by its extension', () => {
    expect(readerFor('Newsletter.EML')).toBe(emlReader);
  });
  it('takes the subject as title, the sender’s name as author and the Date header with its offset', () => {
    expect(a.title).toBe('Maduro invites US dialogue on Venezuela’s drug trafficking issues');
    expect(a.author).toBe('Redacción · The Caribbean Ledger');
    expect(a.publishedAt).toBe('2025-12-30T14:05:09+01:00');
    expect(a.fieldSources).toMatchObject({ title: 'e-mail header', author: 'e-mail header', publishedAt: 'e-mail header' });
  });
  it('reads the HTML part (base64) with its headings, list and links, not the plain part or the attachment', () => {
    const text = textOf(a);
    expect(text.startsWith('Venezuelan President Nicolás Maduro has expressed willingness')).toBe(true);
    expect(text).not.toContain('Maduro Invites US Dialogue'); // the title is not repeated in the body
    const headings = a.content.content.filter((b) => b.type === 'heading').map((b) => blockText(b as Extract<Block, { type: 'heading' }>));
    expect(headings).toContain('Background of US Strikes on Drug Traffickers');
    expect(a.content.content.some((b) => b.type === 'bulletList')).toBe(true);
    const links = JSON.stringify(a.content).match(/"href":"[^"]+"/g) ?? [];
    expect(links).toContain('"href":"https://ledger.example.org/2025/12/30/maduro-dialogue"');
    expect(text).not.toMatch(/%PDF|briefing-2025-12-30\.pdf/);
  });
});

describe('a short message with an HTML part in windows-1252 and a text attachment', () => {
  const a = fixture('short-html-1252.eml');
  it('keeps the whole short body (Readability would drop it) with its curly quotes and euro sign', () => {
    expect(textOf(a)).toBe('The committee approved the “harbour levy” of €12 per tonne on Monday.\n\nIt takes effect on 1 March; the port authority’s objection was rejected.');
  });
  it('leaves the attachment out and takes the quoted display name as the author', () => {
    expect(textOf(a)).not.toContain('DRAFT MINUTES');
    expect(a.title).toBe('Harbour levy approved');
    expect(a.author).toBe("O'Brien, Siobhan");
    expect(a.publishedAt).toBe('2026-02-02T17:30:00-05:00');
  });
});

describe('a plain-text message in ISO-8859-1, format=flowed', () => {
  const a = fixture('short-note.eml');
  it('decodes the subject’s encoded words and the body’s charset', () => {
    expect(a.title).toBe('Résumé de la réunion à Genève');
    expect(textOf(a)).toContain('voici le résumé de la réunion de jeudi à Genève');
  });
  it('joins flowed lines back into paragraphs', () => {
    expect(textOf(a)).toContain('les délégués ont accepté le calendrier proposé.');
    expect(textOf(a)).toContain('Merci encore pour votre aide précieuse.');
  });
  it('uses the address when the sender gives no name, and reads "(CET)" dates', () => {
    expect(a.author).toBe('francois.mercier@example.fr');
    expect(a.publishedAt).toBe('2026-01-08T09:12:44+01:00');
  });
});

describe('a message that declares no charset', () => {
  it('finds Windows-1252 from the bytes', () => {
    const a = fixture('undeclared-8bit.eml');
    expect(textOf(a)).toBe('Notes from the café in Zürich: the mayor’s office confirmed the €3 million budget.\n\nMore next week.');
  });
});

describe('messages that are not articles', () => {
  it('refuses each with a reason', () => {
    expect(rejection(readFileSync(join(FIXTURES, 'attachment-only.eml')))).toBe('the message has no text, only attachments');
    expect(rejection(new Uint8Array())).toBe('the file is empty');
    expect(rejection(new TextEncoder().encode('Hello, this is not a message.\n'))).toBe('it does not begin with message headers, so it is not a MIME message');
    expect(rejection(new TextEncoder().encode('X-Mailer: nothing\r\n\r\nbody\r\n'))).toBe('it has no From, Subject or Date header, so it is not an e-mail message');
  });
});

describe('Date headers', () => {
  it('become ISO 8601 with the sender’s offset, unchanged', () => {
    expect(mailDateToIso('Tue, 30 Dec 2025 14:05:09 +0100')).toBe('2025-12-30T14:05:09+01:00');
    expect(mailDateToIso('3 Jan 26 07:00 EST')).toBe('2026-01-03T07:00:00-05:00');
    expect(mailDateToIso('Fri, 16 Jan 2026 08:00:00 -0000')).toBe('2026-01-16T08:00:00Z');
    expect(mailDateToIso('31 Feb 2026 10:00:00 +0000')).toBeNull();
    expect(mailDateToIso('yesterday')).toBeNull();
  });
});

