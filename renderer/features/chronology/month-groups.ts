import { writtenSpans } from '../../../shared/chronology/edtf-span';

// The chronology list as the virtualiser draws it: one flat run of rows, a
// month heading before each month's events. An event sits under the month
// its earliest moment falls in ("2025", "2025-12-26/2026-01-03" and
// "2025-12~" under January 2025, December 2025, December 2025), and its
// label says the rest. An open start ("../2025-09-02") has no earliest
// moment; it goes where the back end sorts it, under the month it ends in.

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

export interface Month {
  /** "2025-12"; "undated" for a date that cannot be read. */
  key: string;
  /** "December 2025" */
  label: string;
}

export const UNDATED: Month = { key: 'undated', label: 'Undated' };

function yearLabel(year: number): string {
  // Astronomical year 0 is 1 BC; a negative year -n is n + 1 BC.
  return year > 0 ? String(year) : `${1 - year} BC`;
}

function monthAt(ms: number): Month {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const key = `${year < 0 ? '-' : ''}${String(Math.abs(year)).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
  return { key, label: `${MONTHS[month]} ${yearLabel(year)}` };
}

/** The month an EDTF date is listed under. */
export function monthOf(edtf: string): Month {
  const span = writtenSpans.get(edtf.trim());
  if (!span) return UNDATED;
  if (Number.isFinite(span.start)) return monthAt(span.start);
  if (Number.isFinite(span.end)) return monthAt(span.end);
  return UNDATED;
}

export interface MonthRow {
  kind: 'month';
  month: Month;
  /** Events listed under this heading. */
  count: number;
}

export interface EventRow<E> {
  kind: 'event';
  event: E;
  /** Position among the events (not the rows), from 0. */
  eventIndex: number;
}

export type ListRow<E> = MonthRow | EventRow<E>;

export interface MonthGrouping<E> {
  rows: ListRow<E>[];
  /** Row index of each event, by event index. */
  rowOfEvent: number[];
  /** Row indexes of the month headings, in order. */
  headingRows: number[];
}

/**
 * Rows for events already in date order. A month that comes round again
 * (only possible if the order is not by earliest moment) gets a heading
 * again rather than pulling its events out of order.
 */
export function groupByMonth<E extends { date: string }>(events: readonly E[]): MonthGrouping<E> {
  const rows: ListRow<E>[] = [];
  const rowOfEvent: number[] = new Array(events.length);
  const headingRows: number[] = [];
  let current: MonthRow | null = null;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const month = monthOf(event.date);
    if (!current || current.month.key !== month.key) {
      current = { kind: 'month', month, count: 0 };
      headingRows.push(rows.length);
      rows.push(current);
    }
    current.count++;
    rowOfEvent[i] = rows.length;
    rows.push({ kind: 'event', event, eventIndex: i });
  }
  return { rows, rowOfEvent, headingRows };
}

/** The heading in force at a row: the last heading at or before it (binary search; headings are sorted). */
export function headingAt(headingRows: readonly number[], row: number): number | null {
  let lo = 0;
  let hi = headingRows.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headingRows[mid]! <= row) {
      found = headingRows[mid]!;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
