import { useEffect } from 'react';
import { useQuery } from '../api/hooks';
import { ChronologyView } from '../features/chronology/ChronologyView';
import { LibraryView } from '../features/library/LibraryView';
import { TagsView } from '../features/tags/TagsView';
import { ActorsView } from '../features/actors/ActorsView';
import { SourcesView } from '../features/sources/SourcesView';
import { MetadataReviewView } from '../features/metadata-review/MetadataReviewView';
import { ReaderView } from '../features/reader/ReaderView';
import { plural } from './format';
import { parseRoute, useHash, type Route } from './router';
import { ThemeSwitch } from './ThemeSwitch';
import { ErrorNote } from './ui';

function projectName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function projectFolder(path: string): string {
  const name = projectName(path);
  return path.slice(0, Math.max(0, path.length - name.length - 1)) || '/';
}

function Mark() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" className="brand-mark">
      <rect x="3" y="3" width="18" height="18" rx="4" fill="currentColor" opacity="0.14" />
      <path d="M7 8h10M7 12h6M7 16h8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="17" cy="12" r="1.6" fill="currentColor" />
    </svg>
  );
}

function NavLink({ href, current, label, count, countLabel }: { href: string; current: boolean; label: string; count?: number; countLabel: string }) {
  return (
    <a href={href} className={`nav-link${current ? ' is-current' : ''}`} aria-current={current ? 'page' : undefined}>
      <span>{label}</span>
      {count !== undefined && (
        <span className="nav-count" aria-label={countLabel}>
          {count.toLocaleString('en-GB')}
        </span>
      )}
    </a>
  );
}

function View({ route }: { route: Route }) {
  switch (route.view) {
    case 'library':
      return <LibraryView />;
    case 'tags':
      return <TagsView />;
    case 'actors':
      return <ActorsView />;
    case 'sources':
      return <SourcesView />;
    case 'article':
      return (
        <ReaderView key={route.articleId} articleId={route.articleId} focusHighlightId={route.highlightId} focusClaimId={route.claimId} />
      );
    case 'chronology':
      return <ChronologyView chronologyId={route.chronologyId} />;
    case 'review':
      return <MetadataReviewView articleIds={route.articleIds} />;
  }
}

export function App() {
  const route = parseRoute(useHash());
  const info = useQuery('project.info', {});
  const chronologies = useQuery('chronology.list', {});
  const articleCount = info.data?.articleCount;
  const eventCount = chronologies.data?.reduce((n, c) => n + c.eventCount, 0);
  const path = info.data?.path;

  useEffect(() => {
    const section = route.view === 'chronology' ? 'Chronology' : route.view === 'article' ? 'Reader' : route.view === 'review' ? 'Review metadata' : route.view === 'tags' ? 'Tags' : route.view === 'actors' ? 'Actors' : route.view === 'sources' ? 'Sources' : 'Library';
    const project = path ? projectName(path) : null;
    document.title = project ? `${section} — ${project} — Annalist` : `${section} — Annalist`;
  }, [route.view, path]);

  if (info.error?.code === 'forbidden') {
    return (
      <div className="fatal">
        <h1>Annalist</h1>
        <ErrorNote>{info.error.message}</ErrorNote>
      </div>
    );
  }

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Sections">
        <div className="brand">
          <Mark />
          <span>Annalist</span>
        </div>
        <div className="nav">
          <NavLink
            href="#/library"
            current={route.view !== 'chronology' && route.view !== 'tags' && route.view !== 'actors' && route.view !== 'sources'}
            label="Library"
            count={articleCount}
            countLabel={plural(articleCount ?? 0, 'article')}
          />
          <NavLink
            href="#/chronology"
            current={route.view === 'chronology'}
            label="Chronology"
            count={eventCount}
            countLabel={plural(eventCount ?? 0, 'event')}
          />
          <NavLink href="#/tags" current={route.view === 'tags'} label="Tags" countLabel="tags" />
          <NavLink href="#/actors" current={route.view === 'actors'} label="Actors" countLabel="actors" />
          <NavLink href="#/sources" current={route.view === 'sources'} label="Sources" countLabel="sources" />
        </div>
        <div className="sidebar-foot">
          <ThemeSwitch />
          <span className="sidebar-foot-label">Project</span>
          <span className="project-name" title={path}>
            {path ? projectName(path) : '…'}
          </span>
          {path && (
            <span className="project-folder" title={path}>
              {projectFolder(path)}
            </span>
          )}
          <ErrorNote>{info.error?.message}</ErrorNote>
        </div>
      </nav>
      <main className="main" id="main">
        <View route={route} />
      </main>
    </div>
  );
}
