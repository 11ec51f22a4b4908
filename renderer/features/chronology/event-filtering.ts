import { writtenSpans } from '../../../shared/chronology/edtf-span';
import { eventEvidence, stanceThroughClaim } from '../../../shared/chronology/event-evidence';
import { backsEvent } from '../../../shared/chronology/evidence';
import { filterEvents, type EventFilter, type FilterableEvent } from '../../../shared/chronology/event-filter';
import type { ChronologyEvent } from '../../../shared/api/types';

// The chronology's filter bar, applied in memory to the loaded events:
// nothing goes back to the back end, so narrowing 5,000 events stays well
// inside a keystroke. What every event needs for it (folded words, its
// evidence in the analysis's shape, its grades) is worked out once per
// load by indexEvents; applyFilter then only compares.
//
// Dates, outlets, actors and tags are the shared filter's (shared/chronology/
// event-filter.ts), so the CLI and the view agree on them. Two criteria are
// the view's own:
// - text matches the title, place, description, actors, tags and the
//   statements of the claims behind the event, not only the title;
// - grade keeps events that some backing evidence (supporting or
//   qualifying; a disputing passage does not vouch for the event) meets:
//   its outlet graded at least the chosen reliability (A best), and/or its
//   claim judged at least the chosen credibility (1 best). When both are
//   chosen, one piece of evidence must meet both.

export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];

export const RELIABILITY_WORDS: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

/** Admiralty information credibility, 1 to 6. */
export const CREDIBILITY_WORDS = ['Confirmed', 'Probably true', 'Possibly true', 'Doubtfully true', 'Improbable', 'Cannot be judged'];

export interface ChronologyFilter {
  text: string;
  tag: string;
  actor: string;
  outlet: string;
  /** '' for any grade. */
  minReliability: Reliability | '';
  /** 1-6, or 0 for any. */
  maxCredibility: number;
  /** EDTF (YYYY-MM-DD is EDTF); '' for an open end. */
  from: string;
  to: string;
}

export const NO_FILTER: ChronologyFilter = {
  text: '',
  tag: '',
  actor: '',
  outlet: '',
  minReliability: '',
  maxCredibility: 0,
  from: '',
  to: '',
};

export function isFiltering(filter: ChronologyFilter): boolean {
  return (Object.keys(NO_FILTER) as (keyof ChronologyFilter)[]).some((k) => {
    const v = filter[k];
    return typeof v === 'string' ? v.trim() !== '' : v !== NO_FILTER[k];
  });
}

/** Lower case without accents, so "Nicolas" finds "Nicolás" (as the shared filter folds). */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const UNGRADED = 99;

function reliabilityRank(grade: string | null): number {
  const i = grade === null ? -1 : RELIABILITY_GRADES.indexOf(grade.toUpperCase() as Reliability);
  return i === -1 ? UNGRADED : i + 1;
}

interface Indexed<E> extends FilterableEvent {
  source: E;
  /** Folded words the text box searches. */
  words: string;
  /** [reliability rank, credibility] of each backing passage; UNGRADED when not graded. */
  grades: [number, number][];
}

export interface EventIndex<E> {
  entries: Indexed<E>[];
}

function grades(event: ChronologyEvent): [number, number][] {
  const out: [number, number][] = [];
  for (const claim of event.claims) {
    for (const p of claim.evidence) {
      if (backsEvent(stanceThroughClaim(claim.eventStance, p.stance))) out.push([reliabilityRank(p.reliability), claim.credibility ?? UNGRADED]);
    }
  }
  for (const p of event.passages) if (backsEvent(p.stance)) out.push([reliabilityRank(p.reliability), UNGRADED]);
  return out;
}

export function indexEvents<E extends ChronologyEvent>(events: readonly E[]): EventIndex<E> {
  return {
    entries: events.map((event) => {
      let words = `${event.title}\n${event.place ?? ''}\n${event.description}`;
      for (const a of event.actors) words += `\n${a.name}`;
      for (const t of event.tags) words += `\n${t.name}`;
      for (const c of event.claims) words += `\n${c.statement}`;
      return {
        id: event.id,
        date: event.date,
        evidence: eventEvidence(event).evidence,
        source: event,
        title: event.title,
        tags: event.tags.map((t) => t.name),
        actors: event.actors.map((a) => a.name),
        words: fold(words),
        grades: grades(event),
      };
    }),
  };
}

const indexes = new WeakMap<readonly ChronologyEvent[], EventIndex<ChronologyEvent>>();

/**
 * The index of one loaded list of events, built once however often it is
 * asked for (the view warms it while the browser is idle after the list is
 * drawn, so the first keystroke in the filter does not pay for it).
 */
export function indexFor(events: readonly ChronologyEvent[]): EventIndex<ChronologyEvent> {
  let index = indexes.get(events);
  if (!index) {
    index = indexEvents(events);
    indexes.set(events, index);
  }
  return index;
}

/** A date box's value as the filter reads it, or why it cannot. */
export function dateProblem(value: string): string | null {
  const v = value.trim();
  if (!v || writtenSpans.get(v)) return null;
  return `“${v}” is not a date Annalist reads; write it as 2025-12-31, 2025-12 or 2025.`;
}

export interface FilterOutcome<E> {
  events: E[];
  /** Date boxes that could not be read; those ends are left open. */
  problems: { from?: string; to?: string };
}

export function applyFilter<E>(index: EventIndex<E>, filter: ChronologyFilter): FilterOutcome<E> {
  const problems: FilterOutcome<E>['problems'] = {};
  const fromProblem = dateProblem(filter.from);
  const toProblem = dateProblem(filter.to);
  if (fromProblem) problems.from = fromProblem;
  if (toProblem) problems.to = toProblem;

  const shared: EventFilter = {};
  if (filter.from.trim() && !fromProblem) shared.from = filter.from.trim();
  if (filter.to.trim() && !toProblem) shared.to = filter.to.trim();
  if (filter.outlet.trim()) shared.outlets = [filter.outlet];
  if (filter.actor.trim()) shared.actors = [filter.actor];
  if (filter.tag.trim()) shared.tags = [filter.tag];

  const words = fold(filter.text).split(/\s+/).filter((w) => w !== '');
  const minRank = filter.minReliability ? reliabilityRank(filter.minReliability) : null;
  const maxCredibility = filter.maxCredibility > 0 ? filter.maxCredibility : null;

  let entries = index.entries;
  if (words.length > 0 || minRank !== null || maxCredibility !== null) {
    entries = entries.filter((e) => {
      if (words.length > 0 && !words.every((w) => e.words.includes(w))) return false;
      if (minRank !== null || maxCredibility !== null) {
        const meets = e.grades.some(
          ([rank, credibility]) => (minRank === null || rank <= minRank) && (maxCredibility === null || credibility <= maxCredibility),
        );
        if (!meets) return false;
      }
      return true;
    });
  }
  if (Object.keys(shared).length > 0) entries = filterEvents(entries, shared);
  return { events: entries.map((e) => e.source), problems };
}

export interface FilterChoices {
  tags: string[];
  actors: string[];
  outlets: string[];
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

function distinct(names: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  // The same few names come back thousands of times: fold each spelling once.
  for (const name of new Set(names)) {
    const spelled = name.trim().replace(/\s+/g, ' ');
    const key = fold(spelled);
    if (spelled && !seen.has(key)) seen.set(key, spelled);
  }
  return [...seen.values()].sort(byName);
}

/** What the filter's lists offer: the tags, actors (of events and of the claims behind them) and outlets in this chronology. */
export function filterChoices(events: readonly ChronologyEvent[]): FilterChoices {
  const tags: string[] = [];
  const actors: string[] = [];
  const outlets: string[] = [];
  for (const event of events) {
    for (const t of event.tags) tags.push(t.name);
    for (const a of event.actors) actors.push(a.name);
    for (const c of event.claims) if (c.actor) actors.push(c.actor.name);
    for (const e of event.evidence) if (e.outlet) outlets.push(e.outlet);
  }
  return { tags: distinct(tags), actors: distinct(actors), outlets: distinct(outlets) };
}
