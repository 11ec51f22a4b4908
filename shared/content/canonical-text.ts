import type { Block, ContentDoc, TextBlock } from './doc';

// The canonical plain text of an article is derived from its structured
// content and nothing else, so that offsets stored with a highlight (UTF-16
// code units, as JavaScript strings count them) mean the same thing in the
// back end, the reader and every export. Text blocks (paragraphs, headings)
// in document order, separated by one blank line.
export const BLOCK_SEPARATOR = '\n\n';

export interface TextBlockSpan {
  /** Offset of the block's first character in the canonical text. */
  start: number;
  /** Offset just past the block's last character. */
  end: number;
  text: string;
}

export interface CanonicalText {
  text: string;
  blocks: TextBlockSpan[];
}

export function textBlocksOf(doc: ContentDoc): TextBlock[] {
  const out: TextBlock[] = [];
  const walk = (blocks: Block[]) => {
    for (const block of blocks) {
      if (block.type === 'paragraph' || block.type === 'heading') out.push(block);
      else if (block.type === 'blockquote') walk(block.content);
      else for (const item of block.content) walk(item.content);
    }
  };
  walk(doc.content);
  return out;
}

export function blockText(block: TextBlock): string {
  return (block.content ?? []).map((node) => node.text).join('');
}

export function canonicalText(doc: ContentDoc): CanonicalText {
  const blocks: TextBlockSpan[] = [];
  let text = '';
  for (const block of textBlocksOf(doc)) {
    const t = blockText(block);
    if (blocks.length > 0) text += BLOCK_SEPARATOR;
    blocks.push({ start: text.length, end: text.length + t.length, text: t });
    text += t;
  }
  return { text, blocks };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Words as a reader counts them: a letter or digit followed by letters,
 * digits, apostrophes and hyphens ("Maduro’s", "non-international" are one
 * word each). A character loop with an ASCII fast path: a Unicode-class
 * regular expression over every article was a tenth of import time.
 */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let wordChar: boolean;
    if (c < 128) wordChar = isAsciiAlnum(c) || (inWord && (c === 39 || c === 45));
    else if (inWord && c === 0x2019) wordChar = true;
    else if (c >= 0xd800 && c <= 0xdbff) {
      wordChar = LETTER_OR_DIGIT.test(text.slice(i, i + 2));
      i += 1;
    } else wordChar = LETTER_OR_DIGIT.test(text[i]!);
    if (wordChar && !inWord) count += 1;
    inWord = wordChar;
  }
  return count;
}
