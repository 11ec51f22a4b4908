import { listItemsOf, SAFE_HREF, tidyInline } from '../../../../shared/content/build';
import type { Block, ListItem, Mark, TextNode } from '../../../../shared/content/doc';
import { NS } from './xml-document';
import type { OdtStyles } from './odt-styles';

// The body of an OpenDocument text (office:body/office:text in content.xml)
// to blocks:
//   text:h (its text:outline-level, 1–6)     → heading
//   text:p                                   → paragraph; the first styled
//                                              Title or Subtitle is taken
//                                              out as the title or subtitle
//   text:list / text:list-item               → bullet or numbered list, as
//                                              its list style's level says
//   table:table                              → a paragraph per row, cells
//                                              joined by " | " (as for HTML)
//   text:section, text:soft-page-break       → their content / nothing
//   text:span (its style, inherited)         → bold and italic marks; a
//                                              paragraph's own automatic
//                                              style can make it all bold
//   text:a (http, https, mailto)             → link mark
//   text:s, text:tab, text:line-break        → a space (white space is
//                                              collapsed, as everywhere)
//   text:note                                → its body, numbered, in a
//                                              list of notes at the end
// Left out: tables of contents and indexes (they repeat the headings),
// comments (office:annotation), tracked deletions (text:tracked-changes),
// hidden text, drawings and text boxes, field declarations.

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is not the document's text. */
const SKIPPED = new Set([
  `${NS.office}|annotation`,
  `${NS.office}|annotation-end`,
  `${NS.text}|tracked-changes`,
  `${NS.text}|table-of-content`,
  `${NS.text}|illustration-index`,
  `${NS.text}|table-index`,
  `${NS.text}|object-index`,
  `${NS.text}|user-index`,
  `${NS.text}|alphabetical-index`,
  `${NS.text}|bibliography`,
  `${NS.text}|sequence-decls`,
  `${NS.text}|variable-decls`,
  `${NS.text}|user-field-decls`,
  `${NS.text}|dde-connection-decls`,
  `${NS.text}|hidden-text`,
  `${NS.text}|hidden-paragraph`,
  `${NS.text}|note-citation`,
  `${NS.text}|ruby-text`,
  `${NS.office}|forms`,
]);

const DRAWING = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';

export interface OdtBody {
  blocks: Block[];
  title: string | null;
  subtitle: string | null;
}

const BOLD: Mark = { type: 'bold' };
const ITALIC: Mark = { type: 'italic' };

type Look = { bold: boolean; italic: boolean; href: string | null };

function marksOf(look: Look): Mark[] {
  const marks: Mark[] = [];
  if (look.bold) marks.push(BOLD);
  if (look.italic) marks.push(ITALIC);
  if (look.href) marks.push({ type: 'link', attrs: { href: look.href } });
  return marks;
}

const key = (el: Element) => `${el.namespaceURI}|${el.localName}`;
const textAttr = (el: Element, local: string) => el.getAttributeNS(NS.text, local);

class OdtConverter {
  title: string | null = null;
  subtitle: string | null = null;
  readonly notes: Block[][] = [];

  constructor(private readonly styles: OdtStyles) {}

  /** The blocks of a container's children (the body, a section, a list item, a cell, a note). */
  blocks(container: Element, listDepth: number, listStyle: string | null): Block[] {
    const out: Block[] = [];
    for (let child = container.firstElementChild; child; child = child.nextElementSibling) {
      if (SKIPPED.has(key(child)) || child.namespaceURI === DRAWING) continue;
      if (child.namespaceURI === NS.text) {
        switch (child.localName) {
          case 'p':
            this.paragraph(child, out, listDepth > 0);
            continue;
          case 'h':
            this.heading(child, out);
            continue;
          case 'list':
            this.list(child, listDepth + 1, textAttr(child, 'style-name') ?? listStyle, out);
            continue;
          case 'soft-page-break':
            continue;
        }
      }
      if (child.namespaceURI === NS.table && child.localName === 'table') {
        this.table(child, out);
        continue;
      }
      // text:section, text:index-body inside unknown wrappers, office:text's own children…: their content.
      out.push(...this.blocks(child, listDepth, listStyle));
    }
    return out;
  }

  private paragraph(p: Element, out: Block[], inList: boolean): void {
    const style = textAttr(p, 'style-name');
    const own = this.styles.look('paragraph', style, { automaticOnly: true });
    const nodes = this.inline(p, { bold: own.bold ?? false, italic: own.italic ?? false, href: null });
    if (nodes.length === 0) return;
    if (!inList && this.title === null && this.styles.derivesFrom(style, 'Title')) {
      this.title = nodes.map((n) => n.text).join('');
      return;
    }
    if (!inList && this.subtitle === null && this.styles.derivesFrom(style, 'Subtitle')) {
      this.subtitle = nodes.map((n) => n.text).join('');
      return;
    }
    out.push({ type: 'paragraph', content: nodes });
  }

  private heading(h: Element, out: Block[]): void {
    const level = Math.min(6, Math.max(1, Number.parseInt(textAttr(h, 'outline-level') ?? '1', 10) || 1)) as 1 | 2 | 3 | 4 | 5 | 6;
    // A heading's look is the heading's; only marks set inside it (a span, a link) are kept.
    const nodes = this.inline(h, { bold: false, italic: false, href: null });
    if (nodes.length > 0) out.push({ type: 'heading', attrs: { level }, content: nodes });
  }

  private list(list: Element, depth: number, listStyle: string | null, out: Block[]): void {
    const items: ListItem[] = [];
    let style = listStyle;
    for (let child = list.firstElementChild; child; child = child.nextElementSibling) {
      if (child.namespaceURI !== NS.text || (child.localName !== 'list-item' && child.localName !== 'list-header')) continue;
      if (!style) {
        // A list without a list style of its own takes its paragraphs' (the style of its first paragraph).
        const firstP = child.getElementsByTagNameNS(NS.text, 'p')[0] ?? null;
        style = this.styles.listStyleOfParagraph(firstP ? textAttr(firstP, 'style-name') : null);
      }
      items.push(...listItemsOf(this.blocks(child, depth, style)));
    }
    if (items.length === 0) return;
    const kind = this.styles.listKind(style, depth);
    if (kind.kind === 'number') out.push({ type: 'orderedList', attrs: { start: kind.start }, content: items });
    else out.push({ type: 'bulletList', content: items });
  }

  /** One paragraph per row, the cells' text joined by " | ". */
  private table(table: Element, out: Block[]): void {
    for (const row of Array.from(table.getElementsByTagNameNS(NS.table, 'table-row'))) {
      // Rows of tables nested in this one's cells are read with those tables.
      if (nearestTable(row) !== table) continue;
      const cells: TextNode[][] = [];
      for (const cell of Array.from(row.children)) {
        if (cell.namespaceURI !== NS.table || cell.localName !== 'table-cell') continue;
        const nodes: TextNode[] = [];
        for (const block of this.blocks(cell, 0, null)) {
          for (const run of inlineRuns(block)) {
            if (nodes.length > 0) nodes.push({ type: 'text', text: ' ' });
            nodes.push(...run);
          }
        }
        const tidy = tidyInline(nodes);
        if (tidy.length > 0) cells.push(tidy);
      }
      const joined: TextNode[] = [];
      cells.forEach((nodes, i) => {
        if (i > 0) joined.push({ type: 'text', text: ' | ' });
        joined.push(...nodes);
      });
      const content = tidyInline(joined);
      if (content.length > 0) out.push({ type: 'paragraph', content });
    }
  }

  /** The inline text of a paragraph or heading, tidied; notes are set aside. */
  private inline(el: Element, look: Look): TextNode[] {
    const nodes: TextNode[] = [];
    this.inlineInto(el, look, nodes);
    return tidyInline(nodes);
  }

  private inlineInto(el: Element, look: Look, nodes: TextNode[]): void {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        const marks = marksOf(look);
        nodes.push(marks.length ? { type: 'text', text: (child as Text).data, marks } : { type: 'text', text: (child as Text).data });
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const c = child as Element;
      if (SKIPPED.has(key(c)) || c.namespaceURI === DRAWING) continue;
      if (c.namespaceURI === NS.text) {
        switch (c.localName) {
          case 's':
          case 'tab':
          case 'line-break':
            nodes.push({ type: 'text', text: ' ' });
            continue;
          case 'span': {
            const span = this.styles.look('text', textAttr(c, 'style-name'));
            this.inlineInto(c, { ...look, bold: span.bold ?? look.bold, italic: span.italic ?? look.italic }, nodes);
            continue;
          }
          case 'a': {
            const href = c.getAttributeNS(NS.xlink, 'href')?.trim() ?? '';
            this.inlineInto(c, { ...look, href: SAFE_HREF.test(href) ? href : null }, nodes);
            continue;
          }
          case 'note': {
            const body = c.getElementsByTagNameNS(NS.text, 'note-body')[0];
            if (body) this.notes.push(this.blocks(body, 0, null));
            continue;
          }
        }
      }
      // Fields (dates, page numbers, the title), ruby bases, bookmarks and marks: their text, if any.
      this.inlineInto(c, look, nodes);
    }
  }
}

function nearestTable(el: Element): Element | null {
  for (let p = el.parentElement; p; p = p.parentElement) if (p.namespaceURI === NS.table && p.localName === 'table') return p;
  return null;
}

function inlineRuns(block: Block): TextNode[][] {
  if (block.type === 'paragraph' || block.type === 'heading') return block.content ? [block.content] : [];
  if (block.type === 'blockquote') return block.content.flatMap(inlineRuns);
  return block.content.flatMap((item) => item.content.flatMap(inlineRuns));
}

/** The blocks, title and subtitle of a document's office:text element. */
export function odtBody(text: Element, styles: OdtStyles): OdtBody {
  const converter = new OdtConverter(styles);
  const blocks = converter.blocks(text, 0, null);
  const notes = converter.notes.flatMap((note) => listItemsOf(note));
  if (notes.length > 0) blocks.push({ type: 'orderedList', attrs: { start: 1 }, content: notes });
  return { blocks, title: converter.title, subtitle: converter.subtitle };
}
