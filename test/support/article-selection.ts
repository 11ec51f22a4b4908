import type { Page } from 'playwright-core';

// Run inside the page (as text: the node tsconfig has no DOM types). Finds
// `wanted` in the article's text nodes, scrolls it into view and returns
// points just inside its first and last characters, from DOM Ranges.
const CHARACTER_POINTS = String.raw`(wanted) => {
  const root = document.querySelector('.ProseMirror');
  if (!root) throw new Error('no article on the page');
  const nodes = [];
  let all = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n, start: all.length });
    all += n.data;
  }
  const at = all.indexOf(wanted);
  if (at < 0) throw new Error('the article does not contain ' + JSON.stringify(wanted));
  const locate = (offset) => {
    const hit = [...nodes].reverse().find((x) => x.start <= offset);
    return { node: hit.node, offset: offset - hit.start };
  };
  const first = locate(at);
  const last = locate(at + wanted.length - 1);
  first.node.parentElement.scrollIntoView({ block: 'center' });
  const charRect = (p) => {
    const r = document.createRange();
    r.setStart(p.node, p.offset);
    r.setEnd(p.node, p.offset + 1);
    return r.getBoundingClientRect();
  };
  const a = charRect(first);
  const b = charRect(last);
  return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
}`;

/** Drags the real mouse from the first to the last character of `text` in the article, as a researcher selects. */
export async function dragSelect(page: Page, text: string): Promise<void> {
  const points = (await page.evaluate(`(${CHARACTER_POINTS})(${JSON.stringify(text)})`)) as {
    x1: number;
    y1: number;
    x2: number;
    y2: number;
  };
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move((points.x1 + points.x2) / 2, (points.y1 + points.y2) / 2, { steps: 8 });
  await page.mouse.move(points.x2, points.y2, { steps: 8 });
  await page.mouse.up();
}
