import type { Block, ListItem, Mark, TextNode } from './doc';

// Helpers every reader that builds structured content shares (Markdown
// through markdown-it, HTML through the DOM): inline text tidied the same
// way, links allowed to the same addresses, list items shaped as Tiptap's
// schema wants them.

/** Addresses that may become link marks: web pages and e-mail. Anything else keeps its text only. */
export const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

export function sameMarks(a: Mark[] | undefined, b: Mark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** One space between words across nodes, none at the ends, adjacent nodes with equal marks merged. */
export function tidyInline(nodes: TextNode[]): TextNode[] {
  const out: TextNode[] = [];
  for (const node of nodes) {
    let text = node.text.replace(/[\s\p{Zs}]+/gu, ' ');
    const prev = out[out.length - 1];
    if ((prev === undefined || prev.text.endsWith(' ')) && text.startsWith(' ')) text = text.slice(1);
    if (!text) continue;
    if (prev && sameMarks(prev.marks, node.marks)) prev.text += text;
    else out.push(node.marks?.length ? { type: 'text', text, marks: node.marks } : { type: 'text', text });
  }
  const last = out[out.length - 1];
  if (last) {
    last.text = last.text.replace(/ +$/, '');
    if (!last.text) out.pop();
  }
  return out;
}

/**
 * A list item's blocks as list items: content must open with a paragraph (as
 * Tiptap's schema wants), so a leading heading becomes a paragraph, a leading
 * quote is unwrapped and a leading nested list gives its items to the parent.
 */
export function listItemsOf(blocks: Block[]): ListItem[] {
  const [head, ...tail] = blocks;
  if (!head) return [];
  switch (head.type) {
    case 'paragraph':
      return [{ type: 'listItem', content: blocks }];
    case 'heading':
      return head.content?.length ? [{ type: 'listItem', content: [{ type: 'paragraph', content: head.content }, ...tail] }] : listItemsOf(tail);
    case 'blockquote':
      return listItemsOf([...head.content, ...tail]);
    default:
      return [...head.content, ...listItemsOf(tail)];
  }
}
