import type { CalendarDay } from './calendar-day';
import { addDays, daysInMonth, weekday } from './calendar-day';

// Holidays that news text dates events by ("Thanksgiving night", "over the
// Christmas holidays"). Thanksgiving, Labor Day and Memorial Day are the US
// ones: English-language news about US politics uses them far more than the
// Canadian Thanksgiving or other countries' holidays of the same name.
export interface Holiday {
  /** A regular-expression source for the name; news-phrases.ts requires a capital first letter, as a proper name has. */
  pattern: string;
  /** Whether the bare name can be a date on its own ("Christmas" is also an adjective: "Christmas tree"). */
  needsCue: boolean;
  dayIn(year: number): CalendarDay;
  /** The stretch meant by "<name> weekend" or "<name> holidays", for holidays that have one. */
  span?(year: number): [CalendarDay, CalendarDay];
}

function fixed(month: number, day: number) {
  return (year: number): CalendarDay => ({ year, month, day });
}

/** The n-th given weekday (0 = Sunday) of a month; n = -1 is the last one. */
function nthWeekday(month: number, day: number, n: number) {
  return (year: number): CalendarDay => {
    if (n > 0) {
      const first: CalendarDay = { year, month, day: 1 };
      return addDays(first, ((day - weekday(first) + 7) % 7) + (n - 1) * 7);
    }
    const last: CalendarDay = { year, month, day: daysInMonth(year, month) };
    return addDays(last, -((weekday(last) - day + 7) % 7));
  };
}

/** Western Easter Sunday (the anonymous Gregorian computus). */
export function easterSunday(year: number): CalendarDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

const easter = (offset: number) => (year: number) => addDays(easterSunday(year), offset);

const APOS = "['’]";

/** US Thanksgiving: the fourth Thursday of November. */
const thanksgiving = nthWeekday(11, 4, 4);

// Longer names first, so "Christmas Eve" is not read as "Christmas".
export const HOLIDAYS: Holiday[] = [
  { pattern: `New Year${APOS}s Eve`, needsCue: false, dayIn: fixed(12, 31) },
  { pattern: `New Year${APOS}s Day`, needsCue: false, dayIn: fixed(1, 1) },
  { pattern: `New Year${APOS}s`, needsCue: true, dayIn: fixed(1, 1) },
  { pattern: 'Christmas Eve', needsCue: false, dayIn: fixed(12, 24) },
  // The Christmas holidays: Christmas Eve to New Year's Day. Schools and
  // offices stretch them either way, so the matcher marks both ends approximate.
  { pattern: 'Christmas Day', needsCue: false, dayIn: fixed(12, 25), span: (y) => [{ year: y, month: 12, day: 24 }, { year: y + 1, month: 1, day: 1 }] },
  { pattern: 'Christmas', needsCue: true, dayIn: fixed(12, 25), span: (y) => [{ year: y, month: 12, day: 24 }, { year: y + 1, month: 1, day: 1 }] },
  { pattern: 'Boxing Day', needsCue: false, dayIn: fixed(12, 26) },
  // Thanksgiving weekend: Thursday to Sunday.
  { pattern: 'Thanksgiving(?: Day)?', needsCue: false, dayIn: thanksgiving, span: (y) => [thanksgiving(y), addDays(thanksgiving(y), 3)] },
  { pattern: 'Black Friday', needsCue: false, dayIn: (y) => addDays(thanksgiving(y), 1) },
  { pattern: 'Labou?r Day', needsCue: false, dayIn: nthWeekday(9, 1, 1) },
  { pattern: 'Memorial Day', needsCue: false, dayIn: nthWeekday(5, 1, -1) },
  { pattern: 'Independence Day|Fourth of July|July Fourth', needsCue: false, dayIn: fixed(7, 4) },
  { pattern: 'Halloween', needsCue: true, dayIn: fixed(10, 31) },
  { pattern: `Valentine${APOS}s Day`, needsCue: false, dayIn: fixed(2, 14) },
  { pattern: 'Good Friday', needsCue: false, dayIn: easter(-2) },
  { pattern: 'Easter Monday', needsCue: false, dayIn: easter(1) },
  { pattern: 'Easter Sunday', needsCue: false, dayIn: easter(0) },
  // The Easter weekend: Good Friday to Easter Monday.
  { pattern: 'Easter', needsCue: true, dayIn: easter(0), span: (y) => [easter(-2)(y), easter(1)(y)] },
];
