import { useState } from 'react';
import { TAG_COLORS } from '../../../shared/api/annotation-colors';
import type { Tag } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { useDataVersion } from '../../app/data-version';
import { plural } from '../../app/format';
import { navigate } from '../../app/router';
import { ErrorNote, Loading } from '../../app/ui';
import { TagChip } from '../annotations/TagPicker';

// The project's tags: rename, recolour, merge into another, delete; and the
// highlights carrying one, across every article.

function TagRow({ tag, others, selected, onSelect, onError }: { tag: Tag; others: Tag[]; selected: boolean; onSelect: () => void; onError: (message: string | null) => void }) {
  const { changed } = useDataVersion();
  const [name, setName] = useState(tag.name);
  const run = async (work: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>) => {
    onError(null);
    const result = await work();
    if (!result.ok) onError(result.error.message);
    changed();
  };
  const rename = () => {
    if (name.trim() && name.trim() !== tag.name) void run(() => call('tags.update', { id: tag.id, name }));
    else setName(tag.name);
  };
  return (
    <tr className={selected ? 'is-selected' : undefined}>
      <td>
        <input
          className="tag-name-input"
          value={name}
          aria-label={`Name of tag “${tag.name}”`}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={rename}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') setName(tag.name);
          }}
        />
      </td>
      <td>
        <select aria-label={`Colour of tag “${tag.name}”`} value={tag.color} onChange={(e) => void run(() => call('tags.update', { id: tag.id, color: e.currentTarget.value as (typeof TAG_COLORS)[number] }))}>
          {TAG_COLORS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <TagChip tag={tag} />
      </td>
      <td className="num">
        <button type="button" className="btn btn-link btn-small" onClick={onSelect} aria-label={`Show the highlights tagged “${tag.name}”`}>
          {plural(tag.highlightCount, 'highlight')}
        </button>
      </td>
      <td>
        {others.length > 0 && (
          <select
            aria-label={`Merge tag “${tag.name}” into`}
            value=""
            onChange={(e) => {
              const into = Number(e.currentTarget.value);
              if (into) void run(() => call('tags.merge', { fromId: tag.id, intoId: into }));
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
        <button type="button" className="btn btn-quiet btn-small" aria-label={`Delete tag “${tag.name}”`} onClick={() => void run(() => call('tags.delete', { id: tag.id }))}>
          Delete
        </button>
      </td>
    </tr>
  );
}

function TaggedHighlights({ tag }: { tag: Tag }) {
  const found = useQuery('annotations.highlightsWithTag', { tagId: tag.id });
  if (found.data === undefined) return <Loading />;
  return (
    <section className="tagged-highlights" aria-label={`Highlights tagged “${tag.name}”`}>
      <h2>
        Highlights tagged <TagChip tag={tag} />
      </h2>
      {found.data.length === 0 ? (
        <p className="muted">No highlight carries this tag yet.</p>
      ) : (
        <ul>
          {found.data.map((h) => (
            <li key={h.id}>
              <a href={`#/article/${h.articleId}/highlight/${h.id}`} onClick={(e) => { e.preventDefault(); navigate({ view: 'article', articleId: h.articleId, highlightId: h.id }); }}>
                <q>{h.exact}</q>
              </a>
              <span className="row-sub">{h.articleTitle}</span>
              {h.noteText && <span className="row-sub">Note: {h.noteText}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TagsView() {
  const tags = useQuery('tags.list', {});
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = tags.data?.find((t) => t.id === selected) ?? null;
  return (
    <div className="view tags-view">
      <header className="view-header">
        <div>
          <h1>Tags</h1>
          <p className="view-sub">{tags.data ? plural(tags.data.length, 'tag') : '\u00a0'}</p>
        </div>
      </header>
      <ErrorNote>{error ?? tags.error?.message}</ErrorNote>
      {tags.data === undefined && !tags.error && <Loading />}
      {tags.data?.length === 0 && <p className="muted">No tags yet. Tag a highlight in the reader (“Add tag…”) to start.</p>}
      {tags.data && tags.data.length > 0 && (
        <div className="table-wrap">
          <table className="article-table tags-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Colour</th>
                <th scope="col" className="num">
                  Highlights
                </th>
                <th scope="col">Merge or delete</th>
              </tr>
            </thead>
            <tbody>
              {tags.data.map((t) => (
                <TagRow key={`${t.id}-${t.name}`} tag={t} others={tags.data!.filter((o) => o.id !== t.id)} selected={t.id === selected} onSelect={() => setSelected(t.id)} onError={setError} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {current && <TaggedHighlights tag={current} />}
    </div>
  );
}
