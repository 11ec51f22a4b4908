import type { ChronologyDetail, ChronologyEvent } from '../../shared/api/types';
import { conflictSentence } from '../../shared/chronology/conflict-words';
import { listChronologies } from '../backend/db/repositories/chronologies';
import { chronologyDetail, findChronology } from '../backend/services/chronology-service';
import { jsonOption, parse, printJson, projectOption, UsageError } from './cli-args';
import { withProject } from './project-session';

// `annalist chronology list|show`: the chronologies for scripts and for
// checking: each event with its EDTF date, evidence (article, quote,
// stance), independent source count and conflicts.

function eventJson(e: ChronologyEvent) {
  return {
    id: e.id,
    title: e.title,
    date: e.date,
    dateLabel: e.dateLabel,
    time: e.time,
    timeZone: e.timeZone,
    place: e.place,
    description: e.description,
    actors: e.actors.map((a) => a.name),
    tags: e.tags.map((t) => t.name),
    sourceCount: e.corroboration.sourceCount,
    sources: e.corroboration.sources.map((s) => ({ name: s.name, outlets: s.outlets, articleIds: s.articleIds })),
    disputingSources: e.corroboration.disputingSources.map((s) => ({ name: s.name, outlets: s.outlets, articleIds: s.articleIds })),
    conflicts: e.corroboration.conflicts,
    evidence: e.evidence.map((x) => ({
      articleId: x.articleId,
      articleTitle: x.articleTitle,
      outlet: x.outlet,
      publishedAt: x.publishedAt,
      highlightId: x.highlightId,
      quote: x.quote,
      stance: x.stance,
      claimId: x.claimId,
      statement: x.statement,
      sha256: x.sha256,
    })),
  };
}

function chronologyJson(c: ChronologyDetail) {
  return { id: c.id, name: c.name, eventCount: c.eventCount, createdAt: c.createdAt, events: c.events.map(eventJson), quantitySeries: c.quantitySeries };
}

async function listSubcommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...projectOption, ...jsonOption });
  if (positionals.length > 0) throw new UsageError(`chronology list takes no arguments (got “${positionals[0]}”).`);
  const chronologies = await withProject(values.project, (db) => listChronologies(db));
  if (values.json) {
    printJson(chronologies);
    return 0;
  }
  if (chronologies.length === 0) console.log('The project has no chronology yet.');
  for (const c of chronologies) console.log(`${c.id}\t${c.name}\t${c.eventCount} ${c.eventCount === 1 ? 'event' : 'events'}`);
  return 0;
}

async function showSubcommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...projectOption, ...jsonOption });
  if (positionals.length !== 1) throw new UsageError('chronology show needs one NAME_OR_ID (see annalist chronology list).');
  const detail = await withProject(values.project, async (db) => chronologyDetail(db, (await findChronology(db, positionals[0]!)).id));
  if (values.json) {
    printJson(chronologyJson(detail));
    return 0;
  }
  console.log(`${detail.name} — ${detail.eventCount} ${detail.eventCount === 1 ? 'event' : 'events'}\n`);
  for (const e of detail.events) {
    const badge = `${e.corroboration.sourceCount} ${e.corroboration.sourceCount === 1 ? 'source' : 'sources'}`;
    console.log(`${e.date}\t${e.dateLabel}\t${e.title}\t[${badge}]`);
    for (const c of e.corroboration.conflicts) console.log(`  ! ${conflictSentence(c)}`);
    for (const x of e.evidence) {
      console.log(`  ${x.stance}: “${x.quote}” — article ${x.articleId}${x.outlet ? `, ${x.outlet}` : ''}${x.publishedAt ? `, ${x.publishedAt}` : ''}`);
    }
  }
  return 0;
}

export async function chronologyCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') return listSubcommand(rest);
  if (sub === 'show') return showSubcommand(rest);
  throw new UsageError(sub ? `“chronology ${sub}” is not a command; use chronology list or chronology show NAME_OR_ID.` : 'chronology needs list or show NAME_OR_ID.');
}
