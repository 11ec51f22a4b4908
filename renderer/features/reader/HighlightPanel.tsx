import { useState } from 'react';
import { HIGHLIGHT_COLORS } from '../../../shared/api/annotation-colors';
import type { ChronologyDetail, Claim, Highlight, Tag } from '../../../shared/api/types';
import type { ContentDoc } from '../../../shared/content/doc';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { NoteEditor, NoteView } from '../annotations/NoteEditor';
import { TagPicker } from '../annotations/TagPicker';
import { useDataVersion } from '../../app/data-version';
import { plural, recordedAt } from '../../app/format';
import { ErrorNote } from '../../app/ui';
import { ClaimCard } from '../claims/ClaimCard';
import { ClaimForm } from '../claims/ClaimForm';
import type { EventRef } from '../chronology/use-chronologies';
import { highlightDragProps } from './EventDropPanel';

interface Props {
  highlights: Highlight[];
  claimsByHighlight: Map<number, Claim[]>;
  eventsByClaim: Map<number, EventRef[]>;
  chronologies: ChronologyDetail[] | undefined;
  activeId: number | null;
  onSelect: (id: number) => void;
  /** Puts a highlight on the words selected in the article. */
  onReattach: (id: number) => void;
  /** A highlight whose claim form should open (the C key in the reader). */
  claimingId: number | null;
  /** A claim whose "add to chronology" form should open (the E key). */
  addingClaimId: number | null;
  onClaimCreated: (claim: Claim) => void;
  /** A highlight card's drag began (the highlight) or ended (null): it can be dropped on a chronology event. */
  onDragHighlight?: (highlight: Highlight | null) => void;
  /** "Add to event…": the keyboard way to the same drop panel. */
  onAddToEvent?: (highlight: Highlight) => void;
}

const STATUS_NOTE: Partial<Record<Highlight['status'], string>> = {
  moved: 'Moved: the same words, found elsewhere after a correction.',
  fuzzy: 'Attached to changed words after a correction; check it.',
};

function HighlightCard({
  highlight,
  claims,
  eventsByClaim,
  chronologies,
  allTags,
  active,
  onSelect,
  onDeleted,
  onReattach,
  claimRequested,
  addingClaimId,
  onClaimCreated,
  onDragHighlight,
  onAddToEvent,
}: {
  highlight: Highlight;
  claims: Claim[];
  eventsByClaim: Map<number, EventRef[]>;
  chronologies: ChronologyDetail[] | undefined;
  allTags: Tag[];
  active: boolean;
  onSelect: () => void;
  onDeleted: (highlight: Highlight) => void;
  onReattach: () => void;
  claimRequested: boolean;
  addingClaimId: number | null;
  onClaimCreated: (claim: Claim) => void;
  onDragHighlight?: (highlight: Highlight | null) => void;
  onAddToEvent?: (highlight: Highlight) => void;
}) {
  const { changed } = useDataVersion();
  const [claiming, setClaiming] = useState(claimRequested);
  // A new request (the C key) opens the claim form; adjusting state while rendering, as React advises, not in an effect.
  const [requested, setRequested] = useState(claimRequested);
  if (requested !== claimRequested) {
    setRequested(claimRequested);
    if (claimRequested) setClaiming(true);
  }
  const [editingNote, setEditingNote] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs a change; a refusal is shown on the card, success refreshes the views. */
  async function apply(run: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>): Promise<boolean> {
    setError(null);
    const result = await run();
    if (!result.ok) {
      setError(result.error.message);
      return false;
    }
    changed();
    return true;
  }

  async function remove() {
    if (await apply(() => call('annotations.deleteHighlight', { id: highlight.id }))) onDeleted(highlight);
  }

  async function saveNote(note: ContentDoc) {
    if (await apply(() => call('annotations.updateHighlight', { id: highlight.id, note }))) setEditingNote(false);
  }

  const setTags = (tagIds: number[]) => apply(() => call('annotations.setHighlightTags', { id: highlight.id, tagIds }));

  async function addTag(tag: { id: number } | { name: string }) {
    let id: number;
    if ('id' in tag) id = tag.id;
    else {
      const created = await call('tags.create', { name: tag.name, color: 'gray' });
      if (!created.ok) {
        setError(created.error.message);
        return;
      }
      id = created.value.id;
    }
    await setTags([...highlight.tags.map((t) => t.id), id]);
  }

  const orphaned = highlight.status === 'orphaned';
  const statusNote = STATUS_NOTE[highlight.status];
  return (
    <li
      className={`highlight-card${active ? ' is-active' : ''}${orphaned ? ' is-orphaned' : ''}`}
      data-highlight-card={highlight.id}
      data-status={highlight.status}
    >
      {orphaned ? (
        <div className="highlight-quote">
          <span className={`swatch hl-${highlight.color}`} aria-hidden="true" />
          <q>{highlight.exact}</q>
        </div>
      ) : (
        <button
          type="button"
          className="highlight-quote"
          onClick={onSelect}
          aria-label={`Show in article: ${highlight.exact}`}
          {...(onDragHighlight ? highlightDragProps(highlight, onDragHighlight) : {})}
        >
          <span className={`swatch hl-${highlight.color}`} aria-hidden="true" />
          <q>{highlight.exact}</q>
          {onDragHighlight && (
            <span className="drag-grip" aria-hidden="true" title="Drag onto a chronology event">
              ⠿
            </span>
          )}
        </button>
      )}
      {orphaned && (
        <div className="anchor-status anchor-orphaned" role="note">
          <p>These words are no longer in the text. Select the words it belongs to in the article, then:</p>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            // Keep the article selection while the button is pressed.
            onMouseDown={(e) => e.preventDefault()}
            onClick={onReattach}
          >
            Re-attach to selection
          </button>
        </div>
      )}
      {statusNote && (
        <p className={`anchor-status anchor-${highlight.status}`} role="note">
          {statusNote}
          {highlight.originalExact && (
            <>
              {' '}
              Made on: <q>{highlight.originalExact}</q>
            </>
          )}
        </p>
      )}
      {!statusNote && !orphaned && highlight.originalExact && (
        <p className="anchor-status" role="note">
          Re-attached by hand; made on: <q>{highlight.originalExact}</q>
        </p>
      )}
      <div className="card-actions">
        <span className="meta">{recordedAt(highlight.createdAt)}</span>
        <span className="spacer" />
        {!claiming && (
          <button type="button" className="btn btn-link btn-small" onClick={() => setClaiming(true)}>
            Make claim
          </button>
        )}
        {onAddToEvent && !orphaned && (
          <button type="button" className="btn btn-link btn-small" aria-haspopup="dialog" onClick={() => onAddToEvent(highlight)}>
            Add to event…
          </button>
        )}
        {claims.length === 0 && (
          <button type="button" className="btn btn-quiet btn-icon btn-small" aria-label="Delete this highlight" title="Delete this highlight" onClick={() => void remove()}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M3 4h10M6.5 4V2.5h3V4M5 4l.6 9h4.8l.6-9" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        )}
      </div>
      <div className="highlight-colours" role="group" aria-label="Highlight colour">
        {HIGHLIGHT_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            className={`swatch-button hl-${c}${c === highlight.color ? ' is-current' : ''}`}
            aria-label={`Colour ${c}`}
            aria-pressed={c === highlight.color}
            onClick={() => void apply(() => call('annotations.updateHighlight', { id: highlight.id, color: c }))}
          />
        ))}
      </div>
      <TagPicker
        tags={highlight.tags}
        allTags={allTags}
        listId={`tags-for-${highlight.id}`}
        onAdd={(tag) => void addTag(tag)}
        onRemove={(id) => void setTags(highlight.tags.filter((t) => t.id !== id).map((t) => t.id))}
      />
      {editingNote ? (
        <NoteEditor note={highlight.note} onSave={(note) => void saveNote(note)} onCancel={() => setEditingNote(false)} />
      ) : highlight.note ? (
        <div className="note">
          <NoteView note={highlight.note} />
          <button type="button" className="btn btn-link btn-small" onClick={() => setEditingNote(true)}>
            Edit note
          </button>
        </div>
      ) : (
        <button type="button" className="btn btn-link btn-small" onClick={() => setEditingNote(true)}>
          Add note
        </button>
      )}
      <ErrorNote>{error}</ErrorNote>
      {claiming && (
        <ClaimForm
          highlight={highlight}
          onCancel={() => setClaiming(false)}
          onCreated={(claim) => {
            setClaiming(false);
            onClaimCreated(claim);
          }}
        />
      )}
      {claims.length > 0 && (
        <ul className="claim-list">
          {claims.map((c) => (
            <ClaimCard key={c.id} claim={c} events={eventsByClaim.get(c.id) ?? []} chronologies={chronologies} addRequested={c.id === addingClaimId} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function HighlightPanel({
  highlights,
  claimsByHighlight,
  eventsByClaim,
  chronologies,
  activeId,
  onSelect,
  onReattach,
  claimingId,
  addingClaimId,
  onClaimCreated,
  onDragHighlight,
  onAddToEvent,
}: Props) {
  const { changed } = useDataVersion();
  const tags = useQuery('tags.list', {});
  const [deleted, setDeleted] = useState<Highlight | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);

  async function undo() {
    if (!deleted) return;
    const result = await call('annotations.restoreHighlight', { id: deleted.id });
    if (!result.ok) setUndoError(result.error.message);
    else {
      setDeleted(null);
      setUndoError(null);
      changed();
    }
  }

  const orphans = highlights.filter((h) => h.status === 'orphaned');
  const placed = highlights.filter((h) => h.status !== 'orphaned');
  const card = (h: Highlight) => (
    <HighlightCard
      key={h.id}
      highlight={h}
      claims={claimsByHighlight.get(h.id) ?? []}
      eventsByClaim={eventsByClaim}
      chronologies={chronologies}
      allTags={tags.data ?? []}
      active={h.id === activeId}
      onSelect={() => onSelect(h.id)}
      onReattach={() => onReattach(h.id)}
      claimRequested={h.id === claimingId}
      addingClaimId={addingClaimId}
      onClaimCreated={onClaimCreated}
      onDragHighlight={onDragHighlight}
      onAddToEvent={onAddToEvent}
      onDeleted={(gone) => {
        setDeleted(gone);
        setUndoError(null);
      }}
    />
  );

  return (
    <section className="highlight-panel" aria-labelledby="highlights-heading">
      <header className="panel-header">
        <h2 id="highlights-heading">Highlights</h2>
        <span className="panel-count">{plural(placed.length, 'passage')}</span>
      </header>
      {deleted && (
        <div className="undo-bar" role="status">
          <span>
            Highlight deleted: <q>{deleted.exact.length > 60 ? `${deleted.exact.slice(0, 60)}…` : deleted.exact}</q>
          </span>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => void undo()}>
            Undo
          </button>
        </div>
      )}
      <ErrorNote>{undoError}</ErrorNote>
      {orphans.length > 0 && (
        <section className="orphan-list" aria-labelledby="orphans-heading">
          <h3 id="orphans-heading">
            {plural(orphans.length, 'highlight')} lost {orphans.length === 1 ? 'its' : 'their'} words
          </h3>
          <p className="meta">After a correction these words were not found with confidence; nothing was attached to other words.</p>
          <ol className="highlight-list">{orphans.map(card)}</ol>
        </section>
      )}
      {highlights.length === 0 ? (
        <div className="panel-empty">
          <p>Select a passage in the article, then choose <strong>Highlight</strong> or press <kbd>H</kbd>.</p>
          <p>Each highlight can become a claim, and each claim evidence for an event in your chronology.</p>
        </div>
      ) : (
        placed.length > 0 && <ol className="highlight-list">{placed.map(card)}</ol>
      )}
    </section>
  );
}
