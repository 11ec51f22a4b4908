import { repairMojibake } from '../../../shared/text/mojibake';
import { removeInvisibles } from '../../../shared/text/whitespace';
import { FileRejected } from './article-reader';
import { BINARY, decodeBytes, type TextEncodingName } from './text-encoding';

// Turns a text file's bytes into clean text: the encoding found by
// text-encoding.ts (byte-order mark, declaration, UTF-16, UTF-8, else the
// most plausible single-byte code page); line ends made LF, Unicode NFC,
// UTF-8 mojibake repaired. Files that are binary or hold nothing are refused
// with a reason the researcher can read.

export type { TextEncodingName } from './text-encoding';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const EMPTY = 'the file is empty';

/** C0 controls other than tab and line ends, and DEL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/g;

function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const controls = text.match(CONTROL)?.length ?? 0;
  const share = controls / Math.max(text.length, 1);
  return share > 0.1 || (controls > 8 && share > 0.01);
}

/**
 * Cleans text just decoded from a file (by whatever encoding): line ends
 * made LF, binary data refused, UTF-8 mojibake repaired, control and
 * invisible characters removed, Unicode NFC. Throws FileRejected.
 */
export function cleanDecodedText(decoded: string): string {
  let text = decoded.replace(/^\ufeff/, '').replace(/\r\n?|[\u2028\u2029\v\f]/g, '\n');
  if (looksBinary(text)) throw new FileRejected(BINARY);
  // Mojibake first: its C1 characters are half of what it repairs.
  text = repairMojibake(text);
  text = removeInvisibles(text.replace(CONTROL, '').replace(/[\x80-\x9f]/g, '')).normalize('NFC');
  if (!text.trim()) throw new FileRejected(EMPTY);
  return text;
}

/** Decodes and cleans a file's bytes (with the charset it declares, if any), or throws FileRejected. */
export function decodeTextFile(bytes: Uint8Array, declaredCharset?: string | null): DecodedText {
  if (bytes.length === 0) throw new FileRejected(EMPTY);
  const { text, encoding } = decodeBytes(bytes, declaredCharset);
  return { text: cleanDecodedText(text), encoding };
}

/** The clean text of a text file's bytes, or throws FileRejected. */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextFile(bytes).text;
}
