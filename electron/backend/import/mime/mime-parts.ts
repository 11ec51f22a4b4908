import { FileRejected } from '../article-reader';

// A MIME message (an .eml e-mail, an .mhtml saved page) split into its
// parts, each part's body as the bytes it stands for (quoted-printable and
// base64 undone) but not yet decoded to text. postal-mime, which reads the
// e-mail headers, decodes every text part itself, with the charset the part
// declares or UTF-8 when it declares none, and joins all text/html parts of
// a message into one string. Chromium's MHTML declares no charset on its
// parts (the page's <meta> does) and stores each frame as a text/html part
// of its own, so the importer needs the raw bytes of one chosen part, and
// splits the message itself. The splitter only splits: one scan for each
// boundary, limits on depth and part count, no recursion beyond them.

export interface ContentType {
  /** Lower-case "type/subtype"; "text/plain" when the part gives none (RFC 2045). */
  type: string;
  /** Parameters by lower-case name, values unquoted. */
  params: Record<string, string>;
}

export interface MimePart {
  /** Header values by lower-case name, folded lines joined, in order. */
  headers: Map<string, string[]>;
  contentType: ContentType;
  /** The body with its transfer encoding undone (empty for multipart parts). */
  body: Uint8Array;
  /** The parts of a multipart part, in order. */
  children: MimePart[];
}

const MAX_DEPTH = 20;
const MAX_PARTS = 20_000;

/** The first value of a header, or null. */
export function header(part: MimePart, name: string): string | null {
  return part.headers.get(name.toLowerCase())?.[0] ?? null;
}

/** Parses `type/subtype; name=value; name="quoted value"` (RFC 2045; RFC 2231 charset*= understood). */
export function parseContentType(value: string | null): ContentType {
  const [head = '', ...rest] = splitParams(value ?? '');
  const type = head.trim().toLowerCase();
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    let name = param.slice(0, eq).trim().toLowerCase();
    let val = param.slice(eq + 1).trim();
    if (val.startsWith('"') && val.endsWith('"') && val.length >= 2) val = val.slice(1, -1).replace(/\\(.)/g, '$1');
    if (name.endsWith('*')) {
      // RFC 2231: charset'language'percent-encoded value
      name = name.slice(0, -1);
      const m = /^[^']*'[^']*'(.*)$/.exec(val);
      if (m) {
        try {
          val = decodeURIComponent(m[1]!);
        } catch {
          val = m[1]!;
        }
      }
    }
    if (name && !(name in params)) params[name] = val;
  }
  return { type: /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type : 'text/plain', params };
}

/** Splits at semicolons outside quoted strings. */
function splitParams(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '"' && value[i - 1] !== '\\') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** Headers of a header block (latin1 text), folded lines joined. */
function parseHeaders(block: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  let name: string | null = null;
  let value = '';
  const commit = () => {
    if (name === null) return;
    const list = headers.get(name);
    const v = value.trim();
    if (list) list.push(v);
    else headers.set(name, [v]);
  };
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && name !== null) {
      value += ' ' + line.trim();
      continue;
    }
    commit();
    const colon = line.indexOf(':');
    if (colon <= 0) {
      name = null;
      continue;
    }
    name = line.slice(0, colon).trim().toLowerCase();
    value = line.slice(colon + 1);
  }
  commit();
  return headers;
}

function decodeQuotedPrintable(text: string): Uint8Array {
  // White space at a line's end was added in transport (RFC 2045 6.7);
  // white space before a soft line break's "=" is text.
  const joined = text.replace(/[ \t]+(?=\r?\n)/g, '').replace(/=\r?\n/g, '');
  const out = new Uint8Array(joined.length);
  let n = 0;
  for (let i = 0; i < joined.length; i++) {
    const code = joined.charCodeAt(i);
    if (code === 0x3d && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      out[n++] = Number.parseInt(joined.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[n++] = code & 0xff;
  }
  return out.subarray(0, n);
}

function transferDecode(body: string, encoding: string | null): Uint8Array {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === 'base64') return new Uint8Array(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64'));
  if (enc === 'quoted-printable') return decodeQuotedPrintable(body);
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** Headers longer than this are not headers (a bound on the scan for the blank line that ends them). */
const MAX_HEADER_BLOCK = 256 * 1024;

/**
 * Where a part's header block ends: the first empty line at or after
 * `from` and before `end`. Returns [headers end, body start]; a part with
 * no empty line is all headers.
 */
function headerEnd(text: string, from: number, end: number): [number, number] {
  const limit = Math.min(end, from + MAX_HEADER_BLOCK);
  let eol = text.indexOf('\n', from);
  while (eol >= 0 && eol < limit) {
    if (text[eol + 1] === '\n') return [eol, eol + 2];
    if (text[eol + 1] === '\r' && text[eol + 2] === '\n') return [eol, eol + 3];
    eol = text.indexOf('\n', eol + 1);
  }
  return [limit, limit];
}

class Splitter {
  private parts = 0;
  constructor(private readonly text: string) {}

  part(start: number, end: number, depth: number): MimePart {
    if (++this.parts > MAX_PARTS) throw new FileRejected(`it has more than ${MAX_PARTS.toLocaleString('en-US')} MIME parts, far more than a message or saved page holds`);
    const text = this.text;
    let headersEnd: number;
    let bodyStart: number;
    if (text.startsWith('\r\n', start) || text.startsWith('\n', start)) {
      headersEnd = start;
      bodyStart = start + (text.startsWith('\r\n', start) ? 2 : 1);
    } else {
      [headersEnd, bodyStart] = headerEnd(text, start, end);
    }
    const headers = parseHeaders(text.slice(start, headersEnd));
    const contentType = parseContentType(headers.get('content-type')?.[0] ?? null);
    const boundary = contentType.params['boundary'];
    if (contentType.type.startsWith('multipart/') && boundary) {
      if (depth >= MAX_DEPTH) throw new FileRejected(`its MIME parts are nested more than ${MAX_DEPTH} levels deep`);
      return { headers, contentType, body: new Uint8Array(), children: this.children(bodyStart, end, boundary, depth + 1) };
    }
    const body = transferDecode(text.slice(bodyStart, end), headers.get('content-transfer-encoding')?.[0] ?? null);
    return { headers, contentType, body, children: [] };
  }

  /** The parts between the boundary lines of a multipart body. */
  children(start: number, end: number, boundary: string, depth: number): MimePart[] {
    const text = this.text;
    const delimiter = `--${boundary}`;
    // Each delimiter line: the boundary at the start of a line. The line
    // break before it belongs to the delimiter, not to the part.
    const starts: { at: number; after: number; close: boolean }[] = [];
    let from = start;
    while (from < end) {
      const at = text.indexOf(delimiter, from);
      if (at < 0 || at >= end) break;
      const lineStart = at === start || text[at - 1] === '\n';
      from = at + delimiter.length;
      if (!lineStart) continue;
      const close = text.startsWith('--', from);
      const eol = text.indexOf('\n', from);
      const after = eol < 0 || eol > end ? end : eol + 1;
      const breakBefore = at === start ? at : text[at - 2] === '\r' ? at - 2 : at - 1;
      starts.push({ at: breakBefore, after, close });
      if (close) break;
      from = after;
    }
    const parts: MimePart[] = [];
    for (let i = 0; i < starts.length; i++) {
      const current = starts[i]!;
      if (current.close) break;
      const next = starts[i + 1];
      parts.push(this.part(current.after, next ? next.at : end, depth));
    }
    return parts;
  }
}

/** Splits a MIME message into its parts, or throws FileRejected when it is not one. */
export function parseMime(bytes: Uint8Array): MimePart {
  // latin1 maps each byte to one character, so offsets are byte offsets and
  // the bytes of every part come back unchanged.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  const [headersEnd] = headerEnd(text, 0, text.length);
  if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(text.slice(0, headersEnd))) {
    throw new FileRejected('it does not begin with message headers, so it is not a MIME message');
  }
  return new Splitter(text).part(0, text.length, 0);
}

/** Every leaf part of a message, depth first, in order. */
export function leafParts(part: MimePart): MimePart[] {
  return part.children.length === 0 && !part.contentType.type.startsWith('multipart/') ? [part] : part.children.flatMap(leafParts);
}
