import { contextBridge, ipcRenderer } from 'electron';
import { type AnnalistBridge, IPC_PREFIX, METHODS } from '../../shared/api/contract';

// window.annalist is built from the contract's keys and nothing else: one
// function per method, each an invoke on its prefixed channel. Main validates
// the input and the sender; the renderer never sees ipcRenderer itself.
const bridge = Object.fromEntries(
  METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + method, input)]),
) as AnnalistBridge;

contextBridge.exposeInMainWorld('annalist', Object.freeze(bridge));
