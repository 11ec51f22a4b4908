import { describe, expect, it } from 'vitest';
import { filterEvents, type FilterableEvent } from '../../../shared/chronology/event-filter';
import { item } from './evidence-fixtures';

const EVENTS: FilterableEvent[] = [
  {
    id: 1,
    date: '2025-09-02',
    title: 'First US strike on an alleged drug boat',
    tags: ['Strikes'],
    evidence: [item({ articleId: 1, outlet: 'AP', actor: 'Pete Hegseth' })],
  },
  {
    id: 2,
    date: '2025-11-27',
    title: 'Trump announces ground operations',
    tags: ['Policy'],
    actors: ['Donald Trump'],
    evidence: [item({ articleId: 2, outlet: 'The Independent' })],
  },
  {
    id: 3,
    date: '2025-12~',
    title: 'CIA drone strike on a Venezuelan dock',
    tags: ['strikes', 'CIA'],
    evidence: [item({ articleId: 3, outlet: 'BBC', actor: 'CIA' }), item({ articleId: 4, outlet: 'AP' })],
  },
  {
    id: 4,
    date: '2026-01-01',
    title: 'Nicolás Maduro says he is open to talks',
    evidence: [item({ articleId: 5, outlet: 'BBC', actor: 'Nicolás Maduro' })],
  },
  { id: 5, date: '../2025-09-01', title: 'Naval build-up in the Caribbean', evidence: [] },
];

const ids = (filter: Parameters<typeof filterEvents>[1]) => filterEvents(EVENTS, filter).map((e) => e.id);

describe('filtering a loaded chronology', () => {
  it('keeps everything, in order, when no criterion is given', () => {
    expect(ids({})).toEqual([1, 2, 3, 4, 5]);
    expect(ids({ text: '  ', outlets: [], tags: [''] })).toEqual([1, 2, 3, 4, 5]);
  });

  it('finds every word of the text in the title, ignoring case and accents', () => {
    expect(ids({ text: 'strike' })).toEqual([1, 3]);
    expect(ids({ text: 'DRONE strike' })).toEqual([3]);
    expect(ids({ text: 'nicolas maduro' })).toEqual([4]);
  });

  it('finds events with evidence from any of the outlets named', () => {
    expect(ids({ outlets: ['ap'] })).toEqual([1, 3]);
    expect(ids({ outlets: [' the independent', 'BBC'] })).toEqual([2, 3, 4]);
  });

  it('keeps events whose date overlaps the range, taking approximate dates as written', () => {
    expect(ids({ from: '2025-12', to: '2026-01' })).toEqual([3, 4]);
    expect(ids({ from: '2026-01' })).toEqual([4]);
    expect(ids({ to: '2025-09' })).toEqual([1, 5]);
    expect(ids({ from: '2025-11-28', to: '2025-11-30' })).toEqual([]);
    expect(ids({ from: '2025-12-31', to: '2025-12-31' })).toEqual([3]);
  });

  it('finds actors named on the event or by its evidence', () => {
    expect(ids({ actors: ['donald trump'] })).toEqual([2]);
    expect(ids({ actors: ['Nicolas Maduro', 'CIA'] })).toEqual([3, 4]);
  });

  it('finds tags whatever their case', () => {
    expect(ids({ tags: ['STRIKES'] })).toEqual([1, 3]);
    expect(ids({ tags: ['cia', 'policy'] })).toEqual([2, 3]);
  });

  it('requires every criterion given', () => {
    expect(ids({ tags: ['strikes'], outlets: ['BBC'] })).toEqual([3]);
    expect(ids({ tags: ['strikes'], from: '2025-10' })).toEqual([3]);
    expect(ids({ text: 'strike', actors: ['Pete Hegseth'], to: '2025-09-30' })).toEqual([1]);
  });

  it('refuses a range end it cannot read, with the sentence the editor gives', () => {
    expect(() => ids({ from: 'last week' })).toThrow(/is not a date Annalist understands/);
  });
});
