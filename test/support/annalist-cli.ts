import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './temp-project';

// The built `annalist` command as a researcher runs it (npm test builds first).

export const BIN = join(REPO_ROOT, 'bin', 'annalist.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `annalist ARGS`. With `dir`, it runs there with its own user-data
 * folder, so the default project is a fresh one; `input` is its standard input.
 */
export function runAnnalist(args: string[], options: { dir?: string; input?: string } = {}): CliRun {
  if (!existsSync(join(REPO_ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm test runs `electron-vite build` before the tests.');
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.dir ?? REPO_ROOT,
    encoding: 'utf8',
    ...(options.input !== undefined ? { input: options.input } : {}),
    env: options.dir ? { ...process.env, ANNALIST_USER_DATA: join(options.dir, 'user-data') } : process.env,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
