import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from '../../electron/backend/export/chromium-pdf-renderer';
import { startServer, type RunningServer } from '../../electron/server/http-server';
import type { Input, Method, Output } from '../../shared/api/contract';

// One real Chromium on one browser-mode server with a fresh project, as the
// end-to-end tests use it: the Chromium the app itself would use for PDFs,
// launched offline, with every page error and console error collected so a
// test can assert there were none.

export const SHOTS_DIR = process.env.ANNALIST_SHOTS_DIR ?? '/tmp/annalist-shots';


export function onPath(names: string[]): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export const CHROMIUM = findChromium();

export const NO_CHROMIUM =
  'The end-to-end test needs Chromium and found none on PATH (chromium, chromium-browser, google-chrome). ' +
  'Install it with `apt-get install -y chromium poppler-utils`, or set ANNALIST_CHROMIUM to its path.';

export interface BrowserSession {
  dir: string;
  server: RunningServer;
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen so far. */
  pageErrors: string[];
  /** A contract call over the server's HTTP transport, as the page makes it; throws the refusal's sentence. */
  api<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  close(): Promise<void>;
}

/** A fresh project served in browser mode, and a Chromium page on nothing yet. Throws NO_CHROMIUM without Chromium. */
export async function openBrowserSession(name: string, options: { viewport?: { width: number; height: number }; acceptDownloads?: boolean } = {}): Promise<BrowserSession> {
  if (!CHROMIUM) throw new Error(NO_CHROMIUM);
  mkdirSync(SHOTS_DIR, { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), `annalist-${name}-`));
  const server = await startServer({ projectPath: join(dir, `${name}.annalist`), port: 0 });
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [...HEADLESS_CHROMIUM_ARGS],
    acceptDownloads: options.acceptDownloads ?? false,
    viewport: options.viewport ?? { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(`console error: ${msg.text()}`);
  });
  return {
    dir,
    server,
    context,
    page,
    pageErrors,
    async api(method, input) {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-annalist-token': server.token, origin: `http://127.0.0.1:${server.port}` },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: true; value: never } | { ok: false; error: { message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
      return body.value;
    },
    close: async () => {
      await context.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
