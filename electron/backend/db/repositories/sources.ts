import type { Source } from '../../../../shared/api/types';
import type { ReadDb, WriteDb } from '../connection';

// Sources are the outlets the project's articles come from, each with the
// researcher's Admiralty reliability grade. An outlet is known by its name
// as the articles give it (case aside).

export async function listSources(db: ReadDb): Promise<Source[]> {
  return db.all<Source>(
    `SELECT MIN(a.outlet) AS outlet, g.reliability, COUNT(*) AS articleCount
       FROM articles a LEFT JOIN outlet_grades g ON g.outlet = a.outlet
      WHERE a.outlet IS NOT NULL AND trim(a.outlet) <> ''
      GROUP BY a.outlet COLLATE NOCASE
      ORDER BY a.outlet COLLATE NOCASE`,
  );
}

export async function outletArticleCount(db: ReadDb, outlet: string): Promise<number> {
  return (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM articles WHERE outlet = ? COLLATE NOCASE', [outlet]))?.n ?? 0;
}

export async function setOutletGrade(db: WriteDb, outlet: string, reliability: string | null, updatedAt: string): Promise<void> {
  if (reliability === null) {
    await db.run('DELETE FROM outlet_grades WHERE outlet = ?', [outlet]);
    return;
  }
  await db.run(
    `INSERT INTO outlet_grades (outlet, reliability, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (outlet) DO UPDATE SET reliability = excluded.reliability, updated_at = excluded.updated_at`,
    [outlet, reliability, updatedAt],
  );
}
