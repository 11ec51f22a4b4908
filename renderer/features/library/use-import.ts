import { useCallback, useRef, useState } from 'react';
import { failedImport, IMPORT_CANCELLED_REASON } from '../../../shared/api/import-outcome';
import type { ImportOutcome } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useDataVersion } from '../../app/data-version';

/**
 * At most this many files, or this much base64, per request: the bar moves
 * and a cancel takes effect between requests, so a request is kept to a few
 * seconds of reading even for slow formats (the back end keeps its worker
 * threads between requests, so small requests cost little).
 */
const BATCH_BYTES = 8 * 1024 * 1024;
/** Well under the contract's MAX_UPLOAD_FILES (a value import would bundle zod). */
const BATCH_FILES = 25;

export interface ImportProgress {
  /** Files read so far (sent to the back end or about to be). */
  done: number;
  total: number;
  current: string;
  cancelling: boolean;
}

export interface ImportReport {
  source: 'files' | 'samples';
  outcomes: ImportOutcome[];
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export function useImport() {
  const { changed } = useDataVersion();
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  // Read between files: a cancel keeps every file already sent, each whole.
  const cancelRequested = useRef(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const importFiles = useCallback(
    async (list: FileList | File[]) => {
      const files = Array.from(list);
      if (files.length === 0) return;
      setError(null);
      setReport(null);
      cancelRequested.current = false;
      const outcomes: ImportOutcome[] = [];
      let batch: { name: string; base64: string }[] = [];
      let batchBytes = 0;
      let reached = 0;
      const flush = async (): Promise<boolean> => {
        if (batch.length === 0) return true;
        const result = await call('library.importFiles', { files: batch });
        batch = [];
        batchBytes = 0;
        if (!result.ok) {
          setError(result.error.message);
          return false;
        }
        outcomes.push(...result.value);
        return true;
      };
      try {
        for (; reached < files.length && !cancelRequested.current; reached++) {
          const file = files[reached]!;
          setProgress({ done: reached, total: files.length, current: file.name, cancelling: cancelRequested.current });
          let base64: string;
          try {
            base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
          } catch {
            outcomes.push(failedImport(file.name, 'it could not be read from disk'));
            continue;
          }
          if (batch.length > 0 && (batchBytes + base64.length > BATCH_BYTES || batch.length >= BATCH_FILES)) {
            if (!(await flush())) break;
          }
          batch.push({ name: file.name, base64 });
          batchBytes += base64.length;
        }
        await flush();
        if (cancelRequested.current) {
          for (const file of files.slice(reached)) outcomes.push(failedImport(file.name, IMPORT_CANCELLED_REASON));
        }
      } finally {
        setProgress(null);
        if (outcomes.length) setReport({ source: 'files', outcomes });
        changed();
      }
    },
    [changed],
  );

  const importSamples = useCallback(async () => {
    setError(null);
    setReport(null);
    setBusy('Importing the sample articles…');
    const result = await call('library.importSamples', {});
    setBusy(null);
    if (result.ok) setReport({ source: 'samples', outcomes: result.value });
    else setError(result.error.message);
    changed();
  }, [changed]);

  const cancel = useCallback(() => {
    cancelRequested.current = true;
    setProgress((p) => (p ? { ...p, cancelling: true } : p));
  }, []);

  const dismiss = useCallback(() => {
    setReport(null);
    setError(null);
  }, []);

  return { busy, progress, report, error, importFiles, importSamples, cancel, dismiss };
}
