import { figureWords } from '../../../shared/chronology/conflict-words';
import { useState } from 'react';
import type { ChronologyDetail, Claim } from '../../../shared/api/types';
import { recordedDay } from '../../app/format';
import type { EventRef } from '../chronology/use-chronologies';
import { AddToChronologyForm } from './AddToChronologyForm';

interface Props {
  claim: Claim;
  events: EventRef[];
  chronologies: ChronologyDetail[] | undefined;
  /** Open the "add to chronology" form (the E key after making the claim). */
  addRequested?: boolean;
}

/** Who asserts the claim, the date and figure it gives, and its grade, in one line. */
export function ClaimFacts({ claim }: { claim: Claim }) {
  const facts: string[] = [];
  if (claim.actor) facts.push(`by ${claim.actor.name}`);
  if (claim.dateLabel) facts.push(claim.datePhrase ? `${claim.dateLabel} (“${claim.datePhrase}”)` : claim.dateLabel);
  if (claim.quantity) {
    const q = claim.quantity;
    facts.push(`${figureWords(q.comparator, q.value)} ${q.unit}${q.asOf ? ` as of ${q.asOf}` : ''}`);
  }
  if (claim.credibility) facts.push(`credibility ${claim.credibility}`);
  if (claim.evidence.length > 1) facts.push(`${claim.evidence.length} passages`);
  return facts.length ? <p className="claim-facts">{facts.join(' · ')}</p> : null;
}

export function ClaimCard({ claim, events, chronologies, addRequested = false }: Props) {
  const [adding, setAdding] = useState(addRequested);
  // A new request (the E key) opens the form; adjusting state while rendering, as React advises, not in an effect.
  const [requested, setRequested] = useState(addRequested);
  if (requested !== addRequested) {
    setRequested(addRequested);
    if (addRequested) setAdding(true);
  }
  const [announcement, setAnnouncement] = useState('');
  return (
    <li className="claim-card">
      <p className="claim-statement">
        <span className="claim-label">{claim.kind === 'other' ? 'Claim' : claim.kind}</span>
        {claim.statement}
      </p>
      <ClaimFacts claim={claim} />
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
