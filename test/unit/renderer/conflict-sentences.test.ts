import { describe, expect, it } from 'vitest';
import { conflictSentence, conflictSummary, dateAssertionWords } from '../../../renderer/features/chronology/conflict-sentences';
import type { Conflict } from '../../../shared/chronology/corroboration';
import { chronologyEvents, claim, passage } from './chronology-fixtures';

const ap = { articleId: 1, outlet: 'AP' };
const reuters = { articleId: 2, outlet: 'Reuters' };
const bbc = { articleId: 3, outlet: 'BBC' };

describe('what disagrees, in words', () => {
  it('says which dates the sources give, in words, as the PDF and the CLI do', () => {
    const [event] = chronologyEvents([
      {
        id: 1,
        date: '2025-12-31',
        claims: [claim({ date: '2025-12-30', evidence: [passage(ap)] }), claim({ date: '2025-12-31', evidence: [passage(reuters)] })],
      },
    ]);
    const conflict = event!.corroboration.conflicts.find((c) => c.kind === 'date')!;
    expect(conflictSentence(conflict)).toBe('Sources give different dates: 30 December 2025 (AP) vs 31 December 2025 (Reuters).');
    // On the event itself, each date with who gives it, the event's own date marked.
    expect(conflict.kind === 'date' && conflict.dates.map(dateAssertionWords)).toEqual(['30 December 2025 (AP)', '31 December 2025 (Reuters; the event’s date)']);
  });

  it('marks a date only the event gives, and reads approximate dates and ranges as words', () => {
    expect(dateAssertionWords({ edtf: '2025-09~', claimIds: [], sources: [], eventDate: true })).toBe('c. September 2025 (the event’s date)');
    expect(dateAssertionWords({ edtf: '2025-12-26/2025-12-31', claimIds: [4], sources: ['AP / The Independent'], eventDate: false })).toBe(
      'between 26 and 31 December 2025 (AP / The Independent)',
    );
  });

  it('gives disagreeing figures with their comparators, as-of dates in words and sources', () => {
    const [event] = chronologyEvents([
      {
        id: 1,
        date: '2026-01-02',
        claims: [
          claim({ kind: 'quantity', quantity: { value: 21, comparator: '=', unit: 'strikes', asOf: '2026-01' }, evidence: [passage(reuters)] }),
          claim({ kind: 'quantity', quantity: { value: 30, comparator: '>', unit: 'strikes', asOf: '2026-01-02' }, evidence: [passage(bbc)] }),
        ],
      },
    ]);
    const conflict = event!.corroboration.conflicts.find((c) => c.kind === 'quantity')!;
    expect(conflictSentence(conflict)).toBe('Figures for “strikes” disagree: 21 as of January 2026 (Reuters) vs more than 30 as of 2 January 2026 (BBC).');
  });

  it('counts supporting and disputing sources', () => {
    const [event] = chronologyEvents([
      {
        id: 1,
        date: '2025-12',
        claims: [claim({ evidence: [passage(ap)] }), claim({ evidence: [passage(reuters)] }), claim({ eventStance: 'disputes', evidence: [passage(bbc)] })],
      },
    ]);
    expect(event!.corroboration.conflicts.map(conflictSentence)).toEqual(['2 sources support this event, 1 disputes it.']);
  });

  it('names the kinds of disagreement on the flag', () => {
    const date: Conflict = { kind: 'date', dates: [] };
    const stance: Conflict = { kind: 'stance', supporting: 1, disputing: 1 };
    const quantity: Conflict = { kind: 'quantity', unit: 'killed', items: [] };
    expect(conflictSummary([date])).toBe('Dates disagree');
    expect(conflictSummary([date, quantity, quantity, stance])).toBe('Dates, figures and sources disagree');
    expect(conflictSummary([quantity, stance])).toBe('Figures and sources disagree');
    expect(conflictSummary([])).toBe('');
  });
});
