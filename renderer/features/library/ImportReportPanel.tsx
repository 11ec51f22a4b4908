import type { ImportOutcome } from '../../../shared/api/types';
import { fileName, plural } from '../../app/format';
import type { ImportReport } from './use-import';

function count(outcomes: ImportOutcome[], status: ImportOutcome['status']) {
  return outcomes.filter((o) => o.status === status).length;
}

export function ImportReportPanel({ report, onDismiss }: { report: ImportReport; onDismiss: () => void }) {
  const { outcomes } = report;
  const imported = count(outcomes, 'imported');
  const duplicates = count(outcomes, 'duplicate');
  const failed = count(outcomes, 'failed');
  return (
    <section className="import-report" aria-label="Import report" data-testid="import-report">
      <header className="import-report-head">
        <h2>
          {report.source === 'samples' ? 'Sample articles' : 'Import finished'}
          <span className="import-report-summary">
            {plural(imported, 'article')} imported
            {duplicates > 0 && <> · {plural(duplicates, 'duplicate')}</>}
            {failed > 0 && <> · {failed} failed</>}
          </span>
        </h2>
        <button type="button" className="btn btn-quiet btn-icon" aria-label="Close the import report" onClick={onDismiss}>
          ×
        </button>
      </header>
      <ul className="import-report-list">
        {outcomes.map((o, i) => (
          <li key={`${o.path}-${i}`} className={`import-row import-${o.status}`}>
            <span className="import-file" title={o.path}>
              {fileName(o.path)}
            </span>
            <span className="import-status">
              {o.status === 'imported' && <span className="status status-ok">imported</span>}
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
