import { widenedSpans, spansOverlap, type EdtfSpanCache, type TimeSpan } from './edtf-span';
import { claimKey, type EventInput, type EvidenceItem, type QuantityClaim } from './evidence';
import { groupSources, type SourceGroup } from './independent-sources';
import { APPROXIMATE_TOLERANCE, measureKey, rangesMeet, valueRange, type ValueRange } from './quantity-range';

// Quantity claims across a whole chronology. A measure ("killed",
// "strikes") runs through many events: the death toll reported beside the
// first strike and beside Maduro's interview is one series, so figures are
// compared across events, not only within one.

export interface QuantityOptions {
  /** "About N" allows N ± this fraction (default APPROXIMATE_TOLERANCE). */
  approximateTolerance?: number;
  /** Parsed dates, shared between calls. */
  spans?: EdtfSpanCache;
}

/** One claim's figure with everything needed to compare and chart it. */
export interface QuantityRecord {
  /** claimKey(): the claim, or the passage when linked without a claim. */
  key: string;
  claimId: number | null;
  /** The claim's first passage. */
  highlightId: number;
  quantity: QuantityClaim;
  measure: string;
  range: ValueRange;
  /** null when the claim gives no as-of date (or one that cannot be read). */
  asOf: TimeSpan | null;
  /** Events the claim is linked to, in chronology order, without repeats. */
  eventIds: number[];
  /** Independent sources among the passages behind this claim. */
  sources: SourceGroup[];
  /** Every evidence item behind the claim, over all its events. */
  items: EvidenceItem[];
}

export function collectQuantityClaims(events: readonly EventInput[], options: QuantityOptions = {}): QuantityRecord[] {
  const spans = options.spans ?? widenedSpans;
  const tolerance = options.approximateTolerance ?? APPROXIMATE_TOLERANCE;
  const byKey = new Map<string, { first: EvidenceItem; quantity: QuantityClaim; eventIds: number[]; items: EvidenceItem[] }>();
  for (const event of events) {
    for (const item of event.evidence) {
      if (item.quantity === null) continue;
      const key = claimKey(item);
      let entry = byKey.get(key);
      if (!entry) {
        entry = { first: item, quantity: item.quantity, eventIds: [], items: [] };
        byKey.set(key, entry);
      }
      if (entry.eventIds[entry.eventIds.length - 1] !== event.id && !entry.eventIds.includes(event.id)) entry.eventIds.push(event.id);
      entry.items.push(item);
    }
  }
  const records: QuantityRecord[] = [];
  for (const [key, e] of byKey) {
    if (!Number.isFinite(e.quantity.value)) continue;
    records.push({
      key,
      claimId: e.first.claimId,
      highlightId: e.first.highlightId,
      quantity: e.quantity,
      measure: measureKey(e.quantity.unit),
      range: valueRange(e.quantity.value, e.quantity.comparator, tolerance),
      asOf: e.quantity.asOf === null ? null : spans.get(e.quantity.asOf),
      eventIds: e.eventIds,
      sources: groupSources(e.items),
      items: e.items,
    });
  }
  return records;
}

/** Names of a claim's independent sources, for one line in a list. */
export function sourceNames(record: QuantityRecord): string {
  return record.sources.map((s) => s.name).join('; ');
}

/**
 * Pairs of claims about one measure that cannot both hold: their as-of
 * dates overlap and no figure satisfies both. Claims without an as-of date
 * are compared only with each other and only within an event they share
 * (there "now" is the same moment for both); against a dated figure their
 * time is unknown, so they are not compared. A claim is never compared with
 * itself, even when it is linked to several events.
 */
export function quantityDisagreements(records: readonly QuantityRecord[]): [QuantityRecord, QuantityRecord][] {
  const byMeasure = new Map<string, QuantityRecord[]>();
  for (const r of records) {
    const list = byMeasure.get(r.measure);
    if (list) list.push(r);
    else byMeasure.set(r.measure, [r]);
  }
  const pairs: [QuantityRecord, QuantityRecord][] = [];
  for (const list of byMeasure.values()) {
    // Sweep over the as-of spans in order of their start: only spans still
    // open when the next one starts can overlap it, so a series over months
    // compares each figure with its few neighbours, not with every other.
    const dated = list.filter((r) => r.asOf !== null).sort((a, b) => a.asOf!.start - b.asOf!.start);
    let active: QuantityRecord[] = [];
    for (const r of dated) {
      active = active.filter((x) => x.asOf!.end >= r.asOf!.start);
      for (const x of active) {
        if (spansOverlap(x.asOf!, r.asOf!) && !rangesMeet(x.range, r.range)) pairs.push([x, r]);
      }
      active.push(r);
    }
    const undatedByEvent = new Map<number, QuantityRecord[]>();
    for (const r of list) {
      if (r.asOf !== null) continue;
      for (const id of r.eventIds) {
        const inEvent = undatedByEvent.get(id);
        if (inEvent) inEvent.push(r);
        else undatedByEvent.set(id, [r]);
      }
    }
    // Two undated claims that share several events are still one pair.
    const seen = new Set<string>();
    for (const inEvent of undatedByEvent.values()) {
      for (let i = 0; i < inEvent.length; i++) {
        for (let j = i + 1; j < inEvent.length; j++) {
          const a = inEvent[i]!;
          const b = inEvent[j]!;
          if (rangesMeet(a.range, b.range)) continue;
          const id = a.key < b.key ? `${a.key} ${b.key}` : `${b.key} ${a.key}`;
          if (seen.has(id)) continue;
          seen.add(id);
          pairs.push([a, b]);
        }
      }
    }
  }
  return pairs;
}
