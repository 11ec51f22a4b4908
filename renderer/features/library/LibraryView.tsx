import { type DragEvent, useCallback, useMemo, useRef, useState } from 'react';
import { IMPORTABLE_ACCEPT, importableFormatsSentence } from '../../../shared/api/importable-formats';
import type { ArticleSummary } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { useDataVersion } from '../../app/data-version';
import { plural, publishedLabel } from '../../app/format';
import { navigate } from '../../app/router';
import { Badge, ErrorNote, Loading } from '../../app/ui';
import { AnnotationInterchangeButtons, AnnotationInterchangeStatus } from './AnnotationInterchange';
import { ImportProgressBar } from './ImportProgressBar';
import { carriesFiles, droppedFiles } from './dropped-files';
import { ImportReportPanel } from './ImportReportPanel';
import { otherTitlesInStory, sameStoryLabel, sameStoryTooltip } from './story-copies';
import { DEFAULT_SORT, nextSort, sortArticles, type SortKey, type SortState } from './sort-articles';
import { useAnnotationInterchange } from './use-annotation-interchange';
import { useImport } from './use-import';
import './library-actions.css';


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

function ArticleRow({
  article,
  otherTitles,
  selected,
  onSelect,
}: {
  article: ArticleSummary;
  otherTitles: string[] | undefined;
  selected: boolean;
  onSelect: (id: number, on: boolean) => void;
}) {
  const open = () => navigate({ view: 'article', articleId: article.id });
  return (
    <tr className={`article-row${selected ? ' is-selected' : ''}`} onClick={open}>
      <td className="col-select" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          checked={selected}
          aria-label={`Select “${article.title}”`}
          onChange={(e) => onSelect(article.id, e.currentTarget.checked)}
        />
      </td>
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
  // Articles chosen for the metadata review; ids that are gone are ignored.
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const chosen = useMemo(() => sorted.filter((a) => selected.has(a.id)).map((a) => a.id), [sorted, selected]);
  const select = useCallback((id: number, on: boolean) => {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const busy = importer.busy !== null || importer.progress !== null;
  const annotations = useAnnotationInterchange();
  const { changed } = useDataVersion();
  const [storyError, setStoryError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const joinStories = async () => {
    setStoryError(null);
    const result = await call('stories.join', { articleIds: chosen });
    if (!result.ok) setStoryError(result.error.message);
    changed();
  };
  const separateStories = async () => {
    setStoryError(null);
    for (const articleId of chosen) {
      const result = await call('stories.split', { articleId });
      if (!result.ok) {
        setStoryError(result.error.message);
        break;
      }
    }
    changed();
  };

  const dropProps = {
    onDragOver: (e: DragEvent) => {
      if (busy || !carriesFiles(e.dataTransfer)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (e: DragEvent) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      if (busy || !carriesFiles(e.dataTransfer)) return;
      e.preventDefault();
      setDragging(false);
      void droppedFiles(e.dataTransfer).then((files) => importer.importFiles(files));
    },
  };

  const importButton = (
    <button type="button" className={`btn ${empty ? 'btn-secondary' : 'btn-primary'}`} disabled={busy} onClick={() => fileInput.current?.click()}>
      Import files…
    </button>
  );

  return (
    <div className={`view library-view${dragging ? ' is-drop-target' : ''}`} {...dropProps}>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files or folders to import them
        </div>
      )}
      <header className="view-header">
        <div>
          <h1>Library</h1>
          <p className="view-sub">
            {articles.data ? plural(articles.data.length, 'article') : '\u00a0'}
          </p>
        </div>
        <div className="view-actions">
          {chosen.length >= 2 && (
            <button
              type="button"
              className="btn btn-secondary"
              disabled={busy}
              title="Treat the chosen articles as copies of one story: they count as one source."
              onClick={() => void joinStories()}
            >
              Same story
            </button>
          )}
          {chosen.length >= 1 && sorted.some((a) => selected.has(a.id) && a.storyArticleCount > 1) && (
            <button
              type="button"
              className="btn btn-secondary"
              disabled={busy}
              title="Take the chosen articles out of their stories: each counts as a source of its own."
              onClick={() => void separateStories()}
            >
              Separate stories
            </button>
          )}
          {!empty && articles.data && (
            <button
              type="button"
              className="btn btn-secondary"
              disabled={busy}
              onClick={() => navigate(chosen.length ? { view: 'review', articleIds: chosen } : { view: 'review' })}
            >
              {chosen.length ? `Review metadata of ${plural(chosen.length, 'article')}` : 'Review metadata'}
            </button>
          )}
          {!empty && articles.data && <AnnotationInterchangeButtons interchange={annotations} disabled={busy} />}
          {!empty && importButton}
          <input
            ref={fileInput}
            type="file"
            multiple
            accept={IMPORTABLE_ACCEPT}
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
      {importer.report && (
        <ImportReportPanel report={importer.report} onDismiss={importer.dismiss} onReview={(articleIds) => navigate({ view: 'review', articleIds })} />
      )}
      <ErrorNote>{articles.error?.message}</ErrorNote>
      <ErrorNote>{storyError}</ErrorNote>
      <AnnotationInterchangeStatus interchange={annotations} />

      {articles.data === undefined && !articles.error && <Loading />}

      {empty && (
        <section className="empty-state">
          <div className="empty-mark" aria-hidden="true">
            ¶
          </div>
          <h2>Your library is empty</h2>
          <p>
            Import article files ({importableFormatsSentence()}) to read, highlight and cite them, or drop files and folders here.
            Or start with five sample news articles to try the whole research loop.
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
                <th scope="col" className="col-select">
                  <input
                    type="checkbox"
                    aria-label="Select all articles"
                    checked={chosen.length > 0 && chosen.length === sorted.length}
                    ref={(el) => {
                      if (el) el.indeterminate = chosen.length > 0 && chosen.length < sorted.length;
                    }}
                    onChange={(e) => setSelected(e.currentTarget.checked ? new Set(sorted.map((a) => a.id)) : new Set())}
                  />
                </th>
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
                <ArticleRow key={a.id} article={a} otherTitles={otherTitles.get(a.id)} selected={selected.has(a.id)} onSelect={select} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
