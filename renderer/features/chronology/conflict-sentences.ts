import type { Conflict, DateAssertion } from '../../../shared/chronology/corroboration';
import { conflictSentence as sharedSentence } from '../../../shared/chronology/conflict-words';
import { dateLabel } from '../../../shared/dates/event-date';

// What disagrees, in words a researcher reads without opening anything
// else. The sentence is the one the PDF and the CLI print
// (shared/chronology/conflict-words.ts), with dates in words; the view adds
// the flag's short name and the dates in dispute as a line on the event.

/** "Sources give different dates: 30 December 2025 (AP) vs 31 December 2025 (Reuters)." */
export function conflictSentence(conflict: Conflict): string {
  return sharedSentence(conflict, dateLabel);
}

/** "30 December 2025 (AP)", "31 December 2025 (Reuters; the event’s date)". */
export function dateAssertionWords(a: DateAssertion): string {
  const who = [...a.sources];
  if (a.eventDate) who.push('the event’s date');
  return who.length > 0 ? `${dateLabel(a.edtf)} (${who.join('; ')})` : dateLabel(a.edtf);
}

/** A short name for the flag itself: "Dates disagree", "Figures and sources disagree". */
export function conflictSummary(conflicts: readonly Conflict[]): string {
  const kinds = new Set(conflicts.map((c) => c.kind));
  const parts: string[] = [];
  if (kinds.has('date')) parts.push('dates');
  if (kinds.has('quantity')) parts.push('figures');
  if (kinds.has('stance')) parts.push('sources');
  if (parts.length === 0) return '';
  const joined = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${joined[0]!.toUpperCase()}${joined.slice(1)} disagree`;
}
