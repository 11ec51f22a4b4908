import { useCallback, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import type { ChronologyDetail, ChronologySummary } from '../../../shared/api/types';
import { eventEvidence } from '../../../shared/chronology/event-evidence';
import { quantitySeries } from '../../../shared/chronology/quantity-series';
import { useQuery } from '../../api/hooks';
import { plural } from '../../app/format';
import { ErrorNote, Loading } from '../../app/ui';
import { EventForm } from '../events/EventForm';
import { ExportPdfButton, ExportStatus, useExportPdf } from '../export/ExportPdfButton';
// The timeline picture and the figures chart are other views of the same
// chronology, built in renderer/features/timeline/ and mounted here as tabs.
import { QuantityChart } from '../timeline/QuantityChart';
import { TimelineView } from '../timeline/TimelineView';
import { ChronologySwitcher } from './ChronologySwitcher';
import { EventList } from './EventList';
import { applyFilter, filterChoices, indexFor, isFiltering, NO_FILTER, type ChronologyFilter } from './event-filtering';
import { FilterBar } from './FilterBar';

// The chronology: pick one of the project's chronologies, narrow its events
// with the filter bar, read them month by month with their sources and
// disputes, open an event's evidence, and make or edit events beside the
// list. Filters and the list's open rows are this view's state, reset when
// another chronology is shown; the address names only the chronology.

type Tab = 'list' | 'timeline' | 'figures';
const TABS: { tab: Tab; label: string }[] = [
  { tab: 'list', label: 'List' },
  { tab: 'timeline', label: 'Timeline' },
  { tab: 'figures', label: 'Figures' },
];
type Editing = { kind: 'new' } | { kind: 'edit'; eventId: number } | null;

function EmptyProject() {
  return (
    <section className="empty-state">
      <div className="empty-mark" aria-hidden="true">
        ⟶
      </div>
      <h2>Build a chronology from your sources</h2>
      <p>
        Make a chronology above, or open an article in the <a href="#/library">Library</a>, highlight a passage, make it a claim, then
        choose <strong>Add to chronology event</strong>. Every event keeps the passages that support it.
      </p>
    </section>
  );
}

function ChronologyPage({ chronology }: { chronology: ChronologyDetail }) {
  const [filter, setFilter] = useState<ChronologyFilter>(NO_FILTER);
  const deferredFilter = useDeferredValue(filter);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const [editing, setEditing] = useState<Editing>(null);
  const [reveal, setReveal] = useState<number | null>(null);
  const [tab, setTab] = useState<Tab>('list');
  const tabIds: Record<Tab | 'panel', string> = { list: useId(), timeline: useId(), figures: useId(), panel: useId() };

  const choices = useMemo(() => filterChoices(chronology.events), [chronology.events]);
  const filtering = isFiltering(deferredFilter);
  const filterKey = useMemo(() => JSON.stringify(deferredFilter), [deferredFilter]);
  const outcome = useMemo(
    () => (filtering ? applyFilter(indexFor(chronology.events), deferredFilter) : { events: chronology.events, problems: {} }),
    [filtering, chronology.events, deferredFilter],
  );
  useEffect(() => {
    const idle = requestIdleCallback(() => indexFor(chronology.events), { timeout: 3000 });
    return () => cancelIdleCallback(idle);
  }, [chronology.events]);
  const shownChronology = useMemo(() => ({ ...chronology, events: outcome.events }), [chronology, outcome.events]);
  // The back end charts the whole chronology; a filtered one is charted here with the same analysis.
  const series = useMemo(
    () => (tab !== 'figures' ? [] : filtering ? quantitySeries(outcome.events.map(eventEvidence)) : chronology.quantitySeries),
    [tab, filtering, outcome.events, chronology.quantitySeries],
  );
  const conflicted = useMemo(() => chronology.events.filter((e) => e.corroboration.conflicts.length > 0).length, [chronology.events]);

  const onToggle = useCallback((eventId: number) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(eventId)) next.delete(eventId);
      else next.add(eventId);
      return next;
    });
  }, []);
  const onEdit = useCallback((eventId: number) => setEditing({ kind: 'edit', eventId }), []);
  const onRevealed = useCallback(() => setReveal(null), []);
  const showInList = useCallback((eventId: number) => {
    setTab('list');
    setReveal(eventId);
  }, []);
  const editedEvent = editing?.kind === 'edit' ? chronology.events.find((e) => e.id === editing.eventId) : undefined;
  // An event deleted while its form was open (from another window) closes the form.
  const formOpen = editing?.kind === 'new' || editedEvent !== undefined;

  const tabButton = (which: Tab, label: string) => (
    <button
      key={which}
      type="button"
      role="tab"
      id={tabIds[which]}
      aria-selected={tab === which}
      aria-controls={tabIds.panel}
      tabIndex={tab === which ? 0 : -1}
      className={`chronology-tab${tab === which ? ' is-on' : ''}`}
      onClick={() => setTab(which)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const at = TABS.findIndex((t) => t.tab === which);
          const next = TABS[(at + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!.tab;
          setTab(next);
          document.getElementById(tabIds[next])?.focus();
        }
      }}
    >
      {label}
    </button>
  );

  return (
    <>
      <div className="chronology-toolbar">
        <div className="chronology-tabs" role="tablist" aria-label="Show the chronology as">
          {TABS.map((t) => tabButton(t.tab, t.label))}
        </div>
        <div className="chronology-stats">
          <p className="filter-count" role="status" aria-live="polite" data-testid="filter-count">
            {filtering
              ? `${outcome.events.length.toLocaleString('en-GB')} of ${plural(chronology.events.length, 'event')}`
              : plural(chronology.events.length, 'event')}
          </p>
          {filtering ? (
            <button type="button" className="btn btn-link btn-small" onClick={() => setFilter(NO_FILTER)}>
              Clear filters
            </button>
          ) : (
            conflicted > 0 && <span className="chronology-stats-conflicts">· {conflicted.toLocaleString('en-GB')} with disagreeing evidence</span>
          )}
        </div>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => setEditing({ kind: 'new' })}>
          New event
        </button>
      </div>
      <FilterBar
        filter={filter}
        onChange={setFilter}
        choices={choices}
        problems={outcome.problems}
      />
      <div className={`chronology-body${formOpen ? ' is-editing' : ''}`}>
        <div className="chronology-panel" role="tabpanel" id={tabIds.panel} aria-labelledby={tabIds[tab]}>
          {chronology.events.length === 0 ? (
            <p className="panel-empty chronology-empty">
              This chronology has no events yet. Choose <strong>New event</strong>, or add one from a claim in the reader.
            </p>
          ) : outcome.events.length === 0 ? (
            <p className="panel-empty chronology-empty">No event matches these filters.</p>
          ) : tab === 'list' ? (
            <EventList
              events={outcome.events}
              label={`Events in ${chronology.name}`}
              expanded={expanded}
              onToggle={onToggle}
              onEdit={onEdit}
              reveal={reveal}
              onRevealed={onRevealed}
              scrollKey={filterKey}
            />
          ) : tab === 'timeline' ? (
            <TimelineView chronology={shownChronology} onSelectEvent={showInList} />
          ) : (
            <QuantityChart series={series} onSelectEvent={showInList} />
          )}
        </div>
        {formOpen && (
          <EventForm
            key={editedEvent ? `e${editedEvent.id}` : 'new'}
            chronologyId={chronology.id}
            event={editedEvent}
            onClose={() => setEditing(null)}
            onSaved={(id) => {
              setEditing(null);
              setTab('list');
              setReveal(id);
            }}
            onDeleted={(id) => {
              setEditing(null);
              setExpanded((prev) => {
                const next = new Set(prev);
                next.delete(id);
                return next;
              });
            }}
          />
        )}
      </div>
    </>
  );
}

export function ChronologyView({ chronologyId }: { chronologyId?: number }) {
  const list = useQuery('chronology.list', {});
  // A chronology named in the address that no longer exists (deleted) falls back to the first.
  const selected: ChronologySummary | null = list.data ? (list.data.find((c) => c.id === chronologyId) ?? list.data[0] ?? null) : null;
  const selectedId = selected?.id ?? null;
  const detail = useQuery('chronology.get', selectedId === null ? null : { id: selectedId });
  const exporter = useExportPdf(selectedId);

  if (list.error) return <ErrorNote>{list.error.message}</ErrorNote>;
  if (!list.data) return <Loading />;

  const chronology = detail.data && detail.data.id === selectedId ? detail.data : undefined;
  return (
    <div className="view chronology-view">
      <header className="view-header">
        <div>
          <h1>{selected?.name ?? 'Chronology'}</h1>
          <p className="view-sub">{list.data.length > 1 ? `One of ${list.data.length} chronologies in this project` : 'Dated events with the passages that prove them'}</p>
        </div>
        <div className="view-actions">
          <ChronologySwitcher chronologies={list.data} selected={selected} />
          {selectedId !== null && <ExportPdfButton state={exporter.state} onExport={() => void exporter.exportPdf()} disabled={!chronology} />}
        </div>
      </header>
      <ExportStatus state={exporter.state} />
      <ErrorNote>{detail.error?.message}</ErrorNote>
      {list.data.length === 0 && <EmptyProject />}
      {selectedId !== null && !chronology && !detail.error && <Loading />}
      {chronology && <ChronologyPage key={chronology.id} chronology={chronology} />}
    </div>
  );
}
