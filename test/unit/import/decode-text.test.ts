import { describe, expect, it } from 'vitest';
import { FileRejected } from '../../../electron/backend/import/article-reader';
import { decodeText, decodeTextFile } from '../../../electron/backend/import/decode-text';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, bigEndian: boolean, bom = true): Uint8Array {
  const out: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (bigEndian) out.push(c >> 8, c & 0xff);
    else out.push(c & 0xff, c >> 8);
  }
  return Uint8Array.from(out);
}

function rejection(bytes: Uint8Array): string {
  try {
    decodeText(bytes);
  } catch (err) {
    if (err instanceof FileRejected) return err.reason;
    throw err;
  }
  throw new Error('not rejected');
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    expect(decodeText(utf8('Nicolás “quoted”'))).toBe('Nicolás “quoted”');
    expect(decodeTextFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Año')]))).toEqual({ text: 'Año', encoding: 'utf-8' });
  });

  it('reads UTF-16 by its byte-order mark, little- and big-endian', () => {
    expect(decodeTextFile(utf16('Nicolás — 😀', false))).toEqual({ text: 'Nicolás — 😀', encoding: 'utf-16le' });
    expect(decodeTextFile(utf16('Nicolás — 😀', true))).toEqual({ text: 'Nicolás — 😀', encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a byte-order mark', () => {
    expect(decodeTextFile(utf16('Plain English text here.', false, false))).toEqual({ text: 'Plain English text here.', encoding: 'utf-16le' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    // "Nicolás said “it’s” – ok" in Windows-1252
    const bytes = Uint8Array.from([...utf8('Nicol'), 0xe1, ...utf8('s said '), 0x93, ...utf8('it'), 0x92, ...utf8('s'), 0x94, 0x20, 0x96, ...utf8(' ok')]);
    expect(decodeTextFile(bytes)).toEqual({ text: 'Nicolás said “it’s” – ok', encoding: 'windows-1252' });
  });

  it('repairs UTF-8 pieces in a file that is otherwise Windows-1252', () => {
    const bytes = Uint8Array.from([0xe9, ...utf8('t'), 0xe9, 0x20, ...utf8('Nicolás')]);
    expect(decodeText(bytes)).toBe('été Nicolás');
  });

  it('makes every line end LF and the text NFC', () => {
    expect(decodeText(utf8('one\r\ntwo\rthree\n'))).toBe('one\ntwo\nthree\n');
    expect(decodeText(utf8('Nicola\u0301s'))).toBe('Nicolás');
  });

  it('repairs mojibake', () => {
    expect(decodeText(utf8('Nicol√°s Maduro'))).toBe('Nicolás Maduro');
  });

  it('drops stray control characters and invisible ones', () => {
    expect(decodeText(utf8('Text\u0007 with a bell\u001a and soft\u00adhyphen'))).toBe('Text with a bell and softhyphen');
  });

  it('rejects binary data', () => {
    expect(rejection(Uint8Array.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 0, 0, 0, 12]))).toMatch(/binary/);
    expect(rejection(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toBe('it contains binary data, not text');
    const noisy = Uint8Array.from({ length: 400 }, (_, i) => (i * 37) % 256 || 1);
    expect(rejection(noisy)).toBe('it contains binary data, not text');
  });

  it('rejects an empty or blank file', () => {
    expect(rejection(new Uint8Array())).toBe('the file is empty');
    expect(rejection(utf8(' \n\t\r\n  '))).toBe('the file is empty');
    expect(rejection(Uint8Array.from([0xef, 0xbb, 0xbf]))).toBe('the file is empty');
  });
});
