import { useId, useState, type FormEvent } from 'react';
import type { Claim, ClaimKind, Comparator, Highlight } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { useDataVersion } from '../../app/data-version';
import { ErrorNote } from '../../app/ui';
import { DateHint } from './DateHint';

interface Props {
  highlight: Highlight;
  onCreated: (claim: Claim) => void;
  onCancel: () => void;
}

export const CLAIM_KINDS: { value: ClaimKind; label: string }[] = [
  { value: 'event', label: 'Event — something happened' },
  { value: 'quantity', label: 'Quantity — a figure' },
  { value: 'quote', label: 'Quote — someone’s words' },
  { value: 'allegation', label: 'Allegation' },
  { value: 'denial', label: 'Denial' },
  { value: 'other', label: 'Other' },
];

export const COMPARATORS: { value: Comparator; label: string }[] = [
  { value: '=', label: 'exactly' },
  { value: '>', label: 'more than' },
  { value: '>=', label: 'at least' },
  { value: '<', label: 'fewer than' },
  { value: '<=', label: 'at most' },
  { value: '~', label: 'about' },
];

/** Admiralty information credibility. */
export const CREDIBILITY = ['Confirmed', 'Probably true', 'Possibly true', 'Doubtfully true', 'Improbable', 'Cannot be judged'];

/**
 * Turns a highlighted passage into a claim: a statement in the researcher's
 * words, its kind, who asserts it, the date it asserts (suggested from the
 * passage, resolved against the article's publication date, used only when
 * the researcher accepts it) and, for a figure, its value, unit and date.
 */
export function ClaimForm({ highlight, onCreated, onCancel }: Props) {
  const { changed } = useDataVersion();
  const suggestions = useQuery('claims.suggestDates', { highlightId: highlight.id });
  const actors = useQuery('actors.list', {});
  const ids = { statement: useId(), kind: useId(), actor: useId(), actors: useId(), date: useId(), value: useId(), unit: useId(), asOf: useId(), credibility: useId() };
  const [statement, setStatement] = useState('');
  const [kind, setKind] = useState<ClaimKind>('event');
  const [actor, setActor] = useState('');
  const [date, setDate] = useState('');
  const [datePhrase, setDatePhrase] = useState<string | null>(null);
  const [comparator, setComparator] = useState<Comparator>('=');
  const [quantityValue, setQuantityValue] = useState('');
  const [unit, setUnit] = useState('');
  const [asOf, setAsOf] = useState<string | null>(null);
  const [credibility, setCredibility] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reference = suggestions.data?.reference ?? null;
  const asOfValue = asOf ?? reference ?? '';
  const undatable = suggestions.data?.suggestions.filter((s) => s.edtf === null) ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (kind === 'quantity' && (quantityValue.trim() === '' || !Number.isFinite(Number(quantityValue)))) {
      setError('Give the figure as a number, e.g. 110.');
      return;
    }
    setBusy(true);
    const result = await call('claims.create', {
      highlightId: highlight.id,
      statement,
      kind,
      ...(actor.trim() ? { actorName: actor } : {}),
      ...(date.trim() ? { date, datePhrase } : {}),
      ...(kind === 'quantity' ? { quantity: { value: Number(quantityValue), comparator, unit, asOf: asOfValue.trim() || null } } : {}),
      ...(credibility ? { credibility: Number(credibility) } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    changed();
    onCreated(result.value);
  }

  return (
    <form
      className="inline-form claim-form"
      onSubmit={submit}
      aria-label="New claim"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.requestSubmit();
      }}
    >
      <div className="field">
        <label htmlFor={ids.statement} className="field-label">
          Claim statement
        </label>
        <input
          id={ids.statement}
          className="input"
          type="text"
          value={statement}
          autoFocus
          placeholder="e.g. The US military said five people were killed on Wednesday"
          onChange={(e) => setStatement(e.target.value)}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.kind} className="field-label">
            Kind
          </label>
          <select id={ids.kind} className="input" value={kind} onChange={(e) => setKind(e.target.value as ClaimKind)}>
            {CLAIM_KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.actor} className="field-label">
            Asserted by <span className="optional">(optional)</span>
          </label>
          <input
            id={ids.actor}
            className="input"
            list={ids.actors}
            value={actor}
            placeholder="e.g. US Southern Command"
            onChange={(e) => setActor(e.target.value)}
          />
          <datalist id={ids.actors}>
            {(actors.data ?? []).map((a) => (
              <option key={a.id} value={a.name} />
            ))}
          </datalist>
        </div>
      </div>

      <div className="field">
        <label htmlFor={ids.date} className="field-label">
          Date it asserts <span className="optional">(optional)</span>
        </label>
        {(suggestions.data?.suggestions.length ?? 0) > 0 && (
          <ul className="date-suggestions" aria-label="Dates in the passage">
            {suggestions.data!.suggestions.map((s) =>
              s.edtf ? (
                <li key={`${s.text}-${s.edtf}`}>
                  <button
                    type="button"
                    className={`date-chip${date === s.edtf ? ' is-on' : ''}`}
                    aria-pressed={date === s.edtf}
                    title={`Inferred from “${s.text}” and the publication date ${reference}; click to accept`}
                    onClick={() => {
                      setDate(s.edtf!);
                      setDatePhrase(s.text);
                    }}
                  >
                    <span className="date-chip-phrase">“{s.text}”</span> → <strong>{s.label}</strong>
                    <span className="date-chip-state">{date === s.edtf ? 'accepted' : 'inferred'}</span>
                  </button>
                </li>
              ) : null,
            )}
          </ul>
        )}
        {undatable.length > 0 && reference === null && (
          <p className="field-hint notice-warn-text" role="note">
            This article has no publication date, so {undatable.map((s) => `“${s.text}”`).join(', ')} cannot be dated. Set its
            publication date in the article’s metadata (Library → Review metadata), then come back.
          </p>
        )}
        <input
          id={ids.date}
          className="input input-mono"
          value={date}
          placeholder="EDTF, e.g. 2025-12-31, 2025-12, 2025-12~"
          aria-describedby={`${ids.date}-hint`}
          onChange={(e) => {
            setDate(e.target.value);
            setDatePhrase(null);
          }}
        />
        <span id={`${ids.date}-hint`} aria-live="polite">
          <DateHint value={date} />
        </span>
      </div>

      {kind === 'quantity' && (
        <fieldset className="field quantity-fields">
          <legend className="field-label">Figure</legend>
          <div className="field-row">
            <select aria-label="Comparator" className="input" value={comparator} onChange={(e) => setComparator(e.target.value as Comparator)}>
              {COMPARATORS.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
            <input id={ids.value} aria-label="Value" className="input input-number" inputMode="decimal" value={quantityValue} placeholder="110" onChange={(e) => setQuantityValue(e.target.value)} />
            <input id={ids.unit} aria-label="Unit" className="input" value={unit} placeholder="people killed" onChange={(e) => setUnit(e.target.value)} />
          </div>
          <label htmlFor={ids.asOf} className="field-label">
            As of
          </label>
          <input id={ids.asOf} className="input input-mono" value={asOfValue} placeholder="2026-01-02" onChange={(e) => setAsOf(e.target.value)} />
          <DateHint value={asOfValue} />
        </fieldset>
      )}

      <div className="field">
        <label htmlFor={ids.credibility} className="field-label">
          Credibility <span className="optional">(optional)</span>
        </label>
        <select id={ids.credibility} className="input" value={credibility} onChange={(e) => setCredibility(e.target.value)}>
          <option value="">Not graded</option>
          {CREDIBILITY.map((label, i) => (
            <option key={label} value={i + 1}>
              {i + 1} — {label}
            </option>
          ))}
        </select>
      </div>

      <ErrorNote>{error}</ErrorNote>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
          {busy ? 'Saving…' : 'Save claim'}
        </button>
        <button type="button" className="btn btn-quiet btn-small" onClick={onCancel}>
          Cancel
        </button>
        <span className="meta">Ctrl+Enter saves</span>
      </div>
    </form>
  );
}
