import type { DateValue } from './date-value';

/** A date expression found in text by one of the finders, before they are merged. */
export interface FoundExpression {
  /** UTF-16 code units, as JavaScript strings count them. */
  start: number;
  end: number;
  /** null when the expression needs a publication date that was not given. */
  value: DateValue | null;
  /** Whether the value depends on the publication date ("on Wednesday") or not ("2 September 2025"). */
  relative: boolean;
  /** Our own phrase rules win over chrono-node's reading of the same words. */
  source: 'chrono' | 'news';
}
