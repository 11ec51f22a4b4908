import { useState } from 'react';
import type { Actor, ActorRef } from '../../../shared/api/types';

// The actors taking part in an event: chips that can be taken off, and a
// field that adds a project actor by name or, for a new name, one to be
// made when the event is saved (negative id until then).

interface Props {
  actors: ActorRef[];
  allActors: Actor[];
  listId: string;
  inputId: string;
  onChange: (actors: ActorRef[]) => void;
}

export function ActorPicker({ actors, allActors, listId, inputId, onChange }: Props) {
  const [name, setName] = useState('');
  const add = () => {
    const wanted = name.replace(/\s+/g, ' ').trim();
    if (!wanted) return;
    const key = wanted.toLocaleLowerCase();
    setName('');
    if (actors.some((a) => a.name.toLocaleLowerCase() === key)) return;
    const existing = allActors.find((a) => a.name.toLocaleLowerCase() === key);
    const fresh = Math.min(0, ...actors.map((a) => a.id)) - 1;
    onChange([...actors, existing ? { id: existing.id, name: existing.name } : { id: fresh, name: wanted }]);
  };
  return (
    <div className="actor-picker">
      {actors.map((a) => (
        <span key={a.id} className={`actor-chip${a.id < 0 ? ' is-new' : ''}`} title={a.id < 0 ? 'A new actor, made when the event is saved' : undefined}>
          {a.name}
          <button type="button" className="tag-remove" aria-label={`Remove actor “${a.name}”`} onClick={() => onChange(actors.filter((x) => x.id !== a.id))}>
            ×
          </button>
        </span>
      ))}
      <input
        id={inputId}
        className="tag-input"
        list={listId}
        value={name}
        placeholder="Add actor…"
        onChange={(e) => setName(e.currentTarget.value)}
        onBlur={add}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
      <datalist id={listId}>
        {allActors
          .filter((a) => !actors.some((x) => x.id === a.id))
          .map((a) => (
            <option key={a.id} value={a.name} />
          ))}
      </datalist>
    </div>
  );
}
