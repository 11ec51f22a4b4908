import { listItemsOf, SAFE_HREF, tidyInline } from '../../../../shared/content/build';
import type { Block, ListItem, Mark, TextNode } from '../../../../shared/content/doc';

// An article's (sanitised) DOM to structured content. h1–h6 become headings,
// p paragraphs, ul/ol/li lists, blockquote quotes; a figure's caption stays
// as an italic paragraph; pre becomes a paragraph per line; a data table one
// paragraph per row with its cells joined by " | " (a layout table is read
// cell by cell, as the blocks it holds); br is a space. strong/b are bold,
// em/i italic, a link with an http(s) or mailto address a link mark, a
// relative address resolved against the page's URL when that is known.
// Images, media and forms carry no text and are left out. White space is
// collapsed; no block comes out empty. Text that sits beside blocks (in a
// div, a list item, a table cell) becomes a paragraph of its own.

export interface ConvertOptions {
  /** The page's address, for resolving relative links; without it relative links keep their text only. */
  baseUrl?: string | null;
}

type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
type Kind = { type: 'paragraph'; italic: boolean } | { type: 'heading'; level: HeadingLevel };

const PARAGRAPH: Kind = { type: 'paragraph', italic: false };
const CAPTION: Kind = { type: 'paragraph', italic: true };

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements with no text of their own to give (media, embedded content, forms, metadata). */
const DROPPED = new Set(
  ('img picture source track svg math video audio iframe frame frameset object embed applet canvas map area input button ' +
    'select option optgroup datalist textarea script style template noscript noembed noframes head title meta link base ' +
    'dialog form param').split(' '),
);

/** Elements that start and end a block of text but are not blocks of their own. */
const BLOCK_CONTAINERS = new Set(
  ('html body div p section article main header footer aside nav address center details summary dl dt dd fieldset legend ' +
    'hgroup figure search li tbody thead tfoot tr td th colgroup col').split(' '),
);

const BOLD: Mark = { type: 'bold' };
const ITALIC: Mark = { type: 'italic' };

function withMark(marks: Mark[], mark: Mark): Mark[] {
  if (mark.type !== 'link' && marks.some((m) => m.type === mark.type)) return marks;
  const rest = marks.filter((m) => m.type !== mark.type);
  // Stored in one order (bold, italic, link) so that equal mark sets compare equal.
  const order = { bold: 0, italic: 1, link: 2 };
  return [...rest, mark].sort((a, b) => order[a.type] - order[b.type]);
}

/** Builds the blocks of one container (the article, a quote, a list item) from runs of inline text. */
class BlockBuilder {
  readonly blocks: Block[] = [];
  kind: Kind = PARAGRAPH;
  private run: TextNode[] = [];

  text(text: string, marks: Mark[]): void {
    if (text) this.run.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
  }

  /** Ends the current run of text as a block of the current kind (nothing when it holds no text). */
  flush(): void {
    if (this.run.length === 0) return;
    let nodes = tidyInline(this.run);
    this.run = [];
    if (nodes.length === 0) return;
    if (this.kind.type === 'heading') {
      this.blocks.push({ type: 'heading', attrs: { level: this.kind.level }, content: nodes });
      return;
    }
    if (this.kind.italic) nodes = tidyInline(nodes.map((n) => ({ ...n, marks: withMark(n.marks ?? [], ITALIC) })));
    this.blocks.push({ type: 'paragraph', content: nodes });
  }

  /** The blocks so far, with the current run ended. */
  finish(): Block[] {
    this.flush();
    return this.blocks;
  }
}

class Converter {
  constructor(private readonly baseUrl: string | null) {}

  /** Every child of `node`, in order, into `b`. */
  children(node: Node, marks: Mark[], b: BlockBuilder): void {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) b.text((child as Text).data, marks);
      else if (child.nodeType === ELEMENT_NODE) this.element(child as Element, marks, b);
    }
  }

  /** The blocks of a container element of their own (a quote, a list item). */
  blocksOf(node: Node, marks: Mark[]): Block[] {
    const b = new BlockBuilder();
    this.children(node, marks, b);
    return b.finish();
  }

  /** The children of `el` as a block of the given kind (or, when they hold blocks, blocks of it). */
  asKind(el: Element, kind: Kind, marks: Mark[], b: BlockBuilder): void {
    b.flush();
    const outer = b.kind;
    b.kind = kind;
    this.children(el, marks, b);
    b.flush();
    b.kind = outer;
  }

  element(el: Element, marks: Mark[], b: BlockBuilder): void {
    const tag = el.localName;
    if (DROPPED.has(tag)) return;
    switch (tag) {
      case 'br':
        b.text(' ', marks);
        return;
      case 'hr':
        b.flush();
        return;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        this.asKind(el, { type: 'heading', level: Number(tag[1]) as HeadingLevel }, marks, b);
        return;
      case 'figcaption':
      case 'caption':
        this.asKind(el, CAPTION, marks, b);
        return;
      case 'ul':
      case 'ol':
      case 'menu':
        b.flush();
        this.list(el, marks, b);
        return;
      case 'blockquote': {
        b.flush();
        const content = this.blocksOf(el, marks);
        if (content.length > 0) b.blocks.push({ type: 'blockquote', content });
        return;
      }
      case 'pre':
        b.flush();
        this.preformatted(el, marks, b);
        return;
      case 'table':
        b.flush();
        if (isLayoutTable(el)) this.children(el, marks, b);
        else this.tableRows(el, marks, b);
        b.flush();
        return;
      case 'strong':
      case 'b':
        this.children(el, withMark(marks, BOLD), b);
        return;
      case 'em':
      case 'i':
        this.children(el, withMark(marks, ITALIC), b);
        return;
      case 'a': {
        const href = this.linkTarget(el.getAttribute('href'));
        this.children(el, href ? withMark(marks, { type: 'link', attrs: { href } }) : marks.filter((m) => m.type !== 'link'), b);
        return;
      }
      default:
        if (BLOCK_CONTAINERS.has(tag)) {
          b.flush();
          this.children(el, marks, b);
          b.flush();
        } else {
          this.children(el, marks, b);
        }
    }
  }

  /** An http(s) or mailto address for a link, relative ones resolved against the page; null for anything else. */
  linkTarget(href: string | null): string | null {
    const raw = href?.trim();
    if (!raw) return null;
    if (SAFE_HREF.test(raw)) return raw;
    if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || !this.baseUrl) return null;
    try {
      const resolved = new URL(raw, this.baseUrl).href;
      return SAFE_HREF.test(resolved) ? resolved : null;
    } catch {
      return null;
    }
  }

  list(el: Element, marks: Mark[], b: BlockBuilder): void {
    const items: ListItem[] = [];
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const text = (child as Text).data;
        if (text.trim()) items.push(...listItemsOf([{ type: 'paragraph', content: [{ type: 'text', text: text.trim() }] }]));
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const childEl = child as Element;
      const blocks = this.blocksOf(wrapperOf(childEl), marks);
      const last = items[items.length - 1];
      // <ul><li>a</li><ul>…</ul></ul>: a list written straight into a list belongs to the item before it.
      if (last && childEl.localName !== 'li' && blocks.every((x) => x.type === 'bulletList' || x.type === 'orderedList')) {
        last.content.push(...blocks);
        continue;
      }
      items.push(...listItemsOf(blocks));
    }
    if (items.length === 0) return;
    if (el.localName === 'ol') {
      const start = Number.parseInt(el.getAttribute('start') ?? '', 10);
      b.blocks.push({ type: 'orderedList', attrs: { start: Number.isFinite(start) ? start : 1 }, content: items });
    } else {
      b.blocks.push({ type: 'bulletList', content: items });
    }
  }

  /** Preformatted text: one paragraph per line (line breaks kept, inner markup's marks not). */
  preformatted(el: Element, marks: Mark[], b: BlockBuilder): void {
    for (const line of preText(el).split('\n')) {
      b.text(line, marks);
      b.flush();
    }
  }

  /** A data table: its caption, then one paragraph per row, the cells' text joined by " | ". */
  tableRows(table: Element, marks: Mark[], b: BlockBuilder): void {
    const caption = Array.from(table.children).find((c) => c.localName === 'caption');
    if (caption) this.asKind(caption, CAPTION, marks, b);
    for (const row of rowsOf(table)) {
      const cells: TextNode[][] = [];
      for (const cell of Array.from(row.children)) {
        if (cell.localName !== 'td' && cell.localName !== 'th') continue;
        const nodes = this.inlineOf(cell, marks);
        if (nodes.length > 0) cells.push(nodes);
      }
      cells.forEach((nodes, i) => {
        if (i > 0) b.text(' | ', marks.filter((m) => m.type !== 'link'));
        for (const node of nodes) b.text(node.text, node.marks ?? []);
      });
      b.flush();
    }
  }

  /** The text of an element as one run of inline nodes (its blocks joined by spaces). */
  inlineOf(el: Element, marks: Mark[]): TextNode[] {
    const nodes: TextNode[] = [];
    for (const block of this.blocksOf(el, marks)) {
      for (const text of textNodesOf(block)) {
        if (nodes.length > 0) nodes.push({ type: 'text', text: ' ' });
        nodes.push(...text);
      }
    }
    return tidyInline(nodes);
  }
}

/** A list's child as the container of its item's content: an <li> itself, anything else wrapped as if it were one. */
function wrapperOf(el: Element): Node {
  if (el.localName === 'li') return el;
  const fragment = el.ownerDocument.createDocumentFragment();
  fragment.appendChild(el.cloneNode(true));
  return fragment;
}

function textNodesOf(block: Block): TextNode[][] {
  if (block.type === 'paragraph' || block.type === 'heading') return block.content ? [block.content] : [];
  if (block.type === 'blockquote') return block.content.flatMap(textNodesOf);
  return block.content.flatMap((item) => item.content.flatMap(textNodesOf));
}

/** The rows of a table itself (not of tables inside its cells), header, body and footer in document order. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    if (child.localName === 'tr') rows.push(child);
    else if (child.localName === 'thead' || child.localName === 'tbody' || child.localName === 'tfoot') {
      for (const row of Array.from(child.children)) if (row.localName === 'tr') rows.push(row);
    }
  }
  return rows;
}

/**
 * A table used for page layout rather than data: one that holds another
 * table, headings, lists, quotes or several paragraphs in a cell, or a cell
 * with a long text. Its cells are read as blocks, not joined into rows.
 */
export function isLayoutTable(table: Element): boolean {
  if (table.querySelector('table, h1, h2, h3, h4, h5, h6, ul, ol, blockquote, pre')) return true;
  for (const row of rowsOf(table)) {
    for (const cell of Array.from(row.children)) {
      if (cell.querySelectorAll('p, div').length > 1 || (cell.textContent ?? '').length > 400) return true;
    }
  }
  return false;
}

/** The text of a pre element with its line breaks (br elements count as line breaks). */
function preText(el: Element): string {
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) out += (child as Text).data;
      else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).localName;
        if (tag === 'br') out += '\n';
        else if (!DROPPED.has(tag)) walk(child);
      }
    }
  };
  walk(el);
  return out.replace(/\r\n?/g, '\n');
}

/** The blocks of an article's DOM (its sanitised root element). Every block holds text. */
export function htmlToBlocks(root: Node, options: ConvertOptions = {}): Block[] {
  return new Converter(options.baseUrl ?? null).blocksOf(root, []);
}
