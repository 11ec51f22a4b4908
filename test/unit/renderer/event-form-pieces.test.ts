import { describe, expect, it } from 'vitest';
import { evidenceEntries, readerHref, sourceListings } from '../../../renderer/features/chronology/event-evidence-view';
import { eventDateSuggestions } from '../../../renderer/features/events/date-suggestions';
import { citationHref, parseCitation, safeHref } from '../../../renderer/features/events/description-links';
import { findDateMentions } from '../../../shared/dates/date-mentions';
import { chronologyEvents, claim, passage } from './chronology-fixtures';

const bbc = { articleId: 4, outlet: 'BBC', publishedAt: '2026-01-02', title: 'Latest: Maduro says Venezuela open to US talks', reliability: 'A' };
const undated = { articleId: 2, title: 'US Conducts Military Action Against Venezuelan Drug Vessel' };
const ap = { articleId: 1, outlet: 'AP', publishedAt: '2026-01-01', storyId: 9 };
const independent = { articleId: 3, outlet: 'The Independent', publishedAt: '2026-01-01', storyId: 9, reliability: 'C' };

describe('date suggestions for an event', () => {
  it('offers the dates its claims assert and the dates its passages mention, read against each publication date', () => {
    const strike = claim({
      statement: 'Two boats were struck on Wednesday, killing five',
      date: '2025-12-31',
      datePhrase: 'on Wednesday',
      evidence: [passage(bbc, 'The latest attack came on Wednesday when two boats were struck')],
    });
    const talks = passage(bbc, 'Maduro said on Thursday he was open to talks');
    const { chips, undatable } = eventDateSuggestions([strike], [talks], findDateMentions);
    expect(chips.map((c) => [c.edtf, c.label, c.phrase, c.asserted])).toEqual([
      ['2025-12-31', '31 December 2025', 'on Wednesday', true],
      ['2026-01-01', '1 January 2026', 'on Thursday', false],
    ]);
    // The claim's date and the passage's "on Wednesday" are one chip with both origins.
    expect(chips[0]!.origins).toEqual(['claim “Two boats were struck on Wednesday, killing five” (BBC)', '“on Wednesday” in BBC, 2 January 2026']);
    expect(undatable).toEqual([]);
  });

  it('names a relative phrase in an article without a publication date rather than guess', () => {
    const announced = claim({ evidence: [passage(undated, 'On Tuesday afternoon, Donald Trump laid down the gauntlet')] });
    const { chips, undatable } = eventDateSuggestions([announced], [], findDateMentions);
    expect(chips).toEqual([]);
    expect(undatable).toEqual([{ phrase: 'On Tuesday afternoon', articleTitle: 'US Conducts Military Action Against Venezuelan Drug Vessel' }]);
  });

  it('still offers a full date written in an undated article', () => {
    const { chips } = eventDateSuggestions([], [passage(undated, 'the first attack, on 2 September 2025, killed eleven')], findDateMentions);
    expect(chips.map((c) => c.edtf)).toEqual(['2025-09-02']);
  });
});

describe('an event’s evidence as the list shows it', () => {
  it('lists each claim’s passages with the stance they take on the event, then the passages linked directly', () => {
    const [event] = chronologyEvents([
      {
        id: 1,
        date: '2025-12',
        claims: [
          claim({ id: 70, statement: 'The CIA struck a dock', evidence: [passage(independent, 'a drone strike'), passage(ap, 'a strike', 'qualifies')] }),
          claim({ id: 71, eventStance: 'disputes', evidence: [passage(bbc, 'evaded a question')] }),
        ],
        passages: [passage(undated, 'laid down the gauntlet', 'qualifies')],
      },
    ]);
    const entries = evidenceEntries(event!);
    expect(entries.map((e) => [e.claim?.id ?? null, e.quote, e.stance, e.reliability])).toEqual([
      [70, 'a drone strike', 'supports', 'C'],
      [70, 'a strike', 'qualifies', null],
      [71, 'evaded a question', 'disputes', 'A'],
      [null, 'laid down the gauntlet', 'qualifies', null],
    ]);
    expect(new Set(entries.map((e) => e.key)).size).toBe(4);

    // AP and The Independent ran one story: one source. The undated article is another; BBC disputes.
    const backing = sourceListings(event!.corroboration.sources, entries);
    expect(backing.map((s) => [s.name, s.articles.map((a) => a.articleId)])).toEqual([
      ['AP / The Independent', [1, 3]],
      ['Unknown outlet (story 2)', [2]],
    ]);
    expect(sourceListings(event!.corroboration.disputingSources, entries).map((s) => s.name)).toEqual(['BBC']);
    expect(readerHref(4, 17)).toBe('#/article/4/highlight/17');
  });
});

describe('links in a description', () => {
  it('makes and reads citations into the reader', () => {
    expect(citationHref({ articleId: 4, highlightId: 17 })).toBe('#/article/4/highlight/17');
    expect(parseCitation('#/article/4/highlight/17')).toEqual({ articleId: 4, highlightId: 17 });
    expect(parseCitation('#/chronology/2')).toBeNull();
  });

  it('keeps app routes and web addresses, and drops anything else', () => {
    expect(safeHref('#/article/4/highlight/17')).toEqual({ href: '#/article/4/highlight/17', internal: true });
    expect(safeHref('https://apnews.com/x')).toEqual({ href: 'https://apnews.com/x', internal: false });
    expect(safeHref('mailto:desk@example.org')).toEqual({ href: 'mailto:desk@example.org', internal: false });
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
    expect(safeHref('file:///etc/passwd')).toBeNull();
    expect(safeHref('#/article/"><script>')).toBeNull();
    expect(safeHref(undefined)).toBeNull();
  });
});
