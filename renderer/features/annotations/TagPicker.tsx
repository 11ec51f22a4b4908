import { useState } from 'react';
import type { Tag, TagRef } from '../../../shared/api/types';

// The tags on a highlight: chips that can be taken off, and a field that
// adds an existing tag by name or makes a new one (Enter).

export function TagChip({ tag, onRemove }: { tag: TagRef; onRemove?: () => void }) {
  return (
    <span className={`tag-chip tag-${tag.color}`}>
      {tag.name}
      {onRemove && (
        <button type="button" className="tag-remove" aria-label={`Remove tag “${tag.name}”`} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}

export function TagPicker({
  tags,
  allTags,
  listId,
  onAdd,
  onRemove,
}: {
  tags: TagRef[];
  allTags: Tag[];
  /** Unique per picker: the id of its suggestions list. */
  listId: string;
  /** An existing tag's id, or a new tag's name. */
  onAdd: (tag: { id: number } | { name: string }) => void;
  onRemove: (id: number) => void;
}) {
  const [name, setName] = useState('');
  const add = () => {
    const wanted = name.replace(/\s+/g, ' ').trim();
    if (!wanted) return;
    const existing = allTags.find((t) => t.name.toLocaleLowerCase() === wanted.toLocaleLowerCase());
    if (!existing || !tags.some((t) => t.id === existing.id)) onAdd(existing ? { id: existing.id } : { name: wanted });
    setName('');
  };
  return (
    <div className="tag-picker">
      {tags.map((t) => (
        <TagChip key={t.id} tag={t} onRemove={() => onRemove(t.id)} />
      ))}
      <input
        className="tag-input"
        list={listId}
        value={name}
        placeholder="Add tag…"
        aria-label="Add a tag"
        onChange={(e) => setName(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
      <datalist id={listId}>
        {allTags.filter((t) => !tags.some((x) => x.id === t.id)).map((t) => (
          <option key={t.id} value={t.name} />
        ))}
      </datalist>
    </div>
  );
}
