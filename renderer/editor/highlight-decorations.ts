import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

// Highlights are decorations, never marks: the article's document is never
// changed, and two highlights may overlap (ProseMirror nests the spans). The
// set is replaced through a transaction meta and otherwise mapped through
// each transaction, as Tiptap's own decoration plugins do.

export interface DecoratedRange {
  id: number;
  from: number;
  to: number;
  color: string;
  active: boolean;
}

export const highlightPluginKey = new PluginKey<DecorationSet>('annalistHighlights');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    annalistHighlights: {
      /** Replaces every highlight decoration with these ranges. */
      setHighlightDecorations: (ranges: DecoratedRange[]) => ReturnType;
    };
  }
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

export const HighlightDecorations = Extension.create({
  name: 'annalistHighlights',

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
    return [
      new Plugin<DecorationSet>({
        key: highlightPluginKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const ranges = tr.getMeta(highlightPluginKey) as DecoratedRange[] | undefined;
            if (ranges) {
              const valid = ranges.filter((r) => r.from < r.to && r.from >= 0 && r.to <= tr.doc.content.size);
              return DecorationSet.create(tr.doc, valid.map(decorationFor));
            }
            return set.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations(state) {
            return highlightPluginKey.getState(state);
          },
        },
      }),
    ];
  },
});
