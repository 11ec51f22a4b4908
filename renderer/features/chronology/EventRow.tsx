import { memo, useId, useMemo, useState, type CSSProperties, type ToggleEvent } from 'react';
import type { DateConflict } from '../../../shared/chronology/corroboration';
import type { ChronologyEvent, Stance } from '../../../shared/api/types';
import { plural, publishedLabel } from '../../app/format';
import { TagChip } from '../annotations/TagPicker';
import { DescriptionView } from '../events/DescriptionView';
import { conflictSentence, conflictSummary, dateAssertionWords } from './conflict-sentences';
import { evidenceEntries, readerHref, sourceCountWords, sourceListings, type EvidenceEntry, type SourceListing } from './event-evidence-view';
import { CREDIBILITY_WORDS, RELIABILITY_WORDS, type Reliability } from './event-filtering';

// One event in the chronology list: when, what, where and who; how many
// independent sources back it and whether its evidence disagrees (each a
// button opening a popover in the top layer, so the virtualised rows never
// clip it); the dates in dispute in plain view; and its passages on demand.

const STANCE_WORDS: Record<Stance, string> = { supports: 'supports', disputes: 'disputes', qualifies: 'qualifies' };
const STANCE_TONE: Record<Stance, string> = { supports: 'ok', disputes: 'error', qualifies: 'warn' };

export function StanceBadge({ stance }: { stance: Stance }) {
  return <span className={`badge badge-${STANCE_TONE[stance]} stance-badge`}>{STANCE_WORDS[stance]}</span>;
}

export function gradeWords(grade: string | null): string {
  if (!grade) return 'not graded';
  const words = RELIABILITY_WORDS[grade.toUpperCase() as Reliability];
  return words ? `grade ${grade} (${words.toLowerCase()})` : `grade ${grade}`;
}

function GradeBadge({ grade }: { grade: string | null }) {
  if (!grade) return null;
  return (
    <span className={`evidence-grade grade-${grade.toUpperCase()}`} title={gradeWords(grade)} aria-label={gradeWords(grade)}>
      {grade}
    </span>
  );
}

/**
 * Whether a popover is showing. Its contents are drawn only then: a list
 * scrolling past thousands of events should not build thousands of hidden
 * source lists.
 */
function usePopoverOpen(): [boolean, (e: ToggleEvent<HTMLDivElement>) => void] {
  const [open, setOpen] = useState(false);
  return [open, (e) => setOpen(e.newState === 'open')];
}

/** Anchors a popover to its button with CSS anchor positioning, so it follows the row while the list scrolls. */
function anchored(name: string): { button: CSSProperties; popover: CSSProperties } {
  return { button: { anchorName: name }, popover: { positionAnchor: name } };
}

function SourceList({ listings }: { listings: SourceListing[] }) {
  return (
    <ul className="source-list">
      {listings.map((s) => (
        <li key={s.key}>
          <span className="source-name">{s.name}</span>
          <ul className="source-articles">
            {s.articles.map((a) => (
              <li key={a.articleId}>
                <span className="source-article-title">{a.title}</span>
                <span className="source-article-meta">
                  {[a.outlet, a.publishedAt ? publishedLabel(a.publishedAt) : 'undated'].filter(Boolean).join(' · ')} · {gradeWords(a.reliability)}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function SourceBadge({ event, entries }: { event: ChronologyEvent; entries: EvidenceEntry[] }) {
  const id = useId();
  const { sources, disputingSources, sourceCount } = event.corroboration;
  const anchor = anchored(`--sources-${event.id}`);
  const [open, onToggle] = usePopoverOpen();
  const backing = useMemo(() => (open ? sourceListings(sources, entries) : []), [open, sources, entries]);
  const disputing = useMemo(() => (open ? sourceListings(disputingSources, entries) : []), [open, disputingSources, entries]);
  const empty = sourceCount === 0 && disputingSources.length === 0;
  return (
    <>
      <button
        type="button"
        className={`source-badge${sourceCount === 0 ? ' is-empty' : ''}`}
        popoverTarget={id}
        style={anchor.button}
        data-testid="source-badge"
        title="Independent sources: copies of one story, and articles from one outlet, count once"
      >
        {sourceCountWords(sourceCount)}
        {disputingSources.length > 0 && <span className="source-badge-disputing">· {disputingSources.length} disputing</span>}
      </button>
      <div
        id={id}
        popover="auto"
        className="popover source-popover"
        style={anchor.popover}
        role="dialog"
        aria-label={`Sources of “${event.title}”`}
        onToggle={onToggle}
      >
        {!open ? null : empty ? (
          <p className="popover-note">No evidence is linked to this event yet.</p>
        ) : (
          <>
            <h4 className="popover-title">
              {sourceCount === 0 ? 'No independent source backs it' : `${sourceCountWords(sourceCount)} back${sourceCount === 1 ? 's' : ''} it`}
            </h4>
            <SourceList listings={backing} />
            {disputing.length > 0 && (
              <>
                <h4 className="popover-title popover-title-disputing">
                  {sourceCountWords(disputing.length)} dispute{disputing.length === 1 ? 's' : ''} it
                </h4>
                <SourceList listings={disputing} />
              </>
            )}
            <p className="popover-note">Copies of one story, and articles from one outlet, count as one source.</p>
          </>
        )}
      </div>
    </>
  );
}

function ConflictFlag({ event }: { event: ChronologyEvent }) {
  const id = useId();
  const anchor = anchored(`--conflicts-${event.id}`);
  const conflicts = event.corroboration.conflicts;
  const [open, onToggle] = usePopoverOpen();
  return (
    <>
      <button type="button" className="conflict-flag" popoverTarget={id} style={anchor.button} data-testid="conflict-flag">
        <span aria-hidden="true">⚠</span> {conflictSummary(conflicts)}
      </button>
      <div
        id={id}
        popover="auto"
        className="popover conflict-popover"
        style={anchor.popover}
        role="dialog"
        aria-label={`Where the evidence for “${event.title}” disagrees`}
        onToggle={onToggle}
      >
        {open && (
          <>
            <h4 className="popover-title">The evidence disagrees</h4>
            <ul className="conflict-list">
              {conflicts.map((c, i) => (
                <li key={i}>{conflictSentence(c)}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}

/** The dates in dispute, shown on the event itself: each date with the sources that give it. */
function DateDispute({ conflict }: { conflict: DateConflict }) {
  return (
    <div className="event-dispute" data-testid="date-dispute">
      <span className="event-dispute-label">Dates given:</span>
      <ul>
        {conflict.dates.map((d) => (
          <li key={d.edtf}>{dateAssertionWords(d)}</li>
        ))}
      </ul>
    </div>
  );
}

function Evidence({ entry }: { entry: EvidenceEntry }) {
  const claim = entry.claim;
  return (
    <li className={`evidence evidence-${entry.stance}`}>
      <blockquote className="evidence-quote">{entry.quote}</blockquote>
      <p className="evidence-claim">
        <StanceBadge stance={entry.stance} />{' '}
        {claim ? (
          <>
            <span className="claim-label">Claim</span> {claim.statement}
            {claim.dateLabel && <span className="evidence-fact"> · asserts {claim.dateLabel}</span>}
            {claim.actor && <span className="evidence-fact"> · according to {claim.actor.name}</span>}
            {claim.credibility !== null && (
              <span className="evidence-fact">
                {' '}
                · credibility {claim.credibility} ({CREDIBILITY_WORDS[claim.credibility - 1]?.toLowerCase()})
              </span>
            )}
          </>
        ) : (
          <span className="evidence-fact">Passage linked directly</span>
        )}
      </p>
      <p className="evidence-source">
        <span>
          {[entry.articleTitle, entry.outlet, entry.publishedAt ? publishedLabel(entry.publishedAt) : 'undated'].filter(Boolean).join(' · ')}{' '}
          <GradeBadge grade={entry.reliability} />
        </span>
        <a href={readerHref(entry.articleId, entry.highlightId)} className="evidence-open" aria-label={`Open in the reader: “${entry.quote.slice(0, 60)}”`}>
          Open in reader →
        </a>
      </p>
    </li>
  );
}

function actorsAndPlace(event: ChronologyEvent): string[] {
  const parts: string[] = [];
  if (event.place) parts.push(event.place);
  if (event.actors.length > 0) parts.push(event.actors.map((a) => a.name).join(', '));
  return parts;
}

export interface EventRowProps {
  event: ChronologyEvent;
  eventIndex: number;
  eventCount: number;
  expanded: boolean;
  /** The row that takes Tab focus in the list (roving tab index). */
  active: boolean;
  onToggle: (eventId: number) => void;
  onEdit: (eventId: number) => void;
}

export const EventRow = memo(function EventRow({ event, eventIndex, eventCount, expanded, active, onToggle, onEdit }: EventRowProps) {
  const titleId = useId();
  const listId = useId();
  const entries = useMemo(() => evidenceEntries(event), [event]);
  const dateConflict = event.corroboration.conflicts.find((c): c is DateConflict => c.kind === 'date');
  const meta = actorsAndPlace(event);
  const count = entries.length;
  return (
    <article
      className={`event-row${expanded ? ' is-expanded' : ''}${event.corroboration.conflicts.length > 0 ? ' has-conflict' : ''}`}
      data-testid="chronology-event"
      data-event-index={eventIndex}
      data-event-id={event.id}
      tabIndex={active ? 0 : -1}
      aria-labelledby={titleId}
      aria-posinset={eventIndex + 1}
      aria-setsize={eventCount}
    >
      <div className="event-when">
        <span className="event-date-label">{event.dateLabel}</span>
        {event.time && (
          <span className="event-time">
            {event.time}
            {event.timeZone && <span className="event-zone"> {event.timeZone}</span>}
          </span>
        )}
        <span className="event-edtf mono" title="EDTF date">
          {event.date}
        </span>
      </div>
      <div className="event-main">
        <div className="event-head">
          <h3 id={titleId} className="event-title">
            {event.title}
          </h3>
          <div className="event-flags">
            {event.corroboration.conflicts.length > 0 && <ConflictFlag event={event} />}
            <SourceBadge event={event} entries={entries} />
          </div>
        </div>
        {(meta.length > 0 || event.tags.length > 0) && (
          <div className="event-meta">
            {meta.length > 0 && <span className="event-meta-text">{meta.join(' · ')}</span>}
            {event.tags.map((t) => (
              <TagChip key={t.id} tag={t} />
            ))}
          </div>
        )}
        {dateConflict && <DateDispute conflict={dateConflict} />}
        <DescriptionView className="event-description" doc={event.descriptionDoc} text={event.description} />
        <div className="event-actions">
          <button
            type="button"
            className={`evidence-toggle${count === 0 ? ' is-empty' : ''}`}
            aria-expanded={expanded}
            aria-controls={expanded ? listId : undefined}
            disabled={count === 0}
            onClick={() => onToggle(event.id)}
          >
            <span className="chevron" aria-hidden="true">
              {count === 0 ? '' : expanded ? '▾' : '▸'}
            </span>
            <span data-testid="evidence-count">{count === 0 ? 'No evidence yet' : `${plural(count, 'passage')} of evidence`}</span>
          </button>
          <button type="button" className="btn btn-quiet btn-small" onClick={() => onEdit(event.id)} aria-label={`Edit “${event.title}”`}>
            Edit
          </button>
        </div>
        {expanded && count > 0 && (
          <ul className="evidence-list" id={listId} aria-label={`Evidence for “${event.title}”`}>
            {entries.map((entry) => (
              <Evidence key={entry.key} entry={entry} />
            ))}
          </ul>
        )}
      </div>
    </article>
  );
});
