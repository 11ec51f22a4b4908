import { useState } from 'react';
import { MAX_ANNOTATION_FILE_BYTES, type AnnotationImportReport } from '../../../shared/annotations/interchange-types';
import { call } from '../../api/client';
import { useDataVersion } from '../../app/data-version';
import { saveFile } from '../export/download';

export type AnnotationExportState =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'done'; fileName: string; total: number }
  | { step: 'failed'; message: string };

/**
 * The library's annotation interchange: export every highlight as W3C Web
 * Annotation JSON-LD (delivered as a download, as the PDF export is), and
 * import a W3C or Hypothesis file chosen by the researcher.
 */
export function useAnnotationInterchange() {
  const { changed } = useDataVersion();
  const [exportState, setExportState] = useState<AnnotationExportState>({ step: 'idle' });
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<AnnotationImportReport | null>(null);
  const [importError, setImportError] = useState<string | null>(null);

  async function exportAnnotations() {
    setExportState({ step: 'busy' });
    const result = await call('annotations.exportWebAnnotations', {});
    if (!result.ok) {
      setExportState({ step: 'failed', message: result.error.message });
      return;
    }
    saveFile(result.value.fileName, new TextEncoder().encode(result.value.json), 'application/ld+json');
    setExportState({ step: 'done', fileName: result.value.fileName, total: result.value.total });
  }

  async function importAnnotations(file: File) {
    setImportError(null);
    setReport(null);
    if (file.size > MAX_ANNOTATION_FILE_BYTES) {
      setImportError(`${file.name} is larger than the ${MAX_ANNOTATION_FILE_BYTES / 1024 / 1024} MB an annotation file may have.`);
      return;
    }
    setImporting(true);
    try {
      const json = await file.text();
      const result = await call('annotations.importWebAnnotations', { fileName: file.name, json });
      if (!result.ok) setImportError(result.error.message);
      else {
        setReport(result.value);
        if (result.value.added > 0) changed();
      }
    } catch (err) {
      setImportError(`Could not read ${file.name}: ${(err as Error).message}`);
    } finally {
      setImporting(false);
    }
  }

  return {
    exportState,
    exportAnnotations,
    importing,
    report,
    importError,
    importAnnotations,
    dismissReport: () => setReport(null),
  };
}
