import type { ImportOutcome } from './types';

// Every file that does not import is reported the same way, by the back end
// and by the UI (which also stops between files when asked): one sentence
// naming the file and saying why.
export function failedImport(path: string, reason: string): ImportOutcome {
  return { path, status: 'failed', error: `Could not import ${path}: ${reason}.` };
}

export const IMPORT_CANCELLED_REASON = 'the import was cancelled before this file was read';
