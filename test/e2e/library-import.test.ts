// Bulk import as a researcher meets it in the library, in a real Chromium
// through browser mode: files of several formats dropped on the window, the
// report naming near-copies and failures, and stories joined and separated
// by hand. Screenshots in ANNALIST_SHOTS_DIR (default /tmp/annalist-shots).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowserSession, SHOTS_DIR } from '../support/browser-session';
import { REPO_ROOT, SEEDS_DIR } from '../support/temp-project';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Drops files on the library the way a window receives them from the desktop: one DataTransfer with File objects. */
async function dropFiles(page: Page, files: { name: string; bytes: Buffer }[]) {
  const payload = files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') }));
  const transfer = await page.evaluateHandle(`((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name));
    }
    return dt;
  })(${JSON.stringify(payload)})`);
  const view = page.locator('.library-view');
  await view.dispatchEvent('dragenter', { dataTransfer: transfer });
  await view.dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('.drop-overlay').waitFor();
  await page.screenshot({ path: join(SHOTS_DIR, 'library-drop-target.png') });
  await view.dispatchEvent('drop', { dataTransfer: transfer });
}

describe('bulk import in the library', () => {
  let session: BrowserSession | undefined;

  afterAll(async () => {
    await session?.close();
  });

  it('imports dropped files of several formats, names near-copies and failures, and lets stories be joined and separated', { timeout: 180_000 }, async () => {
    session = await openBrowserSession('library');
    const { page, server, pageErrors } = session;
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Library', exact: true }).waitFor();

    const read = (path: string) => ({ name: basename(path), bytes: readFileSync(path) });
    const seeds = readdirSync(SEEDS_DIR).filter((n) => n.endsWith('.txt')).sort().map((n) => read(join(SEEDS_DIR, n)));
    await dropFiles(page, [
      ...seeds,
      read(join(FIXTURES, 'near-copies', '003-syndicated.txt')),
      read(join(FIXTURES, 'docx', 'news-article.docx')),
      read(join(FIXTURES, 'eml', 'short-note.eml')),
      { name: 'budget.xlsx', bytes: Buffer.from('PK not a spreadsheet') },
    ]);

    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 60_000 });
    const text = squash(await report.innerText());
    expect(text).toContain('8 articles imported (2 of them near-copies of stories already here)');
    expect(text).toContain('1 failed');
    // The syndicated copy (its page chrome left out of its title), and the Word file made from seed 000's text.
    expect(text).toContain('003-syndicated.txt near-copy of “Latest: Maduro says Venezuela open to US talks on drug trafficking” Maduro says Venezuela is open to talks');
    expect(text).toContain('news-article.docx near-copy of “Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues”');
    expect(text).toMatch(/budget\.xlsx.*failed: Could not import budget\.xlsx: \.xlsx files are not supported; Annalist imports \.txt, .*\.zip files\./);
    await page.screenshot({ path: join(SHOTS_DIR, 'library-drop-report.png'), fullPage: true });

    // The near-copy and its original carry the same-story badge.
    const row = (title: string) => page.locator('.article-row', { has: page.getByRole('link', { name: title, exact: true }) });
    const original = row('Latest: Maduro says Venezuela open to US talks on drug trafficking');
    await expect.poll(() => original.locator('.badge').allInnerTexts()).toContain('same story as 1 other');

    // Separate the syndicated copy: each is a story of its own again.
    await report.getByRole('button', { name: 'Close the import report' }).click();
    const copies = page.locator('.article-row', { hasText: 'same story as 1 other' });
    await expect.poll(() => copies.count()).toBe(4);
    await page.getByRole('checkbox', { name: 'Select all articles' }).check();
    await page.getByRole('button', { name: 'Separate stories' }).click();
    await expect.poll(() => copies.count()).toBe(0);

    // Join two articles by hand: both show the badge.
    await page.getByRole('checkbox', { name: 'Select all articles' }).uncheck();
    await row('US Conducts Military Action Against Venezuelan Drug Vessel').getByRole('checkbox').check();
    await row('CIA carries out first drone strike on Venezuelan soil targeting drug gangs').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Same story' }).click();
    await expect.poll(() => copies.count()).toBe(2);
    await page.screenshot({ path: join(SHOTS_DIR, 'library-joined-story.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
  });
});
