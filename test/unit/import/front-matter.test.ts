import { describe, expect, it } from 'vitest';
import { FileRejected } from '../../../electron/backend/import/article-reader';
import { frontMatterFields, splitFrontMatter } from '../../../electron/backend/import/front-matter';
import { normalisePublishedDate } from '../../../electron/backend/import/published-date';
import { canonicalText } from '../../../shared/content/canonical-text';
import { readAs } from './read-seed';

function rejection(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof FileRejected) return err.reason;
    throw err;
  }
  throw new Error('not rejected');
}

const BODY = 'The first paragraph of the article, which is long enough to be a paragraph.\n\nA second one.';

describe('splitFrontMatter', () => {
  it('parses the block at the very top and returns the rest as the body', () => {
    const { data, body } = splitFrontMatter(`---\ntitle: "A title"\nDate: 2026-01-02T02:34:11\n---\n\n${BODY}`);
    expect(data).toEqual({ title: 'A title', date: '2026-01-02T02:34:11' });
    expect(body).toBe(`\n${BODY}`);
  });

  it('accepts an empty block and a "..." closing line', () => {
    expect(splitFrontMatter('---\n---\nText').data).toEqual({});
    expect(splitFrontMatter('---\ntitle: x\n...\nText')).toEqual({ data: { title: 'x' }, body: 'Text' });
  });

  it('leaves text alone that has no front matter, or dashes around prose', () => {
    expect(splitFrontMatter(BODY)).toEqual({ data: null, body: BODY });
    expect(splitFrontMatter('Intro\n---\ntitle: x\n---\n').data).toBeNull();
    expect(splitFrontMatter('---\nJust a line of prose between rules\n---\nText').data).toBeNull();
    expect(splitFrontMatter('---\ntitle: never closed\n\nText').data).toBeNull();
  });

  it('rejects front matter that is not valid YAML, naming the line in the file', () => {
    const reason = rejection(() => splitFrontMatter('---\ntitle: ok\ndate: [2026-01-02\nauthor: x\n---\nText'));
    expect(reason).toMatch(/^its front matter is not valid YAML \(line \d+: .+\)$/);
    const quote = rejection(() => splitFrontMatter('---\nlayout: post\ntitle: "unclosed\n---\nText'));
    expect(quote).toMatch(/^its front matter is not valid YAML \(line [34]: /);
  });
});

describe('frontMatterFields', () => {
  it('maps the usual keys onto the article fields', () => {
    expect(
      frontMatterFields({
        title: ' Latest:  news ',
        date: '2026-01-02T02:34:11',
        author: 'badely',
        categories: ['News'],
        tags: [],
        excerpt: 'In short.',
        url: 'https://example.org/a',
        lang: 'en',
        site_name: 'Example News',
      }),
    ).toEqual({
      title: 'Latest: news',
      publishedAt: '2026-01-02T02:34:11',
      author: 'badely',
      tags: ['News'],
      subtitle: 'In short.',
      url: 'https://example.org/a',
      language: 'en',
      outlet: 'Example News',
    });
  });

  it('joins several authors, merges tags and categories without duplicates', () => {
    const f = frontMatterFields({ authors: ['Ann Lee', { name: 'Bo Chen' }], tags: 'Venezuela, Drugs', categories: ['News', 'venezuela'] });
    expect(f.author).toBe('Ann Lee, Bo Chen');
    expect(f.tags).toEqual(['Venezuela', 'Drugs', 'News']);
  });

  it('keeps only absolute http(s) addresses as url', () => {
    expect(frontMatterFields({ permalink: '/2026/01/02/slug' }).url).toBeUndefined();
    expect(frontMatterFields({ link: 'javascript:alert(1)' }).url).toBeUndefined();
    expect(frontMatterFields({ permalink: '/x', canonical_url: 'http://example.com/x' }).url).toBe('http://example.com/x');
  });

  it('reads the date from published, publishDate or published_at, keeping a bare day as a day', () => {
    expect(frontMatterFields({ published: '2025-12-31' }).publishedAt).toBe('2025-12-31');
    expect(frontMatterFields({ publishdate: '2025-12-31 08:00:00 +0100' }).publishedAt).toBe('2025-12-31T08:00:00+01:00');
    expect(frontMatterFields({ published_at: 'not a date' }).publishedAt).toBeUndefined();
  });
});

describe('normalisePublishedDate', () => {
  it.each([
    ['2026-01-02', '2026-01-02'],
    ['2026-01-02T02:34:11', '2026-01-02T02:34:11'],
    ['2026-01-02T02:34:11Z', '2026-01-02T02:34:11Z'],
    ['2026-01-02 02:34', '2026-01-02T02:34'],
    ['2026/1/2', '2026-01-02'],
    ['January 2, 2026', '2026-01-02'],
    ['2 Jan 2026', '2026-01-02'],
    ['Sept. 2, 2025', '2025-09-02'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePublishedDate(input)).toBe(expected);
  });
  it.each(['2026-02-30', '2026-13-01', 'yesterday', '', '2026-01-02T25:00'])('refuses %j', (input) => {
    expect(normalisePublishedDate(input)).toBeNull();
  });
});

describe('front matter through the readers', () => {
  it('never puts front-matter lines in the text, in .txt or .md', () => {
    const file = `---\nlayout: post\ntitle: "A stated title"\ntags: [a]\n---\n\n${BODY}`;
    for (const name of ['a.txt', 'a.md']) {
      const a = readAs(name, file);
      expect(a.title).toBe('A stated title');
      expect(a.fieldSources.title).toBe('front matter');
      const text = canonicalText(a.content).text;
      expect(text).not.toContain('layout');
      expect(text.startsWith('The first paragraph')).toBe(true);
    }
  });

  it('drops a first line that repeats the front-matter title', () => {
    const a = readAs('a.txt', `---\ntitle: "Maduro’s offer"\n---\nMaduro's offer\n\n${BODY}`);
    expect(canonicalText(a.content).text.startsWith('The first paragraph')).toBe(true);
  });

  it('rejects a file that is only front matter', () => {
    expect(rejection(() => readAs('a.txt', '---\ntitle: Nothing else\n---\n\n  \n'))).toBe('there is no article text after its front matter');
    expect(rejection(() => readAs('a.md', '---\ntitle: Nothing else\n---'))).toBe('there is no article text after its front matter');
  });

  it('rejects malformed YAML with a sentence-ready reason', () => {
    expect(rejection(() => readAs('a.txt', `---\ntitle: [unclosed\n---\n${BODY}`))).toMatch(/^its front matter is not valid YAML \(line \d+: /);
  });
});
