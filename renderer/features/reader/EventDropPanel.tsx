import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import type { ChronologyDetail, ChronologyEvent, Highlight, Stance } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useDataVersion } from '../../app/data-version';
import { plural } from '../../app/format';
import { readStored, writeStored } from '../../app/stored-preference';
import { ErrorNote } from '../../app/ui';

// A passage goes to a chronology event by being dragged onto it: while a
// highlight card is dragged, a panel lists the events of a chronology as
// drop targets; dropping links the passage as direct evidence
// (events.linkPassage). "Add to event…" on the card opens the same panel for
// the keyboard, with each event a button. The outcome stays on screen with
// its stance, which can be changed, and an Undo.

/** The drag data type carrying a highlight id; other programs get the words as text/plain. */
export const HIGHLIGHT_DRAG_TYPE = 'application/x-annalist-highlight';

const CHRONOLOGY_KEY = 'annalist.dropChronology';
const ORDER_KEY = 'annalist.dropOrder';

type Order = 'date' | 'recent';

// The highlight whose drag is under way; a drag that ends before its panel
// was asked for must not open it afterwards.
let activeDrag: number | null = null;

/**
 * Drag-source props for a highlight's handle: its id under Annalist's type.
 * An orphaned highlight has lost its words and cannot be evidence, so it
 * cannot be dragged.
 */
export function highlightDragProps(highlight: Highlight, onDrag: (highlight: Highlight | null) => void) {
  if (highlight.status === 'orphaned') return { draggable: false } as const;
  return {
    draggable: true,
    onDragStart: (e: DragEvent<HTMLElement>) => {
      e.dataTransfer.setData(HIGHLIGHT_DRAG_TYPE, String(highlight.id));
      e.dataTransfer.setData('text/plain', highlight.exact);
      e.dataTransfer.effectAllowed = 'copyLink';
      activeDrag = highlight.id;
      // Chromium ends a drag at once when the page changes under it during dragstart: the panel opens a frame later.
      requestAnimationFrame(() => {
        if (activeDrag === highlight.id) onDrag(highlight);
      });
    },
    onDragEnd: () => {
      activeDrag = null;
      onDrag(null);
    },
  };
}

function carriesHighlight(e: DragEvent): boolean {
  return e.dataTransfer.types.includes(HIGHLIGHT_DRAG_TYPE);
}

const STANCE_WORDS: Record<Stance, string> = { supports: 'supporting', disputes: 'disputing', qualifies: 'qualifying' };

interface Linked {
  highlightId: number;
  eventId: number;
  chronologyId: number;
  label: string;
  stance: Stance;
  /** It was evidence for the event before (Undo then leaves it). */
  already: boolean;
}

function eventLabel(event: ChronologyEvent): string {
  return `${event.dateLabel} — ${event.title}`;
}

function stanceOf(event: ChronologyEvent, highlightId: number): Stance | null {
  return event.passages.find((p) => p.highlightId === highlightId)?.stance ?? null;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

interface Props {
  /** The highlight being dragged, or null when no drag is under way. */
  dragging: Highlight | null;
  /** The highlight chosen with "Add to event…" (the keyboard way), or null. */
  picking: Highlight | null;
  chronologies: ChronologyDetail[] | undefined;
  /** Called once the passage has been dropped, so the reader can end the drag state. */
  onDragDone: () => void;
  onClosePick: () => void;
}

/** The drop panel while a highlight is dragged or picked, and the outcome of the last drop. */
export function EventDropPanel({ dragging, picking, chronologies, onDragDone, onClosePick }: Props) {
  const { changed } = useDataVersion();
  const highlight = dragging ?? picking;
  const mode: 'drag' | 'pick' = dragging ? 'drag' : 'pick';
  const [chosenId, setChosenId] = useState<number | null>(() => readStored(CHRONOLOGY_KEY, (raw) => (/^\d+$/.test(raw) ? Number(raw) : null), null));
  const [order, setOrder] = useState<Order>(() => readStored<Order>(ORDER_KEY, (raw) => (raw === 'recent' ? 'recent' : 'date'), 'date'));
  const [filter, setFilter] = useState('');
  const [overId, setOverId] = useState<number | null>(null);
  const [linked, setLinked] = useState<Linked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const pickerId = useId();
  const filterId = useId();
  const filterRef = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  const list = chronologies ?? [];
  const chronology = list.find((c) => c.id === chosenId) ?? list[0] ?? null;
  const events = useMemo(() => {
    if (!chronology) return [];
    const words = fold(filter).split(/\s+/).filter(Boolean);
    const shown = words.length ? chronology.events.filter((e) => words.every((w) => fold(`${e.title} ${e.dateLabel} ${e.date}`).includes(w))) : chronology.events;
    if (order === 'date') return shown;
    const when = (e: ChronologyEvent) => e.updatedAt ?? e.createdAt;
    return [...shown].sort((a, b) => (when(a) < when(b) ? 1 : when(a) > when(b) ? -1 : b.id - a.id));
  }, [chronology, filter, order]);

  // The keyboard way: focus goes into the panel, and back to the card's button when it closes.
  const pickingId = picking?.id ?? null;
  useEffect(() => {
    if (pickingId === null) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    filterRef.current?.focus();
    return () => {
      if (opener.current?.isConnected) opener.current.focus();
      opener.current = null;
    };
  }, [pickingId]);

  async function link(event: ChronologyEvent, highlightId: number) {
    if (!chronology) return;
    setError(null);
    setBusy(true);
    const before = stanceOf(event, highlightId);
    // Dropping a passage that is already evidence again keeps the stance it has there.
    const wanted = before ?? 'supports';
    const result = await call('events.linkPassage', { eventId: event.id, highlightId, stance: wanted });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setLinked({
      highlightId,
      eventId: event.id,
      chronologyId: chronology.id,
      label: eventLabel(result.value),
      stance: wanted,
      already: before !== null,
    });
    changed();
  }

  async function setStance(stance: Stance) {
    if (!linked) return;
    setError(null);
    const result = await call('events.linkPassage', { eventId: linked.eventId, highlightId: linked.highlightId, stance });
    if (!result.ok) setError(result.error.message);
    else setLinked({ ...linked, stance });
    changed();
  }

  async function undo() {
    if (!linked) return;
    setError(null);
    const result = await call('events.unlinkPassage', { eventId: linked.eventId, highlightId: linked.highlightId });
    if (!result.ok) setError(result.error.message);
    else setLinked(null);
    changed();
  }

  function choose(id: number) {
    setChosenId(id);
    writeStored(CHRONOLOGY_KEY, String(id));
  }

  function drop(e: DragEvent, event: ChronologyEvent) {
    e.preventDefault();
    setOverId(null);
    const id = Number(e.dataTransfer.getData(HIGHLIGHT_DRAG_TYPE));
    onDragDone();
    // A drop onto the panel opened with "Add to event…" settles that too.
    if (picking) onClosePick();
    if (Number.isInteger(id) && id > 0) void link(event, id);
  }

  const panel = highlight && (
    <div
      className={`event-drop${mode === 'drag' ? ' is-dragging' : ''}`}
      role="dialog"
      aria-labelledby={headingId}
      data-testid="event-drop-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && mode === 'pick') {
          e.stopPropagation();
          onClosePick();
        }
      }}
    >
      <div className="event-drop-head">
        <div className="event-drop-title">
          <h2 id={headingId}>{mode === 'drag' ? 'Drop on an event' : 'Add to an event'}</h2>
          {mode === 'pick' && (
            <button type="button" className="btn btn-quiet btn-small" onClick={onClosePick}>
              Close
            </button>
          )}
        </div>
        <q className="event-drop-quote">{highlight.exact}</q>
        {list.length > 0 && (
          <div className="event-drop-controls">
            <label htmlFor={pickerId} className="visually-hidden">
              Chronology
            </label>
            <select id={pickerId} value={chronology?.id ?? ''} onChange={(e) => choose(Number(e.currentTarget.value))}>
              {list.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.events.length})
                </option>
              ))}
            </select>
            <select
              aria-label="Order of events"
              value={order}
              onChange={(e) => {
                const next = e.currentTarget.value === 'recent' ? 'recent' : 'date';
                setOrder(next);
                writeStored(ORDER_KEY, next);
              }}
            >
              <option value="date">By date</option>
              <option value="recent">Recently changed</option>
            </select>
          </div>
        )}
        {mode === 'pick' && chronology && chronology.events.length > 0 && (
          <>
            <label htmlFor={filterId} className="visually-hidden">
              Find an event
            </label>
            <input
              id={filterId}
              ref={filterRef}
              className="event-drop-filter"
              type="search"
              placeholder="Find an event"
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value)}
            />
          </>
        )}
      </div>
      {chronologies === undefined && <p className="event-drop-empty">Loading the chronologies…</p>}
      {chronologies !== undefined && list.length === 0 && (
        <p className="event-drop-empty">
          No chronology yet. Make a claim from this passage and choose <strong>Add to chronology event</strong>, or start one in the{' '}
          <a href="#/chronology">Chronology</a> view.
        </p>
      )}
      {chronology && chronology.events.length === 0 && <p className="event-drop-empty">{chronology.name} has no events yet.</p>}
      {chronology && chronology.events.length > 0 && events.length === 0 && <p className="event-drop-empty">No event matches “{filter}”.</p>}
      {events.length > 0 && (
        <ul className="event-drop-list" aria-label={`Events in ${chronology?.name ?? 'the chronology'}`}>
          {events.map((event) => {
            const stance = stanceOf(event, highlight.id);
            return (
              <li key={event.id}>
                <button
                  type="button"
                  className={`event-target${overId === event.id ? ' is-over' : ''}${stance ? ' is-linked' : ''}`}
                  data-event-id={event.id}
                  disabled={busy}
                  onClick={() => {
                    void link(event, highlight.id);
                    if (mode === 'pick') onClosePick();
                  }}
                  onDragEnter={(e) => {
                    if (carriesHighlight(e)) setOverId(event.id);
                  }}
                  onDragOver={(e) => {
                    if (!carriesHighlight(e)) return;
                    e.preventDefault();
                    e.dataTransfer.dropEffect = 'link';
                    if (overId !== event.id) setOverId(event.id);
                  }}
                  onDragLeave={() => setOverId((id) => (id === event.id ? null : id))}
                  onDrop={(e) => drop(e, event)}
                >
                  <span className="event-target-date">{event.dateLabel}</span>
                  <span className="event-target-title">{event.title}</span>
                  <span className="event-target-note">
                    {stance
                      ? `Already evidence (${STANCE_WORDS[stance]})`
                      : event.corroboration.sourceCount === 0
                        ? 'No sources yet'
                        : plural(event.corroboration.sourceCount, 'independent source')}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p className="event-drop-foot">
        {mode === 'drag' ? 'Drop the passage on the event it is evidence for.' : 'Choose the event this passage is evidence for.'}
      </p>
    </div>
  );

  return (
    <>
      {panel}
      {(linked || error) && !highlight && (
        <div className="event-drop-toast" role="status" data-testid="event-link-outcome">
          <ErrorNote>{error}</ErrorNote>
          {linked && (
            <div className="link-confirmation notice notice-ok">
              <p>
                {linked.already ? 'Already evidence for' : 'Added to'} {linked.label}
              </p>
              <div className="link-actions">
                <label htmlFor={`${headingId}-stance`}>Stance</label>
                <select id={`${headingId}-stance`} value={linked.stance} onChange={(e) => void setStance(e.currentTarget.value as Stance)}>
                  <option value="supports">Supports</option>
                  <option value="disputes">Disputes</option>
                  <option value="qualifies">Qualifies</option>
                </select>
                <a className="btn btn-link btn-small" href={`#/chronology/${linked.chronologyId}`}>
                  Open chronology
                </a>
                <span className="spacer" />
                {!linked.already && (
                  <button type="button" className="btn btn-secondary btn-small" onClick={() => void undo()}>
                    Undo
                  </button>
                )}
                <button type="button" className="btn btn-quiet btn-small btn-icon" aria-label="Dismiss" title="Dismiss" onClick={() => setLinked(null)}>
                  ×
                </button>
              </div>
            </div>
          )}
        </div>
      )}
    </>
  );
}
