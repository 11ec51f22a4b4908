import type { ParsedResult, ParsingReference } from 'chrono-node/en';
import { casual } from 'chrono-node/en';
import type { CalendarDay } from './calendar-day';
import { addDays, addMonths, isValidDay } from './calendar-day';
import type { DatePoint, DateValue } from './date-value';
import { interval, point } from './date-value';
import type { FoundExpression } from './found-expression';

// chrono-node finds the dates written out in full or in part ("2 September",
// "Sept. 2", "December 26 to 31", "yesterday", "two weeks ago"). We keep what
// it finds but take from it only what the words say: the components it knows
// (a month alone stays a month), never the time of day, never the weekday-only
// readings (chrono-node picks the nearest such day, which can be after
// publication; news-phrases.ts owns weekdays), and never the year it guessed
// for a date written without one (we take the most recent on or before
// publication).
//
// `casual` is chrono-node's default English (US) configuration. Its British
// variant reads "December 10," as December 2010.

/** chrono-node needs an instant; noon UTC with a UTC zone keeps every day the same day wherever the code runs. */
function chronoReference(d: CalendarDay): ParsingReference {
  return { instant: new Date(Date.UTC(d.year, d.month - 1, d.day, 12)), timezone: 0 };
}

// Without a publication date the text is read against two unrelated days:
// what comes out the same both times does not depend on the reference.
// 400 days later differs in year, month, day of month and weekday.
const PROBE: CalendarDay = { year: 2001, month: 3, day: 14 };
const shifted = (d: CalendarDay) => addDays(d, 400);

type ParsedComponents = ParsedResult['start'];
type Precision = 'day' | 'month' | 'year';

function precisionOf(c: ParsedComponents): Precision | null {
  if (c.isCertain('day')) return 'day';
  if (c.isCertain('month')) return 'month';
  if (c.isCertain('year')) return 'year';
  return null;
}

/** Words that make a month name a time rather than a name ("Theresa May") or a verb. */
const MONTH_CUE = /(?:^|[^\p{L}])(?:in|on|since|during|until|till|by|from|through|throughout|of|last|this|next|early|mid|late|a|an|between|and|to|or|before|after)[\s-]+$/iu;

interface Reading {
  year: number;
  month?: number;
  day?: number;
}

/**
 * The date the components give, with the year or month the text left out
 * taken as the most recent on or before the reference (chrono-node takes the
 * nearest, which puts "in March" in an article of December after publication).
 */
function reading(c: ParsedComponents, precision: Precision, reference: CalendarDay): Reading | null {
  const yearKnown = c.isCertain('year');
  let year = c.get('year')!;
  let month = c.get('month')!;
  const day = c.get('day')!;
  if (precision === 'day' && !c.isCertain('month')) {
    // "on the 25th": this month's, or last month's if the 25th is still to come.
    ({ year, month } = day <= reference.day ? reference : addMonths(reference.year, reference.month, -1));
  } else if (!yearKnown) {
    year = reference.year;
    const later = precision === 'day'
      ? month > reference.month || (month === reference.month && day > reference.day)
      : month > reference.month;
    if (later) year -= 1;
  }
  if (year < 1000 || year > 2999) return null;
  if (precision === 'year') return { year };
  if (precision === 'month') return { year, month };
  return isValidDay(year, month, day) ? { year, month, day } : null;
}

function compareReadings(a: Reading, b: Reading): number {
  return a.year - b.year || (a.month ?? 1) - (b.month ?? 1) || (a.day ?? 1) - (b.day ?? 1);
}

function key(r: ParsedResult) {
  return `${r.index}:${r.text}`;
}

function sameReading(a: Reading | null, b: Reading | null): boolean {
  if (!a || !b) return a === b;
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Drops what chrono-node finds that is not a date of an event, or not one the publication date can give. */
function usable(text: string, r: ParsedResult, start: number, end: number): boolean {
  const words = text.slice(start, end);
  const tags = r.tags();
  if (tags.has('casualReference/now')) return false; // "now is the time to rise up"
  if (/\b(?:few|several|some|many)\b/i.test(words)) return false; // "in a few days": no date to suggest
  if (/\b(?:seconds?|minutes?|mins?|hours?|hrs?)\b/i.test(words)) return false; // "for several minutes"
  if (/\b(?:after|before|later|earlier|prior)$/i.test(words)) return false; // "a day after" counts from another event
  // chrono-node reads "last week" as the day a week ago; news-phrases.ts reads these, and where it declines ("the last week of December") so do we.
  if (/^(?:the\s+)?(?:last|past|this|next|previous)\s+(?:week|month|year)$/i.test(words)) return false;
  const precision = precisionOf(r.start);
  if (!precision) return false; // a time or a weekday alone
  if (precision === 'month' && !r.start.isCertain('year')) {
    const name = words.replace(/^(?:in|on)\s+/i, '');
    const before = text.slice(Math.max(0, start - 16), start + (words.length - name.length));
    if (!/^\p{Lu}/u.test(name) || !MONTH_CUE.test(before)) return false;
  }
  // 3/4 is a fraction more often than the 4th of March: slashed dates need a year.
  if (tags.has('parser/SlashDateFormatParser') && !r.start.isCertain('year')) return false;
  return true;
}

function toPoint(r: Reading, flags: Pick<DatePoint, 'approximate' | 'uncertain'>): DatePoint {
  return { ...r, ...flags };
}

/** Start and end of a result as read against `reference`; null if chrono-node's reading is not a real day. */
function readings(r: ParsedResult, reference: CalendarDay): { from: Reading; to: Reading | null } | null {
  const from = reading(r.start, precisionOf(r.start)!, reference);
  if (!from) return null;
  if (!r.end) return { from, to: null };
  let to = reading(r.end, precisionOf(r.end) ?? precisionOf(r.start)!, reference);
  // The end of "December 26 to 31" is in the start's year, of "December 30 to January 2" in the next.
  if (to && !r.end.isCertain('year')) {
    to = { ...to, year: from.year };
    if (compareReadings(to, from) < 0) to = { ...to, year: from.year + 1 };
  }
  return to ? { from, to } : null;
}

export function findChronoDates(text: string, reference: CalendarDay | null): FoundExpression[] {
  const main = reference ?? PROBE;
  const probe = shifted(main);
  const results = casual.parse(text, chronoReference(main));
  const others = new Map(casual.parse(text, chronoReference(probe)).map((r) => [key(r), r]));
  const out: FoundExpression[] = [];
  for (const r of results) {
    const start = r.index;
    const end = start + r.text.replace(/[\s,;:]+$/u, '').length;
    if (end <= start || !usable(text, r, start, end)) continue;
    const read = readings(r, main);
    if (!read) continue;
    const other = others.get(key(r));
    const otherRead = other && precisionOf(other.start) ? readings(other, probe) : null;
    const relative = !otherRead || !sameReading(read.from, otherRead.from) || !sameReading(read.to, otherRead.to);
    if (relative && !reference) {
      out.push({ start, end, value: null, relative, source: 'chrono' });
      continue;
    }
    const words = text.slice(start, end);
    // "two weeks ago" is about two weeks; "3 months ago" about that month.
    const approximate = /\b(?:weeks?|months?|years?)\s+(?:ago|from now|hence)\b|^in\s.*\b(?:weeks?|months?|years?)$/i.test(words);
    // 03/04/2025 is March or April depending on the writer's country; read as US, marked uncertain.
    const { from, to } = read;
    const uncertain = r.tags().has('parser/SlashDateFormatParser') && from.day !== undefined && from.day <= 12 && from.month !== from.day;
    const flags = { approximate, uncertain };
    const value: DateValue = to ? interval(toPoint(from, flags), toPoint(to, flags)) : point(toPoint(from, flags));
    out.push({ start, end, value, relative, source: 'chrono' });
  }
  return out;
}
