import { writtenSpans, type TimeSpan } from './edtf-span';
import type { Comparator, EventInput } from './evidence';
import { collectQuantityClaims, type QuantityOptions } from './quantity-claims';

// The quantity chart: each measure as a series over time, one mark per
// independent source per claim. A claim backed by AP's wire copy and The
// Independent's reprint of it is one voice and one mark; the same claim
// backed by AP and by Reuters reporting separately is two.

export interface QuantityMark {
  /** ms since epoch; null when open or unknown (see datedBy). */
  asOfStart: number | null;
  asOfEnd: number | null;
  /**
   * 'as-of': the claim's own as-of date. 'publication': the claim gives none,
   * so the mark sits at the source's earliest publication date (a figure is
   * at the latest as of the day it was printed). null: neither is known; such
   * marks come last and a chart lists them rather than placing them.
   */
  datedBy: 'as-of' | 'publication' | null;
  /** The claim's as-of date as written (EDTF), or null. */
  asOf: string | null;
  /** The range the claim allows; null where unbounded ("more than 80" has no high). */
  low: number | null;
  high: number | null;
  comparator: Comparator;
  value: number;
  sourceName: string;
  claimId: number | null;
  highlightId: number;
  /** The first event the claim is linked to (a claim in several events still gets one mark per source). */
  eventId: number;
}

export interface QuantitySeries {
  /** The measure as compared (trimmed, lower case). */
  measure: string;
  /** The unit as first written. */
  unit: string;
  /** Earliest first; marks without a time last. */
  marks: QuantityMark[];
}

const finite = (n: number) => (Number.isFinite(n) ? n : null);

function earliestPublication(publishedAt: (string | null)[]): TimeSpan | null {
  let best: TimeSpan | null = null;
  for (const p of publishedAt) {
    const span = p === null ? null : writtenSpans.get(p);
    if (span && (!best || span.start < best.start)) best = span;
  }
  return best;
}

/** Every measure's figures across a chronology, one series per measure, in measure order. */
export function quantitySeries(events: readonly EventInput[], options: QuantityOptions = {}): QuantitySeries[] {
  const byMeasure = new Map<string, QuantitySeries>();
  for (const record of collectQuantityClaims(events, options)) {
    let series = byMeasure.get(record.measure);
    if (!series) {
      series = { measure: record.measure, unit: record.quantity.unit.trim(), marks: [] };
      byMeasure.set(record.measure, series);
    }
    for (const source of record.sources) {
      const articles = new Set(source.articleIds);
      const time =
        record.asOf ?? earliestPublication(record.items.filter((i) => articles.has(i.articleId)).map((i) => i.publishedAt));
      series.marks.push({
        asOfStart: time ? finite(time.start) : null,
        asOfEnd: time ? finite(time.end) : null,
        datedBy: record.asOf ? 'as-of' : time ? 'publication' : null,
        asOf: record.quantity.asOf,
        low: finite(record.range.low),
        high: finite(record.range.high),
        comparator: record.quantity.comparator,
        value: record.quantity.value,
        sourceName: source.name,
        claimId: record.claimId,
        highlightId: record.highlightId,
        eventId: record.eventIds[0]!,
      });
    }
  }
  const order = (m: QuantityMark) => (m.datedBy === null ? Infinity : (m.asOfStart ?? -Infinity));
  const orderEnd = (m: QuantityMark) => (m.datedBy === null ? Infinity : (m.asOfEnd ?? Infinity));
  const series = [...byMeasure.values()].sort((a, b) => (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0));
  for (const s of series) {
    s.marks.sort(
      (a, b) =>
        order(a) - order(b) ||
        orderEnd(a) - orderEnd(b) ||
        a.value - b.value ||
        (a.claimId ?? -1) - (b.claimId ?? -1) ||
        (a.sourceName < b.sourceName ? -1 : a.sourceName > b.sourceName ? 1 : 0),
    );
  }
  return series;
}
