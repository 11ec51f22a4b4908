import { useState, type ReactNode } from 'react';
import { METADATA_LABELS, type MetadataField } from '../../../shared/api/article-metadata';
import type { ArticleDetail } from '../../../shared/api/types';
import { plural, publishedLabel, recordedAt } from '../../app/format';

// The article's metadata with where each value came from, and its chain of
// custody: the file it was imported from, that file's SHA-256 (kept with the
// unchanged bytes in the project) and when it came in.

function Row({ label, source, children }: { label: string; source?: string | undefined; children: ReactNode }) {
  return (
    <div className="details-row">
      <dt>{label}</dt>
      <dd>
        <span className="details-value">{children}</span>
        {source && <span className="details-source">{source}</span>}
      </dd>
    </div>
  );
}

const none = <span className="muted">—</span>;

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      // No clipboard (permission refused): select the text so Ctrl+C takes it.
      const el = document.querySelector<HTMLElement>('[data-testid="details-sha256"]');
      if (el) window.getSelection()?.selectAllChildren(el);
    }
  }
  return (
    <button type="button" className="btn btn-link btn-small" aria-label={label} onClick={() => void copy()}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

export function ArticleDetails({ article }: { article: ArticleDetail }) {
  const sources = article.fieldSources;
  const label = (field: MetadataField) => METADATA_LABELS[field];
  const text = (value: string | null | undefined) => (value ? value : none);

  return (
    <section className="article-details" aria-label="Details" data-testid="article-details">
      <div className="details-group">
        <h2 className="details-heading">Metadata</h2>
        <dl>
          <Row label={label('title')} source={sources.title}>
            {article.title}
          </Row>
          {article.subtitle && (
            <Row label={label('subtitle')} source={sources.subtitle}>
              {article.subtitle}
            </Row>
          )}
          <Row label={label('outlet')} source={sources.outlet}>
            {text(article.outlet)}
          </Row>
          <Row label={label('author')} source={sources.author}>
            {text(article.author)}
          </Row>
          <Row label={label('publishedAt')} source={sources.publishedAt}>
            {article.publishedAt ? (
              <time dateTime={article.publishedAtFull ?? article.publishedAt}>
                {publishedLabel(article.publishedAt)}
                {article.publishedAtFull && article.publishedAtFull !== article.publishedAt && (
                  <span className="mono details-raw"> {article.publishedAtFull}</span>
                )}
              </time>
            ) : (
              none
            )}
          </Row>
          <Row label={label('url')} source={sources.url}>
            {article.url ? <span className="details-break">{article.url}</span> : none}
          </Row>
          <Row label={label('language')} source={sources.language}>
            {text(article.language)}
          </Row>
          <Row label={label('section')} source={sources.section}>
            {text(article.section)}
          </Row>
          <Row label={label('tags')} source={sources.tags}>
            {article.tags.length ? article.tags.join(', ') : none}
          </Row>
        </dl>
      </div>
      <div className="details-group">
        <h2 className="details-heading">Provenance</h2>
        <dl>
          <Row label="Source file">
            <span className="mono details-break" data-testid="details-source-path">
              {article.sourcePath}
            </span>
          </Row>
          <Row label="SHA-256">
            <span className="mono details-break" data-testid="details-sha256" title="SHA-256 of the original file's bytes, kept unchanged in the project">
              {article.sha256}
            </span>
            <CopyButton text={article.sha256} label="Copy SHA-256" />
          </Row>
          <Row label="File type">
            <span className="mono">{article.mediaType}</span>
          </Row>
          <Row label="Imported">{recordedAt(article.importedAt)}</Row>
          <Row label="Text">
            {article.textVersion === 1 ? (
              'as read from the file'
            ) : (
              <span data-testid="details-text-version">
                version {article.textVersion}, corrected by the researcher (the file and its first text are kept)
              </span>
            )}
          </Row>
          {article.textVersions.length > 1 && (
            <Row label="Corrections">
              <ol className="details-versions">
                {article.textVersions.slice(1).map((v) => (
                  <li key={v.version}>
                    Version {v.version}, {recordedAt(v.createdAt)}, {plural(v.wordCount, 'word')}
                    {v.correctionNote && <>: {v.correctionNote}</>}
                  </li>
                ))}
              </ol>
            </Row>
          )}
          <Row label="Length">
            {plural(article.wordCount, 'word')} · {plural(article.text.length, 'character')}
          </Row>
          {article.storyArticleCount > 1 && (
            <Row label="Story">{plural(article.storyArticleCount - 1, 'near-copy', 'near-copies')} in the project</Row>
          )}
        </dl>
      </div>
    </section>
  );
}
