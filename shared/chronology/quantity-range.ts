import type { Comparator } from './evidence';

// What a quantity claim allows the true figure to be. "83 killed" allows
// exactly 83; "more than 80" anything above 80; "about 80" a tolerance
// either side. Two claims about one measure at one time disagree when no
// figure satisfies both.

export interface ValueRange {
  /** -Infinity when unbounded below. */
  low: number;
  /** Infinity when unbounded above. */
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

/**
 * "About N" (~) allows N ± 10 %, and at least ± 1 when N is a whole number:
 * press figures are rounded to a round number, and "about 5 dead" does not
 * contradict "6 dead" while "about 80" does contradict "100".
 */
export const APPROXIMATE_TOLERANCE = 0.1;

export function valueRange(value: number, comparator: Comparator, tolerance = APPROXIMATE_TOLERANCE): ValueRange {
  switch (comparator) {
    case '=':
      return { low: value, high: value, lowOpen: false, highOpen: false };
    case '>':
      return { low: value, high: Infinity, lowOpen: true, highOpen: true };
    case '>=':
      return { low: value, high: Infinity, lowOpen: false, highOpen: true };
    case '<':
      return { low: -Infinity, high: value, lowOpen: true, highOpen: true };
    case '<=':
      return { low: -Infinity, high: value, lowOpen: true, highOpen: false };
    case '~': {
      const margin = Math.max(Math.abs(value) * tolerance, Number.isInteger(value) ? 1 : 0);
      return { low: value - margin, high: value + margin, lowOpen: false, highOpen: false };
    }
  }
}

/** Whether some figure lies in both ranges. */
export function rangesMeet(a: ValueRange, b: ValueRange): boolean {
  let low = a.low;
  let lowOpen = a.lowOpen;
  if (b.low > low || (b.low === low && b.lowOpen)) {
    low = b.low;
    lowOpen = b.lowOpen || (b.low === a.low && a.lowOpen);
  }
  let high = a.high;
  let highOpen = a.highOpen;
  if (b.high < high || (b.high === high && b.highOpen)) {
    high = b.high;
    highOpen = b.highOpen || (b.high === a.high && a.highOpen);
  }
  if (low < high) return true;
  return low === high && !lowOpen && !highOpen;
}

/** One measure per unit: "Killed " and "killed" are the same count. */
export function measureKey(unit: string): string {
  return unit.trim().replace(/\s+/g, ' ').toLowerCase();
}
