import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getArticle, listArticles } from '../../electron/backend/db/repositories/articles';
import { importPaths } from '../../electron/backend/services/import-service';
import { tempProject } from '../support/temp-project';

// A folder with a saved web page, a page saved as a single file by
// Chromium and an e-mail, imported through the import service into a real
// project: what the library list then shows.

const PAGES = resolve(import.meta.dirname, '../fixtures/html');
const FIXTURES = resolve(import.meta.dirname, '../fixtures');

let project: Awaited<ReturnType<typeof tempProject>>;
beforeEach(async () => {
  project = await tempProject();
});
afterEach(async () => project.cleanup());

describe('importing a folder of saved pages and mail', () => {
  it('lists one article per file with its title, author, outlet, date and address', async () => {
    const folder = join(project.dir, 'saved');
    await mkdir(folder);
    await copyFile(join(PAGES, 'bug-1255978.html'), join(folder, 'hotels.html'));
    await copyFile(join(FIXTURES, 'mhtml', 'liberation.mhtml'), join(folder, 'nepal.mhtml'));
    await copyFile(join(FIXTURES, 'eml', 'newsletter.eml'), join(folder, 'briefing.eml'));

    const outcomes = await importPaths(project.db, [folder]);
    expect(outcomes.map((o) => [o.path.split('/').pop(), o.status])).toEqual([
      ['briefing.eml', 'imported'],
      ['hotels.html', 'imported'],
      ['nepal.mhtml', 'imported'],
    ]);

    const listed = (await listArticles(project.db)).map((a) => ({
      file: a.sourcePath.split('/').pop(),
      title: a.title,
      author: a.author,
      outlet: a.outlet,
      publishedAt: a.publishedAt,
      url: a.url,
    }));
    expect(listed).toEqual([
      {
        file: 'briefing.eml',
        title: 'Maduro invites US dialogue on Venezuela’s drug trafficking issues',
        author: 'Redacción · The Caribbean Ledger',
        outlet: null,
        publishedAt: '2025-12-30',
        url: null,
      },
      {
        file: 'hotels.html',
        title: "Seven secrets that hotel owners don't want you to know",
        author: 'Hazel Sheffield',
        outlet: 'The Independent',
        publishedAt: '2015-09-17',
        url: 'http://www.independent.co.uk/news/business/news/seven-secrets-that-hotel-owners-dont-want-you-to-know-10506160.html',
      },
      {
        file: 'nepal.mhtml',
        title: 'Un troisième Français mort dans le séisme au Népal',
        author: 'Sébastien Farcis',
        outlet: 'Libération.fr',
        publishedAt: '2015-04-30',
        url: 'http://www.liberation.fr/monde/2015/04/30/un-troisieme-francais-mort-dans-le-seisme-au-nepal_1278483',
      },
    ]);

    const mail = (await getArticle(project.db, (await listArticles(project.db))[0]!.id))!;
    expect(mail.text.startsWith('Venezuelan President Nicolás Maduro has expressed willingness')).toBe(true);
    expect(mail.text).not.toContain('%PDF');
  });
});
