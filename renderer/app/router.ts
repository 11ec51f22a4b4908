import { useSyncExternalStore } from 'react';

// A small hash router: the views are few, the back and forward buttons work,
// and there is no server-side routing to agree with (file:// in Electron).
export type Route =
  | { view: 'library' }
  | { view: 'article'; articleId: number; highlightId?: number; claimId?: number }
  | { view: 'chronology'; chronologyId?: number };

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
