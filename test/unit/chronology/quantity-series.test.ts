import { describe, expect, it } from 'vitest';
import { edtfSpan } from '../../../shared/chronology/edtf-span';
import { quantitySeries } from '../../../shared/chronology/quantity-series';
import { event, item } from './evidence-fixtures';
import { SEED_ARTICLES, SEED_FIGURES, seedChronology } from './seed-figures';

const killed = (value: number, asOf: string | null) => ({ value, comparator: '>' as const, unit: 'killed', asOf });

describe('quantity series for the chart', () => {
  it('charts the seeds’ death toll and strike count as two series in as-of order, one mark per source', () => {
    const series = quantitySeries(seedChronology());
    expect(series.map((s) => s.unit)).toEqual(['killed', 'strikes']);
    const toll = series[0]!;
    const figures = SEED_FIGURES.filter((f) => f.unit === 'killed');
    expect(toll.marks).toHaveLength(figures.length);
    const starts = toll.marks.map((m) => m.asOfStart!);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(toll.marks.map((m) => [m.comparator, m.value])).toEqual([
      ['>', 80],
      ['=', 83],
      ['>', 100],
      ['>', 110],
      ['>', 110],
    ]);
    expect(toll.marks.map((m) => m.sourceName).slice(2)).toEqual([
      SEED_ARTICLES['002'].outlet,
      `Unknown outlet (story ${SEED_ARTICLES['000'].articleId})`,
      SEED_ARTICLES['003'].outlet,
    ]);
    expect(toll.marks.every((m) => m.datedBy === 'as-of')).toBe(true);
  });

  it('gives each mark the range its claim allows', () => {
    const [series] = quantitySeries([
      event(1, '2025-12', [
        item({ articleId: 1, quantity: { value: 83, comparator: '=', unit: 'killed', asOf: '2025-11-29' } }),
        item({ articleId: 2, quantity: { value: 100, comparator: '>', unit: 'killed', asOf: '2025-12-30' } }),
        item({ articleId: 3, quantity: { value: 120, comparator: '<=', unit: 'killed', asOf: '2026-01-02' } }),
      ]),
    ]);
    expect(series!.marks.map((m) => [m.low, m.high])).toEqual([
      [83, 83],
      [100, null],
      [null, 120],
    ]);
  });

  it('makes one mark of a claim backed by two syndicated copies, and two of a claim backed by two outlets', () => {
    const [series] = quantitySeries([
      event(1, '2025-12', [
        item({ articleId: 1, storyId: 1, outlet: 'AP', claimId: 10, quantity: killed(100, '2025-12-30') }),
        item({ articleId: 2, storyId: 1, outlet: 'The Independent', claimId: 10, quantity: killed(100, '2025-12-30') }),
        item({ articleId: 3, storyId: 3, outlet: 'BBC', claimId: 11, quantity: killed(110, '2026-01-02') }),
        item({ articleId: 4, storyId: 4, outlet: 'Reuters', claimId: 11, quantity: killed(110, '2026-01-02') }),
      ]),
    ]);
    expect(series!.marks.map((m) => [m.claimId, m.sourceName])).toEqual([
      [10, 'AP / The Independent'],
      [11, 'BBC'],
      [11, 'Reuters'],
    ]);
  });

  it('makes one mark per source of a claim linked to two events, placed with the first', () => {
    const copy = () => item({ articleId: 1, outlet: 'AP', claimId: 10, quantity: killed(100, '2025-12-30') });
    const [series] = quantitySeries([event(5, '2025-12', [copy()]), event(6, '2026-01', [copy()])]);
    expect(series!.marks.map((m) => [m.claimId, m.eventId])).toEqual([[10, 5]]);
  });

  it('places a figure without an as-of date at its source’s publication, and one with neither last', () => {
    const [series] = quantitySeries([
      event(1, '2025-12', [
        item({ articleId: 1, outlet: 'Nobody', quantity: killed(1, null) }),
        item({ articleId: 2, outlet: 'BBC', publishedAt: '2026-01-02', quantity: killed(110, null) }),
        item({ articleId: 3, outlet: 'The Independent', quantity: killed(100, '2025-12-30') }),
      ]),
    ]);
    const published = edtfSpan('2026-01-02')!;
    expect(series!.marks.map((m) => [m.sourceName, m.datedBy, m.asOfStart, m.asOfEnd])).toEqual([
      ['The Independent', 'as-of', edtfSpan('2025-12-30')!.start, edtfSpan('2025-12-30')!.end],
      ['BBC', 'publication', published.start, published.end],
      ['Nobody', null, null, null],
    ]);
  });

  it('merges units written differently into one measure, keeping the first spelling', () => {
    const series = quantitySeries([
      event(1, '2025-12', [
        item({ articleId: 1, quantity: { value: 21, comparator: '=', unit: 'Strikes', asOf: '2025-11-29' } }),
        item({ articleId: 2, quantity: { value: 30, comparator: '>', unit: ' strikes ', asOf: '2026-01-02' } }),
      ]),
    ]);
    expect(series.map((s) => [s.measure, s.unit, s.marks.length])).toEqual([['strikes', 'Strikes', 2]]);
  });

  it('leaves an open as-of end unbounded', () => {
    const [series] = quantitySeries([event(1, '2025', [item({ articleId: 1, quantity: killed(5, '../2025-09-02') })])]);
    expect(series!.marks[0]).toMatchObject({ asOfStart: null, asOfEnd: edtfSpan('2025-09-02')!.end, datedBy: 'as-of' });
  });
});
