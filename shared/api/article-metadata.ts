// The article metadata a researcher can correct in the review table, and the
// checks both sides apply: the renderer to flag a cell as it is typed, the
// back end before anything is written. Pure: no zod, so the renderer can
// import it without bundling the contract's schemas.

export const METADATA_FIELDS = ['title', 'subtitle', 'outlet', 'author', 'publishedAt', 'language', 'section', 'tags', 'url'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** The source every field a researcher corrects gets (fieldSources value). */
export const EDITED_SOURCE = 'edited by researcher';

export const METADATA_LABELS: Record<MetadataField, string> = {
  title: 'Title',
  subtitle: 'Subtitle',
  outlet: 'Outlet',
  author: 'Author',
  publishedAt: 'Published',
  language: 'Language',
  section: 'Section',
  tags: 'Tags',
  url: 'URL',
};

/** One article's editable metadata and where each value came from. */
export interface ArticleMetadata {
  id: number;
  /** The imported file's path, to tell articles apart when titles repeat. */
  sourcePath: string;
  title: string;
  /** True when the file gave no title and Annalist made one from the text. */
  titleInferred: boolean;
  subtitle: string | null;
  outlet: string | null;
  author: string | null;
  /** ISO 8601 as stored: YYYY-MM-DD or a date-time (with its offset, when the source gave one). */
  publishedAt: string | null;
  language: string | null;
  section: string | null;
  tags: string[];
  url: string | null;
  /** For each field that has a value: where it came from ("front matter", "og:title", "edited by researcher", ...). */
  fieldSources: Partial<Record<MetadataField, string>>;
}

/** A correction: the fields given are set (null or "" clears a field; title cannot be cleared). */
export type MetadataChanges = Partial<{
  title: string;
  subtitle: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string | null;
  section: string | null;
  tags: string[];
  url: string | null;
}>;

export interface MetadataUpdate {
  articleId: number;
  fields: MetadataChanges;
}

export interface MetadataUpdateResult {
  /** Articles with at least one field that changed. */
  updated: number;
  articles: ArticleMetadata[];
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Why a publication date a researcher typed cannot be stored, or null when it
 * can: a day (2025-12-31) or a date-time with its offset
 * (2025-12-31T14:30+01:00, 2025-12-31T13:30Z). A time without an offset is
 * refused, because the same clock time is a different instant in each zone.
 */
export function publishedAtProblem(value: string): string | null {
  const example = 'write a day as 2025-12-31, or a date and time with its offset as 2025-12-31T14:30+01:00';
  const day = DAY.exec(value);
  if (day) return validDay(Number(day[1]), Number(day[2]), Number(day[3])) ? null : `“${value}” is not a day of the calendar; ${example}`;
  const dt = DATE_TIME.exec(value);
  if (dt) {
    const [, y, mo, d, h, mi, s, zone, zh, zm] = dt;
    const fine =
      validDay(Number(y), Number(mo), Number(d)) &&
      Number(h) <= 23 &&
      Number(mi) <= 59 &&
      Number(s ?? 0) <= 59 &&
      (zone === 'Z' || (Number(zh) <= 14 && Number(zm) <= 59));
    return fine ? null : `“${value}” is not a real date and time; ${example}`;
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/.test(value)) return `“${value}” has a time but no time zone offset; ${example}`;
  return `“${value}” is not a date Annalist understands; ${example}`;
}

/** Why a URL cannot be stored as the article's address, or null. */
export function urlProblem(value: string): string | null {
  const problem = `“${value}” is not a web address; it should start with https:// or http://`;
  if (/\s/.test(value) || !/^https?:\/\//i.test(value)) return problem;
  try {
    return new URL(value).hostname ? null : problem;
  } catch {
    return problem;
  }
}

/** Why a language tag cannot be stored, or null: "en", "es", "pt-BR", "zh-Hant". */
export function languageProblem(value: string): string | null {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value) ? null : `“${value}” is not a language tag such as en, es or pt-BR`;
}

/** Tags as a researcher types them in one cell: comma-separated, trimmed, each once. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag.toLocaleLowerCase())) {
      seen.add(tag.toLocaleLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}

/** Why a value cannot go into the field, or null. Empty values clear a field (the title excepted). */
export function fieldProblem(field: MetadataField, value: string | string[] | null): string | null {
  if (field === 'tags') return null;
  const text = typeof value === 'string' ? value.trim() : '';
  if (field === 'title') return text ? (text.length > 1000 ? 'a title can be at most 1,000 characters long' : null) : 'an article needs a title';
  if (!text) return null;
  if (text.length > 2000) return `the ${METADATA_LABELS[field].toLocaleLowerCase()} can be at most 2,000 characters long`;
  if (field === 'publishedAt') return publishedAtProblem(text);
  if (field === 'url') return urlProblem(text);
  if (field === 'language') return languageProblem(text);
  return null;
}
