import type { ImportOutcome } from '../../../shared/api/types';
import { fileName, plural } from '../../app/format';
import type { ImportReport } from './use-import';

function count(outcomes: ImportOutcome[], status: ImportOutcome['status']) {
  return outcomes.filter((o) => o.status === status).length;
}

export function ImportReportPanel({
  report,
  onDismiss,
  onReview,
}: {
  report: ImportReport;
  onDismiss: () => void;
  /** Opens the metadata review table for the articles this import added. */
  onReview?: (articleIds: number[]) => void;
}) {
  const { outcomes } = report;
  const importedIds = outcomes.filter((o) => o.status === 'imported' && o.articleId !== undefined).map((o) => o.articleId!);
  const imported = count(outcomes, 'imported');
  const duplicates = count(outcomes, 'duplicate');
  const failed = count(outcomes, 'failed');
  const nearCopies = outcomes.filter((o) => o.status === 'imported' && o.nearCopyOf).length;
  return (
    <section className="import-report" aria-label="Import report" data-testid="import-report">
      <header className="import-report-head">
        <h2>
          {report.source === 'samples' ? 'Sample articles' : 'Import finished'}
          <span className="import-report-summary">
            {plural(imported, 'article')} imported
            {nearCopies > 0 && <> ({nearCopies} of them {nearCopies === 1 ? 'a near-copy' : 'near-copies'} of stories already here)</>}
            {duplicates > 0 && <> · {plural(duplicates, 'duplicate')}</>}
            {failed > 0 && <> · {failed} failed</>}
          </span>
        </h2>
        <div className="import-report-actions">
          {onReview && importedIds.length > 0 && (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => onReview(importedIds)}>
              Review metadata
            </button>
          )}
          <button type="button" className="btn btn-quiet btn-icon" aria-label="Close the import report" onClick={onDismiss}>
            ×
          </button>
        </div>
      </header>
      <ul className="import-report-list">
        {outcomes.map((o, i) => (
          <li key={`${o.path}-${i}`} className={`import-row import-${o.status}`}>
            <span className="import-file" title={o.path}>
              {fileName(o.path)}
            </span>
            <span className="import-status">
              {o.status === 'imported' && !o.nearCopyOf && <span className="status status-ok">imported</span>}
              {o.status === 'imported' && o.nearCopyOf && (
                <span className="status status-accent" title={`Grouped with “${o.nearCopyOf.title}” as one story: it counts as one source.`}>
                  near-copy of “{o.nearCopyOf.title}”
                </span>
              )}
              {o.status === 'duplicate' && <span className="status status-muted">duplicate</span>}
              {o.status === 'failed' && (
                <span className="status status-error">
                  failed: <span className="import-error">{o.error ?? 'no reason given'}</span>
                </span>
              )}
            </span>
            {o.title && o.status !== 'failed' && <span className="import-title">{o.title}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
