import { Editor } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { decoratedRanges, HighlightDecorations, highlightPluginKey, type DecoratedRange } from '../../../renderer/editor/highlight-decorations';
import { OffsetMap } from '../../../renderer/editor/offset-map';
import { canonicalText } from '../../../shared/content/canonical-text';
import type { ContentDoc } from '../../../shared/content/doc';

// Highlights are drawn as decorations, in the editor's first state when they
// are known as the article opens, and the reader's later updates with the
// same ranges must leave the very same set (the view then redraws nothing).
const content: ContentDoc = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Two boats were struck on Tuesday.' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'The navy confirmed the strike.' }] },
  ],
};
const canonical = canonicalText(content);
const highlights = [
  { id: 1, start: 4, end: 9, color: 'yellow' },
  // Across the paragraph break, overlapping nothing.
  { id: 2, start: 25, end: 43, color: 'green' },
  // Inside the first.
  { id: 3, start: 4, end: 7, color: 'blue' },
];

/** The plugin's state over the article, as the reader's editor starts it (without a view). */
function start(initial: ((doc: EditorState['doc']) => DecoratedRange[]) | null) {
  // Tiptap's own keyboard shortcuts ask for `navigator`, which Node lacks; they are not what is tested.
  const editor = new Editor({ element: null, enableCoreExtensions: false, extensions: [StarterKit, HighlightDecorations.configure({ initial })], content });
  const state = EditorState.create({ doc: editor.state.doc, plugins: editor.extensionManager.plugins });
  const map = OffsetMap.build(state.doc, canonical);
  if (typeof map === 'string') throw new Error(map);
  return { state, map, editor };
}

const drawn = (state: EditorState) =>
  highlightPluginKey
    .getState(state)!
    .set.find()
    .map((d) => ({ id: (d.spec as { highlightId: number }).highlightId, text: state.doc.textBetween(d.from, d.to, '|') }));

describe('highlight decorations', () => {
  it('are in the first state when the highlights are known as the article opens', () => {
    const { state } = start((doc) => {
      const map = OffsetMap.build(doc, canonical);
      return typeof map === 'string' ? [] : decoratedRanges(map, highlights, 3);
    });
    expect(drawn(state)).toEqual(
      expect.arrayContaining([
        { id: 1, text: 'boats' },
        { id: 3, text: 'boa' },
        { id: 2, text: 'Tuesday.|The navy' },
      ]),
    );
    const active = highlightPluginKey.getState(state)!.set.find(undefined, undefined, (spec) => spec.highlightId === 3);
    // The attributes a decoration draws with are not in ProseMirror's public types.
    expect((active[0] as unknown as { type: { attrs: { class: string } } }).type.attrs.class).toBe('hl hl-blue hl-active');
  });

  it('keep the very same set for the same ranges, and rebuild it for others', () => {
    const { state, map, editor } = start(null);
    expect(drawn(state)).toEqual([]);
    const set = (s: EditorState) => highlightPluginKey.getState(s)!.set;
    const replace = (s: EditorState, ranges: DecoratedRange[]) => s.apply(s.tr.setMeta(highlightPluginKey, ranges));

    const first = replace(state, decoratedRanges(map, highlights, null));
    expect(drawn(first)).toHaveLength(3);
    const again = replace(first, decoratedRanges(map, highlights, null));
    expect(set(again)).toBe(set(first));
    const chosen = replace(again, decoratedRanges(map, highlights, 1));
    expect(set(chosen)).not.toBe(set(again));
    expect(set(chosen).find(undefined, undefined, (spec) => spec.highlightId === 1)).toHaveLength(1);

    // After a change to the text the set is mapped, and the old ranges no longer describe it.
    const edited = chosen.apply(chosen.tr.insertText('Just in: ', 1));
    expect(drawn(edited)).toEqual(expect.arrayContaining([{ id: 1, text: 'boats' }]));
    const redrawn = replace(edited, decoratedRanges(map, highlights, 1));
    expect(set(redrawn)).not.toBe(set(edited));
    editor.destroy();
  });

  it('leave out ranges outside the document', () => {
    const { state } = start(() => [
      { id: 1, from: 1, to: 4, color: 'yellow', active: false },
      { id: 2, from: 5, to: 5, color: 'yellow', active: false },
      { id: 3, from: 60, to: 500, color: 'yellow', active: false },
    ]);
    expect(drawn(state).map((d) => d.id)).toEqual([1]);
  });
});
