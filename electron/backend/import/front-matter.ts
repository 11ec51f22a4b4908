import { parseDocument } from 'yaml';
import { collapseSpaces } from '../../../shared/text/whitespace';
import { FileRejected } from './article-reader';
import { normalisePublishedDate } from './published-date';

// YAML front matter, as Jekyll, Hugo and most static-site tools write it: a
// block between two "---" lines at the very top of the file. Read in .txt and
// .md alike. The yaml package (YAML 1.2 core schema) keeps timestamps as the
// strings the file wrote, so no time zone is ever applied to them.

export const FRONT_MATTER_SOURCE = 'front matter';

export interface FrontMatterSplit {
  /** The parsed mapping, or null when the file has no front matter. */
  data: Record<string, unknown> | null;
  /** The text after the front matter (the whole text when there is none). */
  body: string;
}

/** Metadata an article can take from its front matter; fields the file does not give are absent. */
export interface FrontMatterFields {
  title?: string;
  subtitle?: string;
  outlet?: string;
  author?: string;
  publishedAt?: string;
  url?: string;
  language?: string;
  tags: string[];
}

const BLOCK = /^---[ \t]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Whether the block was meant as front matter: its first line is a "key:" line. */
function looksLikeMapping(yamlText: string): boolean {
  const first = yamlText.split('\n').find((line) => line.trim() && !line.trim().startsWith('#'));
  return first === undefined || /^[\p{L}_][\p{L}\p{N}_ -]*:(\s|$)/u.test(first);
}

function describeYamlError(message: string, line: number | undefined): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();
  const phrase = first.charAt(0).toLowerCase() + first.slice(1);
  return line === undefined ? phrase : `line ${line}: ${phrase}`;
}

/**
 * Splits YAML front matter from the text. Throws FileRejected when the block
 * is meant as front matter but is not valid YAML (naming the file's line).
 * A block whose content is not a mapping ("---", a line of prose, "---") is
 * not front matter and stays in the text.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const m = BLOCK.exec(text);
  if (!m) return { data: null, body: text };
  const yamlText = m[1] ?? '';
  if (!looksLikeMapping(yamlText)) return { data: null, body: text };
  // Duplicate keys are tolerated (the last wins), as Jekyll's YAML reader does.
  const doc = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    // +1: the opening "---" is line 1 of the file.
    const line = error.linePos?.[0]?.line;
    throw new FileRejected(`its front matter is not valid YAML (${describeYamlError(error.message, line === undefined ? undefined : line + 1)})`);
  }
  const data: unknown = doc.toJS({ maxAliasCount: 50 });
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    return { data: null, body: text };
  }
  const lowerKeys: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((data ?? {}) as Record<string, unknown>)) {
    const k = key.toLowerCase();
    if (!(k in lowerKeys)) lowerKeys[k] = value;
  }
  return { data: lowerKeys, body: text.slice(m[0].length) };
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  return collapseSpaces(value) || undefined;
}

/** A person's name from "Ann", { name: "Ann" } or a list of either. */
function names(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === 'object') return names((value as Record<string, unknown>).name);
  const s = text(value);
  return s ? [s] : [];
}

/** Tags from a list or from a comma-separated string. */
function tagList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(tagList);
  const s = text(value);
  return s ? s.split(',').map((t) => t.trim()).filter(Boolean) : [];
}

export function absoluteHttpUrl(value: unknown): string | undefined {
  const s = text(value);
  if (!s || !/^https?:\/\//i.test(s)) return undefined;
  try {
    return new URL(s).hostname ? s : undefined;
  } catch {
    return undefined;
  }
}

function first<T>(data: Record<string, unknown>, keys: string[], read: (v: unknown) => T | undefined): T | undefined {
  for (const key of keys) {
    const v = read(data[key]);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * Maps the keys static-site tools use onto the article's fields: tags and
 * categories merge into tags; only absolute http(s) addresses count as url.
 */
export function frontMatterFields(data: Record<string, unknown>): FrontMatterFields {
  const fields: FrontMatterFields = { tags: [] };
  const title = first(data, ['title', 'headline'], text);
  if (title) fields.title = title;
  const subtitle = first(data, ['subtitle', 'excerpt', 'description', 'summary'], text);
  if (subtitle) fields.subtitle = subtitle;
  const author = first(data, ['author', 'authors', 'byline'], (v) => {
    const list = names(v);
    return list.length ? list.join(', ') : undefined;
  });
  if (author) fields.author = author;
  const date = first(data, ['date', 'published', 'published_at', 'publishdate', 'pubdate', 'date_published'], (v) => normalisePublishedDate(v) ?? undefined);
  if (date) fields.publishedAt = date;
  const url = first(data, ['url', 'link', 'canonical_url', 'canonical', 'permalink', 'source_url'], absoluteHttpUrl);
  if (url) fields.url = url;
  const outletValue = first(data, ['outlet', 'publisher', 'site_name', 'site', 'source', 'publication'], (v) => names(v)[0]);
  if (outletValue) {
    const asUrl = absoluteHttpUrl(outletValue);
    if (asUrl) {
      fields.url ??= asUrl;
      fields.outlet = new URL(asUrl).hostname.replace(/^www\./, '');
    } else {
      fields.outlet = outletValue;
    }
  }
  const language = first(data, ['lang', 'language', 'locale'], text);
  if (language) fields.language = language;
  const seen = new Set<string>();
  for (const tag of [...tagList(data.tags), ...tagList(data.categories), ...tagList(data.category)]) {
    const key = tag.toLocaleLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      fields.tags.push(tag);
    }
  }
  return fields;
}
