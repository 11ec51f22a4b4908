import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParsedArticle } from '../../../electron/backend/import/article-reader';
import { readerFor } from '../../../electron/backend/import/readers';

// Test helpers: read a seed article, or an in-memory file, through the
// reader Annalist would choose for its name.

export const SAMPLES_DIR = fileURLToPath(new URL('../../../resources/samples/', import.meta.url));

export function seedPath(prefix: string): string {
  const name = readdirSync(SAMPLES_DIR).find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return SAMPLES_DIR + name;
}

/** The text and Markdown readers are synchronous; this says so to the type checker. */
function synchronous(result: ParsedArticle | Promise<ParsedArticle>): ParsedArticle {
  if (result instanceof Promise) throw new Error('expected a synchronous reader');
  return result;
}

export function readSeed(prefix: string): ParsedArticle {
  const path = seedPath(prefix);
  return synchronous(readerFor(path)!.read({ path, bytes: readFileSync(path) }));
}

export function readAs(name: string, content: string | Uint8Array): ParsedArticle {
  const reader = readerFor(name);
  if (!reader) throw new Error(`no reader for ${name}`);
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return synchronous(reader.read({ path: name, bytes }));
}
