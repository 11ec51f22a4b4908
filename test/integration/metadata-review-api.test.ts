import { describe, expect, it } from 'vitest';
import { EDITED_SOURCE } from '../../shared/api/article-metadata';
import type { Input } from '../../shared/api/contract';
import { contractProject } from '../support/contract-calls';

// The review table's two methods through dispatch() (what both transports
// call), on a real project file in a temp folder.
const env = contractProject();
const { call, value } = env;

async function importedIds(): Promise<number[]> {
  const outcomes = await value('library.importSamples', {});
  return outcomes.filter((o) => o.status === 'imported').map((o) => o.articleId!);
}

describe('articles.metadata', () => {
  it('lists the just-imported articles with every field and where it came from', async () => {
    const ids = await importedIds();
    const rows = await value('articles.metadata', { articleIds: ids });
    expect(rows.map((r) => r.id)).toEqual(ids);
    const cia = rows.find((r) => r.title.startsWith('CIA carries out first drone strike'))!;
    expect(cia).toMatchObject({ section: 'USA', titleInferred: false, fieldSources: { title: 'first line', section: 'first line' } });
    expect(cia.sourcePath).toMatch(/002_12123ca506ffe21b\.txt$/);
    for (const row of rows) expect(row.fieldSources.title).toBeTruthy();
  });

  it('keeps the order of the ids given, leaves out unknown ones, and lists all articles without ids', async () => {
    const ids = await importedIds();
    const reversed = await value('articles.metadata', { articleIds: [ids[2]!, 9999, ids[0]!] });
    expect(reversed.map((r) => r.id)).toEqual([ids[2], ids[0]]);
    expect((await value('articles.metadata', {})).map((r) => r.id)).toEqual([...ids].sort((a, b) => a - b));
  });
});

describe('articles.updateMetadata', () => {
  it('writes a batch across articles, marks each corrected field as edited, and the library shows it', async () => {
    const ids = await importedIds();
    const before = await value('articles.metadata', { articleIds: ids });
    const [a, b, c] = before;
    const result = await value('articles.updateMetadata', {
      updates: [
        { articleId: a!.id, fields: { outlet: 'Reuters', publishedAt: '2026-01-02T14:30+01:00', tags: ['Venezuela', ' drones ', 'venezuela'] } },
        { articleId: b!.id, fields: { outlet: '  Reuters ', author: 'Ana  Pérez', language: 'es' } },
        // Unchanged values are not "edited".
        { articleId: c!.id, fields: { title: c!.title, outlet: 'Reuters', url: 'https://example.org/story' } },
      ],
    });
    expect(result.updated).toBe(3);
    const [a2, b2, c2] = result.articles;
    expect(a2).toMatchObject({ outlet: 'Reuters', publishedAt: '2026-01-02T14:30+01:00', tags: ['Venezuela', 'drones'] });
    expect(a2!.fieldSources).toMatchObject({ outlet: EDITED_SOURCE, publishedAt: EDITED_SOURCE, tags: EDITED_SOURCE, title: before[0]!.fieldSources.title });
    expect(b2).toMatchObject({ outlet: 'Reuters', author: 'Ana Pérez', language: 'es' });
    expect(c2!.fieldSources.title).toBe(c!.fieldSources.title);
    expect(c2!.fieldSources.url).toBe(EDITED_SOURCE);

    const library = await value('library.list', {});
    const listed = library.find((x) => x.id === a!.id)!;
    expect(listed).toMatchObject({ outlet: 'Reuters', publishedAt: '2026-01-02', tags: ['Venezuela', 'drones'] });
    expect(library.filter((x) => x.outlet === 'Reuters')).toHaveLength(3);
    const detail = await value('reader.getArticle', { id: a!.id });
    expect(detail.publishedAtFull).toBe('2026-01-02T14:30+01:00');
    expect(detail.fieldSources.outlet).toBe(EDITED_SOURCE);
  });

  it('clears a field given as empty, and a corrected title is no longer inferred', async () => {
    const ids = await importedIds();
    const [first] = await value('articles.metadata', { articleIds: ids });
    await value('articles.updateMetadata', { updates: [{ articleId: first!.id, fields: { outlet: 'AP' } }] });
    const cleared = await value('articles.updateMetadata', { updates: [{ articleId: first!.id, fields: { outlet: '', title: 'A title I chose' } }] });
    expect(cleared.articles[0]).toMatchObject({ outlet: null, title: 'A title I chose', titleInferred: false });
    expect(cleared.articles[0]!.fieldSources.title).toBe(EDITED_SOURCE);
  });

  it('refuses a bad date naming the article, and writes nothing of the batch', async () => {
    const ids = await importedIds();
    const rows = await value('articles.metadata', { articleIds: ids });
    const r = await call('articles.updateMetadata', {
      updates: [
        { articleId: rows[0]!.id, fields: { outlet: 'Reuters' } },
        { articleId: rows[1]!.id, fields: { publishedAt: '31/12/2025' } },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_date');
    expect(r.error.message).toContain(`(#${rows[1]!.id})`);
    expect(r.error.message).toContain(rows[1]!.title.slice(0, 30));
    expect(r.error.message).toContain('“31/12/2025” is not a date Annalist understands');
    expect(r.error.message).toContain('None of the corrections were saved.');
    expect(await value('articles.metadata', { articleIds: ids })).toEqual(rows);
  });

  it('refuses a date-time without an offset, an empty title, a bad URL and an unknown article', async () => {
    const ids = await importedIds();
    const rows = await value('articles.metadata', { articleIds: ids });
    const refusal = async (fields: Record<string, unknown>, articleId = rows[0]!.id) => {
      const r = await call('articles.updateMetadata', { updates: [{ articleId, fields }] } as Input<'articles.updateMetadata'>);
      return r.ok ? 'accepted' : r.error.message;
    };
    expect(await refusal({ publishedAt: '2025-12-31T14:30' })).toContain('has a time but no time zone offset');
    expect(await refusal({ publishedAt: '2025-02-30' })).toContain('is not a day of the calendar');
    expect(await refusal({ title: '   ' })).toContain('an article needs a title');
    expect(await refusal({ url: 'example.org/story' })).toContain('is not a web address');
    expect(await refusal({ language: 'English!' })).toContain('is not a language tag');
    expect(await refusal({ outlet: 'X' }, 9999)).toContain('There is no article 9999 in this project');
    expect(await refusal({ colour: 'red' })).toMatch(/colour/);
    expect(await value('articles.metadata', { articleIds: ids })).toEqual(rows);
  });

  it('keeps the corrections in the project file after it is closed and opened again', async () => {
    const ids = await importedIds();
    await value('articles.updateMetadata', { updates: ids.map((articleId) => ({ articleId, fields: { outlet: 'Reuters' } })) });
    await env.reopen();
    const rows = await value('articles.metadata', {});
    expect(rows.map((r) => r.outlet)).toEqual(ids.map(() => 'Reuters'));
    expect(rows.every((r) => r.fieldSources.outlet === EDITED_SOURCE)).toBe(true);
  });

  it('writes a thousand articles in one call quickly', async () => {
    const { importFiles } = await import('../../electron/backend/services/import-service');
    const files = Array.from({ length: 1000 }, (_, i) => ({
      path: `dispatch-${i}.txt`,
      bytes: new TextEncoder().encode(`Dispatch ${i} from the coast\n\nReport ${i}: boats were seen off the coast at night, witnesses said ${i} times.\n`),
    }));
    await importFiles(env.project.db, files);
    const rows = await value('articles.metadata', {});
    expect(rows).toHaveLength(1000);
    const started = performance.now();
    const result = await value('articles.updateMetadata', { updates: rows.map((r) => ({ articleId: r.id, fields: { outlet: 'Wire', tags: ['coast'] } })) });
    const ms = performance.now() - started;
    expect(result.updated).toBe(1000);
    expect(ms).toBeLessThan(5000);
  });
});
