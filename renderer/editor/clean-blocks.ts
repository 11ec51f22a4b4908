import type { Block, TextNode } from '../../shared/content/doc';

/** ProseMirror refuses empty text nodes; the stored JSON may carry some. */
export function cleanBlocks(blocks: Block[]): Block[] {
  return blocks.map((block): Block => {
    switch (block.type) {
      case 'paragraph':
      case 'heading': {
        const content = (block.content ?? []).filter((n: TextNode) => n.text.length > 0);
        return content.length ? { ...block, content } : { ...block, content: undefined };
      }
      case 'blockquote':
        return { ...block, content: cleanBlocks(block.content) };
      default:
        return { ...block, content: block.content.map((item) => ({ ...item, content: cleanBlocks(item.content) })) } as Block;
    }
  });
}
