// The structured content of an article: a subset of the ProseMirror/Tiptap
// JSON that StarterKit understands, so the reader can load it unchanged.
export type MarkType = 'bold' | 'italic' | 'link';

export interface Mark {
  type: MarkType;
  attrs?: { href: string };
}

export interface TextNode {
  type: 'text';
  text: string;
  marks?: Mark[];
}

export interface Paragraph {
  type: 'paragraph';
  content?: TextNode[];
}

export interface Heading {
  type: 'heading';
  attrs: { level: 1 | 2 | 3 | 4 | 5 | 6 };
  content?: TextNode[];
}

export interface ListItem {
  type: 'listItem';
  content: Block[];
}

export interface BulletList {
  type: 'bulletList';
  content: ListItem[];
}

export interface OrderedList {
  type: 'orderedList';
  attrs?: { start: number };
  content: ListItem[];
}

export interface Blockquote {
  type: 'blockquote';
  content: Block[];
}

export type TextBlock = Paragraph | Heading;
export type Block = Paragraph | Heading | BulletList | OrderedList | Blockquote;

export interface ContentDoc {
  type: 'doc';
  content: Block[];
}

export function paragraph(text: string): Paragraph {
  return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' };
}

export function heading(text: string, level: Heading['attrs']['level'] = 2): Heading {
  return { type: 'heading', attrs: { level }, content: [{ type: 'text', text }] };
}

export function bulletList(items: string[]): BulletList {
  return { type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) };
}
