// The library's "Export annotations" and "Import annotations…" in a real
// Chromium through browser mode: highlights exported from one project as a
// W3C file (a real download) are imported into another through the file
// picker, then a Hypothesis file with failures shows its report.
// Screenshots in ANNALIST_SHOTS_DIR (default /tmp/annalist-shots).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleSummary, Highlight } from '../../shared/api/types';
import { type BrowserSession, CHROMIUM, NO_CHROMIUM, openBrowserSession, SHOTS_DIR } from '../support/browser-session';
import { REPO_ROOT, tempDir } from '../support/temp-project';

const HYPOTHESIS = join(REPO_ROOT, 'test', 'fixtures', 'annotations', 'hypothesis-api.json');

function api(session: BrowserSession) {
  const { server } = session;
  return async <T>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-annalist-token': server.token, origin: `http://127.0.0.1:${server.port}` },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value;
  };
}

async function highlightsOf(call: ReturnType<typeof api>) {
  const out: { sha256: string; start: number; end: number; color: string; noteText: string; tags: string[] }[] = [];
  for (const a of await call<ArticleSummary[]>('library.list', {})) {
    for (const h of await call<Highlight[]>('annotations.listHighlights', { articleId: a.id })) {
      out.push({ sha256: a.sha256, start: h.start, end: h.end, color: h.color, noteText: h.noteText, tags: h.tags.map((t) => t.name) });
    }
  }
  return out.sort((x, y) => x.sha256.localeCompare(y.sha256) || x.start - y.start);
}

describe('annotation export and import in the library', () => {
  const sessions: BrowserSession[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  afterAll(async () => {
    for (const s of sessions) await s.close();
    for (const c of cleanups) await c();
  });

  it('exports the highlights as a W3C file and imports it into another project, then reports a Hypothesis file', { timeout: 180_000 }, async () => {
    if (!CHROMIUM) throw new Error(NO_CHROMIUM);
    const { dir, cleanup } = await tempDir('annalist-annotations-');
    cleanups.push(cleanup);

    // Project A: the samples with three highlights, exported from the library.
    const a = await openBrowserSession('annotations-a', { acceptDownloads: true });
    sessions.push(a);
    const callA = api(a);
    await callA('library.importSamples', {});
    const latest = (await callA<ArticleSummary[]>('library.list', {})).find((x) => x.title.startsWith('Latest: Maduro'))!;
    const { text } = await callA<{ text: string }>('reader.getArticle', { id: latest.id });
    const tag = await callA<{ id: number }>('tags.create', { name: 'boat strikes', color: 'red' });
    for (const [passage, color] of [
      ['two boats alleged to be carrying drugs were struck', 'green'],
      ['killing five people on board', 'pink'],
      ['The blast was caused by a drone strike carried out by the CIA', 'yellow'],
    ] as const) {
      const start = text.indexOf(passage);
      const h = await callA<Highlight>('annotations.createHighlight', { articleId: latest.id, start, end: start + passage.length, color });
      await callA('annotations.setHighlightTags', { id: h.id, tagIds: [tag.id] });
      await callA('annotations.updateHighlight', { id: h.id, note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Note on: ${passage}` }] }] } });
    }
    await a.page.goto(a.server.url);
    await a.page.getByRole('heading', { level: 1, name: 'Library', exact: true }).waitFor();
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Export annotations' }).click()]);
    expect(download.suggestedFilename()).toMatch(/-annotations\.jsonld$/);
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    expect(JSON.parse(readFileSync(exported, 'utf8'))).toMatchObject({ type: 'AnnotationCollection', total: 3 });
    await a.page.getByText(`Saved ${download.suggestedFilename()} (3 annotations)`).waitFor();
    await a.page.screenshot({ path: join(SHOTS_DIR, 'annotation-export.png') });
    expect(a.pageErrors).toEqual([]);

    // Project B: the same seed files, no highlights; the file goes in through the picker.
    const b = await openBrowserSession('annotations-b');
    sessions.push(b);
    const callB = api(b);
    await callB('library.importSamples', {});
    const latestB = (await callB<ArticleSummary[]>('library.list', {})).find((x) => x.sha256 === latest.sha256)!;
    const { page } = b;
    await page.goto(b.server.url);
    await page.getByRole('heading', { level: 1, name: 'Library', exact: true }).waitFor();
    const chooseAndImport = async (path: string) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import annotations…' }).click()]);
      await chooser.setFiles(path);
    };
    await chooseAndImport(exported);
    const report = page.getByTestId('annotation-import-report');
    await report.getByText('3 anchored').waitFor();
    expect(await report.locator('.import-report-summary').innerText()).toBe('3 annotations · 3 added');
    expect(await report.getByRole('list').count()).toBe(0);
    expect(await highlightsOf(callB)).toEqual(await highlightsOf(callA));

    // A Hypothesis file: what attached, and why the rest did not.
    await chooseAndImport(HYPOTHESIS);
    await report.getByText('2 failed').waitFor();
    await report.getByText('Annotations from hypothesis-api.json').waitFor();
    expect(await report.locator('.annotation-counts').innerText()).toMatch(/1 anchored\s*1 moved\s*1 fuzzy\s*1 orphaned\s*2 failed/);
    const rows = report.locator('.annotation-row');
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(0).innerText()).toContain('No article in this project has the source https://www.theguardian.com/');
    expect(await rows.nth(1).innerText()).toContain('It has no TextQuoteSelector');
    expect(await rows.nth(2).innerText()).toContain('kept there as an orphaned highlight');
    expect(await rows.nth(2).getByRole('link').getAttribute('href')).toBe(`#/article/${latestB.id}`);
    expect(await rows.nth(3).innerText()).toContain('similar words, check them');
    await page.screenshot({ path: join(SHOTS_DIR, 'annotation-import-report.png') });

    // The orphan's link opens its article.
    await rows.nth(2).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: latest.title }).waitFor();
    expect(b.pageErrors).toEqual([]);
  });
});
