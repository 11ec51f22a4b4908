import { addressParser, decodeWords } from 'postal-mime';
import type { Block } from '../../../../shared/content/doc';
import { collapseSpaces } from '../../../../shared/text/whitespace';
import { FileRejected, type ParsedArticle } from '../article-reader';
import { chooseTitle } from '../article-title';
import { decodeTextFile } from '../decode-text';
import { readHtmlArticle } from '../html/html-article';
import { plainTextBlocks } from '../plain-text-structure';
import { header, leafParts, parseMime, type MimePart } from './mime-parts';

// An e-mail saved as a file (.eml: Thunderbird, Apple Mail, Outlook's
// "Save as", a newsletter forwarded to oneself). The subject is the title,
// the sender the author, the Date header the publication date (with its
// offset, as the sender's clock wrote it). The body is the message's HTML
// part, read as a saved page but kept whole when it is short (Readability
// would take a short message for boilerplate), else its plain-text part;
// attachments are left out. Header words are decoded by postal-mime;
// the parts are split by mime-parts.ts, which keeps their bytes so that
// the charset is found the same way as for every other text file.

export const HEADER_SOURCE = 'e-mail header';
export const NO_MESSAGE_TEXT = 'the message has no text, only attachments';
const MAX_MESSAGE_BYTES = 200 * 1024 * 1024;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** The zones RFC 5322 still allows by name (obsolete but written by old mailers). */
const NAMED_ZONES: Record<string, string> = {
  ut: '+00:00', gmt: '+00:00', z: '+00:00', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00', mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
};

const pad = (n: number | string) => String(n).padStart(2, '0');

/**
 * An RFC 5322 Date header ("Tue, 30 Dec 2025 14:05:00 +0100") as ISO 8601
 * with its offset ("2025-12-30T14:05:00+01:00"), or null when it cannot be
 * read. The time is not moved to UTC: it stays as the sender wrote it.
 */
export function mailDateToIso(value: string | null): string | null {
  if (!value) return null;
  const m = /^\s*(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?/.exec(value.replace(/\([^)]*\)/g, ' '));
  if (!m) return null;
  const [, d, mon, y, h, mi, s, zone] = m;
  const month = MONTHS.indexOf(mon!.toLowerCase()) + 1;
  let year = Number(y);
  if (y!.length === 2) year += year < 50 ? 2000 : 1900;
  const day = Number(d);
  if (month < 1 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate() || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 60) return null;
  let offset = '';
  if (zone && /^[+-]\d{4}$/.test(zone)) {
    if (zone === '-0000') offset = 'Z';
    else offset = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  } else if (zone) offset = NAMED_ZONES[zone.toLowerCase()] ?? '';
  return `${year}-${pad(month)}-${pad(day)}T${pad(h!)}:${mi}:${pad(s ?? '00')}${offset}`;
}

/** The sender's name, else their address. */
export function senderOf(from: string | null): string | null {
  if (!from) return null;
  const [first] = addressParser(from, { flatten: true });
  const name = collapseSpaces(first?.name ?? '').replace(/^["']|["']$/g, '');
  return name || first?.address || null;
}

function isAttachment(part: MimePart): boolean {
  const disposition = header(part, 'content-disposition') ?? '';
  if (/^\s*attachment\b/i.test(disposition)) return true;
  return /\bfilename\*?=/i.test(disposition) || 'name' in part.contentType.params;
}

/** The part that holds the message's text: its first inline HTML part, else its first inline plain-text part. */
export function bodyPart(root: MimePart): MimePart | null {
  const inline = leafParts(root).filter((p) => !isAttachment(p));
  return inline.find((p) => p.contentType.type === 'text/html') ?? inline.find((p) => p.contentType.type === 'text/plain') ?? null;
}

/** format=flowed (RFC 3676): a line ending in a space continues on the next; "> " quotes stay as lines. */
function unflow(text: string, delsp: boolean): string {
  return text
    .split('\n')
    .map((line) => (line.startsWith(' ') ? line.slice(1) : line))
    .reduce((out, line) => {
      const prev = out[out.length - 1];
      if (prev !== undefined && prev.endsWith(' ') && prev !== '-- ') out[out.length - 1] = (delsp ? prev.slice(0, -1) : prev) + line;
      else out.push(line);
      return out;
    }, [] as string[])
    .join('\n');
}

function plainBlocks(part: MimePart): Block[] {
  let text = decodeTextFile(part.body, part.contentType.params['charset'] ?? null).text;
  if (/^flowed$/i.test(part.contentType.params['format'] ?? '')) text = unflow(text, /^yes$/i.test(part.contentType.params['delsp'] ?? ''));
  return plainTextBlocks(text);
}

/** Reads an .eml file's bytes into an article, or throws FileRejected. */
export function readEmlArticle(bytes: Uint8Array): ParsedArticle {
  if (bytes.length === 0) throw new FileRejected('the file is empty');
  if (bytes.length > MAX_MESSAGE_BYTES) throw new FileRejected('the message is larger than 200 MB, more than any e-mail article needs');
  const root = parseMime(bytes);
  if (!root.headers.has('from') && !root.headers.has('subject') && !root.headers.has('date')) {
    throw new FileRejected('it has no From, Subject or Date header, so it is not an e-mail message');
  }
  const subject = collapseSpaces(decodeWords(header(root, 'subject') ?? '')) || null;
  const author = senderOf(decodeWords(header(root, 'from') ?? '') || null);
  const publishedAt = mailDateToIso(header(root, 'date'));

  const part = bodyPart(root);
  if (!part || part.body.length === 0) throw new FileRejected(NO_MESSAGE_TEXT);
  let article: ParsedArticle;
  if (part.contentType.type === 'text/html') {
    article = readHtmlArticle(part.body, { charset: part.contentType.params['charset'] ?? null, wholeBodyWhenShort: true });
    if (subject) {
      const choice = chooseTitle(article.content.content, { statedTitle: subject, statedTitleSource: HEADER_SOURCE });
      article = { ...article, title: choice.title, titleInferred: false, content: { type: 'doc', content: choice.blocks } };
      article.fieldSources = { ...article.fieldSources, title: HEADER_SOURCE };
    }
  } else {
    const blocks = plainBlocks(part);
    if (blocks.length === 0) throw new FileRejected(NO_MESSAGE_TEXT);
    const choice = chooseTitle(blocks, subject ? { statedTitle: subject, statedTitleSource: HEADER_SOURCE } : {});
    article = {
      title: choice.title,
      titleInferred: choice.titleInferred,
      subtitle: null,
      outlet: null,
      author: null,
      publishedAt: null,
      url: null,
      section: null,
      language: null,
      tags: [],
      content: { type: 'doc', content: choice.blocks },
      fieldSources: { title: choice.titleSource },
    };
  }
  // The message's own headers say who wrote it and when, whatever its HTML claims.
  if (author) {
    article.author = author;
    article.fieldSources.author = HEADER_SOURCE;
  }
  if (publishedAt) {
    article.publishedAt = publishedAt;
    article.fieldSources.publishedAt = HEADER_SOURCE;
  }
  const language = header(root, 'content-language');
  if (!article.language && language && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(language.trim())) {
    article.language = language.trim();
    article.fieldSources.language = HEADER_SOURCE;
  }
  return article;
}
