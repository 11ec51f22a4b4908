import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { RENDERER_CSP } from './shared/security/renderer-csp';

const r = (p: string) => resolve(import.meta.dirname, p);

// The UI's CSP lives in one place (shared/security/renderer-csp.ts): the
// server and the Electron session send it as a header, and this writes it
// into index.html's meta tag for pages loaded from file://. frame-ancestors
// is dropped there because browsers ignore it in a meta tag.
function contentSecurityPolicy(): Plugin {
  const meta = RENDERER_CSP.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'annalist-csp',
    transformIndexHtml: (html) => html.replace('%ANNALIST_CSP%', meta),
  };
}

// electron-vite only looks in src/ by default, so every entry is named here.
// The CLI is a second entry of the main build: it is plain Node, shares the
// back end with the Electron shell and needs no separate bundler setup.
export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: r('electron/main/index.ts'),
          cli: r('electron/cli/index.ts'),
          // Import worker threads load it by file name (prepare-pool.ts).
          'import-worker': r('electron/backend/import/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle the contract's
      // dependencies (zod) into it instead of leaving require('zod') behind.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: r('electron/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: r('renderer'),
    plugins: [react(), contentSecurityPolicy()],
    build: {
      rolldownOptions: { input: { index: r('renderer/index.html') } },
    },
  },
});
