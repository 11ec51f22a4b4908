// White space as an article's text keeps it: one plain space between words.

/** Horizontal white space: tabs, spaces, no-break and the other Unicode spaces. */
const SPACE_RUN = /[\t\p{Zs}]+/gu;

/** Collapses every run of spaces, tabs and Unicode spaces (no-break included) to one space and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(SPACE_RUN, ' ').trim();
}

/** Characters that are invisible and only get in the way of search: soft hyphen, zero-width space, stray BOMs. */
export function removeInvisibles(text: string): string {
  return text.replace(/[\u00ad\u200b\u2060\ufeff]/g, '');
}
