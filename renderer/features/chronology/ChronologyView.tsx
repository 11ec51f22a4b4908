import { useId, useState } from 'react';
import type { ChronologyEvent, EvidenceCitation } from '../../../shared/api/types';
import { useQuery } from '../../api/hooks';
import { plural, publishedLabel } from '../../app/format';
import { navigate } from '../../app/router';
import { Badge, ErrorNote, Loading } from '../../app/ui';
import { ExportPdfButton, ExportStatus, useExportPdf } from '../export/ExportPdfButton';

function evidenceLabel(n: number): string {
  return n === 0 ? 'No evidence yet' : `${n} ${n === 1 ? 'source' : 'sources'} of evidence`;
}

function Evidence({ item }: { item: EvidenceCitation }) {
  const source = [item.articleTitle, item.outlet, item.publishedAt ? publishedLabel(item.publishedAt) : null].filter(Boolean);
  return (
    <li className={`evidence evidence-${item.stance}`}>
      <blockquote className="evidence-quote">{item.quote}</blockquote>
      <p className="evidence-claim">
        {item.stance === 'disputes' && <Badge tone="error">disputes</Badge>}
        <span className="claim-label">Claim</span>
        {item.statement}
      </p>
      <p className="evidence-source">
        <a href={`#/article/${item.articleId}/claim/${item.claimId}`}>{source.join(' · ')}</a>
        <span className="mono hash" title={`SHA-256 ${item.sha256}`}>
          {item.sha256.slice(0, 12)}
        </span>
      </p>
    </li>
  );
}

function EventCard({ event }: { event: ChronologyEvent }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const count = event.evidence.length;
  return (
    <li className="event" data-testid="chronology-event">
      <div className="event-date">
        <span className="event-date-label">{event.dateLabel}</span>
        <span className="event-edtf mono" title="EDTF date">
          {event.date}
        </span>
      </div>
      <div className="event-body">
        <h2 className="event-title">{event.title}</h2>
        {event.description && <p className="event-description">{event.description}</p>}
        <button
          type="button"
          className={`evidence-toggle${count === 0 ? ' is-empty' : ''}`}
          aria-expanded={open}
          aria-controls={listId}
          disabled={count === 0}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="evidence-count" data-testid="evidence-count">
            {evidenceLabel(count)}
          </span>
          {count > 0 && (
            <span className="chevron" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
          )}
        </button>
        {open && (
          <ul className="evidence-list" id={listId}>
            {event.evidence.map((item) => (
              <Evidence key={`${item.claimId}-${item.stance}`} item={item} />
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

export function ChronologyView({ chronologyId }: { chronologyId?: number }) {
  const list = useQuery('chronology.list', {});
  const selectedId = chronologyId ?? list.data?.[0]?.id ?? null;
  const detail = useQuery('chronology.get', selectedId === null ? null : { id: selectedId });
  const pickerId = useId();
  const exporter = useExportPdf(selectedId);

  if (list.error) return <ErrorNote>{list.error.message}</ErrorNote>;
  if (!list.data) return <Loading />;

  if (list.data.length === 0) {
    return (
      <div className="view chronology-view">
        <header className="view-header">
          <div>
            <h1>Chronology</h1>
            <p className="view-sub">No events yet</p>
          </div>
        </header>
        <section className="empty-state">
          <div className="empty-mark" aria-hidden="true">
            ⟶
          </div>
          <h2>Build a chronology from your sources</h2>
          <p>
            Open an article in the <a href="#/library">Library</a>, highlight a passage, make it a claim, then choose{' '}
            <strong>Add to chronology event</strong>. Every event keeps the passages that support it.
          </p>
        </section>
      </div>
    );
  }

  const chronology = detail.data;
  return (
    <div className="view chronology-view">
      <header className="view-header">
        <div>
          <h1>{chronology?.name ?? 'Chronology'}</h1>
          <p className="view-sub">{chronology ? plural(chronology.events.length, 'event') : '\u00a0'}</p>
        </div>
        <div className="view-actions">
          {list.data.length > 1 && (
            <div className="picker">
              <label htmlFor={pickerId} className="field-label">
                Chronology
              </label>
              <select
                id={pickerId}
                className="input"
                value={selectedId ?? ''}
                onChange={(e) => navigate({ view: 'chronology', chronologyId: Number(e.target.value) })}
              >
                {list.data.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.eventCount})
                  </option>
                ))}
              </select>
            </div>
          )}
          {selectedId !== null && (
            <ExportPdfButton state={exporter.state} onExport={() => void exporter.exportPdf()} disabled={!chronology} />
          )}
        </div>
      </header>
      <ExportStatus state={exporter.state} />
      <ErrorNote>{detail.error?.message}</ErrorNote>
      {!chronology && !detail.error && <Loading />}
      {chronology && chronology.events.length === 0 && (
        <p className="panel-empty">
          This chronology has no events yet. Add one from a claim in the reader.
        </p>
      )}
      {chronology && chronology.events.length > 0 && (
        <ol className="timeline" aria-label={`Events in ${chronology.name}`}>
          {chronology.events.map((event) => (
            <EventCard key={event.id} event={event} />
          ))}
        </ol>
      )}
    </div>
  );
}
