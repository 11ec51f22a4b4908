// White space as an article's text keeps it: one plain space between words.

/**
 * Horizontal white space that needs changing: a run that starts with a tab or
 * a Unicode space other than U+0020 (the \p{Zs} list), or a plain space
 * followed by more. Single plain spaces, the vast majority, are not matched,
 * which keeps this cheap on long texts.
 */
const SPACE_RUN = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000][\t\p{Zs}]*| [\t\p{Zs}]+/gu;

/** Collapses every run of spaces, tabs and Unicode spaces (no-break included) to one space and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(SPACE_RUN, ' ').trim();
}

/** Characters that are invisible and only get in the way of search: soft hyphen, zero-width space, stray BOMs. */
export function removeInvisibles(text: string): string {
  return text.replace(/[\u00ad\u200b\u2060\ufeff]/g, '');
}
