import { useEffect, useEffectEvent, type RefObject } from 'react';
import type { ArticleEditorHandle } from '../../editor/ArticleEditor';
import { loadReadingPosition, saveReadingPosition } from './reading-preferences';

/**
 * Remembers where the reader is in this article (the canonical offset at the
 * top of the view, which survives a change of text size or window width) and
 * brings them back there when the article opens again, unless a link asked
 * for a particular highlight (`restore` false).
 */
export function useReadingPosition(
  articleId: number,
  ready: boolean,
  restore: boolean,
  containerRef: RefObject<HTMLElement | null>,
  editorRef: RefObject<ArticleEditorHandle | null>,
  /** Pixels at the container's top covered by a sticky bar. */
  inset: () => number,
): void {
  const save = useEffectEvent(() => {
    const container = containerRef.current;
    const editor = editorRef.current;
    if (!container || !editor) return;
    const offset = editor.offsetAtTop(container, inset());
    if (offset === null) return;
    const range = container.scrollHeight - container.clientHeight;
    saveReadingPosition(articleId, { offset, fraction: range > 0 ? container.scrollTop / range : 0 });
  });

  const restorePlace = useEffectEvent(() => {
    const container = containerRef.current;
    const editor = editorRef.current;
    const saved = loadReadingPosition(articleId);
    if (!container || !editor || !saved || !restore) return;
    if (saved.offset > 0) editor.scrollToOffset(saved.offset, container, inset());
    else container.scrollTop = saved.fraction * (container.scrollHeight - container.clientHeight);
  });

  useEffect(() => {
    if (!ready) return;
    const container = containerRef.current;
    if (!container) return;
    const frame = requestAnimationFrame(() => restorePlace());
    let timer: number | undefined;
    // Saved a moment after scrolling stops, and whenever the page goes away.
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => save(), 250);
    };
    const onHide = () => save();
    container.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', onHide);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      container.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', onHide);
    };
  }, [ready, containerRef]);
}
