import type {
  Comparator,
  Conflict,
  DateAssertion,
  DateConflict,
  QuantityConflict,
  QuantityConflictItem,
  StanceConflict,
} from '../../../shared/chronology/corroboration';
import { dateLabel } from '../../../shared/dates/event-date';

// What disagrees, in words a researcher reads without opening anything
// else: the conflict flag's popover, the dispute line on an event and the
// filter hints all say it the same way.

const COMPARATOR_WORDS: Record<Comparator, string> = {
  '=': '',
  '>': 'more than',
  '>=': 'at least',
  '<': 'fewer than',
  '<=': 'at most',
  '~': 'about',
};

/** "more than 30", "21", "about 1,200". */
export function figureWords(value: number, comparator: Comparator): string {
  const words = COMPARATOR_WORDS[comparator];
  const number = value.toLocaleString('en-GB', { maximumFractionDigits: 3 });
  return words ? `${words} ${number}` : number;
}

/** Who gives a date: its sources, and the event itself when its own date is one of them. */
function assertedBy(a: DateAssertion): string[] {
  const who = [...a.sources];
  if (a.eventDate) who.push('the event’s date');
  return who;
}

/** "30 December 2025 (AP)", "31 December 2025 (Reuters; the event’s date)". */
export function dateAssertionWords(a: DateAssertion): string {
  const who = assertedBy(a);
  return who.length > 0 ? `${dateLabel(a.edtf)} (${who.join('; ')})` : dateLabel(a.edtf);
}

export function dateConflictSentence(conflict: DateConflict): string {
  return `Sources give different dates: ${conflict.dates.map(dateAssertionWords).join(', ')}`;
}

export interface QuantityWording {
  /** The event whose flag this is: figures linked to other events are named as such. */
  eventId?: number;
  /** Title of another event, to say where a figure comes from. */
  eventTitle?: (eventId: number) => string | undefined;
}

function itemWords(item: QuantityConflictItem, withDate: boolean, wording: QuantityWording): string {
  let words = figureWords(item.value, item.comparator);
  if (withDate) words += item.asOf ? ` as of ${dateLabel(item.asOf)}` : ' (no date given)';
  const where: string[] = [];
  if (item.sourceName) where.push(item.sourceName);
  if (wording.eventId !== undefined && item.eventId !== wording.eventId) {
    const title = wording.eventTitle?.(item.eventId);
    where.push(title ? `in “${title}”` : 'in another event');
  }
  return where.length > 0 ? `${words} (${where.join(', ')})` : words;
}

export function quantityConflictSentence(conflict: QuantityConflict, wording: QuantityWording = {}): string {
  const asOf = new Set(conflict.items.map((i) => i.asOf));
  const shared = asOf.size === 1 ? [...asOf][0]! : undefined;
  // One as-of date for all: say it once. None at all: the figures were
  // compared because they back the same event. Several: each gets its own.
  const when =
    shared === undefined ? ' at overlapping times' : shared === null ? ' (no as-of date given)' : ` as of ${dateLabel(shared)}`;
  const items = conflict.items.map((i) => itemWords(i, shared === undefined, wording));
  return `Figures disagree for ‘${conflict.unit}’${when}: ${items.join(' vs ')}`;
}

export function stanceConflictSentence(conflict: StanceConflict): string {
  const s = conflict.supporting;
  const d = conflict.disputing;
  return `${s} ${s === 1 ? 'source supports' : 'sources support'}, ${d} ${d === 1 ? 'disputes' : 'dispute'}`;
}

export function conflictSentence(conflict: Conflict, wording: QuantityWording = {}): string {
  switch (conflict.kind) {
    case 'date':
      return dateConflictSentence(conflict);
    case 'quantity':
      return quantityConflictSentence(conflict, wording);
    case 'stance':
      return stanceConflictSentence(conflict);
  }
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
