import { describe, expect, it } from 'vitest';
import { joinLines, lineEndHyphen, vocabularyOf } from '../../../electron/backend/import/pdf/line-break-hyphens';

describe('joinLines: hyphenation at line ends', () => {
  it('joins a word the typesetter split, with a hyphen-minus, U+2010 or a soft hyphen', () => {
    expect(joinLines('in inter-', 'national waters')).toBe('in international waters');
    expect(joinLines('has expressed will‐', 'ingness to engage')).toBe('has expressed willingness to engage');
    expect(joinLines('traf\u00ad', 'ficking')).toBe('trafficking');
  });

  it('keeps the hyphen of compounds it can recognise cheaply', () => {
    expect(joinLines('attacks on non-', 'state actors')).toBe('attacks on non-state actors');
    expect(joinLines('a self-', 'declared leader')).toBe('a self-declared leader');
    expect(joinLines('alleged “narco-', 'terrorist groups”')).toBe('alleged “narco-terrorist groups”');
    expect(joinLines('a state-', 'owned oil company')).toBe('a state-owned oil company');
    expect(joinLines('a US-', 'backed plan')).toBe('a US-backed plan');
  });

  it('keeps the hyphen before a capital or a digit, after a digit or one letter, and before two letters', () => {
    expect(joinLines('anti-', 'American protests')).toBe('anti-American protests');
    expect(joinLines('the COVID-', '19 pandemic')).toBe('the COVID-19 pandemic');
    expect(joinLines('a 30-', 'year sentence')).toBe('a 30-year sentence');
    expect(joinLines('by e-', 'mail')).toBe('by e-mail');
    expect(joinLines('a follow-', 'up visit')).toBe('a follow-up visit');
  });

  it('lets the document decide: a form it uses elsewhere wins', () => {
    const hyphenated = vocabularyOf(['the cease-fire held', 'a second cease-fire']);
    const closed = vocabularyOf(['the ceasefire held']);
    expect(joinLines('the cease-', 'fire', hyphenated)).toBe('the cease-fire');
    expect(joinLines('the cease-', 'fire', closed)).toBe('the ceasefire');
    expect(lineEndHyphen('cease-', 'fire')).toBe('join'); // no evidence either way: a split word
    // A prefix on the list is still joined when the document writes the word closed.
    expect(joinLines('the anti-', 'biotics', vocabularyOf(['antibiotics were short']))).toBe('the antibiotics');
  });

  it('counts only whole words: the fragment before a line-end hyphen is not one', () => {
    const vocab = vocabularyOf(['the inter-', 'national community and a well-known name']);
    expect(vocab.has('inter')).toBe(false);
    expect(vocab.get('well-known')).toBe(1);
    expect(vocab.get('national')).toBe(1);
  });

  it('joins other lines with a space, dashes written close without one, CJK without one', () => {
    expect(joinLines('the strike', 'on Tuesday')).toBe('the strike on Tuesday');
    expect(joinLines('the strike -', 'on Tuesday')).toBe('the strike - on Tuesday');
    expect(joinLines('in Venezuela—', 'which denies it')).toBe('in Venezuela—which denies it');
    expect(joinLines('in Venezuela —', 'which')).toBe('in Venezuela — which');
    expect(joinLines('委内瑞拉', '总统')).toBe('委内瑞拉总统');
    expect(joinLines('', 'first')).toBe('first');
    expect(lineEndHyphen('no hyphen', 'here')).toBeNull();
  });
});
