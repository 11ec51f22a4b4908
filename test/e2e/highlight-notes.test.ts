// A highlight's note, tags, colour and undoable deletion in a real Chromium
// through browser mode. The highlights are made through the HTTP contract
// (the research-loop test makes them by dragging); everything after that is
// done in the reader's highlight panel as a researcher does it.
import { afterAll, describe, expect, it } from 'vitest';
import { dragSelect } from '../support/article-selection';
import { type BrowserSession, openBrowserSession, SHOTS_DIR } from '../support/browser-session';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('notes, tags and undo in the highlight panel', () => {
  let session: BrowserSession | undefined;

  afterAll(async () => {
    await session?.close();
  });

  it('writes a formatted note, tags two highlights, recolours one, deletes and undoes', { timeout: 120_000 }, async () => {
    session = await openBrowserSession('notes');
    const { page, server, pageErrors, api } = session;
    await api('library.importSamples', {});
    const articles = await api('library.list', {});
    const article = articles.find((a) => a.title.startsWith('Latest: Maduro'))!;
    const { text } = await api('reader.getArticle', { id: article.id });
    // Two overlapping highlights, the second across a paragraph break.
    const first = 'two boats alleged to be carrying drugs were struck';
    const start = text.indexOf(first);
    const paragraphEnd = text.indexOf('\n\n', start);
    await api('annotations.createHighlight', { articleId: article.id, start, end: start + first.length });
    await api('annotations.createHighlight', { articleId: article.id, start: start + 4, end: paragraphEnd + 12 });

    await page.goto(`${server.url}#/article/${article.id}`);
    const cards = page.locator('[data-highlight-card]');
    await expect.poll(() => cards.count()).toBe(2);
    const card = cards.first();

    // A note with bold text, saved with Ctrl+Enter.
    await card.getByRole('button', { name: 'Add note' }).click();
    const note = card.getByRole('textbox', { name: 'Note' });
    await note.click();
    await page.keyboard.type('Compare with the ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('Pentagon statement');
    await page.keyboard.press('Control+b');
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => squash(await card.locator('.note-view').innerText())).toBe('Compare with the Pentagon statement');
    expect(await card.locator('.note-view strong').innerText()).toBe('Pentagon statement');

    // Tags: a new one on the first highlight, then the same one chosen on the second.
    await card.getByLabel('Add a tag').fill('boat strikes');
    await card.getByLabel('Add a tag').press('Enter');
    await expect.poll(() => card.locator('.tag-chip').evaluateAll((chips) => chips.map((c) => c.firstChild?.textContent ?? ''))).toEqual(['boat strikes']);
    const second = cards.nth(1);
    await second.getByLabel('Add a tag').fill('Boat Strikes');
    await second.getByLabel('Add a tag').press('Enter');
    await expect.poll(() => second.locator('.tag-chip').evaluateAll((chips) => chips.map((c) => c.firstChild?.textContent ?? ''))).toEqual(['boat strikes']);
    const tags = await api('tags.list', {});
    expect(tags).toEqual([expect.objectContaining({ name: 'boat strikes', highlightCount: 2 })]);

    await second.getByRole('button', { name: 'Colour green' }).click();
    await expect.poll(() => second.getByRole('button', { name: 'Colour green' }).getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: `${SHOTS_DIR}/highlight-notes-tags.png`, fullPage: true });

    // A third highlight in blue, made with its number key on a mouse selection.
    const third = 'Maduro';
    await dragSelect(page, third);
    await expect.poll(() => page.getByRole('group', { name: 'Highlight in a colour' }).isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS_DIR}/highlight-colour-bubble.png` });
    await page.keyboard.press('3');
    await expect.poll(() => cards.count()).toBe(3);
    const blue = (await api('annotations.listHighlights', { articleId: article.id })).find((h) => h.exact === third)!;
    expect(blue.color).toBe('blue');
    await page.locator(`[data-highlight-card="${blue.id}"]`).getByRole('button', { name: 'Delete this highlight' }).click();
    await expect.poll(() => cards.count()).toBe(2);

    // Delete, then Undo: it comes back with its note and tag.
    await card.getByRole('button', { name: 'Delete this highlight' }).click();
    await expect.poll(() => cards.count()).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cards.count()).toBe(2);
    const restored = cards.first();
    expect(squash(await restored.locator('.note-view').innerText())).toBe('Compare with the Pentagon statement');
    expect(await restored.locator('.tag-chip').evaluateAll((chips) => chips.map((c) => c.firstChild?.textContent ?? ''))).toEqual(['boat strikes']);

    // The Tags view: rename the tag for both highlights, and list them across the project.
    await page.getByRole('link', { name: /^Tags/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Tags' }).waitFor();
    const name = page.getByLabel('Name of tag “boat strikes”');
    await name.fill('Maritime strikes');
    await name.press('Enter');
    await expect.poll(() => api('tags.list', {}).then((t) => t.map((x) => x.name))).toEqual(['Maritime strikes']);
    await page.getByRole('button', { name: 'Show the highlights tagged “Maritime strikes”' }).click();
    const listed = page.getByRole('region', { name: 'Highlights tagged “Maritime strikes”' });
    await expect.poll(() => listed.locator('li').count()).toBe(2);
    expect(squash(await listed.innerText())).toContain('Latest: Maduro says Venezuela open to US talks on drug trafficking');
    await page.screenshot({ path: `${SHOTS_DIR}/tags-view.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
