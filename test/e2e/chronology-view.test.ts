// The chronology view of issue 5 in a real Chromium through browser mode:
// several chronologies, events grouped by month with their independent
// sources and what disagrees, evidence opened from the keyboard and followed
// into the reader, the filter bar, and an event made from its evidence's
// dates, edited (place, tag, actor, stance, a description citing a passage)
// and deleted. The project is the sample articles with outlets, grades,
// highlights, claims and events made through the HTTP contract; everything
// checked afterwards is done in the page.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/contract';
import type { ArticleSummary, Claim, Highlight } from '../../shared/api/types';
import { type BrowserSession, openBrowserSession, SHOTS_DIR } from '../support/browser-session';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

const STRIKE = 'US strike kills five on two boats';
const TALLY = 'More than 30 strikes on vessels since September';
const DOCK = 'CIA drone strike on a dock in Venezuela';
const CALL = 'Trump and Maduro speak by phone';
const TALKS = 'Maduro says he is open to talks';
const TALKS_QUOTE = 'said on Thursday he was open to talks with the US on drug trafficking and oil';
const STRIKE_QUOTE = 'The latest attack came on Wednesday when two boats alleged to be carrying drugs were struck';

describe('the chronology view', () => {
  let session: BrowserSession;
  let page: Page;
  let api: BrowserSession['api'];
  let strikesId: number;
  let diplomacyId: number;
  const articles = new Map<string, ArticleSummary>();
  const highlights = new Map<string, Highlight>();
  const claims = new Map<string, Claim>();

  async function mark(key: string, article: ArticleSummary, words: string) {
    const { text } = await api('reader.getArticle', { id: article.id });
    const start = text.indexOf(words);
    if (start < 0) throw new Error(`“${article.title}” does not contain “${words}”`);
    highlights.set(key, await api('annotations.createHighlight', { articleId: article.id, start, end: start + words.length }));
  }

  async function theme(name: 'Light' | 'Dark') {
    await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(name.toLowerCase());
    // Buttons fade to the new colours; the picture is taken once they have.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  /** Light and dark screenshots; `reopen` brings back a popover that the click on the theme switch dismissed. */
  async function shots(name: string, reopen?: () => Promise<void>) {
    await page.mouse.move(5, 5);
    await page.screenshot({ path: `${SHOTS_DIR}/${name}-light.png` });
    await theme('Dark');
    if (reopen) await reopen();
    await page.mouse.move(5, 5);
    await page.screenshot({ path: `${SHOTS_DIR}/${name}-dark.png` });
    await theme('Light');
  }

  const row = (title: string): Locator => page.getByTestId('chronology-event').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  const count = () => page.getByTestId('filter-count').innerText();

  beforeAll(async () => {
    session = await openBrowserSession('chronology-view');
    ({ page, api } = session);
    await api('library.importSamples', {});
    for (const a of await api('library.list', {})) articles.set(a.title.split(' ').slice(0, 3).join(' '), a);
    const ap = articles.get('Maduro Invites US')!;
    const bbc = articles.get('Latest: Maduro says')!;
    const independent = articles.get('CIA carries out')!;
    const reuters = articles.get('Donald Trump and')!;
    const undated = articles.get('US Conducts Military')!;
    await api('articles.updateMetadata', {
      updates: [
        { articleId: ap.id, fields: { outlet: 'AP', publishedAt: '2026-01-01' } },
        { articleId: bbc.id, fields: { outlet: 'BBC' } },
        { articleId: independent.id, fields: { outlet: 'The Independent', publishedAt: '2025-12-31' } },
        { articleId: reuters.id, fields: { outlet: 'Reuters', publishedAt: '2025-11-29' } },
      ],
    });
    await api('sources.grade', { outlet: 'BBC', reliability: 'A' });
    await api('sources.grade', { outlet: 'AP', reliability: 'B' });
    await api('sources.grade', { outlet: 'Reuters', reliability: 'C' });

    await mark('bbcStrike', bbc, STRIKE_QUOTE);
    await mark('apStrike', ap, 'the US military reported striking two boats believed to be transporting drugs');
    await mark('bbcTally', bbc, 'more than 30 strikes on vessels');
    await mark('reutersTally', reuters, 'resulted in 21 attacks and 83 deaths');
    await mark('dock', independent, 'The CIA reportedly carried out a drone strike earlier this month on a dock in Venezuela');
    await mark('evaded', bbc, 'He also evaded a question about President Donald Trump saying the US had attacked a docking facility in Venezuela');
    await mark('first', bbc, 'first attack on a boat in international waters on 2 September');
    await mark('call', reuters, 'Donald Trump and Nicolas Maduro spoke by phone last week');
    await mark('talks', bbc, TALKS_QUOTE);
    await mark('gauntlet', undated, 'On Tuesday afternoon, Donald Trump laid down the gauntlet');

    const claim = async (key: string, input: Omit<Input<'claims.create'>, 'highlightId'>) =>
      claims.set(key, await api('claims.create', { highlightId: highlights.get(key)!.id, ...input }));
    await claim('bbcStrike', { statement: 'Two boats were struck on Wednesday, killing five', date: '2025-12-31', datePhrase: 'on Wednesday', actorName: 'US military', credibility: 2 });
    await claim('apStrike', { statement: 'The US military struck two boats on Tuesday', date: '2025-12-30', actorName: 'US military', credibility: 3 });
    await claim('bbcTally', { statement: 'More than 30 strikes on vessels', kind: 'quantity', quantity: { value: 30, comparator: '>', unit: 'strikes', asOf: '2026-01-02' } });
    await claim('reutersTally', { statement: '21 attacks in three months', kind: 'quantity', quantity: { value: 21, comparator: '=', unit: 'strikes', asOf: '2026-01' } });
    await claim('dock', { statement: 'The CIA struck a dock in Venezuela', actorName: 'CIA' });
    await claim('evaded', { statement: 'Maduro would not confirm the dock attack', actorName: 'Nicolás Maduro', kind: 'denial' });
    await claim('first', { statement: 'The first strike on a boat was on 2 September', date: '2025-09-02' });
    await claim('call', { statement: 'Trump and Maduro spoke by phone', actorName: 'The New York Times' });
    await claim('talks', { statement: 'Maduro said he was open to talks with the US' });
    await claim('gauntlet', { statement: 'Trump announced a kinetic strike' });

    strikesId = (await api('chronology.create', { name: 'Strikes at sea' })).id;
    diplomacyId = (await api('chronology.create', { name: 'Diplomacy' })).id;
    const ids = (...keys: string[]) => keys.map((k) => claims.get(k)!.id);
    await api('events.create', { chronologyId: strikesId, title: STRIKE, date: '2025-12-31', time: '14:30', timeZone: 'America/Caracas', place: 'Caribbean Sea', claimIds: ids('bbcStrike', 'apStrike') });
    await api('events.create', { chronologyId: strikesId, title: TALLY, date: '2025-09-02/2026-01-02', claimIds: ids('bbcTally', 'reutersTally') });
    const dock = await api('events.create', { chronologyId: strikesId, title: DOCK, date: '2025-12', claimIds: ids('dock') });
    await api('events.linkClaim', { eventId: dock.id, claimId: claims.get('evaded')!.id, stance: 'disputes' });
    await api('events.create', { chronologyId: strikesId, title: 'First US strike on a boat in international waters', date: '2025-09-02', claimIds: ids('first') });
    await api('events.create', { chronologyId: strikesId, title: 'Trump announces a strike on a drug vessel', date: '2025-09~', claimIds: ids('gauntlet') });
    await api('events.create', { chronologyId: diplomacyId, title: CALL, date: '2025-11-22/2025-11-23', claimIds: ids('call') });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('switches, makes, renames and deletes chronologies', { timeout: 60_000 }, async () => {
    await page.goto(`${session.server.url}#/chronology/${strikesId}`);
    await page.getByRole('heading', { level: 1, name: 'Strikes at sea' }).waitFor();
    const picker = page.getByLabel('Chronology', { exact: true });
    await picker.selectOption(String(diplomacyId));
    await page.getByRole('heading', { level: 1, name: 'Diplomacy' }).waitFor();
    await row(CALL).waitFor();
    expect(await count()).toBe('1 event');

    await page.getByRole('button', { name: 'New chronology' }).click();
    await page.getByLabel('Name of the new chronology').fill('Scratch');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Scratch' }).waitFor();
    expect(squash(await page.locator('.chronology-empty').innerText())).toContain('This chronology has no events yet');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await page.getByLabel('New name').fill('Diplomacy');
    await page.getByRole('button', { name: 'Rename', exact: true }).last().click();
    await page.getByRole('form', { name: 'Rename chronology' }).getByRole('alert').waitFor();
    expect(await page.getByRole('form', { name: 'Rename chronology' }).getByRole('alert').innerText()).toMatch(/already a chronology named “Diplomacy”/);
    await page.getByLabel('New name').fill('Scratch, renamed');
    await page.getByLabel('New name').press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Scratch, renamed' }).waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('form', { name: 'Delete chronology' });
    expect(squash(await confirm.innerText())).toContain('Delete “Scratch, renamed” and its 0 events? The claims and passages stay in the project.');
    await confirm.getByRole('button', { name: 'Delete chronology' }).click();
    await page.getByRole('heading', { level: 1, name: 'Strikes at sea' }).waitFor();
    expect((await api('chronology.list', {})).map((c) => c.name)).toEqual(['Strikes at sea', 'Diplomacy']);
    expect(session.pageErrors).toEqual([]);
  });

  it('groups events by month, with source badges and what disagrees said in words', { timeout: 60_000 }, async () => {
    await page.goto(`${session.server.url}#/chronology/${strikesId}`);
    await row(STRIKE).waitFor();
    expect(await count()).toBe('5 events');
    expect((await page.locator('.month-heading').allTextContents()).map(squash)).toEqual(['September 2025 3 events', 'December 2025 2 events']);
    // The range starting 2 September sits under September, its label giving the span.
    expect(await row(TALLY).locator('.event-date-label').innerText()).toBe('between 2 September 2025 and 2 January 2026');
    expect(squash(await row(STRIKE).locator('.event-when').innerText())).toBe('31 December 2025 14:30 America/Caracas 2025-12-31');
    expect(await row(STRIKE).locator('.event-meta').innerText()).toBe('Caribbean Sea');

    // Two independent sources; the list names them with their articles and grades.
    const badge = row(STRIKE).getByTestId('source-badge');
    expect(await badge.innerText()).toBe('2 sources');
    await badge.click();
    const sources = page.getByRole('dialog', { name: `Sources of “${STRIKE}”` });
    await sources.waitFor();
    const sourceText = squash(await sources.innerText());
    expect(await sources.getByRole('heading').allTextContents()).toEqual(['2 sources back it']);
    expect(sourceText).toContain('BBC Latest: Maduro says Venezuela open to US talks on drug trafficking BBC · 2 January 2026 · grade A (completely reliable)');
    expect(sourceText).toContain('AP Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues AP · 1 January 2026 · grade B (usually reliable)');
    await page.keyboard.press('Escape');
    await sources.waitFor({ state: 'hidden' });

    // The dispute over the date is on the event itself, and its flag says it in a sentence.
    expect(squash(await row(STRIKE).getByTestId('date-dispute').innerText())).toBe('Dates given: 30 December 2025 (AP) 31 December 2025 (BBC; the event’s date)');
    const flag = row(STRIKE).getByTestId('conflict-flag');
    expect(squash(await flag.innerText())).toBe('⚠ Dates disagree');
    await flag.click();
    const disagreement = page.getByRole('dialog', { name: `Where the evidence for “${STRIKE}” disagrees` });
    await disagreement.waitFor();
    expect(squash(await disagreement.locator('li').innerText())).toBe('Sources give different dates: 30 December 2025 (AP) vs 31 December 2025 (BBC).');
    await shots('chronology-conflict', async () => {
      await flag.click();
      await disagreement.waitFor();
    });
    await disagreement.waitFor({ state: 'hidden' });

    await row(TALLY).getByTestId('conflict-flag').click();
    expect(squash(await page.getByRole('dialog', { name: `Where the evidence for “${TALLY}” disagrees` }).locator('li').innerText())).toBe(
      'Figures for “strikes” disagree: 21 as of January 2026 (Reuters) vs more than 30 as of 2 January 2026 (BBC).',
    );
    await page.keyboard.press('Escape');
    expect(squash(await row(DOCK).getByTestId('source-badge').innerText())).toBe('1 source · 1 disputing');
    await row(DOCK).getByTestId('conflict-flag').click();
    expect(squash(await page.getByRole('dialog', { name: `Where the evidence for “${DOCK}” disagrees` }).locator('li').innerText())).toBe('1 source supports this event, 1 disputes it.');
    await page.keyboard.press('Escape');
    expect(session.pageErrors).toEqual([]);
  });

  it('opens evidence from the keyboard and follows a passage into the reader', { timeout: 60_000 }, async () => {
    await page.goto(`${session.server.url}#/chronology/${strikesId}`);
    await row(STRIKE).waitFor();
    const focusedTitle = () => page.evaluate(() => document.activeElement?.closest('[data-testid="chronology-event"]')?.querySelector('h3')?.textContent);
    // The list is one tab stop: the first event. Arrows walk it, End goes to the last.
    await page.getByRole('region', { name: 'Events in Strikes at sea' }).locator('[data-event-index="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedTitle).toBe('First US strike on a boat in international waters');
    await page.keyboard.press('End');
    await expect.poll(focusedTitle).toBe(STRIKE);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedTitle).toBe(DOCK);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const evidence = row(STRIKE).getByRole('list', { name: `Evidence for “${STRIKE}”` });
    await evidence.waitFor();
    expect(await row(STRIKE).getByRole('button', { name: /passages of evidence/ }).getAttribute('aria-expanded')).toBe('true');
    const items = evidence.locator('.evidence');
    expect(await items.count()).toBe(2);
    const first = squash(await items.first().innerText());
    expect(first).toContain(STRIKE_QUOTE);
    expect(first).toContain('supports CLAIM Two boats were struck on Wednesday, killing five · asserts 31 December 2025 · according to US military · credibility 2 (probably true)');
    expect(first).toContain('Latest: Maduro says Venezuela open to US talks on drug trafficking · BBC · 2 January 2026 A Open in reader →');
    expect(await items.first().locator('.evidence-grade').getAttribute('aria-label')).toBe('grade A (completely reliable)');
    // Opening the row above as well: each opened row is measured again, so none is drawn over the next.
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedTitle).toBe(DOCK);
    await page.keyboard.press('Enter');
    await row(DOCK).getByRole('list', { name: `Evidence for “${DOCK}”` }).waitFor();
    await expect
      .poll(async () => {
        const above = (await row(DOCK).boundingBox())!;
        const below = (await row(STRIKE).boundingBox())!;
        return below.y - (above.y + above.height);
      })
      .toBeGreaterThanOrEqual(0);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedTitle).toBe(STRIKE);
    await shots('chronology-evidence');

    const hl = highlights.get('bbcStrike')!;
    await items.first().getByRole('link', { name: /^Open in the reader/ }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/article/${hl.articleId}/highlight/${hl.id}`);
    await page.getByRole('heading', { level: 1, name: 'Latest: Maduro says Venezuela open to US talks on drug trafficking' }).waitFor();
    await page.goBack();
    await row(STRIKE).waitFor();
    expect(session.pageErrors).toEqual([]);
  });

  it('filters by actor and by a date range, in memory, saying how many are shown', { timeout: 60_000 }, async () => {
    await page.goto(`${session.server.url}#/chronology/${strikesId}`);
    await row(STRIKE).waitFor();
    await page.getByLabel('Actor', { exact: true }).selectOption('US military');
    await expect.poll(count).toBe('1 of 5 events');
    expect(await page.getByTestId('chronology-event').count()).toBe(1);
    await row(STRIKE).waitFor();
    await page.getByLabel('Actor', { exact: true }).selectOption('');
    await page.getByLabel('From', { exact: true }).fill('2025-12-01');
    await page.getByLabel('To', { exact: true }).fill('2025-12-30');
    // Overlapping December up to the 30th: the September-January range and the dock strike (December).
    await expect.poll(count).toBe('2 of 5 events');
    expect((await page.locator('.event-title').allInnerTexts()).sort()).toEqual([DOCK, TALLY].sort());
    expect(await page.locator('.filter-hint').allInnerTexts()).toEqual(['1 December 2025', '30 December 2025']);
    await page.getByLabel('Search', { exact: true }).fill('dock');
    await expect.poll(count).toBe('1 of 5 events');
    await shots('chronology-filtered');
    await page.getByLabel('To', { exact: true }).fill('30/12/2025');
    await expect.poll(() => page.getByLabel('To', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(count).toBe('5 events');
    expect(session.pageErrors).toEqual([]);
  });

  it('makes an event from its evidence’s dates, edits it with a citation, and deletes another', { timeout: 90_000 }, async () => {
    await page.goto(`${session.server.url}#/chronology/${diplomacyId}`);
    await row(CALL).waitFor();
    await page.getByRole('button', { name: 'New event' }).click();
    const form = page.getByRole('form', { name: 'New event' });
    await form.getByLabel('Title').fill(TALKS);
    const addClaim = async (statement: string) => {
      const select = form.getByLabel('Claim to add as evidence');
      await select.selectOption(String([...claims.values()].find((c) => c.statement === statement)!.id));
      await form.getByRole('button', { name: 'Add claim' }).click();
    };
    await addClaim('Maduro said he was open to talks with the US');
    await addClaim('Trump announced a kinetic strike');
    // "on Thursday" in the BBC article (2 January 2026) is 1 January 2026; "On Tuesday afternoon" in an undated article cannot be dated.
    const chip = form.getByRole('button', { name: /on Thursday/ });
    await chip.waitFor();
    expect(squash((await chip.textContent())!)).toBe('“on Thursday” 1 January 2026 inferred');
    const note = form.getByRole('note');
    expect(squash(await note.innerText())).toContain('“On Tuesday afternoon” (in “US Conducts Military Action Against Venezuelan Dr…”) cannot be dated: the article has no publication date');
    await shots('chronology-new-event');
    await form.getByRole('button', { name: 'Unlink “Trump announced a kinetic strike”' }).click();
    await note.waitFor({ state: 'detached' });
    await chip.click();
    expect(await form.getByLabel('Date', { exact: true }).inputValue()).toBe('2026-01-01');
    expect(squash((await chip.textContent())!)).toBe('“on Thursday” 1 January 2026 accepted');
    expect(squash(await form.locator('.date-reads').innerText())).toBe('Reads as 1 January 2026');
    await form.getByRole('button', { name: 'Create event' }).click();
    await row(TALKS).waitFor();
    await expect.poll(count).toBe('2 events');
    expect(await row(TALKS).locator('.event-date-label').innerText()).toBe('1 January 2026');
    expect(await row(TALKS).getByTestId('source-badge').innerText()).toBe('1 source');
    expect((await page.locator('.month-heading').allTextContents()).map(squash)).toEqual(['November 2025 1 event', 'January 2026 1 event']);

    // Edit: place, a new tag, an actor of the project, the stance, and a description citing the passage.
    await row(TALKS).getByRole('button', { name: `Edit “${TALKS}”` }).click();
    const edit = page.getByRole('form', { name: 'Edit event' });
    await edit.getByLabel('Place').fill('Caracas');
    await edit.getByLabel('Add a tag').fill('diplomacy');
    await edit.getByLabel('Add a tag').press('Enter');
    await edit.getByLabel('Actors').fill('Nicolás Maduro');
    await edit.getByLabel('Actors').press('Enter');
    await edit.getByLabel(/^Stance of/).selectOption('qualifies');
    const description = edit.getByRole('textbox', { name: /^Description/ });
    await description.click();
    await page.keyboard.type('On state TV Maduro ');
    await edit.getByRole('button', { name: 'Cite' }).click();
    await page.getByRole('menu', { name: 'Cite a passage' }).getByRole('menuitem', { name: new RegExp(TALKS_QUOTE) }).click();
    await page.keyboard.type('and nothing else.');
    expect(squash(await description.innerText())).toBe(`On state TV Maduro “${TALKS_QUOTE}” and nothing else.`);
    await shots('chronology-edit-event');
    await edit.getByRole('button', { name: 'Save event' }).click();
    await edit.waitFor({ state: 'detached' });

    const talks = row(TALKS);
    await expect.poll(async () => squash(await talks.locator('.event-meta').innerText())).toBe('Caracas · Nicolás Maduro diplomacy');
    const citation = talks.locator('.event-description a.citation');
    expect(squash(await citation.innerText())).toBe(TALKS_QUOTE);
    const hl = highlights.get('talks')!;
    expect(await citation.getAttribute('href')).toBe(`#/article/${hl.articleId}/highlight/${hl.id}`);
    await talks.getByRole('button', { name: /passage of evidence/ }).click();
    expect(await talks.locator('.evidence .stance-badge').innerText()).toBe('qualifies');
    const saved = (await api('chronology.get', { id: diplomacyId })).events.find((e) => e.title === TALKS)!;
    expect(saved).toMatchObject({ place: 'Caracas', actors: [{ name: 'Nicolás Maduro' }], tags: [{ name: 'diplomacy' }], date: '2026-01-01' });
    expect(saved.claims.map((c) => c.eventStance)).toEqual(['qualifies']);
    await shots('chronology-edited');
    await citation.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/article/${hl.articleId}/highlight/${hl.id}`);
    await page.goBack();

    // Delete the phone call: asked first; its claim stays in the project.
    await row(CALL).getByRole('button', { name: `Edit “${CALL}”` }).click();
    const remove = page.getByRole('form', { name: 'Edit event' });
    await remove.getByRole('button', { name: 'Delete event' }).click();
    expect(squash(await remove.getByRole('alert').innerText())).toContain(`Delete “${CALL}”? Its claims and passages stay in the project.`);
    await remove.getByRole('alert').getByRole('button', { name: 'Delete event' }).click();
    await row(CALL).waitFor({ state: 'detached' });
    await expect.poll(count).toBe('1 event');
    expect((await api('claims.list', {})).some((c) => c.id === claims.get('call')!.id)).toBe(true);
    expect(session.pageErrors).toEqual([]);
  });
});
