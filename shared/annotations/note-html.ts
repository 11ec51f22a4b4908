// A highlight's note between its stored form (Tiptap JSON, as the note editor
// writes it) and the HTML of a W3C TextualBody. Export escapes every piece of
// text and keeps only the formatting the note editor has. Import never keeps
// markup: HTML is read by a small tokenizer into paragraphs, lists, quotes,
// line breaks and bold/italic/strike/underline/link marks of a new Tiptap
// document; everything else is reduced to its text, and script-like elements
// are dropped with their content. Pure: no DOM, so it runs in every process.
import type { ContentDoc } from '../content/doc';

type MarkName = 'bold' | 'italic' | 'strike' | 'underline' | 'code' | 'link';

interface NoteMark {
  type: MarkName;
  attrs?: { href: string };
}

interface NoteText {
  type: 'text';
  text: string;
  marks?: NoteMark[];
}

interface NoteBreak {
  type: 'hardBreak';
}

type NoteInline = NoteText | NoteBreak;

interface NoteParagraph {
  type: 'paragraph';
  content?: NoteInline[];
}

interface NoteList {
  type: 'bulletList' | 'orderedList';
  attrs?: { start: number };
  content: NoteListItem[];
}

interface NoteListItem {
  type: 'listItem';
  content: NoteBlock[];
}

interface NoteQuote {
  type: 'blockquote';
  content: NoteBlock[];
}

type NoteBlock = NoteParagraph | NoteList | NoteQuote;

// ---------------------------------------------------------------- export

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Only addresses a reader can follow without running anything. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : null;
}

const MARK_TAGS: Partial<Record<string, string>> = { bold: 'strong', italic: 'em', strike: 's', underline: 'u', code: 'code' };
const BLOCK_TAGS: Partial<Record<string, string>> = {
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  blockquote: 'blockquote',
  codeBlock: 'pre',
};

interface LooseNode {
  type?: unknown;
  text?: unknown;
  marks?: unknown;
  attrs?: unknown;
  content?: unknown;
}

function textHtml(node: LooseNode): string {
  let html = escapeHtml(typeof node.text === 'string' ? node.text : '');
  const marks = Array.isArray(node.marks) ? (node.marks as LooseNode[]) : [];
  // Innermost first, so the first mark ends up outermost, as Tiptap renders them.
  for (const mark of [...marks].reverse()) {
    if (mark.type === 'link') {
      const href = typeof (mark.attrs as { href?: unknown } | undefined)?.href === 'string' ? safeHref((mark.attrs as { href: string }).href) : null;
      if (href) html = `<a href="${escapeHtml(href)}">${html}</a>`;
      continue;
    }
    const tag = typeof mark.type === 'string' ? MARK_TAGS[mark.type] : undefined;
    if (tag) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

function nodeHtml(node: LooseNode): string {
  if (node.type === 'text') return textHtml(node);
  if (node.type === 'hardBreak') return '<br>';
  const children = Array.isArray(node.content) ? (node.content as LooseNode[]).map(nodeHtml).join('') : '';
  if (node.type === 'heading') return `<p><strong>${children}</strong></p>`;
  if (node.type === 'orderedList') {
    const start = (node.attrs as { start?: unknown } | undefined)?.start;
    return typeof start === 'number' && Number.isInteger(start) && start !== 1 ? `<ol start="${start}">${children}</ol>` : `<ol>${children}</ol>`;
  }
  const tag = typeof node.type === 'string' ? BLOCK_TAGS[node.type] : undefined;
  // A node type the note editor may gain later keeps its text.
  return tag ? `<${tag}>${children}</${tag}>` : children;
}

/** The note as HTML: every text escaped, links only to http(s) and mailto addresses. */
export function noteToHtml(note: ContentDoc): string {
  return (note.content as LooseNode[]).map(nodeHtml).join('');
}

// ---------------------------------------------------------------- import

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  deg: '°',
  middot: '·',
  bull: '•',
  shy: '\u00ad',
};

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\ufffd';
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, body: string) => {
    if (body[0] === '#') return codePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10));
    return NAMED_ENTITIES[body] ?? whole;
  });
}

// Elements whose content is not text for a reader: dropped whole.
const DROPPED = new Set(['script', 'style', 'template', 'head', 'title', 'iframe', 'object', 'noscript', 'svg', 'math', 'textarea', 'select']);
const PARAGRAPH_LIKE = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'table', 'tr', 'dt', 'dd', 'hr']);
const INLINE_MARKS: Record<string, Exclude<MarkName, 'link'>> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  s: 'strike',
  strike: 'strike',
  del: 'strike',
  u: 'underline',
  code: 'code',
};

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const HREF = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

type Container = { node: { type: 'doc'; content: NoteBlock[] } | NoteList | NoteListItem | NoteQuote };

class NoteBuilder {
  private readonly doc = { type: 'doc' as const, content: [] as NoteBlock[] };
  private readonly stack: Container[] = [{ node: this.doc }];
  private inline: NoteInline[] | null = null;
  private marks: NoteMark[] = [];

  private get top(): Container['node'] {
    return this.stack[this.stack.length - 1]!.node;
  }

  text(raw: string): void {
    // Runs holding a line break or tab are layout of the markup; plain spaces
    // are kept as written, so a note's double spaces survive a round trip.
    const text = raw.replace(/[ \t\n\r\f]*[\t\n\r\f][ \t\n\r\f]*/g, ' ');
    if (!text) return;
    if (this.inline === null && !text.trim()) return;
    this.inline ??= [];
    const last = this.inline[this.inline.length - 1];
    if (last?.type === 'text' && sameMarks(last.marks, this.marks)) last.text += text;
    else this.inline.push(this.marks.length ? { type: 'text', text, marks: this.marks.map((m) => ({ ...m })) } : { type: 'text', text });
  }

  lineBreak(): void {
    this.inline ??= [];
    this.inline.push({ type: 'hardBreak' });
  }

  /** Ends the paragraph being collected (if it holds any words) and puts it in the current container. */
  flush(): void {
    const inline = this.inline;
    this.inline = null;
    if (!inline) return;
    const first = inline[0];
    if (first?.type === 'text') first.text = first.text.replace(/^ +/, '');
    const last = inline[inline.length - 1];
    if (last?.type === 'text') last.text = last.text.replace(/ +$/, '');
    while (inline.length && inline[inline.length - 1]!.type === 'hardBreak') inline.pop();
    while (inline.length && inline[0]!.type === 'hardBreak') inline.shift();
    const content = inline.filter((n) => n.type === 'hardBreak' || n.text.length > 0);
    if (!content.some((n) => n.type === 'text' && n.text.trim())) return;
    this.appendBlock({ type: 'paragraph', content });
  }

  private appendBlock(block: NoteBlock): void {
    let top = this.top;
    // Words directly inside a list (no <li>) get an item of their own.
    if (top.type === 'bulletList' || top.type === 'orderedList') {
      const item: NoteListItem = { type: 'listItem', content: [] };
      top.content.push(item);
      this.stack.push({ node: item });
      top = item;
    }
    (top.content as NoteBlock[]).push(block);
  }

  openList(ordered: boolean, start: number | null): void {
    this.flush();
    const list: NoteList = ordered && start !== null && start !== 1 ? { type: 'orderedList', attrs: { start }, content: [] } : { type: ordered ? 'orderedList' : 'bulletList', content: [] };
    this.appendBlock(list);
    this.stack.push({ node: list });
  }

  openItem(): void {
    this.flush();
    const top = this.top;
    if (top.type === 'listItem') this.closeUntil('listItem');
    if (this.top.type !== 'bulletList' && this.top.type !== 'orderedList') this.openList(false, null);
    const item: NoteListItem = { type: 'listItem', content: [] };
    (this.top as NoteList).content.push(item);
    this.stack.push({ node: item });
  }

  openQuote(): void {
    this.flush();
    const quote: NoteQuote = { type: 'blockquote', content: [] };
    this.appendBlock(quote);
    this.stack.push({ node: quote });
  }

  /** Closes containers up to and including the innermost one of these types, if there is one. */
  closeUntil(...types: string[]): void {
    this.flush();
    const at = this.stack.findLastIndex((c) => types.includes(c.node.type));
    if (at <= 0) return;
    while (this.stack.length > at) this.stack.pop();
  }

  pushMark(mark: NoteMark): void {
    this.marks.push(mark);
  }

  popMark(type: MarkName): void {
    const at = this.marks.findLastIndex((m) => m.type === type);
    if (at >= 0) this.marks.splice(at, 1);
  }

  finish(): ContentDoc | null {
    this.flush();
    const cleaned = cleanBlocks(this.doc.content);
    return cleaned.length ? ({ type: 'doc', content: cleaned } as unknown as ContentDoc) : null;
  }
}

function sameMarks(a: NoteMark[] | undefined, b: NoteMark[]): boolean {
  const left = a ?? [];
  return left.length === b.length && left.every((m, i) => m.type === b[i]!.type && m.attrs?.href === b[i]!.attrs?.href);
}

/** Drops lists, items and quotes left without words; an item always starts with a paragraph, as ProseMirror requires. */
function cleanBlocks(blocks: NoteBlock[]): NoteBlock[] {
  const out: NoteBlock[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') out.push(block);
    else if (block.type === 'blockquote') {
      const content = cleanBlocks(block.content);
      if (content.length) out.push({ type: 'blockquote', content });
    } else {
      const items: NoteListItem[] = [];
      for (const item of block.content) {
        const content = cleanBlocks(item.content);
        if (!content.length) continue;
        if (content[0]!.type !== 'paragraph') content.unshift({ type: 'paragraph' });
        items.push({ type: 'listItem', content });
      }
      if (items.length) out.push({ ...block, content: items });
    }
  }
  return out;
}

/** A note from HTML (a W3C TextualBody in text/html): its words and simple formatting, never its markup. Null when it has no words. */
export function htmlToNote(html: string): ContentDoc | null {
  const b = new NoteBuilder();
  let at = 0;
  let textStart = 0;
  const emitText = (end: number) => {
    if (end > textStart) b.text(decodeEntities(html.slice(textStart, end)));
  };
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      emitText(lt);
      const end = html.indexOf('-->', lt + 4);
      at = textStart = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      emitText(lt);
      const end = html.indexOf('>', lt);
      at = textStart = end === -1 ? html.length : end + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) {
      at = lt + 1; // a lone "<" is text
      continue;
    }
    emitText(lt);
    at = textStart = lt + m[0].length;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const attrs = m[3] ?? '';
    if (DROPPED.has(name)) {
      if (!closing && !m[0].endsWith('/>')) {
        const end = html.toLowerCase().indexOf(`</${name}`, at);
        const close = end === -1 ? -1 : html.indexOf('>', end);
        at = textStart = close === -1 ? html.length : close + 1;
      }
      continue;
    }
    if (name === 'br') b.lineBreak();
    else if (PARAGRAPH_LIKE.has(name)) b.flush();
    else if (name === 'ul' || name === 'ol') {
      if (closing) b.closeUntil(name === 'ul' ? 'bulletList' : 'orderedList');
      else {
        const start = name === 'ol' ? /(?:^|\s)start\s*=\s*["']?(-?\d{1,9})/i.exec(attrs) : null;
        b.openList(name === 'ol', start ? Number(start[1]) : null);
      }
    } else if (name === 'li') {
      if (closing) b.closeUntil('listItem');
      else b.openItem();
    } else if (name === 'blockquote') {
      if (closing) b.closeUntil('blockquote');
      else b.openQuote();
    } else if (name === 'a') {
      if (closing) b.popMark('link');
      else {
        const h = HREF.exec(attrs);
        const href = h ? safeHref(decodeEntities(h[1] ?? h[2] ?? h[3] ?? '')) : null;
        // An unsafe or missing address still closes with </a>: keep the stack balanced with a no-op entry.
        b.pushMark(href ? { type: 'link', attrs: { href } } : { type: 'link', attrs: { href: '' } });
      }
    } else if (INLINE_MARKS[name]) {
      if (closing) b.popMark(INLINE_MARKS[name]);
      else b.pushMark({ type: INLINE_MARKS[name] });
    }
    // Any other element is reduced to its text.
  }
  emitText(html.length);
  return stripEmptyLinks(b.finish());
}

/** Links whose address was refused were kept only to balance the tags; their words stay, unlinked. */
function stripEmptyLinks(doc: ContentDoc | null): ContentDoc | null {
  if (!doc) return doc;
  const visit = (node: { content?: unknown[]; marks?: NoteMark[] }) => {
    if (node.marks) {
      node.marks = node.marks.filter((m) => m.type !== 'link' || (m.attrs?.href ?? '') !== '');
      if (node.marks.length === 0) delete node.marks;
    }
    if (Array.isArray(node.content)) for (const child of node.content) visit(child as { content?: unknown[]; marks?: NoteMark[] });
  };
  visit(doc as unknown as { content?: unknown[] });
  mergeAdjacentText(doc as unknown as { content?: unknown[] });
  return doc;
}

function mergeAdjacentText(node: { content?: unknown[] }): void {
  if (!Array.isArray(node.content)) return;
  const merged: unknown[] = [];
  for (const child of node.content as (NoteInline | { content?: unknown[] })[]) {
    const prev = merged[merged.length - 1] as NoteInline | undefined;
    if ('type' in child && child.type === 'text' && prev?.type === 'text' && sameMarks(prev.marks, child.marks ?? [])) prev.text += child.text;
    else {
      merged.push(child);
      mergeAdjacentText(child as { content?: unknown[] });
    }
  }
  node.content = merged;
}

/** A note from plain text (or Markdown, kept as written): blank lines part paragraphs, single line ends become line breaks. */
export function plainTextToNote(text: string): ContentDoc | null {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim());
  if (paragraphs.length === 0) return null;
  const content: NoteParagraph[] = paragraphs.map((p) => {
    const inline: NoteInline[] = [];
    p.split('\n').forEach((line, i) => {
      if (i > 0) inline.push({ type: 'hardBreak' });
      if (line) inline.push({ type: 'text', text: line });
    });
    return { type: 'paragraph', content: inline };
  });
  return { type: 'doc', content } as unknown as ContentDoc;
}
