import type { ArticleReader } from '../article-reader';
import { readEmlArticle } from '../mime/eml-article';

/** E-mail messages saved as files (.eml): subject, sender and date from the headers, the HTML or plain-text body. */
export const emlReader: ArticleReader = {
  extensions: ['eml'],
  mediaType: 'message/rfc822',
  read: (file) => readEmlArticle(file.bytes),
};
