// Repairs UTF-8 mojibake: text whose UTF-8 bytes were once read with a
// single-byte code page, so that "Nicolás" became "NicolÃ¡s" (Windows-1252 or
// Latin-1) or "Nicol√°s" (MacRoman), and "it’s" became "itâ€™s".
//
// The repair works on one run of non-space characters at a time and never
// guesses: it turns the run back into the bytes the code page gives for its
// characters and keeps the result only when those bytes are strict UTF-8 and
// decode to plausible text. Correct text ("été", "Nicolás", Greek, Cyrillic,
// emoji, “curly quotes”) does not survive that round trip, so it is left
// alone. Pure: no Node, no DOM.

import { WINDOWS_1252_80_9F } from './windows-1252';

// Bytes 0x80–0xFF in MacRoman (with the euro sign at 0xDB, as since 1998).
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü' +
  '†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' +
  '¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ' +
  '‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

type CodePage = Map<string, number>;

function buildMacRoman(): CodePage {
  const map: CodePage = new Map();
  [...MAC_ROMAN_HIGH].forEach((ch, i) => map.set(ch, 0x80 + i));
  map.set('\u00a4', 0xdb); // the currency sign MacRoman had at 0xDB before the euro
  return map;
}

function buildCp1252(): CodePage {
  const map: CodePage = new Map();
  [...WINDOWS_1252_80_9F].forEach((ch, i) => map.set(ch, 0x80 + i));
  // Latin-1 reading: the C1 controls stand for their own byte.
  for (let b = 0x80; b <= 0x9f; b++) map.set(String.fromCharCode(b), b);
  for (let b = 0xa0; b <= 0xff; b++) map.set(String.fromCharCode(b), b);
  return map;
}

const MAC_ROMAN = buildMacRoman();
const CP1252 = buildCp1252();

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The bytes `run` would have been in the code page, or null when a
 * character has no byte there. For Windows-1252, "â€" followed by a
 * replacement character, or by nothing that can continue it, stands for the
 * right double quotation mark (E2 80 9D), whose last byte 0x9D is undefined in
 * Windows-1252 and is commonly lost.
 */
function encode(run: string, page: CodePage): Uint8Array | null {
  const chars = [...run];
  const bytes: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    if (page === CP1252 && ch === '€' && chars[i - 1] === 'â') {
      const next = chars[i + 1];
      const nextByte = next === undefined ? undefined : page.get(next);
      if (next === '\ufffd') {
        bytes.push(0x80, 0x9d);
        i++;
        continue;
      }
      if (nextByte === undefined || nextByte < 0x80 || nextByte > 0xbf) {
        bytes.push(0x80, 0x9d);
        continue;
      }
    }
    const b = page.get(ch);
    if (b === undefined) return null;
    bytes.push(b);
  }
  return Uint8Array.from(bytes);
}

const LATIN_LETTER = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

/**
 * Whether decoded text reads like something a person wrote: no controls,
 * private-use or unassigned characters, no IPA or spacing modifier letters
 * (which is what an upper-case accented letter followed by a curly quote
 * turns into), no combining mark without a letter before it, and no word that
 * mixes Latin letters with letters of another script (so "qu’à" read as
 * MacRoman, which is valid UTF-8 for an Armenian letter, stays as it is).
 */
function plausible(text: string): boolean {
  if (/[\p{Cc}\p{Co}\p{Cn}\p{Cs}\ufffd]/u.test(text)) return false;
  if (/[\u0250-\u02ff]/u.test(text)) return false;
  if (/(^|[^\p{L}])[\u0300-\u036f]/u.test(text)) return false;
  for (const word of text.match(/[\p{L}\p{M}]+/gu) ?? []) {
    const letters = [...word].filter((c) => LETTER.test(c));
    const latin = letters.filter((c) => LATIN_LETTER.test(c)).length;
    if (latin > 0 && latin < letters.length) return false;
  }
  return true;
}

// Characters correct Latin-script text is made of. A run of only these that
// would decode to another script (MacRoman "—à" is valid UTF-8 for "ш") is
// far likelier to be right as it stands.
function readsAsLatinText(run: string): boolean {
  return [...run].every((c) => c < '\u0080' || /[\p{Script=Latin}’‘“”—–…«»]/u.test(c));
}

function decodeVia(run: string, page: CodePage): string | null {
  const bytes = encode(run, page);
  if (!bytes || bytes.every((b) => b < 0x80)) return null;
  let decoded: string;
  try {
    decoded = strictUtf8.decode(bytes);
  } catch {
    return null;
  }
  if (decoded === run || !/[\u0080-\uffff]/.test(decoded) || !plausible(decoded)) return null;
  if (/(?!\p{Script=Latin})\p{L}/u.test(decoded) && readsAsLatinText(run)) return null;
  return decoded;
}

// Punctuation that correct text often wraps around a mojibake word, as in
// “NicolÃ¡s” when only the name was mangled.
const WRAPPING = /^([“”‘’«»„‚‹›"'([{—–…]*)(.*?)([“”‘’«»„‚‹›"')\]}—–….,;:!?]*)$/su;

function repairRun(run: string): string {
  for (const page of [CP1252, MAC_ROMAN]) {
    const whole = decodeVia(run, page);
    if (whole !== null) return whole;
    const m = WRAPPING.exec(run);
    if (m && m[2] && (m[1] || m[3])) {
      const inner = decodeVia(m[2], page);
      if (inner !== null) return m[1] + inner + m[3];
    }
  }
  return run;
}

/**
 * Repairs UTF-8 mojibake (Windows-1252, Latin-1 and MacRoman kinds, also when
 * applied twice) and leaves every other character exactly as it was. Runs are
 * split at ASCII white space only, since a no-break space can be half of a
 * mangled "à".
 */
export function repairMojibake(text: string): string {
  if (!/[\u0080-\uffff]/.test(text)) return text;
  // Each run of non-space characters that holds a non-ASCII one, found by a
  // scan from each non-ASCII character out to the spaces around it. (A
  // regular expression for the whole run backtracks quadratically over long
  // ASCII runs such as minified scripts or data: URIs.)
  const nonAscii = /[\u0080-\uffff]/g;
  let out = '';
  let done = 0;
  for (let m = nonAscii.exec(text); m; m = nonAscii.exec(text)) {
    let start = m.index;
    while (start > done && !isAsciiSpace(text.charCodeAt(start - 1))) start--;
    let end = m.index + 1;
    while (end < text.length && !isAsciiSpace(text.charCodeAt(end))) end++;
    out += text.slice(done, start) + repairWord(text.slice(start, end));
    done = end;
    nonAscii.lastIndex = end;
  }
  return out + text.slice(done);
}

/** Space, tab, line feed, vertical tab, form feed, carriage return. */
function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function repairWord(run: string): string {
  let current = run;
  for (let pass = 0; pass < 3; pass++) {
    const next = repairRun(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
