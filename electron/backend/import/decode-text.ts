import { repairMojibake } from '../../../shared/text/mojibake';
import { removeInvisibles } from '../../../shared/text/whitespace';
import { decodeWindows1252 } from '../../../shared/text/windows-1252';
import { FileRejected } from './article-reader';

// Turns a text file's bytes into clean text: the encoding found from its
// byte-order mark, else UTF-8 when the bytes are valid UTF-8, else
// Windows-1252 (what "ANSI" text from Windows and most legacy tools is);
// line ends made LF, Unicode NFC, UTF-8 mojibake repaired. Files that are
// binary or hold nothing are refused with a reason the researcher can read.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const BINARY = 'it contains binary data, not text';
const EMPTY = 'the file is empty';

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

function detect(bytes: Uint8Array): { encoding: TextEncodingName; skip: number } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', skip: 3 };
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new FileRejected('it is UTF-32 text, which Annalist cannot read; save it as UTF-8 and import it again');
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', skip: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', skip: 2 };
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { encoding: utf16, skip: 0 };
  if (bytes.includes(0)) throw new FileRejected(BINARY);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', skip: 0 };
  } catch {
    return { encoding: 'windows-1252', skip: 0 };
  }
}

/** C0 controls other than tab and line ends, and DEL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/g;

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const controls = text.match(CONTROL)?.length ?? 0;
  const share = controls / Math.max(text.length, 1);
  return share > 0.1 || (controls > 8 && share > 0.01);
}

/** Decodes and cleans a text file's bytes, or throws FileRejected. */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new FileRejected(EMPTY);
  const { encoding, skip } = detect(bytes);
  const body = bytes.subarray(skip);
  let text = encoding === 'windows-1252' ? decodeWindows1252(body) : new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  text = text.replace(/^\ufeff/, '').replace(/\r\n?|[\u2028\u2029\v\f]/g, '\n');
  if (looksBinary(text)) throw new FileRejected(BINARY);
  // Mojibake first: its C1 characters are half of what it repairs.
  text = repairMojibake(text);
  text = removeInvisibles(text.replace(CONTROL, '').replace(/[\x80-\x9f]/g, '')).normalize('NFC');
  if (!text.trim()) throw new FileRejected(EMPTY);
  return { text, encoding };
}

/** The clean text of a text file's bytes, or throws FileRejected. */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextFile(bytes).text;
}
