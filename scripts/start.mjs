// `npm start`: build, then open the desktop app. Where the Electron binary is
// missing (it could not be downloaded at install), say so in one sentence and
// start browser mode instead, which prints its address.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

// Tests that run beside others set ANNALIST_START_NO_BUILD, so that they do
// not rewrite out/ under the tests using it.
if (process.env.ANNALIST_START_NO_BUILD !== '1') {
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    console.error('annalist: the build failed (see above), so Annalist cannot start.');
    process.exit(build.status ?? 1);
  }
}

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, or throws when it is missing
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
  return child;
}

const electron = electronBinary();
if (electron) {
  run(electron, [root, ...args]);
} else {
  console.log('The Electron binary is not installed on this machine, so Annalist is starting in browser mode instead.');
  run(process.execPath, [join(root, 'bin', 'annalist.js'), 'serve', ...args]);
}
