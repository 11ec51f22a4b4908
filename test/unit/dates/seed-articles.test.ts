import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../../../shared/dates/date-mentions';
import { SEEDS_DIR } from '../../support/temp-project';
import { expectValidEdtf, shown } from './edtf-check';

// The seed articles as a researcher reads them, each with its publication
// date: 003's own (2026-01-02), the dates the spec sets for 001 (2025-09-03)
// and 004 (2025-11-28), and for the undated 000 and 002 the days their
// stories fit (000 retells 003's interview; 002 has Trump speaking "on
// Friday" and "on Monday" after Christmas). Each list is every date
// expression the article holds, in order, so a stray reading fails too.

function seed(prefix: string): string {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${prefix}_`));
  if (!file) throw new Error(`seed ${prefix} is missing from ${SEEDS_DIR}`);
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}

/** Finds each phrase after the previous one, as a reader going down the article would. */
function located(text: string, expected: Array<[string, string | null]>) {
  let from = 0;
  return expected.map(([phrase, edtf]) => {
    const start = text.indexOf(phrase, from);
    if (start < 0) throw new Error(`“${phrase}” is not in the article after offset ${from}`);
    from = start + phrase.length;
    return { text: phrase, start, end: start + phrase.length, edtf };
  });
}

const SEEDS: Array<{ prefix: string; published: string; expected: Array<[string, string | null]> }> = [
  {
    prefix: '000',
    published: '2026-01-02',
    expected: [
      ['since September 2', '2025-09-02/2026-01-02'],
      ['On a recent Wednesday', '2025-12-31?'],
      ['September 2', '2025-09-02'],
      ['Recent Wednesday', '2025-12-31?'],
      ['Since 2013', '2013/2026-01-02'],
      ['On December 10', '2025-12-10'],
    ],
  },
  {
    prefix: '001',
    published: '2025-09-03',
    expected: [
      ['On Tuesday afternoon', '2025-09-02'],
      ['last July', '2025-07'],
      ['last week', '2025-08-25/2025-08-31'],
      ['over the last 25 years', '2000~/2025-09-03'],
      ['from 2018–2023', '2018/2023'],
    ],
  },
  {
    prefix: '002',
    published: '2025-12-30',
    expected: [
      ['earlier this month', '2025-12-01/2025-12-30'],
      ['on Friday', '2025-12-26'],
      ['on Monday', '2025-12-29'],
      ['over the Christmas holidays', '2025-12-24~/2026-01-01~'],
      ['last week', '2025-12-22/2025-12-28'],
      ['earlier this month', '2025-12-01/2025-12-30'],
      ['March', '2025-03'],
    ],
  },
  {
    prefix: '003',
    published: '2026-01-02',
    expected: [
      ['2026-01-02T02:34:11', '2026-01-02'],
      ['on Thursday', '2026-01-01'],
      ['for the past three months', '2025-10~/2026-01-02'],
      ['on 2 September', '2025-09-02'],
      ['on Wednesday', '2025-12-31'],
      ['On Monday', '2025-12-29'],
      ['on 10 December', '2025-12-10'],
      ['this week', '2025-12-29/2026-01-02'],
    ],
  },
  {
    prefix: '004',
    published: '2025-11-28',
    expected: [
      ['last week', '2025-11-17/2025-11-23'],
      ['on Friday', '2025-11-28'],
      ['over the weekend', '2025-11-22/2025-11-23'],
      ['in October', '2025-10'],
      ['early last month', '2025-10-01/2025-10-10~'],
      ['On Thanksgiving night', '2025-11-27'],
      ['Thursday', '2025-11-27'],
      ['on September 2', '2025-09-02'],
      ['on Friday', '2025-11-28'],
      ['Sept. 2', '2025-09-02'],
    ],
  },
];

describe('date suggestions in the seed articles', () => {
  it.each(SEEDS)('$prefix, published $published: every date expression, where it is and what it gives', ({ prefix, published, expected }) => {
    const text = seed(prefix);
    const mentions = findDateMentions(text, published);
    expect(shown(mentions)).toEqual(located(text, expected));
    expect(mentions.every((m) => m.inferred && text.slice(m.start, m.end) === m.text)).toBe(true);
    expectValidEdtf(mentions);
  });

  // The measures of the spec, phrase by phrase.
  it.each([
    ['003', '2026-01-02', 'on Thursday', '2026-01-01'],
    ['003', '2026-01-02', 'on Wednesday', '2025-12-31'],
    ['003', '2026-01-02', 'On Monday', '2025-12-29'],
    ['003', '2026-01-02', 'on 2 September', '2025-09-02'],
    ['003', '2026-01-02', 'on 10 December', '2025-12-10'],
    ['001', '2025-09-03', 'On Tuesday afternoon', '2025-09-02'],
    ['001', '2025-09-03', 'last July', '2025-07'],
    ['004', '2025-11-28', 'Thanksgiving night', '2025-11-27'],
    ['004', '2025-11-28', 'September 2', '2025-09-02'],
    ['004', '2025-11-28', 'in October', '2025-10'],
  ])('%s published %s: “%s” is %s', (prefix, published, phrase, edtf) => {
    const text = seed(prefix);
    const at = text.indexOf(phrase);
    const mention = findDateMentions(text, published).find((m) => m.start <= at && at + phrase.length <= m.end);
    expect(mention?.edtf).toBe(edtf);
    expect(mention?.relative).toBe(true);
  });

  it('003 without its publication date: only the date written in full gets a value, the rest ask for the date', () => {
    const text = seed('003');
    const mentions = findDateMentions(text, null);
    expect(mentions.map((m) => m.text)).toEqual(located(text, SEEDS[3]!.expected).map((m) => m.text));
    expect(mentions[0]).toMatchObject({ text: '2026-01-02T02:34:11', edtf: '2026-01-02', relative: false });
    for (const m of mentions.slice(1)) expect(m).toMatchObject({ edtf: null, reason: 'needs-publication-date' });
  });

  it('reads the same days whatever time zone the computer is in', () => {
    const saved = process.env.TZ;
    const read = () => SEEDS.map(({ prefix, published }) => shown(findDateMentions(seed(prefix), published)));
    try {
      process.env.TZ = 'UTC';
      const utc = read();
      for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Pago_Pago']) {
        process.env.TZ = zone;
        expect(read(), zone).toEqual(utc);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
