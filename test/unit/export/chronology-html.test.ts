import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChronologyDetail, ChronologyEvent, EvidenceCitation } from '../../../shared/api/types';
import { CHRONOLOGY_CSP, escapeHtml, generatedLabel, renderChronologyHtml } from '../../../electron/backend/export/chronology-html';

const PRINT_CSS = readFileSync(join(import.meta.dirname, '..', '..', '..', 'resources', 'print', 'chronology.css'), 'utf8');
const GENERATED = new Date('2026-01-02T14:05:09Z');

function evidence(over: Partial<EvidenceCitation> = {}): EvidenceCitation {
  return {
    claimId: 1,
    statement: 'The council met in private.',
    highlightId: 1,
    storyId: 1,
    reliability: null,
    stance: 'supports',
    quote: 'The council met behind closed doors.',
    articleId: 1,
    articleTitle: 'Council meets in secret',
    outlet: 'The Courier',
    publishedAt: '2025-12-31',
    sha256: 'a'.repeat(64),
    ...over,
  };
}

function event(id: number, over: Partial<ChronologyEvent> = {}): ChronologyEvent {
  return {
    id,
    chronologyId: 1,
    title: `Event ${id}`,
    date: '2025-12-31',
    dateLabel: '31 December 2025',
    time: null,
    timeZone: null,
    place: null,
    description: '',
    descriptionDoc: null,
    actors: [],
    tags: [],
    claims: [],
    passages: [],
    evidence: [],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: null,
    corroboration: { eventId: id, sources: [], sourceCount: 0, disputingSources: [], conflicts: [] },
    ...over,
  };
}

function chronology(events: ChronologyEvent[], name = 'Harbour contract'): ChronologyDetail {
  return { id: 1, name, eventCount: events.length, createdAt: '2026-01-01T00:00:00Z', events, quantitySeries: [] };
}

function render(c: ChronologyDetail, projectName?: string): string {
  return renderChronologyHtml(c, { generatedAt: GENERATED, printCss: PRINT_CSS, ...(projectName ? { projectName } : {}) });
}

/** The document's visible text, tags stripped and entities decoded (enough for these checks). */
function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<\/(p|li|h1|h2|div|blockquote|header|section)>|<br>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<b>&"'`)).toBe('&lt;b&gt;&amp;&quot;&#39;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('generatedLabel', () => {
  it('writes the moment in words, in UTC, with padded hours and minutes', () => {
    expect(generatedLabel(new Date('2026-03-09T04:07:59Z'))).toBe('9 March 2026 at 04:07 UTC');
    expect(generatedLabel(new Date('2025-12-31T23:30:00-05:00'))).toBe('1 January 2026 at 04:30 UTC');
  });
});

describe('renderChronologyHtml', () => {
  it('shows an event’s time, place, actors, independent sources and each conflict in words', () => {
    const group = (name: string, articleId: number) => ({ key: `s${articleId}`, name, outlets: [name], articleIds: [articleId], storyIds: [articleId], claimIds: [articleId], highlightIds: [articleId] });
    const html = render(
      chronology([
        event(1, {
          time: '14:30',
          timeZone: 'America/Caracas',
          place: 'Eastern Pacific',
          actors: [{ id: 1, name: 'US Southern Command' }],
          evidence: [evidence(), evidence({ claimId: 2, articleId: 2, outlet: 'Reuters' })],
          corroboration: {
            eventId: 1,
            sources: [group('AP', 1), group('Reuters', 2)],
            sourceCount: 2,
            disputingSources: [],
            conflicts: [
              {
                kind: 'date',
                dates: [
                  { edtf: '2025-12-30', claimIds: [1], sources: ['AP'], eventDate: false },
                  { edtf: '2025-12-31', claimIds: [2], sources: ['Reuters'], eventDate: true },
                ],
              },
            ],
          },
        }),
      ]),
    );
    const text = textOf(html);
    expect(text).toContain('31 December 2025 14:30 America/Caracas 2025-12-31');
    expect(text).toContain('Eastern Pacific · US Southern Command');
    expect(text).toContain('2 independent sources: AP; Reuters');
    expect(text).toContain('Conflict Sources give different dates: 30 December 2025 (AP) vs 31 December 2025 (Reuters).');
    expect(html).toContain('class="event has-conflicts"');
  });

  it('is one self-contained document with a strict CSP, the print CSS inlined, no scripts or external resources', () => {
    const html = render(chronology([event(1, { evidence: [evidence()] })]));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CHRONOLOGY_CSP}">`);
    expect(CHRONOLOGY_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).toContain('@page');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('escapes every piece of user text: name, titles, descriptions, statements, quotes, sources, hashes', () => {
    const nasty = `<b>&"'</b><script>alert(1)</script>`;
    const html = render(
      chronology(
        [
          event(1, {
            title: `Title ${nasty}`,
            date: '2025-12-31',
            dateLabel: `Label ${nasty}`,
            description: `Desc ${nasty}`,
            evidence: [
              evidence({
                statement: `Statement ${nasty}`,
                quote: `Quote ${nasty}`,
                articleTitle: `Article ${nasty}`,
                outlet: `Outlet ${nasty}`,
                sha256: `Hash ${nasty}`,
              }),
            ],
          }),
        ],
        `Name ${nasty}`,
      ),
      `Project ${nasty}`,
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>&');
    for (const label of ['Title', 'Label', 'Desc', 'Statement', 'Quote', 'Article', 'Outlet', 'Hash', 'Name', 'Project']) {
      expect(html).toContain(`${label} &lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;`);
    }
    expect(html).toContain(`<title>Name &lt;b&gt;`);
  });

  it('does not let the style sheet close its own style element', () => {
    const html = renderChronologyHtml(chronology([]), { generatedAt: GENERATED, printCss: 'p{}</style><script>x</script>' });
    // Inside <style> (raw text) only "</style" can end the element; the stray tag stays inert text.
    expect(html.match(/<\/style/gi)).toHaveLength(1);
    expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('</style>'));
  });

  it('renders the title block: name, project, event count, generated date, and where the quotes come from', () => {
    const html = render(chronology([event(1), event(2)]), 'Port inquiry');
    const text = textOf(html);
    expect(text).toContain('Harbour contract');
    expect(text).toContain('Chronology · Port inquiry');
    expect(text).toContain('2 events');
    expect(text).toContain('Generated 2 January 2026 at 14:05 UTC');
    expect(text).toMatch(/Quoted passages and any character offsets are taken from the text Annalist extracted from each imported file/);
    expect(textOf(render(chronology([event(1)])))).toContain('1 event ·');
  });

  it('says plainly when the chronology has no events, with no Sources section', () => {
    const html = render(chronology([]));
    const text = textOf(html);
    expect(text).toContain('This chronology has no events yet.');
    expect(text).toContain('0 events');
    expect(html).not.toContain('class="sources"');
    expect(html).not.toContain('class="event"');
  });

  it('shows each event in the order given with its date in words, the EDTF beside it, title and description paragraphs', () => {
    const html = render(
      chronology([
        event(1, { title: 'First', date: '2025-09-02?', dateLabel: '2 September 2025 (uncertain)', description: 'Para one\nline two\n\n\nPara two' }),
        event(2, { title: 'Second', date: '2025-12~', dateLabel: 'c. December 2025' }),
      ]),
    );
    expect(html.indexOf('First')).toBeLessThan(html.indexOf('Second'));
    expect(html).toContain('<span class="date-words">2 September 2025 (uncertain)</span> <span class="edtf" title="EDTF date">2025-09-02?</span>');
    expect(html).toContain('<span class="date-words">c. December 2025</span>');
    expect(html).toContain('<p>Para one<br>line two</p>\n<p>Para two</p>');
    expect(html).toContain('<h2 class="event-title">First</h2>');
  });

  it('falls back to a label made from the EDTF when the event has none', () => {
    const html = render(chronology([event(1, { date: '2025-12-26/2025-12-31', dateLabel: '' })]));
    expect(html).toContain('<span class="date-words">between 26 and 31 December 2025</span>');
  });

  it('says "No evidence linked." for an event without evidence', () => {
    const html = render(chronology([event(1), event(2, { evidence: [evidence()] })]));
    expect(html.match(/No evidence linked\./g)).toHaveLength(1);
    expect(html.indexOf('No evidence linked.')).toBeLessThan(html.indexOf('id="event-2"'));
  });

  it('numbers evidence notes through the whole document and lists each in Sources with title, outlet, date and SHA-256', () => {
    const html = render(
      chronology([
        event(1, {
          title: 'Meeting',
          evidence: [
            evidence({ articleTitle: 'A1', outlet: 'Outlet One', publishedAt: '2025-12-31', sha256: '1'.repeat(64) }),
            evidence({ articleTitle: 'A2', outlet: null, publishedAt: null, sha256: '2'.repeat(64), stance: 'disputes', statement: 'No meeting took place.' }),
          ],
        }),
        event(2, { title: 'Vote' }),
        event(3, { title: 'Signature', evidence: [evidence({ articleTitle: 'A3', outlet: 'Outlet Three', publishedAt: '2026-01-02', sha256: '3'.repeat(64) })] }),
      ]),
    );
    // Markers in the body, in order, each linking to its note.
    const markers = [...html.matchAll(/<a class="note-ref" href="#note-(\d+)"[^>]*><sup>(\d+)<\/sup><\/a>/g)].map((m) => [m[1], m[2]]);
    expect(markers).toEqual([
      ['1', '1'],
      ['2', '2'],
      ['3', '3'],
    ]);
    // Notes at the end, one per evidence, same numbers.
    const sources = html.slice(html.indexOf('<section class="sources">'));
    expect(sources).toContain('<h2>Sources</h2>');
    const notes = [...sources.matchAll(/<li id="note-(\d+)" value="(\d+)">([\s\S]*?)<\/li>/g)];
    expect(notes.map((n) => n[1])).toEqual(['1', '2', '3']);
    const noteText = notes.map((n) => textOf(n[3]!).trim());
    expect(noteText[0]).toContain('A1. Outlet One, 31 December 2025.');
    expect(noteText[0]).toContain(`SHA-256 of the original file: ${'1'.repeat(64)}`);
    expect(noteText[0]).toContain('Supports “Meeting” (31 December 2025).');
    expect(noteText[1]).toContain('A2. undated.');
    expect(noteText[1]).toContain('Disputes “Meeting”');
    expect(noteText[2]).toContain('A3. Outlet Three, 2 January 2026.');
    expect(sources).toContain(`<code>${'3'.repeat(64)}</code>`);
  });

  it('sets each passage as a blockquote under its claim, and labels disputing evidence as such', () => {
    const html = render(
      chronology([
        event(1, {
          evidence: [
            evidence({ quote: 'It happened.', statement: 'It happened' }),
            evidence({ quote: 'It never happened.', statement: 'It did not happen', stance: 'disputes' }),
          ],
        }),
      ]),
    );
    expect(html).toContain('<div class="evidence supports" id="cite-1">');
    expect(html).toContain('<div class="evidence disputes" id="cite-2">');
    expect(html).toContain('<span class="stance">Supports</span> <span class="statement">It happened</span>');
    expect(html).toContain('<span class="stance">Disputes</span> <span class="statement">It did not happen</span>');
    expect(html).toContain('<blockquote class="quote"><div class="quote-text">\n<p>It never happened.</p>\n</div></blockquote>');
    expect(textOf(html)).toContain('1 event · 2 cited passages · 1 disputing passage');
  });
});
