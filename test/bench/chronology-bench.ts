// A large chronology: 5,000 events with 20,000 evidence links over 4,000
// generated articles (a quarter of the stories run by two or three outlets,
// as wire copy is), in a real project file under .bench/. Three figures,
// each the median of five runs beside the target:
//   open     chronologyDetail(): the events with their evidence, from SQLite
//   compute  EventInput[] from that detail (one query for the articles'
//            stories) and corroborate(): every source count and conflict
//   filter   filterEvents() over the loaded events: words, outlet, date
//            range, actor, tag, and all of them at once (the slowest counts)
//
// The rows are written with SQL in one transaction, and only into tables and
// columns of migrations 0001-0004: articles (through the article_imports
// view), highlights, claims, claim_evidence, chronologies, events and
// event_evidence. What a claim asserts (a date, a figure, an actor) and an
// event's tags have no columns there yet, so they are derived from the
// claim's and the event's id, the same on every run, where the back end
// will read them from their columns.
//
//   npx tsx test/bench/chronology-bench.ts
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database } from '../../electron/backend/db/connection';
import { listEvents } from '../../electron/backend/db/repositories/chronologies';
import { storiesOf } from '../../electron/backend/db/repositories/stories';
import { openProject } from '../../electron/backend/project/open-project';
import { chronologyDetail } from '../../electron/backend/services/chronology-service';
import type { ChronologyDetail } from '../../shared/api/types';
import { corroborate } from '../../shared/chronology/corroboration';
import { widenedSpans, writtenSpans } from '../../shared/chronology/edtf-span';
import { filterEvents, type EventFilter, type FilterableEvent } from '../../shared/chronology/event-filter';
import { quantitySeries } from '../../shared/chronology/quantity-series';
import type { Comparator, EvidenceItem, QuantityClaim, Stance } from '../../shared/chronology/evidence';
import { parseEventDate } from '../../shared/dates/event-date';
import { generateArticle, rng } from './generated-articles';

const WORK = resolve(import.meta.dirname, '..', '..', '.bench', 'chronology');
const EVENTS = 5_000;
const LINKS = 20_000;
const CLAIMS = 16_000;
const ARTICLES = 4_000;
const RUNS = Number(process.env.BENCH_CHRONOLOGY_RUNS ?? 5);
const SEED = 20260301;
const TARGET = { open: 500, compute: 500, filter: 100 };

const OUTLETS = [
  'AP', 'Reuters', 'AFP', 'BBC', 'The Independent', 'The Guardian', 'El País', 'Efecto Cocuyo', 'CNN', 'NPR',
  'The New York Times', 'The Washington Post', 'Al Jazeera', 'France 24', 'Deutsche Welle', 'El Nacional',
  'Telesur', 'Miami Herald', 'Bloomberg', 'Financial Times', 'Le Monde', 'Semana', 'Infobae', 'Clarín',
  'La Nación', 'Folha de S.Paulo', 'O Globo', 'The Economist', 'Politico', 'Axios',
];
const ACTORS = [
  'Donald Trump', 'Nicolás Maduro', 'Pete Hegseth', 'Marco Rubio', 'Delcy Rodríguez', 'Diosdado Cabello',
  'US Southern Command', 'CIA', 'Venezuelan Navy', 'US Coast Guard', 'Gustavo Petro', 'María Corina Machado',
];
const TAGS = ['strikes', 'casualties', 'oil', 'sanctions', 'diplomacy', 'legal', 'migration', 'tankers', 'CIA', 'Congress', 'Caribbean', 'Pacific'];
const UNITS = ['killed', 'strikes', 'vessels destroyed', 'tankers seized', 'troops deployed', 'arrests', 'deportation flights', 'survivors'];
const COMPARATORS: Comparator[] = ['=', '=', '=', '>', '>', '~', '>=', '<'];
const DAY_MS = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const DAYS = 4 * 365;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pick = <T>(next: () => number, xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;

/** Mostly days, then months, approximate dates, ranges and open ends, as a real chronology has them. */
function eventDate(next: () => number): string {
  const day = START + Math.floor(next() * DAYS) * DAY_MS;
  const r = next();
  if (r < 0.7) return iso(day);
  if (r < 0.82) return iso(day).slice(0, 7);
  if (r < 0.88) return `${iso(day)}~`;
  if (r < 0.92) return `${iso(day).slice(0, 7)}~`;
  if (r < 0.97) return `${iso(day)}/${iso(day + (1 + Math.floor(next() * 6)) * DAY_MS)}`;
  return `../${iso(day)}`;
}

interface Plan {
  articles: { id: number; story: number; outlet: string | null; published: string; title: string; text: string }[];
  claimArticles: number[][];
  events: { id: number; date: string; sortStart: number; sortEnd: number; title: string }[];
  links: { eventId: number; claimId: number; stance: Stance; position: number }[];
  /** Claims linked to more than one event: context (a toll, a background fact), so they date nothing. */
  shared: Set<number>;
}

function plan(): Plan {
  const next = rng(SEED);
  const articles: Plan['articles'] = [];
  const storyOf: number[][] = [];
  for (let id = 1; id <= ARTICLES; ) {
    const story = storyOf.length + 1;
    const copies = next() < 0.25 ? 2 + Math.floor(next() * 2) : 1;
    const outlets = new Set<string>();
    while (outlets.size < copies) outlets.add(pick(next, OUTLETS));
    const published = iso(START + Math.floor(next() * DAYS) * DAY_MS);
    const members: number[] = [];
    for (const outlet of outlets) {
      if (id > ARTICLES) break;
      const a = generateArticle(story, 1200);
      // One article in fifty names no outlet: those count by their story.
      articles.push({ id, story, outlet: next() < 0.02 ? null : outlet, published, title: a.title, text: a.body });
      members.push(id++);
    }
    storyOf.push(members);
  }
  // A claim rests on one passage, or on two: the same words in a syndicated
  // copy, or a second outlet reporting the same thing.
  const claimArticles: number[][] = [];
  for (let c = 0; c < CLAIMS; c++) {
    const a = articles[Math.floor(next() * articles.length)]!;
    const ids = [a.id];
    if (next() < 0.2) {
      const copies = storyOf[a.story - 1]!.filter((x) => x !== a.id);
      ids.push(copies.length > 0 ? pick(next, copies) : articles[Math.floor(next() * articles.length)]!.id);
      if (ids[1] === ids[0]) ids.pop();
    }
    claimArticles.push(ids);
  }
  const events: Plan['events'] = [];
  for (let id = 1; id <= EVENTS; id++) {
    const date = eventDate(next);
    const sort = parseEventDateCached(date);
    events.push({ id, date, sortStart: sort.sortStart, sortEnd: sort.sortEnd, title: `${pick(next, ACTORS)}: ${generateArticle(id, 80).title}` });
  }
  // Every claim is linked once; the remaining links reuse claims in other
  // events. Events get between one and eight links, four on average.
  const links: Plan['links'] = [];
  const positions = new Map<number, number>();
  const seen = new Set<string>();
  const link = (eventId: number, claimId: number) => {
    const key = `${eventId} ${claimId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const r = next();
    const stance: Stance = r < 0.85 ? 'supports' : r < 0.93 ? 'qualifies' : 'disputes';
    const position = (positions.get(eventId) ?? 0) + 1;
    positions.set(eventId, position);
    links.push({ eventId, claimId, stance, position });
    return true;
  };
  for (let c = 1; c <= CLAIMS; c++) link(c <= EVENTS ? c : 1 + Math.floor(next() * EVENTS), c);
  while (links.length < LINKS) link(1 + Math.floor(next() * EVENTS), 1 + Math.floor(next() * CLAIMS));
  const linkCount = new Map<number, number>();
  for (const l of links) linkCount.set(l.claimId, (linkCount.get(l.claimId) ?? 0) + 1);
  const shared = new Set([...linkCount].filter(([, n]) => n > 1).map(([c]) => c));
  return { articles, claimArticles, events, links, shared };
}

const json = (rows: unknown[]) => JSON.stringify(rows);

async function build(db: Database, p: Plan): Promise<number> {
  const now = new Date().toISOString();
  return db.write(async (tx) => {
    await tx.run(
      `INSERT INTO article_imports (id, title, title_inferred, outlet, published_at, field_sources, imported_at, story_id,
                                    sha256, bytes, source_path, media_type, content, text, text_sha256, word_count, tags)
       SELECT j.value ->> 'id', j.value ->> 'title', 0, j.value ->> 'outlet', j.value ->> 'published', '{}', ?, j.value ->> 'story',
              j.value ->> 'sha', CAST(j.value ->> 'text' AS BLOB), j.value ->> 'path', 'text/plain',
              j.value ->> 'content', j.value ->> 'text', j.value ->> 'sha', j.value ->> 'words', '[]'
         FROM json_each(?) j`,
      [
        now,
        json(
          p.articles.map((a) => ({
            id: a.id,
            title: a.title,
            outlet: a.outlet,
            published: a.published,
            story: a.story,
            sha: createHash('sha256').update(`${a.id}\n${a.text}`).digest('hex'),
            path: `/bench/article-${a.id}.txt`,
            content: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: a.text }] }] }),
            text: a.text,
            words: a.text.split(/\s+/).length,
          })),
        ),
      ],
    );
    const texts = new Map(p.articles.map((a) => [a.id, a.text]));
    const highlights: unknown[] = [];
    const evidence: [number, number][] = [];
    p.claimArticles.forEach((articleIds, c) => {
      for (const articleId of articleIds) {
        const text = texts.get(articleId)!;
        const start = (c * 37) % (text.length - 120);
        const end = start + 60 + (c % 50);
        highlights.push([articleId, start, end, text.slice(start, end), text.slice(Math.max(0, start - 32), start), text.slice(end, end + 32)]);
        evidence.push([c + 1, highlights.length]);
      }
    });
    await tx.run(
      `INSERT INTO highlights (id, article_id, text_version, start_offset, end_offset, exact, prefix, suffix, color, created_at)
       SELECT j.key + 1, j.value ->> 0, 1, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, 'yellow', ?
         FROM json_each(?) j`,
      [now, json(highlights)],
    );
    await tx.run(`INSERT INTO claims (id, statement, created_at) SELECT j.key + 1, 'Claim ' || (j.key + 1), ? FROM json_each(?) j`, [
      now,
      json(p.claimArticles),
    ]);
    await tx.run(
      `INSERT INTO claim_evidence (claim_id, highlight_id, stance) SELECT j.value ->> 0, j.value ->> 1, 'supports' FROM json_each(?) j`,
      [json(evidence)],
    );
    const chronologyId = (await tx.run('INSERT INTO chronologies (name, created_at) VALUES (?, ?)', ['Boat strikes (bench)', now])).lastID;
    await tx.run(
      `INSERT INTO events (id, chronology_id, title, date_edtf, sort_start, sort_end, description, created_at)
       SELECT j.value ->> 0, ?, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, '', ? FROM json_each(?) j`,
      [chronologyId, now, json(p.events.map((e) => [e.id, e.title, e.date, e.sortStart, e.sortEnd]))],
    );
    await tx.run(
      `INSERT INTO event_evidence (event_id, claim_id, stance, position)
       SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3 FROM json_each(?) j`,
      [json(p.links.map((l) => [l.eventId, l.claimId, l.stance, l.position]))],
    );
    return chronologyId;
  });
}

// ---- what migration 0005 will store, derived here from the ids -----------

const sortKeys = new Map<string, { sortStart: number; sortEnd: number }>();
function parseEventDateCached(value: string): { sortStart: number; sortEnd: number } {
  let keys = sortKeys.get(value);
  if (!keys) sortKeys.set(value, (keys = parseEventDate(value)));
  return keys;
}

interface ClaimFacts {
  date: string | null;
  quantity: QuantityClaim | null;
  actor: string | null;
}

/** A claim's date, figure and actor; figures grow over time as tolls do, with some noise. */
function claimFacts(claimId: number, eventDateValue: string, publishedAt: string | null, dates: boolean): ClaimFacts {
  const next = rng(SEED ^ (claimId * 2654435761));
  // A third of the claims date the event as the event does; a few put it a
  // day or two off, which is what date conflicts are made of.
  const r = next();
  let date: string | null = null;
  if (!dates) date = null;
  else if (r < 0.3) date = eventDateValue;
  else if (r < 0.33) {
    const start = parseEventDateCached(eventDateValue).sortStart;
    if (Number.isFinite(start)) date = iso(start + (next() < 0.5 ? -1 : 1) * (1 + Math.floor(next() * 2)) * DAY_MS);
  }
  let quantity: QuantityClaim | null = null;
  if (next() < 0.3) {
    const unitIndex = Math.floor(next() * UNITS.length);
    const asOf = next() < 0.85 ? publishedAt : null;
    const t = asOf ? (Date.parse(asOf) - START) / DAY_MS : next() * DAYS;
    const value = Math.max(0, Math.round((unitIndex + 1) * (5 + t / 10) * (0.9 + next() * 0.2)));
    quantity = { value, comparator: pick(next, COMPARATORS), unit: UNITS[unitIndex]!, asOf };
  }
  const actor = next() < 0.5 ? pick(next, ACTORS) : null;
  return { date, quantity, actor };
}

function eventTags(eventId: number): string[] {
  const next = rng(SEED + eventId);
  const n = Math.floor(next() * 3);
  return Array.from({ length: n }, () => pick(next, TAGS));
}

/** What the back end will hand to corroborate(): the detail plus each article's story. */
async function eventInputs(db: Database, detail: ChronologyDetail, shared: Set<number>): Promise<FilterableEvent[]> {
  const articleIds = new Set<number>();
  for (const e of detail.events) for (const c of e.evidence) articleIds.add(c.articleId);
  const stories = await storiesOf(db, [...articleIds]);
  const facts = new Map<number, ClaimFacts>();
  const none: ClaimFacts = { date: null, quantity: null, actor: null };
  return detail.events.map((e) => ({
    id: e.id,
    date: e.date,
    title: e.title,
    tags: eventTags(e.id),
    evidence: e.evidence.map((c): EvidenceItem => {
      let f = c.claimId === null ? none : facts.get(c.claimId);
      if (!f) facts.set(c.claimId!, (f = claimFacts(c.claimId!, e.date, c.publishedAt, !shared.has(c.claimId!))));
      return {
        claimId: c.claimId,
        highlightId: c.highlightId,
        stance: c.stance,
        articleId: c.articleId,
        storyId: stories.get(c.articleId)!,
        outlet: c.outlet,
        publishedAt: c.publishedAt,
        date: f.date,
        quantity: f.quantity,
        actor: f.actor,
      };
    }),
  }));
}

async function ms<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function row(name: string, value: string, target: string) {
  console.log(`${name.padEnd(46)} ${value.padStart(10)}  ${target}`);
}

function verdict(value: number, target: number): string {
  return value <= target ? `≤ ${target} ms: met` : `≤ ${target} ms: NOT met (${(value - target).toFixed(0)} ms over, ${(value / target).toFixed(1)}×)`;
}

/** Builds the project, measures, prints; returns false when a target is not met. */
export async function runChronologyBenchmark(): Promise<boolean> {
  await rm(WORK, { recursive: true, force: true });
  const db = await openProject(join(WORK, 'chronology.annalist'));
  try {
    const p = plan();
    const built = await ms(() => build(db, p));
    const chronologyId = built.value;
    const counts = await db.get<{ events: number; links: number; rows: number }>(
      `SELECT (SELECT COUNT(*) FROM events) AS events, (SELECT COUNT(*) FROM event_evidence) AS links,
              (SELECT COUNT(*) FROM event_evidence ee JOIN claim_evidence ce ON ce.claim_id = ee.claim_id) AS rows`,
    );
    console.log(
      `${counts!.events} events, ${counts!.links} evidence links (${counts!.rows} passages behind them), ` +
        `${p.articles.length} articles in ${new Set(p.articles.map((a) => a.story)).size} stories; written in ${(built.ms / 1000).toFixed(1)} s`,
    );

    const open: number[] = [];
    const load: number[] = [];
    const compute: number[] = [];
    const corroborateOnly: number[] = [];
    const series: number[] = [];
    const filter: number[] = [];
    let coldCompute = 0;
    const summary = { conflicts: 0, date: 0, quantity: 0, stance: 0, sources: 0 };
    let events: FilterableEvent[] = [];
    const filters: [string, EventFilter][] = [];
    const filterRuns = new Map<string, number[]>();
    for (let run = 0; run < RUNS; run++) {
      const detail = await ms(() => chronologyDetail(db, chronologyId));
      open.push(detail.ms);
      load.push((await ms(() => listEvents(db, chronologyId))).ms);
      if (run === 0) {
        // The detail has just read the events' dates; start the first
        // computation from nothing, as after opening the project.
        widenedSpans.clear();
        writtenSpans.clear();
      }
      const computed = await ms(async () => {
        const inputs = await eventInputs(db, detail.value, p.shared);
        const only = await ms(() => corroborate(inputs));
        corroborateOnly.push(only.ms);
        return { inputs, result: only.value };
      });
      if (run === 0) coldCompute = computed.ms;
      compute.push(computed.ms);
      events = computed.value.inputs;
      series.push((await ms(() => quantitySeries(events))).ms);
      if (run === 0) {
        for (const c of computed.value.result.values()) {
          summary.sources += c.sourceCount;
          for (const k of c.conflicts) summary[k.kind] += 1;
          if (c.conflicts.length > 0) summary.conflicts += 1;
        }
        const sampleOutlet = events[0]!.evidence[0]?.outlet ?? 'AP';
        filters.push(
          ['words in the title', { text: 'strike vessel' }],
          ['outlet', { outlets: [sampleOutlet] }],
          ['date range', { from: '2024-03', to: '2024-06-15' }],
          ['actor', { actors: ['Nicolas Maduro'] }],
          ['tag', { tags: ['sanctions'] }],
          ['several at once', { text: 'the', outlets: ['AP', 'Reuters'], from: '2024', to: '2025', actors: ['Pete Hegseth', 'CIA'] }],
        );
      }
      let slowest = 0;
      for (const [name, f] of filters) {
        const t = await ms(() => filterEvents(events, f));
        const list = filterRuns.get(name) ?? [];
        list.push(t.ms);
        filterRuns.set(name, list);
        slowest = Math.max(slowest, t.ms);
      }
      filter.push(slowest);
    }

    const openMs = median(open);
    const computeMs = median(compute);
    const filterMs = median(filter);
    console.log(
      `corroboration: ${summary.sources} sources over ${events.length} events; ${summary.conflicts} events with a conflict ` +
        `(${summary.date} date, ${summary.quantity} quantity, ${summary.stance} stance); ` +
        `${widenedSpans.size} EDTF strings read`,
    );
    console.log('');
    row(`measure (median of ${RUNS}, ms)`, 'value', 'target');
    row('open: chronologyDetail()', openMs.toFixed(1), verdict(openMs, TARGET.open));
    row('  of which listEvents(): SQL and row objects', median(load).toFixed(1), 'measured apart, same runs');
    row('compute: all source counts and conflicts', computeMs.toFixed(1), verdict(computeMs, TARGET.compute));
    row('  of which corroborate()', median(corroborateOnly).toFixed(1), 'the rest: story query and EventInput[]');
    row('  first run', coldCompute.toFixed(1), 'for information: code not yet optimised, no date read yet');
    row('quantity chart: quantitySeries()', median(series).toFixed(1), 'for information');
    row('filter: slowest of the filters below', filterMs.toFixed(1), verdict(filterMs, TARGET.filter));
    for (const [name] of filters) {
      const hits = filterEvents(events, filters.find(([n]) => n === name)![1]).length;
      row(`  ${name} (${hits} events)`, median(filterRuns.get(name)!).toFixed(1), '');
    }
    return openMs <= TARGET.open && computeMs <= TARGET.compute && filterMs <= TARGET.filter;
  } finally {
    await db.close();
    await rm(WORK, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log('— Chronology: 5,000 events, 20,000 evidence links —');
  runChronologyBenchmark().then(
    (met) => (process.exitCode = met ? 0 : 1),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
