import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Method, Output, ParsedInput } from '../../../shared/api/contract';
import { UserError } from '../../../shared/api/result';
import { countArticles, getArticle, listArticles } from '../db/repositories/articles';
import { highlightsWithTag, listHighlights } from '../db/repositories/annotations';
import { listActors } from '../db/repositories/actors';
import { listClaims } from '../db/repositories/claims';
import { listTags } from '../db/repositories/tags';
import { listChronologies } from '../db/repositories/chronologies';
import { readerFor } from '../import/readers';
import { createActor, deleteActor, mergeActors, updateActor } from '../services/actor-service';
import { createClaim, deleteClaim, gradeSource, listSources, removeEvidence, setEvidence, suggestDates, updateClaim } from '../services/claim-service';
import {
  createHighlight,
  deleteHighlight,
  reattachHighlight,
  restoreHighlight,
  setHighlightTags,
  updateHighlight,
} from '../services/annotation-service';
import { correctArticleText } from '../services/correction-service';
import { exportWebAnnotations, importWebAnnotations } from '../services/annotation-interchange-service';
import { createTag, deleteTag, mergeTags, updateTag } from '../services/tag-service';
import {
  chronologyDetail,
  createChronology,
  createEvent,
  deleteChronology,
  deleteEvent,
  linkClaimToEvent,
  linkPassageToEvent,
  renameChronologyTo,
  unlinkClaimFromEvent,
  unlinkPassageFromEvent,
  updateEvent,
} from '../services/chronology-service';
import { asPdfFile, chronologyPdf } from '../services/export-service';
import { importFiles, samplesDir } from '../services/import-service';
import { listMetadata, updateMetadata } from '../services/metadata-service';
import { joinStories, splitStory } from '../services/story-service';
import type { BackendContext } from './backend-context';

// One typed handler per contract method (as Actual Budget's loot-core does).
// The type makes a missing or misspelt method a compile error; input has
// already been validated against the contract's schema by dispatch().
export type Handlers = {
  [M in Method]: (ctx: BackendContext, input: ParsedInput<M>) => Promise<Output<M>>;
};

export const handlers: Handlers = {
  'project.info': async (ctx) => ({
    path: ctx.projectPath,
    articleCount: await countArticles(ctx.db),
    transport: ctx.transport,
  }),

  'library.list': (ctx) => listArticles(ctx.db),

  'library.importFiles': (ctx, { files }) =>
    importFiles(
      ctx.db,
      files.map((f) => ({ path: f.name, bytes: Buffer.from(f.base64, 'base64') })),
    ),

  'library.importSamples': async (ctx) => {
    const dir = samplesDir(ctx.resourcesDir);
    const names = (await readdir(dir)).filter((n) => readerFor(n)).sort();
    const files = await Promise.all(names.map(async (name) => ({ path: name, bytes: await readFile(join(dir, name)) })));
    return importFiles(ctx.db, files);
  },

  'articles.metadata': (ctx, { articleIds }) => listMetadata(ctx.db, articleIds),
  'articles.updateMetadata': (ctx, { updates }) => updateMetadata(ctx.db, updates),

  'stories.join': (ctx, { articleIds }) => joinStories(ctx.db, articleIds),
  'stories.split': (ctx, { articleId }) => splitStory(ctx.db, articleId),

  'reader.getArticle': async (ctx, { id }) => {
    const article = await getArticle(ctx.db, id);
    if (!article) throw new UserError('not_found', `There is no article ${id} in this project.`);
    return article;
  },
  'reader.correctText': (ctx, input) => correctArticleText(ctx.db, input),

  'annotations.listHighlights': (ctx, { articleId }) => listHighlights(ctx.db, articleId),
  'annotations.createHighlight': (ctx, input) => createHighlight(ctx.db, input),
  'annotations.deleteHighlight': (ctx, { id }) => deleteHighlight(ctx.db, id),
  'annotations.restoreHighlight': (ctx, { id }) => restoreHighlight(ctx.db, id),
  'annotations.updateHighlight': (ctx, { id, color, note }) =>
    updateHighlight(ctx.db, id, { ...(color !== undefined ? { color } : {}), ...(note !== undefined ? { note } : {}) }),
  'annotations.reattachHighlight': (ctx, input) => reattachHighlight(ctx.db, input),
  'annotations.setHighlightTags': (ctx, { id, tagIds }) => setHighlightTags(ctx.db, id, tagIds),
  'annotations.highlightsWithTag': (ctx, { tagId }) => highlightsWithTag(ctx.db, tagId),
  'annotations.exportWebAnnotations': (ctx, { articleId }) =>
    exportWebAnnotations(ctx.db, { ...(articleId !== undefined ? { articleId } : {}), projectPath: ctx.projectPath }),
  'annotations.importWebAnnotations': (ctx, input) => importWebAnnotations(ctx.db, input),
  'tags.list': (ctx) => listTags(ctx.db),
  'tags.create': (ctx, input) => createTag(ctx.db, input),
  'tags.update': (ctx, { id, name, color }) =>
    updateTag(ctx.db, id, { ...(name !== undefined ? { name } : {}), ...(color !== undefined ? { color } : {}) }),
  'tags.merge': (ctx, { fromId, intoId }) => mergeTags(ctx.db, fromId, intoId),
  'tags.delete': (ctx, { id }) => deleteTag(ctx.db, id),

  'claims.list': (ctx, { articleId }) => listClaims(ctx.db, articleId),
  'claims.create': (ctx, input) => createClaim(ctx.db, input),
  'claims.update': (ctx, { id, ...changes }) => updateClaim(ctx.db, id, changes),
  'claims.setEvidence': (ctx, input) => setEvidence(ctx.db, input),
  'claims.removeEvidence': (ctx, input) => removeEvidence(ctx.db, input),
  'claims.delete': (ctx, { id }) => deleteClaim(ctx.db, id),
  'claims.suggestDates': (ctx, { highlightId }) => suggestDates(ctx.db, highlightId),

  'actors.list': (ctx) => listActors(ctx.db),
  'actors.create': (ctx, { name }) => createActor(ctx.db, name),
  'actors.rename': (ctx, { id, name }) => updateActor(ctx.db, id, name),
  'actors.merge': (ctx, { fromId, intoId }) => mergeActors(ctx.db, fromId, intoId),
  'actors.delete': (ctx, { id }) => deleteActor(ctx.db, id),

  'sources.list': (ctx) => listSources(ctx.db),
  'sources.grade': (ctx, input) => gradeSource(ctx.db, input),

  'chronology.list': (ctx) => listChronologies(ctx.db),
  'chronology.create': (ctx, { name }) => createChronology(ctx.db, name),
  'chronology.rename': (ctx, { id, name }) => renameChronologyTo(ctx.db, id, name),
  'chronology.delete': (ctx, { id }) => deleteChronology(ctx.db, id),
  'chronology.get': (ctx, { id }) => chronologyDetail(ctx.db, id),
  'events.create': (ctx, input) => createEvent(ctx.db, input),
  'events.update': (ctx, { id, ...changes }) => updateEvent(ctx.db, id, changes),
  'events.delete': (ctx, { id }) => deleteEvent(ctx.db, id),
  'events.linkClaim': (ctx, input) => linkClaimToEvent(ctx.db, input),
  'events.unlinkClaim': (ctx, input) => unlinkClaimFromEvent(ctx.db, input),
  'events.linkPassage': (ctx, input) => linkPassageToEvent(ctx.db, input),
  'events.unlinkPassage': (ctx, input) => unlinkPassageFromEvent(ctx.db, input),

  'export.chronologyPdf': async (ctx, { chronologyId }) =>
    asPdfFile(
      await chronologyPdf(ctx.db, ctx.pdf, {
        chronologyId,
        resourcesDir: ctx.resourcesDir,
        projectPath: ctx.projectPath,
      }),
    ),
};
