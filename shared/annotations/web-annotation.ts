// Highlights as W3C Web Annotations (https://www.w3.org/TR/annotation-model/)
// and back. Export writes one AnnotationCollection whose annotations carry a
// TextQuoteSelector and, unless orphaned, a TextPositionSelector over the
// article's canonical text (UTF-16 code units, as Hypothesis counts them; the
// W3C model does not settle the unit, so the collection says so). Import is
// lenient about the many shapes tools write (a collection, a page, a list, one
// annotation, Hypothesis's API rows) and strict about types: everything read
// goes through zod, and a file that cannot be read is refused whole with one
// sentence naming it, before anything is written. Pure: no Node, no DOM.
import { z } from 'zod';
import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/text-quote';
import { HIGHLIGHT_COLORS } from '../api/annotation-colors';
import type { Highlight } from '../api/types';
import type { ContentDoc } from '../content/doc';
import { MAX_ANNOTATIONS_PER_FILE } from './interchange-types';
import { htmlToNote, noteToHtml, plainTextToNote } from './note-html';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

// ---------------------------------------------------------------- sources

/** What an annotation's target names: a web address, or the SHA-256 of the article's original file. */
export type SourceKey = { kind: 'url'; key: string } | { kind: 'sha256'; key: string };

/**
 * A web address in the form two copies of the same page share: http and
 * https alike, host in lower case, no fragment, no trailing slash, no utm_*
 * tracking parameters. Null for anything that is not an http(s) address.
 */
export function normaliseSourceUrl(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  for (const name of [...url.searchParams.keys()]) if (/^utm_/i.test(name)) url.searchParams.delete(name);
  const query = url.searchParams.toString();
  const path = url.pathname.replace(/\/+$/, '');
  // The port stays: the same host on another port may be another site.
  return `${url.host.toLowerCase()}${path}${query ? `?${query}` : ''}`;
}

export function sourceKey(source: string): SourceKey | null {
  const sha = /^urn:sha256:([0-9a-f]{64})$/i.exec(source.trim());
  if (sha) return { kind: 'sha256', key: sha[1]!.toLowerCase() };
  const url = normaliseSourceUrl(source);
  return url ? { kind: 'url', key: url } : null;
}

/** An article's source as annotations name it: its address, else the hash of its original file. */
export function articleSource(article: { url: string | null; sha256: string }): string {
  const url = article.url?.trim();
  return url && normaliseSourceUrl(url) ? url : `urn:sha256:${article.sha256}`;
}

// ---------------------------------------------------------------- export

export interface ExportArticle {
  id: number;
  url: string | null;
  sha256: string;
}

export interface CollectionOptions {
  /** An IRI for the collection (the export is a new document each time: urn:uuid:… fits). */
  id: string;
  label: string;
  generated: Date;
  /** The software that wrote the file, e.g. "Annalist". */
  generator: string;
}

const STYLE_CLASS_PREFIX = 'annalist-';

// The colours of the reader's highlights, for tools that apply the stylesheet.
const CSS_COLORS: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 210, 0, 0.36)',
  green: 'rgba(80, 200, 120, 0.3)',
  blue: 'rgba(90, 160, 255, 0.28)',
  pink: 'rgba(255, 110, 170, 0.26)',
  orange: 'rgba(255, 150, 40, 0.3)',
};

export function isHighlightColor(value: string): value is HighlightColor {
  return (HIGHLIGHT_COLORS as readonly string[]).includes(value);
}

/** cyrb53-style 64-bit string hash as 16 hex digits: stable ids without Node's crypto. */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * The annotation's IRI. Row ids are the project's own and change when the
 * annotations move to another project, so the id is made of what travels
 * with them: the original file's hash, the moment the highlight was made and
 * the words it was first made on. The same highlight exported again, from
 * this project or from one it was imported into, gets the same id.
 */
export function annotationIri(sha256: string, h: Pick<Highlight, 'createdAt' | 'exact' | 'originalExact'>): string {
  return `urn:annalist:annotation:${sha256.slice(0, 16)}:${hash64(`${h.createdAt}\u0000${h.originalExact ?? h.exact}`)}`;
}

interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: 'text/html';
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  stylesheet: { type: 'CssStylesheet'; value: string };
  body?: TextualBody[];
  target: {
    source: string;
    styleClass: string;
    selector: (TextQuoteSelector | TextPositionSelector)[];
  };
}

export interface WebAnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  'rdfs:comment': string;
  generator: { type: 'Software'; name: string };
  generated: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

export function highlightToAnnotation(h: Highlight, article: ExportArticle): WebAnnotation {
  const color: HighlightColor = isHighlightColor(h.color) ? h.color : 'yellow';
  const styleClass = `${STYLE_CLASS_PREFIX}${color}`;
  const body: TextualBody[] = [];
  // One body for the note, in HTML: it keeps the note's formatting, and a
  // second plain-text copy would be shown twice by tools that list bodies.
  if (h.note && h.noteText.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/html', value: noteToHtml(h.note) });
  for (const tag of h.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag.name });
  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix };
  // An orphaned highlight's offsets belong to an older text: only its words travel.
  const selector: (TextQuoteSelector | TextPositionSelector)[] =
    h.status === 'orphaned' ? [quote] : [quote, { type: 'TextPositionSelector', start: h.start, end: h.end }];
  return {
    id: annotationIri(article.sha256, h),
    type: 'Annotation',
    motivation: h.note && h.noteText.trim() ? 'commenting' : 'highlighting',
    created: h.createdAt,
    stylesheet: { type: 'CssStylesheet', value: `.${styleClass} { background-color: ${CSS_COLORS[color]}; }` },
    ...(body.length ? { body } : {}),
    target: { source: articleSource(article), styleClass, selector },
  };
}

/** The highlights (in the order given) as one AnnotationCollection with a single embedded page. */
export function buildAnnotationCollection(
  highlights: readonly Highlight[],
  articles: ReadonlyMap<number, ExportArticle>,
  options: CollectionOptions,
): WebAnnotationCollection {
  const seen = new Map<string, number>();
  const items = highlights.map((h) => {
    const article = articles.get(h.articleId);
    if (!article) throw new Error(`Highlight ${h.id} belongs to article ${h.articleId}, which is not among the articles given.`);
    const annotation = highlightToAnnotation(h, article);
    // Two highlights made in the same instant on the same words: told apart by order.
    const n = (seen.get(annotation.id) ?? 0) + 1;
    seen.set(annotation.id, n);
    return n === 1 ? annotation : { ...annotation, id: `${annotation.id}-${n}` };
  });
  return {
    '@context': ANNOTATION_CONTEXT,
    id: options.id,
    type: 'AnnotationCollection',
    label: options.label,
    'rdfs:comment':
      'TextPositionSelector offsets count UTF-16 code units of the article’s canonical text (its text blocks joined by a blank line); the TextQuoteSelector is authoritative.',
    generator: { type: 'Software', name: options.generator },
    generated: options.generated.toISOString(),
    total: items.length,
    first: { id: `${options.id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** A file name from a title: ASCII letters and digits joined by hyphens. */
export function fileStem(title: string, fallback: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80)
    .replace(/-+$/, '');
  return stem || fallback;
}

// ---------------------------------------------------------------- import

/** A file that cannot be read as annotations; the message is one sentence naming the file. */
export class AnnotationFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnnotationFileError';
  }
}

export interface IncomingTarget {
  source: string | null;
  quote: TextQuoteSelector | null;
  position: TextPositionSelector | null;
  styleClasses: string[];
}

export interface IncomingAnnotation {
  /** The id in the file, or `#N` (its position from 1). */
  id: string;
  /** ISO 8601, when the file gives a readable date. */
  created: string | null;
  targets: IncomingTarget[];
  note: ContentDoc | null;
  tags: string[];
  /** An Annalist colour named by a styleClass, else null. */
  color: HighlightColor | null;
}

export type AnnotationFileShape = 'collection' | 'page' | 'list' | 'annotation' | 'hypothesis';

export interface AnnotationFile {
  shape: AnnotationFileShape;
  annotations: IncomingAnnotation[];
}

/** "x" or ["x", …], null and absent as an empty list. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(item));

const text = z.string();
const idValue = z.union([z.string(), z.number()]).nullish();

const bodySchema = z.preprocess(
  // A bare string is the IRI of an external body (not text to keep).
  (v) => (typeof v === 'string' ? { id: v, external: true } : v),
  z.looseObject({
    type: listOf(text),
    value: text.nullish(),
    format: text.nullish(),
    purpose: listOf(text),
    external: z.boolean().optional(),
  }),
);

const selectorSchema = z.looseObject({ type: text.nullish() });

const targetSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { source: v } : v),
  z.looseObject({
    source: z.preprocess((v) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as { id?: unknown }).id : v), text.nullish()),
    selector: listOf(selectorSchema),
    styleClass: listOf(text),
  }),
);

const annotationSchema = z.looseObject({
  id: idValue,
  '@id': idValue,
  created: text.nullish(),
  body: listOf(bodySchema),
  bodyValue: text.nullish(),
  // Hypothesis API rows:
  text: text.nullish(),
  tags: listOf(text),
  uri: text.nullish(),
  target: listOf(targetSchema),
});

const quoteSchema = z.looseObject({
  exact: text.min(1, 'must hold at least one character'),
  prefix: text.nullish(),
  suffix: text.nullish(),
});

const positionSchema = z
  .looseObject({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((p) => p.end > p.start, 'must end after it starts');

function typeNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  // "oa:Annotation", "as:OrderedCollectionPage" and full IRIs name the same classes.
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[#/:]/, ''));
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return 'an object';
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'an object',
  boolean: 'true or false',
};

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function describeIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): string {
  const where = pathText([...prefix, ...issue.path]);
  const field = where ? `“${where}”` : 'it';
  if (issue.code === 'invalid_type') {
    const expected = EXPECTED[issue.expected] ?? issue.expected;
    return `${field} should be ${expected}, not ${kindOf(issue.input)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'number') return `${field} should be at least ${String(issue.minimum)}`;
  return `${field} ${issue.message}`;
}

class FileReader {
  constructor(private readonly fileName: string) {}

  fail(problem: string): never {
    throw new AnnotationFileError(`${this.fileName} ${problem}`);
  }

  /** Annotations of the file, before their own validation. */
  locate(root: unknown): { shape: AnnotationFileShape; items: unknown[]; typedEmpty: boolean } {
    if (Array.isArray(root)) return { shape: 'list', items: root, typedEmpty: false };
    if (root === null || typeof root !== 'object') {
      this.fail(`holds ${kindOf(root)}, not annotations: Annalist reads W3C Web Annotation files (an AnnotationCollection, an AnnotationPage, a list of annotations or one annotation) and Hypothesis API JSON.`);
    }
    const o = root as Record<string, unknown>;
    const types = typeNames(o.type ?? o['@type']);
    if ('rows' in o) {
      if (!Array.isArray(o.rows)) this.fail(`has “rows” that is ${kindOf(o.rows)}, not a list of annotations.`);
      return { shape: 'hypothesis', items: o.rows, typedEmpty: true };
    }
    if (types.includes('AnnotationCollection') || (!types.includes('AnnotationPage') && 'first' in o && !('target' in o))) {
      if (typeof o.first === 'string' && !Array.isArray(o.items)) {
        this.fail(`only points to its annotations at ${o.first} instead of holding them; Annalist reads files that hold their annotations (save each page of the collection and import those).`);
      }
      if (o.first && typeof o.first === 'object' && !Array.isArray(o.first)) return { shape: 'collection', items: this.pageItems(o.first, 'first'), typedEmpty: true };
      if (o.first !== undefined && o.first !== null) this.fail(`has a “first” page that is ${kindOf(o.first)}, not a page of annotations.`);
      if (o.items !== undefined) return { shape: 'collection', items: this.listField(o.items, 'items'), typedEmpty: true };
      // A W3C collection without a first page is an empty collection.
      return { shape: 'collection', items: [], typedEmpty: true };
    }
    if (types.includes('AnnotationPage')) return { shape: 'page', items: this.pageItems(o, ''), typedEmpty: true };
    if (types.includes('Annotation') || 'target' in o) return { shape: 'annotation', items: [o], typedEmpty: false };
    if (Array.isArray(o['@graph'])) return { shape: 'list', items: o['@graph'], typedEmpty: false };
    if (Array.isArray(o.items)) return { shape: 'page', items: o.items, typedEmpty: false };
    this.fail('holds no annotations: it is JSON, but not a W3C AnnotationCollection, AnnotationPage, list of annotations or annotation, nor Hypothesis API JSON with “rows”.');
  }

  private listField(value: unknown, where: string): unknown[] {
    if (!Array.isArray(value)) this.fail(`has “${where}” that is ${kindOf(value)}, not a list of annotations.`);
    return value;
  }

  /** A page's items, following pages embedded through "next" (a "next" that is only an address is not followed). */
  private pageItems(page: object, where: string): unknown[] {
    const items: unknown[] = [];
    let current: Record<string, unknown> | null = page as Record<string, unknown>;
    let path = where;
    for (let pages = 0; current && pages < 10_000; pages++) {
      if (current.items !== undefined) items.push(...this.listField(current.items, path ? `${path}.items` : 'items'));
      const next: unknown = current.next;
      current = next && typeof next === 'object' && !Array.isArray(next) ? (next as Record<string, unknown>) : null;
      path = path ? `${path}.next` : 'next';
    }
    return items;
  }

  annotation(raw: unknown, index: number): IncomingAnnotation {
    const n = index + 1;
    const label = (id: string | null) => `annotation ${n}${id ? ` (“${id}”)` : ''}`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) this.fail(`cannot be read: ${label(null)} is ${kindOf(raw)}, not an annotation.`);
    const rawId = (raw as { id?: unknown; '@id'?: unknown }).id ?? (raw as { '@id'?: unknown })['@id'];
    const fileId = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
    const parsed = annotationSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) this.fail(`cannot be read: in ${label(fileId)}, ${describeIssue(parsed.error.issues[0]!, [])}.`);
    const a = parsed.data;

    const targets = a.target.map((t, ti): IncomingTarget => {
      let quote: TextQuoteSelector | null = null;
      let position: TextPositionSelector | null = null;
      t.selector.forEach((s, si) => {
        const type = typeNames(s.type)[0];
        const prefix = ['target', ti, 'selector', si];
        if (type === 'TextQuoteSelector') {
          const q = quoteSchema.safeParse(s, { reportInput: true });
          if (!q.success) this.fail(`cannot be read: in ${label(fileId)}, ${describeIssue(q.error.issues[0]!, prefix)}.`);
          quote ??= { type: 'TextQuoteSelector', exact: q.data.exact, prefix: q.data.prefix ?? '', suffix: q.data.suffix ?? '' };
        } else if (type === 'TextPositionSelector') {
          const p = positionSchema.safeParse(s, { reportInput: true });
          if (!p.success) this.fail(`cannot be read: in ${label(fileId)}, ${describeIssue(p.error.issues[0]!, prefix)}.`);
          position ??= { type: 'TextPositionSelector', start: p.data.start, end: p.data.end };
        }
        // RangeSelector, XPathSelector, FragmentSelector, CssSelector…: positions in
        // someone else's document structure; the quote is what Annalist can check.
      });
      return { source: t.source?.trim() || a.uri?.trim() || null, quote, position, styleClasses: t.styleClass };
    });

    return {
      id: fileId ?? `#${n}`,
      created: readableDate(a.created),
      targets,
      note: noteOf(a),
      tags: tagsOf(a),
      color: colorOf(targets),
    };
  }
}

function readableDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

type ParsedAnnotation = z.infer<typeof annotationSchema>;

function hasPurpose(body: { purpose: string[] }, purpose: string): boolean {
  return body.purpose.some((p) => p.replace(/^.*[#/:]/, '') === purpose);
}

function noteOf(a: ParsedAnnotation): ContentDoc | null {
  const textual = a.body.filter((b) => !b.external && typeof b.value === 'string' && !hasPurpose(b, 'tagging'));
  // Some tools give the same note twice, as HTML and as plain text: the HTML one wins.
  const html = textual.filter((b) => /html/i.test(b.format ?? ''));
  const chosen = html.length ? html : textual;
  const docs: ContentDoc[] = [];
  for (const b of chosen) {
    const doc = /html/i.test(b.format ?? '') ? htmlToNote(b.value!) : plainTextToNote(b.value!);
    if (doc) docs.push(doc);
  }
  if (a.bodyValue) {
    const doc = plainTextToNote(a.bodyValue);
    if (doc) docs.push(doc);
  }
  if (a.text) {
    const doc = plainTextToNote(a.text);
    if (doc) docs.push(doc);
  }
  if (docs.length === 0) return null;
  return { type: 'doc', content: docs.flatMap((d) => d.content) };
}

function tagsOf(a: ParsedAnnotation): string[] {
  const names = [
    ...a.body.filter((b) => !b.external && hasPurpose(b, 'tagging') && typeof b.value === 'string').map((b) => b.value!),
    ...a.tags,
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim();
    if (!name || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

function colorOf(targets: IncomingTarget[]): HighlightColor | null {
  for (const t of targets) {
    for (const cls of t.styleClasses) {
      const name = cls.trim().toLowerCase().replace(/^annalist-(highlight-)?/, '');
      if (isHighlightColor(name)) return name;
    }
  }
  return null;
}

/**
 * Reads an annotation file. Throws AnnotationFileError (one sentence naming
 * the file) when it is not JSON, holds no annotations, or holds a value of
 * the wrong type; selectors Annalist does not use are ignored.
 */
export function readAnnotationFile(fileName: string, json: string): AnnotationFile {
  const reader = new FileReader(fileName);
  let root: unknown;
  try {
    root = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (err) {
    reader.fail(`is not JSON (${(err as Error).message.replace(/\.$/, '')}), so it holds no annotations Annalist can read.`);
  }
  const { shape, items, typedEmpty } = reader.locate(root);
  if (items.length === 0 && !typedEmpty) reader.fail('holds an empty list: there are no annotations to import.');
  if (items.length > MAX_ANNOTATIONS_PER_FILE) {
    reader.fail(`holds ${items.length.toLocaleString('en-GB')} annotations; Annalist imports at most ${MAX_ANNOTATIONS_PER_FILE.toLocaleString('en-GB')} from one file.`);
  }
  return { shape, annotations: items.map((item, i) => reader.annotation(item, i)) };
}
