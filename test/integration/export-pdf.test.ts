import { spawnSync } from 'node:child_process';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChronologyDetail } from '../../shared/api/types';
import { UserError } from '../../shared/api/result';
import { renderChronologyHtml } from '../../electron/backend/export/chronology-html';
import { ChromiumPdfRenderer, findChromium } from '../../electron/backend/export/chromium-pdf-renderer';
import { RESOURCES_DIR, tempDir } from '../support/temp-project';

// The chronology printed for real: HTML with the print CSS, a system Chromium
// through playwright-core, and the PDF read back with poppler's pdftotext and
// pdfinfo. Needs `apt-get install -y chromium poppler-utils`.
// Set ANNALIST_KEEP_EXPORT_PDF=/some/file.pdf to keep the PDF for a look.

const SHA_A = '7ea9055fedf3e41c0c1b6d2f1a3e8c9b4d5f6a7b8c9d0e1f2a3b4c5d6e7f8091';
const SHA_B = '83f7e1146e4f08e2a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6';
const SHA_C = '12123ca506ffe21b00112233445566778899aabbccddeeff0011223344556677';

const QUOTE_FIRST =
  'Notably, more than 110 individuals have lost their lives since September 2, when the US conducted its first military action in international waters.';
const QUOTE_DOCK =
  'A drone strike, reportedly executed by the CIA, targeted a dock area associated with Venezuelan drug boats.';
const QUOTE_DENIAL = 'A ministry statement said reports of a strike <b>on Venezuelan soil</b> were "baseless & false".';

/** Three events, already in date order as the caller (chronologyDetail) gives them. */
const CHRONOLOGY: ChronologyDetail = {
  id: 7,
  name: 'US strikes on Venezuelan vessels & the Caribbean campaign',
  eventCount: 3,
  createdAt: '2026-01-02T09:00:00Z',
  quantitySeries: [],
  events: [
    {
      id: 1,
      chronologyId: 7,
      title: 'First US strike on a vessel in international waters',
      date: '2025-09-02',
      dateLabel: '2 September 2025',
      description: 'The start of the campaign; later reporting counts every death from this date.',
      evidence: [
        {
          claimId: 11,
          highlightId: 11,
          storyId: 11,
          reliability: null,
          statement: 'The first US military action against a drug boat took place on 2 September.',
          stance: 'supports',
          quote: QUOTE_FIRST,
          articleId: 1,
          articleTitle: 'Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues',
          outlet: 'Caribbean Ledger',
          publishedAt: '2026-01-02',
          sha256: SHA_A,
        },
      ],
      createdAt: '2026-01-02T09:01:00Z',
      time: null,
      timeZone: null,
      place: null,
      descriptionDoc: null,
      actors: [],
      tags: [],
      claims: [],
      passages: [],
      updatedAt: null,
      corroboration: { eventId: 0, sources: [], sourceCount: 0, disputingSources: [], conflicts: [] },
    },
    {
      id: 2,
      chronologyId: 7,
      title: 'Reported CIA drone strike on a dock in Venezuela',
      date: '2025-12~',
      dateLabel: 'c. December 2025',
      description:
        'If confirmed, the first US operation on Venezuelan soil.\n\nThe date is approximate: the article says only "recently".',
      evidence: [
        {
          claimId: 12,
          highlightId: 12,
          storyId: 12,
          reliability: null,
          statement: 'A drone strike hit a dock used by drug boats.',
          stance: 'supports',
          quote: QUOTE_DOCK,
          articleId: 1,
          articleTitle: 'Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues',
          outlet: 'Caribbean Ledger',
          publishedAt: '2026-01-02',
          sha256: SHA_A,
        },
        {
          claimId: 13,
          highlightId: 13,
          storyId: 13,
          reliability: null,
          statement: 'Caracas denies that any strike took place on its territory.',
          stance: 'disputes',
          quote: QUOTE_DENIAL,
          articleId: 2,
          articleTitle: 'Caracas rejects <reports> of strike',
          outlet: null,
          publishedAt: null,
          sha256: SHA_B,
        },
      ],
      createdAt: '2026-01-02T09:02:00Z',
      time: null,
      timeZone: null,
      place: null,
      descriptionDoc: null,
      actors: [],
      tags: [],
      claims: [],
      passages: [],
      updatedAt: null,
      corroboration: { eventId: 0, sources: [], sourceCount: 0, disputingSources: [], conflicts: [] },
    },
    {
      id: 3,
      chronologyId: 7,
      title: 'US forces seize an oil tanker carrying sanctioned oil',
      date: '2025-12-10',
      dateLabel: '10 December 2025',
      description: 'Maduro called the seizure “international piracy”.',
      evidence: [],
      createdAt: '2026-01-02T09:03:00Z',
      time: null,
      timeZone: null,
      place: null,
      descriptionDoc: null,
      actors: [],
      tags: [],
      claims: [],
      passages: [],
      updatedAt: null,
      corroboration: { eventId: 0, sources: [], sourceCount: 0, disputingSources: [], conflicts: [] },
    },
  ],
};

let dir: string;
let cleanup: () => Promise<void>;
let renderer: ChromiumPdfRenderer;
let printCss: string;

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${cmd} is not installed (apt-get install -y poppler-utils): ${r.error.message}`);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

function pdfText(path: string): string {
  return run('pdftotext', ['-enc', 'UTF-8', path, '-']).replace(/\s+/g, ' ');
}

function pdfPages(path: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [path]));
  return m ? Number(m[1]) : 0;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('annalist-export-pdf-'));
  renderer = new ChromiumPdfRenderer({ tempDir: dir });
  printCss = await readFile(join(RESOURCES_DIR, 'print', 'chronology.css'), 'utf8');
  if (!findChromium()) throw new Error('No Chromium on PATH: apt-get install -y chromium poppler-utils');
});

afterAll(async () => {
  await renderer?.close();
  await cleanup?.();
});

describe('chronology export to PDF through a system Chromium', () => {
  it('prints every event, date, quoted passage, source and hash', async () => {
    const html = renderChronologyHtml(CHRONOLOGY, {
      generatedAt: new Date('2026-01-02T14:05:00Z'),
      projectName: 'Venezuela desk',
      printCss,
    });
    const started = Date.now();
    const bytes = await renderer.render(html);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    const path = join(dir, 'chronology.pdf');
    await writeFile(path, bytes);
    if (process.env['ANNALIST_KEEP_EXPORT_PDF']) await copyFile(path, process.env['ANNALIST_KEEP_EXPORT_PDF']);

    expect(pdfPages(path)).toBeGreaterThanOrEqual(1);
    const text = pdfText(path);
    const compact = text.replace(/\s+/g, '');

    expect(text).toContain('US strikes on Venezuelan vessels & the Caribbean campaign');
    expect(text).toContain('3 events');
    expect(text).toContain('Generated 2 January 2026 at 14:05 UTC');
    for (const event of CHRONOLOGY.events) {
      expect(text).toContain(event.title);
      expect(text).toContain(event.dateLabel);
      expect(text).toContain(event.date);
    }
    expect(text).toContain('The date is approximate: the article says only "recently".');
    for (const quote of [QUOTE_FIRST, QUOTE_DOCK, QUOTE_DENIAL]) expect(text).toContain(quote);
    expect(text).toContain('<b>on Venezuelan soil</b> were "baseless & false"');
    expect(text).toContain('No evidence linked.');
    expect(text).toContain('DISPUTES Caracas denies that any strike took place on its territory.');

    const sources = text.slice(text.indexOf('Sources'));
    expect(sources).toContain('Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues. Caribbean Ledger, 2 January 2026.');
    expect(sources).toContain('Caracas rejects <reports> of strike. undated.');
    for (const sha of [SHA_A, SHA_B]) expect(compact).toContain(sha);
    expect(compact).not.toContain(SHA_C);
    expect(text).toMatch(/page 1 of \d/);
  });

  it('reuses the browser for the next render and prints the empty chronology as one page', async () => {
    const html = renderChronologyHtml(
      { id: 8, name: 'Nothing yet', eventCount: 0, createdAt: '2026-01-02T09:00:00Z', events: [], quantitySeries: [] },
      { generatedAt: new Date('2026-01-02T14:05:00Z'), printCss },
    );
    const started = Date.now();
    const bytes = await renderer.render(html);
    const elapsed = Date.now() - started;
    const path = join(dir, 'empty.pdf');
    await writeFile(path, bytes);
    expect(pdfPages(path)).toBe(1);
    const text = pdfText(path);
    expect(text).toContain('Nothing yet');
    expect(text).toContain('0 events');
    expect(text).toContain('This chronology has no events yet.');
    expect(text).not.toContain('Sources');
    // A warm browser prints in well under a cold start.
    expect(elapsed).toBeLessThan(10_000);
  });

  it('makes no network request, whatever the document asks for', async () => {
    let hits = 0;
    let connections = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      // No CSP here: the renderer's own request blocking must hold on its own.
      const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="http://127.0.0.1:${port}/a.css"></head>
<body><p>Offline</p><img src="http://127.0.0.1:${port}/b.png"><iframe src="http://127.0.0.1:${port}/c"></iframe></body></html>`;
      const path = join(dir, 'offline.pdf');
      await writeFile(path, await renderer.render(html));
      expect(pdfText(path)).toContain('Offline');
      expect(hits).toBe(0);
      expect(connections).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('deletes its throw-away browser profile on close, and starts again on the next render', async () => {
    const profiles = async () => (await readdir(dir)).filter((name) => name.startsWith('annalist-chromium-'));
    expect(await profiles()).toHaveLength(1);
    await renderer.close();
    expect(await profiles()).toHaveLength(0);
    const bytes = await renderer.render('<!DOCTYPE html><p>Again</p>');
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(await profiles()).toHaveLength(1);
  });

  // Linux only: on macOS and Windows the usual install folders are searched too.
  it.runIf(process.platform === 'linux')('says in a sentence how to fix it when no Chromium can be found', async () => {
    const none = new ChromiumPdfRenderer({ env: { PATH: join(dir, 'empty-path') } });
    const error = await none.render('<p>x</p>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('pdf_unavailable');
    expect((error as UserError).message).toMatch(/No Chromium or Google Chrome browser was found.*install Chromium.*ANNALIST_CHROMIUM/);
    await none.close();
  });

  it('names ANNALIST_CHROMIUM when it points at no program', async () => {
    const wrong = new ChromiumPdfRenderer({ env: { ANNALIST_CHROMIUM: join(dir, 'no-such-chrome'), PATH: process.env['PATH'] } });
    const wrongError = await wrong.render('<p>x</p>').catch((e: unknown) => e);
    expect((wrongError as UserError).code).toBe('pdf_unavailable');
    expect((wrongError as UserError).message).toContain('ANNALIST_CHROMIUM is set to');
  });
});
