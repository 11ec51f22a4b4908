import { childrenNS, descendantsNS, NS } from './xml-document';

// The styles of an OpenDocument text that matter to an article: whether a
// text or paragraph style makes text bold or italic, which paragraph styles
// are the document's Title and Subtitle, and whether a list level is
// bulleted or numbered. Styles live in content.xml (automatic styles: the
// direct formatting a writer applied) and styles.xml (named styles), and
// inherit from their parent style; a property a style leaves unset comes
// from its parent.

export interface TextLook {
  bold?: boolean;
  italic?: boolean;
}

interface StyleRecord {
  family: string;
  parent: string | null;
  look: TextLook;
  listStyle: string | null;
  automatic: boolean;
}

export type ListKind = { kind: 'bullet' } | { kind: 'number'; start: number };

const attr = (el: Element, ns: string, local: string) => el.getAttributeNS(ns, local);

function lookOf(style: Element): TextLook {
  const props = childrenNS(style, NS.style, 'text-properties')[0];
  if (!props) return {};
  const look: TextLook = {};
  const weight = attr(props, NS.fo, 'font-weight');
  if (weight) look.bold = weight === 'bold' || (/^\d+$/.test(weight) && Number(weight) >= 600);
  const fontStyle = attr(props, NS.fo, 'font-style');
  if (fontStyle) look.italic = fontStyle === 'italic' || fontStyle === 'oblique';
  return look;
}

/** Named character styles LibreOffice ships, for documents whose styles.xml does not describe them. */
const BUILT_IN: Record<string, TextLook> = {
  Strong_20_Emphasis: { bold: true },
  Emphasis: { italic: true },
};

export class OdtStyles {
  private readonly styles = new Map<string, StyleRecord>();
  private readonly lists = new Map<string, Element>();

  /** Reads the styles of styles.xml first, then content.xml's, so a document's own styles win. */
  constructor(docs: (Document | null)[]) {
    for (const doc of docs) {
      if (!doc) continue;
      for (const container of [...descendantsNS(doc, NS.office, 'styles'), ...descendantsNS(doc, NS.office, 'automatic-styles')]) {
        const automatic = container.localName === 'automatic-styles';
        for (const style of childrenNS(container, NS.style, 'style')) {
          const name = attr(style, NS.style, 'name');
          if (!name) continue;
          this.styles.set(`${attr(style, NS.style, 'family') ?? ''}:${name}`, {
            family: attr(style, NS.style, 'family') ?? '',
            parent: attr(style, NS.style, 'parent-style-name'),
            look: lookOf(style),
            listStyle: attr(style, NS.style, 'list-style-name'),
            automatic,
          });
        }
        for (const list of childrenNS(container, NS.text, 'list-style')) {
          const name = attr(list, NS.style, 'name');
          if (name) this.lists.set(name, list);
        }
      }
    }
  }

  /** The chain of a style and its ancestors, nearest first (cycles cut). */
  private chain(family: string, name: string | null): { name: string; record: StyleRecord | undefined }[] {
    const out: { name: string; record: StyleRecord | undefined }[] = [];
    const seen = new Set<string>();
    let current = name;
    while (current && !seen.has(current) && out.length < 32) {
      seen.add(current);
      const record = this.styles.get(`${family}:${current}`);
      out.push({ name: current, record });
      current = record?.parent ?? null;
    }
    return out;
  }

  /** The bold and italic a style gives, inherited properties included. */
  look(family: 'text' | 'paragraph', name: string | null, options: { automaticOnly?: boolean } = {}): TextLook {
    const look: TextLook = {};
    for (const { name: styleName, record } of this.chain(family, name)) {
      if (options.automaticOnly && !record?.automatic) break;
      const own = record ? record.look : (BUILT_IN[styleName] ?? {});
      if (look.bold === undefined && own.bold !== undefined) look.bold = own.bold;
      if (look.italic === undefined && own.italic !== undefined) look.italic = own.italic;
    }
    return look;
  }

  /** Whether a paragraph style is, or inherits from, the named style ("Title", "Subtitle"). */
  derivesFrom(name: string | null, target: string): boolean {
    return this.chain('paragraph', name).some((s) => s.name === target);
  }

  /** The list style a paragraph style attaches to its paragraphs, if any. */
  listStyleOfParagraph(name: string | null): string | null {
    for (const { record } of this.chain('paragraph', name)) if (record?.listStyle) return record.listStyle;
    return null;
  }

  /** Whether a list style's level (1-based) is bulleted or numbered; bulleted when unknown. */
  listKind(listStyle: string | null, level: number): ListKind {
    const list = listStyle ? this.lists.get(listStyle) : undefined;
    if (!list) return { kind: 'bullet' };
    for (const child of Array.from(list.children)) {
      if (child.namespaceURI !== NS.text || attr(child, NS.text, 'level') !== String(level)) continue;
      if (child.localName !== 'list-level-style-number') return { kind: 'bullet' };
      // A level numbered with no number shown ("num-format" empty) reads as a plain list.
      if (attr(child, NS.style, 'num-format') === '') return { kind: 'bullet' };
      const start = Number.parseInt(attr(child, NS.text, 'start-value') ?? '1', 10);
      return { kind: 'number', start: Number.isFinite(start) && start > 0 ? start : 1 };
    }
    return { kind: 'bullet' };
  }
}
