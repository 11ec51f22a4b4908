import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendContext } from '../../electron/backend/api/backend-context';
import type { Highlight } from '../../shared/api/types';
import type { ContentDoc } from '../../shared/content/doc';
import { contractCalls, contractProject } from '../support/contract-calls';
import { REPO_ROOT, RESOURCES_DIR, SEEDS_DIR, tempProject } from '../support/temp-project';

// W3C Web Annotation export and import through the contract, on real
// project files: project A (the seeds, highlighted) exports; project B (the
// same seed files, no highlights) imports.

const A = contractProject();

type Calls = ReturnType<typeof contractCalls>;
let B: Calls & { cleanup: () => Promise<void>; ctx: BackendContext };

beforeEach(async () => {
  const project = await tempProject();
  const ctx: BackendContext = { db: project.db, projectPath: project.path, resourcesDir: RESOURCES_DIR, pdf: A.ctx.pdf, transport: 'http' };
  B = { ...contractCalls(() => ctx), cleanup: project.cleanup, ctx };
});
afterEach(async () => B.cleanup());

const HYPOTHESIS = join(REPO_ROOT, 'test', 'fixtures', 'annotations', 'hypothesis-api.json');

/** The seed files, as the window's import sends them. */
async function seedFiles() {
  const names = (await readdir(SEEDS_DIR)).filter((n) => n.endsWith('.txt')).sort();
  return Promise.all(names.map(async (name) => ({ name, base64: (await readFile(join(SEEDS_DIR, name))).toString('base64') })));
}

async function article(calls: Calls, titleStart: string) {
  const a = (await calls.value('library.list', {})).find((x) => x.title.startsWith(titleStart))!;
  const { text } = await calls.value('reader.getArticle', { id: a.id });
  return { ...a, text };
}

function at(text: string, passage: string, occurrence = 1): number {
  let i = -1;
  for (let n = 0; n < occurrence; n++) {
    i = text.indexOf(passage, i + 1);
    expect(i, passage).toBeGreaterThanOrEqual(0);
  }
  return i;
}

const BOLD_NOTE: ContentDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Check against the ' },
        { type: 'text', text: 'Pentagon statement', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' of that day.' },
      ],
    },
  ],
};

const RICH_NOTE = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Two sources ' },
        { type: 'text', text: 'disagree', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' 🦜 — see ' },
        { type: 'text', text: 'the CNN report', marks: [{ type: 'link', attrs: { href: 'https://edition.cnn.com/2025/12/30/politics/cia-drone-strike' } }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'and the <NYT> piece & its sources.' },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'CNN: a drone strike' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'NYT:  sources close to the matter' }] }] },
      ],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'If confirmed…', marks: [{ type: 'bold' }, { type: 'italic' }] }] }] },
  ],
} as unknown as ContentDoc;

const PLAIN_NOTE: ContentDoc = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Spelled with an accent here,' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'without one in seed 004.' }] },
  ],
};

/** Highlights on four of the seeds: overlapping, across two paragraphs, a repeated phrase, notes, tags and colours. */
async function highlightSeeds(calls: Calls): Promise<Highlight[]> {
  const boat = await calls.value('tags.create', { name: 'boat strikes', color: 'red' });
  const casualties = await calls.value('tags.create', { name: 'Casualties', color: 'purple' });
  const hegseth = await calls.value('tags.create', { name: 'Hegseth' });

  const latest = await article(calls, 'Latest: Maduro');
  const invites = await article(calls, 'Maduro Invites');
  const phone = await article(calls, 'Donald Trump and Nicolas Maduro');
  const action = await article(calls, 'US Conducts Military Action');

  const make = async (
    a: { id: number; text: string },
    start: number,
    end: number,
    color: 'yellow' | 'green' | 'blue' | 'pink' | 'orange',
    extra: { note?: ContentDoc; tagIds?: number[] } = {},
  ) => {
    let h = await calls.value('annotations.createHighlight', { articleId: a.id, start, end, color });
    if (extra.note) h = await calls.value('annotations.updateHighlight', { id: h.id, note: extra.note });
    if (extra.tagIds) h = await calls.value('annotations.setHighlightTags', { id: h.id, tagIds: extra.tagIds });
    return h;
  };

  const boats = 'two boats alleged to be carrying drugs were struck';
  const s = at(latest.text, boats);
  const paragraphEnd = latest.text.indexOf('\n\n', s);
  const carrying = at(latest.text, 'carrying drugs');
  const trafficking = at(invites.text, 'drug trafficking', 2);
  const maduro = at(invites.text, 'Nicolás Maduro');
  const kill = at(phone.text, '“Kill them all”');
  const ramsey = at(action.text, '“This is not a deployment focused on regime change.');
  const ramseyEnd = action.text.indexOf('– Geoff Ramsey', ramsey) + '– Geoff Ramsey'.length;

  return [
    await make(latest, s, s + boats.length, 'yellow', { note: BOLD_NOTE, tagIds: [boat.id, casualties.id] }),
    // Overlaps the first and runs into the next paragraph.
    await make(latest, s + 4, paragraphEnd + 12, 'green', { note: RICH_NOTE }),
    // A short quote inside the first.
    await make(latest, carrying, carrying + 'carrying drugs'.length, 'blue', { tagIds: [boat.id] }),
    // The second of four occurrences of the same words.
    await make(invites, trafficking, trafficking + 'drug trafficking'.length, 'pink'),
    await make(invites, maduro, maduro + 'Nicolás Maduro'.length, 'orange', { note: PLAIN_NOTE }),
    await make(phone, kill, kill + '“Kill them all”'.length, 'orange', { tagIds: [hegseth.id] }),
    await make(action, ramsey, ramseyEnd, 'yellow', { note: BOLD_NOTE, tagIds: [casualties.id, hegseth.id] }),
  ];
}

/** Every highlight of the project, keyed by its article's original hash so two projects compare. */
async function highlightsBySeed(calls: Calls) {
  const out: (Highlight & { sha256: string })[] = [];
  for (const a of await calls.value('library.list', {})) {
    for (const h of await calls.value('annotations.listHighlights', { articleId: a.id })) out.push({ ...h, sha256: a.sha256 });
  }
  return out;
}

const comparable = (h: Highlight & { sha256: string }) => ({
  sha256: h.sha256,
  start: h.start,
  end: h.end,
  exact: h.exact,
  prefix: h.prefix,
  suffix: h.suffix,
  color: h.color,
  status: h.status,
  createdAt: h.createdAt,
  note: h.note,
  noteText: h.noteText,
  tags: h.tags.map((t) => t.name),
});

const byPlace = (a: { sha256: string; start: number; end: number }, b: { sha256: string; start: number; end: number }) =>
  a.sha256.localeCompare(b.sha256) || a.start - b.start || a.end - b.end;

describe('W3C round trip', () => {
  it('re-imports an export of the seeds’ highlights into an empty project: every one anchored where it was, with its note, tags and colour', async () => {
    await A.value('library.importSamples', {});
    const made = await highlightSeeds(A);
    const exported = await A.value('annotations.exportWebAnnotations', {});
    expect(exported.fileName).toMatch(/^test-annotations\.jsonld$/);
    expect(exported.total).toBe(made.length);

    const doc = JSON.parse(exported.json) as {
      '@context': string;
      type: string;
      total: number;
      first: { type: string; items: { id: string; motivation: string; body?: { purpose: string; format?: string; value: string }[]; target: { source: string; styleClass: string; selector: { type: string }[] } }[] };
    };
    expect(doc).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: made.length, first: { type: 'AnnotationPage' } });
    const seeds = await A.value('library.list', {});
    for (const item of doc.first.items) {
      // The seeds carry no web address: their originals' hashes name them.
      expect(seeds.map((a) => `urn:sha256:${a.sha256}`)).toContain(item.target.source);
      expect(item.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
      expect(item.target.styleClass).toMatch(/^annalist-(yellow|green|blue|pink|orange)$/);
    }
    const rich = doc.first.items.find((i) => i.body?.some((b) => b.value.includes('Two sources')))!;
    expect(rich.motivation).toBe('commenting');
    expect(rich.body![0]).toMatchObject({ purpose: 'commenting', format: 'text/html' });
    expect(rich.body![0]!.value).toContain('<em>disagree</em>');
    expect(rich.body![0]!.value).toContain('&lt;NYT&gt; piece &amp; its sources');

    await B.value('library.importFiles', { files: await seedFiles() });
    const report = await B.value('annotations.importWebAnnotations', { fileName: exported.fileName, json: exported.json });
    expect(report.annotations.map((o) => o.status)).toEqual(made.map(() => 'anchored'));
    expect(report).toMatchObject({ fileName: exported.fileName, added: made.length, alreadyPresent: [] });
    const inA = (await highlightsBySeed(A)).map(comparable).sort(byPlace);
    const inB = (await highlightsBySeed(B)).map(comparable).sort(byPlace);
    expect(inB).toEqual(inA);
    // Each outcome names where it attached: the place it had in A.
    const bArticles = await B.value('library.list', {});
    for (const [i, o] of report.annotations.entries()) {
      const item = doc.first.items[i]!;
      const position = item.target.selector[1] as unknown as { start: number; end: number };
      expect(o).toEqual({ id: item.id, status: 'anchored', articleId: bArticles.find((a) => `urn:sha256:${a.sha256}` === item.target.source)!.id, start: position.start, end: position.end });
    }
    // Tags are matched by name: each is made once in B.
    expect((await B.value('tags.list', {})).map((t) => [t.name, t.highlightCount])).toEqual([
      ['boat strikes', 2],
      ['Casualties', 2],
      ['Hegseth', 2],
    ]);

    // The same file again: nothing doubled, each reported where its highlight is.
    const again = await B.value('annotations.importWebAnnotations', { fileName: exported.fileName, json: exported.json });
    expect(again.annotations).toEqual(report.annotations);
    expect(again).toMatchObject({ added: 0, alreadyPresent: made.map((_, i) => i) });
    expect(await highlightsBySeed(B)).toHaveLength(made.length);

    // Exported again from B, the annotations keep their ids.
    const reexported = JSON.parse((await B.value('annotations.exportWebAnnotations', {})).json) as typeof doc;
    expect(reexported.first.items.map((i) => i.id).sort()).toEqual(doc.first.items.map((i) => i.id).sort());
    expect(new Set(doc.first.items.map((i) => i.id)).size).toBe(made.length);
  });

  it('exports one article, and refuses an article that is not there', async () => {
    await A.value('library.importSamples', {});
    await highlightSeeds(A);
    const latest = await article(A, 'Latest: Maduro');
    const one = await A.value('annotations.exportWebAnnotations', { articleId: latest.id });
    expect(one.total).toBe(3);
    expect(one.fileName).toBe('latest-maduro-says-venezuela-open-to-us-talks-on-drug-trafficking-annotations.jsonld');
    expect(new Set((JSON.parse(one.json) as { first: { items: { target: { source: string } }[] } }).first.items.map((i) => i.target.source))).toEqual(
      new Set([`urn:sha256:${latest.sha256}`]),
    );
    const missing = await A.call('annotations.exportWebAnnotations', { articleId: 999 });
    expect(missing).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no article 999 in this project.' } });
  });

  it('exports an orphaned highlight with its words only, and a re-import keeps it orphaned on its article, once', async () => {
    await A.value('library.importSamples', {});
    const latest = await article(A, 'Latest: Maduro');
    const s = at(latest.text, 'killing five people on board');
    const h = await A.value('annotations.createHighlight', { articleId: latest.id, start: s, end: s + 28 });
    await A.value('annotations.updateHighlight', { id: h.id, note: BOLD_NOTE });
    // A correction that removes the words orphans the highlight.
    const detail = await A.value('reader.getArticle', { id: latest.id });
    const corrected = JSON.parse(JSON.stringify(detail.content).replaceAll('killing five people on board', 'with no one hurt')) as ContentDoc;
    await A.value('reader.correctText', { articleId: latest.id, baseVersion: detail.textVersion, content: corrected });
    expect((await A.value('annotations.listHighlights', { articleId: latest.id }))[0]!.status).toBe('orphaned');

    const exported = await A.value('annotations.exportWebAnnotations', {});
    const item = (JSON.parse(exported.json) as { first: { items: { target: { selector: { type: string }[] } }[] } }).first.items[0]!;
    expect(item.target.selector.map((x) => x.type)).toEqual(['TextQuoteSelector']);

    const back = await A.value('annotations.importWebAnnotations', { fileName: 'a.jsonld', json: exported.json });
    expect(back.annotations).toEqual([
      {
        id: expect.stringMatching(/^urn:annalist:annotation:/),
        status: 'orphaned',
        articleId: latest.id,
        error: expect.stringMatching(/^Its words \(“killing five people on board”\) were not found convincingly in the article; it is kept there as an orphaned highlight/),
      },
    ]);
    expect(back).toMatchObject({ added: 0, alreadyPresent: [0] });
    expect(await A.value('annotations.listHighlights', { articleId: latest.id })).toHaveLength(1);
  });
});

describe('a Hypothesis API file', () => {
  it('attaches what matches, keeps the unmatched quote as an orphan with its note, and says why the rest failed', async () => {
    await B.value('library.importFiles', { files: await seedFiles() });
    const latest = await article(B, 'Latest: Maduro');
    // A tag already in the project is joined whatever its case.
    await B.value('tags.create', { name: 'Casualties', color: 'red' });
    const json = await readFile(HYPOTHESIS, 'utf8');
    const report = await B.value('annotations.importWebAnnotations', { fileName: 'hypothesis-api.json', json });
    const blast = at(latest.text, 'The blast was caused by a drone strike carried out by the CIA');
    const dialogue = at(latest.text, 'Maduro said he was ready for dialogue with the US "wherever they want and whenever they want"');
    expect(report.annotations).toEqual([
      { id: 'Yq3pUeC9EfC4jR8kL2mN1A', status: 'anchored', articleId: latest.id, start: 1051, end: 1079 },
      { id: 'b7Rk0sQ2EfCq5yN9aP4tWw', status: 'moved', articleId: latest.id, start: blast, end: blast + 61 },
      { id: 'cQ1m8sQ3EfC9sZb1nF7kVg', status: 'fuzzy', articleId: latest.id, start: dialogue, end: dialogue + 93 },
      { id: 'dX4n2sQ4EfCm3hJ6oB8rTe', status: 'orphaned', articleId: latest.id, error: expect.stringContaining('kept there as an orphaned highlight, with its note and tags, to re-attach by hand') },
      {
        id: 'eP7c5sQ5EfCk2gD3uV1yXq',
        status: 'failed',
        error: 'No article in this project has the source https://www.theguardian.com/world/2026/jan/02/venezuela-maduro-us-talks-drug-trafficking.',
      },
      { id: 'fK9w6sQ6EfCx4rT2mA5zUo', status: 'failed', error: expect.stringMatching(/^It has no TextQuoteSelector, so it marks no passage \(a page note or a reply has none/) },
    ]);
    expect(report).toMatchObject({ added: 4, alreadyPresent: [], articles: [{ id: latest.id, title: latest.title }] });

    const highlights = await B.value('annotations.listHighlights', { articleId: latest.id });
    const byExact = (words: string) => highlights.find((h) => h.exact === words || h.originalExact === words)!;
    expect(byExact('killing five people on board')).toMatchObject({
      status: 'anchored',
      color: 'yellow',
      createdAt: '2026-01-03T09:14:22.512Z',
      noteText: "Five dead. Compare with **SOUTHCOM**'s own figure.\n\nAsk the desk for the press release.",
      tags: [{ name: 'Casualties' }, { name: 'SOUTHCOM' }],
      // Context from this project's text, not the web page's.
      suffix: ', according to the US military.\n',
    });
    expect(byExact('The blast was caused by a drone strike carried out by the CIA')).toMatchObject({ status: 'moved', noteText: '', note: null, tags: [{ name: 'CIA' }] });
    // A fuzzy match keeps what the text says and the words it was made on.
    expect(byExact('Maduro said he was ready for talks with the US "wherever they want and whenever they want"')).toMatchObject({
      status: 'fuzzy',
      exact: 'Maduro said he was ready for dialogue with the US "wherever they want and whenever they want"',
      originalExact: 'Maduro said he was ready for talks with the US "wherever they want and whenever they want"',
    });
    // The researcher's note survives on the orphan.
    expect(byExact('The president announced a naval blockade of the entire Venezuelan coastline')).toMatchObject({
      status: 'orphaned',
      noteText: 'Need to verify: Reuters says no blockade was announced.',
      tags: [{ name: 'to verify' }],
    });
    expect(highlights).toHaveLength(4);
    expect((await B.value('tags.list', {})).map((t) => t.name)).toEqual(['Casualties', 'CIA', 'SOUTHCOM', 'to verify']);

    const again = await B.value('annotations.importWebAnnotations', { fileName: 'hypothesis-api.json', json });
    expect(again.annotations).toEqual(report.annotations);
    expect(again).toMatchObject({ added: 0, alreadyPresent: [0, 1, 2, 3] });
    expect(await B.value('annotations.listHighlights', { articleId: latest.id })).toHaveLength(4);

    // The researcher re-attaches the orphan by hand; the file imported once more leaves it there.
    const orphan = byExact('The president announced a naval blockade of the entire Venezuelan coastline');
    const blockade = at(latest.text, 'Trump said the US had carried out a strike on a "dock area"');
    await B.value('annotations.reattachHighlight', { id: orphan.id, start: blockade, end: blockade + 59 });
    const third = await B.value('annotations.importWebAnnotations', { fileName: 'hypothesis-api.json', json });
    expect(third.annotations[3]).toEqual({ id: 'dX4n2sQ4EfCm3hJ6oB8rTe', status: 'anchored', articleId: latest.id, start: blockade, end: blockade + 59 });
    expect(third).toMatchObject({ added: 0, alreadyPresent: [0, 1, 2, 3] });
    expect(await B.value('annotations.listHighlights', { articleId: latest.id })).toHaveLength(4);
  });

  it('matches a web address however it is written (http or https, fragment, trailing slash, utm_ parameters)', async () => {
    await B.value('library.importFiles', { files: await seedFiles() });
    const latest = await article(B, 'Latest: Maduro');
    await B.value('articles.updateMetadata', { updates: [{ articleId: latest.id, fields: { url: 'https://www.bbc.com/news/articles/c0jdgp2n9gxo' } }] });
    const s = at(latest.text, 'killing five people on board');
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://notes.example.org/anno/1',
      type: 'Annotation',
      bodyValue: 'Five dead.',
      target: {
        source: 'http://www.bbc.com/news/articles/c0jdgp2n9gxo/?utm_source=twitter&utm_campaign=x#annotations:1',
        styleClass: 'annalist-blue',
        selector: { type: 'TextQuoteSelector', exact: 'killing five people on board', prefix: latest.text.slice(s - 32, s), suffix: latest.text.slice(s + 28, s + 60) },
      },
    };
    const report = await B.value('annotations.importWebAnnotations', { fileName: 'one.jsonld', json: JSON.stringify(annotation) });
    expect(report.annotations).toEqual([{ id: 'https://notes.example.org/anno/1', status: 'moved', articleId: latest.id, start: s, end: s + 28 }]);
    expect((await B.value('annotations.listHighlights', { articleId: latest.id }))[0]).toMatchObject({ color: 'blue', noteText: 'Five dead.' });
    // Exported, the article is named by its address.
    const exported = JSON.parse((await B.value('annotations.exportWebAnnotations', {})).json) as { first: { items: { target: { source: string } }[] } };
    expect(exported.first.items[0]!.target.source).toBe('https://www.bbc.com/news/articles/c0jdgp2n9gxo');
  });
});

describe('malformed files', () => {
  it.each([
    ['not JSON', 'notes.json', 'This is my list of annotations', /^notes\.json is not JSON \(.*\), so it holds no annotations Annalist can read\.$/],
    ['JSON without annotations', 'settings.json', '{"theme": "dark", "fontSize": 14}', /^settings\.json holds no annotations: it is JSON, but not a W3C AnnotationCollection/],
    [
      'an annotation with wrong types',
      'broken.jsonld',
      JSON.stringify({ type: 'AnnotationCollection', first: { items: [{ id: 'ok', target: { source: 'urn:sha256:00', selector: { type: 'TextQuoteSelector', exact: 'x' } } }, { id: 'bad', target: { selector: [{ type: 'TextPositionSelector', start: '10', end: 20 }] } }] } }),
      /^broken\.jsonld cannot be read: in annotation 2 \(“bad”\), “target\[0\]\.selector\[0\]\.start” should be a number, not text\.$/,
    ],
  ])('refuses %s with one sentence naming the file, writing nothing', async (_name, fileName, json, message) => {
    await B.value('library.importFiles', { files: await seedFiles() });
    const before = await highlightsBySeed(B);
    const r = await B.call('annotations.importWebAnnotations', { fileName, json });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.message).toMatch(message);
    }
    expect(await highlightsBySeed(B)).toEqual(before);
    expect(await B.value('tags.list', {})).toEqual([]);
  });

  it('fails one annotation alone when it brings more than a highlight can hold', async () => {
    await B.value('library.importFiles', { files: await seedFiles() });
    const rows = (JSON.parse(await readFile(HYPOTHESIS, 'utf8')) as { rows: object[] }).rows;
    const report = await B.value('annotations.importWebAnnotations', {
      fileName: 'x.json',
      json: JSON.stringify({ rows: [...rows.slice(0, 3), { ...rows[3], tags: ['x'.repeat(81)] }] }),
    });
    expect(report.annotations.map((o) => o.status)).toEqual(['anchored', 'moved', 'fuzzy', 'failed']);
    expect(report.annotations[3]!.error).toMatch(/^Its tag “x+…” is longer than 80 characters, the most a tag name can have\.$/);
  });

  it('writes nothing at all when the database fails part-way through an import', async () => {
    await B.value('library.importFiles', { files: await seedFiles() });
    // The database itself refuses the third highlight, as a full disk would.
    await B.ctx.db.withWriter((db) =>
      db.exec(`CREATE TRIGGER refuse_third BEFORE INSERT ON highlights WHEN NEW.exact LIKE 'Maduro said%' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;`),
    );
    const r = await B.call('annotations.importWebAnnotations', { fileName: 'hypothesis-api.json', json: await readFile(HYPOTHESIS, 'utf8') });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('Your project was not changed') } });
    expect(await highlightsBySeed(B)).toEqual([]);
    expect(await B.value('tags.list', {})).toEqual([]);
  });
});
