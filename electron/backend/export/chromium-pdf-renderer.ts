import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { UserError } from '../../../shared/api/result';
import type { PdfRenderer } from './pdf-renderer';

// The PDF renderer for the CLI, the local server and the tests: a system
// Chromium (or Chrome) driven by playwright-core. No browser is downloaded;
// the one on the machine is used, or ANNALIST_CHROMIUM names it.
//
// The browser starts on the first render and is reused for later ones; it runs
// headless, with a throw-away profile folder, with every network request
// refused (the document is self-contained and needs none) and without
// JavaScript (the document has none). close() stops it and deletes the profile.

export const CHROMIUM_ENV = 'ANNALIST_CHROMIUM';
const EXECUTABLE_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Where browsers live when they are not on PATH (macOS and Windows installs). */
function wellKnownLocations(env: NodeJS.ProcessEnv): string[] {
  if (process.platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ];
  }
  if (process.platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string => !!r);
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return [];
}

/** A headless system Chromium that reaches for no network on its own (updates, sync, QUIC); also the tests' and fixture scripts'. */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LAUNCH_ARGS = [
  ...HEADLESS_CHROMIUM_ARGS,
  // Second lock on the network, under the request blocking in render(): every
  // connection, loopback included, goes to a proxy on the discard port where
  // nothing listens. Route blocking alone still let Chromium open a socket
  // (an iframe navigation's preconnect) before the request was refused.
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
];

const FOOTER_TEMPLATE =
  '<div style="width:100%;font-family:Arial,Helvetica,sans-serif;font-size:8px;color:#666;text-align:center;padding:0 12mm">' +
  'page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

const NOT_FOUND_MESSAGE =
  'No Chromium or Google Chrome browser was found to make the PDF; install Chromium (for example `sudo apt-get install chromium`) or set ANNALIST_CHROMIUM to the full path of a Chromium or Chrome program.';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to use: ANNALIST_CHROMIUM when set, else the first of chromium,
 * chromium-browser, google-chrome, google-chrome-stable on PATH, else a usual
 * install location. Null when there is none. Throws a UserError when
 * ANNALIST_CHROMIUM is set but does not name a program, so the researcher
 * learns which setting is wrong.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env[CHROMIUM_ENV]?.trim();
  if (configured) {
    if (isExecutableFile(configured)) return configured;
    throw new UserError(
      'pdf_unavailable',
      `ANNALIST_CHROMIUM is set to “${configured}”, which is not a program Annalist can run; point it at a Chromium or Chrome executable, or unset it to use the one on PATH.`,
    );
  }
  const dirs = (env['PATH'] ?? '').split(delimiter).filter((d) => d && isAbsolute(d));
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of EXECUTABLE_NAMES) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = join(dir, name + suffix);
        if (isExecutableFile(candidate)) return candidate;
      }
    }
  }
  return wellKnownLocations(env).find(isExecutableFile) ?? null;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n').find((line) => line.trim()) ?? text).trim();
}

interface Session {
  context: BrowserContext;
  profileDir: string;
}

export interface ChromiumPdfRendererOptions {
  /** The browser program; found with findChromium() when not given. */
  executablePath?: string;
  /** Environment to look in (ANNALIST_CHROMIUM, PATH); process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Folder in which the throw-away browser profile is made; the system temp folder by default. */
  tempDir?: string;
}

export class ChromiumPdfRenderer implements PdfRenderer {
  private session: Promise<Session> | null = null;

  constructor(private readonly options: ChromiumPdfRendererOptions = {}) {}

  async render(html: string): Promise<Uint8Array> {
    const { context } = await this.start();
    const page = await context.newPage();
    try {
      await page.route('**', (route) => route.abort('blockedbyclient'));
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER_TEMPLATE,
        // The print CSS sets the page margins; these apply only if it does not.
        margin: { top: '20mm', right: '20mm', bottom: '22mm', left: '22mm' },
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const pending = this.session;
    this.session = null;
    if (!pending) return;
    const session = await pending.catch(() => null);
    if (!session) return;
    await session.context.close().catch(() => undefined);
    await rm(session.profileDir, { recursive: true, force: true }).catch(() => undefined);
  }

  private start(): Promise<Session> {
    if (!this.session) {
      const launching = this.launch();
      this.session = launching;
      // A failed launch is not cached: the next render tries again (after the
      // researcher has installed Chromium, say).
      launching.catch(() => {
        if (this.session === launching) this.session = null;
      });
    }
    return this.session;
  }

  private async launch(): Promise<Session> {
    const executablePath = this.options.executablePath ?? findChromium(this.options.env ?? process.env);
    if (!executablePath) throw new UserError('pdf_unavailable', NOT_FOUND_MESSAGE);
    const profileDir = await mkdtemp(join(this.options.tempDir ?? tmpdir(), 'annalist-chromium-'));
    try {
      // Loaded on first use: playwright-core takes most of a second to load,
      // and every CLI command but export would pay for it.
      const { chromium } = await import('playwright-core');
      const context = await chromium.launchPersistentContext(profileDir, {
        executablePath,
        headless: true,
        args: LAUNCH_ARGS,
        javaScriptEnabled: false,
        offline: true,
        acceptDownloads: false,
      });
      const session = { context, profileDir };
      // If the browser dies (killed, crashed), start a fresh one next time.
      context.on('close', () => {
        void this.session?.then((current) => {
          if (current === session) {
            this.session = null;
            void rm(profileDir, { recursive: true, force: true }).catch(() => undefined);
          }
        });
      });
      return session;
    } catch (error) {
      await rm(profileDir, { recursive: true, force: true }).catch(() => undefined);
      throw new UserError(
        'pdf_unavailable',
        `The browser at ${executablePath} could not be started to make the PDF (${firstLine(error)}); check that it runs, or set ANNALIST_CHROMIUM to another Chromium or Chrome.`,
      );
    }
  }
}
