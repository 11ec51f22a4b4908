import type { ImportProgress } from './use-import';

/** Count, current file and a way out, while files are read and stored. */
export function ImportProgressBar({ progress, onCancel }: { progress: ImportProgress; onCancel: () => void }) {
  return (
    <section className="import-progress" role="status" aria-label="Import progress" aria-live="polite">
      <div className="import-progress-text">
        <strong>
          Importing {progress.done + 1 > progress.total ? progress.total : progress.done + 1} of {progress.total}
        </strong>
        <span className="import-progress-file" title={progress.current}>
          {progress.current}
        </span>
      </div>
      <progress max={progress.total} value={progress.done} aria-label={`${progress.done} of ${progress.total} files read`} />
      <button type="button" className="btn btn-secondary" onClick={onCancel} disabled={progress.cancelling}>
        {progress.cancelling ? 'Stopping…' : 'Cancel'}
      </button>
    </section>
  );
}
