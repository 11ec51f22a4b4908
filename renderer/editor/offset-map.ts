import type { Node as PMNode } from '@tiptap/pm/model';
import type { CanonicalText } from '../../shared/content/canonical-text';

// Highlights are stored as offsets into the article's canonical text (UTF-16
// code units; text blocks joined by a blank line, see shared/content). The
// reader shows the same blocks as a ProseMirror document, where positions also
// count node boundaries. This map walks both in step, text block by text
// block, so an offset becomes a position and back without ever reading the
// DOM's text.

interface Segment {
  /** Canonical offset of the segment's first character. */
  offset: number;
  /** ProseMirror position of the segment's first character. */
  pos: number;
  length: number;
}

interface BlockEntry {
  /** Canonical span of the block's text. */
  start: number;
  end: number;
  /** ProseMirror positions just inside the block (content start and end). */
  from: number;
  to: number;
  segments: Segment[];
}

export type Bias = 'start' | 'end';

const built = new WeakMap<PMNode, { canonical: CanonicalText; map: OffsetMap | string }>();

export class OffsetMap {
  private constructor(
    private readonly blocks: BlockEntry[],
    readonly textLength: number,
  ) {}

  /**
   * Builds the map, or returns a sentence saying why the editor's document
   * and the canonical text disagree (then no highlight can be placed safely).
   */
  static build(doc: PMNode, canonical: CanonicalText): OffsetMap | string {
    // Documents and canonical texts are immutable, and the reader asks twice
    // for the same pair as an article opens (its first decorations, then
    // every later update): walking a long article once is enough.
    const cached = built.get(doc);
    if (cached?.canonical === canonical) return cached.map;
    const map = OffsetMap.walk(doc, canonical);
    built.set(doc, { canonical, map });
    return map;
  }

  private static walk(doc: PMNode, canonical: CanonicalText): OffsetMap | string {
    const textblocks: { node: PMNode; pos: number }[] = [];
    doc.descendants((node, pos) => {
      if (node.isTextblock) {
        textblocks.push({ node, pos });
        return false;
      }
      return true;
    });
    if (textblocks.length !== canonical.blocks.length) {
      return `The reader shows ${textblocks.length} blocks of text but the article has ${canonical.blocks.length}; highlights cannot be placed.`;
    }
    const blocks: BlockEntry[] = [];
    for (let i = 0; i < textblocks.length; i++) {
      const { node, pos } = textblocks[i]!;
      const span = canonical.blocks[i]!;
      const from = pos + 1;
      const segments: Segment[] = [];
      let offset = span.start;
      let text = '';
      node.forEach((child, childOffset) => {
        if (!child.isText || !child.text) return;
        segments.push({ offset, pos: from + childOffset, length: child.text.length });
        offset += child.text.length;
        text += child.text;
      });
      if (text !== span.text) {
        return `Block ${i + 1} of the article reads differently in the reader; highlights cannot be placed.`;
      }
      blocks.push({ start: span.start, end: span.end, from, to: from + node.content.size, segments });
    }
    return new OffsetMap(blocks, canonical.text.length);
  }

  /** Canonical offset → ProseMirror position. */
  toPos(offset: number, bias: Bias): number {
    const blocks = this.blocks;
    if (blocks.length === 0) return 0;
    // Binary search for the first block that ends at or after the offset:
    // find-in-article maps thousands of offsets in a long article at once.
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offset > blocks[mid]!.end) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= blocks.length) return blocks[blocks.length - 1]!.to;
    const block = blocks[lo]!;
    const prev = blocks[lo - 1];
    const next = blocks[lo + 1];
    // Inside the blank line between two blocks, or on its edge: a range
    // never starts or ends on the far side of a block boundary.
    if (offset < block.start || (offset === block.start && bias === 'end' && prev)) {
      return bias === 'end' && prev ? prev.to : block.from;
    }
    if (offset === block.end && bias === 'start' && next && block.start !== block.end) return next.from;
    return positionInBlock(block, offset, bias);
  }

  /** ProseMirror position → canonical offset. */
  toOffset(pos: number, bias: Bias): number {
    const blocks = this.blocks;
    if (blocks.length === 0) return 0;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (pos > block.to) continue;
      if (pos < block.from) {
        // Between blocks (a list item or quote boundary).
        const prev = blocks[i - 1];
        return bias === 'end' && prev ? prev.end : block.start;
      }
      for (const seg of block.segments) {
        if (pos <= seg.pos) return seg.offset;
        if (pos <= seg.pos + seg.length) return seg.offset + (pos - seg.pos);
      }
      return block.end;
    }
    return this.textLength;
  }
}

function positionInBlock(block: BlockEntry, offset: number, bias: Bias): number {
  const segs = block.segments;
  if (segs.length === 0) return block.from;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const segEnd = seg.offset + seg.length;
    const last = i === segs.length - 1;
    // A start on a boundary belongs to the following segment, an end to the
    // preceding one, so a range never swallows an atom between segments.
    if (offset < segEnd || (offset === segEnd && (bias === 'end' || last))) {
      return seg.pos + Math.max(0, offset - seg.offset);
    }
  }
  return block.to;
}
