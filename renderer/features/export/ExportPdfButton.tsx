import { useState } from 'react';
import { call } from '../../api/client';
import { ErrorNote } from '../../app/ui';
import { base64ToBytes, saveFile } from './download';

export type ExportState =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'done'; fileName: string }
  | { step: 'failed'; message: string };

/** Exports a chronology to PDF and hands the file to the browser (or Electron's save dialog). */
export function useExportPdf(chronologyId: number | null) {
  const [state, setState] = useState<ExportState>({ step: 'idle' });
  async function exportPdf() {
    if (chronologyId === null) return;
    setState({ step: 'busy' });
    const result = await call('export.chronologyPdf', { chronologyId });
    if (!result.ok) {
      setState({ step: 'failed', message: result.error.message });
      return;
    }
    saveFile(result.value.fileName, base64ToBytes(result.value.base64), 'application/pdf');
    setState({ step: 'done', fileName: result.value.fileName });
  }
  return { state, exportPdf };
}

export function ExportPdfButton({ state, onExport, disabled }: { state: ExportState; onExport: () => void; disabled?: boolean }) {
  return (
    <button type="button" className="btn btn-primary" disabled={disabled || state.step === 'busy'} onClick={onExport}>
      <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
        <path d="M8 2v8m0 0L5 7m3 3 3-3M3 12v1.5h10V12" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {state.step === 'busy' ? 'Exporting…' : 'Export PDF'}
    </button>
  );
}

export function ExportStatus({ state }: { state: ExportState }) {
  return (
    <>
      <p
        className={state.step === 'idle' || state.step === 'failed' ? 'visually-hidden' : `export-status is-${state.step}`}
        role="status"
        aria-live="polite"
      >
        {state.step === 'busy' && 'Exporting the chronology to PDF…'}
        {state.step === 'done' && (
          <>
            Saved <strong>{state.fileName}</strong>
          </>
        )}
      </p>
      {state.step === 'failed' && <ErrorNote>{state.message}</ErrorNote>}
    </>
  );
}
