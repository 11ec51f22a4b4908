import type { ArticleReader } from '../article-reader';
import { readTextArticle } from '../article-assembly';
import { plainTextBlocks } from '../plain-text-structure';

/** Plain-text articles (.txt), with or without YAML front matter. */
export const textReader: ArticleReader = {
  extensions: ['txt'],
  mediaType: 'text/plain',
  quick: true,
  read: (file) => readTextArticle(file.bytes, { toBlocks: plainTextBlocks }),
};
