import { describe, expect, it } from 'vitest';
import { dateLabel, parseEventDate } from '../../shared/dates/event-date';

describe('event dates (EDTF)', () => {
  it.each([
    ['2025-12-31', '31 December 2025'],
    ['2025-12', 'December 2025'],
    ['2025', '2025'],
    ['2025-12~', 'c. December 2025'],
    ['2025-09-02?', '2 September 2025 (uncertain)'],
    ['2025-12-26/2025-12-31', 'between 26 and 31 December 2025'],
    ['2025-11-28/2025-12-02', 'between 28 November and 2 December 2025'],
    ['../2025-09-02', 'on or before 2 September 2025'],
    ['2025-09-02/..', 'from 2 September 2025'],
  ])('%s reads as “%s”', (edtf, label) => {
    expect(dateLabel(edtf)).toBe(label);
    expect(parseEventDate(edtf).label).toBe(label);
  });

  it('orders a month before the days inside it end', () => {
    const month = parseEventDate('2025-12');
    const day = parseEventDate('2025-12-31');
    expect(month.sortStart).toBeLessThan(day.sortStart);
    expect(month.sortEnd).toBe(day.sortEnd);
  });

  it.each(['', 'yesterday', '2025-13-01', '2025-02-30', '31/12/2025'])('rejects %j with a sentence', (bad) => {
    expect(() => parseEventDate(bad)).toThrow(/is not a date Annalist understands/);
  });
});
