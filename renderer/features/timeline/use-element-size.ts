import { useCallback, useEffect, useState, type RefObject } from 'react';

export interface ElementSize {
  width: number;
  height: number;
  /** The element's computed font family, for measuring labels drawn in it. */
  fontFamily: string;
}

/**
 * An element's content size, kept current by a ResizeObserver (0 × 0 until
 * first measured). Attach the returned callback ref to the element; it also
 * fills `ref` for event handlers. A callback, because the element may appear
 * after the first render (a view that starts empty) and is observed when it does.
 */
export function useElementSize<T extends HTMLElement>(ref: RefObject<T | null>): [(node: T | null) => void, ElementSize] {
  const [node, setNode] = useState<T | null>(null);
  const [size, setSize] = useState<ElementSize>({ width: 0, height: 0, fontFamily: 'system-ui, sans-serif' });
  const attach = useCallback(
    (next: T | null) => {
      ref.current = next;
      setNode(next);
    },
    [ref],
  );
  useEffect(() => {
    if (!node) return;
    // The observer reports every element once when observation starts, so the first size arrives without a separate read.
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.round(entry.contentRect.width);
      const height = Math.round(entry.contentRect.height);
      const fontFamily = getComputedStyle(node).fontFamily || 'system-ui, sans-serif';
      setSize((s) => (s.width === width && s.height === height && s.fontFamily === fontFamily ? s : { width, height, fontFamily }));
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [node]);
  return [attach, size];
}
