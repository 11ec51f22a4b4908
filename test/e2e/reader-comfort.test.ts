// The reader as a researcher uses it for hours, in a real Chromium: find in
// the article (Ctrl+F, accents ignored, next and previous), text size and
// theme that survive a reload, the reading place restored, details with the
// file's SHA-256, and a 200 KB article that stays quick. Browser mode
// (`annalist serve`) against a real project file; screenshots in SHOTS_DIR.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER, type RunningServer } from '../../electron/server/http-server';
import type { Input, Method, Output } from '../../shared/api/contract';
import { type BrowserSession, CHROMIUM, NO_CHROMIUM, openBrowserSession, SHOTS_DIR } from '../support/browser-session';

const ARTICLE_TITLE = 'Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues';

/** How find reads text: lower case, accents off. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const count = (text: string, word: string) => fold(text).split(word).length - 1;

describe('reading in a real browser', () => {
  let dir: string;
  let server: RunningServer;
  let page: Page;
  let pageErrors: string[] = [];
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    if (!CHROMIUM) return;
    session = await openBrowserSession('reader', { viewport: { width: 1280, height: 760 } });
    ({ dir, server, page, pageErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS_DIR, `reader-${name}.png`) });

  /** A contract call over the server's HTTP transport, as the page makes it. */
  async function api<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const res = await fetch(new URL(`/api/${method}`, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      body: JSON.stringify(input),
    });
    const result = (await res.json()) as { ok: true; value: Output<M> } | { ok: false; error: { message: string } };
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  }

  const findCount = () => page.getByTestId('find-count').innerText();
  const scroller = () => page.locator('.reader-main');
  const scrollTop = () => scroller().evaluate((el) => el.scrollTop);
  const articleFontSize = () => page.locator('.article-body').evaluate((el) => getComputedStyle(el).fontSize);
  const theme = () => page.evaluate('document.documentElement.dataset.theme');

  it('finds, keeps size, theme and place across reloads, and shows provenance', { timeout: 120_000 }, async () => {
    if (!CHROMIUM) throw new Error(NO_CHROMIUM);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Start with the sample project' }).click();
    await expect.poll(() => page.locator('.article-table tbody tr').count(), { timeout: 20_000 }).toBe(5);
    const listed = (await api('library.list', {})).find((a) => a.title === ARTICLE_TITLE);
    expect(listed).toBeDefined();
    const article = await api('reader.getArticle', { id: listed!.id });

    await page.getByRole('link', { name: ARTICLE_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: ARTICLE_TITLE }).waitFor();
    expect(await theme()).toBe('light');
    expect(await articleFontSize()).toBe('18px');
    await shot('light');

    // Ctrl+F opens the reader's find bar, focused; accents are ignored.
    await page.keyboard.press('Control+f');
    const input = page.getByRole('searchbox', { name: 'Find in article' });
    await input.waitFor();
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    const nicolas = count(article.text, 'nicolas');
    expect(nicolas).toBeGreaterThan(0);
    expect(article.text).toContain('Nicolás');
    await input.fill('NICOLAS');
    await expect.poll(findCount).toBe(`1 of ${nicolas}`);
    expect(await page.locator('.ProseMirror mark.find-current').innerText()).toBe('Nicolás');

    const maduro = count(article.text, 'maduro');
    expect(maduro).toBeGreaterThanOrEqual(3);
    await input.fill('maduro');
    await expect.poll(findCount).toBe(`1 of ${maduro}`);
    await expect.poll(() => page.locator('.ProseMirror mark.find-match').count()).toBe(maduro);
    await input.press('Enter');
    await expect.poll(findCount).toBe(`2 of ${maduro}`);
    await input.press('Enter');
    await expect.poll(findCount).toBe(`3 of ${maduro}`);
    await input.press('Shift+Enter');
    await expect.poll(findCount).toBe(`2 of ${maduro}`);
    await page.getByRole('button', { name: 'Previous match' }).click();
    await page.getByRole('button', { name: 'Previous match' }).click();
    await expect.poll(findCount).toBe(`${maduro} of ${maduro}`);
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect.poll(findCount).toBe(`1 of ${maduro}`);
    expect(fold(await page.locator('.ProseMirror mark.find-current').innerText())).toBe('maduro');
    // The matches are decorations: the article's text is unchanged.
    expect((await page.locator('.ProseMirror').innerText()).replace(/\s+/g, ' ')).toContain('Nicolás Maduro');
    await input.fill('zzzzqx');
    await expect.poll(findCount).toBe('No matches');
    await input.fill('maduro');
    await expect.poll(findCount).toBe(`1 of ${maduro}`);
    await shot('find');
    await input.press('Escape');
    await input.waitFor({ state: 'detached' });
    expect(await page.locator('.ProseMirror mark.find-match').count()).toBe(0);

    // Text size: buttons and Ctrl+= / Ctrl+-, within bounds.
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.keyboard.press('Control+Equal');
    await page.keyboard.press('Control+Minus');
    expect(await page.getByTestId('text-size').innerText()).toBe('20px');
    expect(await articleFontSize()).toBe('20px');

    // Theme from the app shell.
    await page.getByRole('radio', { name: 'Dark' }).click();
    expect(await theme()).toBe('dark');

    // Scroll into the article; the place is saved a moment after scrolling stops.
    await scroller().evaluate((el) => el.scrollBy(0, 700));
    const key = `annalist.reader.position.${article.id}`;
    await expect.poll(() => page.evaluate(`JSON.parse(localStorage.getItem(${JSON.stringify(key)}) || 'null')?.offset ?? 0`)).toBeGreaterThan(0);
    const before = await scrollTop();
    expect(before).toBeGreaterThan(600);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: ARTICLE_TITLE }).waitFor();
    expect(await theme()).toBe('dark');
    expect(await page.getByRole('radio', { name: 'Dark' }).getAttribute('aria-checked')).toBe('true');
    expect(await page.getByTestId('text-size').innerText()).toBe('20px');
    expect(await articleFontSize()).toBe('20px');
    // Back at the same line (within one line's height).
    await expect.poll(async () => Math.abs((await scrollTop()) - before)).toBeLessThan(34);
    await shot('dark');

    // Details: metadata with sources, and the SHA-256 the library lists.
    await page.getByRole('button', { name: 'Details' }).click();
    const details = page.getByTestId('article-details');
    await details.waitFor();
    await scroller().evaluate((el) => el.scrollTo(0, 0));
    expect(await details.getByTestId('details-sha256').innerText()).toBe(listed!.sha256);
    expect(await details.getByTestId('details-source-path').innerText()).toBe(listed!.sourcePath);
    expect(await details.innerText()).toContain(`${listed!.wordCount} words`);
    await shot('details-dark');
    await page.getByRole('radio', { name: 'Light' }).click();
    expect(await theme()).toBe('light');
    await shot('details-light');
    expect(pageErrors).toEqual([]);
  });

  it('shows every view in dark', { timeout: 60_000 }, async () => {
    if (!CHROMIUM) throw new Error(NO_CHROMIUM);
    // Evidence to show: a highlight, a claim and a dated event.
    const listed = (await api('library.list', {})).find((a) => a.title === ARTICLE_TITLE)!;
    const article = await api('reader.getArticle', { id: listed.id });
    const start = article.text.indexOf('Nicolás Maduro');
    const highlight = await api('annotations.createHighlight', { articleId: listed.id, start, end: start + 60, color: 'yellow' });
    const claim = await api('claims.create', { highlightId: highlight.id, statement: 'Maduro offered talks with the US' });
    const chronology = await api('chronology.create', { name: 'Caribbean strikes' });
    await api('events.create', { chronologyId: chronology.id, title: 'Maduro offers dialogue', date: '2026-01-01', description: '', claimIds: [claim.id] });

    await page.getByRole('radio', { name: 'Dark' }).click();
    await page.goto(new URL('/#/library', server.url).toString());
    await page.getByRole('heading', { level: 1, name: 'Library', exact: true }).waitFor();
    expect(await theme()).toBe('dark');
    await expect.poll(() => page.locator('.article-table tbody tr').count()).toBe(5);
    await page.locator('.article-table tbody tr').nth(1).hover();
    await shot('dark-library');

    await page.getByRole('link', { name: ARTICLE_TITLE }).click();
    await page.locator('.highlight-card').waitFor();
    await page.keyboard.press('Control+f');
    await page.getByRole('searchbox', { name: 'Find in article' }).fill('maduro');
    await expect.poll(findCount).toMatch(/^\d+ of \d+$/);
    await shot('dark-find');
    await page.keyboard.press('Escape');
    await page.locator('.highlight-card q').click();
    await page.mouse.move(5, 5);
    await shot('dark-highlight');

    await page.getByRole('link', { name: /^Chronology/ }).click();
    const event = page.getByTestId('chronology-event');
    await event.waitFor();
    await event.getByRole('button', { name: /passage of evidence/ }).click();
    await event.locator('.evidence').waitFor();
    await shot('dark-chronology');

    await page.goto(new URL('/#/review', server.url).toString());
    await page.getByRole('heading', { level: 1, name: 'Review metadata' }).waitFor();
    await expect.poll(() => page.getByTestId('review-grid').locator('.review-row').count()).toBe(5);
    await page.getByTestId('review-grid').locator('.review-row').nth(1).locator('.review-col-outlet').click();
    await shot('dark-review');
    expect(pageErrors).toEqual([]);
  });

  it('finds across a 200 KB article, drawing only the matches near the current one', { timeout: 120_000 }, async () => {
    if (!CHROMIUM) throw new Error(NO_CHROMIUM);
    const paragraph = (i: number) =>
      `Paragraph ${i}. The coast guard said the vessel near Carúpano was stopped at night; officials in Caracas disputed the account and the fishermen's families asked for the names. `.repeat(3);
    const body = Array.from({ length: 400 }, (_, i) => paragraph(i)).join('\n\n');
    const path = join(dir, 'long-dispatch.txt');
    writeFileSync(path, `A long dispatch from the coast\n\n${body}\n`);
    expect(body.length).toBeGreaterThan(200_000);
    await page.goto(new URL('/#/library', server.url).toString());
    await page.getByRole('heading', { level: 1, name: 'Library', exact: true }).waitFor();
    await page.locator('input[type=file]').setInputFiles([path]);
    await page.getByTestId('import-report').waitFor();

    await page.getByRole('link', { name: 'A long dispatch from the coast' }).click();
    await page.locator('.ProseMirror', { hasText: 'Paragraph 399.' }).waitFor();

    await page.keyboard.press('Control+f');
    const input = page.getByRole('searchbox', { name: 'Find in article' });
    await input.fill('carupano');
    await expect.poll(findCount, { interval: 20 }).toBe('1 of 1,200');
    for (let i = 0; i < 10; i++) await input.press('Enter');
    await expect.poll(findCount, { interval: 20 }).toBe('11 of 1,200');
    // A one-letter query finds tens of thousands; only those near the current one are decorated.
    await input.fill('a');
    await expect.poll(findCount, { interval: 20 }).toMatch(/^[\d,]+ of 24,000$/);
    expect(await page.locator('.ProseMirror mark.find-match').count()).toBeLessThanOrEqual(3001);
    await shot('long-find');
    expect(pageErrors).toEqual([]);
  });
});
