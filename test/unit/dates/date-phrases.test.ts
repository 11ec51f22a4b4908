import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/api/result';
import { findDateMentions } from '../../../shared/dates/date-mentions';
import { expectValidEdtf, shown } from './edtf-check';

/** The one expression a phrase holds, resolved against `published`. */
function only(phrase: string, published: string | null) {
  const mentions = findDateMentions(phrase, published);
  expectValidEdtf(mentions);
  expect(mentions, `mentions in “${phrase}”`).toHaveLength(1);
  return mentions[0]!;
}

describe('the news phrases the spec names, with made-up publication dates', () => {
  it.each([
    // A month is a month: "last July" is the most recent July before the publication month…
    ['last July', '2025-09-03', '2025-07'],
    // …so in July itself it is the year before.
    ['last July', '2025-07-15', '2024-07'],
    // From the month's first day to publication.
    ['earlier this month', '2025-12-30', '2025-12-01/2025-12-30'],
    ['earlier this month', '2025-12-01', '2025-12-01'],
    // The first ten days, the end approximate: where "early" stops is the writer's guess.
    ['early last month', '2025-11-28', '2025-10-01/2025-10-10~'],
    ['early last month', '2026-01-15', '2025-12-01/2025-12-10~'],
    // Monday to publication: a report cannot know the rest of the week.
    ['this week', '2026-01-02', '2025-12-29/2026-01-02'],
    ['this week', '2025-12-29', '2025-12-29'],
    // From the day to publication, the writer's "now".
    ['since September 2', '2025-11-28', '2025-09-02/2025-11-28'],
    ['since September 2', '2026-01-02', '2025-09-02/2026-01-02'],
    // Christmas Eve to New Year's Day, both ends approximate; the last holidays that had begun.
    ['over the Christmas holidays', '2025-12-30', '2025-12-24~/2026-01-01~'],
    ['over the Christmas holidays', '2026-02-10', '2025-12-24~/2026-01-01~'],
    ['over the Christmas holidays', '2025-12-20', '2024-12-24~/2025-01-01~'],
    // US Thanksgiving, the fourth Thursday of November; the night is the day's.
    ['Thanksgiving night', '2025-11-28', '2025-11-27'],
    ['Thanksgiving night', '2025-11-20', '2024-11-28'],
    ['Thanksgiving night', '2026-12-01', '2026-11-26'],
    // Years left out: the most recent such day on or before publication.
    ['on 2 September', '2026-01-10', '2025-09-02'],
    ['on 10 December', '2025-12-10', '2025-12-10'],
    ['on 11 December', '2025-12-10', '2024-12-11'],
    ['in October', '2025-11-28', '2025-10'],
    ['in December', '2025-11-28', '2024-12'],
    ['December 30 to January 2', '2026-01-05', '2025-12-30/2026-01-02'],
  ])('“%s” published %s is %s', (phrase, published, edtf) => {
    const m = only(phrase, published);
    expect(m).toMatchObject({ text: phrase, start: 0, end: phrase.length, edtf, inferred: true, relative: true });
  });

  // 2026-01-02 is a Friday: each weekday is the most recent on or before it, the day itself included.
  it.each([
    ['on Monday', '2025-12-29'],
    ['on Tuesday', '2025-12-30'],
    ['on Wednesday', '2025-12-31'],
    ['on Thursday', '2026-01-01'],
    ['on Friday', '2026-01-02'],
    ['on Saturday', '2025-12-27'],
    ['on Sunday', '2025-12-28'],
    ['last Friday', '2025-12-26'],
    ['this Sunday', '2026-01-04'],
    ['next Monday', '2026-01-05'],
    ['Tuesday night', '2025-12-30'],
    // Not necessarily the last Wednesday: uncertain.
    ['on a recent Wednesday', '2025-12-31?'],
  ])('“%s” in a paper of Friday 2 January 2026 is %s', (phrase, edtf) => {
    expect(only(phrase, '2026-01-02')).toMatchObject({ text: phrase, edtf });
  });

  it.each([
    ['last week', '2025-11-28', '2025-11-17/2025-11-23'],
    ['next week', '2026-01-02', '2026-01-05/2026-01-11'],
    ['the past week', '2026-01-02', '2025-12-26/2026-01-02'],
    ['over the weekend', '2025-11-28', '2025-11-22/2025-11-23'],
    ['last weekend', '2025-11-30', '2025-11-22/2025-11-23'],
    ['this month', '2026-01-02', '2026-01'],
    ['last month', '2026-01-02', '2025-12'],
    ['later this month', '2026-01-02', '2026-01-02/2026-01-31'],
    ['mid-December', '2026-01-02', '2025-12-11~/2025-12-20~'],
    ['late November', '2026-01-02', '2025-11-21~/2025-11-30'],
    ['in early March', '2026-01-02', '2025-03-01/2025-03-10~'],
    ['the end of last year', '2026-01-02', '2025-09~/2025-12'],
    ['earlier this year', '2026-03-04', '2026-01-01/2026-03-04'],
    ['last year', '2026-01-02', '2025'],
    ['last summer', '2025-10-10', '2025-06~/2025-08~'],
    ['last summer', '2025-07-10', '2024-06~/2024-08~'],
    ['this winter', '2026-01-02', '2025-12~/2026-02~'],
    ['yesterday', '2026-01-02', '2026-01-01'],
    ['two days ago', '2026-01-02', '2025-12-31'],
    ['two weeks ago', '2026-01-02', '2025-12-19~'],
    ['3 months ago', '2026-01-02', '2025-10~'],
    ['the past three months', '2026-01-02', '2025-10~/2026-01-02'],
    ['the last two weeks', '2026-01-02', '2025-12-19~/2026-01-02'],
    ['since early last month', '2026-01-02', '2025-12-01/2026-01-02'],
    ['since the start of the year', '2026-03-04', '2026-01/2026-03-04'],
    ['since October', '2025-11-28', '2025-10/2025-11-28'],
    ['by the end of the month', '2025-11-28', '2025-11-21~/2025-11-30'],
    ['on Christmas Eve', '2026-01-02', '2025-12-24'],
    ["New Year's Eve", '2026-01-02', '2025-12-31'],
    ['Easter Sunday', '2026-01-02', '2025-04-20'],
    ['Thanksgiving weekend', '2025-12-01', '2025-11-27/2025-11-30'],
    ['next Thanksgiving', '2025-11-28', '2026-11-26'],
    ['Black Friday', '2025-12-10', '2025-11-28'],
  ])('“%s” published %s is %s', (phrase, published, edtf) => {
    expect(only(phrase, published)).toMatchObject({ text: phrase, edtf });
  });

  it.each([
    ['on 2 September 2025', '2025-09-02'],
    ['September 2, 2025', '2025-09-02'],
    ['in August 2019', '2019-08'],
    ['in 2013', '2013'],
    ['from 2018–2023', '2018/2023'],
    ['between 2018 and 2023', '2018/2023'],
    ['the 2019-20 season', '2019/2020'],
    ['early 2025', '2025-01/2025-04~'],
    ['the summer of 2019', '2019-06~/2019-08~'],
    ['Christmas 2024', '2024-12-25'],
    ['the 1990s', '199X'],
    // Read as US month/day, marked uncertain: a British writer means 10 December.
    ['10/12/2025', '2025-10-12?'],
    ['13/10/2025', '2025-10-13'],
  ])('“%s” is dated by the text alone: %s, with or without a publication date', (phrase, edtf) => {
    const withDate = findDateMentions(phrase, '2026-01-02');
    const without = findDateMentions(phrase, null);
    expectValidEdtf([...withDate, ...without]);
    expect(withDate.map((m) => m.edtf)).toEqual([edtf]);
    expect(without.map((m) => m.edtf)).toEqual([edtf]);
    expect(without[0]!.relative).toBe(false);
  });
});

describe('without a publication date', () => {
  it.each([
    'last July', 'earlier this month', 'early last month', 'this week', 'since September 2',
    'over the Christmas holidays', 'Thanksgiving night', 'on Wednesday', 'on 2 September', 'in October',
    'yesterday', 'last week', 'the past three months', 'December 26-31',
  ])('“%s” is found but given no date: the researcher is asked for the publication date', (phrase) => {
    expect(only(phrase, null)).toMatchObject({ text: phrase, edtf: null, reason: 'needs-publication-date', relative: true });
  });

  it('a span from a full date stays open at the end instead of guessing the day of writing', () => {
    expect(only('since 2 September 2025', null)).toMatchObject({ edtf: '2025-09-02/..', relative: false });
  });

  it('refuses a publication date that is not a day, with a sentence', () => {
    expect(() => findDateMentions('on Monday', '2026-02-30')).toThrow(UserError);
    expect(() => findDateMentions('on Monday', 'January 2')).toThrow(/Write it as YYYY-MM-DD/);
  });
});

describe('offsets', () => {
  it('are UTF-16 code units, so emoji and other non-BMP characters before a phrase count two', () => {
    const text = '👍🏽 𝒜𝓃𝓃𝒶 🇻🇪 said on Thursday that 🛢️ talks begin in October.';
    const mentions = findDateMentions(text, '2026-01-02');
    expect(shown(mentions)).toEqual([
      { text: 'on Thursday', start: text.indexOf('on Thursday'), end: text.indexOf('on Thursday') + 11, edtf: '2026-01-01' },
      { text: 'in October', start: text.indexOf('in October'), end: text.indexOf('in October') + 10, edtf: '2025-10' },
    ]);
    // 👍🏽 is 2 code points but 4 code units; 𝒜𝓃𝓃𝒶 4 code points, 8 units; the flag 2 points, 4 units.
    expect(mentions[0]!.start).toBe(4 + 1 + 8 + 1 + 4 + 1 + 'said '.length);
    expect(Array.from(text.slice(0, mentions[0]!.start)).length).toBeLessThan(mentions[0]!.start);
  });

  it('match the text on either side of a phrase taken from chrono-node too', () => {
    const text = '😀 On 2 September 2025, and 😀 Sept. 2';
    for (const m of findDateMentions(text, '2026-01-02')) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('numbers and words that are not dates', () => {
  it.each([
    '83 people were killed',
    'the 2025 budget',
    'in the 2025 budget',
    'the meeting started at 10:30',
    'a $50 million reward',
    '3/4 of the vessels',
    'more than 110 individuals',
    'over 30 strikes',
    'this could be something we talk about in a few days',
    'This information became known a day after the US President announced',
    'For several minutes, commanders watched',
    'now is the time to rise up',
    'Theresa May said',
    'May said nothing',
    'under a Christmas tree',
    'the fall of Kabul',
    'on Fridays the office closes',
    'the last 24 hours',
    'page 12 of No. 10',
    // Days with names of their own are not the plain weekday before publication.
    'Super Tuesday results',
    'Ash Wednesday services',
  ])('“%s” holds no date', (text) => {
    expect(findDateMentions(text, '2026-01-02')).toEqual([]);
  });

  it('a time next to a day leaves only the day', () => {
    expect(shown(findDateMentions('at 10:30 on Friday', '2026-01-02'))).toEqual([{ text: 'on Friday', start: 9, end: 18, edtf: '2026-01-02' }]);
    expect(shown(findDateMentions('Tuesday at 10:30', '2026-01-02'))).toEqual([{ text: 'Tuesday', start: 0, end: 7, edtf: '2025-12-30' }]);
  });

  it('a time written with a date stays in the phrase but not in the value: event dates are days', () => {
    expect(shown(findDateMentions('The call came on 2 September at 10:30.', '2026-01-02'))).toEqual([
      { text: 'on 2 September at 10:30', start: 14, end: 37, edtf: '2025-09-02' },
    ]);
  });

  it('"in 2018 and 2023" is two years, not a span', () => {
    expect(shown(findDateMentions('in 2018 and in 2023', null)).map((m) => m.edtf)).toEqual(['2018', '2023']);
  });
});
