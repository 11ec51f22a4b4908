import { describe, expect, it } from 'vitest';
import type { ArticleDetail, Highlight } from '../../shared/api/types';
import { paragraph, type Block, type ContentDoc } from '../../shared/content/doc';
import { contractProject } from '../support/contract-calls';

// Correcting an article's text: a new version beside the untouched original
// and first text, every highlight re-anchored with its status, orphaned ones
// re-attached by hand. Through the contract both transports use, on a real
// project file.

const env = contractProject();
const { call, value } = env;

const TITLE = 'CIA carries out first drone strike';
const ASKED = 'Asked again on Monday';
const DOCK = 'the dock area where they load the boats up with drugs';
const COMMENT = 'The Independent has requested comment from White House, CIA, and Department of Defense.';
const SCRUTINY = 'growing legal and political scrutiny into the deadly campaign';

async function openArticle(): Promise<ArticleDetail> {
  await value('library.importSamples', {});
  const article = (await value('library.list', {})).find((a) => a.title.startsWith(TITLE))!;
  return value('reader.getArticle', { id: article.id });
}

async function mark(article: ArticleDetail, passage: string): Promise<Highlight> {
  const start = article.text.indexOf(passage);
  expect(start, passage).toBeGreaterThanOrEqual(0);
  return value('annotations.createHighlight', { articleId: article.id, start, end: start + passage.length });
}

/** The article's top-level blocks with each paragraph's text passed through `edit` (null drops the block). */
function edited(article: ArticleDetail, edit: (text: string) => string | null, prepend: Block[] = []): ContentDoc {
  const blocks: Block[] = [...prepend];
  for (const block of article.content.content) {
    if (block.type !== 'paragraph') {
      blocks.push(block);
      continue;
    }
    const text = (block.content ?? []).map((n) => n.text).join('');
    const next = edit(text);
    if (next !== null) blocks.push(paragraph(next));
  }
  return { type: 'doc', content: blocks };
}

function byId(highlights: Highlight[]): Map<number, Highlight> {
  return new Map(highlights.map((h) => [h.id, h]));
}

describe('correcting an article', () => {
  it('saves a new version, keeps the original and the first text, and re-anchors every highlight with its status', async () => {
    const article = await openArticle();
    expect(article).toMatchObject({ textVersion: 1, textVersions: [{ version: 1, correctionNote: null }] });
    const asked = await mark(article, ASKED);
    const dock = await mark(article, DOCK);
    const comment = await mark(article, COMMENT);
    const scrutiny = await mark(article, SCRUTINY);

    // A missing paragraph restored at the top moves everything; an OCR-style
    // slip is put right inside one highlight; one paragraph is removed.
    const correction = edited(
      article,
      (text) => (text === COMMENT ? null : text.replace('political scrutiny', 'politcal scrutiny')),
      [paragraph('Editor’s note: this paragraph was missing from the saved page.')],
    );
    const result = await value('reader.correctText', {
      articleId: article.id,
      baseVersion: 1,
      content: correction,
      note: 'Restored the editor’s note; removed the comment line.',
    });
    expect(result).toEqual({ articleId: article.id, version: 2, anchors: { anchored: 0, moved: 2, fuzzy: 1, orphaned: 1 } });

    const after = await value('reader.getArticle', { id: article.id });
    expect(after.textVersion).toBe(2);
    expect(after.textVersions.map((v) => [v.version, v.correctionNote])).toEqual([
      [1, null],
      [2, 'Restored the editor’s note; removed the comment line.'],
    ]);
    expect(after.text.startsWith('Editor’s note')).toBe(true);
    expect(after.text).not.toContain(COMMENT);
    expect(after.sha256).toBe(article.sha256);

    const highlights = byId(await value('annotations.listHighlights', { articleId: article.id }));
    for (const h of [asked, dock]) {
      const now = highlights.get(h.id)!;
      expect(now).toMatchObject({ status: 'moved', textVersion: 2, exact: h.exact, originalExact: null });
      expect(after.text.slice(now.start, now.end)).toBe(h.exact);
      expect(now.start).toBeGreaterThan(h.start);
    }
    const fuzzy = highlights.get(scrutiny.id)!;
    expect(fuzzy).toMatchObject({ status: 'fuzzy', textVersion: 2, exact: 'growing legal and politcal scrutiny into the deadly campaign', originalExact: SCRUTINY });
    expect(after.text.slice(fuzzy.start, fuzzy.end)).toBe(fuzzy.exact);
    // The orphan keeps its words and where it was in version 1.
    expect(highlights.get(comment.id)).toMatchObject({ status: 'orphaned', textVersion: 1, exact: COMMENT, start: comment.start, end: comment.end });

    // The first text and the original file are as imported.
    const first = await env.project.db.get<{ text: string }>('SELECT text FROM article_texts WHERE article_id = ? AND version = 1', [article.id]);
    expect(first!.text).toBe(article.text);
    const original = await env.project.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM originals WHERE article_id = ? AND sha256 = ?', [article.id, article.sha256]);
    expect(original!.n).toBe(1);
  });

  it('re-attaches an orphaned highlight by hand with its note and tags, and a later correction can find it again', async () => {
    const article = await openArticle();
    const comment = await mark(article, COMMENT);
    const tag = await value('tags.create', { name: 'Denials' });
    await value('annotations.setHighlightTags', { id: comment.id, tagIds: [tag.id] });
    await value('annotations.updateHighlight', { id: comment.id, note: { type: 'doc', content: [paragraph('Ask the Pentagon too.')] } });

    await value('reader.correctText', { articleId: article.id, baseVersion: 1, content: edited(article, (t) => (t === COMMENT ? null : t)) });
    expect((await value('annotations.listHighlights', { articleId: article.id }))[0]).toMatchObject({ status: 'orphaned' });

    // Restoring the paragraph in a second correction re-anchors the orphan by itself.
    const v2 = await value('reader.getArticle', { id: article.id });
    const restored = await value('reader.correctText', { articleId: article.id, baseVersion: 2, content: article.content });
    expect(restored.anchors).toEqual({ anchored: 1, moved: 0, fuzzy: 0, orphaned: 0 });
    expect(v2.text).not.toContain(COMMENT);

    // Removed again, then re-attached by hand to other words.
    await value('reader.correctText', { articleId: article.id, baseVersion: 3, content: edited(article, (t) => (t === COMMENT ? null : t)) });
    const v4 = await value('reader.getArticle', { id: article.id });
    const start = v4.text.indexOf(ASKED);
    const reattached = await value('annotations.reattachHighlight', { id: comment.id, start, end: start + ASKED.length });
    expect(reattached).toMatchObject({
      status: 'anchored',
      textVersion: 4,
      start,
      end: start + ASKED.length,
      exact: ASKED,
      originalExact: COMMENT,
      noteText: 'Ask the Pentagon too.',
      tags: [{ id: tag.id, name: 'Denials' }],
    });

    await env.reopen();
    expect((await value('annotations.listHighlights', { articleId: article.id }))[0]).toMatchObject({ status: 'anchored', exact: ASKED, originalExact: COMMENT });
  });

  it('re-anchors a deleted highlight too, so Undo brings it back on the new text', async () => {
    const article = await openArticle();
    const dock = await mark(article, DOCK);
    await value('annotations.deleteHighlight', { id: dock.id });
    await value('reader.correctText', { articleId: article.id, baseVersion: 1, content: edited(article, (t) => t, [paragraph('A new first paragraph.')]) });
    const back = await value('annotations.restoreHighlight', { id: dock.id });
    const text = (await value('reader.getArticle', { id: article.id })).text;
    expect(back.status).toBe('moved');
    expect(text.slice(back.start, back.end)).toBe(DOCK);
  });

  it('refuses a correction made on an older version, an unchanged text and an empty one, naming the article; nothing is written', async () => {
    const article = await openArticle();
    const changed = edited(article, (t) => t.replace('Monday', 'Tuesday'));
    await value('reader.correctText', { articleId: article.id, baseVersion: 1, content: changed });

    const stale = await call('reader.correctText', { articleId: article.id, baseVersion: 1, content: edited(article, (t) => t.replace('Friday', 'Thursday')) });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!stale.ok && stale.error.message).toMatch(/“CIA carries out first drone strike.*” was corrected again \(version 2\).*version 1/);

    const same = await call('reader.correctText', { articleId: article.id, baseVersion: 2, content: changed });
    expect(!same.ok && same.error.message).toMatch(/same as version 2; there is nothing to save/);

    const empty = await call('reader.correctText', { articleId: article.id, baseVersion: 2, content: { type: 'doc', content: [paragraph('  ')] } });
    expect(!empty.ok && empty.error.message).toMatch(/corrected text is empty/);

    const foreign = await call('reader.correctText', {
      articleId: article.id,
      baseVersion: 2,
      content: { type: 'doc', content: [{ type: 'codeBlock', content: [] }] } as unknown as ContentDoc,
    });
    expect(foreign.ok).toBe(false);

    const versions = await env.project.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM article_texts WHERE article_id = ?', [article.id]);
    expect(versions!.n).toBe(2);
  });

  it('refuses to re-attach outside the text or to spaces only', async () => {
    const article = await openArticle();
    const dock = await mark(article, DOCK);
    const outside = await call('annotations.reattachHighlight', { id: dock.id, start: 10, end: article.text.length + 5 });
    expect(!outside.ok && outside.error.message).toMatch(/not inside the article's text/);
    const gap = article.text.indexOf('\n\n');
    const spaces = await call('annotations.reattachHighlight', { id: dock.id, start: gap, end: gap + 2 });
    expect(!spaces.ok && spaces.error.message).toMatch(/only spaces/);
    expect((await value('annotations.listHighlights', { articleId: article.id }))[0]).toMatchObject({ start: dock.start, status: 'anchored' });
  });
});
