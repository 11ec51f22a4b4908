import { readStored, writeStored } from '../../app/stored-preference';

// How the reader sets its text: one size for every article (a reader's eyes
// do not change per article), in whole pixels between bounds that keep a
// line between roughly 45 and 90 characters on a laptop screen.

export const TEXT_SIZE = { min: 14, max: 28, step: 1, initial: 18 } as const;

const SIZE_KEY = 'annalist.reader.textSize';

export function clampTextSize(size: number): number {
  if (!Number.isFinite(size)) return TEXT_SIZE.initial;
  return Math.min(TEXT_SIZE.max, Math.max(TEXT_SIZE.min, Math.round(size)));
}

/** One step larger (+1) or smaller (-1), within the bounds. */
export function stepTextSize(size: number, direction: 1 | -1): number {
  return clampTextSize(size + direction * TEXT_SIZE.step);
}

export function loadTextSize(): number {
  return readStored(SIZE_KEY, (raw) => clampTextSize(Number(raw)), TEXT_SIZE.initial);
}

export function saveTextSize(size: number): void {
  writeStored(SIZE_KEY, String(clampTextSize(size)));
}

/** Where the reader left an article: the canonical offset at the top of the view, and the scroll fraction as a fallback. */
export interface ReadingPosition {
  offset: number;
  fraction: number;
}

const positionKey = (articleId: number) => `annalist.reader.position.${articleId}`;

export function parseReadingPosition(raw: string): ReadingPosition | null {
  try {
    const value = JSON.parse(raw) as Partial<ReadingPosition> | null;
    if (!value || typeof value.offset !== 'number' || typeof value.fraction !== 'number') return null;
    if (!Number.isFinite(value.offset) || value.offset < 0) return null;
    return { offset: Math.floor(value.offset), fraction: Math.min(1, Math.max(0, value.fraction || 0)) };
  } catch {
    return null;
  }
}

export function loadReadingPosition(articleId: number): ReadingPosition | null {
  return readStored(positionKey(articleId), parseReadingPosition, null);
}

export function saveReadingPosition(articleId: number, position: ReadingPosition): void {
  writeStored(positionKey(articleId), JSON.stringify(position));
}
