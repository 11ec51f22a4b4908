import type { ArticleReader } from '../article-reader';
import { readMhtmlArticle } from '../mime/mhtml-article';

/** Web pages saved as a single file (.mhtml, .mht): the page's HTML part, read as a saved page. */
export const mhtmlReader: ArticleReader = {
  extensions: ['mhtml', 'mht'],
  mediaType: 'multipart/related',
  read: (file) => readMhtmlArticle(file.bytes),
};
