import { describe, expect, it } from 'vitest';
import { quantitySeries, type QuantityMark, type QuantitySeries } from '../../../shared/chronology/quantity-series';
import {
  asOfText,
  dodge,
  figureText,
  markEncoding,
  markTime,
  measureHeading,
  niceStep,
  placeable,
  scaleValue,
  SOURCE_COLOURS,
  sourceColours,
  timeDomain,
  valueDomain,
  valueTicks,
} from '../../../renderer/features/timeline/quantity-chart-layout';
import { DAY_MS } from '../../../renderer/features/timeline/timeline-layout';
import { seedChronology } from '../chronology/seed-figures';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function mark(over: Partial<QuantityMark>): QuantityMark {
  return {
    asOfStart: day('2025-12-30'),
    asOfEnd: day('2025-12-31') - 1,
    datedBy: 'as-of',
    asOf: '2025-12-30',
    low: 100,
    high: 100,
    comparator: '=',
    value: 100,
    sourceName: 'BBC',
    claimId: 1,
    highlightId: 1,
    eventId: 1,
    ...over,
  };
}

describe('scales', () => {
  it('maps values linearly, upwards on screen', () => {
    const scale = { domain: [0, 150] as [number, number], range: [200, 20] as [number, number] };
    expect(scaleValue(scale, 0)).toBe(200);
    expect(scaleValue(scale, 150)).toBe(20);
    expect(scaleValue(scale, 75)).toBe(110);
    expect(scaleValue({ domain: [5, 5], range: [0, 100] }, 5)).toBe(50);
  });

  it('ticks on round numbers from zero', () => {
    expect(niceStep(150, 4)).toBe(50);
    expect(niceStep(7, 4)).toBe(2);
    expect(niceStep(0.3, 3)).toBe(0.1);
    expect(valueTicks(0, 129.8)).toEqual([0, 50, 100, 150]);
    expect(valueTicks(0, 33)).toEqual([0, 10, 20, 30, 40]);
    expect(valueTicks(-12, 20)).toEqual([-20, -10, 0, 10, 20]);
  });

  it('leaves headroom above the highest floor, so "more than 110" visibly points past 110', () => {
    const [toll] = quantitySeries(seedChronology());
    expect(valueDomain(toll!.marks)).toEqual([0, 150]);
    expect(valueDomain([mark({ comparator: '~', value: 24, low: 22.8, high: 25.2 })])).toEqual([0, 30]);
    expect(valueDomain([])).toEqual([0, 1]);
  });

  it('puts every chart on one time axis, padded, with undated marks left out', () => {
    const series: QuantitySeries[] = [
      { measure: 'killed', unit: 'killed', marks: [mark({ asOfStart: day('2025-11-29'), asOfEnd: day('2025-11-30') - 1 }), mark({ datedBy: null, asOfStart: null, asOfEnd: null })] },
      { measure: 'strikes', unit: 'strikes', marks: [mark({ asOfStart: day('2026-01-02'), asOfEnd: day('2026-01-03') - 1 })] },
    ];
    const [from, to] = timeDomain(series)!;
    // 6 % of the stretch on each side, and at least two days.
    const pad = (day('2026-01-03') - 1 - day('2025-11-29')) * 0.06;
    expect(from).toBeCloseTo(day('2025-11-29') - pad, 0);
    expect(to).toBeCloseTo(day('2026-01-03') - 1 + pad, 0);
    const [oneFrom, oneTo] = timeDomain([series[1]!])!;
    expect([oneFrom, oneTo]).toEqual([day('2026-01-02') - 2 * DAY_MS, day('2026-01-03') - 1 + 2 * DAY_MS]);
    expect(timeDomain([{ measure: 'x', unit: 'x', marks: [mark({ datedBy: null, asOfStart: null, asOfEnd: null })] }])).toBeNull();
    expect(placeable(mark({ datedBy: null, asOfStart: null, asOfEnd: null }))).toBe(false);
    expect(markTime(mark({}))).toBe(day('2025-12-30') + DAY_MS / 2 - 0.5);
  });
});

describe('what a mark looks like', () => {
  it('draws the seeds’ toll as it was reported: floors with arrows, one exact figure', () => {
    const [toll, strikes] = quantitySeries(seedChronology());
    expect(toll!.marks.map((m) => [markEncoding(m).shape, markEncoding(m).hollow, figureText(m)])).toEqual([
      ['at-least', true, 'more than 80'],
      ['exact', false, '83'],
      ['at-least', true, 'more than 100'],
      ['at-least', true, 'more than 110'],
      ['at-least', true, 'more than 110'],
    ]);
    const about = strikes!.marks.find((m) => m.comparator === '~')!;
    expect(markEncoding(about)).toEqual({ shape: 'about', value: 24, low: about.low, high: about.high, hollow: false });
    expect(about.low).toBeLessThan(24);
    expect(about.high).toBeGreaterThan(24);
  });

  it('tells floors, ceilings, closed bounds and ranges apart', () => {
    expect(markEncoding(mark({ comparator: '>=', low: 100, high: null }))).toMatchObject({ shape: 'at-least', hollow: false });
    expect(markEncoding(mark({ comparator: '<', low: null, high: 100 }))).toMatchObject({ shape: 'at-most', hollow: true });
    expect(markEncoding(mark({ comparator: '<=', low: null, high: 100 }))).toMatchObject({ shape: 'at-most', hollow: false });
    expect(markEncoding(mark({ comparator: '=', low: 80, high: 90, value: 85 }))).toMatchObject({ shape: 'range', low: 80, high: 90 });
    expect(figureText(mark({ comparator: '>=', value: 21 }))).toBe('at least 21');
    expect(figureText(mark({ comparator: '<', value: 5 }))).toBe('fewer than 5');
    expect(figureText(mark({ comparator: '<=', value: 5 }))).toBe('at most 5');
    expect(figureText(mark({ comparator: '~', value: 24 }))).toBe('about 24');
    expect(figureText(mark({ comparator: '=', low: 80, high: 90, value: 85 }))).toBe('between 80 and 90');
    expect(figureText(mark({ value: 1234.5, low: 1234.5, high: 1234.5 }))).toBe('1,234.5');
  });

  it('says when a figure held and how that is known', () => {
    expect(asOfText(mark({}))).toBe('30 December 2025');
    expect(asOfText(mark({ datedBy: 'publication', asOf: null, asOfStart: day('2025-12-30') }))).toBe('published 30 December 2025');
    expect(asOfText(mark({ datedBy: null, asOf: null, asOfStart: null }))).toBe('undated');
  });

  it('spreads marks that would cover each other around their common place', () => {
    expect(dodge([100, 100, 300], [50, 50, 50], 10)).toEqual([-5, 5, 0]);
    expect(dodge([100, 104, 100], [50, 52, 50], 10)).toEqual([-10, 0, 10]);
    // Same day, far apart in value: both stay where they are.
    expect(dodge([100, 100], [50, 150], 10)).toEqual([0, 0]);
  });

  it('gives each source one colour in every chart, in name order, reusing colours past the palette', () => {
    const names = ['Reuters', 'AP', 'BBC', ...Array.from({ length: SOURCE_COLOURS }, (_, i) => `Outlet ${i}`)];
    const series: QuantitySeries[] = [
      { measure: 'a', unit: 'a', marks: names.slice(0, 2).map((sourceName) => mark({ sourceName })) },
      { measure: 'b', unit: 'b', marks: names.slice(1).map((sourceName) => mark({ sourceName })) },
    ];
    const colours = sourceColours(series);
    expect(colours.get('AP')).toBe(0);
    expect(colours.get('BBC')).toBe(1);
    // AP, BBC, Outlet 0-7, Reuters: Reuters is eleventh and takes the third colour again.
    expect(colours.get('Reuters')).toBe(2);
    expect(new Set(colours.values()).size).toBe(SOURCE_COLOURS);
    expect(measureHeading('people killed')).toBe('People killed');
    expect(measureHeading(' ')).toBe('Figures');
  });
});
