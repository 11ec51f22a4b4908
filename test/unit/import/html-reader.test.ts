import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileRejected, type ParsedArticle } from '../../../electron/backend/import/article-reader';
import { MAX_HTML_BYTES } from '../../../electron/backend/import/html/html-limits';
import { readHtmlArticle } from '../../../electron/backend/import/html/html-article';
import { readerFor } from '../../../electron/backend/import/readers';
import { blockText, canonicalText } from '../../../shared/content/canonical-text';
import type { Block, ContentDoc, Mark } from '../../../shared/content/doc';

const htmlReader = readerFor('page.html')!;

// Real saved pages from the Readability test corpus (beside the repo), read
// as a researcher would import them, and checked for what they would look at:
// the article's text and structure, its title, author, date and outlet with
// where each came from, and that nothing executable survives.

const PAGES = resolve(import.meta.dirname, '../../fixtures/html');

// The module's own function: the registered reader loads it on first use, so it answers with a promise.
function read(bytes: Uint8Array, _path = 'page.html'): ParsedArticle {
  return readHtmlArticle(bytes);
}

const corpusPage = (name: string) => read(readFileSync(join(PAGES, `${name}.html`)), `${name}.html`);
const textOf = (doc: ContentDoc) => canonicalText(doc).text;
const utf8 = (s: string) => new TextEncoder().encode(s);

function rejection(bytes: Uint8Array): string {
  try {
    read(bytes);
  } catch (err) {
    if (err instanceof FileRejected) return err.reason;
    throw err;
  }
  throw new Error('not rejected');
}

function allBlocks(blocks: Block[]): Block[] {
  return blocks.flatMap((b) =>
    b.type === 'blockquote' ? [b, ...allBlocks(b.content)] : b.type === 'bulletList' || b.type === 'orderedList' ? [b, ...b.content.flatMap((i) => allBlocks(i.content))] : [b],
  );
}

function allMarks(doc: ContentDoc): Mark[] {
  return allBlocks(doc.content).flatMap((b) => (b.type === 'paragraph' || b.type === 'heading' ? (b.content ?? []).flatMap((n) => n.marks ?? []) : []));
}

describe('a saved news page (liberation-1, French)', () => {
  const a = corpusPage('liberation-1');
  it('is chosen by its extension', () => {
    expect(readerFor('Article.HTML')).toBe(htmlReader);
    expect(readerFor('page.htm')).toBe(htmlReader);
    expect(readerFor('page.xhtml')).toBe(htmlReader);
  });
  it('keeps the article text, accents intact, without the site around it', () => {
    const text = textOf(a.content);
    expect(text.startsWith('Un troisième Français a été tué dans le tremblement de terre samedi au Népal')).toBe(true);
    expect(text).toContain('ministre des Affaires étrangères');
    expect(text).not.toMatch(/Abonnez-vous|Newsletter|Mentions légales/i);
    expect(text).toBe(text.normalize('NFC'));
  });
  it('has the title, the author without "Par", the outlet, date, section, language and address, each with its source', () => {
    expect(a.title).toBe('Un troisième Français mort dans le séisme au Népal');
    expect(a.author).toBe('Sébastien Farcis');
    expect(a.outlet).toBe('Libération.fr');
    expect(a.publishedAt).toBe('2015-04-30T07:19:58');
    expect(a.language).toBe('fr');
    expect(a.section).toBe('Monde');
    expect(a.url).toBe('http://www.liberation.fr/monde/2015/04/30/un-troisieme-francais-mort-dans-le-seisme-au-nepal_1278483');
    expect(a.fieldSources).toMatchObject({
      title: 'og:title',
      author: 'byline',
      outlet: 'og:site_name',
      publishedAt: 'article:published_time',
      language: 'html lang',
      section: 'article:section',
      url: 'link rel=canonical',
    });
  });
});

describe('metadata from each kind of source', () => {
  it('reads a JSON-LD datePublished with its offset (bbc-1)', () => {
    const a = corpusPage('bbc-1');
    expect(a.title).toBe("Obama admits US gun laws are his 'biggest frustration'");
    expect(a.publishedAt).toBe('2015-07-24T05:36:09+01:00');
    expect(a.fieldSources.publishedAt).toBe('JSON-LD Article');
    expect(a.outlet).toBe('BBC News');
  });
  it('reads Dublin Core title, creators and date (ietf-1)', () => {
    const a = corpusPage('ietf-1');
    expect(a.title).toBe('remoteStorage');
    expect(a.author).toBe('F. Kooman, Michiel de Jong');
    expect(a.publishedAt).toBe('2014-12-15');
    expect(a.fieldSources).toMatchObject({ title: 'dc.title', author: 'dc.creator', publishedAt: 'dc.date.issued' });
  });
  it('reads a <time> in the article when the page has no date in its metadata (lemonde-1)', () => {
    const a = corpusPage('lemonde-1');
    expect(a.publishedAt).toBe('2015-05-04T13:36:31+02:00');
    expect(a.fieldSources.publishedAt).toBe('<time>');
  });
  it('takes the date from the address as a last resort (nytimes-1)', () => {
    const a = corpusPage('nytimes-1');
    expect(a.publishedAt).toBe('2017-01-13');
    expect(a.fieldSources.publishedAt).toBe('URL date pattern');
    expect(a.tags).toContain('Sudan');
    expect(a.fieldSources.tags).toBe('article:tag');
  });
  it('reads article:published_time, og:locale and article:tag (bug-1255978)', () => {
    const a = corpusPage('bug-1255978');
    expect(a.publishedAt).toBe('2015-09-17T16:57:43+01:00');
    expect(a.language).toBe('en-GB');
    expect(a.tags).toEqual(['Hotels', 'Hygiene']);
    expect(a.fieldSources).toMatchObject({ publishedAt: 'article:published_time', language: 'og:locale', tags: 'article:tag', section: 'article:section' });
  });
  it('reads citation_* tags and a NewsArticle inside a JSON-LD @graph', () => {
    const body = '<p>' + 'The survey of coastal wetlands found a steady decline in salt marsh cover across the region. '.repeat(12) + '</p>';
    const scholarly = read(
      utf8(
        `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Journal page</title>
        <meta name="citation_title" content="Salt marsh decline on the Atlantic coast">
        <meta name="citation_author" content="Okafor, Ngozi"><meta name="citation_author" content="Lindqvist, Erik">
        <meta name="citation_date" content="2024/03/07"><meta name="citation_journal_title" content="Coastal Studies">
        </head><body><article><h1>Salt marsh decline on the Atlantic coast</h1>${body}</article></body></html>`,
      ),
    );
    expect(scholarly.title).toBe('Salt marsh decline on the Atlantic coast');
    expect(scholarly.author).toBe('Ngozi Okafor, Erik Lindqvist');
    expect(scholarly.publishedAt).toBe('2024-03-07');
    expect(scholarly.outlet).toBe('Coastal Studies');
    expect(scholarly.fieldSources).toMatchObject({ title: 'citation_title', author: 'citation_author', publishedAt: 'citation_date', outlet: 'citation_journal_title' });

    const graph = read(
      utf8(
        `<!DOCTYPE html><html lang="en"><head><title>Port strike ends | Harbour Times</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","@id":"https://harbour.example/#site","name":"Harbour Times"},
          {"@type":"NewsArticle","headline":"Port strike ends after nine days","datePublished":"2025-11-04T18:20:00-05:00",
           "author":[{"@type":"Person","name":"Dana Whitfield"}],"publisher":{"@id":"https://harbour.example/#site"},
           "keywords":["ports","labour"]}]}</script>
        </head><body><article>${body}</article></body></html>`,
      ),
    );
    expect(graph.title).toBe('Port strike ends after nine days');
    expect(graph.author).toBe('Dana Whitfield');
    expect(graph.publishedAt).toBe('2025-11-04T18:20:00-05:00');
    expect(graph.outlet).toBe('Harbour Times');
    expect(graph.tags).toEqual(['ports', 'labour']);
    expect(graph.fieldSources).toMatchObject({ title: 'JSON-LD NewsArticle', author: 'JSON-LD NewsArticle', publishedAt: 'JSON-LD NewsArticle' });
  });

  it('reads JSON-LD wrapped in a CDATA section, and a Parse.ly date (aclu, wikipedia-2, parsely-metadata)', () => {
    const body = '<p>' + 'The committee heard evidence about the tracking of people who never joined the network. '.repeat(12) + '</p>';
    const cdata = read(
      utf8(
        `<!DOCTYPE html><html><head><title>Tracked without an account</title>
        <script type="application/ld+json">
        <![CDATA[
        {"@context":"https://schema.org","@type":"Article","headline":"Tracked without an account","datePublished":"2018-04-05T06:00"}
        ]]>
        </script></head><body><article>${body}</article></body></html>`,
      ),
    );
    expect(cdata.publishedAt).toBe('2018-04-05T06:00');
    expect(cdata.fieldSources.publishedAt).toBe('JSON-LD Article');

    const parsely = read(
      utf8(
        `<!DOCTYPE html><html><head><title>Budget vote delayed</title><meta name="parsely-pub-date" content="2024-04-20T04:20:00.000Z">
        </head><body><article>${body}</article></body></html>`,
      ),
    );
    expect(parsely.publishedAt).toBe('2024-04-20T04:20:00.000Z');
    expect(parsely.fieldSources.publishedAt).toBe('parsely-pub-date');
  });

  it('takes the JSON-LD name, not a headline that is only a description, when the page title shows the name (wikipedia-2)', () => {
    const body = '<p>' + 'New Zealand is an island country in the southwestern Pacific Ocean, with two main islands. '.repeat(12) + '</p>';
    const a = read(
      utf8(
        `<!DOCTYPE html><html><head><title>New Zealand - Wikipedia</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","name":"New Zealand","headline":"constitutional monarchy in Oceania","datePublished":"2001-10-29T01:59:14Z"}</script>
        </head><body><article>${body}</article></body></html>`,
      ),
    );
    expect(a.title).toBe('New Zealand');
    expect(a.publishedAt).toBe('2001-10-29T01:59:14Z');
  });
});

describe('structure', () => {
  it('keeps headings, lists, quotes, links and figure captions', () => {
    const body = 'Officials described the new rules at length to the assembled reporters on Tuesday morning. '.repeat(6);
    const a = read(
      utf8(`<!DOCTYPE html><html><head><title>Rules</title></head><body><article>
        <h1>New harbour rules</h1><p>${body}</p><h2>What changes</h2>
        <ul><li>Fees rise in <b>March</b></li><li>Night work ends</li></ul>
        <ol start="3"><li>Third step</li><li>Fourth step</li></ol>
        <blockquote><p>“We were not consulted,” said one captain.</p></blockquote>
        <figure><img src="x.jpg"><figcaption>The harbour at dawn.</figcaption></figure>
        <p>Read the <a href="/rules.pdf">full text</a> or <a href="https://example.org/faq">the FAQ</a>. ${body}</p>
        </article></body></html>`),
    );
    const blocks = allBlocks(a.content.content);
    expect(blocks.find((b) => b.type === 'heading' && blockText(b) === 'What changes')).toBeTruthy();
    const bullet = a.content.content.find((b) => b.type === 'bulletList');
    expect(bullet?.type === 'bulletList' && bullet.content.map((i) => blockText(i.content[0] as Extract<Block, { type: 'paragraph' }>))).toEqual(['Fees rise in March', 'Night work ends']);
    const ordered = a.content.content.find((b) => b.type === 'orderedList');
    expect(ordered?.type === 'orderedList' && ordered.attrs?.start).toBe(3);
    expect(a.content.content.some((b) => b.type === 'blockquote')).toBe(true);
    expect(textOf(a.content)).toContain('The harbour at dawn.');
    expect(allMarks(a.content).filter((m) => m.type === 'link').map((m) => m.attrs?.href)).toEqual(['https://example.org/faq']);
    expect(allMarks(a.content).some((m) => m.type === 'bold')).toBe(true);
  });
});

describe('pages in every shape a browser reads', () => {
  it('reads a page that never opens <body> (the parser implies it)', () => {
    const a = read(
      new TextEncoder().encode(
        '<!DOCTYPE html><title>Storm closes the port</title><p>The storm hit the coast on Tuesday, officials said, and the port of La Guaira closed for two days while crews cleared the debris.</p><p>Fishermen said the damage was the worst in a decade.</p>',
      ),
    );
    expect(a.title).toBe('Storm closes the port');
    expect(textOf(a.content)).toContain('Fishermen said the damage was the worst in a decade.');
  });

  it('reads a bare fragment without <html> or <body> (an article saved as Readability gives it)', () => {
    const a = read(
      new TextEncoder().encode(
        '<div id="readability-page-1" class="page"><h2>Strike on two boats</h2><p>Two boats alleged to be carrying drugs were struck on Wednesday, killing five people on board, the US military said.</p><p>The strikes were the latest in a campaign that began in September.</p></div>',
      ),
    );
    expect(textOf(a.content)).toContain('killing five people on board');
    expect(textOf(a.content)).toContain('began in September.');
  });
});

describe('sanitising', () => {
  it('lets no script, event handler or javascript: link through, and keeps the text around them', () => {
    const source = readFileSync(join(PAGES, 'liberation-1.html'), 'utf8').replace(
      'Un troisième Français a été tué',
      '<script>alert("xss")</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)" onclick="alert(3)">Un troisième</a> Français a été tué',
    );
    const a = read(utf8(source));
    const json = JSON.stringify(a);
    expect(json).not.toMatch(/alert|javascript:|onerror|onclick|<script/i);
    expect(textOf(a.content)).toContain('Un troisième Français a été tué');
  });
  it('stores no markup at all: every text node is plain text', () => {
    const a = corpusPage('wapo-1');
    expect(JSON.stringify(a.content)).not.toMatch(/<\/?[a-z][^>]*>/i);
  });
});

describe('bad and pathological pages', () => {
  it('refuses an empty file, a binary file and a page without article text, with a reason', () => {
    expect(rejection(new Uint8Array())).toBe('the file is empty');
    expect(rejection(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))).toBe('it contains binary data, not text');
    expect(rejection(utf8('<html><head><script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav></body></html>'))).toBe('the page holds no article text');
  });
  it('refuses markup nested thousands of levels deep, quickly', () => {
    const start = performance.now();
    expect(rejection(utf8(`<html><body>${'<div>'.repeat(20_000)}text${'</div>'.repeat(20_000)}</body></html>`))).toMatch(/nested more than 512 levels deep/);
    expect(performance.now() - start).toBeLessThan(5000);
  });
  it('refuses a page with hundreds of thousands of elements', () => {
    expect(rejection(utf8(`<html><body><p>${'<span>a</span>'.repeat(150_000)}</p></body></html>`))).toMatch(/more than 100,000 HTML elements/);
  });
  it('reads past a 30 MB attribute (an inlined image) without choking on it', () => {
    const body = 'The council met on Thursday to discuss the budget for the coming year and its effects. '.repeat(10);
    const page = `<html><head><title>Budget</title></head><body><article><img src="data:image/png;base64,${'A'.repeat(30 * 1024 * 1024)}"><p>${body}</p></article></body></html>`;
    const start = performance.now();
    const a = read(utf8(page));
    expect(textOf(a.content)).toContain('The council met on Thursday');
    expect(performance.now() - start).toBeLessThan(20_000);
  });
  it('refuses a file larger than 200 MB before reading it', () => {
    expect(MAX_HTML_BYTES).toBe(200 * 1024 * 1024);
    expect(rejection(new Uint8Array(MAX_HTML_BYTES + 1))).toMatch(/^the page is larger than 200 MB/);
  });
});
