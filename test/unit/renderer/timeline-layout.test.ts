import { describe, expect, it } from 'vitest';
import { APPROXIMATE_DAYS } from '../../../shared/chronology/edtf-span';
import {
  axisTicks,
  centreOn,
  DAY_MS,
  fitScale,
  fitText,
  itemCentre,
  layoutLanes,
  majorLabel,
  packLanes,
  panBy,
  tickStep,
  timelineItem,
  timelineItems,
  toTime,
  toX,
  visiblePlaced,
  zoomAt,
  zoomLimits,
  type TimelineEventInput,
  type TimelineItem,
} from '../../../renderer/features/timeline/timeline-layout';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const event = (id: number, date: string, title = `Event ${id}`): TimelineEventInput => ({
  id,
  date,
  dateLabel: date,
  title,
  conflict: false,
  sourceCount: 1,
});
const item = (date: string, id = 1): TimelineItem => timelineItem(event(id, date), id - 1)!;
const LANES = { pointRadius: 5, gap: 8, minBarWidth: 4 };

describe('time scale', () => {
  const limits = zoomLimits({ start: day('2025-09-01'), end: day('2026-01-31') }, 1000);

  it('maps instants to pixels and back', () => {
    const scale = { start: day('2025-12-01'), msPerPx: DAY_MS / 10 };
    expect(toX(scale, day('2025-12-11'))).toBe(100);
    expect(toTime(scale, 100)).toBe(day('2025-12-11'));
    expect(toX(panBy(scale, 50), day('2025-12-11'))).toBe(150);
    expect(toX(centreOn(scale, day('2025-12-20'), 1000), day('2025-12-20'))).toBe(500);
  });

  it('fits the whole stretch with a margin, centred', () => {
    const extent = { start: day('2025-09-01'), end: day('2026-01-31') };
    const scale = fitScale(extent, 1000, limits);
    const left = toX(scale, extent.start);
    const right = toX(scale, extent.end);
    expect(left).toBeGreaterThan(0);
    expect(right).toBeLessThan(1000);
    expect(left + right).toBeCloseTo(1000, 6);
    expect(right - left).toBeCloseTo(1000 / 1.12, 6);
  });

  it('zooms around the pointer and stays within its limits', () => {
    const scale = { start: day('2025-12-01'), msPerPx: DAY_MS / 10 };
    const anchor = toTime(scale, 300);
    const closer = zoomAt(scale, 2, 300, limits);
    expect(closer.msPerPx).toBe(DAY_MS / 20);
    expect(toTime(closer, 300)).toBeCloseTo(anchor, 0);
    // A day is at most 480 px wide; at the far end the view holds four times the events' stretch.
    expect(zoomAt(scale, 1e6, 0, limits).msPerPx).toBe(DAY_MS / 480);
    expect(zoomAt(scale, 1e-6, 0, limits).msPerPx).toBeCloseTo(limits.maxMsPerPx, 6);
    expect(limits.maxMsPerPx * 1000).toBeGreaterThanOrEqual(730 * DAY_MS);
  });
});

describe('axis ticks', () => {
  it('picks days, weeks, months or years by how much room a label has', () => {
    expect(tickStep(DAY_MS / 100)).toEqual({ unit: 'day', count: 1 });
    expect(tickStep(DAY_MS / 20)).toEqual({ unit: 'day', count: 2 });
    expect(tickStep(DAY_MS / 10)).toEqual({ unit: 'day', count: 7 });
    expect(tickStep(DAY_MS / 1.5)).toEqual({ unit: 'month', count: 1 });
    expect(tickStep(DAY_MS / 0.5)).toEqual({ unit: 'month', count: 3 });
    expect(tickStep((365 * DAY_MS) / 60)).toEqual({ unit: 'year', count: 1 });
    expect(tickStep((365 * DAY_MS) / 2)).toEqual({ unit: 'year', count: 50 });
  });

  it('labels days under their month, the month already running at the left edge included', () => {
    const axis = axisTicks(day('2025-12-29'), day('2026-01-03'), DAY_MS / 100);
    expect(axis.minor.map((t) => t.label)).toEqual(['29', '30', '31', '1', '2', '3']);
    expect(axis.major.map((t) => t.label)).toEqual(['December 2025', 'January 2026']);
    expect(axis.major[0]!.time).toBe(day('2025-12-01'));
  });

  it('puts weekly ticks on the 1st, 8th, 15th and 22nd, and every other day on odd days up to the 29th', () => {
    expect(axisTicks(day('2025-12-01'), day('2026-01-10'), DAY_MS / 10).minor.map((t) => t.label)).toEqual(['1', '8', '15', '22', '1', '8']);
    expect(axisTicks(day('2025-12-26'), day('2026-01-04'), DAY_MS / 20).minor.map((t) => t.label)).toEqual(['27', '29', '1', '3']);
  });

  it('labels months under their year, and years on round numbers', () => {
    const months = axisTicks(day('2025-11-15'), day('2026-02-15'), DAY_MS / 1.5);
    expect(months.minor.map((t) => t.label)).toEqual(['Dec', 'Jan', 'Feb']);
    expect(months.major.map((t) => t.label)).toEqual(['2025', '2026']);
    const quarters = axisTicks(day('2025-02-01'), day('2026-01-01'), DAY_MS / 0.5);
    expect(quarters.minor.map((t) => t.label)).toEqual(['Apr', 'Jul', 'Oct', 'Jan']);
    const decades = axisTicks(day('1983-01-01'), day('2026-01-01'), (365 * DAY_MS) / 6);
    expect(decades.step).toEqual({ unit: 'year', count: 10 });
    expect(decades.minor.map((t) => t.label)).toEqual(['1990', '2000', '2010', '2020']);
    expect(decades.major).toEqual([]);
  });
});

describe('major labels', () => {
  const measure = (s: string) => s.length * 7;
  it('shortens the month, then gives way, when the next label comes close', () => {
    expect(majorLabel('November 2025', 200, measure)).toBe('November 2025');
    expect(majorLabel('November 2025', 60, measure)).toBe('Nov 2025');
    expect(majorLabel('November 2025', 40, measure)).toBe('');
    expect(majorLabel('2025', 20, measure)).toBe('');
  });
});

describe('event shapes', () => {
  it('draws a day as a point and anything longer as a bar, with sharp ends when the date is exact', () => {
    const point = item('2025-12-31');
    expect(point).toMatchObject({ kind: 'point', startStyle: 'sharp', endStyle: 'sharp', fadeBefore: 0, fadeAfter: 0, uncertain: false });
    expect(Math.round(itemCentre(point))).toBe(day('2025-12-31') + DAY_MS / 2);
    expect(item('2025-12')).toMatchObject({ kind: 'bar', start: day('2025-12-01'), end: day('2026-01-01') - 1 });
    expect(item('2025')).toMatchObject({ kind: 'bar', start: day('2025-01-01') });
    expect(item('2025-12-26/2025-12-31')).toMatchObject({ kind: 'bar', start: day('2025-12-26'), end: day('2026-01-01') - 1 });
  });

  it('fades approximate and uncertain ends by what the date rules allow', () => {
    const about = item('2025-12-30~');
    expect(about).toMatchObject({ kind: 'point', startStyle: 'fuzzy', endStyle: 'fuzzy', uncertain: false });
    expect(about.fadeBefore).toBe(APPROXIMATE_DAYS * DAY_MS);
    expect(about.fadeAfter).toBe(APPROXIMATE_DAYS * DAY_MS);
    // "?" is as doubtful in a picture: it fades like "~" and is marked uncertain.
    const doubtful = item('2026-01?');
    expect(doubtful).toMatchObject({ kind: 'bar', startStyle: 'fuzzy', endStyle: 'fuzzy', uncertain: true });
    expect(doubtful.start - doubtful.fadeBefore).toBe(day('2025-12-01'));
    // Only the approximate end of a range fades.
    expect(item('2025-12~/2026-01-05')).toMatchObject({ startStyle: 'fuzzy', endStyle: 'sharp', fadeAfter: 0 });
  });

  it('leaves an open end open', () => {
    expect(item('../2025-09-02')).toMatchObject({ kind: 'bar', start: -Infinity, startStyle: 'open', endStyle: 'sharp', end: day('2025-09-03') - 1 });
    expect(item('2025-12-15/..')).toMatchObject({ start: day('2025-12-15'), end: Infinity, startStyle: 'sharp', endStyle: 'open' });
    expect(itemCentre(item('../2025-09-02'))).toBe(day('2025-09-03') - 1);
  });

  it('lists unreadable dates apart and measures the stretch without open ends', () => {
    const { items, unplaced, extent } = timelineItems([event(1, '../2025-09-02'), event(2, 'someday'), event(3, '2025-12-30~'), event(4, '2025-12-15/..')]);
    expect(items.map((i) => [i.id, i.order])).toEqual([
      [1, 0],
      [3, 1],
      [4, 2],
    ]);
    expect(unplaced.map((e) => e.id)).toEqual([2]);
    expect(extent).toEqual({ start: day('2025-09-03') - 1, end: day('2025-12-31') - 1 + APPROXIMATE_DAYS * DAY_MS });
  });
});

describe('lanes', () => {
  const msPerPx = DAY_MS / 20;

  it('keeps overlapping shapes apart, the earliest-starting in the top lane', () => {
    const items = [item('2025-12-01', 1), item('2025-12-01', 2), item('2025-12-10', 3), item('2025-12', 4)];
    const layout = packLanes(items, msPerPx, LANES)!;
    const lane = (id: number) => layout.placed.find((p) => p.item.id === id)!.lane;
    // The month starts at midnight on the 1st, before the dot drawn at noon: it takes the top lane.
    expect([lane(4), lane(1), lane(2), lane(3)]).toEqual([0, 1, 2, 1]);
    expect(layout.laneCount).toBe(3);
  });

  it('reserves room for titles, and says how much room each title has before its neighbour', () => {
    const items = [item('2025-12-01', 1), item('2025-12-05', 2), item('2025-12-20', 3)];
    const marksOnly = packLanes(items, msPerPx, LANES)!;
    expect(marksOnly.laneCount).toBe(1);
    const first = marksOnly.placed.find((p) => p.item.id === 1)!;
    expect(first.labelRoom).toBeCloseTo(4 * 20 - LANES.gap, 6);
    const labelled = packLanes(items, msPerPx, { ...LANES, labelWidth: () => 120 })!;
    expect(labelled.placed.map((p) => [p.item.id, p.lane])).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
    ]);
  });

  it('gives an open end the rest of its lane', () => {
    const items = [item('../2025-09-02', 1), item('2025-06-01', 2), item('2025-12-15/..', 3), item('2026-01-10', 4)];
    const layout = packLanes(items, msPerPx, LANES)!;
    const lane = (id: number) => layout.placed.find((p) => p.item.id === id)!.lane;
    expect(lane(1)).toBe(0);
    expect(lane(2)).toBe(1);
    expect(lane(3)).toBe(0);
    expect(lane(4)).toBe(1);
  });

  it('falls back to marks only when titles would need too many lanes', () => {
    const items = Array.from({ length: 30 }, (_, i) => item('2025-12-01', i + 1));
    expect(packLanes(items, msPerPx, { ...LANES, labelWidth: () => 100, maxLanes: 10 })).toBeNull();
    const spread = Array.from({ length: 30 }, (_, i) => item(`2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12) * 10).padStart(2, '0')}`, i + 1));
    const far = layoutLanes(spread, DAY_MS / 0.5, { ...LANES, labelWidth: () => 150, maxLabelledLanes: 5 });
    expect(far.labelled).toBe(false);
    const close = layoutLanes(spread, DAY_MS / 20, { ...LANES, labelWidth: () => 150, maxLabelledLanes: 5 });
    expect(close.labelled).toBe(true);
  });

  it('draws only what is in view out of thousands of events', () => {
    const events = Array.from({ length: 5000 }, (_, i) => {
      const d = new Date(day('2024-01-01') + ((i * 7919) % 730) * DAY_MS).toISOString().slice(0, 10);
      return event(i + 1, i % 10 === 0 ? d.slice(0, 7) : d);
    });
    const { items } = timelineItems(events);
    expect(items).toHaveLength(5000);
    const layout = layoutLanes(items, DAY_MS / 20, { ...LANES, labelWidth: () => 150, maxLabelledLanes: 40 });
    expect(layout.labelled).toBe(false);
    const x0 = day('2025-03-01') / layout.msPerPx;
    const inView = visiblePlaced(layout, x0, x0 + 1200, 0, 30);
    expect(inView.length).toBeGreaterThan(0);
    expect(inView.length).toBeLessThan(600);
    expect(inView.every((p) => p.lane <= 30 && p.outer0 <= x0 + 1200)).toBe(true);
    // No two shapes in one lane overlap.
    const byLane = new Map<number, typeof layout.placed>();
    for (const p of layout.placed) byLane.set(p.lane, [...(byLane.get(p.lane) ?? []), p]);
    for (const lane of byLane.values()) {
      lane.sort((a, b) => a.outer0 - b.outer0);
      for (let i = 1; i < lane.length; i++) expect(lane[i]!.outer0 - lane[i - 1]!.outer1).toBeGreaterThanOrEqual(LANES.gap - 1e-6);
    }
  });
});

describe('fitting a title', () => {
  const measure = (s: string) => s.length * 7;

  it('keeps a title that fits, cuts one that does not, and gives up when not even a letter fits', () => {
    expect(fitText('Two boats struck', 200, measure)).toBe('Two boats struck');
    const cut = fitText('Two boats struck', 70, measure);
    expect(cut).toBe('Two boats…');
    expect(measure(cut)).toBeLessThanOrEqual(70);
    expect(fitText('Two boats struck', 10, measure)).toBe('');
  });
});
