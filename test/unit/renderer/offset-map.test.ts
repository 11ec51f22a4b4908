import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../../../renderer/editor/offset-map';
import { canonicalText } from '../../../shared/content/canonical-text';
import type { ContentDoc } from '../../../shared/content/doc';

// The reader places highlights by mapping canonical-text offsets (UTF-16 code
// units) to ProseMirror positions and back; every offset inside a block must
// round-trip, on the same schema the reader uses.
const schema = getSchema([StarterKit]);

const doc: ContentDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Strikes 😀 at sea' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The US military said ' },
        { type: 'text', text: 'five people', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' were killed.' },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Date: 2 September' }] }] }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '“Kill them all”' }] }] },
  ],
};

function build(): { map: OffsetMap; node: PMNode; text: string } {
  const node = PMNode.fromJSON(schema, doc);
  const canonical = canonicalText(doc);
  const map = OffsetMap.build(node, canonical);
  if (typeof map === 'string') throw new Error(map);
  return { map, node, text: canonical.text };
}

describe('OffsetMap', () => {
  it('maps every offset inside a block to the position of the same character and back', () => {
    const { map, node, text } = build();
    for (const block of canonicalText(doc).blocks) {
      for (let offset = block.start; offset < block.end; offset++) {
        const pos = map.toPos(offset, 'start');
        expect(map.toOffset(pos, 'start')).toBe(offset);
        // The character after pos in the editor is the character at offset in the text.
        expect(node.textBetween(pos, pos + 1)).toBe(text[offset]);
      }
    }
  });

  it('turns a selection across blocks into the matching canonical range', () => {
    const { map, node, text } = build();
    const start = text.indexOf('five people');
    const end = text.indexOf('September') + 'September'.length;
    const from = map.toPos(start, 'start');
    const to = map.toPos(end, 'end');
    expect(node.textBetween(from, to, '\n\n')).toBe(text.slice(start, end));
    expect([map.toOffset(from, 'start'), map.toOffset(to, 'end')]).toEqual([start, end]);
  });

  it('refuses to map when the editor’s blocks differ from the canonical text', () => {
    const node = PMNode.fromJSON(schema, doc);
    const other = canonicalText({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Something else' }] }] });
    expect(typeof OffsetMap.build(node, other)).toBe('string');
  });
});
