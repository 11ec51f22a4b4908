import type { Block, Heading, ListItem, Mark, TextNode } from '../../../../shared/content/doc';
import { SAFE_HREF, tidyInline } from '../../../../shared/content/build';
import { repairMojibake } from '../../../../shared/text/mojibake';
import type { RtfParagraph, RtfRun } from './rtf-document';

// RTF paragraphs to the article's blocks. A heading is a paragraph with an
// outline level (LibreOffice and Word write \outlinelevelN on headings) or a
// "Heading N" / "Title" paragraph style; a list item is a paragraph that
// carries its number or bullet in \listtext (Word, LibreOffice) or \pntext
// (WordPad, older Word). Consecutive items of one list (same \ls) make one
// list, numbered when their markers are numbers or letters.

const ORDERED_MARKER = /^\(?(\d{1,4}|[a-z]|[ivxlc]{1,6})[.)]/i;

function headingLevel(p: RtfParagraph): Heading['attrs']['level'] | null {
  // Word writes \outlinelevel9 for body text.
  if (p.outlineLevel !== null && p.outlineLevel >= 0 && p.outlineLevel < 9) return Math.min(6, p.outlineLevel + 1) as Heading['attrs']['level'];
  const style = p.styleName?.toLocaleLowerCase() ?? '';
  const numbered = /^heading\s*(\d)$/.exec(style);
  if (numbered) return Math.min(6, Math.max(1, Number(numbered[1]))) as Heading['attrs']['level'];
  return style === 'title' ? 1 : null;
}

/** Adjacent runs with the same formatting as one (the parser splits words at every \'hh or \uN). */
function mergedRuns(runs: RtfRun[]): RtfRun[] {
  const out: RtfRun[] = [];
  for (const run of runs) {
    const prev = out[out.length - 1];
    if (prev && prev.bold === run.bold && prev.italic === run.italic && prev.href === run.href) prev.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

function inline(p: RtfParagraph, withMarks: boolean): TextNode[] {
  return tidyInline(
    mergedRuns(p.runs).map((run): TextNode => {
      const text = repairMojibake(run.text);
      if (!withMarks) return { type: 'text', text };
      const marks: Mark[] = [];
      if (run.bold) marks.push({ type: 'bold' });
      if (run.italic) marks.push({ type: 'italic' });
      if (run.href && SAFE_HREF.test(run.href)) marks.push({ type: 'link', attrs: { href: run.href } });
      return marks.length ? { type: 'text', text, marks } : { type: 'text', text };
    }),
  );
}

interface OpenList {
  ordered: boolean;
  start: number;
  listId: number | null;
  items: ListItem[];
}

function listBlock(list: OpenList): Block {
  if (!list.ordered) return { type: 'bulletList', content: list.items };
  return list.start === 1
    ? { type: 'orderedList', content: list.items }
    : { type: 'orderedList', attrs: { start: list.start }, content: list.items };
}

export function rtfBlocks(paragraphs: RtfParagraph[]): Block[] {
  const blocks: Block[] = [];
  let list: OpenList | null = null;
  const closeList = () => {
    if (list) blocks.push(listBlock(list));
    list = null;
  };

  for (const p of paragraphs) {
    const marker = p.listMarker?.trim() ?? '';
    if (p.listMarker !== null) {
      const content = inline(p, true);
      if (content.length === 0) continue;
      const numbered = ORDERED_MARKER.exec(marker);
      const ordered = numbered !== null;
      const current = list as OpenList | null;
      if (!current || current.ordered !== ordered || current.listId !== p.listId) {
        closeList();
        const start = numbered && /^\d+$/.test(numbered[1]!) ? Number(numbered[1]) : 1;
        list = { ordered, start, listId: p.listId, items: [] };
      }
      list!.items.push({ type: 'listItem', content: [{ type: 'paragraph', content }] });
      continue;
    }
    closeList();
    const level = headingLevel(p);
    // A heading's weight is its level; bold or italic across it says nothing more.
    const content = inline(p, level === null);
    if (content.length === 0) continue;
    blocks.push(level === null ? { type: 'paragraph', content } : { type: 'heading', attrs: { level }, content });
  }
  closeList();
  return blocks;
}
