import type { Conflict } from './corroboration';
import type { Comparator } from './evidence';

// A conflict said in words, one sentence, the same in the chronology view,
// the PDF and the CLI.

const COMPARATOR_WORDS: Record<Comparator, string> = { '=': '', '>': 'more than ', '>=': 'at least ', '<': 'fewer than ', '<=': 'at most ', '~': 'about ' };

/** "more than 110", "21", "about 80". */
export function figureWords(comparator: Comparator, value: number): string {
  return `${COMPARATOR_WORDS[comparator]}${value.toLocaleString('en-GB')}`;
}

export function conflictSentence(c: Conflict, label: (edtf: string) => string = (d) => d): string {
  switch (c.kind) {
    case 'date':
      return `Sources give different dates: ${c.dates
        .map((d) => `${label(d.edtf)}${d.sources.length ? ` (${d.sources.join('; ')})` : d.eventDate ? ' (the event’s date)' : ''}`)
        .join(' vs ')}.`;
    case 'quantity':
      return `Figures for “${c.unit}” disagree: ${c.items
        .map((i) => `${figureWords(i.comparator, i.value)}${i.asOf ? ` as of ${label(i.asOf)}` : ''} (${i.sourceName})`)
        .join(' vs ')}.`;
    case 'stance':
      return `${c.supporting} ${c.supporting === 1 ? 'source supports' : 'sources support'} this event, ${c.disputing} ${c.disputing === 1 ? 'disputes' : 'dispute'} it.`;
  }
}
