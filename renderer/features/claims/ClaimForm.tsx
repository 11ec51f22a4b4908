import { useId, useState, type FormEvent } from 'react';
import type { Claim, Highlight } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useDataVersion } from '../../app/data-version';
import { ErrorNote } from '../../app/ui';

interface Props {
  highlight: Highlight;
  onCreated: (claim: Claim) => void;
  onCancel: () => void;
}

/** Turns a highlighted passage into a claim: a short statement in the researcher's words. */
export function ClaimForm({ highlight, onCreated, onCancel }: Props) {
  const { changed } = useDataVersion();
  const [statement, setStatement] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await call('claims.create', { highlightId: highlight.id, statement });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    changed();
    onCreated(result.value);
  }

  return (
    <form className="inline-form claim-form" onSubmit={submit} aria-label="New claim">
      <label htmlFor={inputId} className="field-label">
        Claim statement
      </label>
      <input
        id={inputId}
        className="input"
        type="text"
        value={statement}
        autoFocus
        placeholder="e.g. The US military said five people were killed on Wednesday"
        onChange={(e) => setStatement(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      />
      <ErrorNote>{error}</ErrorNote>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
          {busy ? 'Saving…' : 'Save claim'}
        </button>
        <button type="button" className="btn btn-quiet btn-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
