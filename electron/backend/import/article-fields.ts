import type { Block } from '../../../shared/content/doc';
import { blockText, textBlocksOf } from '../../../shared/content/canonical-text';
import type { ParsedArticle } from './article-reader';
import { sameTitle, type TitleChoice } from './article-title';

// The last step every reader shares: the title found (article-title.ts),
// the fields the file states (each with where it came from), and what the
// text itself gives (a section label above the title, a site's name in the
// footer) become one ParsedArticle with its fieldSources.

/** A value and where it came from ("og:title", "front matter", "DOCX core properties", …). */
export interface Sourced<T> {
  value: T;
  source: string;
}

export const SITE_FOOTER_SOURCE = 'site footer';
export const FIRST_LINE_SOURCE = 'first line';

/** The metadata a file states; a field left out or null is not stated. */
export interface StatedFields {
  subtitle?: Sourced<string> | null;
  outlet?: Sourced<string> | null;
  author?: Sourced<string> | null;
  publishedAt?: Sourced<string> | null;
  url?: Sourced<string> | null;
  section?: Sourced<string> | null;
  language?: Sourced<string> | null;
  tags?: Sourced<string[]> | null;
}

/** Whether a text holds any letter or digit. */
export const hasLetters = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/** Whether blocks hold any letter or digit. */
export function hasArticleText(blocks: Block[]): boolean {
  return textBlocksOf({ type: 'doc', content: blocks }).some((b) => hasLetters(blockText(b)));
}

/** Whether blocks hold anything but white space (the text and HTML readers' test: a page of punctuation is still text). */
export function hasNonBlankText(blocks: Block[]): boolean {
  return textBlocksOf({ type: 'doc', content: blocks }).some((b) => blockText(b).trim() !== '');
}

/** The blocks without the first of the top five whose text is the title (so it is not shown twice). */
export function withoutTitleBlock(blocks: Block[], title: string): Block[] {
  const i = blocks.slice(0, 5).findIndex((b) => (b.type === 'heading' || b.type === 'paragraph') && sameTitle(blockText(b), title));
  return i < 0 || blocks.length === 1 ? blocks : [...blocks.slice(0, i), ...blocks.slice(i + 1)];
}

/**
 * The article: the chosen title, the stated fields, a section label from
 * the first line when none is stated, the site footer's name when no outlet
 * is stated. `blocks` defaults to the title choice's.
 */
export function articleFrom(choice: TitleChoice, stated: StatedFields, siteName: string | null, blocks: Block[] = choice.blocks): ParsedArticle {
  const fieldSources: Record<string, string> = { title: choice.titleSource };
  const take = <T>(field: string, sourced: Sourced<T> | null | undefined): T | null => {
    if (!sourced) return null;
    fieldSources[field] = sourced.source;
    return sourced.value;
  };
  const tags = stated.tags && stated.tags.value.length > 0 ? stated.tags : null;
  return {
    title: choice.title,
    titleInferred: choice.titleInferred,
    subtitle: take('subtitle', stated.subtitle),
    outlet: take('outlet', stated.outlet ?? (siteName ? { value: siteName, source: SITE_FOOTER_SOURCE } : null)),
    author: take('author', stated.author),
    publishedAt: take('publishedAt', stated.publishedAt),
    url: take('url', stated.url),
    section: take('section', stated.section ?? (choice.section ? { value: choice.section, source: FIRST_LINE_SOURCE } : null)),
    language: take('language', stated.language),
    tags: take('tags', tags) ?? [],
    content: { type: 'doc', content: blocks },
    fieldSources,
  };
}
