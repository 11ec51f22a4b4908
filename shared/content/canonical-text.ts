import type { Block, ContentDoc, TextBlock } from './doc';

// The canonical plain text of an article is derived from its structured
// content and nothing else, so that offsets stored with a highlight (UTF-16
// code units, as JavaScript strings count them) mean the same thing in the
// back end, the reader and every export. Text blocks (paragraphs, headings)
// in document order, separated by one blank line.
export const BLOCK_SEPARATOR = '\n\n';

export interface TextBlockSpan {
  /** Offset of the block's first character in the canonical text. */
  start: number;
  /** Offset just past the block's last character. */
  end: number;
  text: string;
}

export interface CanonicalText {
  text: string;
  blocks: TextBlockSpan[];
}

export function textBlocksOf(doc: ContentDoc): TextBlock[] {
  const out: TextBlock[] = [];
  const walk = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.type === 'paragraph' || block.type === 'heading') out.push(block);
      else if (block.type === 'blockquote') walk(block.content);
      else for (const item of block.content) walk(item.content);
    }
  };
  walk(doc.content);
  return out;
}

export function blockText(block: TextBlock): string {
  return (block.content ?? []).map((node) => node.text).join('');
}

export function canonicalText(doc: ContentDoc): CanonicalText {
  const blocks: TextBlockSpan[] = [];
  let text = '';
  for (const block of textBlocksOf(doc)) {
    const t = blockText(block);
    if (blocks.length > 0) text += BLOCK_SEPARATOR;
    blocks.push({ start: text.length, end: text.length + t.length, text: t });
    text += t;
  }
  return { text, blocks };
}

/** Words as a reader counts them: runs of letters or digits. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}
