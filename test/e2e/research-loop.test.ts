// The whole research loop in a real Chromium, as a researcher does it: import
// files, open an article, drag-select a passage, highlight it, make it a
// claim, put the claim in a chronology event, open the chronology and export
// it to PDF. Browser mode (`annalist serve`) against a real project file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../electron/server/http-server';
import { type BrowserSession, CHROMIUM, NO_CHROMIUM, onPath, openBrowserSession, SHOTS_DIR } from '../support/browser-session';
import { dragSelect } from '../support/article-selection';
import { SEEDS_DIR } from '../support/temp-project';

const ARTICLE_TITLE = 'Latest: Maduro says Venezuela open to US talks on drug trafficking';
const PASSAGE = 'two boats alleged to be carrying drugs were struck, killing five people on board';
const CLAIM = 'The US military said five people were killed on Wednesday';
const EVENT_TITLE = 'US strike kills five on two boats';
const PDFTOTEXT = onPath(['pdftotext']);

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('research loop in a real browser', () => {
  let dir: string;
  let server: RunningServer;
  let page: Page;
  let pageErrors: string[] = [];
  let session: BrowserSession | undefined;

  /** Fails (never skips) when the machine lacks the tools this test needs. */
  function requireTools() {
    if (!CHROMIUM) throw new Error(NO_CHROMIUM);
    if (!PDFTOTEXT) {
      throw new Error('The end-to-end test needs pdftotext to read the exported PDF. Install it with `apt-get install -y poppler-utils`.');
    }
  }

  beforeAll(async () => {
    // Without the tools there is nothing to set up; the test itself then fails with the reason.
    if (!CHROMIUM || !PDFTOTEXT) return;
    session = await openBrowserSession('e2e', { acceptDownloads: true });
    ({ dir, server, page, pageErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  async function shot(name: string) {
    await page.screenshot({ path: join(SHOTS_DIR, name) });
  }

  it('goes from article files to a sourced chronology in PDF', { timeout: 180_000 }, async () => {
    requireTools();
    // Open the printed URL: the token is taken out of the address bar.
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Library', exact: true }).waitFor();
    expect(page.url()).not.toContain('token=');

    // An empty project offers the samples and the import button.
    await page.getByRole('button', { name: 'Start with the sample project' }).waitFor();
    await shot('library-empty.png');

    // Import the five seed files through the file input.
    const seeds = readdirSync(SEEDS_DIR)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => join(SEEDS_DIR, name));
    expect(seeds).toHaveLength(5);
    await page.locator('input[type=file]').setInputFiles(seeds);
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(squash(await report.innerText())).toContain('5 articles imported');
    const rows = page.locator('.article-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(5);
    await expect.poll(() => page.locator('.nav-link').first().innerText()).toMatch(/Library\s*5/);
    await shot('library.png');

    // Open article 003 in the reader.
    await page.getByRole('link', { name: ARTICLE_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: ARTICLE_TITLE }).waitFor();
    await page.locator('.ProseMirror', { hasText: PASSAGE }).waitFor();

    // Select the passage with a real mouse drag, then highlight it.
    await dragSelect(page, PASSAGE);
    expect(await page.evaluate('window.getSelection().toString()')).toBe(PASSAGE);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    const card = page.locator('.highlight-card');
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    expect(squash(await card.locator('q').innerText())).toBe(PASSAGE);
    // The highlight is a decoration over the unchanged article text.
    const decorated = await page.evaluate(
      `[...document.querySelectorAll('.ProseMirror [data-highlight-id]')].map((el) => el.textContent).join('')`,
    );
    expect(decorated).toBe(PASSAGE);
    await page.mouse.move(5, 5);
    await shot('reader-highlight.png');

    // Make the passage a claim (the form submits on Enter).
    await card.getByRole('button', { name: 'Make claim' }).click();
    await card.getByLabel('Claim statement').fill(CLAIM);
    await card.getByLabel('Claim statement').press('Enter');
    const claimCard = card.locator('.claim-card', { hasText: CLAIM });
    await claimCard.waitFor();

    // Put the claim into a new event of a new chronology. A date the back end
    // cannot read shows its sentence; a valid one reads back in words.
    await claimCard.getByRole('button', { name: 'Add to chronology event' }).click();
    const form = claimCard.getByRole('form', { name: 'Add to chronology event' });
    expect(await form.getByLabel('New chronology').inputValue()).toBe('Chronology');
    await form.getByLabel('Event title').fill(EVENT_TITLE);
    await form.getByLabel('Date', { exact: true }).fill('31/12/2025');
    await form.getByRole('button', { name: 'Add event' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').innerText()).toContain('is not a date Annalist understands');
    await form.getByLabel('Date', { exact: true }).fill('2025-12-31');
    expect(squash(await form.locator('.date-reads').innerText())).toBe('Reads as 31 December 2025');
    await form.getByLabel(/^Description/).fill('The latest of more than 30 US strikes on vessels since 2 September.');
    await form.getByLabel('Event title').press('Enter');
    await claimCard.locator('.claim-events', { hasText: EVENT_TITLE }).waitFor();
    expect(squash(await claimCard.locator('.claim-events').innerText())).toContain('31 December 2025');
    await shot('reader-claim-event.png');

    // The chronology shows the event with its one piece of evidence.
    await page.getByRole('link', { name: /^Chronology/ }).click();
    const event = page.getByTestId('chronology-event');
    await expect.poll(() => event.count(), { timeout: 10_000 }).toBe(1);
    expect(await event.locator('.event-title').innerText()).toBe(EVENT_TITLE);
    expect(await event.locator('.event-date-label').innerText()).toBe('31 December 2025');
    expect(await event.locator('.event-edtf').innerText()).toBe('2025-12-31');
    expect(await event.getByTestId('evidence-count').innerText()).toBe('1 passage of evidence');
    await event.getByRole('button', { name: /passage of evidence/ }).click();
    const evidence = event.locator('.evidence');
    await evidence.waitFor();
    expect(squash(await evidence.locator('.evidence-quote').innerText())).toContain(PASSAGE);
    expect(squash(await evidence.innerText())).toContain(CLAIM);
    expect(squash(await evidence.innerText())).toContain(ARTICLE_TITLE);
    await shot('chronology.png');

    // Export to PDF: a real download, read back with pdftotext.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Export PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdfPath = join(dir, download.suggestedFilename());
    await download.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = squash(execFileSync(PDFTOTEXT!, [pdfPath, '-'], { encoding: 'utf8' }));
    expect(text).toContain(EVENT_TITLE);
    expect(text).toContain('31 December 2025');
    expect(text).toContain(PASSAGE);
    await page.getByText(`Saved ${download.suggestedFilename()}`).waitFor();
    await shot('chronology-exported.png');

    expect(pageErrors).toEqual([]);
  });
  it('shows import progress and can cancel, keeping the files already sent', { timeout: 180_000 }, async () => {
    requireTools();
    const many = join(dir, 'many');
    mkdirSync(many);
    const count = 3000;
    const paths: string[] = [];
    for (let i = 0; i < count; i++) {
      const path = join(many, `dispatch-${String(i).padStart(4, '0')}.txt`);
      writeFileSync(path, `Dispatch ${i} from the coast\n\nReport ${i}: ${'Boats were seen off the coast at night, witnesses said. '.repeat(12)}\n`);
      paths.push(path);
    }
    await page.getByRole('link', { name: /Library/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Library', exact: true }).waitFor();
    // The five seeds from the first test are in the project; wait for the list to show them.
    await expect.poll(() => page.locator('.article-table tbody tr').count(), { timeout: 10_000 }).toBe(5);
    const before = 5;

    await page.locator('input[type=file]').setInputFiles(paths);
    const progress = page.getByRole('status', { name: 'Import progress' });
    await progress.waitFor();
    expect(squash(await progress.innerText())).toMatch(/Importing \d+ of 3000 dispatch-\d{4}\.txt/);
    await shot('import-progress.png');
    await progress.getByRole('button', { name: 'Cancel' }).click();

    const report = page.getByTestId('import-report');
    await report.waitFor();
    await progress.waitFor({ state: 'detached' });
    const cancelled = await report.getByText('the import was cancelled before this file was read', { exact: false }).count();
    const imported = await report.locator('.import-imported').count();
    expect(cancelled).toBeGreaterThan(0);
    expect(imported + cancelled).toBe(count);
    await expect.poll(() => page.locator('.article-table tbody tr').count(), { timeout: 20_000 }).toBe(before + imported);
    expect(pageErrors).toEqual([]);
  });
});
