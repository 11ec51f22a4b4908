import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeTextFile } from '../../../electron/backend/import/decode-text';
import { decodeBytes, encodingForLabel, guessSingleByteEncoding } from '../../../electron/backend/import/text-encoding';
import { readHtmlArticle } from '../../../electron/backend/import/html/html-article';
import { canonicalText } from '../../../shared/content/canonical-text';

// Real bytes in each encoding (written by iconv-lite, as an editor saving in
// that code page would), read back without a declaration: what a researcher
// sees is the text as it was written, whatever the file's encoding.

const bytesIn = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));

const FRENCH = 'Le délégué a présenté à Genève un rapport très détaillé sur l’économie française ; « c’était prévu », a-t-il ajouté.';
const GERMAN = 'Die Bürgermeisterin äußerte sich über die Förderung: „Das Ergebnis ist schön für München.“';
const SPANISH = 'El presidente Nicolás Maduro habló el miércoles sobre la situación en la región; también mencionó a España.';
const POLISH = 'Zażółć gęślą jaźń. Prezydent powiedział, że sytuacja w Łodzi i Wrocławiu jest coraz trudniejsza dla mieszkańców.';
const CZECH = 'Předseda vlády řekl, že se situace v České republice zlepšuje a že rozpočet bude schválen příští týden.';
const EURO_OEUVRE = 'Le chœur a coûté 300 € ; l’œuvre est présentée au cœur de la ville.';

describe('text without a declared charset', () => {
  it('reads UTF-8, and reports it', () => {
    expect(decodeBytes(new TextEncoder().encode(FRENCH))).toEqual({ text: FRENCH, encoding: 'utf-8' });
  });

  it('reads UTF-16 without a byte-order mark by its zero bytes, either way round', () => {
    const le = new Uint8Array(Buffer.from(GERMAN, 'utf16le'));
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    expect(decodeBytes(le)).toEqual({ text: GERMAN, encoding: 'utf-16le' });
    expect(decodeBytes(be)).toEqual({ text: GERMAN, encoding: 'utf-16be' });
  });

  it('reads Windows-1252 text with curly quotes and dashes', () => {
    const text = 'He said “it’s done” – and left… for €20.';
    expect(decodeBytes(bytesIn(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('reads ISO-8859-1 French, German and Spanish exactly (as Windows-1252, which contains it)', () => {
    for (const text of [FRENCH.replace(/’/g, "'"), GERMAN.replace(/[„“]/g, '"'), SPANISH]) {
      expect(decodeBytes(bytesIn(text, 'iso-8859-1')).text).toBe(text);
    }
  });

  it('reads ISO-8859-15 with its euro sign and œ', () => {
    const text = EURO_OEUVRE.replace(/’/g, "'");
    expect(decodeBytes(bytesIn(text, 'iso-8859-15'))).toEqual({ text, encoding: 'iso-8859-15' });
  });

  it('reads ISO-8859-2 Polish and Czech', () => {
    expect(decodeBytes(bytesIn(POLISH, 'iso-8859-2'))).toEqual({ text: POLISH, encoding: 'iso-8859-2' });
    expect(decodeBytes(bytesIn(CZECH, 'iso-8859-2')).text).toBe(CZECH);
  });

  it('reads MacRoman French', () => {
    expect(decodeBytes(bytesIn(FRENCH, 'macintosh'))).toEqual({ text: FRENCH, encoding: 'macintosh' });
  });

  it('does not mistake Windows-1252 for MacRoman or ISO-8859-2', () => {
    for (const text of [FRENCH, GERMAN, SPANISH]) expect(guessSingleByteEncoding(bytesIn(text, 'windows-1252'))).toBe('windows-1252');
  });

  it('cleans the decoded text the same way for every encoding: NFC, LF line ends, mojibake repaired', () => {
    const decomposed = 'Nicola\u0301s said:\r\nNicolÃ¡s was there.';
    expect(decodeTextFile(bytesIn(decomposed, 'utf-8')).text).toBe('Nicolás said:\nNicolás was there.');
    // Correct accented text is left exactly as it is.
    expect(decodeTextFile(bytesIn(POLISH, 'iso-8859-2')).text).toBe(POLISH);
    expect(decodeTextFile(bytesIn(FRENCH, 'macintosh')).text).toBe(FRENCH);
  });
});

describe('declared charsets', () => {
  it('reads labels as browsers do', () => {
    expect(encodingForLabel('ISO-8859-1')).toBe('windows-1252');
    expect(encodingForLabel('"utf-8"')).toBe('utf-8');
    expect(encodingForLabel('Shift_JIS')).toBe('cp932');
    expect(encodingForLabel('iso-8859-2')).toBe('iso-8859-2');
    expect(encodingForLabel('no-such-charset')).toBeNull();
  });

  it('follows the declaration, unless the bytes are plainly UTF-8', () => {
    expect(decodeBytes(bytesIn('Привет, мир', 'koi8-r'), 'KOI8-R').text).toBe('Привет, мир');
    expect(decodeBytes(new TextEncoder().encode(FRENCH), 'iso-8859-1')).toEqual({ text: FRENCH, encoding: 'utf-8' });
  });

  it('honours a page’s <meta charset> and http-equiv, and a byte-order mark over both', () => {
    const page = (meta: string, body: string) => `<html><head>${meta}<title>Essai</title></head><body><article><p>${body}</p></article></body></html>`;
    const body = 'Předseda vlády řekl, že se situace zlepšuje. '.repeat(8);
    const viaCharset = readHtmlArticle(bytesIn(page('<meta charset="iso-8859-2">', body), 'iso-8859-2'));
    expect(canonicalText(viaCharset.content).text).toContain('Předseda vlády řekl');
    const viaHttpEquiv = readHtmlArticle(bytesIn(page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">', body), 'windows-1250'));
    expect(canonicalText(viaHttpEquiv.content).text).toContain('Předseda vlády řekl');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page('<meta charset="windows-1252">', body))]);
    expect(canonicalText(readHtmlArticle(withBom).content).text).toContain('Předseda vlády řekl');
  });
});
