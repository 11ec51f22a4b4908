import { describe, expect, it } from 'vitest';
import type { ContentDoc } from '../../shared/content/doc';
import { contractProject } from '../support/contract-calls';

// Notes, tags and undoable deletion of highlights, through the contract both
// transports use, on a real project file.

const env = contractProject();
const { call, value, mark: highlight } = env;

const NOTE: ContentDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Check against the ' },
        { type: 'text', text: 'Pentagon statement', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' of that day.' },
      ],
    },
  ],
};

describe('notes', () => {
  it('keeps a formatted note with its plain text, and removes it', async () => {
    await value('library.importSamples', {});
    const h = await highlight('Latest: Maduro', 'killing five people on board');
    expect(h).toMatchObject({ note: null, noteText: '', tags: [] });

    const noted = await value('annotations.updateHighlight', { id: h.id, note: NOTE });
    expect(noted.note).toEqual(NOTE);
    expect(noted.noteText).toBe('Check against the Pentagon statement of that day.');
    expect((await value('annotations.listHighlights', { articleId: h.articleId }))[0]!.note).toEqual(NOTE);

    const recoloured = await value('annotations.updateHighlight', { id: h.id, color: 'green' });
    expect(recoloured).toMatchObject({ color: 'green', noteText: 'Check against the Pentagon statement of that day.' });

    // An empty note is no note.
    const emptied = await value('annotations.updateHighlight', { id: h.id, note: { type: 'doc', content: [{ type: 'paragraph' }] } });
    expect(emptied).toMatchObject({ note: null, noteText: '' });
    expect(await value('annotations.updateHighlight', { id: h.id, note: NOTE })).toMatchObject({ noteText: expect.stringContaining('Pentagon') });
    expect(await value('annotations.updateHighlight', { id: h.id, note: null })).toMatchObject({ note: null, noteText: '' });
  });

  it('refuses a note that is not a document, saying why', async () => {
    await value('library.importSamples', {});
    const h = await highlight('Latest: Maduro', 'killing five people on board');
    const r = await call('annotations.updateHighlight', { id: h.id, note: { type: 'paragraph' } as unknown as ContentDoc });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_input');
  });
});

describe('deleting with undo', () => {
  it('hides a deleted highlight, brings it back whole on undo, and forgets it once the project is reopened', async () => {
    await value('library.importSamples', {});
    const h = await highlight('Latest: Maduro', 'killing five people on board');
    const tag = await value('tags.create', { name: 'casualties', color: 'red' });
    await value('annotations.setHighlightTags', { id: h.id, tagIds: [tag.id] });
    await value('annotations.updateHighlight', { id: h.id, note: NOTE });

    expect(await value('annotations.deleteHighlight', { id: h.id })).toEqual({ deleted: 1 });
    expect(await value('annotations.listHighlights', { articleId: h.articleId })).toEqual([]);
    expect((await value('tags.list', {}))[0]!.highlightCount).toBe(0);
    expect((await call('annotations.deleteHighlight', { id: h.id })).ok).toBe(false);

    const back = await value('annotations.restoreHighlight', { id: h.id });
    expect(back).toMatchObject({ id: h.id, exact: 'killing five people on board', noteText: expect.stringContaining('Pentagon'), tags: [{ name: 'casualties' }] });
    expect(await value('annotations.listHighlights', { articleId: h.articleId })).toHaveLength(1);

    await value('annotations.deleteHighlight', { id: h.id });
    await env.reopen();
    const gone = await call('annotations.restoreHighlight', { id: h.id });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await env.ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM highlights'))!.n).toBe(0);
  });
});

describe('tags', () => {
  it('are created once whatever the case, renamed and recoloured for every highlight, merged and deleted', async () => {
    await value('library.importSamples', {});
    const strike = await highlight('Latest: Maduro', 'killing five people on board');
    const vessel = await highlight('US Conducts Military Action', 'Venezuelan');

    const boats = await value('tags.create', { name: '  boat   strikes ', color: 'blue' });
    expect(boats).toMatchObject({ name: 'boat strikes', color: 'blue', highlightCount: 0 });
    expect(await call('tags.create', { name: 'Boat Strikes', color: 'red' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'There is already a tag “boat strikes”; merge the two tags if they mean the same.' },
    });
    const strikes = await value('tags.create', { name: 'strikes', color: 'orange' });

    await value('annotations.setHighlightTags', { id: strike.id, tagIds: [boats.id, strikes.id] });
    await value('annotations.setHighlightTags', { id: vessel.id, tagIds: [strikes.id] });
    expect(await call('annotations.setHighlightTags', { id: vessel.id, tagIds: [strikes.id, 999] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await value('annotations.listHighlights', { articleId: vessel.articleId }))[0]!.tags.map((t) => t.name)).toEqual(['strikes']);

    // Across the project, with each highlight's article.
    const tagged = await value('annotations.highlightsWithTag', { tagId: strikes.id });
    expect(tagged.map((h) => [h.articleTitle.slice(0, 20), h.exact])).toEqual([
      ['Latest: Maduro says ', 'killing five people on board'],
      ['US Conducts Military', 'Venezuelan'],
    ]);

    await value('tags.update', { id: boats.id, name: 'Maritime strikes', color: 'teal' });
    expect((await value('annotations.listHighlights', { articleId: strike.articleId }))[0]!.tags).toEqual([
      { id: boats.id, name: 'Maritime strikes', color: 'teal' },
      { id: strikes.id, name: 'strikes', color: 'orange' },
    ]);

    // Merging: the highlight that had both keeps one; the other gains it.
    const merged = await value('tags.merge', { fromId: strikes.id, intoId: boats.id });
    expect(merged).toMatchObject({ name: 'Maritime strikes', highlightCount: 2 });
    expect((await value('tags.list', {})).map((t) => t.name)).toEqual(['Maritime strikes']);
    expect((await value('annotations.listHighlights', { articleId: vessel.articleId }))[0]!.tags.map((t) => t.name)).toEqual(['Maritime strikes']);
    expect(await call('tags.merge', { fromId: boats.id, intoId: boats.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    expect(await value('tags.delete', { id: boats.id })).toEqual({ deleted: 1 });
    expect((await value('annotations.listHighlights', { articleId: strike.articleId }))[0]!.tags).toEqual([]);
    expect(await value('tags.list', {})).toEqual([]);
  });
});
