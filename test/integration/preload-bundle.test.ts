import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { IPC_PREFIX, METHODS } from '../../shared/api/contract';
import { REPO_ROOT } from '../support/temp-project';

// The Electron binary cannot run here, so the built preload is loaded the way
// a sandboxed renderer loads it: CommonJS with only `electron` requirable.
describe('built preload (out/preload/index.cjs)', () => {
  it('requires nothing but electron and exposes exactly the contract on window.annalist', async () => {
    const code = await readFile(join(REPO_ROOT, 'out', 'preload', 'index.cjs'), 'utf8');
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: { invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: null })) },
    };
    const required: string[] = [];
    const sandboxRequire = (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`module not found: ${name}`);
    };
    const module = { exports: {} };
    runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console });

    expect(required).toEqual(['electron']);
    const bridge = exposed.annalist as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual([...METHODS].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    await bridge['library.list']!({});
    expect(invoked).toEqual([[`${IPC_PREFIX}library.list`, {}]]);
  });
});
