// A text with every run of white space collapsed to one space, and the way
// back to the original offsets. Anchoring searches this form so that a
// re-import that reflows paragraphs or doubles a space does not cost a
// highlight, while results are still reported in the original text's units.
// The characters JavaScript's \s matches, tested by code for speed on long texts.
export function isWhiteSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) || code === 32 || code === 160 || code === 5760 || (code >= 8192 && code <= 8202) ||
    code === 8232 || code === 8233 || code === 8239 || code === 8287 || code === 12288 || code === 65279
  );
}

export interface CollapsedText {
  /** The text with each white-space run replaced by a single ' '. */
  text: string;
  /**
   * rawStart[i] is the original offset where collapsed character i begins;
   * rawStart[text.length] is the original length. Collapsed character i
   * covers original [rawStart[i], rawStart[i + 1]).
   */
  rawStart: Int32Array;
}

export function collapseWhiteSpace(raw: string): CollapsedText {
  const rawStart = new Int32Array(raw.length + 1);
  const parts: string[] = [];
  let runFrom = 0;
  let n = 0;
  let i = 0;
  while (i < raw.length) {
    if (isWhiteSpace(raw.charCodeAt(i))) {
      let j = i + 1;
      while (j < raw.length && isWhiteSpace(raw.charCodeAt(j))) j++;
      if (i > runFrom) parts.push(raw.slice(runFrom, i));
      parts.push(' ');
      rawStart[n++] = i;
      i = j;
      runFrom = j;
    } else {
      rawStart[n++] = i;
      i++;
    }
  }
  if (raw.length > runFrom) parts.push(raw.slice(runFrom));
  rawStart[n] = raw.length;
  return { text: parts.join(''), rawStart: rawStart.subarray(0, n + 1) };
}

/** The collapsed offset of the character holding original offset `raw` (the collapsed length at the end). */
export function collapsedOffset(map: CollapsedText, raw: number): number {
  const { rawStart } = map;
  let lo = 0;
  let hi = rawStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((rawStart[mid] as number) <= raw) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
