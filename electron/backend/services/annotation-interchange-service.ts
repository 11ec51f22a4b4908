import { randomUUID } from 'node:crypto';
import { basename, extname } from 'node:path';
import { anchorHighlight, type AnchorResult } from '../../../shared/anchoring/anchor';
import { quoteSelector, type TextQuoteSelector } from '../../../shared/anchoring/text-quote';
import { UserError } from '../../../shared/api/result';
import type { AnchorStatus } from '../../../shared/api/types';
import {
  MAX_ANNOTATION_FILE_BYTES,
  type AnnotationImportOutcome,
  type AnnotationImportReport,
  type WebAnnotationExport,
} from '../../../shared/annotations/interchange-types';
import {
  AnnotationFileError,
  buildAnnotationCollection,
  fileStem,
  readAnnotationFile,
  sourceKey,
  type ExportArticle,
  type IncomingAnnotation,
  type IncomingTarget,
} from '../../../shared/annotations/web-annotation';
import { canonicalText } from '../../../shared/content/canonical-text';
import type { ContentDoc } from '../../../shared/content/doc';
import type { Database, ReadDb, WriteDb } from '../db/connection';
import {
  articleSources,
  insertHighlight,
  listHighlights,
  listProjectHighlights,
  setHighlightNote,
  setHighlightTags,
} from '../db/repositories/annotations';
import { currentText } from '../db/repositories/articles';
import { findTagByName, insertTag } from '../db/repositories/tags';

// Highlights to and from W3C Web Annotation JSON-LD. Export is a read; an
// import is one transaction: every annotation of the file is written, or (on
// an unexpected error) none. An annotation that does not anchor convincingly
// is kept as an orphaned highlight on its article, so the researcher's note
// is never lost; one whose article is not in the project fails with a
// sentence. Annotations equal to a highlight already there are not written
// again, so importing a file twice changes nothing.

/** The limits the contract puts on what a researcher types, applied to what a file brings. */
const MAX_TAG_NAME = 80;
const MAX_TAGS = 200;
const MAX_NOTE_JSON = 200_000;
const NEW_TAG_COLOR = 'gray';

export async function exportWebAnnotations(
  db: ReadDb,
  options: { articleId?: number; projectPath: string },
  now = new Date(),
): Promise<WebAnnotationExport> {
  const articles = await articleSources(db, options.articleId);
  if (options.articleId !== undefined && articles.length === 0) {
    throw new UserError('not_found', `There is no article ${options.articleId} in this project.`);
  }
  const highlights = await listProjectHighlights(db, options.articleId);
  const byId = new Map<number, ExportArticle>(articles.map((a) => [a.id, a]));
  const project = basename(options.projectPath, extname(options.projectPath));
  const one = options.articleId === undefined ? null : articles[0]!;
  const collection = buildAnnotationCollection(highlights, byId, {
    id: `urn:uuid:${randomUUID()}`,
    label: one ? `Annalist annotations on “${one.title}”` : `Annalist annotations of the project ${project}`,
    generated: now,
    generator: 'Annalist',
  });
  return {
    fileName: `${fileStem(one ? one.title : project, 'project')}-annotations.jsonld`,
    json: JSON.stringify(collection, null, 2) + '\n',
    total: collection.total,
  };
}

interface SourceArticle {
  id: number;
  title: string;
  url: string | null;
  sha256: string;
}

/** What makes two highlights the same annotation: article, place (or words, when orphaned), note and tags. */
interface Fingerprint {
  articleId: number;
  status: AnchorStatus;
  orphaned: boolean;
  /** The words it was first made on, when a fuzzy match or a re-attachment by hand changed them. */
  originalExact: string | null;
  textVersion: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  noteText: string;
  tags: string;
}

const STATUS_RANK: Record<AnchorStatus, number> = { anchored: 0, moved: 1, fuzzy: 2, orphaned: 3 };

const tagKey = (names: string[]) => names.map((n) => n.toLowerCase()).sort().join('\u0000');
const cleanTagName = (name: string) => name.replace(/\s+/g, ' ').trim();

function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

type QuotedTarget = IncomingTarget & { quote: TextQuoteSelector };

class ImportRun {
  private readonly byUrl = new Map<string, SourceArticle[]>();
  private readonly bySha = new Map<string, SourceArticle>();
  private readonly titles = new Map<number, string>();
  private readonly texts = new Map<number, { version: number; text: string }>();
  private readonly fingerprints = new Map<number, Fingerprint[]>();
  private readonly tagIds = new Map<string, number>();
  added = 0;
  readonly named = new Set<number>();

  constructor(
    private readonly tx: WriteDb,
    private readonly now: Date,
  ) {}

  async load(): Promise<void> {
    for (const a of await articleSources(this.tx)) {
      this.titles.set(a.id, a.title);
      this.bySha.set(a.sha256.toLowerCase(), a);
      const key = a.url ? sourceKey(a.url) : null;
      if (key?.kind === 'url') this.byUrl.set(key.key, [...(this.byUrl.get(key.key) ?? []), a]);
    }
  }

  title(articleId: number): string {
    return this.titles.get(articleId) ?? `article ${articleId}`;
  }

  private articlesFor(source: string): SourceArticle[] {
    const key = sourceKey(source);
    if (!key) return [];
    if (key.kind === 'sha256') {
      const a = this.bySha.get(key.key);
      return a ? [a] : [];
    }
    return this.byUrl.get(key.key) ?? [];
  }

  private async text(articleId: number): Promise<{ version: number; text: string }> {
    let t = this.texts.get(articleId);
    if (!t) {
      t = (await currentText(this.tx, articleId))!;
      this.texts.set(articleId, t);
    }
    return t;
  }

  private async existing(articleId: number): Promise<Fingerprint[]> {
    let list = this.fingerprints.get(articleId);
    if (!list) {
      list = (await listHighlights(this.tx, articleId)).map((h) => ({
        articleId,
        status: h.status,
        orphaned: h.status === 'orphaned',
        originalExact: h.originalExact,
        textVersion: h.textVersion,
        start: h.start,
        end: h.end,
        exact: h.exact,
        prefix: h.prefix,
        suffix: h.suffix,
        noteText: h.noteText,
        tags: tagKey(h.tags.map((t) => t.name)),
      }));
      this.fingerprints.set(articleId, list);
    }
    return list;
  }

  private async tagId(name: string): Promise<number> {
    const key = name.toLowerCase();
    let id = this.tagIds.get(key);
    if (id === undefined) {
      // Tags are the project's, one per name whatever its case: an imported tag joins the one already there.
      id = (await findTagByName(this.tx, name))?.id ?? (await insertTag(this.tx, name, NEW_TAG_COLOR, this.now.toISOString()));
      this.tagIds.set(key, id);
    }
    return id;
  }

  /** A sentence when the annotation brings more than a highlight can hold, else null. */
  private refusal(a: IncomingAnnotation): string | null {
    const long = a.tags.map(cleanTagName).find((t) => t.length > MAX_TAG_NAME);
    if (long) return `Its tag “${shorten(long, 40)}” is longer than ${MAX_TAG_NAME} characters, the most a tag name can have.`;
    if (a.tags.length > MAX_TAGS) return `It has ${a.tags.length} tags; a highlight can carry at most ${MAX_TAGS}.`;
    if (a.note && JSON.stringify(a.note).length > MAX_NOTE_JSON) {
      return `Its note is longer than a highlight's note can be (${MAX_NOTE_JSON.toLocaleString('en-GB')} characters with its formatting).`;
    }
    return null;
  }

  async import(a: IncomingAnnotation): Promise<AnnotationImportOutcome & { alreadyPresent?: true }> {
    const failed = (error: string): AnnotationImportOutcome => ({ id: a.id, status: 'failed', error });
    const refused = this.refusal(a);
    if (refused) return failed(refused);

    const quoted = a.targets.filter((t): t is QuotedTarget => t.quote !== null);
    if (quoted.length === 0) {
      if (a.targets.some((t) => t.position)) {
        return failed('It has only a TextPositionSelector: without the quoted words (a TextQuoteSelector) Annalist cannot check where it belongs.');
      }
      return failed(
        'It has no TextQuoteSelector, so it marks no passage (a page note or a reply has none; RangeSelector, XPath and FragmentSelector are not read).',
      );
    }

    const candidates: { target: QuotedTarget; article: SourceArticle }[] = [];
    for (const target of quoted) {
      for (const article of target.source ? this.articlesFor(target.source) : []) candidates.push({ target, article });
    }
    if (candidates.length === 0) {
      const sources = [...new Set(quoted.map((t) => t.source).filter((s): s is string => !!s))];
      if (sources.length === 0) return failed('It does not say which document it annotates: its target has no source.');
      if (sources.length === 1) return failed(`No article in this project has the source ${sources[0]}.`);
      return failed(`No article in this project has any of its sources (${sources.join(', ')}).`);
    }

    // The same address can belong to several articles (a page saved twice): the best anchoring wins.
    let best: { target: QuotedTarget; article: SourceArticle; result: AnchorResult } | null = null;
    for (const c of candidates) {
      const { text } = await this.text(c.article.id);
      const result = anchorHighlight(text, c.target.quote, c.target.position);
      if (
        !best ||
        STATUS_RANK[result.status] < STATUS_RANK[best.result.status] ||
        (result.status === best.result.status && (result.score ?? 0) > (best.result.score ?? 0))
      ) {
        best = { ...c, result };
      }
    }
    const { target, article, result } = best!;
    this.named.add(article.id);
    const current = await this.text(article.id);
    const incoming = target.quote;
    const orphaned = result.status === 'orphaned' || result.start === undefined || result.end === undefined;

    const noteText = a.note ? canonicalText(a.note).text.trim() : '';
    const note: ContentDoc | null = noteText ? a.note : null;
    const tags = a.tags.map(cleanTagName).filter(Boolean);

    let place: Pick<Fingerprint, 'start' | 'end' | 'exact' | 'prefix' | 'suffix'>;
    if (orphaned) {
      // Its offsets (if any) are another document's: they only say roughly where it was.
      const p = target.position;
      const fits = p && p.end > p.start && p.end <= current.text.length;
      const length = Math.max(1, Math.min(incoming.exact.length, current.text.length || 1));
      place = { start: fits ? p.start : 0, end: fits ? p.end : length, exact: incoming.exact, prefix: incoming.prefix, suffix: incoming.suffix };
    } else {
      // Context is taken from this project's text, so later re-anchoring compares like with like.
      place = { ...quoteSelector(current.text, result.start!, result.end!), start: result.start!, end: result.end! };
    }
    const status: AnchorStatus = orphaned ? 'orphaned' : result.status;
    const originalExact = !orphaned && place.exact !== incoming.exact ? incoming.exact : null;
    const fingerprint: Fingerprint = {
      articleId: article.id,
      status,
      orphaned,
      originalExact,
      textVersion: current.version,
      ...place,
      noteText,
      tags: tagKey(tags),
    };
    /** Where a highlight holding this annotation sits; an orphan says why it has no place. */
    const outcome = (h: Pick<Fingerprint, 'status' | 'start' | 'end'>): AnnotationImportOutcome =>
      h.status === 'orphaned'
        ? {
            id: a.id,
            status: 'orphaned',
            articleId: article.id,
            error: `Its words (“${shorten(incoming.exact)}”) were not found convincingly in the article; it is kept there as an orphaned highlight, with its note and tags, to re-attach by hand.`,
          }
        : { id: a.id, status: h.status, articleId: article.id, start: h.start, end: h.end };

    // Equal to a highlight already here: reported as that highlight stands
    // (an orphan the researcher has since re-attached by hand is reported
    // where it now is), and not written again.
    const existing = await this.existing(article.id);
    const same = existing.find(
      (h) =>
        h.noteText === fingerprint.noteText &&
        h.tags === fingerprint.tags &&
        (orphaned
          ? (h.orphaned && h.exact === place.exact && h.prefix === place.prefix && h.suffix === place.suffix) || h.originalExact === incoming.exact
          : !h.orphaned && h.textVersion === current.version && h.start === place.start && h.end === place.end),
    );
    if (same) return { ...outcome(same), alreadyPresent: true };

    const id = await insertHighlight(this.tx, {
      articleId: article.id,
      textVersion: current.version,
      start: place.start,
      end: place.end,
      exact: place.exact,
      prefix: place.prefix,
      suffix: place.suffix,
      color: a.color ?? 'yellow',
      createdAt: a.created ?? this.now.toISOString(),
      status,
      originalExact,
    });
    if (note) await setHighlightNote(this.tx, id, note, noteText);
    if (tags.length) {
      const ids: number[] = [];
      for (const name of tags) ids.push(await this.tagId(name));
      await setHighlightTags(this.tx, id, [...new Set(ids)]);
    }
    existing.push(fingerprint);
    this.added++;
    return outcome(fingerprint);
  }
}

/**
 * Imports a W3C Web Annotation (or Hypothesis API) file: one outcome per
 * annotation, in file order. A file that cannot be read is refused whole
 * (UserError naming it) before anything is written.
 */
export async function importWebAnnotations(db: Database, input: { fileName: string; json: string }, now = new Date()): Promise<AnnotationImportReport> {
  if (input.json.length > MAX_ANNOTATION_FILE_BYTES) {
    throw new UserError('invalid_input', `${input.fileName} is larger than the ${MAX_ANNOTATION_FILE_BYTES / 1024 / 1024} MB an annotation file may have.`);
  }
  let file;
  try {
    file = readAnnotationFile(input.fileName, input.json);
  } catch (err) {
    if (err instanceof AnnotationFileError) throw new UserError('invalid_input', err.message);
    throw err;
  }
  return db.write(async (tx) => {
    const run = new ImportRun(tx, now);
    await run.load();
    const annotations: AnnotationImportOutcome[] = [];
    const alreadyPresent: number[] = [];
    for (const a of file.annotations) {
      const { alreadyPresent: present, ...outcome } = await run.import(a);
      if (present) alreadyPresent.push(annotations.length);
      annotations.push(outcome);
    }
    return {
      fileName: input.fileName,
      annotations,
      added: run.added,
      alreadyPresent,
      articles: [...run.named].sort((x, y) => x - y).map((id) => ({ id, title: run.title(id) })),
    };
  });
}
