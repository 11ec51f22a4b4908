import type { QuantityMark, QuantitySeries } from '../../../shared/chronology/quantity-series';
import { dateLabel } from '../../../shared/dates/event-date';
import { DAY_MS } from './timeline-layout';

// The figures chart's scales and encodings, apart from React: where a mark
// goes and what it looks like. A figure is not always a number: "more than
// 80" is a floor (a dot with an arrow up, hollow because 80 itself is
// excluded), "about 24" a band, a range a bar; the picture must not turn
// "more than 110" into "110".

export interface LinearScale {
  domain: [number, number];
  range: [number, number];
}

export function scaleValue(scale: LinearScale, v: number): number {
  const [d0, d1] = scale.domain;
  const [r0, r1] = scale.range;
  if (d1 === d0) return (r0 + r1) / 2;
  return r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** A step of 1, 2 or 5 times a power of ten giving about `count` intervals over `span`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** Ticks from 0 (or below, for negative figures) to a round number at or above max. */
export function valueTicks(min: number, max: number, count = 4): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(max, lo + 1);
  const step = niceStep(hi - lo, count);
  const start = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = start; v < hi + step - step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

export type MarkShape = 'exact' | 'at-least' | 'at-most' | 'about' | 'range';

export interface MarkEncoding {
  shape: MarkShape;
  /** The figure as written: where the dot goes. */
  value: number;
  /** The band or bar's ends (about, range); null otherwise. */
  low: number | null;
  high: number | null;
  /** A strict bound ("more than", "fewer than"): the dot is hollow because the figure itself is excluded. */
  hollow: boolean;
}

export function markEncoding(mark: Pick<QuantityMark, 'comparator' | 'value' | 'low' | 'high'>): MarkEncoding {
  switch (mark.comparator) {
    case '>':
    case '>=':
      return { shape: 'at-least', value: mark.value, low: null, high: null, hollow: mark.comparator === '>' };
    case '<':
    case '<=':
      return { shape: 'at-most', value: mark.value, low: null, high: null, hollow: mark.comparator === '<' };
    case '~':
      return { shape: 'about', value: mark.value, low: mark.low, high: mark.high, hollow: false };
    case '=':
      // The contract has no "between" yet; a mark whose bounds differ is drawn as the range it allows.
      if (mark.low !== null && mark.high !== null && mark.high > mark.low) {
        return { shape: 'range', value: mark.value, low: mark.low, high: mark.high, hollow: false };
      }
      return { shape: 'exact', value: mark.value, low: null, high: null, hollow: false };
  }
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export function formatValue(v: number): string {
  return number.format(v);
}

/** The figure in words: "more than 80", "about 24", "83". */
export function figureText(mark: Pick<QuantityMark, 'comparator' | 'value' | 'low' | 'high'>): string {
  const v = formatValue(mark.value);
  switch (mark.comparator) {
    case '>':
      return `more than ${v}`;
    case '>=':
      return `at least ${v}`;
    case '<':
      return `fewer than ${v}`;
    case '<=':
      return `at most ${v}`;
    case '~':
      return `about ${v}`;
    case '=': {
      const e = markEncoding(mark);
      return e.shape === 'range' ? `between ${formatValue(e.low!)} and ${formatValue(e.high!)}` : v;
    }
  }
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** When the figure held, in words, and how that is known. */
export function asOfText(mark: Pick<QuantityMark, 'datedBy' | 'asOf' | 'asOfStart'>): string {
  if (mark.datedBy === 'as-of' && mark.asOf) return dateLabel(mark.asOf);
  if (mark.datedBy === 'publication' && mark.asOfStart !== null) return `published ${dayFormat.format(new Date(mark.asOfStart))}`;
  return 'undated';
}

/** Marks the chart can place: dated, with a known start. */
export function placeable(mark: QuantityMark): boolean {
  return mark.datedBy !== null && (mark.asOfStart !== null || mark.asOfEnd !== null);
}

/** The instant a mark is drawn at: the middle of its as-of stretch, or its known end. */
export function markTime(mark: QuantityMark): number {
  const { asOfStart: a, asOfEnd: b } = mark;
  if (a !== null && b !== null) return (a + b) / 2;
  return (a ?? b)!;
}

/** The charts' shared time domain, padded a little so marks do not sit on the edges. */
export function timeDomain(series: readonly QuantitySeries[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    for (const m of s.marks) {
      if (!placeable(m)) continue;
      lo = Math.min(lo, m.asOfStart ?? m.asOfEnd!);
      hi = Math.max(hi, m.asOfEnd ?? m.asOfStart!);
    }
  }
  if (lo > hi) return null;
  const pad = Math.max((hi - lo) * 0.06, 2 * DAY_MS);
  return [lo - pad, hi + pad];
}

/**
 * The value axis's top: above every figure, with headroom for an arrow
 * over the highest floor ("more than 110" must visibly point past 110).
 */
export function valueDomain(marks: readonly QuantityMark[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const m of marks) {
    if (!placeable(m)) continue;
    const e = markEncoding(m);
    const top = e.shape === 'at-least' ? m.value * 1.18 : (e.high ?? m.value);
    hi = Math.max(hi, top, m.value);
    lo = Math.min(lo, e.low ?? m.value, m.value);
  }
  const ticks = valueTicks(lo, hi === 0 ? 1 : hi);
  return [ticks[0]!, ticks[ticks.length - 1]!];
}

/**
 * Side-by-side offsets for marks that would overlap: marks within `spacing`
 * px of each other horizontally whose values are within `spacing` px too are
 * spread around their common place, `spacing` apart. `xs` and `ys` are pixel
 * positions in drawing order.
 */
export function dodge(xs: readonly number[], ys: readonly number[], spacing: number): number[] {
  const offsets = xs.map(() => 0);
  const done = new Set<number>();
  for (let i = 0; i < xs.length; i++) {
    if (done.has(i)) continue;
    const group = [i];
    for (let j = i + 1; j < xs.length; j++) {
      if (!done.has(j) && Math.abs(xs[j]! - xs[i]!) < spacing && Math.abs(ys[j]! - ys[i]!) < spacing) group.push(j);
    }
    group.forEach((k, n) => {
      offsets[k] = (n - (group.length - 1) / 2) * spacing;
      done.add(k);
    });
  }
  return offsets;
}

/** The number of distinct source colours; further sources reuse them (the legend still names each). */
export const SOURCE_COLOURS = 8;

/** One colour per source across every chart, in name order, so a source keeps its colour from chart to chart. */
export function sourceColours(series: readonly QuantitySeries[]): Map<string, number> {
  const names = [...new Set(series.flatMap((s) => s.marks.map((m) => m.sourceName)))].sort((a, b) => a.localeCompare(b, 'en'));
  return new Map(names.map((name, i) => [name, i % SOURCE_COLOURS]));
}

/** "killed" → "Killed": the chart's heading from the unit as first written. */
export function measureHeading(unit: string): string {
  const u = unit.trim();
  return u ? u[0]!.toUpperCase() + u.slice(1) : 'Figures';
}
