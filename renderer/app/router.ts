import { useSyncExternalStore } from 'react';

// A small hash router: the views are few, the back and forward buttons work,
// and there is no server-side routing to agree with (file:// in Electron).
export type Route =
  | { view: 'library' }
  | { view: 'article'; articleId: number; highlightId?: number; claimId?: number }
  | { view: 'chronology'; chronologyId?: number }
  /** The metadata review table: these articles (those just imported, a selection), or all. */
  | { view: 'review'; articleIds?: number[] }
  /** The project's tags and the highlights carrying each. */
  | { view: 'tags' }
  /** The managed list of actors (rename, merge, delete). */
  | { view: 'actors' }
  /** The outlets with their Admiralty reliability grades. */
  | { view: 'sources' };

/** Ids as ranges, so that a thousand just-imported articles fit the address: "3-1002,1010". */
export function idRanges(ids: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ids.length; ) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j]! + 1) j++;
    parts.push(j > i ? `${ids[i]}-${ids[j]}` : String(ids[i]));
    i = j + 1;
  }
  return parts.join(',');
}

export function parseIdRanges(text: string): number[] | null {
  const ids: number[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return null;
    const [from, to] = [Number(m[1]), Number(m[2] ?? m[1])];
    if (from < 1 || to < from || to - from > 100_000) return null;
    for (let id = from; id <= to; id++) ids.push(id);
  }
  return ids.length > 0 ? ids : null;
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [name, idText, sub, subId] = path.split('/');
  const id = Number(idText);
  if (name === 'article' && Number.isInteger(id) && id > 0) {
    const focus = Number(subId);
    if (Number.isInteger(focus) && focus > 0) {
      if (sub === 'highlight') return { view: 'article', articleId: id, highlightId: focus };
      if (sub === 'claim') return { view: 'article', articleId: id, claimId: focus };
    }
    return { view: 'article', articleId: id };
  }
  if (name === 'review') {
    const ids = idText ? parseIdRanges(idText) : null;
    return ids ? { view: 'review', articleIds: ids } : { view: 'review' };
  }
  if (name === 'tags') return { view: 'tags' };
  if (name === 'actors') return { view: 'actors' };
  if (name === 'sources') return { view: 'sources' };
  if (name === 'chronology') {
    return Number.isInteger(id) && id > 0 ? { view: 'chronology', chronologyId: id } : { view: 'chronology' };
  }
  return { view: 'library' };
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'library':
      return '#/library';
    case 'article':
      if (route.highlightId) return `#/article/${route.articleId}/highlight/${route.highlightId}`;
      if (route.claimId) return `#/article/${route.articleId}/claim/${route.claimId}`;
      return `#/article/${route.articleId}`;
    case 'chronology':
      return route.chronologyId ? `#/chronology/${route.chronologyId}` : '#/chronology';
    case 'review':
      return route.articleIds?.length ? `#/review/${idRanges(route.articleIds)}` : '#/review';
    case 'tags':
      return '#/tags';
    case 'actors':
      return '#/actors';
    case 'sources':
      return '#/sources';
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeHash(route);
  if (window.location.hash === hash) return;
  if (options.replace) {
    window.history.replaceState(window.history.state, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
