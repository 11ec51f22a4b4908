import type { AnnotationImportOutcome, AnnotationImportReport as Report, AnnotationImportStatus } from '../../../shared/annotations/interchange-types';
import { fileName, plural } from '../../app/format';
import { Badge } from '../../app/ui';
import './annotation-interchange.css';

// What an annotation import did: how many annotations attached, and how,
// then the ones that need the researcher (failed, orphaned, fuzzy) with
// their sentence and a way to the article.

const STATUSES: { status: AnnotationImportStatus; tone: 'ok' | 'accent' | 'warn' | 'error'; title: string }[] = [
  { status: 'anchored', tone: 'ok', title: 'Attached where the file placed them.' },
  { status: 'moved', tone: 'accent', title: 'The same words, found elsewhere in the article.' },
  { status: 'fuzzy', tone: 'warn', title: 'Similar words: check each one.' },
  { status: 'orphaned', tone: 'warn', title: 'Their words were not found: kept on the article with their notes, to re-attach by hand.' },
  { status: 'failed', tone: 'error', title: 'Not imported: the sentence says why.' },
];

// The ones the researcher should look at, most urgent first.
const ATTENTION: Partial<Record<AnnotationImportStatus, number>> = { failed: 0, orphaned: 1, fuzzy: 2 };

function Row({ outcome, title }: { outcome: AnnotationImportOutcome; title: string | undefined }) {
  const o = outcome;
  return (
    <li className={`import-row annotation-row annotation-${o.status}`}>
      <span className="import-file" title={o.id}>
        {o.id}
      </span>
      <span className={`status ${o.status === 'failed' ? 'status-error' : 'status-warn'}`}>{o.status}</span>
      <span className="annotation-detail">
        {o.articleId !== undefined && (
          <a className="annotation-article" href={`#/article/${o.articleId}`}>
            {title ?? `Article ${o.articleId}`}
          </a>
        )}
        {o.status === 'fuzzy' && <> at {o.start}–{o.end}: similar words, check them.</>}
        {o.error && <span className="import-error">{o.articleId !== undefined ? ' — ' : ''}{o.error}</span>}
      </span>
    </li>
  );
}

export function AnnotationImportReport({ report, onDismiss }: { report: Report; onDismiss: () => void }) {
  const { annotations } = report;
  const count = (s: AnnotationImportStatus) => annotations.filter((o) => o.status === s).length;
  const titles = new Map(report.articles.map((a) => [a.id, a.title]));
  const attention = annotations
    .filter((o) => ATTENTION[o.status] !== undefined)
    .sort((a, b) => ATTENTION[a.status]! - ATTENTION[b.status]!);
  return (
    <section className="import-report annotation-import-report" aria-label="Annotation import report" data-testid="annotation-import-report">
      <header className="import-report-head">
        <h2>
          Annotations from {fileName(report.fileName)}
          <span className="import-report-summary">
            {plural(annotations.length, 'annotation')} · {report.added} added
            {report.alreadyPresent.length > 0 && <> · {report.alreadyPresent.length} already in the project</>}
          </span>
        </h2>
        <div className="import-report-actions">
          <button type="button" className="btn btn-quiet btn-icon" aria-label="Close the annotation import report" onClick={onDismiss}>
            ×
          </button>
        </div>
      </header>
      <p className="annotation-counts">
        {STATUSES.map(({ status, tone, title }) => (
          <Badge key={status} tone={count(status) > 0 ? tone : 'neutral'} title={title}>
            {count(status)} {status}
          </Badge>
        ))}
      </p>
      {attention.length > 0 && (
        <ul className="import-report-list" aria-label="Annotations that need you">
          {attention.map((o, i) => (
            <Row key={`${o.id}-${i}`} outcome={o} title={o.articleId === undefined ? undefined : titles.get(o.articleId)} />
          ))}
        </ul>
      )}
    </section>
  );
}
