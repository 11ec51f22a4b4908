import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/temp-project';

// The import-direction rules of eslint.config.js, checked the way CI meets
// them: a wrong-way import in any room is a lint error.
const eslint = new ESLint({ cwd: REPO_ROOT });

async function restrictedImports(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: join(REPO_ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('layering', () => {
  it.each([
    ['shared/x.ts', "import { readFile } from 'node:fs';"],
    ['shared/x.ts', "import { app } from 'electron';"],
    ['shared/x.ts', "import { handlers } from '../electron/backend/api/handlers';"],
    ['shared/x.ts', "import { useState } from 'react';"],
    ['renderer/x.ts', "import { handlers } from '../electron/backend/api/handlers';"],
    ['renderer/x.ts', "import { readFile } from 'fs';"],
    ['renderer/x.ts', "import sqlite3 from 'sqlite3';"],
    ['electron/backend/x.ts', "import { app } from 'electron';"],
    ['electron/backend/x.ts', "import { startServer } from '../server/http-server';"],
    ['electron/backend/x.ts', "import { App } from '../../renderer/app/App';"],
    ['electron/cli/x.ts', "import { app } from 'electron';"],
    ['electron/preload/x.ts', "import { dispatch } from '../backend/api/dispatch';"],
  ])('%s may not %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(1);
  });

  it.each([
    ['renderer/x.ts', "import type { Method } from '../shared/api/contract';"],
    ['electron/backend/x.ts', "import { readFile } from 'node:fs';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';"],
    ['shared/x.ts', "import { z } from 'zod';"],
  ])('%s may %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(0);
  });
});
