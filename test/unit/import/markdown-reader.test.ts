import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../../../electron/backend/import/markdown-structure';
import { canonicalText } from '../../../shared/content/canonical-text';
import type { Block } from '../../../shared/content/doc';
import { readAs } from './read-seed';

const PARA = 'Venezuelan leader Nicolás Maduro said on Thursday he was open to talks with the US.';

describe('markdownBlocks', () => {
  it('turns headings, paragraphs, lists and quotes into blocks', () => {
    const blocks = markdownBlocks(
      ['## Background', '', PARA, '', '- one', '- two', '', '3. three', '4. four', '', '> Quoted', '> words.', '', '###### Small'].join('\n'),
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'bulletList', 'orderedList', 'blockquote', 'heading']);
    expect(blocks[0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Background' }] });
    expect(blocks[3]).toMatchObject({ type: 'orderedList', attrs: { start: 3 } });
    expect(blocks[4]).toEqual({ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted words.' }] }] });
    expect(blocks[5]).toMatchObject({ type: 'heading', attrs: { level: 6 } });
    expect(canonicalText({ type: 'doc', content: blocks }).text).toBe(`Background\n\n${PARA}\n\none\n\ntwo\n\nthree\n\nfour\n\nQuoted words.\n\nSmall`);
  });

  it('keeps bold, italic and safe links as marks', () => {
    const [p] = markdownBlocks('Some **bold** and *italic* and [a link](https://example.org/x) and [mail](mailto:a@b.org).');
    expect(p).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Some ' },
        { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'italic', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'a link', marks: [{ type: 'link', attrs: { href: 'https://example.org/x' } }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'mail', marks: [{ type: 'link', attrs: { href: 'mailto:a@b.org' } }] },
        { type: 'text', text: '.' },
      ],
    });
  });

  it('keeps the text of links to anything but http(s) and mailto, without the link', () => {
    const [p] = markdownBlocks('[click](javascript:alert(1)) [local](/path) [file](file:///etc/passwd)');
    expect(p).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'click local file' }] });
  });

  it('makes inline code plain text, drops images, and turns line breaks into spaces', () => {
    const [p] = markdownBlocks('Run `annalist` now ![a chart](chart.png)  \nnext line\nsoft break');
    expect(p).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Run annalist now next line soft break' }] });
  });

  it('leaves out blocks that hold only an image or a rule, and keeps no empty block', () => {
    const blocks = markdownBlocks(`![photo](a.jpg)\n\n---\n\n${PARA}\n\n* \n\n<!-- comment -->`);
    expect(blocks).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: PARA }] }]);
  });

  it('reduces raw HTML to its text', () => {
    const blocks = markdownBlocks('<div class="x"><p>First &amp; foremost</p><script>evil()</script><p>Second</p></div>\n\nText with <b>inline</b> tags.');
    expect(canonicalText({ type: 'doc', content: blocks }).text).toBe('First & foremost\n\nSecond\n\nText with inline tags.');
  });

  it('keeps nested lists with their items opening with a paragraph', () => {
    const [list] = markdownBlocks('- outer\n  - inner\n- second') as [Extract<Block, { type: 'bulletList' }>];
    expect(list.content).toHaveLength(2);
    expect(list.content[0]!.content.map((b) => b.type)).toEqual(['paragraph', 'bulletList']);
  });
});

describe('the Markdown reader', () => {
  it('takes a leading # H1 as the title and leaves it out of the body', () => {
    const a = readAs('story.md', `# Maduro open to talks\n\n${PARA}\n\n## Reaction\n\nMore text follows here, and ends.`);
    expect(a.title).toBe('Maduro open to talks');
    expect(a.titleInferred).toBe(false);
    expect(a.fieldSources.title).toBe('first heading');
    expect(canonicalText(a.content).text.startsWith(PARA)).toBe(true);
    expect(a.content.content[1]).toMatchObject({ type: 'heading', attrs: { level: 2 } });
  });

  it('reads front matter first, then the body; the front-matter title wins over the H1', () => {
    const a = readAs('story.markdown', `---\ntitle: Stated\ndate: 2025-12-31\nauthor: [Ann, Bo]\n---\n# Another heading\n\n${PARA}`);
    expect(a.title).toBe('Stated');
    expect(a.publishedAt).toBe('2025-12-31');
    expect(a.author).toBe('Ann, Bo');
    expect(canonicalText(a.content).text).toBe(`Another heading\n\n${PARA}`);
  });

  it('strips page furniture at the end', () => {
    const a = readAs('story.md', `# T\n\n${PARA}\n\n## Related Articles\n\n- [Share on Facebook](https://facebook.com/x)\n\nCopyright © 2026 Example`);
    expect(canonicalText(a.content).text).toBe(PARA);
  });

  it('infers a title when there is no heading', () => {
    const a = readAs('story.md', `${PARA} And a second sentence follows it.`);
    expect(a.titleInferred).toBe(true);
    expect(a.title).toBe('Venezuelan leader Nicolás Maduro said on Thursday he was open to talks with the US');
  });
});
