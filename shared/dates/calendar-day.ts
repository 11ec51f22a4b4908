// Calendar arithmetic on plain days, with no time of day and no time zone:
// a publication date is a day on the calendar, and resolving "on Wednesday"
// must give the same answer wherever the researcher's computer is. Date.UTC
// is used only as a day counter.
export interface CalendarDay {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const MS_PER_DAY = 86_400_000;

export function dayNumber(d: CalendarDay): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / MS_PER_DAY);
}

export function fromDayNumber(n: number): CalendarDay {
  const date = new Date(n * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: CalendarDay, days: number): CalendarDay {
  return fromDayNumber(dayNumber(d) + days);
}

/** 0 = Sunday … 6 = Saturday, as Date and chrono-node count. */
export function weekday(d: CalendarDay): number {
  return new Date(dayNumber(d) * MS_PER_DAY).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The month `delta` months away from year-month, as {year, month}. */
export function addMonths(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12 + 12) % 12 + 1 };
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return dayNumber(a) - dayNumber(b);
}

export function sameDay(a: CalendarDay, b: CalendarDay): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day)
    && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Monday of the week holding `d`: weeks start on Monday (ISO 8601), as in most newsrooms' usage of "this week". */
export function mondayOf(d: CalendarDay): CalendarDay {
  return addDays(d, -((weekday(d) + 6) % 7));
}

/**
 * Reads a publication date written YYYY-MM-DD. A timestamp after the day
 * (as some sites give it) is ignored: only the day on the calendar counts.
 * Returns null for anything else, so callers can say what is wrong in their
 * own words.
 */
export function parseCalendarDay(value: string): CalendarDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDay(year, month, day) ? { year, month, day } : null;
}
