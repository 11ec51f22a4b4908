import { type Block } from '../../../shared/content/doc';
import { articleFrom, hasNonBlankText as hasText, type Sourced } from './article-fields';
import { FileRejected, type ParsedArticle } from './article-reader';
import { chooseTitle } from './article-title';
import { decodeText } from './decode-text';
import { FRONT_MATTER_SOURCE, type FrontMatterFields, frontMatterFields, splitFrontMatter } from './front-matter';
import { stripLeadingChrome, stripTrailingBoilerplate } from './site-boilerplate';

// The steps every text-based reader (.txt, .md) shares: bytes to clean
// text, front matter to metadata, the body to blocks (the one step that
// differs by format), page furniture cut from the end, the title found and
// taken out of the body. Pure: no file system, no database.

export interface TextArticleOptions {
  /** Turns the body (front matter removed) into blocks. */
  toBlocks: (body: string) => Block[];
  /** Markdown: a leading "# H1" is the title. */
  leadingH1IsTitle?: boolean;
}

/** Builds the article from its blocks and the front matter's fields. */
export function assembleArticle(blocks: Block[], frontMatter: FrontMatterFields | null, options: { leadingH1IsTitle?: boolean } = {}): ParsedArticle {
  const furniture = stripTrailingBoilerplate(stripLeadingChrome(blocks));
  if (!hasText(furniture.blocks)) throw new FileRejected('it holds no article text');
  const fm = frontMatter ?? { tags: [] };
  const choice = chooseTitle(furniture.blocks, {
    ...(fm.title ? { statedTitle: fm.title, statedTitleSource: FRONT_MATTER_SOURCE } : {}),
    leadingH1IsTitle: options.leadingH1IsTitle ?? false,
  });
  const stated = <T>(value: T | undefined): Sourced<T> | null => (value === undefined ? null : { value, source: FRONT_MATTER_SOURCE });
  return articleFrom(
    choice,
    {
      subtitle: stated(fm.subtitle),
      outlet: stated(fm.outlet),
      author: stated(fm.author),
      publishedAt: stated(fm.publishedAt),
      url: stated(fm.url),
      language: stated(fm.language),
      tags: stated(fm.tags),
    },
    furniture.siteName,
  );
}

/** Reads a text-based article file: decoding, front matter, structure, title. Throws FileRejected. */
export function readTextArticle(bytes: Uint8Array, options: TextArticleOptions): ParsedArticle {
  const text = decodeText(bytes);
  const { data, body } = splitFrontMatter(text);
  if (!body.trim()) throw new FileRejected(data ? 'there is no article text after its front matter' : 'the file is empty');
  const blocks = options.toBlocks(body);
  if (!hasText(blocks)) {
    throw new FileRejected(data ? 'there is no article text after its front matter' : 'it holds no article text');
  }
  return assembleArticle(blocks, data ? frontMatterFields(data) : null, { leadingH1IsTitle: options.leadingH1IsTitle ?? false });
}
