import { z } from 'zod';
import type { Block, ContentDoc, ListItem, TextNode } from '../content/doc';

// An article's structured content as it crosses the boundary (a corrected
// text from the edit mode). Only the node and mark types the reader and the
// canonical text know are accepted; unknown attributes (an editor's
// target/rel on links, a list's type) are dropped, so what is stored is
// exactly a ContentDoc.
const mark = z.union([
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('link'), attrs: z.object({ href: z.string().max(8000) }) }),
]);

const textNode: z.ZodType<TextNode> = z.object({
  type: z.literal('text'),
  text: z.string(),
  marks: z.array(mark).max(10).optional(),
});

const inline = z.array(textNode).optional();

const listItem: z.ZodType<ListItem> = z.lazy(() => z.object({ type: z.literal('listItem'), content: z.array(block) }));

const block: z.ZodType<Block> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal('paragraph'), content: inline }),
    z.object({
      type: z.literal('heading'),
      attrs: z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]) }),
      content: inline,
    }),
    z.object({ type: z.literal('bulletList'), content: z.array(listItem) }),
    z.object({
      type: z.literal('orderedList'),
      attrs: z.object({ start: z.number().int() }).optional(),
      content: z.array(listItem),
    }),
    z.object({ type: z.literal('blockquote'), content: z.array(block) }),
  ]),
);

/** Articles are at most a few megabytes of text; this bounds what one request may hold. */
export const MAX_CONTENT_JSON = 40_000_000;

export const contentDocSchema: z.ZodType<ContentDoc> = z
  .object({ type: z.literal('doc'), content: z.array(block) })
  .refine((doc) => JSON.stringify(doc).length <= MAX_CONTENT_JSON, 'The corrected article is too large (over 40 MB).');
