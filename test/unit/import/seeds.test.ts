import { describe, expect, it } from 'vitest';
import { blockText, canonicalText } from '../../../shared/content/canonical-text';
import type { Block, ContentDoc } from '../../../shared/content/doc';
import { readSeed } from './read-seed';

// What a researcher checks after importing each of the five seed articles.

const textOf = (doc: ContentDoc) => canonicalText(doc).text;

function everyBlockHasText(blocks: Block[]): boolean {
  return blocks.every((b) => {
    if (b.type === 'paragraph' || b.type === 'heading') return blockText(b).trim().length > 0;
    if (b.type === 'blockquote') return b.content.length > 0 && everyBlockHasText(b.content);
    return b.content.length > 0 && b.content.every((item) => item.content.length > 0 && everyBlockHasText(item.content));
  });
}

describe('seed 000 (one paragraph per line, headings, a list)', () => {
  const a = readSeed('000_');
  it('takes the first line as the title, exactly as written, and does not repeat it', () => {
    expect(a.title).toBe('Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues');
    expect(a.titleInferred).toBe(false);
    expect(a.fieldSources.title).toBe('first line');
    expect(textOf(a.content)).not.toContain('Maduro Invites US Dialogue');
    expect(textOf(a.content).startsWith('Venezuelan President Nicolás Maduro has expressed willingness')).toBe(true);
  });
  it('finds the section headings', () => {
    const headings = a.content.content.filter((b) => b.type === 'heading').map((b) => blockText(b as Extract<Block, { type: 'heading' }>));
    expect(headings).toEqual([
      'Background of US Strikes on Drug Traffickers',
      'Recent Military Actions',
      'Maduro’s Response',
      'US Policy Toward Venezuela',
      'Migration Crisis and Economic Strain',
      'Venezuelan Oil Sanctions',
      'Legal and Ethical Implications',
    ]);
  });
  it('reads the four dash lines as one bullet list', () => {
    const lists = a.content.content.filter((b) => b.type === 'bulletList');
    expect(lists).toHaveLength(1);
    const items = lists[0]!.content.map((item) => blockText(item.content[0] as Extract<Block, { type: 'paragraph' }>));
    expect(items).toEqual([
      'Date of first attack: September 2',
      'Number of strikes: Over 30',
      'Casualties: More than 110 killed',
      'Latest attack: Recent Wednesday, 5 fatalities',
    ]);
    expect(textOf(a.content)).not.toMatch(/^- /m);
  });
  it('ends with the last paragraph', () => {
    expect(textOf(a.content).endsWith('known narco-trafficking routes.')).toBe(true);
  });
});

describe('seed 001 (blank lines, title twice, "Tags" at the end)', () => {
  const a = readSeed('001_');
  it('has its title once, not in the body', () => {
    expect(a.title).toBe('US Conducts Military Action Against Venezuelan Drug Vessel');
    expect(textOf(a.content)).not.toContain('US Conducts Military Action Against Venezuelan Drug Vessel');
    expect(textOf(a.content).startsWith('On Tuesday afternoon, Donald Trump laid down the gauntlet.')).toBe(true);
  });
  it('leaves out the lone "Tags" line and keeps the closing quote', () => {
    expect(textOf(a.content)).not.toMatch(/\bTags$/);
    expect(textOf(a.content).endsWith('against the people of Venezuela.” – Nicolás Maduro')).toBe(true);
  });
  it('keeps one block per paragraph', () => {
    expect(a.content.content).toHaveLength(11);
    expect(a.content.content.every((b) => b.type === 'paragraph')).toBe(true);
  });
});

describe('seed 002 (section label, scraped page furniture)', () => {
  const a = readSeed('002_');
  it('puts the label in section and takes the next line as the title', () => {
    expect(a.section).toBe('USA');
    expect(a.fieldSources.section).toBe('first line');
    expect(a.title).toBe('CIA carries out first drone strike on Venezuelan soil targeting drug gangs');
    const text = textOf(a.content);
    expect(text.startsWith('The CIA reportedly carried out a drone strike')).toBe(true);
    expect(text).not.toMatch(/^USA$/m);
  });
  it('ends with the last real paragraph, about fentanyl, and holds none of the furniture', () => {
    const text = textOf(a.content);
    expect(text.endsWith('present on the boats allegedly smuggling drugs into the country.')).toBe(true);
    const lastBlock = canonicalText(a.content).blocks.at(-1)!;
    expect(lastBlock.text).toContain('fentanyl');
    for (const furniture of [
      'For more: Elrisala website',
      'follow us on Facebook',
      'Source of information and images',
      'Related Articles',
      'Leave a Reply',
      'Back to top button',
      'Discover more from Elrisala',
      'Subscribe now to keep reading',
      'Continue reading',
    ]) {
      expect(text).not.toContain(furniture);
    }
  });
  it('takes the outlet from "Discover more from Elrisala"', () => {
    expect(a.outlet).toBe('Elrisala');
    expect(a.fieldSources.outlet).toBe('site footer');
  });
  it('keeps photo captions as paragraphs', () => {
    expect(textOf(a.content)).toContain('over the Christmas holidays (Reuters)');
  });
});

describe('seed 003 (a .txt with Jekyll front matter and MacRoman mojibake)', () => {
  const a = readSeed('003_');
  it('takes its metadata from the front matter', () => {
    expect(a.title).toBe('Latest: Maduro says Venezuela open to US talks on drug trafficking');
    expect(a.titleInferred).toBe(false);
    expect(a.publishedAt).toBe('2026-01-02T02:34:11');
    expect(a.publishedAt!.startsWith('2026-01-02')).toBe(true);
    expect(a.author).toBe('badely');
    expect(a.tags).toEqual(['News']);
    expect(a.subtitle).toBe('In an interview with state TV, the Venezuelan president also evaded a question about an attack in his country claimed by the US.');
    expect(a.url).toBeNull();
    expect(a.fieldSources).toMatchObject({
      title: 'front matter',
      publishedAt: 'front matter',
      author: 'front matter',
      tags: 'front matter',
      subtitle: 'front matter',
    });
  });
  it('repairs "Nicol√°s" to "Nicolás"', () => {
    const text = textOf(a.content);
    expect(text).toContain('Nicolás Maduro');
    expect(text).not.toContain('√');
  });
  it('keeps the front matter out of the text', () => {
    const text = textOf(a.content);
    for (const line of ['layout: post', 'title:', 'categories:', 'image: assets', '---']) expect(text).not.toContain(line);
    expect(text.startsWith("Let's dive into the details: Venezuelan leader Nicolás Maduro")).toBe(true);
  });
  it('trims the trailing spaces of its lines', () => {
    for (const block of canonicalText(a.content).blocks) expect(block.text).toBe(block.text.trim());
  });
});

describe('seed 004 (no title line)', () => {
  const a = readSeed('004_');
  it('infers a short title from the first sentence and says so', () => {
    expect(a.titleInferred).toBe(true);
    expect(a.fieldSources.title).toBe('inferred from the text');
    expect(a.title).toBe('Donald Trump and Nicolas Maduro spoke by phone last week');
    expect(a.title.length).toBeLessThanOrEqual(90);
  });
  it('keeps the opening paragraph in the body', () => {
    expect(textOf(a.content).startsWith('Donald Trump and Nicolas Maduro spoke by phone last week. They discussed')).toBe(true);
  });
});

describe('every seed', () => {
  const all = ['000_', '001_', '002_', '003_', '004_'].map((p) => [p, readSeed(p)] as const);
  it.each(all)('%s: no empty block, no front-matter line, no doubled spaces', (_prefix, a) => {
    expect(everyBlockHasText(a.content.content)).toBe(true);
    const text = textOf(a.content);
    expect(text).not.toContain('layout: post');
    expect(text).not.toMatch(/ {2}|\t|\r/);
    expect(text).not.toMatch(/\n{3}/);
    expect(a.title.trim()).toBe(a.title);
    expect(a.title.length).toBeGreaterThan(0);
  });
});
