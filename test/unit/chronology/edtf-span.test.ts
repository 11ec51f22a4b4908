import { describe, expect, it } from 'vitest';
import { APPROXIMATE_DAYS, EdtfSpanCache, edtfSpan, spansOverlap } from '../../../shared/chronology/edtf-span';
import { isValidEventDate, parseEventDate } from '../../../shared/dates/event-date';

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Plain dates the fast path reads, and near misses it must leave to the grammar. */
function plainDates(): string[] {
  const out: string[] = ['2025', '1999', '0987', '2025-00', '2025-13', '2025-21', '2025-02-29', '2024-02-29', '2025-04-31', '2025-12-00', '2025-12-32'];
  for (let m = 1; m <= 12; m++) {
    out.push(`2024-${pad(m)}`, `2025-${pad(m)}~`);
    for (let d = 1; d <= 31; d += 3) out.push(`2024-${pad(m)}-${pad(d)}`, `2025-${pad(m)}-${pad(d)}?`);
  }
  return out;
}

describe('EDTF spans', () => {
  it('read plain dates exactly as the edtf grammar bounds them, and refuse what it refuses', () => {
    for (const value of plainDates()) {
      const span = edtfSpan(value, 'as-written');
      if (!isValidEventDate(value)) {
        expect(span, value).toBeNull();
        continue;
      }
      const parsed = parseEventDate(value);
      expect(span, value).toEqual({ start: parsed.sortStart, end: parsed.sortEnd });
    }
  });

  it('read closed ranges from the start of one end to the end of the other, and refuse what the grammar refuses', () => {
    const ends = ['2025', '2025-11', '2025-12', '2025-12-01', '2025-12-26', '2025-12-31', '2026-01-02~', '2025-12-30?'];
    for (const from of ends) {
      for (const to of ends) {
        const value = `${from}/${to}`;
        const span = edtfSpan(value, 'as-written');
        if (!isValidEventDate(value)) {
          expect(span, value).toBeNull();
          continue;
        }
        expect(span, value).toEqual({ start: parseEventDate(from).sortStart, end: parseEventDate(to).sortEnd });
      }
    }
  });

  it('let an open or unknown end reach without limit (where sort keys stop at the date given)', () => {
    const day = parseEventDate('2025-09-02');
    expect(edtfSpan('../2025-09-02')).toEqual({ start: -Infinity, end: day.sortEnd });
    expect(edtfSpan('/2025-09-02')).toEqual({ start: -Infinity, end: day.sortEnd });
    expect(edtfSpan('2025-09-02/..')).toEqual({ start: day.sortStart, end: Infinity });
    expect(edtfSpan('2025-09-02/')).toEqual({ start: day.sortStart, end: Infinity });
  });

  it(`widen an approximate day by ${APPROXIMATE_DAYS} days, month by a month, year by a year; not an uncertain one`, () => {
    const day = parseEventDate('2025-12-30');
    expect(edtfSpan('2025-12-30~')).toEqual({ start: day.sortStart - APPROXIMATE_DAYS * DAY, end: day.sortEnd + APPROXIMATE_DAYS * DAY });
    expect(edtfSpan('2025-12-30%')).toEqual(edtfSpan('2025-12-30~'));
    expect(edtfSpan('2025-12-30?')).toEqual({ start: day.sortStart, end: day.sortEnd });
    expect(edtfSpan('2025-12~')).toEqual({ start: parseEventDate('2025-11').sortStart, end: parseEventDate('2026-01').sortEnd });
    expect(edtfSpan('2025-03~')).toEqual({ start: parseEventDate('2025-02').sortStart, end: parseEventDate('2025-04').sortEnd });
    expect(edtfSpan('2025~')).toEqual({ start: parseEventDate('2024').sortStart, end: parseEventDate('2026').sortEnd });
    expect(edtfSpan('2025-12~', 'as-written')).toEqual({ start: parseEventDate('2025-12').sortStart, end: parseEventDate('2025-12').sortEnd });
  });

  it('widen only the approximate end of a range', () => {
    expect(edtfSpan('2025-12-26/2025-12-31~')).toEqual({
      start: parseEventDate('2025-12-26').sortStart,
      end: parseEventDate('2025-12-31').sortEnd + APPROXIMATE_DAYS * DAY,
    });
  });

  it('read qualifiers on a single component through the grammar', () => {
    const month = parseEventDate('2025-12');
    expect(edtfSpan('?2025-12')).toEqual({ start: month.sortStart, end: month.sortEnd });
    expect(edtfSpan('2025-~12', 'as-written')).toEqual({ start: month.sortStart, end: month.sortEnd });
    expect(edtfSpan('2025-~12')).toEqual(edtfSpan('2025-12~'));
  });

  it('give null for what is not a date', () => {
    for (const bad of ['', 'yesterday', '31/12/2025', '2025-12-31/2025-12-26', '../..']) expect(edtfSpan(bad), bad).toBeNull();
  });

  it('overlap when they share an instant, including a month and a day inside it', () => {
    expect(spansOverlap(edtfSpan('2025-12')!, edtfSpan('2025-12-31')!)).toBe(true);
    expect(spansOverlap(edtfSpan('2025-12-30')!, edtfSpan('2025-12-31')!)).toBe(false);
    expect(spansOverlap(edtfSpan('../2025-09-02')!, edtfSpan('2025-09-02/..')!)).toBe(true);
  });

  it('are cached by their string, unreadable ones included', () => {
    const cache = new EdtfSpanCache();
    const first = cache.get('2025-12-26/2025-12-31');
    expect(cache.get('2025-12-26/2025-12-31')).toBe(first);
    expect(cache.get('nonsense')).toBeNull();
    expect(cache.get('nonsense')).toBeNull();
    expect(cache.size).toBe(2);
  });
});
