import edtf from 'edtf';
import { parseEventDate } from '../dates/event-date';

// The stretch of time an EDTF date can mean, for asking whether two dates can
// both be true. Sort keys (parseEventDate) answer a different question: there
// "../2025-09-02" sorts at 2 September, here it reaches back without end.
//
// parseEventDate runs the edtf package's grammar: about 0.3 ms a date here,
// 0.5 ms a range, which for a chronology of 20,000 dated claims would be most
// of the time budget. Plain dates (2025, 2025-12, 2025-12-31, with one
// trailing qualifier) are therefore read directly, everything else through
// the package, and every answer is cached by its string.

export interface TimeSpan {
  /** Earliest instant, ms since epoch (UTC); -Infinity for an open start. */
  start: number;
  /** Latest instant, inclusive; Infinity for an open end. */
  end: number;
}

/**
 * 'widen': an approximate date (~ or %) is taken to reach past what it names:
 * by APPROXIMATE_DAYS at day precision ("c. 30 December" may be the 28th or
 * 2 January), by one month at month or season precision, by one year at year
 * precision. An uncertain date (?) is not widened: the source may be wrong,
 * but what it says is still that day, and a disagreement is worth a look.
 * 'as-written': the bounds the date names, as the edtf package gives them
 * (for filters: "January 2026" should not bring in "c. December 2025").
 */
export type Approximation = 'widen' | 'as-written';

export const APPROXIMATE_DAYS = 3;

const DAY_MS = 86_400_000;
const SIMPLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;
// One side of a range with its components, qualifiers anywhere (level 2 puts
// them before a component as well): enough to know its precision.
const COMPONENTS = /^[?~%]?(\d{4})[?~%]?(?:-[?~%]?(\d{2})[?~%]?(?:-[?~%]?(\d{2})[?~%]?)?)?$/;

type Precision = 'year' | 'month' | 'season' | 'day';

function utc(year: number, monthIndex: number, day: number): number {
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  return new Date(0).setUTCFullYear(year, monthIndex, day);
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return d.setUTCMonth(d.getUTCMonth() + months);
}

function widen(span: TimeSpan, precision: Precision): TimeSpan {
  switch (precision) {
    case 'day':
      return { start: span.start - APPROXIMATE_DAYS * DAY_MS, end: span.end + APPROXIMATE_DAYS * DAY_MS };
    case 'month':
    case 'season':
      // Month ends move from the first instant of the next month, so that
      // 31 January + 1 month is the end of February, not 3 March.
      return { start: addMonths(span.start, -1), end: addMonths(span.end + 1, 1) - 1 };
    case 'year':
      return { start: addMonths(span.start, -12), end: addMonths(span.end + 1, 12) - 1 };
  }
}

/** A plain date read without the grammar; null when it is not one (or not a real day). */
function simpleSpan(value: string, approximation: Approximation): TimeSpan | null {
  const m = SIMPLE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  let span: TimeSpan;
  let precision: Precision;
  if (month === undefined) {
    span = { start: utc(year, 0, 1), end: utc(year + 1, 0, 1) - 1 };
    precision = 'year';
  } else if (day === undefined) {
    span = { start: utc(year, month - 1, 1), end: utc(year, month, 1) - 1 };
    precision = 'month';
  } else {
    const start = utc(year, month - 1, day);
    if (day < 1 || new Date(start).getUTCDate() !== day) return null;
    span = { start, end: start + DAY_MS - 1 };
    precision = 'day';
  }
  const approximate = m[4] === '~' || m[4] === '%';
  return approximate && approximation === 'widen' ? widen(span, precision) : span;
}

function precisionOf(side: string): Precision | null {
  const m = COMPONENTS.exec(side);
  if (!m) return null;
  if (m[3] !== undefined) return 'day';
  if (m[2] !== undefined) return Number(m[2]) > 12 ? 'season' : 'month';
  return 'year';
}

/** One end of a range, or a whole date that is not a range. */
function sideSpan(side: string, approximation: Approximation): TimeSpan {
  const simple = simpleSpan(side, approximation);
  if (simple) return simple;
  const parsed = edtf(side);
  const span = { start: parsed.min, end: parsed.max };
  if (approximation === 'widen' && /[~%]/.test(side)) {
    // Sets ([a,b], {a,b}) and unspecified digits (2025-1X) have no single
    // precision: they keep the bounds they name.
    const precision = precisionOf(side);
    if (precision) return widen(span, precision);
  }
  return span;
}

const isOpen = (side: string) => side === '..' || side === '';

/**
 * A range of plain dates or open ends, read without the grammar; undefined
 * when the grammar has to decide. The grammar wants the start to begin
 * strictly before the end begins, as written ("2025-12/2025-12-31" is a
 * range, "2025-12-01/2025-12" is not).
 */
function simpleRange(value: string, approximation: Approximation): TimeSpan | undefined {
  const slash = value.indexOf('/');
  if (slash === -1 || value.indexOf('/', slash + 1) !== -1) return undefined;
  const from = value.slice(0, slash);
  const to = value.slice(slash + 1);
  if (isOpen(from) && isOpen(to)) return undefined;
  const a = isOpen(from) ? null : simpleSpan(from, 'as-written');
  const b = isOpen(to) ? null : simpleSpan(to, 'as-written');
  if ((!a && !isOpen(from)) || (!b && !isOpen(to))) return undefined;
  if (a && b && !(a.start < b.start)) return undefined;
  const start = a ? simpleSpan(from, approximation)!.start : -Infinity;
  const end = b ? simpleSpan(to, approximation)!.end : Infinity;
  return { start, end };
}

/** The span an EDTF date can mean, or null when it is not a date Annalist reads. */
export function edtfSpan(input: string, approximation: Approximation = 'widen'): TimeSpan | null {
  const value = input.trim();
  const fast = simpleSpan(value, approximation) ?? simpleRange(value, approximation);
  if (fast) return fast;
  try {
    // Validation only: the grammar decides what is EDTF, as everywhere else.
    parseEventDate(value);
    const slash = value.indexOf('/');
    if (slash === -1) return sideSpan(value, approximation);
    const from = value.slice(0, slash);
    const to = value.slice(slash + 1);
    // ".." is an open end, "" an unknown one: either may reach any distance.
    const start = isOpen(from) ? -Infinity : sideSpan(from, approximation).start;
    const end = isOpen(to) ? Infinity : sideSpan(to, approximation).end;
    if (Number.isNaN(start) || Number.isNaN(end) || start > end) return null;
    return { start, end };
  } catch {
    return null;
  }
}

export function spansOverlap(a: TimeSpan, b: TimeSpan): boolean {
  return a.start <= b.end && b.start <= a.end;
}

const MAX_CACHED = 100_000;

/**
 * edtfSpan with memory. A chronology repeats the same few hundred days
 * thousands of times, so one cache per approximation mode is shared by every
 * call; it forgets everything when it grows past MAX_CACHED strings.
 */
export class EdtfSpanCache {
  private readonly spans = new Map<string, TimeSpan | null>();

  constructor(readonly approximation: Approximation = 'widen') {}

  get(edtfValue: string): TimeSpan | null {
    let span = this.spans.get(edtfValue);
    if (span === undefined) {
      span = edtfSpan(edtfValue, this.approximation);
      if (this.spans.size >= MAX_CACHED) this.spans.clear();
      this.spans.set(edtfValue, span);
    }
    return span;
  }

  get size(): number {
    return this.spans.size;
  }

  /** Forgets every date (to measure a first reading, or to free memory). */
  clear(): void {
    this.spans.clear();
  }
}

export const widenedSpans = new EdtfSpanCache('widen');
export const writtenSpans = new EdtfSpanCache('as-written');
