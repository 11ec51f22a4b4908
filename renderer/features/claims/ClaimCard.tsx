import { useState } from 'react';
import type { ChronologyDetail, Claim } from '../../../shared/api/types';
import { recordedDay } from '../../app/format';
import type { EventRef } from '../chronology/use-chronologies';
import { AddToChronologyForm } from './AddToChronologyForm';

interface Props {
  claim: Claim;
  events: EventRef[];
  chronologies: ChronologyDetail[] | undefined;
}

export function ClaimCard({ claim, events, chronologies }: Props) {
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  return (
    <li className="claim-card">
      <p className="claim-statement">
        <span className="claim-label">Claim</span>
        {claim.statement}
      </p>
      {events.length > 0 && (
        <ul className="claim-events" aria-label="In the chronology">
          {events.map(({ chronology, event }) => (
            <li key={`${chronology.id}-${event.id}`}>
              <a href={`#/chronology/${chronology.id}`}>
                <span className="claim-event-date">{event.dateLabel}</span> {event.title}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {adding && chronologies ? (
        <AddToChronologyForm
          claim={claim}
          chronologies={chronologies}
          onCancel={() => setAdding(false)}
          onDone={(message) => {
            setAnnouncement(message);
            setAdding(false);
          }}
        />
      ) : (
        <div className="card-actions">
          <span className="meta">{recordedDay(claim.createdAt)}</span>
          <button
            type="button"
            className="btn btn-link btn-small"
            disabled={!chronologies}
            onClick={() => {
              setAnnouncement('');
              setAdding(true);
            }}
          >
            Add to chronology event
          </button>
        </div>
      )}
    </li>
  );
}
