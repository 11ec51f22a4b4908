import { type Block, type Heading, type ListItem, heading, paragraph } from '../../../../shared/content/doc';
import type { FlowLine } from './pdf-columns';
import { dominantSize } from './pdf-lines';
import { joinLines, type Vocabulary, vocabularyOf } from './line-break-hyphens';

// Lines, in reading order, into the blocks of an article: paragraphs,
// headings and list items. A PDF has no paragraphs, only lines at places;
// a new block starts where a reader's eye sees one:
//
// - the font size changes (a heading, a caption, a byline);
// - the gap above the line is clearly wider than the usual line spacing;
// - the line above ended well short of the column's right edge: the first
//   word of this line would have fitted there, so the line was ended on
//   purpose (the last line of a paragraph);
// - the line is indented further than the one above (a first-line indent),
//   or less far than a block quote's lines above it;
// - the line starts with a list marker: "•", "–", "-", "1.", "2)".
// A paragraph carries on across a page or column break unless one of these
// says otherwise. Headings are short lines in a font clearly larger than the
// body text's; their levels follow their sizes, largest first.
// Pure: works on lines.

export type BlockKind = 'paragraph' | 'heading' | 'bullet' | 'ordered';

/** A block of the article with where it was found, for choosing the title. */
export interface LaidOutBlock {
  kind: BlockKind;
  text: string;
  /** The page the block starts on (1-based). */
  page: number;
  fontSize: number;
  /** For headings. */
  level?: Heading['attrs']['level'];
  /** For ordered list items: the number it carries. */
  number?: number;
}

export interface TextLayout {
  blocks: LaidOutBlock[];
  /** The font size of most of the text. */
  bodySize: number;
}

/** At least this many times the body size: a heading's font. */
export const HEADING_SCALE = 1.15;
const HEADING_MAX_CHARS = 200;
const HEADING_MAX_WORDS = 25;
/** A gap this many times the usual line spacing separates paragraphs. */
const PARAGRAPH_GAP = 1.35;
/** Sizes within this share of each other are the same size. */
const SAME_SIZE = 0.1;

// Bullet signs, with the private-use code points Word's Symbol and Wingdings bullets often come out as.
const BULLET = /^(?:[•◦▪‣●○■□∙➢►▸❖✓✔\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\s*|[-–*]\s+)(?=\S)/u;
const ORDERED = /^(\d{1,3})[.)]\s+(?=\S)/;
/** A sentence or clause ends here (perhaps inside quotes or brackets). */
const CLAUSE_END = /[.!?:;…]["”’»)\]]*$/u;

interface Marker {
  kind: 'bullet' | 'ordered';
  /** The marker as written, with its space. */
  prefix: string;
  number?: number;
  /** A dash or a number may just be a wrapped line of prose; a bullet sign never is. */
  certain: boolean;
}

export function listMarker(text: string): Marker | null {
  const ordered = ORDERED.exec(text);
  if (ordered) return { kind: 'ordered', prefix: ordered[0], number: Number(ordered[1]), certain: false };
  const bullet = BULLET.exec(text);
  if (bullet) return { kind: 'bullet', prefix: bullet[0], certain: !/^[-–*]/u.test(bullet[0]) };
  return null;
}

function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_SIZE * Math.max(a, b);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface SlotBounds {
  left: number;
  right: number;
}

/**
 * Each slot's margins, from its body-size lines: the left edge most lines
 * start at, and the right edge that a tenth of the lines reach (justified
 * text reaches it exactly, ragged text now and then).
 */
function slotBounds(lines: FlowLine[], bodySize: number): Map<string, SlotBounds> {
  const bySlot = new Map<string, FlowLine[]>();
  for (const line of lines) {
    if (!sameSize(line.fontSize, bodySize)) continue;
    const slotLines = bySlot.get(line.slot);
    if (slotLines) slotLines.push(line);
    else bySlot.set(line.slot, [line]);
  }
  const bounds = new Map<string, SlotBounds>();
  for (const [slot, slotLines] of bySlot) {
    const left = dominantSize(slotLines.map((l) => ({ size: l.x0, weight: 1 })));
    const rights = slotLines.map((l) => l.x1).sort((a, b) => b - a);
    bounds.set(slot, { left, right: rights[Math.floor(rights.length * 0.1)]! });
  }
  return bounds;
}

/** The usual distance between the baselines of two body lines in a row. */
function usualLineSpacing(lines: FlowLine[], bodySize: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (a.page !== b.page || a.slot !== b.slot || !sameSize(a.fontSize, bodySize) || !sameSize(b.fontSize, bodySize)) continue;
    const gap = b.y - a.y;
    if (gap > 0.5 * bodySize && gap < 3 * bodySize) gaps.push(gap);
  }
  return median(gaps) ?? 1.2 * bodySize;
}

interface Building {
  kind: BlockKind;
  lines: FlowLine[];
  texts: string[];
  number?: number;
  /** Where the text of a list item starts (after its marker): its wrapped lines start there too. */
  textX: number;
}

/** The blocks of a document whose lines are given in reading order. */
export function layoutText(lines: FlowLine[]): TextLayout {
  const bodySize = dominantSize(lines.map((l) => ({ size: l.fontSize, weight: l.text.length })));
  const spacing = usualLineSpacing(lines, bodySize);
  const bounds = slotBounds(lines, bodySize);
  const boundsOf = (line: FlowLine): SlotBounds => bounds.get(line.slot) ?? bounds.get('1/0') ?? { left: line.x0, right: line.x1 };
  const isHeadingSize = (line: FlowLine) => line.fontSize >= HEADING_SCALE * bodySize;

  const built: Building[] = [];
  let current: Building | null = null;

  /** Whether `line` was ended on purpose: the next line's first word would have fitted after it. */
  const endedShort = (prev: FlowLine, next: FlowLine): boolean => {
    if (/[-‐\u00ad]$/u.test(prev.text)) return false;
    const { right } = boundsOf(prev);
    const room = right - prev.x1;
    const charWidth = (next.x1 - next.x0) / Math.max(1, next.text.length);
    const firstWord = next.text.split(' ', 1)[0] ?? '';
    return room > (firstWord.length + 1) * charWidth + 0.3 * prev.fontSize;
  };

  const startsNewBlock = (block: Building, line: FlowLine, marker: Marker | null): boolean => {
    const prev = block.lines[block.lines.length - 1]!;
    const sameFlow = prev.page === line.page && prev.slot === line.slot && line.y > prev.y;
    if (!sameSize(prev.fontSize, line.fontSize)) return true;
    if (block.kind === 'heading') {
      // A heading's lines follow each other closely on one page (a headline across two columns may
      // wrap to a line as narrow as one of them). Large type too long for a heading is a paragraph
      // (decided once the block is whole).
      return !(prev.page === line.page && line.y > prev.y && line.y - prev.y <= 1.8 * line.fontSize);
    }
    const expected = sameSize(line.fontSize, bodySize) ? spacing : (spacing * line.fontSize) / bodySize;
    const gapped = sameFlow && line.y - prev.y > PARAGRAPH_GAP * expected;
    const short = endedShort(prev, line);
    if (marker) {
      if (marker.certain) return true;
      if (block.kind !== 'paragraph' || gapped || short || CLAUSE_END.test(prev.text)) return true;
    }
    if (gapped || short) return true;

    const em = 0.6 * line.fontSize;
    if (block.kind === 'bullet' || block.kind === 'ordered') {
      // A wrapped item line starts under the item's text, not at the margin.
      return line.x0 < block.textX - em;
    }
    if (sameFlow) {
      if (line.x0 > prev.x0 + em) return true; // indented: a new paragraph
      if (line.x0 < prev.x0 - em && block.lines.length > 1) return true; // out of a block quote
      return false;
    }
    // After a page or column break: indented from the margin means a new paragraph, unless the
    // paragraph's lines were all indented alike (a block quote running on).
    const indent = line.x0 - boundsOf(line).left;
    const prevIndent = prev.x0 - boundsOf(prev).left;
    if (indent <= em) return false;
    return !(block.lines.length > 1 && Math.abs(indent - prevIndent) <= em);
  };

  for (const line of lines) {
    const marker = listMarker(line.text);
    if (current && !startsNewBlock(current, line, marker)) {
      current.lines.push(line);
      current.texts.push(line.text);
      continue;
    }
    // A line that starts a block with a list marker is a list item, whatever the marker.
    const kind: BlockKind = isHeadingSize(line) ? 'heading' : (marker?.kind ?? 'paragraph');
    const useMarker = marker && kind === marker.kind;
    const text = useMarker ? line.text.slice(marker.prefix.length) : line.text;
    const charWidth = (line.x1 - line.x0) / Math.max(1, line.text.length);
    current = {
      kind,
      lines: [line],
      texts: [text],
      textX: useMarker ? line.x0 + marker.prefix.length * charWidth : line.x0,
      ...(useMarker && marker.number !== undefined ? { number: marker.number } : {}),
    };
    built.push(current);
  }

  const vocab = vocabularyOf(lines.map((l) => l.text));
  const blocks: LaidOutBlock[] = [];
  for (const b of built) {
    const text = joinAll(b.texts, vocab);
    if (!text) continue;
    const fontSize = dominantSize(b.lines.map((l) => ({ size: l.fontSize, weight: l.text.length })));
    let kind = b.kind;
    // A "heading" too long to be one is a paragraph in large type (a standfirst, a pull quote).
    if (kind === 'heading' && (text.length > HEADING_MAX_CHARS || text.split(' ').length > HEADING_MAX_WORDS)) kind = 'paragraph';
    blocks.push({ kind, text, page: b.lines[0]!.page, fontSize, ...(b.number !== undefined ? { number: b.number } : {}) });
  }
  assignHeadingLevels(blocks);
  return { blocks, bodySize };
}

function joinAll(texts: string[], vocab: Vocabulary): string {
  let text = '';
  for (const t of texts) text = joinLines(text, t, vocab);
  return text.trim();
}

/** Heading levels by font size: the largest size is level 1, the next 2, and so on (at most 6). */
function assignHeadingLevels(blocks: LaidOutBlock[]): void {
  const sizes: number[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading' && !sizes.some((s) => Math.abs(s - b.fontSize) < 0.5)) sizes.push(b.fontSize);
  }
  sizes.sort((a, b) => b - a);
  for (const b of blocks) {
    if (b.kind !== 'heading') continue;
    const rank = sizes.findIndex((s) => Math.abs(s - b.fontSize) < 0.5);
    b.level = Math.min(6, Math.max(1, rank + 1)) as Heading['attrs']['level'];
  }
}

function listItem(text: string): ListItem {
  return { type: 'listItem', content: [paragraph(text)] };
}

/** The laid-out blocks as document blocks: runs of list items become one list. */
export function toDocBlocks(blocks: LaidOutBlock[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (b.kind === 'bullet') {
      if (last?.type === 'bulletList') last.content.push(listItem(b.text));
      else out.push({ type: 'bulletList', content: [listItem(b.text)] });
    } else if (b.kind === 'ordered') {
      if (last?.type === 'orderedList') last.content.push(listItem(b.text));
      else out.push({ type: 'orderedList', ...(b.number !== undefined && b.number !== 1 ? { attrs: { start: b.number } } : {}), content: [listItem(b.text)] });
    } else if (b.kind === 'heading') {
      out.push(heading(b.text, b.level ?? 2));
    } else {
      out.push(paragraph(b.text));
    }
  }
  return out;
}
