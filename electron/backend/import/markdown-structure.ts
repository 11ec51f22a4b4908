import MarkdownIt, { type Token } from 'markdown-it';
import { listItemsOf, SAFE_HREF, tidyInline } from '../../../shared/content/build';
import type { Block, ListItem, Mark, Paragraph, TextNode } from '../../../shared/content/doc';
import { collapseSpaces } from '../../../shared/text/whitespace';

// Markdown to structured content, through markdown-it's token stream:
// headings, paragraphs, bullet and ordered lists, blockquotes; bold, italic
// and link marks (links only to http(s) and mailto addresses). Inline code
// becomes plain text, images are left out, line breaks become spaces. Raw
// HTML is reduced to its text. Every block that comes out holds text.

const md = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false }).enable(['table', 'strikethrough']);

// Let every link parse, so that an unsafe one ("javascript:") still shows its
// text; only SAFE_HREF addresses become link marks. No HTML is ever rendered.
md.validateLink = () => true;

function inlineNodes(token: Token | undefined): TextNode[] {
  if (!token || token.type !== 'inline') return [];
  const nodes: TextNode[] = [];
  let bold = 0;
  let italic = 0;
  const links: (string | null)[] = [];
  const push = (text: string) => {
    const marks: Mark[] = [];
    if (bold > 0) marks.push({ type: 'bold' });
    if (italic > 0) marks.push({ type: 'italic' });
    const href = links[links.length - 1];
    if (href) marks.push({ type: 'link', attrs: { href } });
    nodes.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
  };
  for (const child of token.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
        push(child.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        push(' ');
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'link_open': {
        const href = String(child.attrGet('href') ?? '');
        links.push(SAFE_HREF.test(href) ? href : null);
        break;
      }
      case 'link_close':
        links.pop();
        break;
      case 'html_inline':
        if (/^<br\b/i.test(child.content)) push(' ');
        break;
      default:
        // images, strikethrough markers and the rest carry no text of their own
        break;
    }
  }
  return tidyInline(nodes);
}

function paragraphOf(nodes: TextNode[]): Paragraph | null {
  return nodes.length ? { type: 'paragraph', content: nodes } : null;
}

function plainParagraphs(lines: string[]): Block[] {
  return lines.map(collapseSpaces).filter(Boolean).map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }));
}

/** The readable text of a block of raw HTML, one paragraph per block-level element or line. */
function htmlText(html: string): Block[] {
  const text = html
    .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?(p|div|br|li|ul|ol|h[1-6]|blockquote|section|article|tr|table|figure|figcaption)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return plainParagraphs(md.utils.unescapeAll(text).split('\n'));
}

class TokenWalker {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  /** Blocks up to (and past) the closing token of the given type, or to the end. */
  blocks(closeType?: string): Block[] {
    const out: Block[] = [];
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i++]!;
      if (token.type === closeType) break;
      switch (token.type) {
        case 'heading_open': {
          const nodes = inlineNodes(this.tokens[this.i]);
          this.skipPast('heading_close');
          const level = Math.min(6, Math.max(1, Number(token.tag.slice(1)) || 2)) as 1 | 2 | 3 | 4 | 5 | 6;
          if (nodes.length) out.push({ type: 'heading', attrs: { level }, content: nodes });
          break;
        }
        case 'paragraph_open': {
          const p = paragraphOf(inlineNodes(this.tokens[this.i]));
          this.skipPast('paragraph_close');
          if (p) out.push(p);
          break;
        }
        case 'bullet_list_open': {
          const items = this.items('bullet_list_close');
          if (items.length) out.push({ type: 'bulletList', content: items });
          break;
        }
        case 'ordered_list_open': {
          const start = Number(token.attrGet('start') ?? 1);
          const items = this.items('ordered_list_close');
          if (items.length) out.push({ type: 'orderedList', attrs: { start: Number.isFinite(start) ? start : 1 }, content: items });
          break;
        }
        case 'blockquote_open': {
          const content = this.blocks('blockquote_close');
          if (content.length) out.push({ type: 'blockquote', content });
          break;
        }
        case 'fence':
        case 'code_block':
          out.push(...plainParagraphs(token.content.split('\n')));
          break;
        case 'html_block':
          out.push(...htmlText(token.content));
          break;
        case 'table_open':
          out.push(...this.tableRows());
          break;
        default:
          // hr and anything unknown: no text
          break;
      }
    }
    return out;
  }

  private skipPast(type: string): void {
    while (this.i < this.tokens.length && this.tokens[this.i++]!.type !== type) {
      /* advance */
    }
  }

  private items(closeType: string): ListItem[] {
    const items: ListItem[] = [];
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i++]!;
      if (token.type === closeType) break;
      if (token.type === 'list_item_open') items.push(...listItemsOf(this.blocks('list_item_close')));
    }
    return items;
  }

  /** A table as one paragraph per row, cells separated by " | ". */
  private tableRows(): Block[] {
    const rows: Block[] = [];
    let cells: string[] = [];
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i++]!;
      if (token.type === 'table_close') break;
      if (token.type === 'inline') cells.push(inlineNodes(token).map((n) => n.text).join(''));
      if (token.type === 'tr_close') {
        const text = cells.filter(Boolean).join(' | ');
        if (text) rows.push({ type: 'paragraph', content: [{ type: 'text', text }] });
        cells = [];
      }
    }
    return rows;
  }
}

/** The blocks of a Markdown article body (front matter already removed). Every block holds text. */
export function markdownBlocks(body: string): Block[] {
  return new TokenWalker(md.parse(body, {})).blocks();
}
