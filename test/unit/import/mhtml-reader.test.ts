import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileRejected, type ParsedArticle } from '../../../electron/backend/import/article-reader';
import { parseMime } from '../../../electron/backend/import/mime/mime-parts';
import { readMhtmlArticle } from '../../../electron/backend/import/mime/mhtml-article';
import { readerFor } from '../../../electron/backend/import/readers';
import { canonicalText } from '../../../shared/content/canonical-text';

const mhtmlReader = readerFor('page.mhtml')!;

// Pages saved by real Chromium as "Webpage, Single File" (see
// test/fixtures/mhtml/make-fixtures.ts), read as a researcher imports them.

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/mhtml');

// The module's own function: the registered reader loads it on first use, so it answers with a promise.
function read(bytes: Uint8Array, _path = 'page.mhtml'): ParsedArticle {
  return readMhtmlArticle(bytes);
}

const fixture = (name: string) => read(readFileSync(join(FIXTURES, name)), name);

function rejection(bytes: Uint8Array): string {
  try {
    read(bytes);
  } catch (err) {
    if (err instanceof FileRejected) return err.reason;
    throw err;
  }
  throw new Error('not rejected');
}

const CRLF = '\r\n';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('a French article saved by Chromium (liberation.mhtml)', () => {
  const a = fixture('liberation.mhtml');
  const text = canonicalText(a.content).text;

  it('is chosen by its extension, .mhtml or .mht', () => {
    expect(readerFor('Saved Page.MHTML')).toBe(mhtmlReader);
    expect(readerFor('old.mht')).toBe(mhtmlReader);
  });
  it('keeps the article text with its accents and its word spaces (quoted-printable soft breaks undone)', () => {
    expect(text.startsWith('Un troisième Français a été tué dans le tremblement de terre samedi au Népal')).toBe(true);
    expect(text).toContain('le ministre des Affaires étrangères');
    expect(text).not.toMatch(/=[0-9A-F]{2}|=\n/);
    expect(text).not.toContain('MultipartBoundary');
  });
  it('has the page’s metadata, and the address it was saved from', () => {
    expect(a.title).toBe('Un troisième Français mort dans le séisme au Népal');
    expect(a.author).toBe('Sébastien Farcis');
    expect(a.publishedAt).toBe('2015-04-30T07:19:58');
    expect(a.language).toBe('fr');
    expect(a.url).toBe('http://www.liberation.fr/monde/2015/04/30/un-troisieme-francais-mort-dans-le-seisme-au-nepal_1278483');
    expect(a.fieldSources.url).toBe('Snapshot-Content-Location');
  });
});

describe('an English article saved by Chromium (bbc.mhtml)', () => {
  it('reads the article, not its stylesheets or images', () => {
    const a = fixture('bbc.mhtml');
    expect(a.title).toBe("Obama admits US gun laws are his 'biggest frustration'");
    expect(a.outlet).toBe('BBC News');
    const text = canonicalText(a.content).text;
    expect(text.startsWith('President Barack Obama has admitted that his failure to pass "common sense gun safety laws"')).toBe(true);
    expect(text).toContain('the BBC\'s North America editor Jon Sopel');
    expect(text).not.toMatch(/\{[^}]*:[^}]*\}|base64/);
  });
});

describe('MHTML as Internet Explorer wrote it', () => {
  it('reads a base64 root part in its declared charset, named by the start parameter', () => {
    const html = '<html><head><title>Vote</title></head><body><article><p>' + 'Le conseil a voté à l’unanimité la réforme proposée par le maire. '.repeat(10) + '</p></article></body></html>';
    const message =
      ['From: <Saved by Windows Internet Explorer 8>', 'Subject: Vote', 'MIME-Version: 1.0',
        'Content-Type: multipart/related; type="text/html"; start="<root@ie>"; boundary="----=_NextPart_000_0000_01D0"', '', 'This is a multi-part message in MIME format.', '',
        '------=_NextPart_000_0000_01D0', 'Content-Type: text/css', 'Content-Location: http://example.fr/style.css', '', 'p { color: red }', '',
        '------=_NextPart_000_0000_01D0', 'Content-Type: text/html; charset="windows-1252"', 'Content-Transfer-Encoding: base64', 'Content-ID: <root@ie>',
        'Content-Location: http://example.fr/2014/05/02/vote.html', '', base64Lines(iconv.encode(html, 'windows-1252')), '',
        '------=_NextPart_000_0000_01D0--', ''].join(CRLF);
    const a = read(utf8(message));
    expect(canonicalText(a.content).text).toContain('Le conseil a voté à l’unanimité la réforme');
    expect(a.url).toBe('http://example.fr/2014/05/02/vote.html');
    expect(a.fieldSources.url).toBe('Content-Location');
    expect(a.publishedAt).toBe('2014-05-02');
  });
});

function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

describe('files that are not saved pages', () => {
  it('refuses each with a reason', () => {
    expect(rejection(new Uint8Array())).toBe('the file is empty');
    expect(rejection(utf8('just some text, no headers at all\n'))).toBe('it does not begin with message headers, so it is not a MIME message');
    const noHtml = ['MIME-Version: 1.0', 'Content-Type: multipart/related; boundary="b"', '', '--b', 'Content-Type: image/png', 'Content-Transfer-Encoding: base64', '', 'iVBORw0KGgo=', '--b--', ''].join(CRLF);
    expect(rejection(utf8(noHtml))).toBe('it holds no web page (no text/html part)');
  });
  it('refuses MIME parts nested without end, quickly', () => {
    let nested = '';
    for (let i = 0; i < 100; i++) nested += `Content-Type: multipart/related; boundary="b${i}"${CRLF}${CRLF}--b${i}${CRLF}`;
    expect(rejection(utf8(`MIME-Version: 1.0${CRLF}${nested}`))).toMatch(/nested more than 20 levels deep/);
  });
  it('splits a message into its parts with their bytes intact', () => {
    const root = parseMime(readFileSync(join(FIXTURES, 'liberation.mhtml')));
    expect(root.contentType.type).toBe('multipart/related');
    expect(root.children[0]!.contentType.type).toBe('text/html');
    expect(new TextDecoder().decode(root.children[0]!.body)).toContain('<title>Un troisième Français mort dans le séisme au Népal - Libération</title>');
  });
});
