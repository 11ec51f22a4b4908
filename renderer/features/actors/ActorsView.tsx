import { useEffect, useId, useRef, useState } from 'react';
import type { Actor } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { useDataVersion } from '../../app/data-version';
import { plural } from '../../app/format';
import { ErrorNote, Loading } from '../../app/ui';

// The project's actors (who asserts a claim, who takes part in an event) as
// a managed list: one spelling for everyone, renamed in place, two names for
// one actor merged, a stray one deleted. Merge and delete say what they will
// change and wait for a second click.

type Outcome = { ok: true } | { ok: false; error: { message: string } };

type Pending = { kind: 'merge'; from: Actor; into: Actor } | { kind: 'delete'; actor: Actor };

/** "3 claims and 1 event", or "nothing yet". */
function uses(actor: Actor): string {
  const parts = [];
  if (actor.claimCount > 0) parts.push(plural(actor.claimCount, 'claim'));
  if (actor.eventCount > 0) parts.push(plural(actor.eventCount, 'event'));
  return parts.length ? parts.join(' and ') : 'nothing yet';
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function Confirmation({ pending, onConfirm, onCancel }: { pending: Pending; onConfirm: () => void; onCancel: () => void }) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  const text =
    pending.kind === 'merge' ? (
      <>
        Merge <strong>{pending.from.name}</strong> into <strong>{pending.into.name}</strong>? Its {uses(pending.from)} will name {pending.into.name}, and{' '}
        {pending.from.name} leaves the list.
      </>
    ) : (
      <>
        Delete <strong>{pending.actor.name}</strong>?{' '}
        {pending.actor.claimCount + pending.actor.eventCount > 0
          ? `Its ${uses(pending.actor)} keep their statements without this actor.`
          : 'No claim or event names it.'}
      </>
    );
  return (
    <div
      className="confirm-box"
      role="alertdialog"
      aria-label={pending.kind === 'merge' ? 'Confirm merge' : 'Confirm delete'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <span>{text}</span>
      <button ref={confirmRef} type="button" className="btn btn-danger btn-small" onClick={onConfirm}>
        {pending.kind === 'merge' ? 'Merge' : 'Delete'}
      </button>
      <button type="button" className="btn btn-secondary btn-small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function ActorRow({
  actor,
  others,
  onRun,
  onAsk,
}: {
  actor: Actor;
  others: Actor[];
  onRun: (work: () => Promise<Outcome>) => Promise<boolean>;
  onAsk: (pending: Pending) => void;
}) {
  const [name, setName] = useState(actor.name);
  const rename = async () => {
    const clean = name.replace(/\s+/g, ' ').trim();
    if (!clean || clean === actor.name) {
      setName(actor.name);
      return;
    }
    // A refused name (taken by another actor) goes back to the saved one; the notice says why.
    if (!(await onRun(() => call('actors.rename', { id: actor.id, name: clean })))) setName(actor.name);
  };
  return (
    <tr data-actor={actor.name}>
      <td>
        <input
          className="name-input"
          value={name}
          aria-label={`Name of actor “${actor.name}”`}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={() => void rename()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') setName(actor.name);
          }}
        />
      </td>
      <td className="num">{actor.claimCount.toLocaleString('en-GB')}</td>
      <td className="num">{actor.eventCount.toLocaleString('en-GB')}</td>
      <td>
        <div className="row-actions">
          {others.length > 0 && (
            <select
              aria-label={`Merge “${actor.name}” into`}
              value=""
              onChange={(e) => {
                const into = others.find((o) => o.id === Number(e.currentTarget.value));
                if (into) onAsk({ kind: 'merge', from: actor, into });
              }}
            >
              <option value="">Merge into…</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
          <button type="button" className="btn btn-quiet btn-small" aria-label={`Delete actor “${actor.name}”`} onClick={() => onAsk({ kind: 'delete', actor })}>
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
}

export function ActorsView() {
  const { changed } = useDataVersion();
  const actors = useQuery('actors.list', {});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [filter, setFilter] = useState('');
  const [newName, setNewName] = useState('');
  const filterId = useId();
  const newId = useId();

  async function run(work: () => Promise<Outcome>): Promise<boolean> {
    setError(null);
    setDone(null);
    const result = await work();
    if (!result.ok) setError(result.error.message);
    changed();
    return result.ok;
  }

  async function confirm() {
    if (!pending) return;
    const p = pending;
    setPending(null);
    if (p.kind === 'merge') {
      if (await run(() => call('actors.merge', { fromId: p.from.id, intoId: p.into.id }))) setDone(`Merged “${p.from.name}” into “${p.into.name}”.`);
    } else if (await run(() => call('actors.delete', { id: p.actor.id }))) {
      setDone(`Deleted “${p.actor.name}”.`);
    }
  }

  async function create() {
    const clean = newName.replace(/\s+/g, ' ').trim();
    if (!clean) return;
    if (await run(() => call('actors.create', { name: clean }))) {
      setNewName('');
      setDone(`Added “${clean}”.`);
    }
  }

  const list = actors.data ?? [];
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const shown = words.length ? list.filter((a) => words.every((w) => fold(a.name).includes(w))) : list;
  const pendingId = pending ? (pending.kind === 'merge' ? pending.from.id : pending.actor.id) : null;

  return (
    <div className="view managed-view actors-view">
      <header className="view-header">
        <div>
          <h1>Actors</h1>
          <p className="view-sub">{actors.data ? plural(list.length, 'actor') : '\u00a0'}</p>
        </div>
      </header>
      <p className="managed-intro">
        Who asserts each claim and who takes part in each event. One name per actor: rename it here and every claim and event follows; merge two spellings of
        one actor into one.
      </p>
      <div className="managed-tools">
        <div className="field">
          <label className="field-label" htmlFor={filterId}>
            Find
          </label>
          <input id={filterId} className="input" type="search" value={filter} placeholder="Name" onChange={(e) => setFilter(e.currentTarget.value)} />
        </div>
        <form
          className="managed-add"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <div className="field">
            <label className="field-label" htmlFor={newId}>
              New actor
            </label>
            <input id={newId} className="input" value={newName} placeholder="e.g. US Southern Command" onChange={(e) => setNewName(e.currentTarget.value)} />
          </div>
          <button type="submit" className="btn btn-secondary" disabled={!newName.trim()}>
            Add
          </button>
        </form>
      </div>
      <ErrorNote>{error ?? actors.error?.message}</ErrorNote>
      {done && (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      )}
      {actors.data === undefined && !actors.error && <Loading />}
      {actors.data?.length === 0 && <p className="muted">No actors yet. Name who asserts a claim when you make it in the reader, or add one here.</p>}
      {list.length > 0 && shown.length === 0 && <p className="muted">No actor’s name has “{filter}”.</p>}
      {shown.length > 0 && (
        <div className="table-wrap managed-table">
          <table className="article-table">
            <thead>
              <tr>
                <th scope="col">
                  Name
                </th>
                <th scope="col" className="num">
                  Claims
                </th>
                <th scope="col" className="num">
                  Events
                </th>
                <th scope="col">
                  Merge or delete
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => [
                <ActorRow key={`${a.id}-${a.name}`} actor={a} others={list.filter((o) => o.id !== a.id)} onRun={run} onAsk={setPending} />,
                pending && pendingId === a.id ? (
                  <tr key={`${a.id}-confirm`} className="confirm-row">
                    <td colSpan={4}>
                      <Confirmation pending={pending} onConfirm={() => void confirm()} onCancel={() => setPending(null)} />
                    </td>
                  </tr>
                ) : null,
              ])}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
