import { parseEventDate } from '../dates/event-date';
import { spansOverlap, writtenSpans, type TimeSpan } from './edtf-span';
import type { EventInput } from './evidence';
import { outletKey } from './independent-sources';

// Narrowing a loaded chronology in memory, as the researcher types: by words
// in the title, by outlet, by a date range, by actor and by tag. Every
// criterion given must hold; within a list (two outlets, two tags) any one
// will do, as in a faceted search.

export interface FilterableEvent extends EventInput {
  title?: string;
  tags?: string[];
  /** Actors named on the event itself; the evidence's actors count too. */
  actors?: string[];
}

export interface EventFilter {
  /** Every word must appear in the title (case and accents ignored). */
  text?: string;
  /** Some evidence comes from one of these outlets (case ignored). */
  outlets?: string[];
  /** EDTF; the event's date must overlap [from, to]. Either end may be left out. */
  from?: string;
  to?: string;
  /** The event or its evidence names one of these actors (case ignored). */
  actors?: string[];
  /** The event carries one of these tags (case ignored). */
  tags?: string[];
}

/** Lower case without accents, so "Nicolas" finds "Nicolás". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function nameSet(names: string[] | undefined): Set<string> | null {
  if (!names) return null;
  const set = new Set(names.map((n) => fold(n.trim().replace(/\s+/g, ' '))).filter((n) => n !== ''));
  return set.size > 0 ? set : null;
}

function spanOf(edtf: string): TimeSpan {
  // Dates are taken as written: "January 2026" should not bring in "c. December 2025".
  const span = writtenSpans.get(edtf);
  if (span) return span;
  parseEventDate(edtf); // throws the sentence a researcher reads
  throw new Error(`unreadable date ${edtf}`);
}

/** The events that meet every criterion given, in their order. */
export function filterEvents<E extends FilterableEvent>(events: readonly E[], filter: EventFilter): E[] {
  const words = filter.text ? fold(filter.text).split(/\s+/).filter((w) => w !== '') : [];
  const outlets = filter.outlets ? new Set(filter.outlets.map(outletKey).filter((o): o is string => o !== null)) : null;
  const actors = nameSet(filter.actors);
  const tags = nameSet(filter.tags);
  const from = filter.from?.trim() ? spanOf(filter.from).start : -Infinity;
  const to = filter.to?.trim() ? spanOf(filter.to).end : Infinity;
  const window: TimeSpan | null = from === -Infinity && to === Infinity ? null : { start: from, end: to };

  return events.filter((event) => {
    if (window) {
      const span = writtenSpans.get(event.date);
      if (!span || !spansOverlap(span, window)) return false;
    }
    if (words.length > 0) {
      const title = fold(event.title ?? '');
      if (!words.every((w) => title.includes(w))) return false;
    }
    if (tags && !(event.tags ?? []).some((t) => tags.has(fold(t.trim())))) return false;
    if (outlets && outlets.size > 0 && !event.evidence.some((e) => outlets.has(outletKey(e.outlet) ?? ''))) return false;
    if (actors) {
      const named =
        (event.actors ?? []).some((a) => actors.has(fold(a.trim().replace(/\s+/g, ' ')))) ||
        event.evidence.some((e) => e.actor !== null && actors.has(fold(e.actor.trim().replace(/\s+/g, ' '))));
      if (!named) return false;
    }
    return true;
  });
}
