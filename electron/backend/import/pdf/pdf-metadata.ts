import { repairMojibake } from '../../../../shared/text/mojibake';
import { collapseSpaces, removeInvisibles } from '../../../../shared/text/whitespace';
import { normalisePublishedDate } from '../published-date';
import type { Sourced } from '../article-fields';

export type { Sourced };

// What a PDF says about itself: the document information dictionary
// (Title, Author, Subject, Keywords, CreationDate) and the XMP packet
// (dc:title, dc:creator, dc:description, dc:subject, pdf:keywords,
// xmp:createdate, dc:language), turned into article fields with where each
// came from. XMP is preferred when it has a usable value: it is the newer
// of the two and tools that keep both update it last.
//
// Much of this metadata is junk left by the tools: "Untitled",
// "Microsoft Word - draft3.docx", "about:blank", an author called
// "Administrator". Such values are ignored rather than shown as if they
// were the article's. The creation date is when the file was made, not when
// the article was published; it is used as the publication date only when
// page 1 shows that same date, or when a publishing tool (Word, InDesign,
// LaTeX...) made the file. A page printed from a browser or a scan is dated
// the day it was saved, so its date is never used on its own.
// Pure: plain values in, plain values out.

export const PDF_INFO_SOURCE = 'PDF metadata';
export const PDF_XMP_SOURCE = 'PDF XMP metadata';
export const PDF_CREATION_DATE_SOURCE = 'PDF creation date';

/** XMP properties as pdf.js parses them: lower-case names, arrays for dc:creator and dc:subject. */
export type XmpProperties = Record<string, string | string[]>;

export interface PdfMetadataInput {
  /** The document information dictionary, as pdf.js gives it. */
  info: Record<string, unknown>;
  xmp: XmpProperties | null;
  /** The text of the first page, to check a creation date against a date line. */
  firstPageText: string;
  /** Today, for refusing creation dates in the future. */
  now?: Date;
}

export interface PdfMetadataFields {
  title: Sourced<string> | null;
  subtitle: Sourced<string> | null;
  author: Sourced<string> | null;
  publishedAt: Sourced<string> | null;
  language: Sourced<string> | null;
  tags: Sourced<string[]> | null;
}

function clean(value: unknown): string {
  if (typeof value !== 'string') return '';
  // Control characters (tabs, line breaks, stray NULs of badly decoded strings) become spaces.
  const spaced = [...value].map((ch) => (ch.charCodeAt(0) < 0x20 ? ' ' : ch)).join('');
  return collapseSpaces(repairMojibake(removeInvisibles(spaced)));
}

const JUNK_TITLE =
  /^(?:untitled(?:[\s-]*\d+)?|untitled document|document\s*\d*|new document|no title|title|slide \d+|powerpoint presentation|presentation\d*|print|blank|none|null|undefined|unknown|\(anonymous\)|default|draft|page \d+)$/i;
const FILE_NAME = /\.(?:docx?|pdf|rtf|odt|ott|pages|txt|html?|xhtml|mht|indd|idml|pptx?|ppsx?|xlsx?|ods|odp|tex|dvi|md|ps|eps|qxp|qxd|wpd|wps|xps|jpe?g|png|tiff?)$/i;
const TOOL_PREFIX = /^(?:microsoft\s+(?:word|powerpoint|excel|publisher)|word|powerpoint)\s*-\s*/i;

/**
 * Whether a stated title is the document's own rather than a tool's
 * placeholder: not empty, not "Untitled", not a file name or path
 * ("report.docx", "C:\\temp\\a.doc"), not "Microsoft Word - x.doc", not a
 * URL such as "about:blank".
 */
export function isMeaningfulTitle(value: string): boolean {
  const title = clean(value);
  if (!title || title.length > 300) return false;
  if ((title.match(/\p{L}/gu) ?? []).length < 2) return false;
  if (JUNK_TITLE.test(title)) return false;
  if (TOOL_PREFIX.test(title) || FILE_NAME.test(title)) return false;
  // A URL ("about:blank", "https://...") or a path ("/tmp/a", "C:\\temp\\a", "\\\\server\\a").
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|(?:about|data|file|blob):|\/|\\\\|[a-z]:\\)/i.test(title)) return false;
  // "final_v2_ANR", "IMG-2041": a file's name without its extension.
  if (!/\s/.test(title) && /[_]/.test(title)) return false;
  return true;
}

const JUNK_AUTHOR = /^(?:administrator|admin|user|owner|windows user|microsoft office user|office user|unknown|author|default|guest|root|pc|[a-z]+_owner|user\d+|\d+)$/i;

function meaningfulAuthor(value: string): string | null {
  const author = clean(value);
  if (!author || author.length > 200 || !/\p{L}/u.test(author) || JUNK_AUTHOR.test(author)) return null;
  return author;
}

/** "Venezuela; drug trafficking, US military" → three tags, trimmed, without repeats. */
export function splitKeywords(value: string | string[]): string[] {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => clean(v).split(/\s*[;,\n]\s*/));
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of parts) {
    const tag = part.trim();
    const key = tag.toLocaleLowerCase();
    if (!tag || tag.length > 100 || !/[\p{L}\p{N}]/u.test(tag) || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags.slice(0, 50);
}

/**
 * A PDF date ("D:20251203091500-04'00'", parts from the minutes on
 * optional) or an XMP date (ISO 8601) as ISO 8601, or null when it is not a
 * valid date.
 */
export function parsePdfDate(value: string): string | null {
  const s = value.trim();
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?\d{2}'?|[+-]\d{2}'?)?/.exec(s);
  if (m && !/^\d{4}-/.test(s)) {
    const [, y, mo, d, h, mi = '00', sec = '00', zone] = m;
    if (mo === undefined || d === undefined) return null; // a year or a month is not a day
    const tz = zone === undefined ? '' : zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${(zone.slice(3).replace(/'/g, '') || '00').padEnd(2, '0')}`;
    return normalisePublishedDate(h === undefined ? `${y}-${mo}-${d}` : `${y}-${mo}-${d}T${h}:${mi}:${sec}${tz}`);
  }
  return normalisePublishedDate(s);
}

const PUBLISHING_TOOL =
  /\b(?:indesign|quarkxpress|quark|framemaker|microsoft(?:®)?\s+(?:office\s+)?word|word for|libreoffice|openoffice|writer|pages|pdftex|xetex|luatex|latex|dvipdfm|typst|acrobat pdfmaker|scribus|affinity publisher|prince|antenna house|arbortext|docbook|quarto|pandoc)\b/i;

/** Dates written on a page: "December 3, 2025", "3 December 2025", "Dec. 3, 2025", "2025-12-03". */
function datesIn(text: string): Set<string> {
  const out = new Set<string>();
  const patterns = [
    /\b\d{4}-\d{1,2}-\d{1,2}\b/g,
    /\b\p{L}{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b/gu,
    /\b\d{1,2}(?:st|nd|rd|th)? \p{L}{3,9}\.?,? \d{4}\b/gu,
  ];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const day = normalisePublishedDate(m[0]);
      if (day) out.add(day.slice(0, 10));
    }
  }
  return out;
}

/**
 * The creation date as a publication day (YYYY-MM-DD, the day in the
 * file's own time zone), or null when it cannot be trusted to be one.
 */
export function publicationDayFromCreationDate(
  created: string,
  evidence: { tools: string[]; firstPageText: string; now?: Date },
): string | null {
  const iso = parsePdfDate(created);
  if (!iso) return null;
  const day = iso.slice(0, 10);
  const year = Number(day.slice(0, 4));
  const now = evidence.now ?? new Date();
  if (year < 1993 || Date.parse(`${day}T00:00:00Z`) > now.getTime() + 86_400_000) return null;
  if (datesIn(evidence.firstPageText).has(day)) return day;
  return evidence.tools.some((tool) => PUBLISHING_TOOL.test(tool)) ? day : null;
}

function xmpText(xmp: XmpProperties | null, name: string): string {
  const value = xmp?.[name];
  return Array.isArray(value) ? value.map(clean).filter(Boolean).join(', ') : clean(value);
}

/** The article fields a PDF's own metadata gives, each with its source. */
export function pdfMetadataFields(input: PdfMetadataInput): PdfMetadataFields {
  const { info, xmp } = input;
  const pick = (xmpValue: string, infoValue: string, usable: (v: string) => boolean): Sourced<string> | null => {
    if (xmpValue && usable(xmpValue)) return { value: xmpValue, source: PDF_XMP_SOURCE };
    if (infoValue && usable(infoValue)) return { value: infoValue, source: PDF_INFO_SOURCE };
    return null;
  };

  const title = pick(xmpText(xmp, 'dc:title'), clean(info['Title']), isMeaningfulTitle);
  const authorPick = pick(xmpText(xmp, 'dc:creator'), clean(info['Author']), (v) => meaningfulAuthor(v) !== null);
  const author = authorPick ? { ...authorPick, value: meaningfulAuthor(authorPick.value)! } : null;
  const subtitle = pick(
    xmpText(xmp, 'dc:description'),
    clean(info['Subject']),
    (v) => /\p{L}/u.test(v) && v.length <= 500 && !(title && v.toLocaleLowerCase() === title.value.toLocaleLowerCase()),
  );

  let tags: Sourced<string[]> | null = null;
  const xmpTags = splitKeywords([...(Array.isArray(xmp?.['dc:subject']) ? (xmp['dc:subject'] as string[]) : []), xmpText(xmp, 'pdf:keywords')]);
  const infoTags = splitKeywords(clean(info['Keywords']));
  if (xmpTags.length > 0) tags = { value: xmpTags, source: PDF_XMP_SOURCE };
  else if (infoTags.length > 0) tags = { value: infoTags, source: PDF_INFO_SOURCE };

  const languageOf = (v: string) => /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(v) && !/^x-/i.test(v);
  const language = pick(xmpText(xmp, 'dc:language').split(/[\s,]+/)[0] ?? '', clean(info['Language']), languageOf);

  const created = clean(info['CreationDate']) || xmpText(xmp, 'xmp:createdate');
  const tools = [clean(info['Creator']), clean(info['Producer']), xmpText(xmp, 'xmp:creatortool'), xmpText(xmp, 'pdf:producer')];
  const day = created ? publicationDayFromCreationDate(created, { tools, firstPageText: input.firstPageText, ...(input.now ? { now: input.now } : {}) }) : null;

  return {
    title,
    subtitle,
    author,
    publishedAt: day ? { value: day, source: PDF_CREATION_DATE_SOURCE } : null,
    language,
    tags,
  };
}
