import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

// Find-in-article matches are decorations of their own, in a plugin apart
// from the highlights: a search never touches the researcher's highlights,
// and its look (an outline, not a fill) stays distinct from every highlight
// colour.

export interface FindDecoration {
  from: number;
  to: number;
  current: boolean;
}

export const findPluginKey = new PluginKey<DecorationSet>('annalistFind');

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    annalistFind: {
      /** Replaces every find decoration with these ranges (none clears them). */
      setFindDecorations: (ranges: FindDecoration[]) => ReturnType;
    };
  }
}

export const FindDecorations = Extension.create({
  name: 'annalistFind',

  addCommands() {
    return {
      setFindDecorations:
        (ranges) =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            tr.setMeta(findPluginKey, ranges);
            tr.setMeta('addToHistory', false);
          }
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: findPluginKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const ranges = tr.getMeta(findPluginKey) as FindDecoration[] | undefined;
            if (!ranges) return set.map(tr.mapping, tr.doc);
            const size = tr.doc.content.size;
            const decorations = ranges
              .filter((r) => r.from < r.to && r.from >= 0 && r.to <= size)
              .map((r) =>
                Decoration.inline(r.from, r.to, {
                  nodeName: 'mark',
                  class: r.current ? 'find-match find-current' : 'find-match',
                }),
              );
            return DecorationSet.create(tr.doc, decorations);
          },
        },
        props: {
          decorations(state) {
            return findPluginKey.getState(state);
          },
        },
      }),
    ];
  },
});
