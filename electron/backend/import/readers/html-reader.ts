import type { ArticleReader } from '../article-reader';
import { readHtmlArticle } from '../html/html-article';

/** Saved web pages (.html, .htm, .xhtml): the article Readability finds, sanitised, with the page's metadata. */
export const htmlReader: ArticleReader = {
  extensions: ['html', 'htm', 'xhtml'],
  mediaType: 'text/html',
  read: (file) => readHtmlArticle(file.bytes),
};
