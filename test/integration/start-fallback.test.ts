import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../support/temp-project';

// `npm start` on a machine where the Electron binary could not be
// downloaded (like this one): one plain sentence, then browser mode and its URL.
function electronInstalled(): boolean {
  try {
    createRequire(import.meta.url)('electron');
    return true;
  } catch {
    return false;
  }
}

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(async () => cleanup());

describe.skipIf(electronInstalled())('npm start without the Electron binary', () => {
  it('says so in one sentence and starts browser mode, printing its URL', async () => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'start.mjs'), '--project', join(dir, 'start.annalist'), '--port', '0'], {
      cwd: REPO_ROOT,
      // npm test has just built the app; rebuilding here would rewrite out/ under other tests.
      env: { ...process.env, ANNALIST_USER_DATA: join(dir, 'user-data'), ANNALIST_START_NO_BUILD: '1' },
    });
    let output = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed; output so far:\n${output}`)), 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`start exited with ${code}:\n${output}`)));
      });
      expect(output).toContain('The Electron binary is not installed on this machine, so Annalist is starting in browser mode instead.');
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
