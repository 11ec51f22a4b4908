import { FileRejected } from '../article-reader';
import { decodeTextFile } from '../decode-text';

// A saved page's bytes to text, in the order a browser goes: a byte-order
// mark; else the charset its container gives (a MIME part's header); else
// the charset the page declares in its first 16 KB (<?xml encoding?>, <meta
// charset>, <meta http-equiv="Content-Type">); else what the bytes look
// like. The decoding itself, and the reading of charset labels, is
// text-encoding.ts's, shared with every text-based format; the text is then
// cleaned as every text file is (NFC, controls, UTF-8 mojibake repaired).

export interface DecodedHtml {
  html: string;
  /** The encoding used: "utf-8", "utf-16le", "windows-1252", or an iconv-lite name. */
  encoding: string;
  /** The charset label the page (or its container) declares, as written, or null. */
  declaredCharset: string | null;
}

/** How far into the file the declaration is looked for (browsers look at 1 KB first, then re-decode on a later one). */
const PRESCAN_BYTES = 16 * 1024;

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`[\\s/]${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** The charset a page declares in its first bytes (XML declaration, meta charset, meta http-equiv), or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const xml = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1]!.trim();
  const end = head.search(/<body\b/i);
  const scope = (end >= 0 ? head.slice(0, end) : head).replace(/<!--[\s\S]*?-->/g, '');
  for (const m of scope.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const charset = attr(tag, 'charset');
    if (charset) return charset.trim();
    if ((attr(tag, 'http-equiv') ?? '').trim().toLowerCase() === 'content-type') {
      const inContent = /charset\s*=\s*["']?([^"';\s]+)/i.exec(attr(tag, 'content') ?? '');
      if (inContent) return inContent[1]!;
    }
  }
  return null;
}

/**
 * Decodes a saved page's bytes to clean text; `containerCharset` is the
 * charset a MIME part declares for it. Throws FileRejected (empty, binary).
 */
export function decodeHtml(bytes: Uint8Array, containerCharset: string | null = null): DecodedHtml {
  if (bytes.length === 0) throw new FileRejected('the file is empty');
  const declared = containerCharset ?? declaredCharset(bytes);
  const decoded = decodeTextFile(bytes, declared);
  return { html: decoded.text, encoding: decoded.encoding, declaredCharset: declared };
}
