import { describe, expect, it } from 'vitest';
import { groupByMonth, headingAt, monthOf } from '../../../renderer/features/chronology/month-groups';

describe('the chronology list’s month headings', () => {
  it('puts a date under the month its earliest moment falls in', () => {
    expect(monthOf('2025-12-31')).toEqual({ key: '2025-12', label: 'December 2025' });
    expect(monthOf('2025-12')).toEqual({ key: '2025-12', label: 'December 2025' });
    expect(monthOf('2025-12~')).toEqual({ key: '2025-12', label: 'December 2025' });
    expect(monthOf('2025-09-02?')).toEqual({ key: '2025-09', label: 'September 2025' });
    // A year, and a range reaching into the next year, start where they start.
    expect(monthOf('2025')).toEqual({ key: '2025-01', label: 'January 2025' });
    expect(monthOf('2025-12-26/2026-01-03')).toEqual({ key: '2025-12', label: 'December 2025' });
    expect(monthOf('2025-09/..')).toEqual({ key: '2025-09', label: 'September 2025' });
  });

  it('files an open start under the month it ends in, where the back end sorts it', () => {
    expect(monthOf('../2025-09-02')).toEqual({ key: '2025-09', label: 'September 2025' });
  });

  it('keeps a date it cannot read apart, under "Undated"', () => {
    expect(monthOf('31/12/2025')).toEqual({ key: 'undated', label: 'Undated' });
  });

  it('gives each month one heading with its count, events in the order given', () => {
    const events = [
      { id: 1, date: '2025-09-02' },
      { id: 2, date: '2025-09~' },
      { id: 3, date: '2025-12' },
      { id: 4, date: '2025-12-26/2025-12-31' },
      { id: 5, date: '2025-12-31' },
      { id: 6, date: '2026-01-02' },
    ];
    const { rows, rowOfEvent, headingRows } = groupByMonth(events);
    expect(rows.map((r) => (r.kind === 'month' ? `${r.month.label} (${r.count})` : r.event.id))).toEqual([
      'September 2025 (2)', 1, 2,
      'December 2025 (3)', 3, 4, 5,
      'January 2026 (1)', 6,
    ]);
    expect(rowOfEvent).toEqual([1, 2, 4, 5, 6, 8]);
    expect(headingRows).toEqual([0, 3, 7]);
    // The heading in force at a row: the last one at or before it.
    expect(headingAt(headingRows, 0)).toBe(0);
    expect(headingAt(headingRows, 2)).toBe(0);
    expect(headingAt(headingRows, 3)).toBe(3);
    expect(headingAt(headingRows, 6)).toBe(3);
    expect(headingAt(headingRows, 8)).toBe(7);
    expect(headingAt([], 4)).toBeNull();
  });

  it('names years before the common era as people write them', () => {
    expect(monthOf('-0043-03').label).toBe('March 44 BC');
  });
});
