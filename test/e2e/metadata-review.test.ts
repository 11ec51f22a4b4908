// The metadata review table in a real Chromium, as a researcher uses it after
// a bulk import: open it from the import report, correct an outlet from the
// keyboard, fill it down, save, and find the correction in the library after
// a reload. Then the same table over 1,500 articles. Browser mode (`annalist
// serve`) against a real project file; screenshots in /tmp/review-*.png.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../electron/server/http-server';
import { type BrowserSession, CHROMIUM, openBrowserSession, SHOTS_DIR } from '../support/browser-session';
import { SEEDS_DIR } from '../support/temp-project';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('metadata review in a real browser', () => {
  let dir: string;
  let server: RunningServer;
  let page: Page;
  let pageErrors: string[] = [];

  let session: BrowserSession | undefined;

  beforeAll(async () => {
    if (!CHROMIUM) return;
    session = await openBrowserSession('review', { viewport: { width: 1440, height: 900 } });
    ({ dir, server, page, pageErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  const shot = (name: string) => page.screenshot({ path: join(SHOTS_DIR, `review-${name}.png`) });
  const grid = () => page.getByTestId('review-grid');
  /** The text of one column's cells (value line only), in row order. */
  const column = (field: string) => grid().locator(`.review-row .review-col-${field} .review-value, .review-row .review-col-${field} input`).allInnerTexts();
  const cell = (row: number, field: string) => grid().locator(`.review-row`).nth(row).locator(`.review-col-${field}`);

  it('corrects outlets from the keyboard, fills down, saves, and the library keeps it', { timeout: 120_000 }, async () => {
    if (!CHROMIUM) throw new Error('The end-to-end test needs Chromium on PATH (apt-get install -y chromium), or ANNALIST_CHROMIUM.');
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Library', exact: true }).waitFor();

    const seeds = readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort().map((n) => join(SEEDS_DIR, n));
    await page.locator('input[type=file]').setInputFiles(seeds);
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(squash(await report.innerText())).toContain('5 articles imported');

    // The import report offers the review of exactly what it imported.
    await report.getByRole('button', { name: 'Review metadata' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review metadata' }).waitFor();
    await expect.poll(() => grid().locator('.review-row').count()).toBe(5);
    expect(await grid().getByRole('columnheader').allInnerTexts()).toEqual(['#', 'Title', 'Outlet', 'Author', 'Published', 'Language', 'Section', 'Tags', 'URL']);
    // Each value says where it came from; titles made from the text are flagged.
    expect(squash(await cell(2, 'title').innerText())).toContain('first line');
    expect(squash(await cell(2, 'section').innerText())).toBe('USA first line');
    await shot('1-opened');

    // Keyboard only: into the grid, right to Outlet, Enter edits, Enter keeps it and moves down.
    await cell(0, 'title').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const input = grid().locator('input.review-input');
    await input.waitFor();
    await input.fill('Reuters');
    await shot('2-editing');
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'detached' });
    expect(await cell(1, 'outlet').getAttribute('class')).toContain('is-active');

    // Escape cancels an edit.
    await page.keyboard.press('F2');
    await input.fill('Wrong outlet');
    await page.keyboard.press('Escape');
    expect((await column('outlet'))[1]).not.toBe('Wrong outlet');

    // Up to the corrected cell, Shift+Down twice selects three cells, Ctrl+D fills down.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await grid().locator('.review-col-outlet.is-selected').count()).toBe(3);
    await page.keyboard.press('Control+d');
    expect((await column('outlet')).slice(0, 3)).toEqual(['Reuters', 'Reuters', 'Reuters']);
    expect(squash(await page.getByTestId('pending-count').innerText())).toBe('· 3 unsaved corrections in 3 articles');
    await shot('3-filled-down');

    // A date the back end would refuse is caught before anything is sent; Delete takes the edit back.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('31/12/2025');
    await page.keyboard.press('Enter');
    expect(await grid().locator('.review-cell.is-invalid').count()).toBe(1);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^Nothing was saved: the published date of “.+” needs fixing first\. “31\/12\/2025” is not a date Annalist understands/);
    await shot('4-refused');
    await page.keyboard.press('Delete');
    expect(await grid().locator('.review-cell.is-invalid').count()).toBe(0);

    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved 3 corrections to 3 articles.').waitFor();
    await expect.poll(async () => squash(await cell(0, 'outlet').innerText())).toBe('Reuters edited');
    await shot('5-saved');

    // The library shows the new outlet, and so does a fresh load of the page.
    await page.getByRole('link', { name: 'Library', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Library', exact: true }).waitFor();
    const outlets = page.locator('.article-table td.col-outlet', { hasText: 'Reuters' });
    await expect.poll(() => outlets.count(), { timeout: 10_000 }).toBe(3);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Library', exact: true }).waitFor();
    await expect.poll(() => outlets.count(), { timeout: 10_000 }).toBe(3);
    await shot('6-library');

    // From the library, a selection opens the review of just those articles.
    const rows = page.locator('.article-table tbody tr');
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Review metadata of 2 articles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review metadata' }).waitFor();
    await expect.poll(() => grid().locator('.review-row').count()).toBe(2);
    expect(squash(await page.locator('.view-sub').innerText())).toContain('2 articles');
    expect(await grid().getByText('edited', { exact: true }).count()).toBeGreaterThan(0);
    await shot('8-selection');
    expect(pageErrors).toEqual([]);
  });

  it('works over 1,500 articles: draws only the rows in view, fills all down and saves them in one go', { timeout: 180_000 }, async () => {
    if (!CHROMIUM) throw new Error('The end-to-end test needs Chromium on PATH.');
    await page.getByRole('link', { name: /^Library/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Library', exact: true }).waitFor();
    const many = join(dir, 'many');
    mkdirSync(many);
    const paths: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const path = join(many, `dispatch-${String(i).padStart(4, '0')}.txt`);
      writeFileSync(path, `Dispatch ${i} from the coast\n\nReport ${i}: ${'Boats were seen off the coast at night, witnesses said. '.repeat(6)}\n`);
      paths.push(path);
    }
    await page.locator('input[type=file]').setInputFiles(paths);
    const report = page.getByTestId('import-report');
    await report.getByText('1,500 articles imported').waitFor({ timeout: 120_000 });
    await report.getByRole('button', { name: 'Review metadata' }).click();
    await expect.poll(() => grid().locator('.review-row').count()).toBeGreaterThan(5);
    // Only the rows in view are in the page.
    expect(await grid().locator('.review-row').count()).toBeLessThan(60);
    expect(squash(await page.locator('.view-sub').innerText())).toContain('1,500 articles');

    // Keys answer at once: the last row is one keystroke away, and fill-down over all of them is one more.
    await cell(0, 'outlet').click();
    await page.keyboard.type('Coastal Wire');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Control+Shift+End');
    await page.keyboard.press('Control+d');
    await grid().locator('.review-row[data-article-id]').last().waitFor();
    expect(squash(await page.getByTestId('pending-count').innerText())).toBe('· 1,500 unsaved corrections in 1,500 articles');
    const lastRow = grid().locator('.review-row', { has: page.locator('.review-rownum', { hasText: /^1500$/ }) });
    await lastRow.waitFor();
    expect(squash(await lastRow.locator('.review-col-outlet .review-value').innerText())).toBe('Coastal Wire');
    await shot('7-many');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved 1,500 corrections to 1,500 articles.').waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
  });
});
