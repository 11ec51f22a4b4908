import { useState } from 'react';
import type { ChronologyDetail, Claim, Highlight } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useDataVersion } from '../../app/data-version';
import { plural, recordedAt } from '../../app/format';
import { ErrorNote } from '../../app/ui';
import { ClaimCard } from '../claims/ClaimCard';
import { ClaimForm } from '../claims/ClaimForm';
import type { EventRef } from '../chronology/use-chronologies';

interface Props {
  highlights: Highlight[];
  claimsByHighlight: Map<number, Claim[]>;
  eventsByClaim: Map<number, EventRef[]>;
  chronologies: ChronologyDetail[] | undefined;
  activeId: number | null;
  onSelect: (id: number) => void;
}

function HighlightCard({
  highlight,
  claims,
  eventsByClaim,
  chronologies,
  active,
  onSelect,
}: {
  highlight: Highlight;
  claims: Claim[];
  eventsByClaim: Map<number, EventRef[]>;
  chronologies: ChronologyDetail[] | undefined;
  active: boolean;
  onSelect: () => void;
}) {
  const { changed } = useDataVersion();
  const [claiming, setClaiming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setError(null);
    const result = await call('annotations.deleteHighlight', { id: highlight.id });
    if (!result.ok) setError(result.error.message);
    else changed();
  }

  return (
    <li className={`highlight-card${active ? ' is-active' : ''}`} data-highlight-card={highlight.id}>
      <button type="button" className="highlight-quote" onClick={onSelect} aria-label={`Show in article: ${highlight.exact}`}>
        <span className={`swatch hl-${highlight.color}`} aria-hidden="true" />
        <q>{highlight.exact}</q>
      </button>
      <div className="card-actions">
        <span className="meta">{recordedAt(highlight.createdAt)}</span>
        <span className="spacer" />
        {!claiming && (
          <button type="button" className="btn btn-link btn-small" onClick={() => setClaiming(true)}>
            Make claim
          </button>
        )}
        {claims.length === 0 && (
          <button type="button" className="btn btn-quiet btn-icon btn-small" aria-label="Delete this highlight" title="Delete this highlight" onClick={() => void remove()}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M3 4h10M6.5 4V2.5h3V4M5 4l.6 9h4.8l.6-9" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        )}
      </div>
      <ErrorNote>{error}</ErrorNote>
      {claiming && <ClaimForm highlight={highlight} onCancel={() => setClaiming(false)} onCreated={() => setClaiming(false)} />}
      {claims.length > 0 && (
        <ul className="claim-list">
          {claims.map((c) => (
            <ClaimCard key={c.id} claim={c} events={eventsByClaim.get(c.id) ?? []} chronologies={chronologies} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function HighlightPanel({ highlights, claimsByHighlight, eventsByClaim, chronologies, activeId, onSelect }: Props) {
  return (
    <section className="highlight-panel" aria-labelledby="highlights-heading">
      <header className="panel-header">
        <h2 id="highlights-heading">Highlights</h2>
        <span className="panel-count">{plural(highlights.length, 'passage')}</span>
      </header>
      {highlights.length === 0 ? (
        <div className="panel-empty">
          <p>Select a passage in the article, then choose <strong>Highlight</strong> or press <kbd>H</kbd>.</p>
          <p>Each highlight can become a claim, and each claim evidence for an event in your chronology.</p>
        </div>
      ) : (
        <ol className="highlight-list">
          {highlights.map((h) => (
            <HighlightCard
              key={h.id}
              highlight={h}
              claims={claimsByHighlight.get(h.id) ?? []}
              eventsByClaim={eventsByClaim}
              chronologies={chronologies}
              active={h.id === activeId}
              onSelect={() => onSelect(h.id)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
