import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail } from '../../shared/api/result';
import { RENDERER_CSP } from '../../shared/security/renderer-csp';
import type { BackendContext } from '../backend/api/backend-context';
import { dispatch } from '../backend/api/dispatch';
import { ChromiumPdfRenderer } from '../backend/export/chromium-pdf-renderer';
import type { PdfRenderer } from '../backend/export/pdf-renderer';
import { openProject } from '../backend/project/open-project';

// Browser mode: the built renderer plus the same contract over loopback HTTP.
// Only 127.0.0.1, a random token per launch, and Host/Origin checked so that
// neither another site in the browser nor DNS rebinding can reach the API.

export const TOKEN_HEADER = 'x-annalist-token';
const MAX_BODY_BYTES = 512 * 1024 * 1024;

export interface ServerOptions {
  projectPath: string;
  port?: number;
  rendererDir?: string;
  resourcesDir?: string;
  pdf?: PdfRenderer;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Works from the bundle (out/main) and from the sources (electron/server). */
function firstExisting(candidates: string[], marker: string): string | undefined {
  return candidates.find((dir) => existsSync(join(dir, marker)));
}

export function defaultRendererDir(): string | undefined {
  return firstExisting([join(here, '..', 'renderer'), join(here, '..', '..', 'out', 'renderer')], 'index.html');
}

export function defaultResourcesDir(): string {
  return firstExisting([join(here, '..', '..', 'resources')], 'samples') ?? join(here, '..', '..', 'resources');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};


function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  if (!rendererDir || !existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The user interface has not been built yet; run `npm run build` first.');
  }
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  const db = await openProject(options.projectPath);
  const pdf = options.pdf ?? new ChromiumPdfRenderer();
  const ctx: BackendContext = { db, projectPath: options.projectPath, resourcesDir, pdf, transport: 'http' };
  const token = randomBytes(24).toString('base64url');
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') return sendJson(res, 405, fail('invalid_input', 'The API takes POST requests only.'));
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      return sendJson(res, 403, fail('forbidden', 'Requests from other web pages are refused.'));
    }
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      return sendJson(res, 401, fail('forbidden', 'This page’s access token is missing or out of date; open the address Annalist printed when it started.'));
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, fail('invalid_input', 'The API takes JSON.'));
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body ? JSON.parse(body) : {};
    } catch {
      return sendJson(res, 400, fail('invalid_input', 'The request was not valid JSON or was too large.'));
    }
    sendJson(res, 200, await dispatch(ctx, decodeURIComponent(method), input));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    const root = resolve(rendererDir!);
    const wanted = resolve(root, '.' + decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
    if (wanted !== root && !wanted.startsWith(root + sep)) return send(res, 404, 'Not found', 'text/plain');
    try {
      const body = await readFile(wanted);
      const type = CONTENT_TYPES[extname(wanted)] ?? 'application/octet-stream';
      send(res, 200, body, type, type.startsWith('text/html') ? { 'Content-Security-Policy': RENDERER_CSP } : {});
    } catch {
      send(res, 404, 'Not found', 'text/plain');
    }
  }

  const server = createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      return sendJson(res, 421, fail('forbidden', 'Annalist answers only on its own loopback address.'));
    }
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([^/]+)$/.exec(pathname);
    const work = api ? handleApi(req, res, api[1]!) : handleStatic(req, res, pathname);
    work.catch((err: Error) => {
      if (!res.headersSent) sendJson(res, 500, fail('internal', `Annalist's server failed: ${err.message}`));
    });
  });

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
    });
  } catch (err) {
    await db.close();
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE' ? `Port ${options.port} is already in use; choose another with --port.` : (err as Error).message, {
      cause: err,
    });
  }
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await pdf.close?.();
      await db.close();
    },
  };
}
