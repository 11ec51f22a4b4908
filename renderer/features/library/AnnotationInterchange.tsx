import { ErrorNote } from '../../app/ui';
import { AnnotationImportReport } from '../annotations/AnnotationImportReport';
import type { useAnnotationInterchange } from './use-annotation-interchange';

type Interchange = ReturnType<typeof useAnnotationInterchange>;

// W3C Web Annotation files: what Hypothesis and other annotation tools read and write.
const ANNOTATION_ACCEPT = '.json,.jsonld,application/json,application/ld+json';

/**
 * Opens the system's file picker for one file. The input is never put in the
 * page, so the library keeps a single file input (the article import) for
 * assistive technology and for scripts that drive it.
 */
function chooseFile(accept: string, onFile: (file: File) => void): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.addEventListener(
    'change',
    () => {
      const file = input.files?.[0];
      if (file) onFile(file);
    },
    { once: true },
  );
  input.click();
}

/** The library toolbar's two buttons: export every highlight, import an annotation file. */
export function AnnotationInterchangeButtons({ interchange, disabled }: { interchange: Interchange; disabled: boolean }) {
  return (
    <>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={disabled || interchange.exportState.step === 'busy'}
        title="Save every highlight, with its note, tags and colour, as a W3C Web Annotation file (JSON-LD)."
        onClick={() => void interchange.exportAnnotations()}
      >
        {interchange.exportState.step === 'busy' ? 'Exporting…' : 'Export annotations'}
      </button>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={disabled || interchange.importing}
        title="Attach the annotations of a W3C Web Annotation or Hypothesis file to the articles they quote."
        onClick={() => chooseFile(ANNOTATION_ACCEPT, (file) => void interchange.importAnnotations(file))}
      >
        {interchange.importing ? 'Importing…' : 'Import annotations…'}
      </button>
    </>
  );
}

/** What the last export or import did. */
export function AnnotationInterchangeStatus({ interchange }: { interchange: Interchange }) {
  const { exportState, report, importError } = interchange;
  return (
    <>
      <p className={exportState.step === 'done' ? 'export-status is-done' : 'visually-hidden'} role="status" aria-live="polite">
        {exportState.step === 'done' && (
          <>
            Saved <strong>{exportState.fileName}</strong> ({exportState.total === 1 ? '1 annotation' : `${exportState.total} annotations`})
          </>
        )}
      </p>
      {exportState.step === 'failed' && <ErrorNote>{exportState.message}</ErrorNote>}
      <ErrorNote>{importError}</ErrorNote>
      {report && <AnnotationImportReport report={report} onDismiss={interchange.dismissReport} />}
    </>
  );
}
