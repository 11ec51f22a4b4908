import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../../shared/api/result';
import { MAX_ANNOTATION_FILE_BYTES, type AnnotationImportOutcome, type AnnotationImportReport } from '../../shared/annotations/interchange-types';
import { exportWebAnnotations, importWebAnnotations } from '../backend/services/annotation-interchange-service';
import { writeFileAtomic } from './atomic-file';
import { jsonOption, parse, printJson, projectOption, UsageError } from './cli-args';
import { withProject } from './project-session';

// `annalist annotations export|import`: highlights as W3C Web Annotation
// JSON-LD. Exit codes as the import command's: 0 all attached, 1 something
// failed or was orphaned (each explained), 2 mistyped.

async function exportAnnotations(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...projectOption, article: { type: 'string' }, out: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`annotations export takes no positional arguments (got “${positionals[0]}”).`);
  if (!values.out) throw new UsageError('annotations export needs --out FILE.');
  if (values.article !== undefined && !/^[1-9]\d*$/.test(values.article)) {
    throw new UsageError(`--article ${values.article} is not an article id; ids are whole numbers (see annalist list).`);
  }
  const out = resolve(values.out);
  const articleId = values.article === undefined ? undefined : Number(values.article);
  const exported = await withProject(values.project, (db, projectPath) =>
    exportWebAnnotations(db, { ...(articleId !== undefined ? { articleId } : {}), projectPath }),
  );
  await writeFileAtomic(out, exported.json);
  console.log(`Wrote ${exported.total} ${exported.total === 1 ? 'annotation' : 'annotations'} to ${out}`);
  return 0;
}

async function readAnnotationFileText(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UserError('invalid_input', `${path} is a folder; give the annotation file itself.`);
    if (info.size > MAX_ANNOTATION_FILE_BYTES) {
      throw new UserError('invalid_input', `${path} is larger than the ${MAX_ANNOTATION_FILE_BYTES / 1024 / 1024} MB an annotation file may have.`);
    }
    return await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission was refused' : (err as Error).message;
    throw new UserError('not_found', `Could not read ${path}: ${why}.`);
  }
}

function describe(o: AnnotationImportOutcome, report: AnnotationImportReport, present: boolean): string {
  const title = report.articles.find((a) => a.id === o.articleId)?.title;
  const article = o.articleId === undefined ? '' : `#${o.articleId} “${title ?? ''}”`;
  if (o.status === 'failed') return `failed     ${o.id}  ${o.error ?? ''}`;
  if (o.status === 'orphaned') return `orphaned   ${o.id}  on ${article}: ${o.error ?? ''}${present ? ' (already in the project)' : ''}`;
  return `${o.status.padEnd(10)} ${o.id}  →  ${article} at ${o.start}–${o.end}${present ? '  (already in the project)' : ''}`;
}

async function importAnnotations(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...projectOption, ...jsonOption });
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'annotations import needs the annotation file.' : 'annotations import takes one file at a time.');
  }
  const path = positionals[0]!;
  const json = await readAnnotationFileText(resolve(path));
  const report = await withProject(values.project, (db) => importWebAnnotations(db, { fileName: path, json }));
  const outcomes = report.annotations;
  if (values.json) printJson(outcomes);
  else {
    const present = new Set(report.alreadyPresent);
    outcomes.forEach((o, i) => {
      const line = describe(o, report, present.has(i));
      if (o.status === 'failed' || o.status === 'orphaned') console.error(line);
      else console.log(line);
    });
    const count = (s: AnnotationImportOutcome['status']) => outcomes.filter((o) => o.status === s).length;
    console.log(
      `${outcomes.length} ${outcomes.length === 1 ? 'annotation' : 'annotations'}: ${count('anchored')} anchored, ${count('moved')} moved, ` +
        `${count('fuzzy')} fuzzy, ${count('orphaned')} orphaned, ${count('failed')} failed; ` +
        `${report.added} added, ${report.alreadyPresent.length} already in the project.`,
    );
  }
  return outcomes.some((o) => o.status === 'failed' || o.status === 'orphaned') ? 1 : 0;
}

export async function annotationsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') return exportAnnotations(rest);
  if (sub === 'import') return importAnnotations(rest);
  throw new UsageError(
    sub && !sub.startsWith('-') ? `“annotations ${sub}” is not a command; use annotations export or annotations import.` : 'annotations needs export or import.',
  );
}
