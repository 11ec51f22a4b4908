// Electron's own install script is disabled in package.json ("allowScripts"),
// because on machines that cannot reach Electron's download host it fails and
// npm then rolls back the whole install. Here we try the same download and
// only warn when it fails: the app still runs in browser mode without it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null; // production install without devDependencies
  }
}

const dir = electronDir();
if (dir && !existsSync(join(dir, 'path.txt')) && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 180_000,
  });
  if (result.status !== 0 || !existsSync(join(dir, 'path.txt'))) {
    console.warn(
      'annalist: the Electron binary could not be downloaded; `npm start` will open Annalist in your browser instead.',
    );
  }
}
