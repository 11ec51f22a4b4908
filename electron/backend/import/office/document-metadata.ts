import { languageTag } from '../html/html-metadata';
import { isMeaningfulTitle, splitKeywords } from '../pdf/pdf-metadata';
import { normalisePublishedDate } from '../published-date';
import type { Sourced } from '../article-fields';

export type { Sourced };

// Judging the properties a word processor or e-book tool stores with a
// document (DOCX core properties, ODF meta.xml, the EPUB package), with the
// same tests as the PDF reader's: a title that is a tool's placeholder
// ("Untitled", "Document1", a file name) or an author that is an account
// name ("Administrator", "Windows User") is no title or author.
//
// Dates: a document's creation date is when its text was begun, the best
// the file knows of when it was written, but tools also stamp dates that
// mean nothing (1601-01-01 and 1970-01-01 from zeroed fields, dates in the
// future from a wrong clock). So only plausible dates count (from 1990 to
// tomorrow), and of the creation and modification dates the earlier is
// taken: a copy made later has a later creation date but keeps the text's
// age in neither, while an edit never moves the modification date back.

const JUNK_AUTHOR =
  /^(?:administrator|admin|user|owner|windows user|microsoft office user|office user|unknown|author|default|guest|root|pc|[a-z]+_owner|user\d+|\d+)$/i;

const collapse = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

export function documentTitle(value: string | null | undefined, source: string): Sourced<string> | null {
  const title = collapse(value);
  return title && isMeaningfulTitle(title) ? { value: title, source } : null;
}

/** Names joined with ", " (a book's several creators), placeholders left out. */
export function documentAuthor(values: (string | null | undefined)[], source: string): Sourced<string> | null {
  const names = values.map(collapse).filter((name) => name && name.length <= 200 && /\p{L}/u.test(name) && !JUNK_AUTHOR.test(name));
  const unique = [...new Set(names)];
  return unique.length > 0 ? { value: unique.join(', '), source } : null;
}

export function documentLanguage(value: string | null | undefined, source: string): Sourced<string> | null {
  const tag = languageTag(collapse(value).split(/[\s,;]+/)[0] ?? '');
  return tag && !/^(?:x|und|zxx)(?:-|$)/i.test(tag) ? { value: tag, source } : null;
}

/** Keywords as tags: each value split at semicolons and commas, repeats dropped. */
export function documentTags(values: (string | null | undefined)[], source: string): Sourced<string[]> | null {
  const tags = splitKeywords(values.map(collapse).filter(Boolean));
  return tags.length > 0 ? { value: tags, source } : null;
}

const EARLIEST_YEAR = 1990;

/** A date a document states, as ISO 8601 (as given: no time-zone shift), when it is plausible. */
export function plausibleDate(value: string | null | undefined, now: Date = new Date()): string | null {
  const iso = normalisePublishedDate(collapse(value));
  if (!iso) return null;
  const day = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number(iso.slice(0, 4)) < EARLIEST_YEAR || day > now.getTime() + 86_400_000) return null;
  return iso;
}

/** The earliest plausible of the given dates (creation, modification), with its source. */
export function documentDate(candidates: { value: string | null | undefined; source: string }[], now: Date = new Date()): Sourced<string> | null {
  let best: Sourced<string> | null = null;
  for (const candidate of candidates) {
    const iso = plausibleDate(candidate.value, now);
    if (iso && (!best || iso.slice(0, 19) < best.value.slice(0, 19))) best = { value: iso, source: candidate.source };
  }
  return best;
}
