import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../shared/api/types';
import { contractProject } from '../support/contract-calls';

// Claims with kinds, actors, dates, quantities and several passages; actors
// and source grades as managed lists; events with time, place, actors, tags,
// rich descriptions and passages linked directly. Through the contract both
// transports use, on a real project file holding the sample articles.

const env = contractProject();
const { call, value, mark } = env;

async function samples(): Promise<ArticleSummary[]> {
  await value('library.importSamples', {});
  return value('library.list', {});
}

describe('claims', () => {
  it('keeps a quantity claim with its actor, date, credibility and evidence from two articles', async () => {
    await samples();
    const latest = await mark('Latest: Maduro', 'more than 110 people killed');
    const cia = await mark('CIA carries out', 'the deaths of more than 100 people');

    const claim = await value('claims.create', {
      highlightId: latest.id,
      statement: 'More than 110 people have been killed in the strikes',
      quantity: { value: 110, comparator: '>', unit: 'people killed', asOf: '2026-01-02' },
      actorName: 'The Associated Press',
      credibility: 2,
    });
    expect(claim).toMatchObject({
      kind: 'quantity',
      actor: { name: 'The Associated Press' },
      quantity: { value: 110, comparator: '>', unit: 'people killed', asOf: '2026-01-02' },
      credibility: 2,
      highlightId: latest.id,
      quote: 'more than 110 people killed',
    });

    const withSecond = await value('claims.setEvidence', { claimId: claim.id, highlightId: cia.id, stance: 'qualifies' });
    expect(withSecond.evidence.map((e) => [e.highlightId, e.stance])).toEqual([
      [latest.id, 'supports'],
      [cia.id, 'qualifies'],
    ]);
    expect(new Set(withSecond.evidence.map((e) => e.articleId)).size).toBe(2);
    // Listed with either article.
    expect((await value('claims.list', { articleId: cia.articleId })).map((c) => c.id)).toEqual([claim.id]);

    const edited = await value('claims.update', { id: claim.id, statement: 'At least 110 killed', credibility: null, date: '2026-01-02', datePhrase: 'on Friday' });
    expect(edited).toMatchObject({ statement: 'At least 110 killed', credibility: null, date: '2026-01-02', dateLabel: '2 January 2026', datePhrase: 'on Friday' });
    expect(edited.quantity?.value).toBe(110);

    // The last passage stays; a claim without evidence is no claim.
    await value('claims.removeEvidence', { claimId: claim.id, highlightId: latest.id });
    const last = await call('claims.removeEvidence', { claimId: claim.id, highlightId: cia.id });
    expect(!last.ok && last.error.message).toMatch(/“At least 110 killed” has no other evidence/);
  });

  it('refuses an unreadable date and a quantity without a unit, saying why, and writes nothing', async () => {
    await samples();
    const h = await mark('Latest: Maduro', 'more than 110 people killed');
    const badDate = await call('claims.create', { highlightId: h.id, statement: 'Killed', date: 'last Tuesday' });
    expect(!badDate.ok && badDate.error.message).toMatch(/"last Tuesday" is not a date Annalist understands/);
    const noUnit = await call('claims.create', { highlightId: h.id, statement: 'Killed', quantity: { value: 110, comparator: '>', unit: ' ' } });
    expect(!noUnit.ok && noUnit.error.message).toMatch(/A quantity needs a unit/);
    expect(await value('claims.list', {})).toEqual([]);
  });

  it('suggests the dates a passage mentions, resolved against the publication date, and asks for one when there is none', async () => {
    await samples();
    const h = await mark('Latest: Maduro', 'The latest attack came on Wednesday');
    const suggested = await value('claims.suggestDates', { highlightId: h.id });
    expect(suggested).toMatchObject({ reference: '2026-01-02', suggestions: [{ text: 'on Wednesday', edtf: '2025-12-31', label: '31 December 2025' }] });

    await value('articles.updateMetadata', { updates: [{ articleId: h.articleId, fields: { publishedAt: null } }] });
    const undated = await value('claims.suggestDates', { highlightId: h.id });
    expect(undated).toMatchObject({ reference: null, suggestions: [{ text: 'on Wednesday', edtf: null }] });
  });

  it('will not delete a highlight that is evidence, nor a claim that is in an event', async () => {
    await samples();
    const h = await mark('Latest: Maduro', 'more than 110 people killed');
    const claim = await value('claims.create', { highlightId: h.id, statement: 'Over 110 killed' });
    const refused = await call('annotations.deleteHighlight', { id: h.id });
    expect(!refused.ok && refused.error.message).toMatch(/evidence of a claim; remove it from that claim/);

    const chronology = await value('chronology.create', { name: 'Strikes' });
    await value('events.create', { chronologyId: chronology.id, title: 'Toll passes 110', date: '2026-01-02', claimIds: [claim.id] });
    const inEvent = await call('claims.delete', { id: claim.id });
    expect(!inEvent.ok && inEvent.error.message).toMatch(/“Over 110 killed” is evidence of an event/);
  });
});

describe('actors and sources', () => {
  it('renames and merges actors everywhere they are named', async () => {
    await samples();
    const h = await mark('Latest: Maduro', 'more than 110 people killed');
    const a = await value('claims.create', { highlightId: h.id, statement: 'One', actorName: 'SOUTHCOM' });
    await value('claims.create', { highlightId: h.id, statement: 'Two', actorName: 'US Southern Command' });
    expect(await call('actors.create', { name: 'southcom' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already an actor “SOUTHCOM”/) } });

    const actors = await value('actors.list', {});
    const from = actors.find((x) => x.name === 'SOUTHCOM')!;
    const into = actors.find((x) => x.name === 'US Southern Command')!;
    const merged = await value('actors.merge', { fromId: from.id, intoId: into.id });
    expect(merged).toMatchObject({ name: 'US Southern Command', claimCount: 2 });
    expect((await value('claims.update', { id: a.id })).actor?.name).toBe('US Southern Command');
    await value('actors.rename', { id: into.id, name: 'U.S. Southern Command' });
    expect((await value('claims.list', {})).map((c) => c.actor?.name)).toEqual(['U.S. Southern Command', 'U.S. Southern Command']);
  });

  it('grades an outlet, and refuses an outlet no article comes from', async () => {
    const article = (await samples()).find((a) => a.outlet)!;
    const outlet = article.outlet!;
    const graded = await value('sources.grade', { outlet: outlet.toUpperCase(), reliability: 'B' });
    expect(graded.find((s) => s.outlet === outlet)).toMatchObject({ reliability: 'B' });
    const { text } = await value('reader.getArticle', { id: article.id });
    const h = await value('annotations.createHighlight', { articleId: article.id, start: 0, end: text.indexOf(' ', 20) });
    const claim = await value('claims.create', { highlightId: h.id, statement: 'Graded' });
    expect(claim.evidence[0]!.reliability).toBe('B');
    const unknown = await call('sources.grade', { outlet: 'The Daily Nowhere', reliability: 'A' });
    expect(!unknown.ok && unknown.error.message).toBe('No article in this project comes from “The Daily Nowhere”.');
  });
});

describe('events', () => {
  it('keeps time, zone, place, actors, tags, a rich description and direct passages; updates and deletes', async () => {
    await samples();
    const h = await mark('Latest: Maduro', 'two boats alleged to be carrying drugs were struck');
    const claimPassage = await mark('Latest: Maduro', 'killing five people on board');
    const claim = await value('claims.create', { highlightId: claimPassage.id, statement: 'Five killed', actorName: 'US Southern Command' });
    const actor = (await value('actors.list', {}))[0]!;
    const tag = await value('tags.create', { name: 'boat strikes' });
    const chronology = await value('chronology.create', { name: 'Caribbean campaign' });

    const event = await value('events.create', {
      chronologyId: chronology.id,
      title: 'Two boats struck',
      date: '2025-12-31',
      time: '14:30',
      timeZone: 'America/Caracas',
      place: 'Eastern Pacific',
      description: 'Two strikes on one day.\nSouthern Command announced them.',
      actorIds: [actor.id],
      tagIds: [tag.id],
      claimIds: [claim.id],
      highlightIds: [h.id],
    });
    expect(event).toMatchObject({
      time: '14:30',
      timeZone: 'America/Caracas',
      place: 'Eastern Pacific',
      description: 'Two strikes on one day.\n\nSouthern Command announced them.',
      actors: [{ name: 'US Southern Command' }],
      tags: [{ name: 'boat strikes' }],
      claims: [{ id: claim.id, eventStance: 'supports' }],
      passages: [{ highlightId: h.id, stance: 'supports' }],
    });
    expect(event.descriptionDoc?.content).toHaveLength(2);
    expect(event.evidence.map((e) => [e.claimId, e.quote])).toEqual([
      [claim.id, 'killing five people on board'],
      [null, 'two boats alleged to be carrying drugs were struck'],
    ]);

    const bad = await call('events.update', { id: event.id, timeZone: 'Caribbean/Nowhere' });
    expect(!bad.ok && bad.error.message).toMatch(/“Caribbean\/Nowhere” is not a time zone/);
    const moved = await value('events.update', { id: event.id, date: '2025-12-30/2025-12-31', time: null, tagIds: [] });
    expect(moved).toMatchObject({ date: '2025-12-30/2025-12-31', dateLabel: 'between 30 and 31 December 2025', time: null, tags: [], place: 'Eastern Pacific' });

    const disputing = await value('events.linkPassage', { eventId: event.id, highlightId: h.id, stance: 'disputes' });
    expect(disputing.passages[0]!.stance).toBe('disputes');
    const refused = await call('annotations.deleteHighlight', { id: h.id });
    expect(!refused.ok && refused.error.message).toMatch(/evidence of an event/);
    await value('events.unlinkPassage', { eventId: event.id, highlightId: h.id });
    await value('events.unlinkClaim', { eventId: event.id, claimId: claim.id });
    expect(await value('chronology.get', { id: chronology.id })).toMatchObject({ events: [{ evidence: [] }] });

    await value('events.delete', { id: event.id });
    expect((await value('chronology.get', { id: chronology.id })).events).toEqual([]);
    expect(await value('claims.list', {})).toHaveLength(1);
  });

  it('renames and deletes chronologies, keeping their claims', async () => {
    await samples();
    const h = await mark('Latest: Maduro', 'killing five people on board');
    const claim = await value('claims.create', { highlightId: h.id, statement: 'Five killed' });
    const one = await value('chronology.create', { name: 'One' });
    await value('chronology.create', { name: 'Two' });
    await value('events.create', { chronologyId: one.id, title: 'Strike', date: '2025-12-31', claimIds: [claim.id] });
    expect(await call('chronology.rename', { id: one.id, name: 'two' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already a chronology named “Two”/) } });
    expect(await value('chronology.rename', { id: one.id, name: 'Strikes' })).toMatchObject({ name: 'Strikes', eventCount: 1 });
    await value('chronology.delete', { id: one.id });
    expect((await value('chronology.list', {})).map((c) => c.name)).toEqual(['Two']);
    expect((await value('claims.list', {})).map((c) => c.id)).toEqual([claim.id]);
  });
});
