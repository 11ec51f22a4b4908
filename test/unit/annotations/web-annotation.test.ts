import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../../shared/api/types';
import type { ContentDoc } from '../../../shared/content/doc';
import { htmlToNote, noteToHtml, plainTextToNote } from '../../../shared/annotations/note-html';
import {
  AnnotationFileError,
  annotationIri,
  articleSource,
  buildAnnotationCollection,
  normaliseSourceUrl,
  readAnnotationFile,
  sourceKey,
} from '../../../shared/annotations/web-annotation';

const SHA = 'ab'.repeat(32);

function highlight(over: Partial<Highlight> = {}): Highlight {
  return {
    id: 7,
    articleId: 1,
    start: 100,
    end: 128,
    exact: 'killing five people on board',
    prefix: 'alleged to be carrying drugs were struck, ',
    suffix: ', according to the US military.',
    color: 'green',
    createdAt: '2026-01-05T10:00:00.000Z',
    status: 'anchored',
    textVersion: 1,
    originalExact: null,
    note: null,
    noteText: '',
    tags: [],
    ...over,
  };
}

const NOTE: ContentDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Compare  with the ' },
        { type: 'text', text: 'Pentagon <statement>', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' 🦜' },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one & two' }] }] }] },
  ],
};

describe('export', () => {
  const articles = new Map([[1, { id: 1, url: null, sha256: SHA }]]);
  const options = { id: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e', label: 'Test', generated: new Date('2026-01-06T00:00:00Z'), generator: 'Annalist' };

  it('writes a W3C AnnotationCollection with one embedded page', () => {
    const c = buildAnnotationCollection([highlight(), highlight({ id: 8, exact: 'five', start: 108, end: 112, createdAt: '2026-01-05T10:00:01.000Z' })], articles, options);
    expect(c).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      label: 'Test',
      generator: { type: 'Software', name: 'Annalist' },
      generated: '2026-01-06T00:00:00.000Z',
      total: 2,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(c.first.items).toHaveLength(2);
  });

  it('gives a highlight with a note and tags a commenting annotation: HTML note, tags, colour, both selectors', () => {
    const h = highlight({ note: NOTE, noteText: 'Compare  with the Pentagon <statement> 🦜\n\none & two', tags: [{ id: 3, name: 'casualties', color: 'red' }] });
    const [a] = buildAnnotationCollection([h], articles, options).first.items;
    expect(a).toEqual({
      id: annotationIri(SHA, h),
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-01-05T10:00:00.000Z',
      stylesheet: { type: 'CssStylesheet', value: '.annalist-green { background-color: rgba(80, 200, 120, 0.3); }' },
      body: [
        {
          type: 'TextualBody',
          purpose: 'commenting',
          format: 'text/html',
          value: '<p>Compare  with the <strong>Pentagon &lt;statement&gt;</strong> 🦜</p><ul><li><p>one &amp; two</p></li></ul>',
        },
        { type: 'TextualBody', purpose: 'tagging', value: 'casualties' },
      ],
      target: {
        source: `urn:sha256:${SHA}`,
        styleClass: 'annalist-green',
        selector: [
          { type: 'TextQuoteSelector', exact: h.exact, prefix: h.prefix, suffix: h.suffix },
          { type: 'TextPositionSelector', start: 100, end: 128 },
        ],
      },
    });
  });

  it('exports an orphaned highlight with its words only, and a plain highlight without a body', () => {
    const [a] = buildAnnotationCollection([highlight({ status: 'orphaned' })], articles, options).first.items;
    expect(a!.motivation).toBe('highlighting');
    expect(a!.body).toBeUndefined();
    expect(a!.target.selector).toEqual([{ type: 'TextQuoteSelector', exact: 'killing five people on board', prefix: expect.any(String), suffix: expect.any(String) }]);
  });

  it('names the article by its address when it has one', () => {
    expect(articleSource({ url: 'https://www.bbc.com/news/articles/c1', sha256: SHA })).toBe('https://www.bbc.com/news/articles/c1');
    expect(articleSource({ url: 'not an address', sha256: SHA })).toBe(`urn:sha256:${SHA}`);
  });

  it('keeps ids across projects (no row ids in them) and tells apart highlights made in the same instant on the same words', () => {
    const a = highlight({ id: 1 });
    const b = highlight({ id: 999, start: 5000, end: 5028 });
    expect(annotationIri(SHA, a)).toBe(annotationIri(SHA, b));
    expect(annotationIri(SHA, a)).toMatch(/^urn:annalist:annotation:abababababababab:[0-9a-f]{16}$/);
    // A fuzzy re-attachment keeps the id the words it was made on gave it.
    expect(annotationIri(SHA, highlight({ exact: 'killing 5 people on board', originalExact: 'killing five people on board' }))).toBe(annotationIri(SHA, a));
    const ids = buildAnnotationCollection([a, b], articles, options).first.items.map((x) => x.id);
    expect(ids[1]).toBe(`${ids[0]}-2`);
  });
});

describe('notes as HTML', () => {
  it('round-trips the note editor’s formatting, spaces and non-BMP text', () => {
    expect(htmlToNote(noteToHtml(NOTE))).toEqual(NOTE);
  });

  it('keeps the words of foreign HTML and none of its markup', () => {
    const note = htmlToNote(
      '<div>\n  <p onclick="x()">Hello\n   <b>world</b> &amp; more<script>alert(1)</script><style>p{}</style></p>' +
        '<img src=x onerror=alert(1)><a href="javascript:alert(1)">bad link</a> <a href="https://example.org/?a=1&amp;b=2">good</a><ul><li>x<li>y</ul></div>',
    );
    expect(note).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Hello ' }, { type: 'text', text: 'world', marks: [{ type: 'bold' }] }, { type: 'text', text: ' & more' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bad link ' },
            { type: 'text', text: 'good', marks: [{ type: 'link', attrs: { href: 'https://example.org/?a=1&b=2' } }] },
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'y' }] }] },
          ],
        },
      ],
    });
    expect(JSON.stringify(note)).not.toMatch(/alert|onclick|onerror|<|script/);
  });

  it('reads plain text (and Markdown, as written) into paragraphs and line breaks', () => {
    expect(plainTextToNote('First line\nsecond line\n\n\n**Second** paragraph\n')).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First line' }, { type: 'hardBreak' }, { type: 'text', text: 'second line' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '**Second** paragraph' }] },
      ],
    });
    expect(plainTextToNote(' \n\n ')).toBeNull();
    expect(htmlToNote('<p> </p><!-- nothing -->')).toBeNull();
  });
});

describe('sources', () => {
  it.each([
    ['https://www.BBC.com/news/articles/c1/', 'www.bbc.com/news/articles/c1'],
    ['http://www.bbc.com/news/articles/c1#annotations:abc', 'www.bbc.com/news/articles/c1'],
    ['https://www.bbc.com/news/articles/c1?utm_source=twitter&utm_medium=social&page=2', 'www.bbc.com/news/articles/c1?page=2'],
    ['ftp://example.org/file', null],
    ['urn:x-pdf:1234', null],
  ])('%s → %s', (address, key) => {
    expect(normaliseSourceUrl(address)).toBe(key);
  });

  it('reads urn:sha256 in either case', () => {
    expect(sourceKey(`urn:sha256:${SHA.toUpperCase()}`)).toEqual({ kind: 'sha256', key: SHA });
  });
});

describe('reading annotation files', () => {
  const quote = { type: 'TextQuoteSelector', exact: 'five people', prefix: 'killing ', suffix: ' on board' };
  const annotation = { type: 'Annotation', id: 'a1', body: { type: 'TextualBody', value: 'A note' }, target: { source: `urn:sha256:${SHA}`, selector: quote } };

  it.each([
    ['a collection with an embedded first page', { type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [annotation] } }, 'collection'],
    ['a collection whose first page has no id or type', { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { items: [annotation] } }, 'collection'],
    ['a collection with items of its own', { type: 'AnnotationCollection', items: [annotation] }, 'collection'],
    ['a page', { type: 'AnnotationPage', items: [annotation] }, 'page'],
    ['a list', [annotation], 'list'],
    ['one annotation', annotation, 'annotation'],
    ['Hypothesis API rows', { total: 1, rows: [{ id: 'a1', uri: `urn:sha256:${SHA}`, text: 'A note', tags: [], target: [{ source: `urn:sha256:${SHA}`, selector: [quote] }] }] }, 'hypothesis'],
  ])('reads %s', (_name, root, shape) => {
    const file = readAnnotationFile('notes.json', JSON.stringify(root));
    expect(file.shape).toBe(shape);
    expect(file.annotations).toHaveLength(1);
    const [a] = file.annotations;
    expect(a!.id).toBe('a1');
    expect(a!.targets[0]).toMatchObject({ source: `urn:sha256:${SHA}`, quote: { exact: 'five people', prefix: 'killing ', suffix: ' on board' } });
    expect(a!.note).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A note' }] }] });
  });

  it('follows pages embedded through next, takes targets as strings and selectors it knows, and reads colour and tags', () => {
    const file = readAnnotationFile(
      'w3c.jsonld',
      JSON.stringify({
        type: ['AnnotationCollection'],
        first: {
          items: [{ target: 'https://example.org/a' }],
          next: {
            items: [
              {
                '@id': 'x',
                created: '2025-12-31T23:00:00+01:00',
                body: [{ type: 'TextualBody', purpose: 'tagging', value: ' Boat  strikes ' }, { purpose: ['tagging'], value: 'boat strikes' }, 'https://example.org/external-body'],
                target: [
                  {
                    source: { id: 'https://example.org/b', type: 'Text' },
                    styleClass: ['Annalist-Pink'],
                    selector: [
                      { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[2]' } },
                      { type: 'FragmentSelector', value: 'page=2' },
                      { type: 'oa:TextPositionSelector', start: 3, end: 9 },
                      quote,
                    ],
                  },
                ],
              },
            ],
          },
        },
      }),
    );
    expect(file.annotations.map((a) => a.id)).toEqual(['#1', 'x']);
    expect(file.annotations[0]!.targets).toEqual([{ source: 'https://example.org/a', quote: null, position: null, styleClasses: [] }]);
    const b = file.annotations[1]!;
    expect(b).toMatchObject({ created: '2025-12-31T22:00:00.000Z', tags: ['Boat strikes'], color: 'pink', note: null });
    expect(b.targets[0]).toMatchObject({ source: 'https://example.org/b', position: { start: 3, end: 9 }, quote: { exact: 'five people' } });
  });

  it.each([
    ['not JSON', '{"type": "AnnotationCollection", ', /^notes\.json is not JSON \(.+\), so it holds no annotations Annalist can read\.$/],
    ['JSON without annotations', '{"hello": "world"}', /^notes\.json holds no annotations: it is JSON, but not a W3C AnnotationCollection/],
    ['an empty list', '[]', /^notes\.json holds an empty list: there are no annotations to import\.$/],
    ['a number', '42', /^notes\.json holds a number, not annotations/],
    ['a quote that is a number', JSON.stringify([{ target: { source: 's', selector: { type: 'TextQuoteSelector', exact: 42 } } }]), /^notes\.json cannot be read: in annotation 1, “target\[0\]\.selector\[0\]\.exact” should be text, not a number\.$/],
    ['a target that is a number', JSON.stringify([annotation, { id: 'b2', target: 5 }]), /^notes\.json cannot be read: in annotation 2 \(“b2”\), “target\[0\]” should be an object, not a number\.$/],
    ['tags that are not text', JSON.stringify({ rows: [{ id: 'h', tags: [1], target: [] }] }), /^notes\.json cannot be read: in annotation 1 \(“h”\), “tags\[0\]” should be text, not a number\.$/],
    ['a position that ends before it starts', JSON.stringify([{ target: { selector: { type: 'TextPositionSelector', start: 9, end: 3 } } }]), /“target\[0\]\.selector\[0\]” must end after it starts\.$/],
    ['a collection that only points to its pages', JSON.stringify({ type: 'AnnotationCollection', first: 'https://example.org/page1' }), /only points to its annotations at https:\/\/example\.org\/page1/],
    ['rows that are not a list', JSON.stringify({ rows: {} }), /^notes\.json has “rows” that is an object, not a list of annotations\.$/],
  ])('refuses %s with one sentence naming the file', (_name, json, message) => {
    let error: unknown;
    try {
      readAnnotationFile('notes.json', json);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AnnotationFileError);
    expect((error as Error).message).toMatch(message);
  });

  it('accepts an empty W3C collection (a project without highlights exports one)', () => {
    expect(readAnnotationFile('empty.jsonld', JSON.stringify({ type: 'AnnotationCollection', total: 0 })).annotations).toEqual([]);
  });
});
