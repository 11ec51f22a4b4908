import { describe, expect, it } from 'vitest';
import {
  corroborate,
  type Conflict,
  type DateConflict,
  type EventCorroboration,
  type EventInput,
  type QuantityConflict,
} from '../../../shared/chronology/corroboration';
import { APPROXIMATE_DAYS } from '../../../shared/chronology/edtf-span';
import type { Comparator, EvidenceItem } from '../../../shared/chronology/evidence';
import { APPROXIMATE_TOLERANCE } from '../../../shared/chronology/quantity-range';
import { event, item } from './evidence-fixtures';
import { SEED_ARTICLES, SEED_FIGURES, seedChronology, seedEvidence, seedText } from './seed-figures';

function one(e: EventInput, others: EventInput[] = []): EventCorroboration {
  return corroborate([e, ...others]).get(e.id)!;
}

const ofKind = <K extends Conflict['kind']>(c: EventCorroboration, kind: K) =>
  c.conflicts.filter((x): x is Extract<Conflict, { kind: K }> => x.kind === kind);

function dateConflict(dates: (string | null)[], eventDate = '2025/2026'): DateConflict | undefined {
  const evidence = dates.map((date, i) => item({ articleId: 100 + i, outlet: `Outlet ${i}`, date }));
  return ofKind(one(event(1, eventDate, evidence)), 'date')[0];
}

/** Two figures about strikes as of the given dates, in one event. */
function strikes(a: [Comparator, number, string | null], b: [Comparator, number, string | null], unitB = 'strikes'): QuantityConflict[] {
  const q = ([comparator, value, asOf]: [Comparator, number, string | null], unit: string) => ({ comparator, value, asOf, unit });
  return ofKind(
    one(
      event(1, '2025-11', [
        item({ articleId: 1, outlet: 'AP', quantity: q(a, 'strikes') }),
        item({ articleId: 2, outlet: 'Reuters', quantity: q(b, unitB) }),
      ]),
    ),
    'quantity',
  );
}

describe('independent sources: the badge', () => {
  it('counts a wire story run by two outlets (one story, near-copies) once, named after both', () => {
    const c = one(
      event(1, '2026-01-01', [
        item({ articleId: 1, storyId: 7, outlet: 'AP' }),
        item({ articleId: 2, storyId: 7, outlet: 'The Independent' }),
      ]),
    );
    expect(c.sourceCount).toBe(1);
    expect(c.sources).toHaveLength(1);
    expect(c.sources[0]!.name).toBe('AP / The Independent');
    expect(c.sources[0]!.articleIds).toEqual([1, 2]);
    expect(c.sources[0]!.storyIds).toEqual([7]);
  });

  it('counts two different stories from one outlet once, however the outlet is written', () => {
    const c = one(
      event(1, '2026-01-01', [
        item({ articleId: 1, storyId: 1, outlet: 'Reuters' }),
        item({ articleId: 2, storyId: 2, outlet: '  reuters ' }),
      ]),
    );
    expect(c.sourceCount).toBe(1);
    expect(c.sources[0]!.outlets).toEqual(['Reuters']);
    expect(c.sources[0]!.storyIds).toEqual([1, 2]);
  });

  it('counts two outlets with stories of their own twice', () => {
    const c = one(
      event(1, '2026-01-01', [
        item({ articleId: 1, storyId: 1, outlet: 'BBC' }),
        item({ articleId: 2, storyId: 2, outlet: 'The Independent' }),
      ]),
    );
    expect(c.sourceCount).toBe(2);
    expect(c.sources.map((s) => s.name)).toEqual(['BBC', 'The Independent']);
  });

  it('joins through a shared story and a shared outlet alike (AP → its copy in The Independent → The Independent’s own story)', () => {
    const c = one(
      event(1, '2026-01-01', [
        item({ articleId: 1, storyId: 1, outlet: 'AP' }),
        item({ articleId: 2, storyId: 2, outlet: 'BBC' }),
        item({ articleId: 3, storyId: 3, outlet: 'The Independent' }),
        item({ articleId: 4, storyId: 1, outlet: 'The Independent' }),
      ]),
    );
    expect(c.sourceCount).toBe(2);
    expect(c.sources.map((s) => s.name)).toEqual(['AP / The Independent', 'BBC']);
    expect(c.sources[0]!.articleIds).toEqual([1, 3, 4]);
  });

  it('counts articles without an outlet by their story alone', () => {
    const c = one(
      event(1, '2026-01-01', [
        item({ articleId: 1, storyId: 5 }),
        item({ articleId: 2, storyId: 5, outlet: '   ' }),
        item({ articleId: 3, storyId: 6 }),
      ]),
    );
    expect(c.sourceCount).toBe(2);
    expect(c.sources.map((s) => s.name)).toEqual(['Unknown outlet (story 5)', 'Unknown outlet (story 6)']);
  });

  it('counts one article behind several claims once and lists the claims', () => {
    const a = item({ articleId: 1, outlet: 'AP' });
    const b = item({ articleId: 1, outlet: 'AP' });
    const c = one(event(1, '2026-01-01', [a, b]));
    expect(c.sourceCount).toBe(1);
    expect(c.sources[0]!.claimIds).toEqual([a.claimId, b.claimId].sort((x, y) => x! - y!));
  });

  it('counts qualifying evidence on the badge and lists disputing sources apart, with a stance conflict', () => {
    const c = one(
      event(1, '2026-01-01', [
        item({ articleId: 1, outlet: 'AP', stance: 'supports' }),
        item({ articleId: 2, outlet: 'BBC', stance: 'qualifies' }),
        item({ articleId: 3, outlet: 'Venezuelan state TV', stance: 'disputes' }),
        item({ articleId: 4, storyId: 3, outlet: 'Telesur', stance: 'disputes' }),
      ]),
    );
    expect(c.sourceCount).toBe(2);
    expect(c.sources.map((s) => s.name)).toEqual(['AP', 'BBC']);
    // 4 is a copy of 3's story: the disputing side is one voice too.
    expect(c.disputingSources.map((s) => s.name)).toEqual(['Telesur / Venezuelan state TV']);
    expect(ofKind(c, 'stance')).toEqual([{ kind: 'stance', supporting: 2, disputing: 1 }]);
  });

  it('shows an outlet that supports with one claim and disputes with another on both sides', () => {
    const c = one(
      event(1, '2026-01-01', [
        item({ articleId: 1, outlet: 'AP', stance: 'supports' }),
        item({ articleId: 2, outlet: 'AP', stance: 'disputes' }),
      ]),
    );
    expect(c.sourceCount).toBe(1);
    expect(c.disputingSources).toHaveLength(1);
    expect(ofKind(c, 'stance')).toHaveLength(1);
  });

  it('has no badge and no stance conflict for an event only disputed', () => {
    const c = one(event(1, '2026-01-01', [item({ articleId: 1, outlet: 'AP', stance: 'disputes' })]));
    expect(c.sourceCount).toBe(0);
    expect(c.disputingSources).toHaveLength(1);
    expect(c.conflicts).toEqual([]);
  });

  it('answers for every event, evidence or not', () => {
    const result = corroborate([event(1, '2025', []), event(2, '2026', [item({ articleId: 1 })])]);
    expect([...result.keys()]).toEqual([1, 2]);
    expect(result.get(1)).toMatchObject({ sourceCount: 0, sources: [], conflicts: [] });
  });
});

describe('date conflicts', () => {
  it('flags two days that cannot both be the day, naming the claims and sources', () => {
    const a = item({ articleId: 1, outlet: 'AP', date: '2025-12-30' });
    const b = item({ articleId: 2, outlet: 'BBC', date: '2025-12-31' });
    const c = one(event(1, '2025-12', [a, b]));
    expect(ofKind(c, 'date')).toEqual([
      {
        kind: 'date',
        dates: [
          { edtf: '2025-12-30', claimIds: [a.claimId], sources: ['AP'], eventDate: false },
          { edtf: '2025-12-31', claimIds: [b.claimId], sources: ['BBC'], eventDate: false },
        ],
      },
    ]);
  });

  it('sees no conflict between a month and a day inside it', () => {
    expect(dateConflict(['2025-12', '2025-12-31'])).toBeUndefined();
  });

  it('sees no conflict when sources agree on the day', () => {
    expect(dateConflict(['2025-12-31', '2025-12-31'], '2025-12-31')).toBeUndefined();
  });

  it('lists only the dates in disagreement, not the month that fits both', () => {
    const conflict = dateConflict(['2025-12', '2025-12-30', '2025-12-31'], '2025-12');
    expect(conflict?.dates.map((d) => d.edtf)).toEqual(['2025-12-30', '2025-12-31']);
  });

  it('compares ranges by overlap', () => {
    expect(dateConflict(['2025-12-26/2025-12-31', '2025-12-30'])).toBeUndefined();
    expect(dateConflict(['2025-12-26/2025-12-31', '2025-12-31/2026-01-02'])).toBeUndefined();
    expect(dateConflict(['2025-12-26/2025-12-31', '2026-01-02'])?.dates.map((d) => d.edtf)).toEqual([
      '2025-12-26/2025-12-31',
      '2026-01-02',
    ]);
  });

  it('lets an open end reach as far as it says', () => {
    expect(dateConflict(['../2025-09-02', '2025-08-15'])).toBeUndefined();
    expect(dateConflict(['../2025-09-02', '2025-09-03'])).toBeDefined();
    expect(dateConflict(['2025-09-02/..', '2025-12-31'])).toBeUndefined();
    expect(dateConflict(['2025-09-02/..', '2025-09-01'])).toBeDefined();
  });

  it(`widens an approximate day by ${APPROXIMATE_DAYS} days each way, and an approximate month by a month`, () => {
    expect(dateConflict(['2025-12-30~', '2025-12-31'])).toBeUndefined();
    const within = new Date(Date.UTC(2025, 11, 30 + APPROXIMATE_DAYS)).toISOString().slice(0, 10);
    const beyond = new Date(Date.UTC(2025, 11, 30 + APPROXIMATE_DAYS + 1)).toISOString().slice(0, 10);
    expect(dateConflict(['2025-12-30~', within], '2025~')).toBeUndefined();
    expect(dateConflict(['2025-12-30~', beyond], '2025~')).toBeDefined();
    expect(dateConflict(['2025-11~', '2025-12-15'], '2025~')).toBeUndefined();
    expect(dateConflict(['2025-11~', '2026-01-02'], '2025~')).toBeDefined();
    expect(dateConflict(['2025-12-30%', '2025-12-31'])).toBeUndefined();
  });

  it('does not widen an uncertain date: "31 December?" still disagrees with 30 December', () => {
    expect(dateConflict(['2025-12-31?', '2025-12-30'])).toBeDefined();
  });

  it('flags a claim whose date falls outside the event’s own date', () => {
    const a = item({ articleId: 1, outlet: 'AP', date: '2025-09-03' });
    const conflict = ofKind(one(event(1, '2025-09-02', [a])), 'date')[0];
    expect(conflict?.dates).toEqual([
      { edtf: '2025-09-02', claimIds: [], sources: [], eventDate: true },
      { edtf: '2025-09-03', claimIds: [a.claimId], sources: ['AP'], eventDate: false },
    ]);
  });

  it('marks the event’s date when a claim gives the same date', () => {
    const a = item({ articleId: 1, outlet: 'AP', date: '2025-09-02' });
    const b = item({ articleId: 2, outlet: 'BBC', date: '2025-09-05' });
    const dates = ofKind(one(event(1, '2025-09-02', [a, b])), 'date')[0]?.dates;
    expect(dates?.map((d) => [d.edtf, d.eventDate, d.claimIds])).toEqual([
      ['2025-09-02', true, [a.claimId]],
      ['2025-09-05', false, [b.claimId]],
    ]);
  });

  it('leaves the dates of disputing evidence out: a denial names the date it denies', () => {
    const c = one(event(1, '2025-09-02', [item({ articleId: 1, stance: 'disputes', date: '2025-09-05' })]));
    expect(ofKind(c, 'date')).toEqual([]);
  });

  it('names a syndicated story once among the sources of a date', () => {
    const c = one(
      event(1, '2025-12', [
        item({ articleId: 1, storyId: 9, outlet: 'AP', date: '2025-12-30' }),
        item({ articleId: 2, storyId: 9, outlet: 'The Independent', date: '2025-12-30' }),
        item({ articleId: 3, storyId: 4, outlet: 'BBC', date: '2025-12-31' }),
      ]),
    );
    expect(ofKind(c, 'date')[0]?.dates.map((d) => d.sources)).toEqual([['AP / The Independent'], ['BBC']]);
  });

  it('skips a date it cannot read rather than inventing a disagreement', () => {
    expect(dateConflict(['2025-12-31', 'yesterday'], '2025-12-31')).toBeUndefined();
  });
});

describe('quantity conflicts', () => {
  it('uses figures that are in the seed articles', () => {
    for (const f of SEED_FIGURES) expect(seedText(f.seed).replace(/\s+/g, ' ')).toContain(f.words);
  });

  it('reads the seeds’ death toll (83, more than 80, more than 100, more than 110) as a series, not a conflict', () => {
    const result = corroborate(seedChronology());
    for (const c of result.values()) expect(ofKind(c, 'quantity')).toEqual([]);
  });

  it('still finds no conflict when every seed figure is linked to one event', () => {
    const all = event(1, '2025-09-02/2026-01-02', SEED_FIGURES.map(seedEvidence));
    expect(ofKind(one(all), 'quantity')).toEqual([]);
  });

  it('flags 21 strikes against "over 30" as of the same week', () => {
    const a = SEED_ARTICLES['004'];
    const b = SEED_ARTICLES['000'];
    const c = one(
      event(1, '2025-11', [
        item({ articleId: a.articleId, publishedAt: a.publishedAt, quantity: { value: 21, comparator: '=', unit: 'strikes', asOf: a.publishedAt } }),
        item({ articleId: b.articleId, outlet: 'BBC', quantity: { value: 30, comparator: '>', unit: 'strikes', asOf: '2025-11-24/2025-11-30' } }),
      ]),
    );
    const conflicts = ofKind(c, 'quantity');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.unit).toBe('strikes');
    expect(conflicts[0]!.items.map((i) => [i.comparator, i.value, i.sourceName])).toEqual([
      ['>', 30, 'BBC'],
      ['=', 21, `Unknown outlet (story ${a.articleId})`],
    ]);
  });

  it('finds the same disagreement between figures linked to two events, and shows it on both', () => {
    const a = item({ articleId: 1, outlet: 'AP', quantity: { value: 21, comparator: '=', unit: 'strikes', asOf: '2025-11-29' } });
    const b = item({ articleId: 2, outlet: 'BBC', quantity: { value: 30, comparator: '>', unit: 'Strikes ', asOf: '2025-11-24/2025-11-30' } });
    const result = corroborate([event(1, '2025-11-27', [a]), event(2, '2025-11-28', [b])]);
    for (const id of [1, 2]) {
      const [conflict] = ofKind(result.get(id)!, 'quantity');
      expect(conflict?.items.map((i) => [i.claimId, i.eventId])).toEqual([
        [b.claimId, 2],
        [a.claimId, 1],
      ]);
    }
  });

  it('does not compare different measures', () => {
    expect(strikes(['=', 21, '2025-11-29'], ['>', 30, '2025-11-29'], 'killed')).toEqual([]);
  });

  it('compares units case-insensitively after trimming', () => {
    expect(strikes(['=', 21, '2025-11-29'], ['>', 30, '2025-11-29'], '  STRIKES ')).toHaveLength(1);
  });

  it('keeps figures as of different times apart', () => {
    expect(strikes(['=', 21, '2025-11-29'], ['>', 30, '2026-01-02'])).toEqual([]);
    expect(strikes(['=', 21, '2025-11'], ['>', 30, '2025-11-29'])).toHaveLength(1);
  });

  it('compares undated figures with each other within one event only', () => {
    expect(strikes(['=', 21, null], ['>', 30, null])).toHaveLength(1);
    const q = (comparator: Comparator, value: number) => ({ comparator, value, unit: 'strikes', asOf: null });
    const result = corroborate([
      event(1, '2025-11', [item({ articleId: 1, quantity: q('=', 21) })]),
      event(2, '2025-12', [item({ articleId: 2, quantity: q('>', 30) })]),
    ]);
    for (const c of result.values()) expect(ofKind(c, 'quantity')).toEqual([]);
  });

  it('does not compare an undated figure with a dated one', () => {
    expect(strikes(['=', 21, null], ['>', 30, '2025-11-29'])).toEqual([]);
  });

  it.each<[Comparator, number, Comparator, number, boolean]>([
    ['=', 83, '>', 80, false],
    ['=', 80, '>', 80, true],
    ['=', 30, '>=', 30, false],
    ['<', 30, '>', 30, true],
    ['<=', 30, '>=', 30, false],
    ['<', 30, '=', 21, false],
    ['=', 21, '=', 22, true],
    ['>', 100, '>', 110, false],
  ])('%s %d against %s %d as of the same day: conflict %s', (ca, va, cb, vb, conflict) => {
    expect(strikes([ca, va, '2025-12-01'], [cb, vb, '2025-12-01'])).toHaveLength(conflict ? 1 : 0);
  });

  it(`allows "about N" ± ${APPROXIMATE_TOLERANCE * 100} %, and ± 1 at least for whole numbers`, () => {
    const edge = 80 + 80 * APPROXIMATE_TOLERANCE;
    expect(strikes(['~', 80, '2025-12-01'], ['=', 83, '2025-12-01'])).toEqual([]);
    expect(strikes(['~', 80, '2025-12-01'], ['=', edge, '2025-12-01'])).toEqual([]);
    expect(strikes(['~', 80, '2025-12-01'], ['=', edge + 1, '2025-12-01'])).toHaveLength(1);
    expect(strikes(['~', 80, '2025-12-01'], ['>', 100, '2025-12-01'])).toHaveLength(1);
    expect(strikes(['~', 5, '2025-12-01'], ['=', 6, '2025-12-01'])).toEqual([]);
    expect(strikes(['~', 5, '2025-12-01'], ['=', 7, '2025-12-01'])).toHaveLength(1);
  });

  it('compares a disputing source’s figure too', () => {
    const c = one(
      event(1, '2025-11', [
        item({ articleId: 1, outlet: 'AP', quantity: { value: 30, comparator: '>', unit: 'strikes', asOf: '2025-11-29' } }),
        item({ articleId: 2, outlet: 'Telesur', stance: 'disputes', quantity: { value: 21, comparator: '=', unit: 'strikes', asOf: '2025-11-29' } }),
      ]),
    );
    expect(ofKind(c, 'quantity')).toHaveLength(1);
  });

  it('never sets a claim against itself, even linked to two events or backed by two copies', () => {
    const q = { value: 21, comparator: '=' as const, unit: 'strikes', asOf: null };
    const copies: EvidenceItem[] = [
      item({ articleId: 1, storyId: 1, outlet: 'AP', claimId: 77, quantity: q }),
      item({ articleId: 2, storyId: 1, outlet: 'The Independent', claimId: 77, quantity: q }),
    ];
    const result = corroborate([event(1, '2025-11', copies), event(2, '2025-12', copies)]);
    for (const c of result.values()) expect(ofKind(c, 'quantity')).toEqual([]);
  });

  it('names a figure backed by a syndicated story after the story’s outlets, once', () => {
    const q = (value: number, comparator: Comparator) => ({ value, comparator, unit: 'killed', asOf: '2025-12-30' });
    const c = one(
      event(1, '2025-12', [
        item({ articleId: 1, storyId: 3, outlet: 'AP', claimId: 5, quantity: q(100, '>') }),
        item({ articleId: 2, storyId: 3, outlet: 'The Independent', claimId: 5, quantity: q(100, '>') }),
        item({ articleId: 3, storyId: 4, outlet: 'Reuters', claimId: 6, quantity: q(83, '=') }),
      ]),
    );
    expect(ofKind(c, 'quantity')[0]?.items.map((i) => i.sourceName)).toEqual(['Reuters', 'AP / The Independent']);
  });
});
