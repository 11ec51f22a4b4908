import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/api/dispatch';
import type { PdfRenderer } from '../../electron/backend/export/pdf-renderer';
import { contractProject } from '../support/contract-calls';

// The loop through the same dispatch() both transports use, on a real file.
// PDF rendering is exercised for real in export-pdf and the e2e test; here a
// renderer that returns the HTML's bytes lets us read what would be printed.
const htmlAsPdf: PdfRenderer = { render: async (html) => new TextEncoder().encode(html) };

const env = contractProject(htmlAsPdf);
const { call, value } = env;

describe('the research loop over the contract', () => {
  it('goes from the sample project to a cited chronology', async () => {
    const imported = await value('library.importSamples', {});
    expect(imported.filter((o) => o.status === 'imported')).toHaveLength(5);
    const articles = await value('library.list', {});
    const a003 = articles.find((a) => a.title.startsWith('Latest: Maduro'))!;
    const article = await value('reader.getArticle', { id: a003.id });

    const passage = 'two boats alleged to be carrying drugs were struck, killing five people on board';
    const start = article.text.indexOf(passage);
    expect(start).toBeGreaterThan(0);
    const highlight = await value('annotations.createHighlight', { articleId: a003.id, start, end: start + passage.length });
    expect(highlight.exact).toBe(passage);
    expect(article.text.endsWith(highlight.prefix, start)).toBe(true);
    expect(highlight.prefix.length).toBe(32);
    expect(highlight.color).toBe('yellow');

    const claim = await value('claims.create', { highlightId: highlight.id, statement: 'The US military said five people were killed on Wednesday' });
    expect(claim.quote).toBe(passage);

    const chronology = await value('chronology.create', { name: 'Strikes campaign' });
    await value('events.create', { chronologyId: chronology.id, title: 'First strike on a boat', date: '2025-09-02', description: '' });
    const event = await value('events.create', {
      chronologyId: chronology.id,
      title: 'US strike kills five on two boats',
      date: '2025-12-31',
      description: 'Reported by the US military.',
      claimIds: [claim.id],
    });
    expect(event.dateLabel).toBe('31 December 2025');
    await value('events.create', { chronologyId: chronology.id, title: 'Strikes through December', date: '2025-12', description: '' });

    const detail = await value('chronology.get', { id: chronology.id });
    expect(detail.events.map((e) => e.date)).toEqual(['2025-09-02', '2025-12', '2025-12-31']);
    const cited = detail.events[2]!;
    expect(cited.evidence).toHaveLength(1);
    expect(cited.evidence[0]).toMatchObject({ quote: passage, articleTitle: a003.title, publishedAt: '2026-01-02', sha256: a003.sha256, stance: 'supports' });

    const pdf = await value('export.chronologyPdf', { chronologyId: chronology.id });
    expect(pdf.fileName).toBe('strikes-campaign.pdf');
    const printed = Buffer.from(pdf.base64, 'base64').toString('utf8');
    expect(printed).toContain('US strike kills five on two boats');
    expect(printed).toContain(passage);
    expect(printed).toContain(a003.sha256);
  });

  it('lists highlights in reading order and keeps overlapping ones apart', async () => {
    await value('library.importSamples', {});
    const [first] = await value('library.list', {});
    await value('annotations.createHighlight', { articleId: first!.id, start: 200, end: 260 });
    await value('annotations.createHighlight', { articleId: first!.id, start: 10, end: 80 });
    await value('annotations.createHighlight', { articleId: first!.id, start: 40, end: 120, color: 'green' });
    const list = await value('annotations.listHighlights', { articleId: first!.id });
    expect(list.map((h) => [h.start, h.end])).toEqual([[10, 80], [40, 120], [200, 260]]);
  });
});

describe('errors a researcher can meet', () => {
  it('explains an invalid EDTF date and writes no event', async () => {
    const chronology = await value('chronology.create', { name: 'C' });
    const r = await call('events.create', { chronologyId: chronology.id, title: 'x', date: '31/12/2025', description: '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_date' } });
    expect(!r.ok && r.error.message).toMatch(/"31\/12\/2025" is not a date Annalist understands/);
    expect((await value('chronology.get', { id: chronology.id })).events).toHaveLength(0);
  });

  it('rejects input that breaks the contract before any handler runs', async () => {
    expect(await call('reader.getArticle', { id: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(env.ctx, 'library.dropEverything', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('claims.create', { highlightId: 1, statement: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'statement: A claim needs a statement.' },
    });
  });

  it('names what is missing', async () => {
    expect(await call('reader.getArticle', { id: 99 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no article 99 in this project.' },
    });
    const chronology = await value('chronology.create', { name: 'C' });
    const r = await call('events.create', { chronologyId: chronology.id, title: 't', date: '2025', description: '', claimIds: [42] });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: 'There is no claim 42 in this project.' } });
    expect((await value('chronology.get', { id: chronology.id })).events).toHaveLength(0);
  });

  it('refuses a highlight outside the text', async () => {
    await value('library.importSamples', {});
    const [first] = await value('library.list', {});
    const r = await call('annotations.createHighlight', { articleId: first!.id, start: 10, end: 10_000_000 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('never deletes a highlight that a claim rests on', async () => {
    await value('library.importSamples', {});
    const [first] = await value('library.list', {});
    const h = await value('annotations.createHighlight', { articleId: first!.id, start: 0, end: 20 });
    await value('claims.create', { highlightId: h.id, statement: 'S' });
    const r = await call('annotations.deleteHighlight', { id: h.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await value('annotations.listHighlights', { articleId: first!.id })).toHaveLength(1);
    const free = await value('annotations.createHighlight', { articleId: first!.id, start: 30, end: 50 });
    expect(await value('annotations.deleteHighlight', { id: free.id })).toEqual({ deleted: 1 });
  });

  it('refuses a second chronology with the same name', async () => {
    await value('chronology.create', { name: 'Strikes' });
    expect(await call('chronology.create', { name: 'strikes' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
