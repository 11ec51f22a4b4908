import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/api/dispatch';
import { openProject } from '../../electron/backend/project/open-project';
import type { ArticleSummary, Highlight } from '../../shared/api/types';
import { runAnnalist } from '../support/annalist-cli';
import { REPO_ROOT, RESOURCES_DIR, SEEDS_DIR, tempDir } from '../support/temp-project';

// `annalist annotations export|import` as a researcher runs the built command.
const HYPOTHESIS = join(REPO_ROOT, 'test', 'fixtures', 'annotations', 'hypothesis-api.json');
let dir: string;
let cleanup: () => Promise<void>;
let projectA: string;
let projectB: string;

function annalist(...args: string[]) {
  return runAnnalist(args, { dir });
}

/** Highlights made through the contract on project A (the CLI has no highlight command). */
async function highlightA(): Promise<Highlight[]> {
  const db = await openProject(projectA);
  const ctx = { db, projectPath: projectA, resourcesDir: RESOURCES_DIR, pdf: { render: async () => new Uint8Array() }, transport: 'http' as const };
  const value = async <T>(method: string, input: unknown) => {
    const r = await dispatch(ctx, method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  try {
    const articles = await value<ArticleSummary[]>('library.list', {});
    const made: Highlight[] = [];
    for (const [titleStart, passage, color] of [
      ['Latest: Maduro', 'killing five people on board', 'pink'],
      ['Latest: Maduro', 'five people', 'blue'],
      ['CIA carries out', 'The CIA reportedly carried out a drone strike earlier this month', 'yellow'],
    ] as const) {
      const a = articles.find((x) => x.title.startsWith(titleStart))!;
      const { text } = await value<{ text: string }>('reader.getArticle', { id: a.id });
      const start = text.indexOf(passage);
      made.push(await value<Highlight>('annotations.createHighlight', { articleId: a.id, start, end: start + passage.length, color }));
    }
    const tag = await value<{ id: number }>('tags.create', { name: 'casualties' });
    await value('annotations.setHighlightTags', { id: made[0]!.id, tagIds: [tag.id] });
    await value('annotations.updateHighlight', { id: made[0]!.id, note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Five, says the US military.' }] }] } });
    return made;
  } finally {
    await db.close();
  }
}

let made: Highlight[];

beforeAll(async () => {
  if (!existsSync(join(REPO_ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm test runs `electron-vite build` before the tests.');
  ({ dir, cleanup } = await tempDir());
  projectA = join(dir, 'a.annalist');
  projectB = join(dir, 'b.annalist');
  expect(annalist('import', SEEDS_DIR, '--project', projectA).code).toBe(0);
  expect(annalist('import', SEEDS_DIR, '--project', projectB).code).toBe(0);
  made = await highlightA();
});
afterAll(async () => cleanup());

describe('annalist annotations', () => {
  it('exports the project’s highlights to a W3C file, written whole', async () => {
    const r = annalist('annotations', 'export', '--out', 'a.jsonld', '--project', projectA);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Wrote 3 annotations to ${join(dir, 'a.jsonld')}\n`);
    const doc = JSON.parse(await readFile(join(dir, 'a.jsonld'), 'utf8')) as { type: string; total: number; first: { items: unknown[] } };
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 3 });
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('imports it into another project with --json: exactly one entry per annotation, each anchored where it was, exit 0', () => {
    const r = annalist('annotations', 'import', 'a.jsonld', '--project', projectB, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const outcomes = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(outcomes).toHaveLength(3);
    for (const o of outcomes) expect(Object.keys(o).sort()).toEqual(['articleId', 'end', 'id', 'start', 'status']);
    // In article order, then reading order.
    const places = (list: { articleId?: unknown; start?: unknown; end?: unknown }[]) => list.map((o) => `${o.start}–${o.end}`).sort();
    expect(outcomes.map((o) => o.status)).toEqual(['anchored', 'anchored', 'anchored']);
    expect(places(outcomes)).toEqual(places(made));
  });

  it('imports the same file again without doubling anything, saying so', () => {
    const r = annalist('annotations', 'import', 'a.jsonld', '--project', projectB);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^anchored {3}urn:annalist:annotation:\S+ {2}→ {2}#\d+ “CIA carries out first drone strike on Venezuelan soil targeting drug gangs” at 0–64 {2}\(already in the project\)$/);
    expect(lines[3]).toBe('3 annotations: 3 anchored, 0 moved, 0 fuzzy, 0 orphaned, 0 failed; 0 added, 3 already in the project.');
  });

  it('exits 1 for a Hypothesis file with orphaned and failed annotations, printing each reason', () => {
    const r = annalist('annotations', 'import', HYPOTHESIS, '--project', projectB);
    expect(r.code).toBe(1);
    const errors = r.stderr.trimEnd().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^orphaned {3}dX4n2sQ4EfCm3hJ6oB8rTe {2}on #\d+ “Latest: Maduro .*”: Its words \(“The president announced a naval blockade of the entire Vene…”\) were not found convincingly/);
    expect(errors[1]).toBe(
      'failed     eP7c5sQ5EfCk2gD3uV1yXq  No article in this project has the source https://www.theguardian.com/world/2026/jan/02/venezuela-maduro-us-talks-drug-trafficking.',
    );
    expect(errors[2]).toMatch(/^failed {5}fK9w6sQ6EfCx4rT2mA5zUo {2}It has no TextQuoteSelector/);
    expect(r.stdout).toMatch(/^6 annotations: 1 anchored, 1 moved, 1 fuzzy, 1 orphaned, 2 failed; 4 added, 0 already in the project\.$/m);

    const json = annalist('annotations', 'import', HYPOTHESIS, '--project', projectB, '--json');
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    const outcomes = JSON.parse(json.stdout) as { id: string; status: string; error?: string }[];
    expect(outcomes.map((o) => o.status)).toEqual(['anchored', 'moved', 'fuzzy', 'orphaned', 'failed', 'failed']);
    expect(outcomes[4]!.error).toMatch(/^No article in this project has the source https:\/\/www\.theguardian\.com\//);
  });

  it('exports one article, and explains an unknown one', async () => {
    const list = JSON.parse(annalist('list', '--project', projectA, '--json').stdout) as { id: number; title: string }[];
    const cia = list.find((a) => a.title.startsWith('CIA carries out'))!;
    const r = annalist('annotations', 'export', '--article', String(cia.id), '--out', 'cia.jsonld', '--project', projectA);
    expect(r.code).toBe(0);
    expect((JSON.parse(await readFile(join(dir, 'cia.jsonld'), 'utf8')) as { total: number }).total).toBe(1);
    const missing = annalist('annotations', 'export', '--article', '999', '--out', 'none.jsonld', '--project', projectA);
    expect(missing).toMatchObject({ code: 1, stderr: 'annalist: There is no article 999 in this project.\n' });
    expect(existsSync(join(dir, 'none.jsonld'))).toBe(false);
  });

  it('refuses a malformed or missing file with one sentence, exit 1, writing nothing', async () => {
    await writeFile(join(dir, 'notes.json'), 'My annotations: page 3, the blockade.');
    const r = annalist('annotations', 'import', 'notes.json', '--project', projectB, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^annalist: notes\.json is not JSON \(.+\), so it holds no annotations Annalist can read\.\n$/);

    const missing = annalist('annotations', 'import', 'nowhere.json', '--project', projectB);
    expect(missing).toMatchObject({ code: 1, stderr: `annalist: Could not read ${join(dir, 'nowhere.json')}: there is no such file.\n` });
  });

  it.each([
    [['annotations'], 'annotations needs export or import.'],
    [['annotations', 'merge'], '“annotations merge” is not a command; use annotations export or annotations import.'],
    [['annotations', 'export'], 'annotations export needs --out FILE.'],
    [['annotations', 'export', '--out', 'x.jsonld', '--article', 'three'], '--article three is not an article id; ids are whole numbers (see annalist list).'],
    [['annotations', 'import'], 'annotations import needs the annotation file.'],
    [['annotations', 'import', 'a.jsonld', 'b.jsonld'], 'annotations import takes one file at a time.'],
    [['annotations', 'import', 'a.jsonld', '--jsno'], "Unknown option '--jsno'."],
  ])('exits 2 with the usage for %j', (args, message) => {
    const r = annalist(...args, '--project', projectB);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`annalist: ${message}\n`)).toBe(true);
    expect(r.stderr).toContain('annotations import FILE [--project FILE] [--json]');
  });
});
