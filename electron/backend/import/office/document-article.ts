import type { Block } from '../../../../shared/content/doc';
import { blockText } from '../../../../shared/content/canonical-text';
import { articleFrom, hasArticleText, hasLetters, type Sourced, withoutTitleBlock } from '../article-fields';
import { FileRejected, type ParsedArticle } from '../article-reader';
import { chooseTitle, sameTitle } from '../article-title';
import { stripTrailingBoilerplate } from '../site-boilerplate';

// A word-processor document or an e-book to an article, once its blocks and
// properties are read (DOCX, ODT, EPUB alike). The title is, in order: the
// title property when it is a real one; the paragraph styled "Title"; a
// heading at the very top; else found in the text as for any article
// (article-title.ts). The title's paragraph is taken out of the body so it
// is not shown twice. A paragraph styled "Subtitle" is the subtitle.

export const TITLE_STYLE_SOURCE = 'paragraph styled “Title”';
export const SUBTITLE_STYLE_SOURCE = 'paragraph styled “Subtitle”';
export const FIRST_HEADING_SOURCE = 'first heading';

export interface DocumentFields {
  title: Sourced<string> | null;
  author: Sourced<string> | null;
  publishedAt: Sourced<string> | null;
  language: Sourced<string> | null;
  outlet?: Sourced<string> | null;
  tags: Sourced<string[]> | null;
}

export interface StyledParagraphs {
  /** The text of the first paragraph styled as the title, if any (already out of the blocks). */
  title?: string | null;
  subtitle?: string | null;
}



/** Builds the article from a document's blocks, its properties and its styled title paragraphs. Throws FileRejected. */
export function assembleDocumentArticle(allBlocks: Block[], fields: DocumentFields, styled: StyledParagraphs = {}): ParsedArticle {
  if (!hasArticleText(allBlocks) && !styled.title) throw new FileRejected('it holds no article text');
  const furniture = stripTrailingBoilerplate(allBlocks);
  let blocks = hasArticleText(furniture.blocks) ? furniture.blocks : allBlocks;

  let stated: Sourced<string> | null = fields.title;
  if (stated && styled.title && hasLetters(styled.title) && !sameTitle(stated.value, styled.title)) {
    // The property wins, but the headline the reader sees on the page stays in the text.
    blocks = [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: styled.title }] }, ...blocks];
  }
  if (!stated && styled.title && hasLetters(styled.title)) stated = { value: styled.title, source: TITLE_STYLE_SOURCE };
  const lead = blocks[0];
  if (!stated && lead?.type === 'heading' && blocks.length > 1) stated = { value: blockText(lead), source: FIRST_HEADING_SOURCE };
  if (!hasArticleText(blocks)) {
    // Only a title: it is the text too, rather than nothing.
    blocks = [{ type: 'paragraph', content: [{ type: 'text', text: stated?.value ?? styled.title ?? '' }] }];
  }

  const choice = chooseTitle(blocks, stated ? { statedTitle: stated.value, statedTitleSource: stated.source } : {});
  blocks = stated ? withoutTitleBlock(choice.blocks, stated.value) : choice.blocks;

  const subtitle = styled.subtitle && hasLetters(styled.subtitle) ? { value: styled.subtitle, source: SUBTITLE_STYLE_SOURCE } : null;
  return articleFrom(
    choice,
    { subtitle, outlet: fields.outlet ?? null, author: fields.author, publishedAt: fields.publishedAt, language: fields.language, tags: fields.tags },
    furniture.siteName,
    blocks,
  );
}
