import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChronologyEvent } from '../../../shared/api/types';
import { plural } from '../../app/format';
import { EventRow } from './EventRow';
import { groupByMonth, headingAt, type ListRow } from './month-groups';

// The chronology list, virtualised: only the rows in view (and a few either
// side) are in the page, so 5,000 events scroll like 50. Rows have no fixed
// height (descriptions, disputes and opened evidence vary), so each row is
// measured as it is drawn and again whenever it changes size. Month headings
// are rows too; the one in force stays pinned at the top.
//
// Keyboard: the list is one tab stop (the current event); ↑/↓ move between
// events, Home/End go to the first and last, Enter opens or closes the
// evidence.

const HEADING_HEIGHT = 40;

function estimate(row: ListRow<ChronologyEvent>, expanded: boolean): number {
  if (row.kind === 'month') return HEADING_HEIGHT;
  const e = row.event;
  let h = 104;
  if (e.description) h += 24 * Math.min(4, Math.ceil(e.description.length / 90));
  if (e.place || e.actors.length > 0 || e.tags.length > 0) h += 24;
  if (e.corroboration.conflicts.some((c) => c.kind === 'date')) h += 28;
  if (expanded) h += 150 * (e.evidence.length || 1);
  return h;
}

function rowKey(row: ListRow<ChronologyEvent>, index: number): string {
  return row.kind === 'month' ? `m${row.month.key}-${index}` : `e${row.event.id}`;
}

function isTextEntry(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export interface EventListProps {
  events: ChronologyEvent[];
  label: string;
  expanded: ReadonlySet<number>;
  onToggle: (eventId: number) => void;
  onEdit: (eventId: number) => void;
  /** An event to bring into view and focus (a new or edited one), once. */
  reveal: number | null;
  onRevealed: () => void;
  /** When it changes (another filter), the list goes back to its top. */
  scrollKey: string;
}

export function EventList({ events, label, expanded, onToggle, onEdit, reveal, onRevealed, scrollKey }: EventListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { rows, rowOfEvent, headingRows } = useMemo(() => groupByMonth(events), [events]);
  const [activeEvent, setActiveEvent] = useState(0);
  const active = Math.min(activeEvent, Math.max(0, events.length - 1));
  const pendingFocus = useRef<number | null>(null);

  const indexOfEvent = useMemo(() => new Map(events.map((e, i) => [e.id, i])), [events]);

  const rangeExtractor = useCallback(
    (range: Range) => {
      // The heading of the first row in view is drawn even when its own row
      // has scrolled away, so it can stay pinned.
      const heading = headingAt(headingRows, range.startIndex);
      const indexes = defaultRangeExtractor(range);
      if (heading !== null && !indexes.includes(heading)) indexes.unshift(heading);
      return indexes;
    },
    [headingRows],
  );

  // The app is not built with the React Compiler, and the virtualiser's
  // functions are only called during render and in handlers, never memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => {
      const row = rows[i]!;
      return estimate(row, row.kind === 'event' && expanded.has(row.event.id));
    },
    getItemKey: (i) => rowKey(rows[i]!, i),
    rangeExtractor,
    overscan: 6,
    scrollPaddingStart: HEADING_HEIGHT,
  });

  const focusEvent = useCallback(
    (index: number) => {
      if (events.length === 0) return;
      const target = Math.max(0, Math.min(events.length - 1, index));
      setActiveEvent(target);
      pendingFocus.current = target;
      virtualizer.scrollToIndex(rowOfEvent[target]!, { align: 'auto' });
    },
    [events.length, rowOfEvent, virtualizer],
  );

  // Focus lands once the row is drawn: after scrollToIndex it may not be yet.
  useEffect(() => {
    const want = pendingFocus.current;
    if (want === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-event-index="${want}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const shownKey = useRef(scrollKey);
  useLayoutEffect(() => {
    if (shownKey.current === scrollKey) return;
    shownKey.current = scrollKey;
    virtualizer.scrollToOffset(0);
  }, [scrollKey, virtualizer]);

  useLayoutEffect(() => {
    if (reveal === null) return;
    const index = indexOfEvent.get(reveal);
    if (index !== undefined) focusEvent(index);
    onRevealed();
  }, [reveal, indexOfEvent, focusEvent, onRevealed]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (isTextEntry(e.target)) return;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-event-index]');
    if (!row) return;
    const index = Number(row.dataset.eventIndex);
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        focusEvent(index + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        focusEvent(index - 1);
        break;
      case 'Home':
        e.preventDefault();
        focusEvent(0);
        break;
      case 'End':
        e.preventDefault();
        focusEvent(events.length - 1);
        break;
      case 'Enter':
      case ' ':
        // Only on the row itself: its buttons and links do their own thing.
        if (e.target === row) {
          e.preventDefault();
          const event = events[index];
          if (event && event.evidence.length > 0) onToggle(event.id);
        }
        break;
    }
  }

  const items = virtualizer.getVirtualItems();
  const pinned = headingAt(headingRows, virtualizer.range?.startIndex ?? 0);
  return (
    <div
      ref={scrollRef}
      className="event-scroller"
      role="region"
      aria-label={label}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const row = (e.target as HTMLElement).closest<HTMLElement>('[data-event-index]');
        if (row) setActiveEvent(Number(row.dataset.eventIndex));
      }}
    >
      <div className="event-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          const isPinned = row.kind === 'month' && item.index === pinned;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={row.kind === 'month' ? `month-row${isPinned ? ' is-pinned' : ''}` : 'event-slot'}
              style={isPinned ? undefined : { transform: `translateY(${item.start}px)` }}
            >
              {row.kind === 'month' ? (
                <h2 className="month-heading">
                  {row.month.label}{' '}
                  <span className="month-count">{plural(row.count, 'event')}</span>
                </h2>
              ) : (
                <EventRow
                  event={row.event}
                  eventIndex={row.eventIndex}
                  eventCount={events.length}
                  expanded={expanded.has(row.event.id)}
                  active={row.eventIndex === active}
                  onToggle={onToggle}
                  onEdit={onEdit}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
