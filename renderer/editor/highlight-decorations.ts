import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Highlight } from '../../shared/api/types';
import type { OffsetMap } from './offset-map';

// Highlights are decorations, never marks: the article's document is never
// changed, and two highlights may overlap (ProseMirror nests the spans). The
// set is replaced through a transaction meta and otherwise mapped through
// each transaction, as Tiptap's own decoration plugins do.
//
// A long article with hundreds of highlights is drawn with them from the
// start (the `initial` option): decorating it in a second transaction after
// the first paint redrew most paragraphs and made ProseMirror read the DOM
// selection, which forces Chromium to lay the whole article out once more.
// With the reader waiting for the highlights before it shows the article,
// opening 200 KB with 500 highlights takes about a fifth less main-thread
// time (test/bench/reader-paint.ts).

export interface DecoratedRange {
  id: number;
  from: number;
  to: number;
  color: string;
  active: boolean;
}

export interface HighlightDecorationOptions {
  /** The ranges to draw in the editor's first state, from its document. */
  initial: ((doc: PMNode) => DecoratedRange[]) | null;
}

interface HighlightState {
  set: DecorationSet;
  /** The ranges the set was built from, while they still describe it (null once mapped through a change). */
  ranges: DecoratedRange[] | null;
}

export const highlightPluginKey = new PluginKey<HighlightState>('annalistHighlights');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    annalistHighlights: {
      /** Replaces every highlight decoration with these ranges. */
      setHighlightDecorations: (ranges: DecoratedRange[]) => ReturnType;
    };
  }
}

/** The highlights as ranges of the editor's document. */
export function decoratedRanges(
  map: OffsetMap,
  highlights: readonly Pick<Highlight, 'id' | 'start' | 'end' | 'color'>[],
  activeId: number | null,
): DecoratedRange[] {
  return highlights.map((h) => ({
    id: h.id,
    from: map.toPos(h.start, 'start'),
    to: map.toPos(h.end, 'end'),
    color: h.color,
    active: h.id === activeId,
  }));
}

function decorationFor(range: DecoratedRange): Decoration {
  const classes = ['hl', `hl-${range.color}`];
  if (range.active) classes.push('hl-active');
  return Decoration.inline(
    range.from,
    range.to,
    // A nodeName gives every highlight its own element: ProseMirror would
    // otherwise merge overlapping ones into one span with one id.
    { nodeName: 'span', class: classes.join(' '), 'data-highlight-id': String(range.id) },
    { highlightId: range.id },
  );
}

function build(doc: PMNode, ranges: DecoratedRange[]): HighlightState {
  const size = doc.content.size;
  const valid = ranges.filter((r) => r.from < r.to && r.from >= 0 && r.to <= size);
  return { set: DecorationSet.create(doc, valid.map(decorationFor)), ranges };
}

function sameRanges(a: readonly DecoratedRange[], b: readonly DecoratedRange[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.from !== y.from || x.to !== y.to || x.color !== y.color || x.active !== y.active) return false;
  }
  return true;
}

export const HighlightDecorations = Extension.create<HighlightDecorationOptions>({
  name: 'annalistHighlights',

  addOptions() {
    return { initial: null };
  },

  addCommands() {
    return {
      setHighlightDecorations:
        (ranges) =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            tr.setMeta(highlightPluginKey, ranges);
            tr.setMeta('addToHistory', false);
          }
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const initial = this.options.initial;
    return [
      new Plugin<HighlightState>({
        key: highlightPluginKey,
        state: {
          init: (_config, state) => (initial ? build(state.doc, initial(state.doc)) : { set: DecorationSet.empty, ranges: [] }),
          apply(tr, value) {
            const ranges = tr.getMeta(highlightPluginKey) as DecoratedRange[] | undefined;
            if (ranges) {
              // The same ranges again (the reader's first update after an
              // editor that started with them) keep the very same set, so
              // the view has nothing to compare or redraw.
              if (value.ranges && !tr.docChanged && sameRanges(value.ranges, ranges)) return value;
              return build(tr.doc, ranges);
            }
            if (!tr.docChanged) return value;
            return { set: value.set.map(tr.mapping, tr.doc), ranges: null };
          },
        },
        props: {
          decorations(state) {
            return highlightPluginKey.getState(state)?.set;
          },
        },
      }),
    ];
  },
});
