import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useImperativeHandle, useMemo, useState, type MouseEvent, type Ref } from 'react';
import type { Highlight } from '../../shared/api/types';
import { canonicalText } from '../../shared/content/canonical-text';
import type { ContentDoc } from '../../shared/content/doc';
import { cleanBlocks } from './clean-blocks';
import { FindDecorations, type FindDecoration } from './find-decorations';
import { decoratedRanges, HighlightDecorations } from './highlight-decorations';
import { OffsetMap } from './offset-map';

export interface TextRange {
  start: number;
  end: number;
}

export interface SelectionInfo {
  range: TextRange;
  /** Where the selection is on screen, to place a floating button. */
  rect: DOMRect;
}

export interface ArticleEditorHandle {
  /** The user's current selection in the article as canonical offsets. */
  readSelection(): SelectionInfo | null;
  scrollToHighlight(id: number): void;
  /**
   * Canonical offset of the text at the top of the scrolling container's
   * visible part (`inset` pixels below its edge, under a sticky bar), or null
   * before the article is laid out.
   */
  offsetAtTop(container: HTMLElement, inset?: number): number | null;
  /** Scrolls the container so the line holding this canonical offset is `inset` pixels below its top. */
  scrollToOffset(offset: number, container: HTMLElement, inset?: number): void;
}

/** Find-in-article matches as canonical ranges, and which one is current. */
export interface FindState {
  ranges: TextRange[];
  current: number;
}

/** Matches decorated on each side of the current one: a query like "e" finds tens of thousands in a long article. */
const FIND_WINDOW = 1500;

interface Props {
  content: ContentDoc;
  highlights: Highlight[];
  activeId: number | null;
  onHighlightClick: (id: number) => void;
  find?: FindState | null;
  ref?: Ref<ArticleEditorHandle>;
}

const isWhitespace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

export function ArticleEditor({ content, highlights, activeId, onHighlightClick, find = null, ref }: Props) {
  // The article's content is read once: the reader keys this component by
  // article, so reloading the same article never rebuilds the editor (which
  // would drop the reader's place and selection).
  const [doc] = useState<ContentDoc>(() => ({ type: 'doc', content: cleanBlocks(content.content) }));
  const [canonical] = useState(() => canonicalText(content));

  const editor = useEditor(
    {
      extensions: [
        // The article is read, not edited: nothing that adds or moves nodes.
        StarterKit.configure({
          trailingNode: false,
          undoRedo: false,
          dropcursor: false,
          gapcursor: false,
          link: { openOnClick: false, autolink: false, linkOnPaste: false },
        }),
        // The highlights known when the article opens are drawn with it, not in a second pass.
        HighlightDecorations.configure({
          initial: (pmDoc) => {
            const initialMap = OffsetMap.build(pmDoc, canonical);
            return initialMap instanceof OffsetMap ? decoratedRanges(initialMap, highlights, activeId) : [];
          },
        }),
        FindDecorations,
      ],
      content: doc,
      editable: false,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: { class: 'article-body', 'aria-label': 'Article text', role: 'document' },
      },
    },
    [],
  );

  const map = useMemo(() => (editor ? OffsetMap.build(editor.state.doc, canonical) : null), [editor, canonical]);

  useEffect(() => {
    if (!editor || editor.isDestroyed || !(map instanceof OffsetMap)) return;
    editor.commands.setHighlightDecorations(decoratedRanges(map, highlights, activeId));
  }, [editor, map, highlights, activeId]);

  useEffect(() => {
    if (!editor || editor.isDestroyed || !(map instanceof OffsetMap)) return;
    if (!find || find.ranges.length === 0) {
      editor.commands.setFindDecorations([]);
      return;
    }
    const first = Math.max(0, find.current - FIND_WINDOW);
    const last = Math.min(find.ranges.length, find.current + FIND_WINDOW + 1);
    const decorations: FindDecoration[] = [];
    for (let i = first; i < last; i++) {
      const r = find.ranges[i]!;
      decorations.push({ from: map.toPos(r.start, 'start'), to: map.toPos(r.end, 'end'), current: i === find.current });
    }
    editor.commands.setFindDecorations(decorations);
    editor.view.dom.querySelector('.find-current')?.scrollIntoView({ block: 'center' });
  }, [editor, map, find]);

  useImperativeHandle(
    ref,
    () => ({
      readSelection() {
        if (!editor || editor.isDestroyed || !(map instanceof OffsetMap)) return null;
        const view = editor.view;
        const selection = window.getSelection();
        if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
        const range = selection.getRangeAt(0);
        if (!range.intersectsNode(view.dom)) return null;
        // The read-only editor does not track the DOM selection itself, so
        // read it from the DOM; a selection that runs outside the article is
        // clipped to it.
        let from: number;
        let to: number;
        try {
          from = view.dom.contains(range.startContainer) ? view.posAtDOM(range.startContainer, range.startOffset) : 0;
          to = view.dom.contains(range.endContainer)
            ? view.posAtDOM(range.endContainer, range.endOffset)
            : view.state.doc.content.size;
        } catch {
          return null;
        }
        let start = map.toOffset(Math.min(from, to), 'start');
        let end = map.toOffset(Math.max(from, to), 'end');
        const text = canonical.text;
        while (start < end && isWhitespace(text[start])) start++;
        while (end > start && isWhitespace(text[end - 1])) end--;
        if (end <= start) return null;
        return { range: { start, end }, rect: range.getBoundingClientRect() };
      },
      scrollToHighlight(id: number) {
        if (!editor || editor.isDestroyed) return;
        const el = editor.view.dom.querySelector<HTMLElement>(`[data-highlight-id="${id}"]`);
        el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      },
      offsetAtTop(container: HTMLElement, inset = 0) {
        if (!editor || editor.isDestroyed || !(map instanceof OffsetMap)) return null;
        const view = editor.view;
        const box = view.dom.getBoundingClientRect();
        const top = container.getBoundingClientRect().top + inset;
        if (box.height === 0) return null;
        if (box.top >= top) return 0;
        // The first character of the first line at the top edge (a point in
        // a paragraph gap resolves to the nearest text).
        const hit = view.posAtCoords({ left: box.left + 1, top: Math.min(top + 1, box.bottom - 1) });
        return hit ? map.toOffset(hit.pos, 'start') : null;
      },
      scrollToOffset(offset: number, container: HTMLElement, inset = 0) {
        if (!editor || editor.isDestroyed || !(map instanceof OffsetMap)) return;
        const view = editor.view;
        const pos = map.toPos(Math.min(offset, map.textLength), 'start');
        let coords: { top: number };
        try {
          coords = view.coordsAtPos(pos, 1);
        } catch {
          return;
        }
        container.scrollTop += coords.top - container.getBoundingClientRect().top - inset;
      },
    }),
    [editor, map, canonical],
  );

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    const link = target.closest('a');
    if (link) {
      // Never navigate the workbench away; web links open outside it.
      event.preventDefault();
      const href = link.getAttribute('href') ?? '';
      if (/^https?:\/\//i.test(href)) window.open(href, '_blank', 'noopener,noreferrer');
      return;
    }
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const mark = target.closest<HTMLElement>('[data-highlight-id]');
    if (mark) onHighlightClick(Number(mark.dataset.highlightId));
  }

  return (
    <div className="article-editor" onClick={onClick}>
      {typeof map === 'string' && (
        <p className="notice notice-warn" role="status">
          {map}
        </p>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
