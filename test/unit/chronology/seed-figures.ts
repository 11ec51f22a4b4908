import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Comparator, EventInput, EvidenceItem } from '../../../shared/chronology/evidence';
import { event, item } from './evidence-fixtures';

// The figures the seed articles give for the boat-strike campaign, each with
// the words it stands on (the tests check those words are in the seed). Only
// 003 prints its date; the others are dated from what they report:
// 004 cites Thanksgiving (Thursday 27 November 2025) and reports that came
// out "on Friday"; 002 cites remarks made "on Friday" and "on Monday" after
// Christmas; 000 retells 003's report of Maduro's interview. Each figure is
// taken as of its article's publication day.

const SAMPLES = fileURLToPath(new URL('../../../resources/samples/', import.meta.url));

export const SEED_ARTICLES = {
  '000': { articleId: 1000, outlet: null, publishedAt: '2026-01-02' },
  '002': { articleId: 1002, outlet: 'The Independent', publishedAt: '2025-12-30' },
  '003': { articleId: 1003, outlet: 'BBC', publishedAt: '2026-01-02' },
  '004': { articleId: 1004, outlet: null, publishedAt: '2025-11-29' },
} as const;

export type SeedId = keyof typeof SEED_ARTICLES;

export interface SeedFigure {
  seed: SeedId;
  words: string;
  unit: 'killed' | 'strikes';
  comparator: Comparator;
  value: number;
}

export const SEED_FIGURES: SeedFigure[] = [
  { seed: '004', words: '21 attacks and 83 deaths', unit: 'killed', comparator: '=', value: 83 },
  { seed: '004', words: 'killed more than 80 people so far', unit: 'killed', comparator: '>', value: 80 },
  { seed: '002', words: 'the deaths of more than 100 people', unit: 'killed', comparator: '>', value: 100 },
  { seed: '000', words: 'more than 110 individuals have lost their lives', unit: 'killed', comparator: '>', value: 110 },
  { seed: '003', words: 'more than 110 people killed', unit: 'killed', comparator: '>', value: 110 },
  { seed: '004', words: 'resulted in 21 attacks', unit: 'strikes', comparator: '=', value: 21 },
  { seed: '002', words: 'the two dozen strikes', unit: 'strikes', comparator: '~', value: 24 },
  { seed: '000', words: 'over 30 strikes', unit: 'strikes', comparator: '>', value: 30 },
  { seed: '003', words: 'more than 30 strikes', unit: 'strikes', comparator: '>', value: 30 },
];

export function seedText(seed: SeedId): string {
  const name = readdirSync(SAMPLES).find((n) => n.startsWith(seed));
  if (!name) throw new Error(`no seed ${seed}`);
  return readFileSync(SAMPLES + name, 'utf8');
}

export function seedEvidence(f: SeedFigure): EvidenceItem {
  const a = SEED_ARTICLES[f.seed];
  return item({
    articleId: a.articleId,
    outlet: a.outlet,
    publishedAt: a.publishedAt,
    quantity: { value: f.value, comparator: f.comparator, unit: f.unit, asOf: a.publishedAt },
  });
}

/**
 * The figures linked where a researcher would link them: 004's beside the
 * Thanksgiving announcement, 002's beside the dock strike, 000's and 003's
 * beside Maduro's interview.
 */
export function seedChronology(): EventInput[] {
  const from = (...seeds: SeedId[]) => SEED_FIGURES.filter((f) => seeds.includes(f.seed)).map(seedEvidence);
  return [event(1, '2025-11-27', from('004')), event(2, '2025-12', from('002')), event(3, '2026-01-01', from('000', '003'))];
}
