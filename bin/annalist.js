#!/usr/bin/env node
// The `annalist` command. The CLI is compiled with the app (npm install runs
// the build); this stub only finds it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error(`annalist: the command has not been built yet; run \`npm run build\` in ${fileURLToPath(new URL('..', import.meta.url))}`);
  process.exit(2);
}
await import(cli.href);
