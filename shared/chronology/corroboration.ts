import { widenedSpans, type EdtfSpanCache, type TimeSpan } from './edtf-span';
import { backsEvent, type Comparator, type EventInput, type EvidenceItem } from './evidence';
import { groupSources, sourceOf, type SourceGroup } from './independent-sources';
import { collectQuantityClaims, quantityDisagreements, sourceNames, type QuantityOptions, type QuantityRecord } from './quantity-claims';

// Per event: how many independent sources back it, and where its evidence
// disagrees. One call covers a whole chronology, because figures are
// compared across events (see quantity-claims.ts) and because parsed dates
// are shared: the chronology view asks for everything at once.
//
// Which evidence counts where:
// - The badge counts independent sources among 'supports' and 'qualifies'
//   evidence: a qualifying source still says the event happened (with a
//   caveat). Disputing sources are grouped the same way but listed apart
//   (disputingSources), never added to the count.
// - Date conflicts compare the dates asserted by supporting and qualifying
//   evidence with each other and with the event's own date. A disputing
//   claim's date is the date it denies or corrects, not one it vouches for.
// - Quantity conflicts compare every linked figure whatever its stance: a
//   figure is a statement about its measure, and a disputing source's
//   "only 21 strikes" against "over 30" is exactly the disagreement to see.

export type { Comparator, EventInput, EvidenceItem, QuantityClaim, Stance } from './evidence';
export type { SourceGroup } from './independent-sources';

export type CorroborationOptions = QuantityOptions;

export interface DateAssertion {
  edtf: string;
  /** Claims asserting this date (passages linked without a claim are not listed). */
  claimIds: number[];
  /** Names of the independent sources asserting it. */
  sources: string[];
  /** The event's own date is among the dates in disagreement. */
  eventDate: boolean;
}

export interface DateConflict {
  kind: 'date';
  /** Each date that cannot be true together with at least one other, earliest first. */
  dates: DateAssertion[];
}

export interface QuantityConflictItem {
  claimId: number | null;
  highlightId: number;
  /** The event the figure is linked to: this one when it is, else the first. */
  eventId: number;
  value: number;
  comparator: Comparator;
  asOf: string | null;
  /** The claim's independent sources, "; " between them. */
  sourceName: string;
}

export interface QuantityConflict {
  kind: 'quantity';
  /** The unit as first written. */
  unit: string;
  /** Every figure that disagrees with another, including figures linked to other events, in as-of order. */
  items: QuantityConflictItem[];
}

export interface StanceConflict {
  kind: 'stance';
  /** Independent sources supporting or qualifying (the badge). */
  supporting: number;
  /** Independent sources disputing. */
  disputing: number;
}

export type Conflict = DateConflict | QuantityConflict | StanceConflict;

export interface EventCorroboration {
  eventId: number;
  /** Independent sources backing the event (supports, qualifies). */
  sources: SourceGroup[];
  /** The badge: sources.length. */
  sourceCount: number;
  /** Independent sources disputing the event, listed apart. */
  disputingSources: SourceGroup[];
  /** Date conflict first, then quantity conflicts by unit, then the stance conflict. */
  conflicts: Conflict[];
}

interface Assertion {
  edtf: string;
  eventDate: boolean;
  span: TimeSpan;
  claimIds: Set<number>;
  sources: Set<string>;
}

function dateConflict(
  event: EventInput,
  backing: readonly EvidenceItem[],
  sources: readonly SourceGroup[],
  spans: EdtfSpanCache,
): DateConflict | null {
  if (!backing.some((item) => item.date !== null)) return null;
  const byDate = new Map<string, Assertion>();
  const assert = (edtf: string, isEvent: boolean): Assertion | null => {
    const key = edtf.trim();
    let a = byDate.get(key);
    if (!a) {
      const span = spans.get(key);
      // A date that cannot be read cannot be compared; the editor refuses
      // such dates, so it only reaches here from outside data.
      if (!span) return null;
      a = { edtf: key, eventDate: false, span, claimIds: new Set(), sources: new Set() };
      byDate.set(key, a);
    }
    if (isEvent) a.eventDate = true;
    return a;
  };
  assert(event.date, true);
  for (const item of backing) {
    if (item.date === null) continue;
    const a = assert(item.date, false);
    if (!a) continue;
    if (item.claimId !== null) a.claimIds.add(item.claimId);
    const source = sourceOf(sources, item.articleId);
    if (source) a.sources.add(source.name);
  }
  if (byDate.size < 2) return null;
  // Intervals on a line overlap pairwise exactly when the latest start is no
  // later than the earliest end; a date is in disagreement when some other
  // date starts after it ends or ends before it starts.
  let latestStart = -Infinity;
  let earliestEnd = Infinity;
  for (const a of byDate.values()) {
    if (a.span.start > latestStart) latestStart = a.span.start;
    if (a.span.end < earliestEnd) earliestEnd = a.span.end;
  }
  if (latestStart <= earliestEnd) return null;
  const dates = [...byDate.values()]
    .filter((a) => latestStart > a.span.end || earliestEnd < a.span.start)
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.edtf < b.edtf ? -1 : 1))
    .map(
      (a): DateAssertion => ({
        edtf: a.edtf,
        claimIds: [...a.claimIds].sort((x, y) => x - y),
        sources: [...a.sources].sort(),
        eventDate: a.eventDate,
      }),
    );
  return { kind: 'date', dates };
}

function conflictItem(r: QuantityRecord, eventId: number): QuantityConflictItem {
  return {
    claimId: r.claimId,
    highlightId: r.highlightId,
    eventId: r.eventIds.includes(eventId) ? eventId : r.eventIds[0]!,
    value: r.quantity.value,
    comparator: r.quantity.comparator,
    asOf: r.quantity.asOf,
    sourceName: sourceNames(r),
  };
}

const byAsOfThenValue = (a: QuantityRecord, b: QuantityRecord) =>
  (a.asOf?.start ?? Infinity) - (b.asOf?.start ?? Infinity) ||
  (a.asOf?.end ?? Infinity) - (b.asOf?.end ?? Infinity) ||
  a.quantity.value - b.quantity.value ||
  (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Independent sources and conflicts for every event of a chronology, by event id. */
export function corroborate(events: readonly EventInput[], options: CorroborationOptions = {}): Map<number, EventCorroboration> {
  const spans = options.spans ?? widenedSpans;
  // Figures in disagreement, gathered per event and measure.
  const disagreeing = new Map<number, Map<string, Set<QuantityRecord>>>();
  for (const pair of quantityDisagreements(collectQuantityClaims(events, options))) {
    for (const record of pair) {
      for (const eventId of record.eventIds) {
        let measures = disagreeing.get(eventId);
        if (!measures) disagreeing.set(eventId, (measures = new Map()));
        let set = measures.get(record.measure);
        if (!set) measures.set(record.measure, (set = new Set()));
        set.add(pair[0]);
        set.add(pair[1]);
      }
    }
  }

  const result = new Map<number, EventCorroboration>();
  for (const event of events) {
    // Most events have no disputing evidence: then the evidence is the backing as it is.
    const disputed = event.evidence.some((item) => !backsEvent(item.stance));
    const backing = disputed ? event.evidence.filter((item) => backsEvent(item.stance)) : event.evidence;
    const support = groupSources(backing);
    const dispute = disputed ? groupSources(event.evidence.filter((item) => !backsEvent(item.stance))) : [];
    const conflicts: Conflict[] = [];

    const date = dateConflict(event, backing, support, spans);
    if (date) conflicts.push(date);

    const measures = disagreeing.get(event.id);
    if (measures) {
      for (const measure of [...measures.keys()].sort()) {
        const records = [...measures.get(measure)!].sort(byAsOfThenValue);
        const inThisEvent = records.find((r) => r.eventIds.includes(event.id)) ?? records[0]!;
        conflicts.push({ kind: 'quantity', unit: inThisEvent.quantity.unit.trim(), items: records.map((r) => conflictItem(r, event.id)) });
      }
    }

    if (support.length > 0 && dispute.length > 0) {
      conflicts.push({ kind: 'stance', supporting: support.length, disputing: dispute.length });
    }

    result.set(event.id, {
      eventId: event.id,
      sources: support,
      sourceCount: support.length,
      disputingSources: dispute,
      conflicts,
    });
  }
  return result;
}
