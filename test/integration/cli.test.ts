import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendContext } from '../../electron/backend/api/backend-context';
import { dispatch } from '../../electron/backend/api/dispatch';
import { openProject } from '../../electron/backend/project/open-project';
import { BIN, runAnnalist } from '../support/annalist-cli';
import { REPO_ROOT, RESOURCES_DIR, SEEDS_DIR, tempDir } from '../support/temp-project';

// The built `annalist` command as a researcher runs it (npm test builds first).
let dir: string;
let cleanup: () => Promise<void>;
let project: string;

beforeAll(async () => {
  if (!existsSync(join(REPO_ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm test runs `electron-vite build` before the tests.');
  ({ dir, cleanup } = await tempDir());
  project = join(dir, 'cli.annalist');
});
afterAll(async () => cleanup());

function annalist(...args: string[]) {
  return runAnnalist(args, { dir });
}

describe('annalist CLI', () => {
  it('imports the seeds folder and lists five articles as the files give them', () => {
    const imported = annalist('import', SEEDS_DIR, '--project', project, '--json');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const outcomes = JSON.parse(imported.stdout) as { path: string; status: string; articleId: number; title: string }[];
    expect(outcomes.map((o) => o.status)).toEqual(Array(5).fill('imported'));

    const listed = annalist('list', '--project', project, '--json');
    expect(listed.code).toBe(0);
    const articles = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(articles).toHaveLength(5);
    expect(Object.keys(articles[0]!)).toEqual(
      expect.arrayContaining(['id', 'title', 'titleInferred', 'outlet', 'author', 'publishedAt', 'sha256', 'sourcePath', 'wordCount']),
    );
    const bySeed = (n: string) => articles.find((a) => String(a.sourcePath).includes(`/${n}_`))!;
    expect(bySeed('000').title).toBe('Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues');
    expect(bySeed('001').title).toBe('US Conducts Military Action Against Venezuelan Drug Vessel');
    expect(bySeed('002').title).toBe('CIA carries out first drone strike on Venezuelan soil targeting drug gangs');
    expect(bySeed('003')).toMatchObject({
      title: 'Latest: Maduro says Venezuela open to US talks on drug trafficking',
      publishedAt: '2026-01-02',
      author: 'badely',
      tags: ['News'],
      titleInferred: false,
    });
    expect(bySeed('004').titleInferred).toBe(true);
    expect(String(bySeed('004').title).length).toBeLessThanOrEqual(100);
    for (const n of ['000', '001', '002']) expect(bySeed(n).titleInferred).toBe(false);
  });

  it('shows the canonical text: one object for one id, an array in order for several', () => {
    const articles = JSON.parse(annalist('list', '--project', project, '--json').stdout) as { id: number; sourcePath: string }[];
    const id = (n: string) => String(articles.find((a) => a.sourcePath.includes(`/${n}_`))!.id);

    const one = annalist('show', id('003'), '--project', project, '--json');
    expect(one.code).toBe(0);
    const a003 = JSON.parse(one.stdout) as { text: string; title: string };
    expect(a003.text).toContain('Nicolás Maduro');
    expect(a003.text).not.toMatch(/layout: post|^---/m);

    const several = JSON.parse(annalist('show', id('002'), id('001'), id('000'), '--project', project, '--json').stdout) as {
      title: string;
      text: string;
    }[];
    expect(several.map((a) => a.title)).toEqual([
      'CIA carries out first drone strike on Venezuelan soil targeting drug gangs',
      'US Conducts Military Action Against Venezuelan Drug Vessel',
      'Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues',
    ]);
    const [a002, a001] = several;
    for (const junk of ['Related Articles', 'Leave a Reply', 'Back to top button', 'Discover more from', 'Subscribe now', 'Continue reading']) {
      expect(a002!.text).not.toContain(junk);
    }
    expect(a002!.text.trimEnd()).toMatch(/present on the boats allegedly smuggling drugs into the country\.$/);
    expect(a001!.text.startsWith('US Conducts Military Action')).toBe(false);
    expect(a001!.text.split('US Conducts Military Action Against Venezuelan Drug Vessel').length).toBe(1);
  });

  it('reports the same folder imported again as five duplicates and adds nothing', () => {
    const again = annalist('import', SEEDS_DIR, '--project', project, '--json');
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { status: string }[]).map((o) => o.status)).toEqual(Array(5).fill('duplicate'));
    expect(JSON.parse(annalist('list', '--project', project, '--json').stdout)).toHaveLength(5);
  });

  it('exits 1 with a sentence per failed file and still imports the rest', async () => {
    const mixed = join(dir, 'mixed');
    await mkdir(mixed);
    await writeFile(join(mixed, 'empty.txt'), '');
    await writeFile(join(mixed, 'note.md'), '# A note\n\nSome words about the strikes in September.\n');
    const r = annalist('import', mixed, '--project', project, '--json');
    expect(r.code).toBe(1);
    const outcomes = JSON.parse(r.stdout) as { path: string; status: string; error?: string }[];
    expect(outcomes.find((o) => o.path.endsWith('empty.txt'))).toMatchObject({ status: 'failed', error: expect.stringMatching(/empty\.txt: the file is empty\.$/) });
    expect(outcomes.find((o) => o.path.endsWith('note.md'))!.status).toBe('imported');

    const human = annalist('import', join(dir, 'missing.txt'), '--project', project);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain(`Could not import ${join(dir, 'missing.txt')}: there is no such file or folder.`);
  });

  it('stops an import on Ctrl+C, keeping what was read, and exits 130', async () => {
    const many = join(dir, 'many');
    await mkdir(many);
    // Enough files that the import is still running when Ctrl+C arrives.
    const count = 12_000;
    const paragraph = 'The strike on the boat killed people at sea, the military said in a statement. '.repeat(20);
    for (let i = 0; i < count; i++) {
      await writeFile(join(many, `report-${i}.txt`), `Report ${i} on the strikes\n\n${i}: ${paragraph}\n`);
    }
    const stopped = join(dir, 'stopped.annalist');
    const child = spawn(process.execPath, [BIN, 'import', many, '--project', stopped, '--json'], { cwd: dir });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    const early = await Promise.race([exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 1000))]);
    if (early) throw new Error(`the import of ${count} files finished within a second; the test needs more files on this machine`);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const outcomes = JSON.parse(stdout) as { status: string; error?: string }[];
    expect(outcomes).toHaveLength(count);
    const imported = outcomes.filter((o) => o.status === 'imported').length;
    expect(imported).toBeLessThan(count);
    expect(outcomes.filter((o) => o.error?.endsWith('the import was cancelled before this file was read.'))).toHaveLength(count - imported);
    expect(JSON.parse(annalist('list', '--project', stopped, '--json').stdout)).toHaveLength(imported);
  });

  it('exits 2 on a usage error', () => {
    expect(annalist('import').code).toBe(2);
    expect(annalist('frobnicate').code).toBe(2);
    expect(annalist('show', 'abc', '--project', project).code).toBe(2);
    expect(annalist('list', '--project', project, '--bogus').code).toBe(2);
  });

  it('says plainly when a chronology does not exist', () => {
    const r = annalist('export', '--chronology', 'Nope', '--format', 'pdf', '--out', join(dir, 'x.pdf'), '--project', project);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('There is no chronology named or numbered “Nope” in this project.');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it('exports a chronology to a PDF that quotes and cites its evidence', async () => {
    // Build the chronology through the contract on the same project file.
    const db = await openProject(project);
    const ctx: BackendContext = { db, projectPath: project, resourcesDir: RESOURCES_DIR, pdf: { render: async () => new Uint8Array() }, transport: 'http' };
    const call = async (method: string, input: unknown) => {
      const r = await dispatch(ctx, method, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as { id: number; text: string };
    };
    const articles = (await call('library.list', {})) as unknown as { id: number; sourcePath: string }[];
    const a003 = articles.find((a) => a.sourcePath.includes('/003_'))!;
    const { text } = await call('reader.getArticle', { id: a003.id });
    const passage = 'On Monday, Trump said the US had carried out a strike on a "dock area"';
    const start = text.indexOf(passage);
    const h = await call('annotations.createHighlight', { articleId: a003.id, start, end: start + passage.length });
    const claim = await call('claims.create', { highlightId: h.id, statement: 'Trump said the US struck a dock area' });
    const chronology = await call('chronology.create', { name: 'Strikes campaign' });
    await call('events.create', { chronologyId: chronology.id, title: 'Strike on a dock area', date: '2025-12-29', description: '', claimIds: [claim.id] });
    await db.close();

    const out = join(dir, 'strikes.pdf');
    const r = annalist('export', '--chronology', 'Strikes campaign', '--format', 'pdf', '--out', out, '--project', project);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const pdfText = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    if (pdfText.error) throw new Error('pdftotext is missing: apt-get install -y poppler-utils');
    const flat = pdfText.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('Strike on a dock area');
    expect(flat).toContain('29 December 2025');
    expect(flat).toContain('On Monday, Trump said the US had carried out a strike on a "dock area"');
    expect(flat).toContain('Latest: Maduro says Venezuela open to US talks on drug trafficking');
    expect(flat).toContain('2 January 2026');

    const byId = annalist('export', '--chronology', String(chronology.id), '--format', 'pdf', '--out', join(dir, 'by-id.pdf'), '--project', project);
    expect(byId.code).toBe(0);
    expect(annalist('export', '--chronology', 'Strikes campaign', '--format', 'docx', '--out', out, '--project', project).code).toBe(2);
  });

  it('uses the default project in the user-data folder without --project', () => {
    const r = annalist('list', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(existsSync(join(dir, 'user-data', 'default.annalist'))).toBe(true);
  });
});
