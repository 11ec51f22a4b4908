import { describe, expect, it } from 'vitest';
import {
  applyFilter,
  dateProblem,
  filterChoices,
  indexEvents,
  indexFor,
  isFiltering,
  NO_FILTER,
  type ChronologyFilter,
} from '../../../renderer/features/chronology/event-filtering';
import { chronologyEvents, claim, passage } from './chronology-fixtures';

const bbc = { articleId: 1, outlet: 'BBC', reliability: 'A', title: 'Latest: Maduro says Venezuela open to US talks' };
const ap = { articleId: 2, outlet: 'AP', reliability: 'B' };
const blog = { articleId: 3, outlet: 'A blog', reliability: 'E' };
const ungraded = { articleId: 4, outlet: 'Efecto Cocuyo' };

const events = chronologyEvents([
  {
    id: 1,
    date: '2025-09-02',
    title: 'First US strike on a boat',
    place: 'Caribbean Sea',
    actors: [{ id: 1, name: 'US Southern Command' }],
    tags: [{ id: 1, name: 'strikes', color: 'red' }],
    claims: [claim({ statement: 'Eleven people were killed', credibility: 2, evidence: [passage(bbc)] })],
  },
  {
    id: 2,
    date: '2025-12',
    title: 'CIA drone strike on a dock',
    description: 'The first strike on Venezuelan soil.',
    claims: [
      claim({ actor: { id: 2, name: 'Nicolás Maduro' }, eventStance: 'disputes', credibility: 1, evidence: [passage(ap)] }),
      claim({ credibility: 5, evidence: [passage(blog)] }),
    ],
  },
  {
    id: 3,
    date: '2025-12-26/2025-12-31',
    title: 'Talks offered',
    tags: [{ id: 2, name: 'Diplomacy', color: 'blue' }],
    passages: [passage(ungraded)],
  },
  { id: 4, date: '2026', title: 'Year of the blockade' },
]);

const index = indexEvents(events);
const ids = (filter: Partial<ChronologyFilter>) => applyFilter(index, { ...NO_FILTER, ...filter }).events.map((e) => e.id);

describe('filtering the loaded chronology', () => {
  it('keeps every event without criteria', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, text: '  ' })).toBe(false);
    expect(isFiltering({ ...NO_FILTER, maxCredibility: 2 })).toBe(true);
    expect(ids({})).toEqual([1, 2, 3, 4]);
  });

  it('finds words in the title, place, description, actors, tags and claim statements, accents and case ignored', () => {
    expect(ids({ text: 'strike' })).toEqual([1, 2]);
    expect(ids({ text: 'caribbean' })).toEqual([1]);
    expect(ids({ text: 'venezuelan soil' })).toEqual([2]);
    expect(ids({ text: 'southern command' })).toEqual([1]);
    expect(ids({ text: 'DIPLOMACY' })).toEqual([3]);
    expect(ids({ text: 'eleven killed' })).toEqual([1]);
    expect(ids({ text: 'eleven dock' })).toEqual([]);
  });

  it('filters by tag, by actor (of the event or of its claims) and by outlet', () => {
    expect(ids({ tag: 'diplomacy' })).toEqual([3]);
    expect(ids({ actor: 'Nicolas Maduro' })).toEqual([2]);
    expect(ids({ actor: 'US Southern Command' })).toEqual([1]);
    expect(ids({ outlet: 'bbc' })).toEqual([1]);
    expect(ids({ outlet: 'Efecto Cocuyo', tag: 'Diplomacy' })).toEqual([3]);
  });

  it('keeps events whose date overlaps the range, either end open', () => {
    expect(ids({ from: '2025-12-01' })).toEqual([2, 3, 4]);
    expect(ids({ to: '2025-09-30' })).toEqual([1]);
    expect(ids({ from: '2025-12-28', to: '2025-12-29' })).toEqual([2, 3]);
    expect(ids({ from: '2026-01', to: '2026-01' })).toEqual([4]);
  });

  it('says which date it cannot read and leaves that end open', () => {
    const outcome = applyFilter(index, { ...NO_FILTER, from: '31/12/2025', to: '2025-10' });
    expect(outcome.problems.from).toMatch(/“31\/12\/2025” is not a date Annalist reads/);
    expect(outcome.problems.to).toBeUndefined();
    expect(outcome.events.map((e) => e.id)).toEqual([1]);
    expect(dateProblem('')).toBeNull();
    expect(dateProblem('2025-12~')).toBeNull();
  });

  it('keeps events backed by evidence graded at least as asked, a disputing source not counting', () => {
    // Event 2's AP passage (B, credibility 1) disputes it; its backing is the blog (E, credibility 5).
    expect(ids({ minReliability: 'B' })).toEqual([1]);
    expect(ids({ minReliability: 'E' })).toEqual([1, 2]);
    expect(ids({ maxCredibility: 2 })).toEqual([1]);
    expect(ids({ maxCredibility: 5 })).toEqual([1, 2]);
    // Both: one piece of evidence must meet both.
    expect(ids({ minReliability: 'A', maxCredibility: 1 })).toEqual([]);
    expect(ids({ minReliability: 'A', maxCredibility: 2 })).toEqual([1]);
    // An ungraded outlet never meets a grade.
    expect(ids({ minReliability: 'F' })).toEqual([1, 2]);
  });

  it('offers the tags, actors and outlets of the chronology, each once, in alphabetical order', () => {
    expect(filterChoices(events)).toEqual({
      tags: ['Diplomacy', 'strikes'],
      actors: ['Nicolás Maduro', 'US Southern Command'],
      outlets: ['A blog', 'AP', 'BBC', 'Efecto Cocuyo'],
    });
  });

  it('builds the index of a loaded list once', () => {
    expect(indexFor(events)).toBe(indexFor(events));
    expect(indexFor([...events])).not.toBe(indexFor(events));
  });
});
