import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const r = (p: string) => resolve(import.meta.dirname, p);

// electron-vite only looks in src/ by default, so every entry is named here.
// The CLI is a second entry of the main build: it is plain Node, shares the
// back end with the Electron shell and needs no separate bundler setup.
export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: { index: r('electron/main/index.ts'), cli: r('electron/cli/index.ts') },
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
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: r('renderer/index.html') } },
    },
  },
});
