// Layering is enforced here, as VS Code and Actual Budget do: a wrong-way
// import is a lint error, so it turns the build red instead of waiting for a
// reviewer. Arrows point down: renderer -> shared; main -> backend -> shared;
// cli/server -> backend -> shared; preload -> shared.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'This layer runs without Node.' })) };
const noElectron = { name: 'electron', message: 'Only electron/main and electron/preload may import Electron.' };

function layer(files, { paths = [], patterns = [] }) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { paths, patterns }],
    },
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer(['shared/**'], {
    paths: [...noNode.paths, noElectron, { name: 'react', message: 'shared/ is pure TypeScript.' }],
    patterns: [
      { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports only shared/ and pure packages.' },
      { group: ['@tiptap/*', 'react-dom', 'react-dom/*'], message: 'shared/ is pure TypeScript.' },
    ],
  }),
  layer(['renderer/**'], {
    paths: [...noNode.paths, noElectron],
    patterns: [
      { group: ['**/electron/**'], message: 'The renderer talks to the back end only through the API (renderer/api).' },
      { group: ['sqlite3', 'playwright-core'], message: 'The renderer has no database or browser automation.' },
    ],
  }),
  layer(['electron/backend/**'], {
    paths: [noElectron],
    patterns: [
      { group: ['**/main/**', '**/preload/**', '**/cli/**', '**/server/**'], message: 'The back end never imports its callers.' },
      { group: ['**/renderer/**'], message: 'Nothing imports renderer/ except the renderer.' },
    ],
  }),
  layer(['electron/cli/**', 'electron/server/**'], {
    paths: [noElectron],
    patterns: [
      { group: ['**/main/**', '**/preload/**'], message: 'The CLI and server run without Electron.' },
      { group: ['**/renderer/**'], message: 'Nothing imports renderer/ except the renderer.' },
    ],
  }),
  layer(['electron/main/**'], {
    patterns: [
      { group: ['**/renderer/**', '**/cli/**', '**/server/**'], message: 'The Electron shell uses the back end only.' },
    ],
  }),
  layer(['electron/preload/**'], {
    paths: [...noNode.paths.filter((p) => p.name !== 'electron')],
    patterns: [
      { group: ['**/backend/**', '**/main/**', '**/renderer/**', '**/server/**', '**/cli/**'], message: 'preload only builds window.annalist from the contract.' },
    ],
  }),
  layer(['test/**'], {
    patterns: [{ group: ['**/electron/main/**', '**/electron/preload/**'], message: 'Tests run without Electron.' }],
  }),
);
