import { useId, useState, type FormEvent } from 'react';
import type { ChronologyDetail, Claim, Stance } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useDataVersion } from '../../app/data-version';
import { ErrorNote } from '../../app/ui';
import { DateHint } from './DateHint';

interface Props {
  claim: Claim;
  chronologies: ChronologyDetail[];
  onDone: (message: string) => void;
  onCancel: () => void;
}

const DEFAULT_NAME = 'Chronology';

/** Puts a claim into a chronology: as the evidence of a new event or of one already there. */
export function AddToChronologyForm({ claim, chronologies, onDone, onCancel }: Props) {
  const { changed } = useDataVersion();
  const ids = { name: useId(), chronology: useId(), title: useId(), date: useId(), description: useId(), event: useId() };
  const eventChoices = chronologies.flatMap((chronology) => chronology.events.map((event) => ({ chronology, event })));
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [createdId, setCreatedId] = useState<number | null>(null);
  const [chosenId, setChosenId] = useState<number | null>(null);
  const [name, setName] = useState(DEFAULT_NAME);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(claim.date ?? '');
  const [description, setDescription] = useState('');
  const [eventId, setEventId] = useState<number | null>(null);
  const [stance, setStance] = useState<Stance>('supports');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const chronologyId = chosenId ?? createdId ?? chronologies[0]?.id ?? null;
  const needsChronology = chronologyId === null;

  async function createEvent() {
    let target = chronologyId;
    if (target === null) {
      const created = await call('chronology.create', { name });
      if (!created.ok) return setError(created.error.message);
      target = created.value.id;
      setCreatedId(target);
      changed();
    }
    const result = await call('events.create', { chronologyId: target, title, date, description, claimIds: [claim.id] });
    if (!result.ok) return setError(result.error.message);
    changed();
    const home = chronologies.find((c) => c.id === target)?.name ?? name;
    onDone(`Added to “${home}”: ${result.value.dateLabel} — ${result.value.title}`);
  }

  async function linkEvent() {
    const chosen = eventId ?? eventChoices[0]?.event.id ?? null;
    if (chosen === null) return setError('Choose an event to link this claim to.');
    const result = await call('events.linkClaim', { eventId: chosen, claimId: claim.id, stance });
    if (!result.ok) return setError(result.error.message);
    changed();
    onDone(`Linked to ${result.value.dateLabel} — ${result.value.title}`);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await (mode === 'new' ? createEvent() : linkEvent());
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form event-form" onSubmit={submit} aria-label="Add to chronology event">
      {eventChoices.length > 0 && (
        <div className="segmented" role="radiogroup" aria-label="New or existing event">
          <label className={mode === 'new' ? 'is-on' : ''}>
            <input type="radio" name={`mode-${claim.id}`} checked={mode === 'new'} onChange={() => setMode('new')} />
            New event
          </label>
          <label className={mode === 'existing' ? 'is-on' : ''}>
            <input type="radio" name={`mode-${claim.id}`} checked={mode === 'existing'} onChange={() => setMode('existing')} />
            Existing event
          </label>
        </div>
      )}

      {mode === 'new' ? (
        <>
          {needsChronology ? (
            <div className="field">
              <label htmlFor={ids.name} className="field-label">
                New chronology
              </label>
              <input id={ids.name} className="input" value={name} onChange={(e) => setName(e.target.value)} />
              <span className="field-hint">Your project has no chronology yet; this one will be created.</span>
            </div>
          ) : (
            chronologies.length > 1 && (
              <div className="field">
                <label htmlFor={ids.chronology} className="field-label">
                  Chronology
                </label>
                <select
                  id={ids.chronology}
                  className="input"
                  value={chronologyId ?? ''}
                  onChange={(e) => setChosenId(Number(e.target.value))}
                >
                  {chronologies.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
            )
          )}
          <div className="field">
            <label htmlFor={ids.title} className="field-label">
              Event title
            </label>
            <input
              id={ids.title}
              className="input"
              value={title}
              autoFocus
              placeholder="e.g. US strike kills five on two boats"
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.date} className="field-label">
              Date
            </label>
            <input
              id={ids.date}
              className="input input-mono"
              value={date}
              placeholder="2025-12-31"
              aria-describedby={`${ids.date}-hint`}
              onChange={(e) => {
                setDate(e.target.value);
                setError(null);
              }}
            />
            <span id={`${ids.date}-hint`} aria-live="polite">
              <DateHint value={date} />
            </span>
          </div>
          <div className="field">
            <label htmlFor={ids.description} className="field-label">
              Description <span className="optional">(optional)</span>
            </label>
            <textarea
              id={ids.description}
              className="input"
              rows={2}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
              }}
            />
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor={ids.event} className="field-label">
              Event
            </label>
            <select
              id={ids.event}
              className="input"
              value={eventId ?? eventChoices[0]?.event.id ?? ''}
              onChange={(e) => setEventId(Number(e.target.value))}
            >
              {chronologies.map((c) =>
                c.events.length ? (
                  <optgroup key={c.id} label={c.name}>
                    {c.events.map((ev) => (
                      <option key={ev.id} value={ev.id}>
                        {ev.dateLabel} — {ev.title}
                      </option>
                    ))}
                  </optgroup>
                ) : null,
              )}
            </select>
          </div>
          <div className="segmented" role="radiogroup" aria-label="The claim">
            <label className={stance === 'supports' ? 'is-on' : ''}>
              <input type="radio" name={`stance-${claim.id}`} checked={stance === 'supports'} onChange={() => setStance('supports')} />
              supports it
            </label>
            <label className={stance === 'disputes' ? 'is-on' : ''}>
              <input type="radio" name={`stance-${claim.id}`} checked={stance === 'disputes'} onChange={() => setStance('disputes')} />
              disputes it
            </label>
            <label className={stance === 'qualifies' ? 'is-on' : ''}>
              <input type="radio" name={`stance-${claim.id}`} checked={stance === 'qualifies'} onChange={() => setStance('qualifies')} />
              qualifies it
            </label>
          </div>
        </>
      )}

      <ErrorNote>{error}</ErrorNote>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
          {busy ? 'Saving…' : mode === 'new' ? 'Add event' : 'Link claim'}
        </button>
        <button type="button" className="btn btn-quiet btn-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
