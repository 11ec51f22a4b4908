import type { CalendarDay } from './calendar-day';
import { addDays, addMonths, compareDays, daysInMonth, mondayOf, weekday } from './calendar-day';
import type { DatePoint, DateValue } from './date-value';
import { dayInterval, dayPoint, interval, monthPoint, point } from './date-value';
import type { FoundExpression } from './found-expression';
import { HOLIDAYS } from './holidays';

// The date phrases of news writing that chrono-node misses or reads in a way
// that does not fit reporting: a report looks back from its publication date,
// so "on Monday" in a Friday paper is four days earlier, not three days later,
// and "last week" is a week, not the day seven days ago.
//
// The rules, each written once here and documented by the tests:
// - Bare weekday, month or holiday: the most recent one on or before the
//   publication date. "last <weekday/holiday>": strictly before it.
//   "last <month>": the most recent such month before the publication month
//   ("last July" in September 2025 is July 2025). "this …": the one of the
//   current week/year. "next …": the first after the publication date.
// - Weeks run Monday to Sunday. "this week" ends at the publication date (a
//   report cannot know the rest of the week), "last week" is the whole week.
// - "earlier this month/week/year" runs from its start to the publication
//   date, "later this …" from the publication date to its end.
// - early / mid / late split a month into days 1–10, 11–20 and 21–end, a year
//   into January–April, May–August and September–December, a week into
//   Monday–Wednesday, Tuesday–Thursday and Thursday–Sunday. The bounds a
//   writer would not vouch for carry EDTF `~` (approximate): "early last
//   month" in November 2025 is 2025-10-01/2025-10-10~.
// - "the past three months" is a span ending at the publication date, its
//   start approximate at the precision of the unit (2025-10~/2026-01-02).
// - A bare year counts only after a word that makes it a time ("in 2013",
//   "since 2013", "during 2024"): "the 2025 budget" names a budget.

type Found = Omit<FoundExpression, 'source'>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, 'a couple of': 2, 'couple of': 2,
};

const MONTH_RE = MONTHS.join('|');
const WEEKDAY_RE = WEEKDAYS.join('|');
const YEAR_RE = '(?:1[89]|20)\\d{2}';
const NUMBER_RE = `\\d{1,3}|a\\s+couple\\s+of|couple\\s+of|${Object.keys(NUMBER_WORDS).filter((w) => !w.includes(' ')).join('|')}`;
// early/mid/late, or "the start of", "the middle of", "the end of". Not
// "since the start of": "since" makes a span, in date-mentions.ts.
const PART_RE = '(?:(early|mid|late)[\\s-]+|(?:(?:at|by)\\s+)?the\\s+(start|beginning|middle|end)\\s+of\\s+)';

type Part = 'early' | 'mid' | 'late';
type Direction = 'plain' | 'last' | 'this' | 'next' | 'recent';

function partOf(short: string | undefined, long: string | undefined): Part | undefined {
  const word = (short ?? long)?.toLowerCase();
  if (!word) return undefined;
  if (word === 'early' || word === 'start' || word === 'beginning') return 'early';
  if (word === 'mid' || word === 'middle') return 'mid';
  return 'late';
}

function directionOf(word: string | undefined): Direction {
  const w = word?.toLowerCase().replace(/\s+/g, ' ');
  if (!w) return 'plain';
  if (['last', 'past', 'this past', 'previous', 'the past', 'the last'].includes(w)) return 'last';
  if (w === 'this') return 'this';
  if (w === 'next') return 'next';
  if (w === 'recent' || w === 'a recent') return 'recent';
  return 'plain';
}

/** Proper names (months, weekdays, holidays) are capitalised in news text; "may" and "march" are verbs. */
function capitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function* matches(text: string, source: string): Generator<RegExpExecArray> {
  const re = new RegExp(source, 'giu');
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

function found(m: RegExpExecArray, value: DateValue | null, relative: boolean): Found {
  return { start: m.index, end: m.index + m[0].length, value, relative };
}

/** For rules that need the publication date: no date, no value. */
function relativeFound(m: RegExpExecArray, reference: CalendarDay | null, resolve: (ref: CalendarDay) => DateValue): Found {
  return found(m, reference ? resolve(reference) : null, true);
}

// ---- periods and their parts -------------------------------------------

function monthValue(year: number, month: number, part: Part | undefined): DateValue {
  if (!part) return point(monthPoint(year, month));
  const last = daysInMonth(year, month);
  const day = (d: number, approximate = false): DatePoint => ({ year, month, day: d, approximate });
  if (part === 'early') return interval(day(1), day(10, true));
  if (part === 'mid') return interval(day(11, true), day(20, true));
  return interval(day(21, true), day(last));
}

function yearValue(year: number, part: Part | undefined): DateValue {
  if (!part) return point({ year });
  if (part === 'early') return interval(monthPoint(year, 1), monthPoint(year, 4, { approximate: true }));
  if (part === 'mid') return interval(monthPoint(year, 5, { approximate: true }), monthPoint(year, 8, { approximate: true }));
  return interval(monthPoint(year, 9, { approximate: true }), monthPoint(year, 12));
}

function weekValue(monday: CalendarDay, part: Part): DateValue {
  const day = (offset: number, approximate = false) => dayPoint(addDays(monday, offset), { approximate });
  if (part === 'early') return interval(day(0), day(2, true));
  if (part === 'mid') return interval(day(1, true), day(3, true));
  return interval(day(3, true), day(6));
}

/** Year of the month `month` seen from the publication date, by the direction rules above. */
function yearOfMonth(month: number, direction: Direction, ref: CalendarDay): number {
  switch (direction) {
    case 'last': return month < ref.month ? ref.year : ref.year - 1;
    case 'this': return ref.year;
    case 'next': return month > ref.month ? ref.year : ref.year + 1;
    default: return month <= ref.month ? ref.year : ref.year - 1;
  }
}

// ---- the recognisers ------------------------------------------------------

// "Super Tuesday", "Ash Wednesday": days with names of their own, not the plain weekday.
const NAMED_DAY = /(?:Black|Cyber|Super|Good|Holy|Maundy|Ash|Palm|Easter|Fat|Shrove|Bloody)\s+$/u;

/** "on Thursday", "On Tuesday afternoon", "last Friday", "on a recent Wednesday". */
function weekdays(text: string, reference: CalendarDay | null): Found[] {
  const out: Found[] = [];
  const re = `\\b(?:on\\s+)?(?:(a\\s+recent|recent|this\\s+past|last|this|next)\\s+)?(${WEEKDAY_RE})(?:\\s+(?:morning|afternoon|evening|night))?\\b`;
  for (const m of matches(text, re)) {
    const nameAt = m.index + m[0].indexOf(m[2]!);
    if (!capitalised(m[2]!) || NAMED_DAY.test(text.slice(Math.max(0, nameAt - 12), nameAt))) continue;
    const target = WEEKDAYS.findIndex((w) => w.toLowerCase() === m[2]!.toLowerCase());
    const direction = directionOf(m[1]);
    out.push(relativeFound(m, reference, (ref) => {
      const back = (weekday(ref) - target + 7) % 7;
      switch (direction) {
        case 'last': return point(dayPoint(addDays(ref, -(back || 7))));
        case 'this': return point(dayPoint(addDays(mondayOf(ref), (target + 6) % 7)));
        case 'next': return point(dayPoint(addDays(ref, (target - weekday(ref) + 7) % 7 || 7)));
        // "a recent Wednesday" says it was not necessarily the last one.
        case 'recent': return point(dayPoint(addDays(ref, -back), { uncertain: true }));
        default: return point(dayPoint(addDays(ref, -back)));
      }
    }));
  }
  return out;
}

/** "over the weekend", "last weekend", "this weekend". */
function weekends(text: string, reference: CalendarDay | null): Found[] {
  const out: Found[] = [];
  for (const m of matches(text, '\\b(?:(?:over|during|on|at)\\s+)?(the|this\\s+past|past|last|this|next)\\s+weekend\\b')) {
    const direction = directionOf(m[1]);
    out.push(relativeFound(m, reference, (ref) => {
      const lastSaturday = addDays(ref, -((weekday(ref) + 1) % 7));
      let saturday: CalendarDay;
      if (direction === 'last') saturday = compareDays(addDays(lastSaturday, 1), ref) < 0 ? lastSaturday : addDays(lastSaturday, -7);
      else if (direction === 'this') saturday = addDays(mondayOf(ref), 5);
      else if (direction === 'next') saturday = addDays(lastSaturday, 7);
      else saturday = lastSaturday;
      return dayInterval(saturday, addDays(saturday, 1));
    }));
  }
  return out;
}

const HOLIDAY_SUFFIX = '(night|morning|afternoon|evening|weekend|holidays?|break|period|season)';
const CUE_BEFORE = /\b(?:since|until|till|before|after|by|for|around|from|between|and|through|of)\s+$/i;

/** "Thanksgiving night", "over the Christmas holidays", "on Christmas Eve", "Easter 2024". */
function holidays(text: string, reference: CalendarDay | null): Found[] {
  const out: Found[] = [];
  const names = HOLIDAYS.map((h) => `(${h.pattern})`).join('|');
  const re = `\\b(?:(on|at|over|during)\\s+)?(?:the\\s+)?(?:(last|this|next)\\s+)?(?:${names})(?:\\s+${HOLIDAY_SUFFIX})?(?:,?\\s+(${YEAR_RE})(?!\\d))?\\b`;
  const first = 3; // the holidays' groups follow the preposition and direction groups
  for (const m of matches(text, re)) {
    const index = HOLIDAYS.findIndex((_, i) => m[first + i] !== undefined);
    const holiday = HOLIDAYS[index]!;
    const name = m[first + index]!;
    const suffix = m[first + HOLIDAYS.length]?.toLowerCase();
    const year = m[first + HOLIDAYS.length + 1];
    if (!capitalised(name)) continue;
    const cued = m[1] || m[2] || suffix || year || CUE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index));
    if (holiday.needsCue && !cued) continue;
    const useSpan = !!holiday.span && !!suffix && /^(weekend|holidays?|break|period|season)$/.test(suffix);
    // Holidays and breaks have no fixed bounds; a weekend does.
    const approximate = useSpan && suffix !== 'weekend';
    const occurrence = (y: number): [CalendarDay, CalendarDay] => {
      if (useSpan) return holiday.span!(y);
      const day = holiday.dayIn(y);
      return [day, day];
    };
    const valueOf = ([from, to]: [CalendarDay, CalendarDay]): DateValue =>
      interval(dayPoint(from, { approximate }), dayPoint(to, { approximate }));
    if (year) {
      out.push(found(m, valueOf(occurrence(Number(year))), false));
      continue;
    }
    const direction = directionOf(m[2]);
    out.push(relativeFound(m, reference, (ref) => {
      let y = ref.year;
      if (direction === 'next') {
        while (compareDays(occurrence(y)[0], ref) <= 0) y += 1;
        while (compareDays(occurrence(y - 1)[0], ref) > 0) y -= 1;
      } else if (direction === 'this') {
        // The occurrence under way at publication (Christmas holidays seen on 1 January), else this year's.
        if (compareDays(occurrence(y - 1)[1], ref) >= 0) y -= 1;
      } else {
        const strictly = direction === 'last';
        const started = (yy: number) => compareDays(occurrence(yy)[0], ref) < (strictly ? 0 : 1);
        while (!started(y)) y -= 1;
      }
      return valueOf(occurrence(y));
    }));
  }
  return out;
}

/** "last July", "early last month"'s sibling "late November", "mid-December 2024". Bare months are chrono-node's. */
function monthsWithModifiers(text: string, reference: CalendarDay | null): Found[] {
  const out: Found[] = [];
  const re = `\\b${PART_RE}?(?:(this\\s+past|last|past|this|next)\\s+)?(${MONTH_RE})(?:,?\\s+(${YEAR_RE}))?\\b(?!\\s*\\d)`;
  for (const m of matches(text, re)) {
    const [, short, long, dir, name, year] = m;
    const part = partOf(short, long);
    if (!capitalised(name!) || (!part && !dir)) continue;
    const month = MONTHS.findIndex((n) => n.toLowerCase() === name!.toLowerCase()) + 1;
    if (year) {
      out.push(found(m, monthValue(Number(year), month, part), false));
      continue;
    }
    out.push(relativeFound(m, reference, (ref) => monthValue(yearOfMonth(month, directionOf(dir), ref), month, part)));
  }
  return out;
}

/** "last week", "this week", "earlier this month", "early last month", "the end of last year", "the past year". */
function relativePeriods(text: string, reference: CalendarDay | null): Found[] {
  const out: Found[] = [];
  const re = `\\b(?:${PART_RE}|(earlier|later)\\s+(?=this\\b))?(the\\s+past|the\\s+last|this\\s+past|last|past|previous|this|next|the)\\s+(week|month|year)\\b(?!\\s+of\\b)`;
  for (const m of matches(text, re)) {
    const [, short, long, earlierLater, dirWord, unitWord] = m;
    const part = partOf(short, long);
    const unit = unitWord!.toLowerCase() as 'week' | 'month' | 'year';
    const word = dirWord!.toLowerCase().replace(/\s+/g, ' ');
    // "the month" alone is no date; "the end of the month" is this month's end.
    if (word === 'the' && !part) continue;
    const direction: Direction = word === 'the' ? 'this' : directionOf(word);
    // "the past week" is the seven days up to publication; "last week" is the calendar week before this one.
    const rolling = ['past', 'this past', 'the past', 'the last'].includes(word) && !part;
    out.push(relativeFound(m, reference, (ref) => {
      if (rolling) {
        if (unit === 'week') return dayInterval(addDays(ref, -7), ref);
        const back = addMonths(ref.year, ref.month, unit === 'month' ? -1 : -12);
        return dayInterval({ ...back, day: Math.min(ref.day, daysInMonth(back.year, back.month)) }, ref);
      }
      const step = direction === 'last' ? -1 : direction === 'next' ? 1 : 0;
      if (unit === 'week') {
        const monday = addDays(mondayOf(ref), 7 * step);
        const sunday = addDays(monday, 6);
        if (earlierLater) return earlierLater.toLowerCase() === 'earlier' ? dayInterval(monday, ref) : dayInterval(ref, sunday);
        if (part) return weekValue(monday, part);
        return step === 0 ? dayInterval(monday, ref) : dayInterval(monday, sunday);
      }
      if (unit === 'month') {
        const { year, month } = addMonths(ref.year, ref.month, step);
        const first = { year, month, day: 1 };
        const last = { year, month, day: daysInMonth(year, month) };
        if (earlierLater) return earlierLater.toLowerCase() === 'earlier' ? dayInterval(first, ref) : dayInterval(ref, last);
        return monthValue(year, month, part);
      }
      const year = ref.year + step;
      if (earlierLater) {
        return earlierLater.toLowerCase() === 'earlier'
          ? dayInterval({ year, month: 1, day: 1 }, ref)
          : dayInterval(ref, { year, month: 12, day: 31 });
      }
      return yearValue(year, part);
    }));
  }
  return out;
}

/** "for the past three months", "over the last 25 years", "in the past two weeks". */
function spans(text: string, reference: CalendarDay | null): Found[] {
  const out: Found[] = [];
  const re = `\\b(?:(?:over|in|during|for|within)\\s+)?(?:the\\s+)?(?:past|last|previous)\\s+(${NUMBER_RE})\\s+(days|weeks|months|years)\\b`;
  for (const m of matches(text, re)) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase().replace(/\s+/g, ' ')];
    if (!n) continue;
    const unit = m[2]!.toLowerCase();
    out.push(relativeFound(m, reference, (ref) => {
      // Writers round these spans: the start is approximate at the unit's precision, the end is publication.
      if (unit === 'days') return dayInterval(addDays(ref, -n), ref);
      if (unit === 'weeks') return interval(dayPoint(addDays(ref, -7 * n), { approximate: true }), dayPoint(ref));
      if (unit === 'months') {
        const back = addMonths(ref.year, ref.month, -n);
        return interval(monthPoint(back.year, back.month, { approximate: true }), dayPoint(ref));
      }
      return interval({ year: ref.year - n, approximate: true }, dayPoint(ref));
    }));
  }
  return out;
}

// Meteorological seasons of the northern hemisphere, as month spans with
// approximate ends. EDTF has season codes (2019-22), but the edtf package
// reads them as quarters and Annalist's labels do not name them.
const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11], winter: [12, 14] };

/** "last summer", "this winter", "the summer of 2019". Needs a direction or a year: "the fall of Kabul" is no season. */
function seasons(text: string, reference: CalendarDay | null): Found[] {
  const out: Found[] = [];
  const re = `\\b(?:(?:in|during|over)\\s+)?(?:the\\s+)?(?:(this\\s+past|last|past|this|next)\\s+)?(spring|summer|autumn|fall|winter)(?:,?\\s+(?:of\\s+)?(${YEAR_RE}))?\\b(?![-–/]\\d)`;
  for (const m of matches(text, re)) {
    const [, dir, name, year] = m;
    const [first, last] = SEASONS[name!.toLowerCase()]!;
    // A winter runs into the next year, so "winter 2025" could be either winter; the year alone is left to be found.
    const datedYear = name!.toLowerCase() === 'winter' ? undefined : year;
    if (!dir && !datedYear) continue;
    const span = (y: number): [number, number] => [y * 12 + first - 1, y * 12 + last - 1];
    const valueOf = ([from, to]: [number, number]) => interval(
      monthPoint(Math.floor(from / 12), (from % 12) + 1, { approximate: true }),
      monthPoint(Math.floor(to / 12), (to % 12) + 1, { approximate: true }),
    );
    if (datedYear) {
      out.push(found(m, valueOf(span(Number(datedYear))), false));
      continue;
    }
    const direction = directionOf(dir);
    out.push(relativeFound(m, reference, (ref) => {
      const now = ref.year * 12 + ref.month - 1;
      let y = ref.year;
      if (direction === 'last') {
        while (span(y)[1] >= now) y -= 1;
      } else if (direction === 'next') {
        while (span(y)[0] <= now) y += 1;
        while (span(y - 1)[0] > now) y -= 1;
      } else if (span(y - 1)[1] >= now) {
        y -= 1; // "this winter" in January is the one that began in December
      }
      return valueOf(span(y));
    }));
  }
  return out;
}

/** "this morning", "this afternoon": the publication day. chrono-node gives them a time but no date. */
function partsOfToday(text: string, reference: CalendarDay | null): Found[] {
  const out: Found[] = [];
  for (const m of matches(text, '\\bthis\\s+(?:morning|afternoon|evening)\\b')) {
    out.push(relativeFound(m, reference, (ref) => point(dayPoint(ref))));
  }
  return out;
}

/** "early 2025", "the end of 2024", "2018–2023", "between 2018 and 2023", "the 1990s", "in 2013". */
function years(text: string): Found[] {
  const out: Found[] = [];
  const notDateAfter = '(?![-–/.:]\\d)';
  for (const m of matches(text, `\\b${PART_RE}(${YEAR_RE})\\b${notDateAfter}`)) {
    out.push(found(m, yearValue(Number(m[3]), partOf(m[1], m[2])), false));
  }
  const range = `(?<![\\d/.\\-–])\\b(?:(from|between)\\s+)?(${YEAR_RE})(?:\\s*([-–—])\\s*|\\s+(to|and|until|through)\\s+)(${YEAR_RE}|\\d{2})\\b${notDateAfter}`;
  for (const m of matches(text, range)) {
    const [, lead, a, dash, word, b] = m;
    const leadWord = lead?.toLowerCase();
    const joinWord = word?.toLowerCase();
    // "in 2018 and 2023" is two years, not a span: words join a span only after "from" or "between".
    const joinedByWords = leadWord === 'between' ? joinWord === 'and' : leadWord === 'from' && joinWord !== 'and';
    if (!dash && !joinedByWords) continue;
    const from = Number(a);
    const to = b!.length === 2 ? Math.floor(from / 100) * 100 + Number(b) : Number(b);
    if (to <= from) continue;
    out.push(found(m, interval({ year: from }, { year: to }), false));
  }
  for (const m of matches(text, `\\b(?:the\\s+)?((?:1[89]|20)\\d)0s\\b`)) {
    // EDTF's unspecified digit: some year of that decade.
    out.push(found(m, point({ year: Number(m[1]) * 10, decade: true }), false));
  }
  const cue = '(?<=\\b(?:in|since|during|throughout|until|till|by|from|before|after|of|through)\\s+)';
  for (const m of matches(text, `${cue}(${YEAR_RE})\\b(?![-–/.:,]?\\d)(?!s\\b)`)) {
    out.push(found(m, point({ year: Number(m[1]) }), false));
  }
  return out;
}

export function findNewsPhrases(text: string, reference: CalendarDay | null): FoundExpression[] {
  return [
    ...weekdays(text, reference),
    ...weekends(text, reference),
    ...holidays(text, reference),
    ...monthsWithModifiers(text, reference),
    ...relativePeriods(text, reference),
    ...spans(text, reference),
    ...seasons(text, reference),
    ...partsOfToday(text, reference),
    ...years(text),
  ].map((f) => ({ ...f, source: 'news' as const }));
}
