import { useMemo, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../shared/api/types';
import { useQuery } from '../../api/hooks';
import { plural, publishedLabel } from '../../app/format';
import { navigate } from '../../app/router';
import { Badge, ErrorNote, Loading } from '../../app/ui';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportReportPanel } from './ImportReportPanel';
import { otherTitlesInStory, sameStoryLabel, sameStoryTooltip } from './story-copies';
import { DEFAULT_SORT, nextSort, sortArticles, type SortKey, type SortState } from './sort-articles';
import { useImport } from './use-import';

const ACCEPT = '.txt,.md,.markdown,.pdf,text/plain,text/markdown,application/pdf';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'outlet', label: 'Outlet' },
  { key: 'date', label: 'Published' },
];

function SortHeader({ column, sort, onSort }: { column: (typeof COLUMNS)[number]; sort: SortState; onSort: (key: SortKey) => void }) {
  const active = sort.key === column.key;
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={`col-${column.key}`}>
      <button type="button" className={`sort-button${active ? ' is-sorted' : ''}`} onClick={() => onSort(column.key)}>
        {column.label}
        <span className="sort-arrow" aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function ArticleRow({ article, otherTitles }: { article: ArticleSummary; otherTitles: string[] | undefined }) {
  const open = () => navigate({ view: 'article', articleId: article.id });
  return (
    <tr className="article-row" onClick={open}>
      <td className="col-title">
        <a href={`#/article/${article.id}`} className="article-link" onClick={(e) => e.stopPropagation()}>
          {article.title}
        </a>
        {article.titleInferred && (
          <Badge tone="warn" title="The file gave no title; Annalist took one from the text.">
            inferred
          </Badge>
        )}
        {article.storyArticleCount > 1 && (
          <Badge tone="accent" title={otherTitles ? sameStoryTooltip(otherTitles) : undefined}>
            {sameStoryLabel(article.storyArticleCount)}
          </Badge>
        )}
        {article.author && <span className="row-sub">{article.author}</span>}
      </td>
      <td className="col-outlet">{article.outlet ?? <span className="muted">—</span>}</td>
      <td className="col-date">
        {article.publishedAt ? (
          <time dateTime={article.publishedAt}>{publishedLabel(article.publishedAt)}</time>
        ) : (
          <span className="muted">Undated</span>
        )}
      </td>
      <td className="col-words num">{article.wordCount.toLocaleString('en-GB')}</td>
    </tr>
  );
}

export function LibraryView() {
  const articles = useQuery('library.list', {});
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const importer = useImport();
  const fileInput = useRef<HTMLInputElement>(null);
  const sorted = useMemo(() => (articles.data ? sortArticles(articles.data, sort) : []), [articles.data, sort]);
  const otherTitles = useMemo(() => otherTitlesInStory(articles.data ?? []), [articles.data]);
  const empty = articles.data !== undefined && articles.data.length === 0;
  const busy = importer.busy !== null || importer.progress !== null;

  const importButton = (
    <button type="button" className={`btn ${empty ? 'btn-secondary' : 'btn-primary'}`} disabled={busy} onClick={() => fileInput.current?.click()}>
      Import files…
    </button>
  );

  return (
    <div className="view library-view">
      <header className="view-header">
        <div>
          <h1>Library</h1>
          <p className="view-sub">
            {articles.data ? plural(articles.data.length, 'article') : '\u00a0'}
          </p>
        </div>
        <div className="view-actions">
          {!empty && importButton}
          <input
            ref={fileInput}
            type="file"
            multiple
            accept={ACCEPT}
            className="visually-hidden"
            aria-label="Choose article files to import"
            tabIndex={-1}
            onChange={(e) => {
              const files = e.currentTarget.files ? Array.from(e.currentTarget.files) : [];
              e.currentTarget.value = '';
              void importer.importFiles(files);
            }}
          />
        </div>
      </header>

      {importer.busy && <Loading label={importer.busy} />}
      {importer.progress && <ImportProgressBar progress={importer.progress} onCancel={importer.cancel} />}
      <ErrorNote>{importer.error}</ErrorNote>
      {importer.report && <ImportReportPanel report={importer.report} onDismiss={importer.dismiss} />}
      <ErrorNote>{articles.error?.message}</ErrorNote>

      {articles.data === undefined && !articles.error && <Loading />}

      {empty && (
        <section className="empty-state">
          <div className="empty-mark" aria-hidden="true">
            ¶
          </div>
          <h2>Your library is empty</h2>
          <p>
            Import article files (plain text, Markdown or PDF) to read, highlight and cite them, or start with five sample news articles
            to try the whole research loop.
          </p>
          <div className="empty-actions">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void importer.importSamples()}>
              Start with the sample project
            </button>
            {importButton}
          </div>
        </section>
      )}

      {sorted.length > 0 && (
        <div className="table-wrap">
          <table className="article-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <SortHeader key={c.key} column={c} sort={sort} onSort={(key) => setSort((s) => nextSort(s, key))} />
                ))}
                <th scope="col" className="col-words num">
                  Words
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((a) => (
                <ArticleRow key={a.id} article={a} otherTitles={otherTitles.get(a.id)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
