import { useId, useState, type FormEvent } from 'react';
import type { ChronologySummary } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useDataVersion } from '../../app/data-version';
import { plural } from '../../app/format';
import { navigate } from '../../app/router';
import { ErrorNote } from '../../app/ui';

// Several chronologies per project: pick one, make a new one, rename or
// delete the one shown. Deleting asks first and says what stays (claims and
// passages are the project's, not the chronology's).

type Mode = { kind: 'idle' } | { kind: 'create' } | { kind: 'rename' } | { kind: 'delete' };

interface Props {
  chronologies: ChronologySummary[];
  selected: ChronologySummary | null;
}

export function ChronologySwitcher({ chronologies, selected }: Props) {
  const { changed } = useDataVersion();
  const pickerId = useId();
  const nameId = useId();
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = (next: Mode, initial = '') => {
    setMode(next);
    setName(initial);
    setError(null);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode.kind === 'create') {
        const r = await call('chronology.create', { name });
        if (!r.ok) return setError(r.error.message);
        changed();
        open({ kind: 'idle' });
        navigate({ view: 'chronology', chronologyId: r.value.id });
      } else if (mode.kind === 'rename' && selected) {
        const r = await call('chronology.rename', { id: selected.id, name });
        if (!r.ok) return setError(r.error.message);
        changed();
        open({ kind: 'idle' });
      } else if (mode.kind === 'delete' && selected) {
        const r = await call('chronology.delete', { id: selected.id });
        if (!r.ok) return setError(r.error.message);
        const next = chronologies.find((c) => c.id !== selected.id);
        open({ kind: 'idle' });
        changed();
        navigate(next ? { view: 'chronology', chronologyId: next.id } : { view: 'chronology' }, { replace: true });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="chronology-switcher">
      <div className="switcher-row">
        {chronologies.length > 0 && (
          <div className="picker">
            <label htmlFor={pickerId} className="field-label">
              Chronology
            </label>
            <select
              id={pickerId}
              className="input"
              value={selected?.id ?? ''}
              onChange={(e) => {
                open({ kind: 'idle' });
                navigate({ view: 'chronology', chronologyId: Number(e.target.value) });
              }}
            >
              {chronologies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.eventCount})
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="switcher-actions" role="group" aria-label="Chronologies">
          <button type="button" className="btn btn-secondary btn-small" onClick={() => open({ kind: 'create' })}>
            New chronology
          </button>
          {selected && (
            <>
              <button type="button" className="btn btn-quiet btn-small" onClick={() => open({ kind: 'rename' }, selected.name)}>
                Rename
              </button>
              <button type="button" className="btn btn-quiet btn-small btn-destructive-quiet" onClick={() => open({ kind: 'delete' })}>
                Delete
              </button>
            </>
          )}
        </div>
      </div>
      {mode.kind !== 'idle' && (
        <form
          className="switcher-form"
          onSubmit={submit}
          aria-label={mode.kind === 'create' ? 'New chronology' : mode.kind === 'rename' ? 'Rename chronology' : 'Delete chronology'}
          onKeyDown={(e) => {
            if (e.key === 'Escape') open({ kind: 'idle' });
          }}
        >
          {mode.kind === 'delete' && selected ? (
            <p className="switcher-confirm" role="alert">
              Delete “{selected.name}” and its {plural(selected.eventCount, 'event')}? The claims and passages stay in the project.
            </p>
          ) : (
            <div className="field">
              <label htmlFor={nameId} className="field-label">
                {mode.kind === 'create' ? 'Name of the new chronology' : 'New name'}
              </label>
              <input id={nameId} className="input" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
            </div>
          )}
          <div className="form-actions">
            <button
              type="submit"
              className={`btn btn-small ${mode.kind === 'delete' ? 'btn-destructive' : 'btn-primary'}`}
              disabled={busy}
              autoFocus={mode.kind === 'delete'}
            >
              {mode.kind === 'create' ? 'Create' : mode.kind === 'rename' ? 'Rename' : 'Delete chronology'}
            </button>
            <button type="button" className="btn btn-quiet btn-small" onClick={() => open({ kind: 'idle' })}>
              Cancel
            </button>
          </div>
          <ErrorNote>{error}</ErrorNote>
        </form>
      )}
    </div>
  );
}
