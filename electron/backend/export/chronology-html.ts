import type { ChronologyDetail, ChronologyEvent, EvidenceCitation } from '../../../shared/api/types';
import { conflictSentence } from '../../../shared/chronology/conflict-words';
import { dateLabel } from '../../../shared/dates/event-date';

// The chronology as one self-contained HTML document, written to be printed
// (Chromium's PDF output) and handed to an editor, a lawyer or a court: every
// entry shows its date, what happened and the passages it rests on, and every
// passage is numbered to an endnote naming the article and the SHA-256 of the
// original file. No scripts, no external resources: the CSP forbids both.

export interface ChronologyHtmlOptions {
  generatedAt: Date;
  /** The project's name, shown above the title when given. */
  projectName?: string;
  /** The print stylesheet (resources/print/chronology.css), inlined. */
  printCss: string;
}

export const CHRONOLOGY_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Escapes text for element content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

/** A style sheet must not be able to close its own <style> element. */
function safeCss(css: string): string {
  return css.replace(/<\/style/gi, '<\\/style');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2 January 2026 at 14:05 UTC": unambiguous whatever the reader's locale. */
export function generatedLabel(at: Date): string {
  return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} at ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())} UTC`;
}

function countLabel(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Plain text to paragraphs: blank lines split paragraphs, single newlines stay as line breaks. */
function paragraphs(text: string, className: string): string {
  const parts = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return '';
  const body = parts.map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`).join('\n');
  return `<div class="${className}">\n${body}\n</div>`;
}

function publishedLabel(publishedAt: string | null): string {
  return publishedAt ? dateLabel(publishedAt) : 'undated';
}

interface Note {
  number: number;
  event: ChronologyEvent;
  evidence: EvidenceCitation;
}

function stanceLabel(stance: EvidenceCitation['stance']): string {
  return stance === 'disputes' ? 'Disputes' : stance === 'qualifies' ? 'Qualifies' : 'Supports';
}

function renderEvidence(note: Note): string {
  const { evidence: e, number } = note;
  const source = [escapeHtml(e.articleTitle), e.outlet ? escapeHtml(e.outlet) : null, escapeHtml(publishedLabel(e.publishedAt))]
    .filter((part) => part !== null)
    .join(', ');
  return `<div class="evidence ${e.stance}" id="cite-${number}">
<p class="claim"><span class="stance">${stanceLabel(e.stance)}</span>${e.statement ? ` <span class="statement">${escapeHtml(e.statement)}</span>` : ''}</p>
<blockquote class="quote">${paragraphs(e.quote, 'quote-text')}</blockquote>
<p class="attribution">${source}<a class="note-ref" href="#note-${number}" aria-label="Source note ${number}"><sup>${number}</sup></a></p>
</div>`;
}

function renderEvent(event: ChronologyEvent, index: number, notes: Note[]): string {
  const label = event.dateLabel || dateLabel(event.date);
  const evidence =
    notes.length === 0
      ? '<p class="no-evidence">No evidence linked.</p>'
      : `<div class="evidence-list">\n${notes.map(renderEvidence).join('\n')}\n</div>`;
  const disputed = notes.some((n) => n.evidence.stance === 'disputes');
  const when = [event.time, event.timeZone].filter(Boolean).join(' ');
  const facts = [event.place ?? '', event.actors.map((a) => a.name).join(', ')].filter((f) => f !== '');
  const { sources, sourceCount, conflicts } = event.corroboration;
  const sourcesLine =
    notes.length === 0
      ? ''
      : `<p class="event-sources"><span class="source-count">${countLabel(sourceCount, 'independent source', 'independent sources')}</span>${sources.length ? `: ${sources.map((s) => escapeHtml(s.name)).join('; ')}` : ''}</p>`;
  const conflictLines = conflicts.map((c) => `<p class="event-conflict"><span class="flag">Conflict</span> ${escapeHtml(conflictSentence(c, dateLabel))}</p>`).join('\n');
  return `<section class="event${disputed ? ' has-disputes' : ''}${conflicts.length ? ' has-conflicts' : ''}" id="event-${index + 1}">
<div class="event-head">
<p class="event-date"><span class="date-words">${escapeHtml(label)}</span>${when ? ` <span class="event-time">${escapeHtml(when)}</span>` : ''} <span class="edtf" title="EDTF date">${escapeHtml(event.date)}</span></p>
<h2 class="event-title">${escapeHtml(event.title)}</h2>
${facts.length ? `<p class="event-facts">${facts.map(escapeHtml).join(' · ')}</p>` : ''}
${sourcesLine}
${conflictLines}
</div>
${paragraphs(event.description, 'description')}
${evidence}
</section>`;
}

function renderNote(note: Note): string {
  const { evidence: e, number, event } = note;
  const outlet = e.outlet ? `<span class="outlet">${escapeHtml(e.outlet)}</span>, ` : '';
  return `<li id="note-${number}" value="${number}">
<p class="source"><span class="article-title">${escapeHtml(e.articleTitle)}</span>. ${outlet}<span class="published">${escapeHtml(publishedLabel(e.publishedAt))}</span>.</p>
<p class="cited-for">${stanceLabel(e.stance)} “${escapeHtml(event.title)}” (${escapeHtml(event.dateLabel || dateLabel(event.date))}).</p>
<p class="hash">SHA-256 of the original file: <code>${escapeHtml(e.sha256)}</code></p>
</li>`;
}

export function renderChronologyHtml(chronology: ChronologyDetail, options: ChronologyHtmlOptions): string {
  const events = chronology.events;
  let next = 1;
  const notesByEvent = events.map((event) => event.evidence.map((evidence) => ({ number: next++, event, evidence })));
  const allNotes = notesByEvent.flat();
  const disputes = allNotes.filter((n) => n.evidence.stance === 'disputes').length;

  const summary = [
    countLabel(events.length, 'event', 'events'),
    countLabel(allNotes.length, 'cited passage', 'cited passages'),
    ...(disputes > 0 ? [countLabel(disputes, 'disputing passage', 'disputing passages')] : []),
  ].join(' · ');

  const titleBlock = `<header class="title-block">
${options.projectName ? `<p class="kicker">Chronology · ${escapeHtml(options.projectName)}</p>` : '<p class="kicker">Chronology</p>'}
<h1>${escapeHtml(chronology.name)}</h1>
<p class="summary">${summary}</p>
<p class="generated">Generated ${escapeHtml(generatedLabel(options.generatedAt))} with Annalist</p>
<p class="provenance">Quoted passages and any character offsets are taken from the text Annalist extracted from each imported file, not from the original layout. Each source is identified in the notes by the SHA-256 hash of the original file as imported, so it can be checked against the file itself.</p>
</header>`;

  const body =
    events.length === 0
      ? '<section class="empty"><p>This chronology has no events yet.</p></section>'
      : `<main class="events">
${events.map((event, i) => renderEvent(event, i, notesByEvent[i]!)).join('\n')}
</main>
${
  allNotes.length > 0
    ? `<section class="sources">
<h2>Sources</h2>
<ol class="notes">
${allNotes.map(renderNote).join('\n')}
</ol>
</section>`
    : ''
}`;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CHRONOLOGY_CSP}">
<meta name="generator" content="Annalist">
<title>${escapeHtml(chronology.name)}</title>
<style>
${safeCss(options.printCss)}
</style>
</head>
<body>
${titleBlock}
${body}
</body>
</html>
`;
}
