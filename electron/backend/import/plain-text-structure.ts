import { type Block, type ListItem, heading, paragraph } from '../../../shared/content/doc';
import { collapseSpaces } from '../../../shared/text/whitespace';

// The structure of a plain-text article: paragraphs, headings and lists,
// recovered from line breaks alone.
//
// News text files usually put one paragraph on each line, with or without a
// blank line between paragraphs, so by default every line is a block. A
// hard-wrapped file (lines broken at a fixed width of 30–120 columns) is
// recognised and its lines are joined back into paragraphs. A heading is a
// short line without closing punctuation followed by a real paragraph. Lines
// that start with "- ", "* ", "• " or "1. " are list items.

interface Unit {
  kind: 'text' | 'bullet' | 'ordered';
  text: string;
  /** The number an ordered item carries. */
  number?: number;
}

const BULLET = /^(?:[-*+]\s+|[•◦▪‣·]\s*)(\S.*)$/u;
const ORDERED = /^(\d{1,3})[.)]\s+(\S.*)$/;
/** A decorative rule: "---", "***", "* * *", "=====", "———". */
const RULE = /^(?:([-=_*~#•·+—–])\s*)\1(?:\s*\1)+$/u;
/** Closing punctuation of a sentence or clause, perhaps inside quotes or brackets. */
const CLOSING_PUNCTUATION = /[.!?,;:…]["”’»)\]]*$/u;
const SENTENCE_END = /[.!?…]["”’»)\]]*$/u;

function unitOf(line: string): Unit {
  const ordered = ORDERED.exec(line);
  if (ordered) return { kind: 'ordered', text: ordered[2]!, number: Number(ordered[1]) };
  const bullet = BULLET.exec(line);
  if (bullet) return { kind: 'bullet', text: bullet[1]! };
  return { kind: 'text', text: line };
}

const isListLine = (line: string) => unitOf(line).kind !== 'text';

/** Lines grouped by blank lines (and decorative rules), each trimmed and its spaces collapsed. */
function lineGroups(body: string): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const raw of body.split('\n')) {
    const line = collapseSpaces(raw);
    if (!line || RULE.test(line)) {
      if (current.length) groups.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) groups.push(current);
  return groups;
}

/**
 * The width a hard-wrapped file was wrapped at, or null when its lines are
 * paragraphs. Wrapped text has most of its inner lines (not the last line of
 * a paragraph) near one maximum width, and most of them end mid-sentence;
 * one-paragraph-per-line text has long or ragged lines that end sentences.
 */
export function hardWrapWidth(groups: string[][]): number | null {
  const prose = groups.flat().filter((line) => !isListLine(line));
  if (prose.length < 3) return null;
  const width = prose.reduce((max, line) => Math.max(max, line.length), 0);
  if (width < 30 || width > 120) return null;
  const inner = groups.flatMap((group) =>
    group.filter((line, i) => i < group.length - 1 && !isListLine(line) && !isListLine(group[i + 1]!)),
  );
  if (inner.length < 2) return null;
  const full = inner.filter((line) => line.length >= 0.75 * width).length;
  const ended = inner.filter((line) => SENTENCE_END.test(line)).length;
  return full / inner.length >= 0.6 && ended / inner.length <= 0.5 ? width : null;
}

function firstWord(line: string): string {
  return line.split(' ', 1)[0] ?? '';
}

/** "well-" + "known": a hyphen at a line break belongs to the word, so no space goes in. */
function isHyphenBreak(before: string, after: string): boolean {
  return /\p{L}-$/u.test(before) && /^\p{Ll}/u.test(after);
}

/**
 * Joins a hard-wrapped group's lines into paragraphs and list items. A line
 * that ends well short of the width ends its paragraph (a heading above a
 * paragraph, the last line of a paragraph); so, in a file without blank
 * lines, does a line that ends a sentence when the next word would have fit.
 */
function unwrap(group: string[], width: number, paragraphsAreBlankLineSeparated: boolean): Unit[] {
  const units: Unit[] = [];
  // The unit being built and its text so far, in pieces (joined once, so long paragraphs stay linear).
  let current: { unit: Unit; pieces: string[] } | null = null;
  const flush = () => {
    if (current) units.push({ ...current.unit, text: current.pieces.join('') });
  };
  group.forEach((line, i) => {
    const unit = unitOf(line);
    const prev = group[i - 1];
    const hyphenated = prev !== undefined && isHyphenBreak(prev, line);
    const endedEarly =
      prev !== undefined &&
      !hyphenated &&
      (prev.length <= 0.6 * width ||
        (!paragraphsAreBlankLineSeparated && SENTENCE_END.test(prev) && prev.length + 1 + firstWord(line).length <= width));
    if (!current || unit.kind !== 'text' || endedEarly) {
      flush();
      current = { unit, pieces: [unit.text] };
    } else {
      current.pieces.push(hyphenated ? line : ` ${line}`);
    }
  });
  flush();
  return units;
}

function wordsIn(text: string): number {
  return text.split(' ').filter(Boolean).length;
}

/** Short, one phrase, no closing punctuation, not starting in lower case. */
export function isHeadingLike(text: string): boolean {
  if (text.length > 100 || wordsIn(text) > 12) return false;
  if (CLOSING_PUNCTUATION.test(text)) return false;
  if (/[.!?]["”’]?\s+["“‘]?\p{Lu}/u.test(text)) return false;
  const firstLetter = /\p{L}/u.exec(text)?.[0];
  return firstLetter !== undefined && firstLetter === firstLetter.toLocaleUpperCase();
}

/** A paragraph a heading can stand above: clearly longer, and made of sentences. */
function isBodyParagraph(text: string, headingText: string): boolean {
  if (text.length < Math.max(2 * headingText.length, 80)) return false;
  return SENTENCE_END.test(text) || text.length >= 200;
}

function isHeading(units: Unit[], i: number): boolean {
  const unit = units[i]!;
  const next = units[i + 1];
  const prev = units[i - 1];
  if (unit.kind !== 'text' || !next || next.kind !== 'text') return false;
  // A short line after "...as follows:" is what was announced, not a heading.
  if (prev && prev.text.endsWith(':')) return false;
  return isHeadingLike(unit.text) && isBodyParagraph(next.text, unit.text);
}

function listItem(text: string): ListItem {
  return { type: 'listItem', content: [paragraph(text)] };
}

function blocksOf(units: Unit[]): Block[] {
  const blocks: Block[] = [];
  units.forEach((unit, i) => {
    if (unit.kind === 'text') {
      blocks.push(isHeading(units, i) ? heading(unit.text, 2) : paragraph(unit.text));
      return;
    }
    const last = blocks[blocks.length - 1];
    const continues = units[i - 1]?.kind === unit.kind;
    if (unit.kind === 'bullet') {
      if (continues && last?.type === 'bulletList') last.content.push(listItem(unit.text));
      else blocks.push({ type: 'bulletList', content: [listItem(unit.text)] });
    } else if (continues && last?.type === 'orderedList') {
      last.content.push(listItem(unit.text));
    } else {
      blocks.push({ type: 'orderedList', attrs: { start: unit.number ?? 1 }, content: [listItem(unit.text)] });
    }
  });
  return blocks;
}

/** The blocks of a plain-text article body (front matter already removed). Every block holds text. */
export function plainTextBlocks(body: string): Block[] {
  const groups = lineGroups(body);
  const width = hardWrapWidth(groups);
  const units =
    width === null
      ? groups.flat().map(unitOf)
      : groups.flatMap((group) => unwrap(group, width, groups.length > 1));
  return blocksOf(units);
}
