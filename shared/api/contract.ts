import { z } from 'zod';
import type { ContentDoc } from '../content/doc';
import { HIGHLIGHT_COLORS, TAG_COLORS } from './annotation-colors';
import { contentDocSchema } from './content-schema';
import type { ArticleMetadata, MetadataUpdateResult } from './article-metadata';
import { MAX_ANNOTATION_FILE_BYTES, type AnnotationImportReport, type WebAnnotationExport } from '../annotations/interchange-types';
import type { Result } from './result';
import type {
  Actor,
  ArticleDetail,
  ArticleSummary,
  ChronologyDetail,
  ChronologyEvent,
  ChronologySummary,
  Claim,
  DateSuggestions,
  Highlight,
  HighlightInArticle,
  ImportOutcome,
  PdfFile,
  TextCorrection,
  ProjectInfo,
  Source,
  StoryInfo,
  Tag,
} from './types';

// The one API table. Each method has a zod schema for its input (checked at
// the boundary before any handler runs) and a phantom output type. The IPC
// binding, the preload bridge, the HTTP server and the renderer's client are
// all generated from this table, so a method is never written twice.
interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Type-level only: never read at run time. */
  output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
}

const id = z.number().int().positive();
const none = z.object({}).strict();

export { HIGHLIGHT_COLORS, TAG_COLORS };

/** A note: Tiptap JSON as the note editor writes it, checked for shape and size (the back end derives its text). */
const noteShape = z.object({ type: z.literal('doc'), content: z.array(z.looseObject({ type: z.string() })).max(2000) });
const noteDoc = z.custom<ContentDoc>(
  (value) => noteShape.safeParse(value).success && JSON.stringify(value).length <= 200_000,
  'A note must be a rich-text document of at most 200,000 characters.',
);
const tagName = z.string().trim().min(1, 'A tag needs a name.').max(80, 'A tag name can be at most 80 characters.');

export const MAX_UPLOAD_FILES = 1000;

const library = {
  'library.list': method<ArticleSummary[]>()(none),
  'library.importFiles': method<ImportOutcome[]>()(
    z.object({
      files: z
        .array(z.object({ name: z.string().min(1).max(4096), base64: z.string() }))
        .min(1)
        .max(MAX_UPLOAD_FILES),
    }),
  ),
  /** Imports the five sample articles shipped in resources/samples. */
  'library.importSamples': method<ImportOutcome[]>()(none),
};

const optionalText = (max: number) => z.string().max(max).nullable().optional();

const articles = {
  /** The editable metadata (and each field's source) of these articles, in the order given; of every article when no ids are given. */
  'articles.metadata': method<ArticleMetadata[]>()(z.object({ articleIds: z.array(id).max(100_000).optional() })),
  /**
   * Corrections from the review table, written all together or not at all.
   * Each field given is set ("" or null clears it); its source becomes
   * "edited by researcher". Values are checked by the back end, which names
   * the article in its refusal.
   */
  'articles.updateMetadata': method<MetadataUpdateResult>()(
    z.object({
      updates: z
        .array(
          z.object({
            articleId: id,
            fields: z
              .object({
                title: z.string().max(2000).optional(),
                subtitle: optionalText(4000),
                outlet: optionalText(4000),
                author: optionalText(4000),
                publishedAt: optionalText(100),
                language: optionalText(100),
                section: optionalText(4000),
                tags: z.array(z.string().max(500)).max(200).optional(),
                url: optionalText(4000),
              })
              .strict(),
          }),
        )
        .min(1, 'There are no corrections to save.')
        .max(100_000),
    }),
  ),
};

const stories = {
  /** Puts these articles (and the near-copies already in their stories) into one story, marked manual. */
  'stories.join': method<StoryInfo>()(z.object({ articleIds: z.array(id).min(2, 'Choose at least two articles.').max(1000) })),
  /** Gives the article a story of its own, marked manual. */
  'stories.split': method<StoryInfo>()(z.object({ articleId: id })),
};

const reader = {
  'reader.getArticle': method<ArticleDetail>()(z.object({ id })),
  /**
   * Saves a corrected text as the article's next version (the original file
   * and earlier versions stay as they were) and re-anchors every highlight
   * against it. `baseVersion` is the version the correction was made on: if
   * the text changed since, the correction is refused rather than lost in a
   * silent overwrite.
   */
  'reader.correctText': method<TextCorrection>()(
    z.object({
      articleId: id,
      baseVersion: z.number().int().positive(),
      content: contentDocSchema,
      note: z.string().trim().max(2000, 'A correction note can be at most 2,000 characters.').optional(),
    }),
  ),
};

const annotations = {
  'annotations.listHighlights': method<Highlight[]>()(z.object({ articleId: id })),
  'annotations.createHighlight': method<Highlight>()(
    z.object({
      articleId: id,
      start: z.number().int().min(0),
      end: z.number().int().min(1),
      color: z.enum(HIGHLIGHT_COLORS).default('yellow'),
    }),
  ),
  /** Deletes so that Undo (restoreHighlight) can bring it back until the project is closed. */
  'annotations.deleteHighlight': method<{ deleted: number }>()(z.object({ id })),
  'annotations.restoreHighlight': method<Highlight>()(z.object({ id })),
  /** Colour and/or rich-text note (null removes the note). */
  'annotations.updateHighlight': method<Highlight>()(
    z.object({ id, color: z.enum(HIGHLIGHT_COLORS).optional(), note: noteDoc.nullable().optional() }),
  ),
  /** Puts a highlight (an orphaned one, typically) on this range of the current text, by hand. */
  'annotations.reattachHighlight': method<Highlight>()(
    z.object({ id, start: z.number().int().min(0), end: z.number().int().min(1) }),
  ),
  /** Gives a highlight exactly these tags. */
  'annotations.setHighlightTags': method<Highlight>()(z.object({ id, tagIds: z.array(id).max(200) })),
  /** Highlights carrying a tag, across the project. */
  'annotations.highlightsWithTag': method<HighlightInArticle[]>()(z.object({ tagId: id })),
  /** The highlights of the project (or of one article) as a W3C Web Annotation collection (JSON-LD text). */
  'annotations.exportWebAnnotations': method<WebAnnotationExport>()(z.object({ articleId: id.optional() })),
  /**
   * Attaches the annotations of a W3C Web Annotation or Hypothesis file (its
   * text as read) to the project's articles, all in one transaction; one
   * outcome per annotation, in file order.
   */
  'annotations.importWebAnnotations': method<AnnotationImportReport>()(
    z.object({
      fileName: z.string().trim().min(1).max(4096),
      // A little over the limit in characters, so the back end can refuse a larger file by name.
      json: z.string().max(MAX_ANNOTATION_FILE_BYTES + 1, 'An annotation file can be at most 50 MB.'),
    }),
  ),
};

const tags = {
  'tags.list': method<Tag[]>()(none),
  'tags.create': method<Tag>()(z.object({ name: tagName, color: z.enum(TAG_COLORS).default('gray') })),
  /** Rename and/or recolour. */
  'tags.update': method<Tag>()(z.object({ id, name: tagName.optional(), color: z.enum(TAG_COLORS).optional() })),
  /** Every highlight of `fromId` gets `intoId` instead; `fromId` is removed. */
  'tags.merge': method<Tag>()(z.object({ fromId: id, intoId: id })),
  'tags.delete': method<{ deleted: number }>()(z.object({ id })),
};

const stance = z.enum(['supports', 'disputes', 'qualifies']);
const edtfText = z.string().trim().min(1, 'A date cannot be empty.').max(100);
const actorName = z.string().trim().min(1, 'An actor needs a name.').max(300, 'An actor name can be at most 300 characters.');
const quantity = z.object({
  value: z.number().finite(),
  comparator: z.enum(['=', '>', '>=', '<', '<=', '~']),
  unit: z.string().max(200),
  asOf: edtfText.nullable().optional(),
});
/** Claim fields; on update, a field left out stays as it is and null clears it. */
const claimFields = {
  kind: z.enum(['event', 'quantity', 'quote', 'allegation', 'denial', 'other']).optional(),
  /** Who asserts it: an actor of the project, or a name (an actor is made for a new name). */
  actorId: id.nullable().optional(),
  actorName: actorName.nullable().optional(),
  /** The EDTF date it asserts, accepted by the researcher, and the words it was read from. */
  date: edtfText.nullable().optional(),
  datePhrase: z.string().max(500).nullable().optional(),
  quantity: quantity.nullable().optional(),
  /** Admiralty information credibility, 1-6. */
  credibility: z.number().int().min(1).max(6).nullable().optional(),
};
const statement = z.string().trim().min(1, 'A claim needs a statement.').max(2000);

const claims = {
  /** Every claim, or those with evidence in one article. */
  'claims.list': method<Claim[]>()(z.object({ articleId: id.optional() })),
  /** A claim from a passage (its first evidence). */
  'claims.create': method<Claim>()(z.object({ highlightId: id, statement, stance: stance.optional(), ...claimFields })),
  'claims.update': method<Claim>()(z.object({ id, statement: statement.optional(), ...claimFields })),
  /** Adds a passage to the claim's evidence, or changes its stance there. */
  'claims.setEvidence': method<Claim>()(z.object({ claimId: id, highlightId: id, stance: stance.default('supports') })),
  'claims.removeEvidence': method<Claim>()(z.object({ claimId: id, highlightId: id })),
  'claims.delete': method<{ deleted: number }>()(z.object({ id })),
  /** The dates a passage mentions, resolved against its article's publication date. */
  'claims.suggestDates': method<DateSuggestions>()(z.object({ highlightId: id })),
};

const actors = {
  'actors.list': method<Actor[]>()(none),
  'actors.create': method<Actor>()(z.object({ name: actorName })),
  'actors.rename': method<Actor>()(z.object({ id, name: actorName })),
  /** Every claim and event of `fromId` gets `intoId` instead; `fromId` is removed. */
  'actors.merge': method<Actor>()(z.object({ fromId: id, intoId: id })),
  'actors.delete': method<{ deleted: number }>()(z.object({ id })),
};

const sources = {
  /** The outlets of the project's articles with their reliability grades. */
  'sources.list': method<Source[]>()(none),
  /** Admiralty source reliability: A (completely reliable) to F (cannot be judged); null clears it. */
  'sources.grade': method<Source[]>()(
    z.object({ outlet: z.string().trim().min(1).max(4000), reliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).nullable() }),
  ),
};

const eventFields = {
  title: z.string().trim().min(1, 'An event needs a title.').max(500),
  date: z.string().trim().min(1, 'An event needs a date.').max(100),
  /** HH:MM, local to timeZone. */
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is written HH:MM, e.g. 14:30.')
    .nullable()
    .optional(),
  /** An IANA time zone, e.g. America/Caracas. */
  timeZone: z.string().max(100).nullable().optional(),
  place: z.string().max(500).nullable().optional(),
  /** Rich text (Tiptap JSON) in which evidence can be cited, or plain text (a paragraph per line). */
  description: z.union([z.string().max(20_000), noteDoc]).nullable().optional(),
  actorIds: z.array(id).max(200).optional(),
  tagIds: z.array(id).max(200).optional(),
};

const chronology = {
  'chronology.list': method<ChronologySummary[]>()(none),
  'chronology.create': method<ChronologySummary>()(
    z.object({ name: z.string().trim().min(1, 'A chronology needs a name.').max(200) }),
  ),
  'chronology.rename': method<ChronologySummary>()(
    z.object({ id, name: z.string().trim().min(1, 'A chronology needs a name.').max(200) }),
  ),
  /** Removes a chronology and its events (claims and passages stay). */
  'chronology.delete': method<{ deleted: number }>()(z.object({ id })),
  /** Events in date order with their evidence, independent sources and conflicts, and the quantity series. */
  'chronology.get': method<ChronologyDetail>()(z.object({ id })),
  'events.create': method<ChronologyEvent>()(
    z.object({
      chronologyId: id,
      ...eventFields,
      claimIds: z.array(id).max(500).default([]),
      highlightIds: z.array(id).max(500).default([]),
    }),
  ),
  'events.update': method<ChronologyEvent>()(
    z.object({
      id,
      title: eventFields.title.optional(),
      date: eventFields.date.optional(),
      time: eventFields.time,
      timeZone: eventFields.timeZone,
      place: eventFields.place,
      description: eventFields.description,
      actorIds: eventFields.actorIds,
      tagIds: eventFields.tagIds,
    }),
  ),
  'events.delete': method<{ deleted: number }>()(z.object({ id })),
  'events.linkClaim': method<ChronologyEvent>()(z.object({ eventId: id, claimId: id, stance: stance.default('supports') })),
  'events.unlinkClaim': method<ChronologyEvent>()(z.object({ eventId: id, claimId: id })),
  /** A passage as direct evidence of an event (dragged from the reader), or a new stance for it. */
  'events.linkPassage': method<ChronologyEvent>()(z.object({ eventId: id, highlightId: id, stance: stance.default('supports') })),
  'events.unlinkPassage': method<ChronologyEvent>()(z.object({ eventId: id, highlightId: id })),
};

const exporting = {
  'export.chronologyPdf': method<PdfFile>()(z.object({ chronologyId: id })),
};

const project = {
  'project.info': method<ProjectInfo>()(none),
};

export const contract = {
  ...project,
  ...library,
  ...articles,
  ...stories,
  ...reader,
  ...annotations,
  ...tags,
  ...claims,
  ...actors,
  ...sources,
  ...chronology,
  ...exporting,
};

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller passes (defaults not yet applied). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = NonNullable<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Prefix of every IPC channel, so main can allow-list them (as VS Code does). */
export const IPC_PREFIX = 'annalist:';

/** The bridge the preload script puts on window.annalist. */
export type AnnalistBridge = {
  [M in Method]: (input: Input<M>) => Promise<Result<Output<M>>>;
};
