// Text widths for SVG labels, measured with a canvas in the page's own font:
// labels are laid out before they are drawn, and an estimate per letter is
// wrong by a third for titles in capitals or in narrow scripts.

let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();
const MAX_CACHED = 50_000;

/** Width in px of `text` drawn in the CSS font `font` (e.g. "12px system-ui"). */
export function measureText(text: string, font: string): number {
  const key = `${font}\u0000${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  let width: number;
  if (context) {
    context.font = font;
    width = context.measureText(text).width;
  } else {
    // No 2D canvas (a locked-down renderer): a generous average for sans-serif text.
    width = text.length * (parseFloat(font) || 12) * 0.6;
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, width);
  return width;
}
