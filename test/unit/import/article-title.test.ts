import { describe, expect, it } from 'vitest';
import { chooseTitle, firstSentence, inferTitle, isSectionLabel, isTitleLike } from '../../../electron/backend/import/article-title';
import { canonicalText } from '../../../shared/content/canonical-text';
import { heading, paragraph } from '../../../shared/content/doc';
import { readAs } from './read-seed';

const BODY = 'The CIA reportedly carried out a drone strike earlier this month on a dock in Venezuela, officials said.';
const text = (blocks: ReturnType<typeof chooseTitle>['blocks']) => canonicalText({ type: 'doc', content: blocks }).text;

describe('chooseTitle', () => {
  it('takes a title-like first line and drops repeats of it', () => {
    const c = chooseTitle([paragraph('US Conducts Military Action'), paragraph('US conducts military action'), paragraph(BODY)]);
    expect(c).toMatchObject({ title: 'US Conducts Military Action', titleInferred: false, titleSource: 'first line', section: null });
    expect(text(c.blocks)).toBe(BODY);
  });

  it('reads a one- or two-word label above the title as its section', () => {
    const c = chooseTitle([paragraph('USA'), paragraph('CIA carries out first drone strike'), paragraph(BODY)]);
    expect(c).toMatchObject({ title: 'CIA carries out first drone strike', section: 'USA' });
    expect(text(c.blocks)).toBe(BODY);
  });

  it('uses a stated title, dropping a first line (or label and line) that repeats it', () => {
    expect(text(chooseTitle([paragraph('The Title'), paragraph(BODY)], { statedTitle: 'The title' }).blocks)).toBe(BODY);
    const c = chooseTitle([paragraph('World'), paragraph('The Title'), paragraph(BODY)], { statedTitle: 'The Title' });
    expect(c.section).toBe('World');
    expect(text(c.blocks)).toBe(BODY);
    expect(text(chooseTitle([paragraph(BODY)], { statedTitle: 'Other' }).blocks)).toBe(BODY);
  });

  it('takes a leading H1 in Markdown, but not a level-2 heading before a stated title', () => {
    expect(chooseTitle([heading('Headline', 1), paragraph(BODY)], { leadingH1IsTitle: true })).toMatchObject({ title: 'Headline', titleSource: 'first heading' });
  });

  it('infers a title when the file opens with a paragraph, and keeps the paragraph', () => {
    const c = chooseTitle([paragraph(BODY), paragraph('Second paragraph.')]);
    expect(c).toMatchObject({ titleInferred: true, titleSource: 'inferred from the text' });
    expect(c.title).toBe('The CIA reportedly carried out a drone strike earlier this month on a dock…');
    expect(text(c.blocks)).toBe(`${BODY}\n\nSecond paragraph.`);
  });

  it('keeps a lone title-like line as the text rather than leave no text', () => {
    const c = chooseTitle([paragraph('Call Maria about the dock strike')]);
    expect(text(c.blocks)).toBe('Call Maria about the dock strike');
  });
});

describe('title heuristics', () => {
  it('isTitleLike: short, no closing full stop', () => {
    expect(isTitleLike('Latest: Maduro says Venezuela open to US talks on drug trafficking')).toBe(true);
    expect(isTitleLike('Is Venezuela next?')).toBe(true);
    expect(isTitleLike('He said so.')).toBe(false);
    expect(isTitleLike(BODY)).toBe(false);
  });

  it('isSectionLabel: one or two words, or three in capitals', () => {
    expect(isSectionLabel('USA')).toBe(true);
    expect(isSectionLabel('World news')).toBe(true);
    expect(isSectionLabel('LATIN AMERICA NEWS')).toBe(true);
    expect(isSectionLabel('CIA carries out strike')).toBe(false);
    expect(isSectionLabel('2026')).toBe(false);
  });

  it('firstSentence skips abbreviations and initials', () => {
    expect(firstSentence('Mr. Trump met U.S. officials on Sept. 2 in Washington. They talked.')).toBe('Mr. Trump met U.S. officials on Sept. 2 in Washington.');
    expect(firstSentence('Donald J. Trump spoke. Then he left.')).toBe('Donald J. Trump spoke.');
    expect(firstSentence('“Kill them all,” he said. It was an order.')).toBe('“Kill them all,” he said.');
  });

  it('inferTitle: the first sentence without its full stop, or its first words and "…"', () => {
    expect(inferTitle('Donald Trump and Nicolas Maduro spoke by phone last week. They discussed a meeting.')).toBe(
      'Donald Trump and Nicolas Maduro spoke by phone last week',
    );
    expect(inferTitle('Did they talk? Nobody knows.')).toBe('Did they talk?');
    const long = inferTitle(
      'The special operations commander overseeing the Sept. 2 attack, the first action in the war against suspected drug traffickers, ordered a second strike.',
    );
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(81);
    expect(long).toBe('The special operations commander overseeing the Sept. 2 attack, the first action…');
  });
});

describe('titles through the text reader', () => {
  it('drops a body first line that repeats the front-matter title', () => {
    const a = readAs('x.txt', `---\ntitle: Same Title\n---\nSame Title\n${BODY}`);
    expect(canonicalText(a.content).text).toBe(BODY);
  });
});
