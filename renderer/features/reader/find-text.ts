// Find in article works on the canonical text (the same offsets highlights
// use), never on the DOM: a 200 KB article is folded once, and each query is
// then a plain indexOf over the folded copy.

export interface SearchIndex {
  /** Lower-cased, marks removed, whitespace runs as one space. */
  folded: string;
  /** For each UTF-16 unit of `folded`: where its source character starts and ends in the text. */
  from: Uint32Array;
  to: Uint32Array;
}

export interface FoundRange {
  start: number;
  end: number;
}

const MARKS = /\p{M}/gu;
const SPACE = /\s/;

/** How one character reads to the search: "É" → "e", "ß" stays, any space → " ". */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    return code === 32 || (code >= 9 && code <= 13) ? ' ' : ch;
  }
  if (SPACE.test(ch)) return ' ';
  return ch.toLowerCase().normalize('NFD').replace(MARKS, '');
}

/** Folds the text once, keeping the way back to its offsets. */
export function buildSearchIndex(text: string): SearchIndex {
  // Plain arrays: a fold can be longer than its source (İ → i + dot → i).
  const from: number[] = [];
  const to: number[] = [];
  const parts: string[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < text.length; ) {
    const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
    const folded = foldChar(text.slice(i, i + width));
    // A run of spaces and line breaks matches one space in the query, so a
    // phrase is found across a non-breaking space or a line end.
    if (folded.length > 0 && !(folded === ' ' && lastWasSpace)) {
      for (let k = 0; k < folded.length; k++) {
        from.push(i);
        to.push(i + width);
      }
      parts.push(folded);
      lastWasSpace = folded === ' ';
    } else if (folded.length === 0 && to.length > 0) {
      // A combining mark belongs to the letter before it: a match ending on
      // that letter takes the accent with it.
      to[to.length - 1] = i + width;
    }
    i += width;
  }
  return { folded: parts.join(''), from: Uint32Array.from(from), to: Uint32Array.from(to) };
}

/** The query as the index reads it; empty when there is nothing to look for. */
export function foldQuery(query: string): string {
  return buildSearchIndex(query.trim()).folded;
}

/**
 * Every occurrence of the query in the text (case- and accent-insensitive),
 * as canonical offsets, in reading order; matches do not overlap.
 */
export function findMatches(index: SearchIndex, query: string): FoundRange[] {
  const needle = foldQuery(query);
  if (!needle) return [];
  const matches: FoundRange[] = [];
  const { folded, from, to } = index;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
    matches.push({ start: from[at]!, end: to[at + needle.length - 1]! });
  }
  return matches;
}

/** The match to show first: the first one at or after the reader's place. */
export function firstMatchFrom(matches: FoundRange[], offset: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (matches[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < matches.length ? lo : 0;
}
