import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { ActorRef, ChronologyEvent, Claim, PassageEvidence, Stance, Tag, TagRef } from '../../../shared/api/types';
import { paragraph, type ContentDoc } from '../../../shared/content/doc';
import { isValidEventDate } from '../../../shared/dates/event-date';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { useDataVersion } from '../../app/data-version';
import { ErrorNote } from '../../app/ui';
import { TagPicker } from '../annotations/TagPicker';
import { DateHint } from '../claims/DateHint';
import { ActorPicker } from './ActorPicker';
import { eventDateSuggestions, type FindDateMentions } from './date-suggestions';
import { DescriptionEditor, descriptionToSave, type CitablePassage } from './DescriptionEditor';
import { COMMON_TIME_ZONES, isKnownTimeZone } from './time-zones';

// Making and editing an event from the chronology view. Everything is a
// draft until Save: the fields, the actors and tags (new names are made on
// save), and the evidence (claims added, stances changed, links removed).
// The date can be typed as EDTF or taken from the evidence: the dates its
// claims assert and the dates its passages mention, read against each
// article's publication date, offered as chips marked "inferred" until
// clicked.

interface Props {
  chronologyId: number;
  /** The event to edit; a new event when absent. */
  event?: ChronologyEvent;
  onClose: () => void;
  onSaved: (eventId: number) => void;
  onDeleted: (eventId: number) => void;
}

interface ClaimLink {
  claim: Claim;
  stance: Stance;
}

interface PassageLink {
  passage: PassageEvidence;
  stance: Stance;
}

const STANCES: Stance[] = ['supports', 'disputes', 'qualifies'];

function initialDoc(event: ChronologyEvent | undefined): ContentDoc | null {
  if (!event) return null;
  if (event.descriptionDoc) return event.descriptionDoc;
  return event.description ? { type: 'doc', content: event.description.split(/\n+/).map((l) => paragraph(l)) } : null;
}

function sourceOf(p: Pick<PassageEvidence, 'outlet' | 'articleTitle'>): string {
  return p.outlet ?? p.articleTitle;
}

function shorten(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** Loads the date reader (chrono-node and Annalist's phrases) when a form first opens, not with the app. */
function useFindDateMentions(): FindDateMentions | null {
  const [find, setFind] = useState<{ fn: FindDateMentions } | null>(null);
  useEffect(() => {
    let live = true;
    void import('../../../shared/dates/date-mentions').then((m) => {
      if (live) setFind({ fn: m.findDateMentions });
    });
    return () => {
      live = false;
    };
  }, []);
  return find?.fn ?? null;
}

function StanceSelect({ value, label, onChange }: { value: Stance; label: string; onChange: (s: Stance) => void }) {
  return (
    <select className="input input-compact" aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Stance)}>
      {STANCES.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </select>
  );
}

export function EventForm({ chronologyId, event, onClose, onSaved, onDeleted }: Props) {
  const { changed } = useDataVersion();
  const allActors = useQuery('actors.list', {});
  const allTags = useQuery('tags.list', {});
  const allClaims = useQuery('claims.list', {});
  const find = useFindDateMentions();
  const ids = {
    heading: useId(),
    title: useId(),
    date: useId(),
    time: useId(),
    zone: useId(),
    zones: useId(),
    place: useId(),
    actors: useId(),
    actorList: useId(),
    tagList: useId(),
    description: useId(),
    addClaim: useId(),
  };

  const [title, setTitle] = useState(event?.title ?? '');
  const [date, setDate] = useState(event?.date ?? '');
  const [time, setTime] = useState(event?.time ?? '');
  const [timeZone, setTimeZone] = useState(event?.timeZone ?? '');
  const [place, setPlace] = useState(event?.place ?? '');
  const [actors, setActors] = useState<ActorRef[]>(event?.actors ?? []);
  const [tags, setTags] = useState<TagRef[]>(event?.tags ?? []);
  const [doc, setDoc] = useState<ContentDoc | null>(() => initialDoc(event));
  const [claims, setClaims] = useState<ClaimLink[]>(() => (event?.claims ?? []).map((c) => ({ claim: c, stance: c.eventStance })));
  const [passages, setPassages] = useState<PassageLink[]>(() => (event?.passages ?? []).map((p) => ({ passage: p, stance: p.stance })));
  const [claimToAdd, setClaimToAdd] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const suggestions = useMemo(
    () => (find ? eventDateSuggestions(claims.map((c) => c.claim), passages.map((p) => p.passage), find) : null),
    [find, claims, passages],
  );

  const citable = useMemo<CitablePassage[]>(() => {
    const seen = new Set<number>();
    const list: CitablePassage[] = [];
    const add = (p: PassageEvidence, context: string) => {
      if (seen.has(p.highlightId)) return;
      seen.add(p.highlightId);
      list.push({ key: `h${p.highlightId}`, articleId: p.articleId, highlightId: p.highlightId, quote: p.quote, origin: `${sourceOf(p)} · ${context}` });
    };
    for (const { claim } of claims) for (const p of claim.evidence) add(p, shorten(claim.statement, 60));
    for (const { passage } of passages) add(passage, shorten(passage.articleTitle, 60));
    return list;
  }, [claims, passages]);

  const addable = useMemo(() => (allClaims.data ?? []).filter((c) => !claims.some((l) => l.claim.id === c.id)), [allClaims.data, claims]);
  const zoneProblem = timeZone.trim() && !isKnownTimeZone(timeZone) ? `“${timeZone.trim()}” is not a time zone Annalist knows; use an IANA name such as America/Caracas or UTC.` : null;

  // New actors and tags are made first; the draft then holds their ids, so
  // a save refused afterwards (a bad date) does not make them twice.
  async function resolveActors(): Promise<number[] | string> {
    const out: ActorRef[] = [];
    for (const a of actors) {
      if (a.id > 0) {
        out.push(a);
        continue;
      }
      const made = await call('actors.create', { name: a.name });
      if (!made.ok) return made.error.message;
      out.push({ id: made.value.id, name: made.value.name });
    }
    setActors(out);
    return out.map((a) => a.id);
  }

  async function resolveTags(): Promise<number[] | string> {
    const out: TagRef[] = [];
    for (const t of tags) {
      if (t.id > 0) {
        out.push(t);
        continue;
      }
      const made = await call('tags.create', { name: t.name });
      if (!made.ok) return made.error.message;
      out.push({ id: made.value.id, name: made.value.name, color: made.value.color });
    }
    setTags(out);
    return out.map((t) => t.id);
  }

  /** Links, stance changes and unlinks that make the saved evidence equal the draft. */
  async function syncEvidence(eventId: number, before: { claims: Map<number, Stance>; passages: Map<number, Stance> }): Promise<string | null> {
    for (const { claim, stance } of claims) {
      if (before.claims.get(claim.id) === stance) continue;
      const r = await call('events.linkClaim', { eventId, claimId: claim.id, stance });
      if (!r.ok) return r.error.message;
    }
    for (const id of before.claims.keys()) {
      if (claims.some((c) => c.claim.id === id)) continue;
      const r = await call('events.unlinkClaim', { eventId, claimId: id });
      if (!r.ok) return r.error.message;
    }
    for (const { passage, stance } of passages) {
      if (before.passages.get(passage.highlightId) === stance) continue;
      const r = await call('events.linkPassage', { eventId, highlightId: passage.highlightId, stance });
      if (!r.ok) return r.error.message;
    }
    for (const id of before.passages.keys()) {
      if (passages.some((p) => p.passage.highlightId === id)) continue;
      const r = await call('events.unlinkPassage', { eventId, highlightId: id });
      if (!r.ok) return r.error.message;
    }
    return null;
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (zoneProblem) return setError(zoneProblem);
    if (!title.trim()) return setError('An event needs a title.');
    if (!isValidEventDate(date)) return setError(date.trim() ? `“${date.trim()}” is not a date Annalist understands. Write it as EDTF, for example 2025-12-31, 2025-12, 2025-12~ or 2025-12-26/2025-12-31.` : 'An event needs a date.');
    setBusy(true);
    setError(null);
    try {
      const actorIds = await resolveActors();
      if (typeof actorIds === 'string') return setError(actorIds);
      const tagIds = await resolveTags();
      if (typeof tagIds === 'string') return setError(tagIds);
      const fields = {
        title,
        date,
        time: time.trim() || null,
        timeZone: timeZone.trim() || null,
        place: place.trim() || null,
        description: descriptionToSave(doc),
        actorIds,
        tagIds,
      };
      let eventId: number;
      let before: { claims: Map<number, Stance>; passages: Map<number, Stance> };
      if (event) {
        const r = await call('events.update', { id: event.id, ...fields });
        if (!r.ok) return setError(r.error.message);
        eventId = event.id;
        before = {
          claims: new Map(event.claims.map((c) => [c.id, c.eventStance])),
          passages: new Map(event.passages.map((p) => [p.highlightId, p.stance])),
        };
      } else {
        const r = await call('events.create', {
          chronologyId,
          ...fields,
          claimIds: claims.map((c) => c.claim.id),
          highlightIds: passages.map((p) => p.passage.highlightId),
        });
        if (!r.ok) return setError(r.error.message);
        eventId = r.value.id;
        // Made with every link supporting; other stances are set next.
        before = {
          claims: new Map(claims.map((c) => [c.claim.id, 'supports' as Stance])),
          passages: new Map(passages.map((p) => [p.passage.highlightId, 'supports' as Stance])),
        };
      }
      const problem = await syncEvidence(eventId, before);
      changed();
      if (problem) return setError(`The event was saved, but not all of its evidence: ${problem}`);
      onSaved(eventId);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!event) return;
    setBusy(true);
    const r = await call('events.delete', { id: event.id });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    changed();
    onDeleted(event.id);
  }

  function addClaim() {
    const claim = addable.find((c) => String(c.id) === claimToAdd) ?? addable[0];
    if (!claim) return;
    setClaims([...claims, { claim, stance: 'supports' }]);
    setClaimToAdd('');
  }

  const heading = event ? 'Edit event' : 'New event';
  return (
    <aside className="event-editor" aria-labelledby={ids.heading}>
      <form
        className="event-form"
        onSubmit={save}
        aria-labelledby={ids.heading}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !(e.target instanceof HTMLElement && e.target.isContentEditable)) onClose();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.requestSubmit();
        }}
      >
        <div className="event-editor-head">
          <h2 id={ids.heading}>{heading}</h2>
          <button type="button" className="btn btn-quiet btn-icon btn-small" aria-label="Close without saving" onClick={onClose}>
            ×
          </button>
        </div>

        <div className="field">
          <label htmlFor={ids.title} className="field-label">
            Title
          </label>
          <input id={ids.title} className="input" value={title} autoFocus onChange={(e) => setTitle(e.target.value)} placeholder="e.g. US strike kills five on two boats" />
        </div>

        <div className="field">
          <label htmlFor={ids.date} className="field-label">
            Date
          </label>
          {suggestions && suggestions.chips.length > 0 && (
            <ul className="date-suggestions" aria-label="Dates from the evidence">
              {suggestions.chips.map((chip) => {
                const on = date.trim() === chip.edtf;
                return (
                  <li key={chip.edtf}>
                    <button
                      type="button"
                      className={`date-chip${on ? ' is-on' : ''}`}
                      aria-pressed={on}
                      title={`From ${chip.origins.join('; ')}. Click to accept.`}
                      onClick={() => setDate(chip.edtf)}
                    >
                      {chip.phrase && <span className="date-chip-phrase">“{chip.phrase}”</span>} <strong>{chip.label}</strong>{' '}
                      <span className="date-chip-state">{on ? 'accepted' : 'inferred'}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {suggestions && suggestions.undatable.length > 0 && (
            <p className="field-hint notice-warn-text" role="note">
              {suggestions.undatable.map((u) => `“${u.phrase}” (in “${shorten(u.articleTitle, 50)}”)`).join(', ')} cannot be dated: the article has no
              publication date. Set it in Library → Review metadata.
            </p>
          )}
          {!find && (claims.length > 0 || passages.length > 0) && <span className="field-hint">Reading dates in the evidence…</span>}
          <input
            id={ids.date}
            className="input input-mono"
            value={date}
            placeholder="EDTF, e.g. 2025-12-31, 2025-12, 2025-12~, 2025-12-26/2025-12-31"
            aria-describedby={`${ids.date}-hint`}
            onChange={(e) => setDate(e.target.value)}
          />
          <span id={`${ids.date}-hint`} aria-live="polite">
            <DateHint value={date} />
          </span>
        </div>

        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.time} className="field-label">
              Time <span className="optional">(optional)</span>
            </label>
            <input id={ids.time} type="time" className="input input-mono" value={time} onChange={(e) => setTime(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={ids.zone} className="field-label">
              Time zone <span className="optional">(optional)</span>
            </label>
            <input
              id={ids.zone}
              className="input"
              list={ids.zones}
              value={timeZone}
              placeholder="America/Caracas"
              aria-invalid={zoneProblem ? true : undefined}
              onChange={(e) => setTimeZone(e.target.value)}
            />
            <datalist id={ids.zones}>
              {COMMON_TIME_ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </div>
        </div>
        {zoneProblem && <span className="field-hint notice-warn-text">{zoneProblem}</span>}

        <div className="field">
          <label htmlFor={ids.place} className="field-label">
            Place <span className="optional">(optional)</span>
          </label>
          <input id={ids.place} className="input" value={place} placeholder="e.g. Caribbean Sea, off Venezuela" onChange={(e) => setPlace(e.target.value)} />
        </div>

        <div className="field">
          <label htmlFor={ids.actors} className="field-label">
            Actors
          </label>
          <ActorPicker actors={actors} allActors={allActors.data ?? []} listId={ids.actorList} inputId={ids.actors} onChange={setActors} />
        </div>

        <div className="field">
          <span className="field-label">Tags</span>
          <TagPicker
            tags={tags}
            allTags={allTags.data ?? []}
            listId={ids.tagList}
            onAdd={(t) => {
              if ('id' in t) {
                const tag = (allTags.data ?? []).find((x: Tag) => x.id === t.id);
                if (tag) setTags([...tags, { id: tag.id, name: tag.name, color: tag.color }]);
              } else if (!tags.some((x) => x.name.toLocaleLowerCase() === t.name.toLocaleLowerCase())) {
                setTags([...tags, { id: Math.min(0, ...tags.map((x) => x.id)) - 1, name: t.name, color: 'gray' }]);
              }
            }}
            onRemove={(id) => setTags(tags.filter((t) => t.id !== id))}
          />
        </div>

        <div className="field">
          <span id={ids.description} className="field-label">
            Description <span className="optional">(Cite puts a passage of the evidence in the text)</span>
          </span>
          <DescriptionEditor doc={doc} labelId={ids.description} passages={citable} onChange={setDoc} />
        </div>

        <fieldset className="field evidence-editor">
          <legend className="field-label">Evidence</legend>
          {claims.length === 0 && passages.length === 0 && <p className="field-hint">No evidence yet. Add a claim below, or link a passage from the reader.</p>}
          <ul className="evidence-edit-list">
            {claims.map(({ claim, stance }) => (
              <li key={`c${claim.id}`} className="evidence-edit">
                <div className="evidence-edit-text">
                  <span className="evidence-edit-statement">{claim.statement}</span>
                  <span className="evidence-edit-origin">
                    Claim · {claim.evidence.map(sourceOf).filter((v, i, a) => a.indexOf(v) === i).join(', ')}
                    {claim.dateLabel && ` · asserts ${claim.dateLabel}`}
                  </span>
                </div>
                <StanceSelect
                  value={stance}
                  label={`Stance of “${shorten(claim.statement, 40)}”`}
                  onChange={(s) => setClaims(claims.map((c) => (c.claim.id === claim.id ? { claim, stance: s } : c)))}
                />
                <button
                  type="button"
                  className="btn btn-quiet btn-small"
                  aria-label={`Unlink “${shorten(claim.statement, 40)}”`}
                  onClick={() => setClaims(claims.filter((c) => c.claim.id !== claim.id))}
                >
                  Unlink
                </button>
              </li>
            ))}
            {passages.map(({ passage, stance }) => (
              <li key={`h${passage.highlightId}`} className="evidence-edit">
                <div className="evidence-edit-text">
                  <span className="evidence-edit-statement">“{shorten(passage.quote, 140)}”</span>
                  <span className="evidence-edit-origin">Passage · {sourceOf(passage)}</span>
                </div>
                <StanceSelect
                  value={stance}
                  label={`Stance of “${shorten(passage.quote, 40)}”`}
                  onChange={(s) => setPassages(passages.map((p) => (p.passage.highlightId === passage.highlightId ? { passage, stance: s } : p)))}
                />
                <button
                  type="button"
                  className="btn btn-quiet btn-small"
                  aria-label={`Unlink “${shorten(passage.quote, 40)}”`}
                  onClick={() => setPassages(passages.filter((p) => p.passage.highlightId !== passage.highlightId))}
                >
                  Unlink
                </button>
              </li>
            ))}
          </ul>
          {addable.length > 0 && (
            <div className="evidence-add">
              <label htmlFor={ids.addClaim} className="visually-hidden">
                Claim to add as evidence
              </label>
              <select id={ids.addClaim} className="input" value={claimToAdd} onChange={(e) => setClaimToAdd(e.target.value)}>
                <option value="">Choose a claim to add…</option>
                {addable.map((c) => (
                  <option key={c.id} value={c.id}>
                    {shorten(c.statement, 80)} — {c.evidence[0] ? sourceOf(c.evidence[0]) : ''}
                  </option>
                ))}
              </select>
              <button type="button" className="btn btn-secondary btn-small" disabled={!claimToAdd} onClick={addClaim}>
                Add claim
              </button>
            </div>
          )}
        </fieldset>

        <ErrorNote>{error}</ErrorNote>
        <div className="form-actions event-form-actions">
          <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
            {busy ? 'Saving…' : event ? 'Save event' : 'Create event'}
          </button>
          <button type="button" className="btn btn-quiet btn-small" onClick={onClose}>
            Cancel
          </button>
          {event && !confirmDelete && (
            <button type="button" className="btn btn-quiet btn-small btn-destructive-quiet push-right" onClick={() => setConfirmDelete(true)}>
              Delete event
            </button>
          )}
        </div>
        {event && confirmDelete && (
          <div className="confirm-delete" role="alert">
            <p>Delete “{event.title}”? Its claims and passages stay in the project.</p>
            <div className="form-actions">
              <button type="button" className="btn btn-destructive btn-small" disabled={busy} autoFocus onClick={() => void remove()}>
                Delete event
              </button>
              <button type="button" className="btn btn-quiet btn-small" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
            </div>
          </div>
        )}
      </form>
    </aside>
  );
}
