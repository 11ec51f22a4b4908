import { dateLabel, isValidEventDate } from '../../../shared/dates/event-date';

/** What an EDTF date typed in a form reads as, in words, or how to write one. */
export function DateHint({ value }: { value: string }) {
  const v = value.trim();
  if (!v) return <span className="field-hint">e.g. 2025-12-31, 2025-12, 2025-12~</span>;
  if (isValidEventDate(v)) {
    return (
      <span className="field-hint date-reads">
        Reads as <strong>{dateLabel(v)}</strong>
      </span>
    );
  }
  return <span className="field-hint">Not a date Annalist reads yet — e.g. 2025-12-31, 2025-12, 2025-12~</span>;
}
