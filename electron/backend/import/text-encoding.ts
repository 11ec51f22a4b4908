import iconv from 'iconv-lite';
import { decodeWindows1252 } from '../../../shared/text/windows-1252';
import { FileRejected } from './article-reader';

// Which encoding a file's bytes are in, and their text. The one place every
// text-based reader (text, Markdown, HTML, MHTML, e-mail) turns bytes into
// characters, in this order:
//   1. a byte-order mark (UTF-8, UTF-16; UTF-32 is refused);
//   2. the charset the file declares (a <meta> tag, a MIME part's header),
//      read as browsers read labels (WHATWG Encoding Standard) — except that
//      bytes declared as a legacy code page but valid UTF-8 with non-ASCII
//      in them are UTF-8 (a page converted without its declaration being
//      updated; legacy text is practically never valid UTF-8 by chance);
//   3. UTF-16 without a mark, seen from NULs in every other byte;
//   4. strict UTF-8;
//   5. else a single-byte code page, chosen by how plausible each one's
//      reading of the non-ASCII bytes is as European text (below).
// Cleaning the text (NFC, line ends, mojibake) is decode-text.ts's job.

/** "utf-8", "utf-16le", "utf-16be", "windows-1252", or an iconv-lite encoding name. */
export type TextEncodingName = string;

export interface DecodedBytes {
  text: string;
  encoding: TextEncodingName;
}

export const BINARY = 'it contains binary data, not text';

const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);
// A declaration in ASCII markup cannot truly say UTF-16 (it would not be readable as ASCII): browsers take UTF-8.
const UTF16_LABELS = new Set(['utf-16', 'utf-16le', 'utf-16be', 'unicode', 'unicodefeff', 'unicodefffe', 'ucs-2', 'csunicode', 'iso-10646-ucs-2']);
// The WHATWG standard reads all of these as Windows-1252 (a superset of Latin-1 and ASCII).
const WINDOWS_1252_LABELS = new Set([
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1',
  'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252', 'x-user-defined',
]);
/** WHATWG label → the encoding browsers actually use, where iconv-lite's own reading of the label differs. */
const ALIASES: Record<string, string> = {
  shift_jis: 'cp932', 'shift-jis': 'cp932', sjis: 'cp932', ms_kanji: 'cp932', ms932: 'cp932', 'windows-31j': 'cp932', 'x-sjis': 'cp932', csshiftjis: 'cp932',
  'iso-8859-9': 'windows-1254', latin5: 'windows-1254', l5: 'windows-1254', 'iso8859-9': 'windows-1254', 'iso-8859-11': 'windows-874', 'tis-620': 'windows-874',
  gb2312: 'gbk', 'x-gbk': 'gbk', gb_2312: 'gbk', 'gb_2312-80': 'gbk', chinese: 'gbk', csgb2312: 'gbk',
  'euc-kr': 'cp949', 'ks_c_5601-1987': 'cp949', korean: 'cp949', windows949: 'cp949',
  big5: 'cp950', 'big5-hkscs': 'big5hkscs', 'x-x-big5': 'cp950',
  macintosh: 'macintosh', mac: 'macintosh', 'x-mac-roman': 'macintosh', csmacintosh: 'macintosh',
  'x-mac-cyrillic': 'maccyrillic', 'x-mac-ukrainian': 'maccyrillic',
};

/** The encoding to decode with for a declared charset label, or null when it is unknown. */
export function encodingForLabel(label: string): TextEncodingName | null {
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  if (UTF8_LABELS.has(l) || UTF16_LABELS.has(l)) return 'utf-8';
  if (WINDOWS_1252_LABELS.has(l)) return 'windows-1252';
  const alias = ALIASES[l];
  if (alias && iconv.encodingExists(alias)) return alias;
  return iconv.encodingExists(l) ? l : null;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * UTF-16 without a byte-order mark shows as a NUL in every other byte for
 * Latin text. Returns which half holds the NULs, if the pattern is clear.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  const pairs = Math.min(bytes.length, 4096) / 2;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.05) return 'utf-16be';
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

// ------------------------------------------------------- single-byte guess

/**
 * The code pages tried for undeclared 8-bit text, most common first (ties
 * go to the earlier one). ISO-8859-1 is not listed apart: it is Windows-1252
 * without the printable characters at 0x80–0x9F, so Windows-1252 reads
 * every Latin-1 file the same (which is also how browsers treat the label).
 */
export const SINGLE_BYTE_CANDIDATES = ['windows-1252', 'iso-8859-15', 'iso-8859-2', 'windows-1250', 'macintosh'] as const;

/** Each candidate's characters for bytes 0x80–0xFF. */
const HIGH_HALF = new Map<string, string>(
  SINGLE_BYTE_CANDIDATES.map((name) => {
    const high = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
    return [name, name === 'windows-1252' ? decodeWindows1252(high) : iconv.decode(Buffer.from(high), name)];
  }),
);

/**
 * How common each letter (lower case) is in running European text, 1–3.
 * Central European letters that a Western code page reads as another
 * letter (č/è, ř/ø, ń/ñ …) weigh less than the Western ones, so that a tie
 * goes West; those that it reads as a sign (ą ł ś ź ż š ž ť) need no help.
 */
const LETTER_WEIGHT: Record<string, number> = {
  é: 3, è: 2, à: 2, ç: 2, ê: 2, ô: 1, â: 1, î: 1, û: 1, ù: 1, ë: 1, ï: 1, ü: 2, ö: 2, ä: 2, ß: 2, ñ: 2, á: 2, í: 2, ó: 2,
  ú: 2, ã: 2, õ: 1, å: 2, ø: 2, æ: 1, œ: 2, ý: 1, ÿ: 1,
  ą: 2, ć: 1, ę: 1, ł: 2, ń: 1, ś: 2, ź: 2, ż: 2, č: 1, ď: 1, ě: 1, ň: 1, ř: 1, š: 2, ť: 1, ů: 1, ž: 2, ő: 1, ű: 1, ľ: 1, ă: 1,
};
/** Letters that make a word of their own ("à", "é" in Portuguese, "ó" in Spanish); any other letter alone is suspect. */
const WORD_LETTERS = new Set([...'àéèóáúùòÀÉ']);

const isLetter = (c: string) => /\p{L}/u.test(c);
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();
const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isSpaceOrEdge = (c: string) => /[\s\u00a0]/.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

/** Score of a punctuation mark or sign where it stands: typographic marks in their usual places score. */
function signScore(ch: string, before: string, after: string): number {
  const wordAfter = isLetter(after) || isDigit(after);
  const wordBefore = isLetter(before) || isDigit(before) || /[.!?,;:)]/.test(before);
  switch (ch) {
    case '“':
    case '‘':
    case '„':
    case '‚':
    case '«':
    case '‹':
    case '¿':
    case '¡':
      return wordAfter || (ch === '«' && isSpaceOrEdge(after)) ? 2 : -1;
    case '”':
    case '»':
    case '›':
      return wordBefore || (ch === '»' && isSpaceOrEdge(before)) ? 2 : -1;
    case '’':
      return isLetter(before) ? 3 : wordAfter ? 1 : -1;
    case '–':
    case '—':
      return (isSpaceOrEdge(before) && isSpaceOrEdge(after)) || (isDigit(before) && isDigit(after)) ? 2 : 1;
    case '…':
      return wordBefore || isSpaceOrEdge(before) ? 2 : 0;
    case '€':
    case '£':
      return isDigit(after) || isDigit(before) || isSpaceOrEdge(before) ? 2 : -1;
    case '°':
      return isDigit(before) ? 2 : 0;
    case '§':
    case '©':
    case '®':
    case '•':
    case '·':
    case '\u00a0':
      return isLetter(before) && isLetter(after) ? -3 : 1;
    default:
      // Any other sign (¤ ¦ ¨ ¹ ³ ¾ ± ¶ √ ∂ ◊ ˇ …) is rare in text, and very rare inside a word.
      return isLetter(before) || isLetter(after) ? -5 : -2;
  }
}

/**
 * How plausible one code page's reading of the non-ASCII bytes is as
 * European text: common accented letters inside words and typographic
 * marks in their places score; a C1 control, a rare sign, a sign inside a
 * word, a lone accented letter, or a capital where a word goes on in lower
 * case ("cafŽ", "lÕŽconomie", "żQué") count against it.
 */
function plausibility(bytes: Uint8Array, positions: number[], name: string): number {
  const high = HIGH_HALF.get(name)!;
  const charAt = (i: number): string => {
    const b = bytes[i];
    if (b === undefined) return ' ';
    return b < 0x80 ? String.fromCharCode(b) : high[b - 0x80]!;
  };
  let score = 0;
  for (const i of positions) {
    const ch = high[bytes[i]! - 0x80]!;
    const before = charAt(i - 1);
    const after = charAt(i + 1);
    if (/[\u0080-\u009f\ufffd]/.test(ch)) {
      score -= 8;
      continue;
    }
    if (!isLetter(ch)) {
      score += signScore(ch, before, after);
      continue;
    }
    const weight = LETTER_WEIGHT[ch.toLowerCase()] ?? 0;
    if (!isLetter(before) && !isLetter(after)) {
      score += WORD_LETTERS.has(ch) ? weight : -3;
      continue;
    }
    score += weight + 1;
    if ((isUpper(ch) && (isLower(before) || (isLetter(before) && isLower(after)))) || (isLower(ch) && isUpper(after) && isLower(charAt(i + 2)))) score -= 5;
  }
  return score;
}

/** The single-byte code page that reads the bytes most plausibly. */
export function guessSingleByteEncoding(bytes: Uint8Array): TextEncodingName {
  const positions: number[] = [];
  for (let i = 0; i < bytes.length && positions.length < 20_000; i++) if (bytes[i]! >= 0x80) positions.push(i);
  let best: TextEncodingName = SINGLE_BYTE_CANDIDATES[0];
  let bestScore = -Infinity;
  for (const name of SINGLE_BYTE_CANDIDATES) {
    const score = plausibility(bytes, positions, name);
    if (score > bestScore) [best, bestScore] = [name, score];
  }
  return best;
}

// ---------------------------------------------------------------- decoding

/** Decodes bytes in a known encoding (no byte-order mark handling). */
export function decodeAs(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding);
}

/**
 * Finds the encoding of `bytes` (see the top of this file) and decodes
 * them. `declared` is a charset label the file or its container gives.
 * Throws FileRejected for UTF-32 and for bytes with NULs that are not UTF-16.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): DecodedBytes {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: decodeAs(bytes.subarray(3), 'utf-8'), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new FileRejected('it is UTF-32 text, which Annalist cannot read; save it as UTF-8 and import it again');
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decodeAs(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decodeAs(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };

  const stated = declared ? encodingForLabel(declared) : null;
  if (stated && stated !== 'utf-8' && !(hasNonAscii(bytes) && isUtf8(bytes))) return { text: decodeAs(bytes, stated), encoding: stated };

  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { text: decodeAs(bytes, utf16), encoding: utf16 };
  if (bytes.includes(0)) throw new FileRejected(BINARY);
  if (!hasNonAscii(bytes) || isUtf8(bytes)) return { text: decodeAs(bytes, 'utf-8'), encoding: 'utf-8' };
  // Declared UTF-8 but not valid UTF-8: the declaration is wrong (or the
  // file was mixed), and guessing reads more of it than U+FFFD would.
  const guess = guessSingleByteEncoding(bytes);
  return { text: decodeAs(bytes, guess), encoding: guess };
}
