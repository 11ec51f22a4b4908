import type { ArticleReader } from '../article-reader';
import { readTextArticle } from '../article-assembly';
import { markdownBlocks } from '../markdown-structure';

/** Markdown articles (.md, .markdown), with or without YAML front matter; a leading "# H1" is the title. */
export const markdownReader: ArticleReader = {
  extensions: ['md', 'markdown'],
  mediaType: 'text/markdown',
  quick: true,
  read: (file) => readTextArticle(file.bytes, { toBlocks: markdownBlocks, leadingH1IsTitle: true }),
};
