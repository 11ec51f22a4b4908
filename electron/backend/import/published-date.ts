// A publication date as a file states it, written as ISO 8601: a bare day
// stays YYYY-MM-DD, a date-time keeps its time and offset exactly as given.
// Nothing is shifted between time zones: "2026-01-02T02:34:11" stays that.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function day(year: number, month: number, dayOfMonth: number): string | null {
  if (month < 1 || month > 12 || dayOfMonth < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (dayOfMonth > daysInMonth) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(dayOfMonth)}`;
}

function offset(zone: string | undefined): string | null {
  if (!zone) return '';
  if (zone === 'Z' || zone === 'z') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m || Number(m[2]) > 14 || Number(m[3] ?? 0) > 59) return null;
  return `${m[1]}${m[2]}:${m[3] ?? '00'}`;
}

/**
 * ISO 8601 for a date a file gives (front matter, a dateline), or null when
 * it is not a date that can be read without guessing. Accepts ISO dates and
 * date-times (a space for the T, "+0100" offsets as Jekyll writes them),
 * YYYY/MM/DD, "January 2, 2026", "2 January 2026" and "Jan. 2, 2026".
 */
export function normalisePublishedDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string') return null;
  const s = value.trim().replace(/\s+/g, ' ');

  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)? ?(Z|z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, zone] = iso;
    const date = day(Number(y), Number(mo), Number(d));
    if (!date) return null;
    if (h === undefined) return zone ? null : date;
    if (Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 60) return null;
    const tz = offset(zone);
    if (tz === null) return null;
    return `${date}T${pad(Number(h))}:${mi}${sec !== undefined ? `:${sec}${frac ?? ''}` : ''}${tz}`;
  }

  const monthFirst = /^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(s);
  if (monthFirst) {
    const month = MONTHS[monthFirst[1]!.toLowerCase()];
    return month ? day(Number(monthFirst[3]), month, Number(monthFirst[2])) : null;
  }
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,? (\d{4})$/.exec(s);
  if (dayFirst) {
    const month = MONTHS[dayFirst[2]!.toLowerCase()];
    return month ? day(Number(dayFirst[3]), month, Number(dayFirst[1])) : null;
  }
  return null;
}
