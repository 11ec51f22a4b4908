import { describe, expect, it } from 'vitest';
import { contractProject } from '../support/contract-calls';
import { runAnnalist } from '../support/annalist-cli';

// `annalist chronology list|show --json` on a chronology built through the
// contract from the seeds: events with EDTF dates, evidence with article id,
// quote and stance, the independent source count and the conflicts.

const env = contractProject();
const { value, mark } = env;

function annalist(...args: string[]) {
  return runAnnalist([...args, '--project', env.project.path]);
}

describe('annalist chronology', () => {
  it('lists chronologies and shows one with dates, evidence, source counts and conflicts', async () => {
    await value('library.importSamples', {});
    // 003 (2 January 2026) says the boats were struck "on Wednesday": 31 December. 000 says "a recent Wednesday";
    // the researcher dates its claim 24 December, so the two sources disagree on the date.
    const in003 = await mark('003_dc84ef2651f1eff7.txt', 'The latest attack came on Wednesday when two boats alleged to be carrying drugs were struck');
    const in000 = await mark('000_7ea9055fedf3e41c.txt', 'On a recent Wednesday, the US military reported striking two boats');
    const a = await value('claims.create', { highlightId: in003.id, statement: 'Two boats struck on Wednesday', date: '2025-12-31', datePhrase: 'on Wednesday' });
    const b = await value('claims.create', { highlightId: in000.id, statement: 'Two boats struck on a recent Wednesday', date: '2025-12-24' });
    const first = await mark('003_dc84ef2651f1eff7.txt', 'its first attack on a boat in international waters on 2 September');
    const c = await value('claims.create', { highlightId: first.id, statement: 'First strike on 2 September', date: '2025-09-02' });

    const chronology = await value('chronology.create', { name: 'Caribbean strikes' });
    await value('chronology.create', { name: 'Empty' });
    await value('events.create', { chronologyId: chronology.id, title: 'Two boats struck, five killed', date: '2025-12-31', claimIds: [a.id, b.id] });
    await value('events.create', { chronologyId: chronology.id, title: 'First strike in international waters', date: '2025-09-02', claimIds: [c.id] });

    const listed = annalist('chronology', 'list', '--json');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as { name: string; eventCount: number }[]).map((x) => [x.name, x.eventCount])).toEqual([
      ['Caribbean strikes', 2],
      ['Empty', 0],
    ]);

    const shown = annalist('chronology', 'show', 'caribbean strikes', '--json');
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    const detail = JSON.parse(shown.stdout) as {
      name: string;
      events: {
        title: string;
        date: string;
        sourceCount: number;
        conflicts: { kind: string; dates?: { edtf: string }[] }[];
        evidence: { articleId: number; quote: string; stance: string; claimId: number }[];
      }[];
    };
    expect(detail.name).toBe('Caribbean strikes');
    expect(detail.events.map((e) => [e.date, e.title])).toEqual([
      ['2025-09-02', 'First strike in international waters'],
      ['2025-12-31', 'Two boats struck, five killed'],
    ]);
    const boats = detail.events[1]!;
    // 000 and 003 are separate stories from no named outlet: two independent sources.
    expect(boats.sourceCount).toBe(2);
    expect(boats.evidence).toEqual([
      expect.objectContaining({ articleId: in003.articleId, quote: in003.exact, stance: 'supports', claimId: a.id }),
      expect.objectContaining({ articleId: in000.articleId, quote: in000.exact, stance: 'supports', claimId: b.id }),
    ]);
    expect(boats.conflicts).toEqual([expect.objectContaining({ kind: 'date' })]);
    expect(boats.conflicts[0]!.dates!.map((d) => d.edtf)).toEqual(['2025-12-24', '2025-12-31']);
    expect(detail.events[0]!.conflicts).toEqual([]);

    // Joined into one story (the library's Same story), the two count once.
    await value('stories.join', { articleIds: [in003.articleId, in000.articleId] });
    const joined = JSON.parse(annalist('chronology', 'show', String(chronology.id), '--json').stdout) as typeof detail;
    expect(joined.events[1]!.sourceCount).toBe(1);

    const plain = annalist('chronology', 'show', 'Caribbean strikes');
    expect(plain.stdout).toContain('2025-12-31\t31 December 2025\tTwo boats struck, five killed\t[1 source]');
    expect(plain.stdout).toMatch(/! Sources give different dates: 2025-12-24 \(.*\) vs 2025-12-31 \(.*\)\./);

    const missing = annalist('chronology', 'show', 'Nowhere');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no chronology named or numbered “Nowhere” in this project.');
    expect(annalist('chronology', 'draw').code).toBe(2);
  });
});
