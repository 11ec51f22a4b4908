import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Block, ContentDoc, TextNode } from '../../../shared/content/doc';
import { blockText, textBlocksOf } from '../../../shared/content/canonical-text';
import { FileRejected, type SourceFile } from '../../../electron/backend/import/article-reader';

// Test helpers for the DOCX, ODT, EPUB and ZIP fixtures (made by
// test/fixtures/office/make-fixtures.ts): a fixture as the researcher's
// file, a rejection's reason, and the parts of an article a reader sees.

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** A fixture file ("docx/news-article.docx") as a SourceFile. */
export function fixture(relative: string): SourceFile {
  return { path: `/research/${relative}`, bytes: new Uint8Array(readFileSync(FIXTURES + relative)) };
}

/** The reason a promise rejects with, when it is a FileRejected; anything else fails the test. */
export async function rejection(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (err) {
    if (err instanceof FileRejected) return err.reason;
    throw err;
  }
  throw new Error('expected a FileRejected, but the file was accepted');
}

export function headings(doc: ContentDoc): string[] {
  return doc.content.flatMap((b) => (b.type === 'heading' ? [`h${b.attrs.level} ${blockText(b)}`] : []));
}

export function paragraphs(doc: ContentDoc): string[] {
  return doc.content.flatMap((b) => (b.type === 'paragraph' ? [blockText(b)] : []));
}

/** A list's items as text, nested lists indented by two spaces. */
export function listItems(block: Block | undefined, indent = ''): string[] {
  if (!block || (block.type !== 'bulletList' && block.type !== 'orderedList')) return [];
  return block.content.flatMap((item) =>
    item.content.flatMap((child) =>
      child.type === 'paragraph' || child.type === 'heading' ? [`${indent}${blockText(child)}`] : listItems(child, `${indent}  `),
    ),
  );
}

/** Every text node of the document, in order. */
export function textNodes(doc: ContentDoc): TextNode[] {
  return textBlocksOf(doc).flatMap((b) => b.content ?? []);
}

/** The text carrying a mark of that type ("bold", "italic") or, for links, "link → href". */
export function marked(doc: ContentDoc, type: 'bold' | 'italic' | 'link'): string[] {
  return textNodes(doc)
    .filter((n) => n.marks?.some((m) => m.type === type))
    .map((n) => (type === 'link' ? `${n.text} → ${n.marks!.find((m) => m.type === 'link')!.attrs!.href}` : n.text));
}
