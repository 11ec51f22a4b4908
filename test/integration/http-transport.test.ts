import { request } from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer, TOKEN_HEADER } from '../../electron/server/http-server';
import { tempDir } from '../support/temp-project';

// Browser mode's transport on a real loopback socket: the API answers only
// with the launch token, only to its own origin and host.
let server: RunningServer;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  const rendererDir = join(t.dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Annalist</title>');
  server = await startServer({ projectPath: join(t.dir, 'p.annalist'), port: 0, rendererDir });
});
afterAll(async () => {
  await server.close();
  await cleanup();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function api(method: string, headers: Record<string, string>, body = '{}') {
  return send(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
}

describe('browser-mode transport', () => {
  it('binds 127.0.0.1 and prints a URL with a long random token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('serves the UI with a strict Content-Security-Policy', async () => {
    const r = await send('/');
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers a call that carries the token', async () => {
    const r = await api('project.info', { [TOKEN_HEADER]: server.token });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { articleCount: 0, transport: 'http' } });
  });

  it('refuses a call without the token or with a wrong one', async () => {
    expect((await api('project.info', {})).status).toBe(401);
    expect((await api('project.info', { [TOKEN_HEADER]: 'x'.repeat(32) })).status).toBe(401);
  });

  it('refuses a call from another origin even with the token', async () => {
    const r = await api('project.info', { [TOKEN_HEADER]: server.token, Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const r = await api('project.info', { [TOKEN_HEADER]: server.token, Host: `evil.example:${server.port}` });
    expect(r.status).toBe(421);
  });

  it('returns contract errors as Results with a sentence', async () => {
    const r = await api('reader.getArticle', { [TOKEN_HEADER]: server.token }, JSON.stringify({ id: 7 }));
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no article 7 in this project.' } });
  });

  it('does not serve files outside the UI folder', async () => {
    expect((await send('/../../etc/passwd')).status).toBe(404);
    expect((await send('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});
