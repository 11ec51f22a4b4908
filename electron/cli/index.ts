import { resolve } from 'node:path';
import { UserError } from '../../shared/api/result';
import type { ArticleDetail, ArticleSummary, ImportOutcome } from '../../shared/api/types';
import { getArticle, listArticles } from '../backend/db/repositories/articles';
import { ChromiumPdfRenderer } from '../backend/export/chromium-pdf-renderer';
import { resolveProjectPath } from '../backend/project/project-location';
import { findChronology } from '../backend/services/chronology-service';
import { chronologyPdf } from '../backend/services/export-service';
import { importPaths } from '../backend/services/import-service';
import { defaultResourcesDir, startServer } from '../server/http-server';
import { writeFileAtomic } from './atomic-file';
import { jsonOption, parse, printJson, projectOption, UsageError } from './cli-args';
import { annotationsCommand } from './annotations-command';
import { datesCommand } from './dates-command';
import { progressBar } from './progress-bar';
import { withProject } from './project-session';
import { chronologyCommand } from './chronology-command';

const USAGE = `Usage: annalist <command> [options]

Commands:
  import PATH... [--project FILE] [--json]     import article files or folders (recursive)
  list [--project FILE] [--json]               list the project's articles
  show ID... [--project FILE] [--json]         show articles with their text
  export --chronology NAME_OR_ID --format pdf --out FILE [--project FILE]
                                               export a chronology
  annotations export [--article ID] --out FILE [--project FILE]
                                               export highlights as W3C Web Annotation JSON-LD
  annotations import FILE [--project FILE] [--json]
                                               attach the annotations of a W3C or Hypothesis file
  dates --ref YYYY-MM-DD [--json] [TEXT|-]     list the date expressions in TEXT (- reads stdin)
  chronology list [--project FILE] [--json]    list the project's chronologies
  chronology show NAME_OR_ID [--project FILE] [--json]
                                               a chronology's events, evidence, sources and conflicts
  serve [--project FILE] [--port N]            open Annalist in your browser (browser mode)

Without --project, Annalist uses the default project in your user-data folder.
Exit codes: 0 success, 1 something failed (each failure is explained), 2 the command was mistyped,
130 an import stopped with Ctrl+C (the files read before are kept).`;

function listFields(a: ArticleSummary) {
  return {
    id: a.id,
    title: a.title,
    titleInferred: a.titleInferred,
    outlet: a.outlet,
    author: a.author,
    publishedAt: a.publishedAt,
    url: a.url,
    tags: a.tags,
    sha256: a.sha256,
    sourcePath: a.sourcePath,
    wordCount: a.wordCount,
  };
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...projectOption, ...jsonOption });
  if (positionals.length === 0) throw new UsageError('import needs at least one file or folder.');
  // Ctrl+C stops between files: what was read is kept, the rest is listed as not imported.
  const controller = new AbortController();
  const interrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    console.error('\nStopping after the files already read (press Ctrl+C again to stop at once)…');
  };
  process.on('SIGINT', interrupt);
  const bar = progressBar();
  let outcomes: ImportOutcome[];
  try {
    outcomes = await withProject(values.project, (db) =>
      importPaths(db, positionals.map((p) => resolve(p)), { signal: controller.signal, onProgress: (p) => bar.update(p) }),
    );
  } finally {
    bar.done();
    process.off('SIGINT', interrupt);
  }
  if (values.json) printJson(outcomes);
  else {
    for (const o of outcomes) {
      if (o.status === 'imported') {
        const copy = o.nearCopyOf ? `  (a near-copy of #${o.nearCopyOf.articleId} “${o.nearCopyOf.title}”: same story)` : '';
        console.log(`imported   ${o.path}  →  #${o.articleId} “${o.title}”${copy}`);
      }
      else if (o.status === 'duplicate') console.log(`duplicate  ${o.path}  (already in the project as #${o.articleId} “${o.title}”)`);
      else console.error(`failed     ${o.error}`);
    }
    const count = (s: ImportOutcome['status']) => outcomes.filter((o) => o.status === s).length;
    const copies = outcomes.filter((o) => o.nearCopyOf).length;
    console.log(`${count('imported')} imported (${copies} of them near-copies), ${count('duplicate')} duplicate, ${count('failed')} failed.`);
  }
  if (controller.signal.aborted) return 130;
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

async function listCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...projectOption, ...jsonOption });
  if (positionals.length > 0) throw new UsageError(`list takes no arguments (got “${positionals[0]}”).`);
  const articles = await withProject(values.project, (db) => listArticles(db));
  if (values.json) printJson(articles.map(listFields));
  else if (articles.length === 0) console.log('The project has no articles yet. Import some with: annalist import PATH');
  else {
    for (const a of articles) {
      const meta = [a.outlet, a.publishedAt ?? 'undated'].filter(Boolean).join(', ');
      console.log(`${String(a.id).padStart(5)}  ${a.title}${a.titleInferred ? ' (title inferred)' : ''}  — ${meta}`);
    }
  }
  return 0;
}

async function showCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...projectOption, ...jsonOption });
  if (positionals.length === 0) throw new UsageError('show needs at least one article id.');
  const ids = positionals.map((p) => {
    if (!/^\d+$/.test(p)) throw new UsageError(`“${p}” is not an article id; ids are whole numbers (see annalist list).`);
    return Number(p);
  });
  const articles: ArticleDetail[] = await withProject(values.project, async (db) => {
    const found: ArticleDetail[] = [];
    for (const id of ids) {
      const article = await getArticle(db, id);
      if (!article) throw new UserError('not_found', `There is no article ${id} in this project.`);
      found.push(article);
    }
    return found;
  });
  const shown = articles.map((a) => ({ ...listFields(a), section: a.section, text: a.text }));
  if (values.json) printJson(shown.length === 1 ? shown[0] : shown);
  else {
    for (const a of shown) {
      console.log(`# ${a.title}`);
      console.log([a.outlet, a.author, a.publishedAt].filter(Boolean).join(' · '));
      console.log(`source: ${a.sourcePath}  sha256: ${a.sha256}\n`);
      console.log(a.text + '\n');
    }
  }
  return 0;
}

async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    ...projectOption,
    chronology: { type: 'string' },
    format: { type: 'string', default: 'pdf' },
    out: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`export takes no positional arguments (got “${positionals[0]}”).`);
  if (!values.chronology) throw new UsageError('export needs --chronology NAME_OR_ID.');
  if (!values.out) throw new UsageError('export needs --out FILE.');
  if (values.format !== 'pdf') throw new UsageError(`--format ${values.format} is not available yet; use --format pdf.`);
  const out = resolve(values.out);
  const renderer = new ChromiumPdfRenderer();
  try {
    const pdf = await withProject(values.project, async (db, projectPath) => {
      const chronology = await findChronology(db, values.chronology!);
      return chronologyPdf(db, renderer, { chronologyId: chronology.id, resourcesDir: defaultResourcesDir(), projectPath });
    });
    await writeFileAtomic(out, pdf.bytes);
    console.log(`Wrote ${out}`);
  } finally {
    await renderer.close();
  }
  return 0;
}

async function serveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...projectOption, port: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments (got “${positionals[0]}”).`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port} is not a port number (0–65535).`);
  const projectPath = resolveProjectPath(values.project);
  const server = await startServer({ projectPath, port });
  console.log(`Annalist is running in browser mode for ${projectPath}`);
  console.log(`Open ${server.url}`);
  console.log('Press Ctrl+C to stop.');
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

const commands: Record<string, (args: string[]) => Promise<number>> = {
  import: importCommand,
  list: listCommand,
  show: showCommand,
  export: exportCommand,
  annotations: annotationsCommand,
  dates: datesCommand,
  chronology: chronologyCommand,
  serve: serveCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`“${name}” is not an annalist command.`);
    return await command(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`annalist: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof UserError) {
      console.error(`annalist: ${err.message}`);
      return 1;
    }
    console.error(`annalist: ${(err as Error).message ?? String(err)}`);
    return 1;
  }
}

const code = await main(process.argv.slice(2));
process.exitCode = code;
