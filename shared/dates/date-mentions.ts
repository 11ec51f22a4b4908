import { UserError } from '../api/result';
import type { CalendarDay } from './calendar-day';
import { compareDays, parseCalendarDay } from './calendar-day';
import { findChronoDates } from './chrono-expressions';
import type { DateValue } from './date-value';
import { dayPoint, firstPoint, interval, toEdtf } from './date-value';
import { isValidEventDate } from './event-date';
import type { FoundExpression } from './found-expression';
import { findNewsPhrases } from './news-phrases';

/**
 * A date expression in a passage, with the date it suggests. Every value is
 * a suggestion (`inferred`) until a researcher accepts it as an event date.
 */
export interface DateMention {
  /** The words as written, kept with the date they gave. */
  text: string;
  /** Offsets in UTF-16 code units of the text given (the unit of Annalist's article text). */
  start: number;
  end: number;
  /** EDTF, valid for the edtf package; null when it cannot be given (see `reason`). */
  edtf: string | null;
  inferred: true;
  /** The value was worked out from the publication date ("on Wednesday"), not read off the text ("2 September 2025"). */
  relative: boolean;
  /**
   * Why `edtf` is null. needs-publication-date: the expression is relative or
   * leaves out the year, and no publication date was given; ask for it rather
   * than guess. not-representable: a rule built a value the edtf package
   * rejects (a bug to report); no suggestion is better than a wrong one.
   */
  reason?: 'needs-publication-date' | 'not-representable';
}

/** Reads a publication date (YYYY-MM-DD) or says plainly what is wrong with it. */
export function parsePublicationDate(value: string): CalendarDay {
  const day = parseCalendarDay(value);
  if (!day) {
    throw new UserError('invalid_date', `"${value}" is not a publication date Annalist understands. Write it as YYYY-MM-DD, for example 2026-01-02.`);
  }
  return day;
}

/**
 * Overlapping finds are settled by length: the longest reading of the words
 * wins ("early last month" over "last month"), and on a tie our news rules
 * win over chrono-node (our "On Monday" looks back; chrono-node's may look
 * ahead).
 */
function settleOverlaps(found: FoundExpression[]): FoundExpression[] {
  const ranked = [...found].sort((a, b) =>
    (b.end - b.start) - (a.end - a.start)
    || (a.source === b.source ? 0 : a.source === 'news' ? -1 : 1)
    || a.start - b.start);
  const kept: FoundExpression[] = [];
  for (const f of ranked) {
    if (kept.every((k) => f.end <= k.start || f.start >= k.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const SINCE = /(?<![\p{L}\p{N}])since[ \t\u00a0]+$/iu;
const ON_IN = /(?<![\p{L}\p{N}])(?:on|in)[ \t\u00a0]+$/iu;
const STARTS_WITH_PREPOSITION = /^(?:on|in|over|during|at|for|within|since|from|between|by|until|towards?)\s/i;

/**
 * "since September 2" runs from that day to publication, not to an open end:
 * the writer counts up to the day of writing. Without a publication date an
 * absolute start gives an open interval (2025-09-02/..).
 */
function since(f: FoundExpression, reference: CalendarDay | null): FoundExpression | null {
  if (!f.value) return { ...f, relative: true };
  const from = firstPoint(f.value);
  if (!reference) return { ...f, value: interval(from, 'open') };
  const start: CalendarDay = { year: from.year, month: from.month ?? 1, day: from.day ?? 1 };
  if (compareDays(start, reference) > 0) return null; // "since next week" is not a span we can date
  const value: DateValue = interval(from, dayPoint(reference));
  return { ...f, value, relative: true };
}

/**
 * Widens a find over a preposition just before it. "on"/"in" change nothing
 * but are kept so every phrase reads the same way ("on 2 September", "in
 * October"); "since" turns the date into a span.
 */
function withPreposition(text: string, f: FoundExpression, reference: CalendarDay | null): FoundExpression {
  if (STARTS_WITH_PREPOSITION.test(text.slice(f.start, f.end))) return f;
  const from = Math.max(0, f.start - 12);
  const before = text.slice(from, f.start);
  const sinceMatch = SINCE.exec(before);
  const spanned = sinceMatch ? since(f, reference) : null;
  if (sinceMatch && spanned) return { ...spanned, start: from + sinceMatch.index };
  const onIn = ON_IN.exec(before);
  if (onIn) return { ...f, start: from + onIn.index };
  return f;
}

/**
 * Finds the date expressions in `text` and resolves them against the
 * article's publication date (YYYY-MM-DD). With no publication date only
 * dates the text gives in full get a value; the others are still found, with
 * reason 'needs-publication-date', so the researcher can be asked for it.
 */
export function findDateMentions(text: string, reference: string | null): DateMention[] {
  const ref = reference === null ? null : parsePublicationDate(reference);
  const found = settleOverlaps([...findNewsPhrases(text, ref), ...findChronoDates(text, ref)]);
  return found.map((f) => withPreposition(text, f, ref)).map((f): DateMention => {
    const mention = { text: text.slice(f.start, f.end), start: f.start, end: f.end, inferred: true as const, relative: f.relative };
    if (!f.value) return { ...mention, edtf: null, reason: 'needs-publication-date' };
    const edtf = toEdtf(f.value);
    // Every rule is meant to produce valid EDTF; this checks that they do, with the edtf package's own parser.
    if (!isValidEventDate(edtf)) return { ...mention, edtf: null, reason: 'not-representable' };
    return { ...mention, edtf };
  });
}
