// Issue 5 end to end, as a researcher on the seeds: a chronology of the
// strikes campaign from 2 September 2025 to 1 January 2026. Two events are
// made entirely from the keyboard in the reader (select, C for a claim,
// accept the suggested date, Ctrl+Enter, E, add the event); the other
// claims take the dates Annalist suggests for their passages (the same
// suggestions the claim form shows) and are put into events through the
// contract. Then, in the page: the source badges, the death-toll chart, a
// filter, and the PDF export read back with pdftotext.
//
// Clustering: 000 ("Maduro Invites US Dialogue…") and 003 (the BBC live page)
// tell one story in different words; the MinHash near-copy test does not
// join them (000 is a rewrite, not a copy), so until the researcher presses
// Same story they count as two independent sources. The test checks both.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleSummary, Claim, Highlight } from '../../shared/api/types';
import { dragSelect } from '../support/article-selection';
import { type BrowserSession, CHROMIUM, NO_CHROMIUM, onPath, openBrowserSession, SHOTS_DIR } from '../support/browser-session';

const PDFTOTEXT = onPath(['pdftotext']);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const BOATS = 'The latest attack came on Wednesday when two boats alleged to be carrying drugs were struck';
const TALKS = 'Maduro said on Thursday he was open to talks with the US on drug trafficking and oil';

describe('the strikes campaign, from the seeds to a PDF', () => {
  let session: BrowserSession | undefined;

  afterAll(async () => {
    await session?.close();
  });

  it('builds a sourced, dated chronology with its death-toll chart, filters it and exports it', { timeout: 240_000 }, async () => {
    if (!CHROMIUM) throw new Error(NO_CHROMIUM);
    if (!PDFTOTEXT) throw new Error('This test reads the exported PDF with pdftotext. Install it with `apt-get install -y poppler-utils`.');
    session = await openBrowserSession('campaign', { acceptDownloads: true });
    const { page, server, pageErrors, api, dir } = session;

    await api('library.importSamples', {});
    const articles = await api('library.list', {});
    const seed = (n: string): ArticleSummary => articles.find((a) => a.sourcePath.includes(`${n}_`))!;
    // The researcher gives 001 and 004 the publication dates their pages show.
    await api('articles.updateMetadata', {
      updates: [
        { articleId: seed('001').id, fields: { publishedAt: '2025-09-03' } },
        { articleId: seed('004').id, fields: { publishedAt: '2025-11-28' } },
        { articleId: seed('002').id, fields: { publishedAt: '2025-12-30' } },
      ],
    });

    // --- Two events from the keyboard in the reader ---------------------------------
    async function keyboardEvent(article: ArticleSummary, passage: string, statement: string, chip: RegExp, title: string, first: boolean) {
      await page.goto(`${server.url}#/article/${article.id}`);
      await page.locator('.ProseMirror').waitFor();
      await dragSelect(page, passage);
      await page.keyboard.press('c');
      const form = page.getByRole('form', { name: 'New claim' });
      await form.getByLabel('Claim statement').fill(statement);
      const suggestion = form.getByRole('button', { name: chip });
      await suggestion.click();
      await expect.poll(() => suggestion.getAttribute('aria-pressed')).toBe('true');
      await form.getByLabel('Claim statement').press('Control+Enter');
      await expect.poll(() => form.count()).toBe(0);
      await page.keyboard.press('e');
      const eventForm = page.getByRole('form', { name: 'Add to chronology event' });
      if (first) await eventForm.getByLabel('New chronology').fill('Strikes campaign');
      else await eventForm.getByRole('radio', { name: 'New event' }).check();
      await eventForm.getByLabel('Event title').fill(title);
      await eventForm.getByRole('button', { name: 'Add event' }).click();
      await expect.poll(() => eventForm.count()).toBe(0);
    }
    await keyboardEvent(seed('003'), BOATS, 'The US military said two boats were struck on Wednesday', /“on Wednesday” → 31 December 2025/, 'Two boats struck, five killed', true);
    await page.screenshot({ path: `${SHOTS_DIR}/campaign-reader.png` });
    await keyboardEvent(seed('003'), TALKS, 'Maduro said he was open to talks', /“on Thursday” → 1 January 2026/, 'Maduro open to talks with the US', false);

    const chronology = (await api('chronology.list', {})).find((c) => c.name === 'Strikes campaign')!;
    expect(chronology.eventCount).toBe(2);

    // --- The rest through the contract, each date as Annalist suggests it -------------
    async function mark(n: string, passage: string): Promise<Highlight> {
      const article = seed(n);
      const { text } = await api('reader.getArticle', { id: article.id });
      const start = text.indexOf(passage);
      if (start < 0) throw new Error(`${n} does not contain “${passage}”`);
      return api('annotations.createHighlight', { articleId: article.id, start, end: start + passage.length });
    }
    async function datedClaim(n: string, passage: string, statement: string, phrase: string): Promise<Claim> {
      const h = await mark(n, passage);
      const suggested = (await api('claims.suggestDates', { highlightId: h.id })).suggestions.find((s) => s.text === phrase);
      if (!suggested?.edtf) throw new Error(`No date suggested for “${phrase}” in ${n}`);
      return api('claims.create', { highlightId: h.id, statement, date: suggested.edtf, datePhrase: phrase });
    }
    async function toll(n: string, passage: string, value: number, comparator: '=' | '>', asOf: string): Promise<Claim> {
      const h = await mark(n, passage);
      return api('claims.create', { highlightId: h.id, statement: `${comparator === '>' ? 'More than ' : ''}${value} people killed`, quantity: { value, comparator, unit: 'people killed', asOf } });
    }

    const first003 = await datedClaim('003', 'its first attack on a boat in international waters on 2 September', 'The first strike on a boat was on 2 September', 'on 2 September');
    const first001 = await datedClaim('001', 'On Tuesday afternoon, Donald Trump laid down the gauntlet', 'Trump announced the first strike on Tuesday', 'On Tuesday afternoon');
    const thanksgiving = await datedClaim('004', 'On Thanksgiving night, flanked by military leaders', 'Trump said strikes would move to land', 'On Thanksgiving night');
    const tanker = await datedClaim('003', 'US forces seized an oil tanker off Venezuela on 10 December', 'US forces seized an oil tanker', 'on 10 December');
    const dock = await datedClaim('003', 'On Monday, Trump said the US had carried out a strike on a "dock area"', 'Trump said the US struck a dock area', 'On Monday');
    const boats000 = await mark('000', 'On a recent Wednesday, the US military reported striking two boats');
    const boatsClaim000 = await api('claims.create', { highlightId: boats000.id, statement: 'Two boats struck on a recent Wednesday' });

    const events = [
      await api('events.create', { chronologyId: chronology.id, title: 'First strike on a boat in international waters', date: '2025-09-02', claimIds: [first003.id, first001.id] }),
      await api('events.create', { chronologyId: chronology.id, title: 'Ground operations announced on Thanksgiving', date: thanksgiving.date!, claimIds: [thanksgiving.id] }),
      await api('events.create', { chronologyId: chronology.id, title: 'Oil tanker seized off Venezuela', date: tanker.date!, claimIds: [tanker.id] }),
      await api('events.create', { chronologyId: chronology.id, title: 'Strike on a dock area', date: dock.date!, claimIds: [dock.id] }),
    ];
    expect(events.map((e) => e.date)).toEqual(['2025-09-02', '2025-11-27', '2025-12-10', '2025-12-29']);
    const detail = await api('chronology.get', { id: chronology.id });
    const boatsEvent = detail.events.find((e) => e.title === 'Two boats struck, five killed')!;
    expect(boatsEvent.date).toBe('2025-12-31');
    await api('events.linkClaim', { eventId: boatsEvent.id, claimId: boatsClaim000.id });

    // The death toll: 83 and "more than 80" (004), "more than 100" (002), "more than 110" (003): a series.
    const tollClaims = [
      await toll('004', '21 attacks and 83 deaths', 83, '=', '2025-11-28'),
      await toll('004', 'which has killed more than 80 people so far', 80, '>', '2025-11-28'),
      await toll('002', 'resulted in the deaths of more than 100 people', 100, '>', '2025-12-30'),
      await toll('003', 'more than 110 people killed', 110, '>', '2026-01-02'),
    ];
    await api('events.linkClaim', { eventId: events[1]!.id, claimId: tollClaims[0]!.id });
    await api('events.linkClaim', { eventId: events[1]!.id, claimId: tollClaims[1]!.id });
    await api('events.linkClaim', { eventId: events[3]!.id, claimId: tollClaims[2]!.id });
    await api('events.linkClaim', { eventId: boatsEvent.id, claimId: tollClaims[3]!.id });

    // --- The chronology in the page ----------------------------------------------------
    await page.goto(`${server.url}#/chronology/${chronology.id}`);
    await page.getByRole('heading', { level: 1, name: 'Strikes campaign' }).waitFor();
    const rows = page.getByTestId('chronology-event');
    await expect.poll(() => rows.count()).toBe(6);
    expect((await page.locator('.event-title').allInnerTexts()).map(squash)).toEqual([
      'First strike on a boat in international waters',
      'Ground operations announced on Thanksgiving',
      'Oil tanker seized off Venezuela',
      'Strike on a dock area',
      'Two boats struck, five killed',
      'Maduro open to talks with the US',
    ]);
    const badge = (title: string) => rows.filter({ has: page.getByRole('heading', { name: title, exact: true }) }).getByTestId('source-badge');
    // 003 and 001 are different stories: two sources. 003 and 000 are not clustered: two sources too.
    expect(squash(await badge('First strike on a boat in international waters').innerText())).toMatch(/^2 sources/);
    expect(squash(await badge('Two boats struck, five killed').innerText())).toMatch(/^2 sources/);
    expect(squash(await badge('Oil tanker seized off Venezuela').innerText())).toMatch(/^1 source/);
    // The death toll rises from event to event: no conflict is flagged anywhere.
    expect(await page.locator('.conflict-flag').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS_DIR}/campaign-chronology.png` });

    // The researcher decides 000 and 003 are one story: the boats count one source.
    await api('stories.join', { articleIds: [seed('000').id, seed('003').id] });
    await page.reload();
    await expect.poll(async () => squash(await badge('Two boats struck, five killed').innerText())).toMatch(/^1 source/);

    // The death-toll chart.
    await page.getByRole('tab', { name: 'Figures' }).click();
    const chart = page.getByRole('figure', { name: /people killed/i });
    await chart.waitFor();
    await chart.locator('summary').click();
    const figures = (await chart.locator('.qc-table tbody tr').allInnerTexts()).map(squash);
    expect(figures).toHaveLength(4);
    expect(figures.map((r) => r.match(/(more than )?\d+ people killed/)![0])).toEqual([
      expect.stringMatching(/^(83|more than 80) people killed$/),
      expect.stringMatching(/^(83|more than 80) people killed$/),
      'more than 100 people killed',
      'more than 110 people killed',
    ]);
    await page.screenshot({ path: `${SHOTS_DIR}/campaign-figures.png` });

    // Filter: December only.
    await page.getByRole('tab', { name: 'List' }).click();
    await page.getByLabel('From', { exact: true }).fill('2025-12-01');
    await page.getByLabel('To', { exact: true }).fill('2025-12-31');
    await expect.poll(async () => squash(await page.getByTestId('filter-count').innerText())).toMatch(/^3 of 6 events/);
    expect((await page.locator('.event-title').allInnerTexts()).map(squash)).toEqual(['Oil tanker seized off Venezuela', 'Strike on a dock area', 'Two boats struck, five killed']);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    // Export to PDF, read back.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Export PDF' }).click()]);
    const pdfPath = join(dir, download.suggestedFilename());
    await download.saveAs(pdfPath);
    const text = squash(execFileSync(PDFTOTEXT, ['-layout', pdfPath, '-'], { encoding: 'utf8' }));
    for (const title of ['First strike on a boat in international waters', 'Maduro open to talks with the US', 'Two boats struck, five killed']) expect(text).toContain(title);
    expect(text).toContain('2 September 2025');
    expect(text).toContain('1 January 2026');
    expect(text).toMatch(/2 independent sources/);
    expect(text).toContain(seed('003').sha256);
    renderFirstPage(pdfPath);
    expect(pageErrors).toEqual([]);
  });
});

/** The PDF's first page as a picture beside the other screenshots, to look at. */
function renderFirstPage(pdfPath: string) {
  const pdftoppm = onPath(['pdftoppm']);
  if (pdftoppm) execFileSync(pdftoppm, ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, join(SHOTS_DIR, 'campaign-pdf')]);
}
