// Correcting an article's text in a real Chromium through browser mode: the
// edit mode, a new text version, highlights re-anchored with their status
// shown, and an orphaned highlight re-attached by hand by selecting words.
import { afterAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowserSession, SHOTS_DIR } from '../support/browser-session';
import { dragSelect } from '../support/article-selection';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const TITLE = 'CIA carries out first drone strike';
const DOCK = 'the dock area where they load the boats up with drugs';
const COMMENT = 'The Independent has requested comment from White House, CIA, and Department of Defense.';
const NEW_HOME = 'the implementation area';

describe('correcting an article in the reader', () => {
  let session: BrowserSession | undefined;

  afterAll(async () => {
    await session?.close();
  });

  it('saves a correction as a new version, shows how each highlight fared, and re-attaches an orphan by selection', { timeout: 120_000 }, async () => {
    session = await openBrowserSession('correction');
    const { page, server, pageErrors, api } = session;
    await api('library.importSamples', {});
    const article = (await api('library.list', {})).find((a) => a.title.startsWith(TITLE))!;
    const { text } = await api('reader.getArticle', { id: article.id });
    const at = (passage: string) => ({ articleId: article.id, start: text.indexOf(passage), end: text.indexOf(passage) + passage.length });
    const dock = await api('annotations.createHighlight', at(DOCK));
    const comment = await api('annotations.createHighlight', { ...at(COMMENT), color: 'pink' });
    await api('annotations.updateHighlight', { id: comment.id, note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Did they answer?' }] }] } });

    await page.goto(`${server.url}#/article/${article.id}`);
    const cards = page.locator('[data-highlight-card]');
    await expect.poll(() => cards.count()).toBe(2);

    // Edit mode: a paragraph restored at the top, the comment line removed.
    await page.getByRole('button', { name: 'Correct text' }).click();
    const body = page.getByRole('textbox', { name: 'Article text (editing)' });
    await expect.poll(() => body.isVisible()).toBe(true);
    await body.press('Control+Home');
    await page.keyboard.type('Editor’s note: this paragraph was missing from the saved page.');
    await page.keyboard.press('Enter');
    const commentParagraph = body.locator('p', { hasText: COMMENT });
    await commentParagraph.click({ clickCount: 3 });
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect.poll(() => body.locator('p', { hasText: 'requested comment' }).count()).toBe(0);
    await page.getByLabel('What did you correct?').fill('Restored the editor’s note; removed the comment line');
    await page.screenshot({ path: `${SHOTS_DIR}/correction-editing.png` });
    await page.getByRole('button', { name: 'Save correction' }).click();

    const result = page.locator('.correction-result');
    await expect.poll(async () => squash(await result.innerText())).toMatch(/^Saved as text version 2\. Highlights: 1 moved, 1 orphaned\. 1 highlight lost its words/);
    const after = await api('reader.getArticle', { id: article.id });
    expect(after.textVersion).toBe(2);
    expect(after.text.startsWith('Editor’s note: this paragraph was missing from the saved page.\n\n')).toBe(true);
    expect(after.text).not.toContain('requested comment');

    // The moved highlight is drawn on its words; the orphan is listed, not drawn.
    const dockMarks = page.locator(`.ProseMirror [data-highlight-id="${dock.id}"]`);
    await expect.poll(async () => squash((await dockMarks.allInnerTexts()).join(''))).toBe(DOCK);
    await expect.poll(() => page.locator(`[data-highlight-card="${dock.id}"]`).getAttribute('data-status')).toBe('moved');
    const orphan = page.locator(`[data-highlight-card="${comment.id}"]`);
    expect(await orphan.getAttribute('data-status')).toBe('orphaned');
    expect(await page.locator('.orphan-list h3').innerText()).toBe('1 highlight lost its words');
    expect(await page.locator(`.ProseMirror [data-highlight-id="${comment.id}"]`).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS_DIR}/correction-orphan.png` });

    // Re-attach without a selection: told what to do. Then select words and re-attach.
    await orphan.getByRole('button', { name: 'Re-attach to selection' }).click();
    await expect.poll(() => page.locator('.notice-error').first().innerText()).toMatch(/Select the words this highlight belongs to/);
    await dragSelect(page, NEW_HOME);
    await orphan.getByRole('button', { name: 'Re-attach to selection' }).click();
    await expect.poll(() => page.locator(`[data-highlight-card="${comment.id}"]`).getAttribute('data-status')).toBe('anchored');
    await expect.poll(() => page.locator('.orphan-list').count()).toBe(0);
    const commentMarks = page.locator(`.ProseMirror [data-highlight-id="${comment.id}"]`);
    await expect.poll(async () => squash((await commentMarks.allInnerTexts()).join(''))).toBe(NEW_HOME);
    const card = page.locator(`[data-highlight-card="${comment.id}"]`);
    expect(squash(await card.innerText())).toContain(`Re-attached by hand; made on: ${COMMENT}`);
    expect(squash(await card.locator('.note-view').innerText())).toBe('Did they answer?');

    // The details name the version and the correction.
    await page.getByRole('button', { name: 'Details' }).click();
    expect(squash(await page.getByTestId('details-text-version').innerText())).toMatch(/^version 2, corrected by the researcher/);
    expect(squash(await page.locator('.details-versions').innerText())).toMatch(/Version 2, .*: Restored the editor’s note; removed the comment line/);
    await page.locator('.reader-main').evaluate((main) => main.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS_DIR}/correction-reattached.png` });
    expect(pageErrors).toEqual([]);
  });
});
