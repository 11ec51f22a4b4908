import type { CalendarDay } from './calendar-day';
import { sameDay } from './calendar-day';

// What a date expression resolves to, before it is written as EDTF. Precision
// is kept as the text gives it: "last July" is a month, not 1 July.
export interface DatePoint {
  year: number;
  /** "the 1990s": some year of the decade starting at `year`, EDTF `199X`. */
  decade?: boolean;
  month?: number;
  day?: number;
  /** EDTF `~`: the text is vague about where this bound lies ("early", "the Christmas holidays"). */
  approximate?: boolean;
  /** EDTF `?`: the text names the date but our reading may be wrong ("a recent Wednesday", 03/04/2025). */
  uncertain?: boolean;
}

export type DateValue =
  | { kind: 'point'; point: DatePoint }
  | { kind: 'interval'; from: DatePoint; to: DatePoint | 'open' };

export function dayPoint(d: CalendarDay, flags: Pick<DatePoint, 'approximate' | 'uncertain'> = {}): DatePoint {
  return { year: d.year, month: d.month, day: d.day, ...flags };
}

export function monthPoint(year: number, month: number, flags: Pick<DatePoint, 'approximate' | 'uncertain'> = {}): DatePoint {
  return { year, month, ...flags };
}

export function point(p: DatePoint): DateValue {
  return { kind: 'point', point: p };
}

/** An interval; one that starts and ends on the same day is just that day, which EDTF tools handle better. */
export function interval(from: DatePoint, to: DatePoint | 'open'): DateValue {
  if (to !== 'open' && samePoint(from, to)) return point(from);
  return { kind: 'interval', from, to };
}

export function dayInterval(from: CalendarDay, to: CalendarDay): DateValue {
  return sameDay(from, to) ? point(dayPoint(from)) : interval(dayPoint(from), dayPoint(to));
}

function samePoint(a: DatePoint, b: DatePoint): boolean {
  return a.year === b.year && !!a.decade === !!b.decade && a.month === b.month && a.day === b.day
    && !!a.approximate === !!b.approximate && !!a.uncertain === !!b.uncertain;
}

/** Where a value begins, for "since …": since last week is since the Monday of last week. */
export function firstPoint(value: DateValue): DatePoint {
  return value.kind === 'point' ? value.point : value.from;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function pointEdtf(p: DatePoint): string {
  let s = p.decade ? `${pad(p.year, 4).slice(0, 3)}X` : pad(p.year, 4);
  if (p.month !== undefined) s += `-${pad(p.month, 2)}`;
  if (p.month !== undefined && p.day !== undefined) s += `-${pad(p.day, 2)}`;
  if (p.approximate && p.uncertain) return `${s}%`;
  if (p.approximate) return `${s}~`;
  if (p.uncertain) return `${s}?`;
  return s;
}

export function toEdtf(value: DateValue): string {
  if (value.kind === 'point') return pointEdtf(value.point);
  return `${pointEdtf(value.from)}/${value.to === 'open' ? '..' : pointEdtf(value.to)}`;
}
