import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAnnalist } from '../support/annalist-cli';
import { REPO_ROOT, SEEDS_DIR } from '../support/temp-project';

// `annalist dates` as a script runs it: the built command, text as an
// argument or on standard input. It opens no project.

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm test runs `electron-vite build` before the tests.');
});

function annalist(args: string[], input?: string) {
  return runAnnalist(['dates', ...args], input === undefined ? {} : { input });
}

interface Shown {
  text: string;
  start: number;
  end: number;
  edtf: string | null;
}

describe('annalist dates', () => {
  it('prints one line per expression: offsets, the phrase and its EDTF value with the date in words', () => {
    const r = annalist(['--ref', '2026-01-02', 'Maduro said on Thursday that 83 people died since 2 September. The call was at 10:30.']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      '12-23\t"on Thursday"\t2026-01-01\t1 January 2026',
      '44-61\t"since 2 September"\t2025-09-02/2026-01-02\tbetween 2 September 2025 and 2 January 2026',
    ]);
  });

  it('reads the text from standard input with -, and --json gives {text, start, end, edtf} in UTF-16 code units', () => {
    const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith('004_'))!;
    const article = readFileSync(join(SEEDS_DIR, file), 'utf8');
    const text = `🇻🇪 ${article}`;
    const r = annalist(['--ref', '2025-11-28', '--json', '-'], text);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const mentions = JSON.parse(r.stdout) as Shown[];
    expect(mentions.length).toBeGreaterThan(5);
    for (const m of mentions) {
      expect(Object.keys(m)).toEqual(['text', 'start', 'end', 'edtf']);
      expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    const byText = (phrase: string) => mentions.find((m) => m.text.includes(phrase));
    expect(byText('Thanksgiving night')).toEqual({ text: 'On Thanksgiving night', start: text.indexOf('On Thanksgiving night'), end: text.indexOf('On Thanksgiving night') + 21, edtf: '2025-11-27' });
    expect(byText('in October')?.edtf).toBe('2025-10');
    expect(byText('September 2')?.edtf).toBe('2025-09-02');
    expect(byText('early last month')?.edtf).toBe('2025-10-01/2025-10-10~');
  });

  it('says so on standard error when the text holds no date', () => {
    const r = annalist(['--ref', '2026-01-02', '-'], '83 people, a $50 million reward.');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('No date expressions found.');
  });

  it.each([
    [['on Monday'], /dates needs --ref YYYY-MM-DD/],
    [['--ref', '2026-1-2', 'on Monday'], /--ref 2026-1-2 is not a date; write the publication date as YYYY-MM-DD/],
    [['--ref', '2026-02-30', 'on Monday'], /--ref 2026-02-30 is not a date/],
    [['--ref'], /--ref/],
    [['--ref', '2026-01-02', 'one', 'two'], /dates takes one TEXT/],
  ])('%j is a usage error (exit 2) with a sentence', (args, message) => {
    const r = annalist(args, '');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Usage: annalist');
  });
});
