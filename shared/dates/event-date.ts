import edtf, { parse } from 'edtf';
import { UserError } from '../api/result';

// Event dates are EDTF strings (ISO 8601-2). The edtf package decides what is
// valid; Annalist adds sort keys (so "2025-12" sorts beside December days)
// and a label in words for people and for exports.
export interface EventDate {
  edtf: string;
  /** Earliest instant the date can mean, ms since epoch (UTC). */
  sortStart: number;
  /** Latest instant the date can mean, ms since epoch (UTC). */
  sortEnd: number;
  label: string;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const SIMPLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;

interface SimpleParts {
  year: string;
  month?: number;
  day?: number;
  qualifier?: string;
}

function simpleParts(value: string): SimpleParts | null {
  const m = SIMPLE.exec(value);
  if (!m) return null;
  return {
    year: m[1]!,
    month: m[2] ? Number(m[2]) : undefined,
    day: m[3] ? Number(m[3]) : undefined,
    qualifier: m[4],
  };
}

function plainLabel(p: SimpleParts): string {
  if (p.day !== undefined && p.month !== undefined) return `${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
  if (p.month !== undefined) return `${MONTHS[p.month - 1]} ${p.year}`;
  return p.year;
}

function qualified(p: SimpleParts): string {
  const base = plainLabel(p);
  if (p.qualifier === '~') return `c. ${base}`;
  if (p.qualifier === '?') return `${base} (uncertain)`;
  if (p.qualifier === '%') return `c. ${base} (uncertain)`;
  return base;
}

function rangeLabel(from: SimpleParts, to: SimpleParts): string {
  if (!from.qualifier && !to.qualifier && from.year === to.year && from.day && to.day) {
    if (from.month === to.month) return `between ${from.day} and ${plainLabel(to)}`;
    return `between ${from.day} ${MONTHS[from.month! - 1]} and ${plainLabel(to)}`;
  }
  return `between ${qualified(from)} and ${qualified(to)}`;
}

/** A sentence-case label in words: "31 December 2025", "c. December 2025". */
export function dateLabel(value: string): string {
  const simple = simpleParts(value);
  if (simple) return qualified(simple);
  const [from, to] = value.split('/');
  if (from !== undefined && to !== undefined) {
    const a = simpleParts(from);
    const b = simpleParts(to);
    if ((from === '..' || from === '') && b) return `on or before ${qualified(b)}`;
    if ((to === '..' || to === '') && a) return `from ${qualified(a)}`;
    if (a && b) return rangeLabel(a, b);
  }
  return value;
}

function bounds(value: string): { min: number; max: number } {
  const [from, to] = value.split('/');
  if (to !== undefined && (from === '..' || from === '')) {
    const end = edtf(to);
    return { min: end.min, max: end.max };
  }
  if (to !== undefined && (to === '..' || to === '')) {
    const start = edtf(from!);
    return { min: start.min, max: start.max };
  }
  const v = edtf(value);
  return { min: v.min, max: v.max };
}

export function parseEventDate(input: string): EventDate {
  const value = input.trim();
  const invalid = new UserError(
    'invalid_date',
    `"${input}" is not a date Annalist understands. Write it as EDTF, for example 2025-12-31, 2025-12, 2025, 2025-12~ (about), 2025-09-02? (uncertain) or 2025-12-26/2025-12-31 (a range).`,
  );
  if (!value) throw invalid;
  try {
    parse(value);
    const { min, max } = bounds(value);
    if (!Number.isFinite(min) || !Number.isFinite(max)) throw invalid;
    return { edtf: value, sortStart: min, sortEnd: max, label: dateLabel(value) };
  } catch {
    throw invalid;
  }
}

export function isValidEventDate(input: string): boolean {
  try {
    parseEventDate(input);
    return true;
  } catch {
    return false;
  }
}
